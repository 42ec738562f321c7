-- Reports at scale: rollup tables kept current by the write path, so that a
-- theme report reads a few thousand rows, never millions. Statement-level
-- triggers with transition tables fold a whole INSERT / UPDATE / DELETE into
-- one grouped upsert (cheap for bulk loads). report_rollups_rebuild()
-- recomputes everything from the base tables (agora generate disables the
-- triggers and calls it at the end). The heavy text analyses (recurring
-- terms, near-duplicate titles) are cached per theme by report_refresh()
-- (`agora refresh-reports`) and computed live for small themes.

-- Contributions per theme, week, département, kind, status and assistance.
CREATE TABLE report_counts (
	theme_id	integer NOT NULL REFERENCES themes(id) ON DELETE CASCADE, -- the theme
	week		date NOT NULL,		-- Monday (Europe/Paris) of created_at's week
	territory_code	text NOT NULL,		-- département code, '' when unknown
	kind		text NOT NULL,		-- proposal, argument or comment
	status		text NOT NULL,		-- moderation status
	assisted	boolean NOT NULL,	-- typed by an EPN mediator (assisted_by set)
	n		bigint NOT NULL,	-- number of contributions
	PRIMARY KEY (theme_id, week, territory_code, kind, status, assisted)
);

-- Per theme and person: published contributions written and votes cast on
-- published contributions of the theme (rows at 0 are kept).
CREATE TABLE report_people (
	theme_id	integer NOT NULL REFERENCES themes(id) ON DELETE CASCADE, -- the theme
	user_id		bigint NOT NULL,	-- author or voter
	contributions	bigint NOT NULL,	-- published contributions written in the theme
	votes		bigint NOT NULL,	-- votes on published contributions of the theme
	PRIMARY KEY (theme_id, user_id)
);

-- Per theme totals derived from report_people, and the last change of the
-- published texts (the freshness mark of the cached analyses).
CREATE TABLE report_themes (
	theme_id	integer PRIMARY KEY REFERENCES themes(id) ON DELETE CASCADE, -- the theme
	contributors	bigint NOT NULL DEFAULT 0, -- people with >= 1 published contribution
	voters		bigint NOT NULL DEFAULT 0, -- people with >= 1 vote on a published one
	votes		bigint NOT NULL DEFAULT 0, -- votes on published contributions
	changed_at	timestamptz NOT NULL DEFAULT now() -- last change of a published text
);

-- Cached recurring terms of a theme (see report_refresh).
CREATE TABLE report_terms_cache (
	theme_id	integer NOT NULL REFERENCES themes(id) ON DELETE CASCADE, -- the theme
	rank		integer NOT NULL,	-- 1 = most frequent
	word		text NOT NULL,		-- the term
	nentry		bigint NOT NULL,	-- occurrences
	ndoc		bigint NOT NULL,	-- contributions using it
	PRIMARY KEY (theme_id, rank)
);

-- Cached pairs of near-duplicate proposal titles of a theme.
CREATE TABLE report_similar_cache (
	theme_id	integer NOT NULL REFERENCES themes(id) ON DELETE CASCADE, -- the theme
	a_id		bigint NOT NULL,	-- first proposal (smaller id)
	a_title		text NOT NULL,		-- its title then
	b_id		bigint NOT NULL,	-- second proposal
	b_title		text NOT NULL,		-- its title then
	pct		text NOT NULL,		-- similarity in percent
	PRIMARY KEY (theme_id, a_id, b_id)
);

-- When each theme's analyses were last computed.
CREATE TABLE report_cache_state (
	theme_id	integer PRIMARY KEY REFERENCES themes(id) ON DELETE CASCADE, -- the theme
	computed_at	timestamptz NOT NULL	-- start of the computation (its snapshot)
);

-- Divided proposals: the report's order, read from an index.
CREATE INDEX proposals_divided ON contributions (theme_id,
	wilson_lower_bound(least(votes_agree, votes_disagree),
	    votes_agree + votes_disagree) DESC, id)
	WHERE kind = 'proposal' AND status = 'published'
	AND votes_agree > 0 AND votes_disagree > 0;

-- Adds per (theme, person) deltas to report_people and report_themes.
CREATE FUNCTION report_people_add(p_theme integer[], p_user bigint[],
    p_contrib bigint[], p_votes bigint[]) RETURNS void LANGUAGE sql AS $$
	WITH d AS (SELECT t, u, sum(c)::bigint AS c, sum(v)::bigint AS v
	    FROM unnest(p_theme, p_user, p_contrib, p_votes) x(t, u, c, v)
	    WHERE u IS NOT NULL GROUP BY t, u HAVING sum(c) <> 0 OR sum(v) <> 0),
	up AS (INSERT INTO report_people AS r (theme_id, user_id, contributions, votes)
	    SELECT t, u, c, v FROM d ORDER BY t, u
	    ON CONFLICT (theme_id, user_id) DO UPDATE SET
	    contributions = r.contributions + excluded.contributions,
	    votes = r.votes + excluded.votes
	    RETURNING theme_id, user_id, contributions, votes),
	tr AS (SELECT up.theme_id,
	    sum((up.contributions > 0)::int - (up.contributions - d.c > 0)::int) AS dc,
	    sum((up.votes > 0)::int - (up.votes - d.v > 0)::int) AS dvr,
	    sum(d.v) AS dv
	    FROM up JOIN d ON d.t = up.theme_id AND d.u = up.user_id
	    GROUP BY up.theme_id)
	INSERT INTO report_themes AS r (theme_id, contributors, voters, votes)
	SELECT theme_id, dc, dvr, dv FROM tr ORDER BY theme_id
	ON CONFLICT (theme_id) DO UPDATE SET
	    contributors = r.contributors + excluded.contributors,
	    voters = r.voters + excluded.voters, votes = r.votes + excluded.votes
$$;

CREATE FUNCTION report_contributions_rollup() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	-- The changed rows, +1 per new row and -1 per old row (a session's
	-- scratch table: one trigger call at a time per session).
	IF to_regclass('pg_temp.report_delta_c') IS NULL THEN
		CREATE TEMP TABLE report_delta_c (theme_id int,
		    author_id bigint, id bigint, status text, title text,
		    body text, created_at timestamptz, territory_code text,
		    kind text, assisted boolean, sign int) ON COMMIT DELETE ROWS;
	END IF;
	IF TG_OP = 'INSERT' THEN
		INSERT INTO report_delta_c SELECT theme_id, author_id, id, status,
		    title, body, created_at, territory_code, kind,
		    assisted_by IS NOT NULL, 1 FROM new_rows;
	ELSIF TG_OP = 'DELETE' THEN
		INSERT INTO report_delta_c SELECT theme_id, author_id, id, status,
		    title, body, created_at, territory_code, kind,
		    assisted_by IS NOT NULL, -1 FROM old_rows;
	ELSE
		-- Only rows whose reported columns changed (not vote counters).
		INSERT INTO report_delta_c
		SELECT x.* FROM old_rows o JOIN new_rows n ON n.id = o.id
		CROSS JOIN LATERAL (VALUES
		    (o.theme_id, o.author_id, o.id, o.status, o.title, o.body,
		     o.created_at, o.territory_code, o.kind,
		     o.assisted_by IS NOT NULL, -1),
		    (n.theme_id, n.author_id, n.id, n.status, n.title, n.body,
		     n.created_at, n.territory_code, n.kind,
		     n.assisted_by IS NOT NULL, 1)) x
		WHERE (o.theme_id, o.author_id, o.status, o.title, o.body,
		    o.created_at, o.territory_code, o.kind, o.assisted_by)
		    IS DISTINCT FROM (n.theme_id, n.author_id, n.status, n.title,
		    n.body, n.created_at, n.territory_code, n.kind, n.assisted_by);
	END IF;
	IF NOT EXISTS (SELECT 1 FROM report_delta_c) THEN
		RETURN NULL;
	END IF;
	INSERT INTO report_counts AS r (theme_id, week, territory_code, kind,
	    status, assisted, n)
	SELECT theme_id, date_trunc('week', created_at AT TIME ZONE
	    'Europe/Paris')::date, coalesce(territory_code, ''), kind, status,
	    assisted, sum(sign) FROM report_delta_c
	GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
	ON CONFLICT (theme_id, week, territory_code, kind, status, assisted)
	DO UPDATE SET n = r.n + excluded.n;
	-- People: published contributions by author, and the votes of
	-- contributions that entered or left (theme, published).
	PERFORM report_people_add(array_agg(t), array_agg(u), array_agg(c),
	    array_agg(v)) FROM (
		SELECT theme_id AS t, author_id AS u, sign::bigint AS c,
		    0::bigint AS v FROM report_delta_c WHERE status = 'published'
		UNION ALL
		SELECT d.theme_id, vo.user_id, 0, d.sign::bigint
		FROM report_delta_c d JOIN votes vo ON vo.contribution_id = d.id
		WHERE d.status = 'published' AND TG_OP = 'UPDATE') x;
	-- Freshness mark of the text analyses.
	INSERT INTO report_themes AS r (theme_id, changed_at)
	SELECT DISTINCT theme_id, now() FROM report_delta_c
	WHERE status = 'published' ORDER BY theme_id
	ON CONFLICT (theme_id) DO UPDATE SET changed_at = now();
	DELETE FROM report_delta_c;
	RETURN NULL;
END $$;

CREATE TRIGGER report_contributions_ins AFTER INSERT ON contributions
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION report_contributions_rollup();
CREATE TRIGGER report_contributions_upd AFTER UPDATE ON contributions
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION report_contributions_rollup();
CREATE TRIGGER report_contributions_del AFTER DELETE ON contributions
	REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION report_contributions_rollup();

CREATE FUNCTION report_votes_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM report_people_add(array_agg(c.theme_id),
		    array_agg(n.user_id), array_agg(0::bigint), array_agg(1::bigint))
		FROM new_rows n JOIN contributions c ON c.id = n.contribution_id
		WHERE c.status = 'published';
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM report_people_add(array_agg(c.theme_id),
		    array_agg(o.user_id), array_agg(0::bigint), array_agg(-1::bigint))
		FROM old_rows o JOIN contributions c ON c.id = o.contribution_id
		WHERE c.status = 'published';
	ELSE
		PERFORM report_people_add(array_agg(c.theme_id),
		    array_agg(x.user_id), array_agg(0::bigint), array_agg(x.s))
		FROM (SELECT user_id, contribution_id, -1::bigint AS s FROM old_rows
		    UNION ALL SELECT user_id, contribution_id, 1 FROM new_rows) x
		JOIN contributions c ON c.id = x.contribution_id
		WHERE c.status = 'published';
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER report_votes_ins AFTER INSERT ON votes
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION report_votes_rollup();
CREATE TRIGGER report_votes_upd AFTER UPDATE ON votes
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION report_votes_rollup();
CREATE TRIGGER report_votes_del AFTER DELETE ON votes
	REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION report_votes_rollup();

-- Recomputes every rollup from contributions and votes.
CREATE FUNCTION report_rollups_rebuild() RETURNS void LANGUAGE sql AS $$
	DELETE FROM report_counts;
	DELETE FROM report_people;
	DELETE FROM report_themes;
	INSERT INTO report_counts (theme_id, week, territory_code, kind, status,
	    assisted, n)
	SELECT theme_id, date_trunc('week', created_at AT TIME ZONE
	    'Europe/Paris')::date, coalesce(territory_code, ''), kind, status,
	    assisted_by IS NOT NULL, count(*) FROM contributions
	GROUP BY 1, 2, 3, 4, 5, 6;
	INSERT INTO report_people (theme_id, user_id, contributions, votes)
	SELECT t, u, sum(c), sum(v) FROM (
		SELECT theme_id AS t, author_id AS u, count(*) AS c, 0 AS v
		FROM contributions WHERE status = 'published'
		AND author_id IS NOT NULL GROUP BY 1, 2
		UNION ALL
		SELECT c.theme_id, v.user_id, 0, count(*)
		FROM votes v JOIN contributions c ON c.id = v.contribution_id
		WHERE c.status = 'published' GROUP BY 1, 2) x
	GROUP BY t, u;
	INSERT INTO report_themes (theme_id, contributors, voters, votes)
	SELECT t.id, count(p.user_id) FILTER (WHERE p.contributions > 0),
	    count(p.user_id) FILTER (WHERE p.votes > 0), coalesce(sum(p.votes), 0)
	FROM themes t LEFT JOIN report_people p ON p.theme_id = t.id
	GROUP BY t.id;
$$;

SELECT report_rollups_rebuild();

-- The recurring terms of a theme, computed now from the published texts.
CREATE FUNCTION report_terms_live(p_theme integer)
RETURNS TABLE (word text, nentry bigint, ndoc bigint) LANGUAGE sql STABLE AS $$
	SELECT word, nentry::bigint, ndoc::bigint FROM ts_stat(format(
	    'SELECT to_tsvector(''agora_terms'', coalesce(title, '''') || '' '' ||'
	    ' body) FROM contributions WHERE theme_id = %s'
	    ' AND status = ''published''', p_theme))
	WHERE char_length(word) >= 4 AND word !~ '^[0-9]+$'
	AND word <> ALL (report_extra_stopwords())
	ORDER BY nentry DESC, ndoc DESC, word LIMIT 30
$$;

-- The near-duplicate pairs of proposal titles of a theme, computed now.
CREATE FUNCTION report_similar_live(p_theme integer)
RETURNS TABLE (a_id bigint, a_title text, b_id bigint, b_title text, pct text)
LANGUAGE sql STABLE AS $$
	SELECT a.id, a.title, b.id, b.title,
	    to_char(100 * similarity(a.title, b.title), 'FM990')
	FROM contributions a JOIN contributions b ON b.theme_id = a.theme_id
	AND b.id > a.id AND b.kind = 'proposal' AND b.status = 'published'
	WHERE a.theme_id = p_theme AND a.kind = 'proposal'
	AND a.status = 'published' AND a.title % b.title
	AND similarity(a.title, b.title) >= 0.5
	ORDER BY a.id, b.id LIMIT 300
$$;

-- The same pairs as report_similar_live, found the other way round for big
-- themes: proposals in id order, each one's matches through the trigram
-- index (contributions_title_trgm), stopping at 300 pairs, instead of
-- comparing every pair of the theme (quadratic).
CREATE FUNCTION report_similar_scan(p_theme integer)
RETURNS TABLE (a_id bigint, a_title text, b_id bigint, b_title text, pct text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
	r	record;
	x	record;
	n	integer := 0;
BEGIN
	FOR r IN SELECT c.id, c.title FROM contributions c
	    WHERE c.theme_id = p_theme AND c.kind = 'proposal'
	    AND c.status = 'published' ORDER BY c.id
	LOOP
		FOR x IN SELECT b.id, b.title, similarity(r.title, b.title) AS s
		    FROM contributions b WHERE b.kind = 'proposal'
		    AND b.title % r.title AND b.theme_id = p_theme
		    AND b.status = 'published' AND b.id > r.id
		    AND similarity(r.title, b.title) >= 0.5 ORDER BY b.id
		LOOP
			a_id := r.id; a_title := r.title;
			b_id := x.id; b_title := x.title;
			pct := to_char(100 * x.s, 'FM990');
			RETURN NEXT;
			n := n + 1;
			EXIT WHEN n >= 300;
		END LOOP;
		EXIT WHEN n >= 300;
	END LOOP;
END $$;

-- Recomputes and stores the cached analyses of one theme.
CREATE FUNCTION report_refresh(p_theme integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext('report_refresh'), p_theme);
	DELETE FROM report_terms_cache WHERE theme_id = p_theme;
	INSERT INTO report_terms_cache (theme_id, rank, word, nentry, ndoc)
	SELECT p_theme, row_number() OVER (), l.word, l.nentry, l.ndoc
	FROM report_terms_live(p_theme) l;
	DELETE FROM report_similar_cache WHERE theme_id = p_theme;
	INSERT INTO report_similar_cache (theme_id, a_id, a_title, b_id,
	    b_title, pct)
	SELECT p_theme, s.* FROM report_similar_scan(p_theme) s;
	INSERT INTO report_cache_state (theme_id, computed_at)
	VALUES (p_theme, transaction_timestamp())
	ON CONFLICT (theme_id) DO UPDATE SET computed_at = excluded.computed_at;
END $$;

-- Above this many published contributions a theme's analyses are read from
-- the cache (refreshed by `agora refresh-reports`) instead of computed live.
CREATE TABLE report_config (
	only_row	boolean PRIMARY KEY DEFAULT true CHECK (only_row), -- one row
	live_limit	bigint NOT NULL	-- published contributions above which a theme's analyses are cached
);
INSERT INTO report_config (live_limit) VALUES (2000);
CREATE FUNCTION report_live_limit() RETURNS bigint LANGUAGE sql STABLE
AS $$ SELECT live_limit FROM report_config $$;

-- How a theme's analyses are shown: live (small theme or fresh cache), or
-- from the cache with its date and whether texts changed since.
-- Columns: source ('live', 'cache', 'none'), computed_at, stale.
CREATE FUNCTION report_analysis_state(p_theme integer,
    OUT source text, OUT computed_at timestamptz, OUT stale boolean)
LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN s.computed_at IS NOT NULL
	    AND s.computed_at >= coalesce(r.changed_at, '-infinity') THEN 'cache'
	    WHEN (SELECT coalesce(sum(n), 0) FROM report_counts c
	    WHERE c.theme_id = p_theme AND c.status = 'published')
	    <= report_live_limit() THEN 'live'
	    WHEN s.computed_at IS NOT NULL THEN 'cache' ELSE 'none' END,
	    CASE WHEN s.computed_at IS NOT NULL
	    AND s.computed_at >= coalesce(r.changed_at, '-infinity')
	    THEN s.computed_at
	    WHEN (SELECT coalesce(sum(n), 0) FROM report_counts c
	    WHERE c.theme_id = p_theme AND c.status = 'published')
	    <= report_live_limit() THEN statement_timestamp()
	    ELSE s.computed_at END,
	    s.computed_at IS NOT NULL AND s.computed_at < r.changed_at
	    AND (SELECT coalesce(sum(n), 0) FROM report_counts c
	    WHERE c.theme_id = p_theme AND c.status = 'published')
	    > report_live_limit()
	FROM (SELECT p_theme AS id) t
	LEFT JOIN report_themes r ON r.theme_id = t.id
	LEFT JOIN report_cache_state s ON s.theme_id = t.id
$$;

-- The recurring terms a report shows: live or from the cache, per
-- report_analysis_state (none when a big theme was never computed).
CREATE FUNCTION report_terms(p_theme integer)
RETURNS TABLE (word text, nentry bigint, ndoc bigint) LANGUAGE plpgsql STABLE AS $$
DECLARE
	src text := (SELECT s.source FROM report_analysis_state(p_theme) s);
BEGIN
	IF src = 'live' THEN
		RETURN QUERY SELECT * FROM report_terms_live(p_theme);
	ELSIF src = 'cache' THEN
		RETURN QUERY SELECT c.word, c.nentry, c.ndoc FROM report_terms_cache c
		WHERE c.theme_id = p_theme ORDER BY c.rank;
	END IF;
END $$;

-- The near-duplicate pairs a report shows, like report_terms.
CREATE FUNCTION report_similar(p_theme integer)
RETURNS TABLE (a_id bigint, a_title text, b_id bigint, b_title text, pct text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
	src text := (SELECT s.source FROM report_analysis_state(p_theme) s);
BEGIN
	IF src = 'live' THEN
		RETURN QUERY SELECT * FROM report_similar_live(p_theme);
	ELSIF src = 'cache' THEN
		RETURN QUERY SELECT c.a_id, c.a_title, c.b_id, c.b_title, c.pct
		FROM report_similar_cache c WHERE c.theme_id = p_theme
		ORDER BY c.a_id, c.b_id;
	END IF;
END $$;
