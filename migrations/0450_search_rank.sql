-- The site-wide search's order by relevance from an index (issue 18, item
-- 2): a RUM index (Debian's postgresql-15-rum) keeps each lexeme's
-- positions, so `search <=> query` (its rank: the words' weights and
-- nearness) is computed inside the index and the best N come out first,
-- without reading every matching proposal's row to rank it and sort them.
-- The extension is not trusted: a superuser creates it in the database
-- (conf/devdb.sh for the development and test databases, README "Running
-- in production"); this migration only needs it to be there.
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'rum') THEN
		RAISE EXCEPTION 'the extension rum is missing: as a superuser, '
		    'CREATE EXTENSION rum in database % (Debian package '
		    'postgresql-15-rum; README, "Running in production")',
		    current_database();
	END IF;
END $$;
CREATE INDEX proposals_rank ON contributions USING rum (search rum_tsvector_ops)
	WHERE kind = 'proposal' AND status = 'published';
