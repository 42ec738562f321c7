-- Search: the query of the site-wide search (/recherche) and of a theme's
-- listing, read from what a person typed.
--
-- The current text of each function of the area (see shared.sql).

-- The full-text query of p_q (websearch syntax: "phrase", -mot, OR), with
-- hyphens normalised so that "wi-fi" finds "wifi" and "wifi" finds
-- "wi-fi". The parser indexes a hyphenated word whole and as its parts
-- (contributions.search of "wi-fi" holds 'wi-f', 'wi', 'fi' at adjacent
-- positions), so the query, in this one place, joins hyphenated words
-- ("wi-fi" -> "wifi") and lets each word of 4 to 24 letters also match as
-- two adjacent parts ('wifi' | 'wi' <-> 'fi' | ...), a part never a stop
-- word. The index is not rewritten and stays the one the listings use
-- (proposals_search, migration 0361). At most 8 distinct words are
-- widened, so a query stays a few dozen index entries. IMMUTABLE (as
-- fr_unaccent's to_tsvector() the stored documents are made with): the
-- planner computes the query once from the typed text and estimates its
-- matches from the statistics, so a frequent word's search walks an
-- order's index and stops early, a rare word's reads the full-text index.
CREATE OR REPLACE FUNCTION search_query(p_q text) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
	-- A '-' before no word is a space (stacked negations overflow
	-- websearch's stack: text_search_clean() in C does the same).
	joined	text := regexp_replace(regexp_replace(coalesce(p_q, ''),
	    '-(?![[:alnum:]"])', ' ', 'g'), '(\w)-(?=\w)', '\1', 'g');
	q	tsquery := websearch_to_tsquery('fr_unaccent', joined);
	w	text;
	word	tsquery;
	alts	tsquery;
	a	tsquery;
	b	tsquery;
	k	integer;
	n	integer := 0;
BEGIN
	FOR w IN SELECT DISTINCT m[1] FROM regexp_matches(joined,
	    '(\w{4,24})', 'g') AS m LOOP
		n := n + 1;
		EXIT WHEN n > 8;
		word := search_lexeme(w);
		CONTINUE WHEN word IS NULL;
		alts := word;
		FOR k IN 2 .. length(w) - 2 LOOP
			a := search_lexeme(left(w, k));
			b := search_lexeme(substr(w, k + 1));
			CONTINUE WHEN a IS NULL OR b IS NULL;
			alts := alts || (a <-> b);
		END LOOP;
		q := ts_rewrite(q, word, alts);
	END LOOP;
	RETURN q;
END $$;

-- The one lexeme of a single word p_w as a query (stemmed, unaccented by
-- fr_unaccent), or NULL for a stop word: without plainto_tsquery's
-- notice for each stop word.
CREATE OR REPLACE FUNCTION search_lexeme(p_w text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT CASE WHEN length(v) = 1
	    THEN quote_literal((tsvector_to_array(v))[1])::tsquery END
	FROM to_tsvector('fr_unaccent', p_w) AS v
$$;
