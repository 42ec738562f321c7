-- Reports: the rollups the write path keeps (so a report reads a few
-- thousand rows, never millions), their rebuild, the cached analyses, and
-- the source platforms' tallies of the archives.
--
-- The current text of each function and trigger of the area, in one
-- place: `agora migrate` applies every file of migrations/functions/
-- after the numbered migrations, each time. To change a function, edit
-- it here (a new migration only for what CREATE OR REPLACE cannot do:
-- a changed signature or return type is a DROP there first).

-- Common French words that PostgreSQL's french stop list lacks (verbs,
-- adverbs): they would crowd the "recurring terms" of every report.
CREATE OR REPLACE FUNCTION report_extra_stopwords() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT ARRAY['être', 'avoir', 'plus', 'moins', 'peut', 'peuvent',
	    'pourrait', 'tout', 'tous', 'toute', 'toutes', 'cette', 'faire',
	    'fait', 'faut', 'comme', 'cela', 'ceci', 'doit', 'doivent',
	    'bien', 'sans', 'donc', 'déjà', 'aussi', 'très', 'leur',
	    'leurs', 'ainsi', 'dont', 'sont', 'mais', 'même', 'autre',
	    'autres', 'entre', 'celle', 'celui', 'ceux', 'celles',
	    'notamment', 'afin', 'chaque', 'encore', 'alors', 'lors',
	    'quand', 'rien', 'selon', 'sous', 'vers', 'avec', 'pour',
	    'dans', 'nous', 'vous', 'elle', 'elles', 'ils', 'faudrait',
	    'serait', 'seraient', 'était', 'étaient', 'avait', 'avaient',
	    'quelle', 'quel', 'quels', 'quelles', 'parce', 'pourquoi',
	    'comment', 'exemple', 'etc', 'cas', 'trop', 'beaucoup', 'peu',
	    'souvent', 'toujours', 'jamais', 'ici', 'là', 'car', 'puis',
	    'non', 'oui', 'lorsque', 'depuis', 'avant', 'après', 'plusieurs',
	    'certains', 'certaines', 'chose', 'choses', 'mettre', 'permet',
	    'permettre', 'semble', 'dire', 'aller', 'voir', 'veut', 'veulent',
	    'http', 'https', 'www']
$$;

-- The slot of report_theme_votes (migration 0350) this session adds its
-- votes to: its backend's, so the sessions of a pool write different rows
-- and a theme's votes commit in parallel; any slot gives the same sum.
CREATE OR REPLACE FUNCTION report_vote_slot() RETURNS smallint
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT (pg_backend_pid() % 64)::smallint
$$;

CREATE OR REPLACE FUNCTION report_people_add(p_theme integer[], p_user bigint[],
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
	    GROUP BY up.theme_id),
	-- The same for the consultation: contributions only, and its row is
	-- touched only when its number of contributors changes.
	kd AS (SELECT th.consultation_id AS k, d.u, sum(d.c)::bigint AS c
	    FROM d JOIN themes th ON th.id = d.t
	    GROUP BY 1, 2 HAVING sum(d.c) <> 0),
	kup AS (INSERT INTO report_consultation_people AS r (consultation_id,
	    user_id, contributions)
	    SELECT k, u, c FROM kd ORDER BY k, u
	    ON CONFLICT (consultation_id, user_id) DO UPDATE SET
	    contributions = r.contributions + excluded.contributions
	    RETURNING consultation_id, user_id, contributions),
	ktr AS (INSERT INTO report_consultations AS r (consultation_id,
	    contributors)
	    SELECT kup.consultation_id, sum((kup.contributions > 0)::int -
	    (kup.contributions - kd.c > 0)::int)
	    FROM kup JOIN kd ON kd.k = kup.consultation_id AND kd.u = kup.user_id
	    GROUP BY 1 HAVING sum((kup.contributions > 0)::int -
	    (kup.contributions - kd.c > 0)::int) <> 0 ORDER BY 1
	    ON CONFLICT (consultation_id) DO UPDATE SET
	    contributors = r.contributors + excluded.contributors),
	-- Contributors on the theme's row, only when they change; votes and
	-- voters on this session's slot (0350: no row every vote waits for).
	th AS (INSERT INTO report_themes AS r (theme_id, contributors)
	    SELECT theme_id, dc FROM tr WHERE dc <> 0 ORDER BY theme_id
	    ON CONFLICT (theme_id) DO UPDATE SET
	    contributors = r.contributors + excluded.contributors)
	INSERT INTO report_theme_votes AS r (theme_id, slot, voters, votes)
	SELECT theme_id, report_vote_slot(), dvr, dv FROM tr
	WHERE dvr <> 0 OR dv <> 0 ORDER BY theme_id
	ON CONFLICT (theme_id, slot) DO UPDATE SET
	    voters = r.voters + excluded.voters, votes = r.votes + excluded.votes
$$;

-- 0070's rollup, with is_public: the rows whose reported columns changed
-- (is_public included, so a cascade moves its rows between the public and
-- the non-public counts), their authors and, when a row enters or leaves
-- the public set, its votes. The scratch table has a new name: a session
-- opened before this migration keeps its old one.
CREATE OR REPLACE FUNCTION report_contributions_rollup() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	-- An update of counters only (votes, replies, "utile") returns before
	-- the scratch table is touched: a transaction that never opens it is
	-- spared its truncate at commit (ON COMMIT DELETE ROWS, issue 18).
	IF TG_OP = 'UPDATE' THEN
		IF NOT EXISTS (SELECT 1 FROM old_rows o
		    JOIN new_rows n ON n.id = o.id
		    WHERE (o.theme_id, o.author_id, o.status, o.is_public,
		    o.title, o.body, o.created_at, o.territory_code, o.kind,
		    o.assisted_by) IS DISTINCT FROM (n.theme_id, n.author_id,
		    n.status, n.is_public, n.title, n.body, n.created_at,
		    n.territory_code, n.kind, n.assisted_by)) THEN
			RETURN NULL;
		END IF;
	END IF;
	IF to_regclass('pg_temp.report_delta_pub') IS NULL THEN
		CREATE TEMP TABLE report_delta_pub (theme_id int,
		    author_id bigint, id bigint, status text, is_public boolean,
		    created_at timestamptz, territory_code text, kind text,
		    assisted boolean, sign int) ON COMMIT DELETE ROWS;
	END IF;
	IF TG_OP = 'INSERT' THEN
		INSERT INTO report_delta_pub SELECT theme_id, author_id, id,
		    status, is_public, created_at, territory_code, kind,
		    assisted_by IS NOT NULL, 1 FROM new_rows;
	ELSIF TG_OP = 'DELETE' THEN
		INSERT INTO report_delta_pub SELECT theme_id, author_id, id,
		    status, is_public, created_at, territory_code, kind,
		    assisted_by IS NOT NULL, -1 FROM old_rows;
	ELSE
		-- Only rows whose reported columns changed (not vote counters);
		-- a changed text counts as -1 +1 for the freshness mark.
		INSERT INTO report_delta_pub
		SELECT x.* FROM old_rows o JOIN new_rows n ON n.id = o.id
		CROSS JOIN LATERAL (VALUES
		    (o.theme_id, o.author_id, o.id, o.status, o.is_public,
		     o.created_at, o.territory_code, o.kind,
		     o.assisted_by IS NOT NULL, -1),
		    (n.theme_id, n.author_id, n.id, n.status, n.is_public,
		     n.created_at, n.territory_code, n.kind,
		     n.assisted_by IS NOT NULL, 1)) x
		WHERE (o.theme_id, o.author_id, o.status, o.is_public, o.title,
		    o.body, o.created_at, o.territory_code, o.kind, o.assisted_by)
		    IS DISTINCT FROM (n.theme_id, n.author_id, n.status,
		    n.is_public, n.title, n.body, n.created_at, n.territory_code,
		    n.kind, n.assisted_by);
	END IF;
	IF NOT EXISTS (SELECT 1 FROM report_delta_pub) THEN
		RETURN NULL;
	END IF;
	INSERT INTO report_counts AS r (theme_id, week, territory_code, kind,
	    status, assisted, is_public, n)
	SELECT theme_id, date_trunc('week', created_at AT TIME ZONE
	    'Europe/Paris')::date, coalesce(territory_code, ''), kind, status,
	    assisted, is_public, sum(sign) FROM report_delta_pub
	GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(sign) <> 0
	ORDER BY 1, 2, 3, 4, 5, 6, 7
	ON CONFLICT (theme_id, week, territory_code, kind, status, assisted,
	    is_public)
	DO UPDATE SET n = r.n + excluded.n;
	-- People: public contributions by author, and the votes of rows that
	-- entered or left (theme, public).
	PERFORM report_people_add(array_agg(t), array_agg(u), array_agg(c),
	    array_agg(v)) FROM (
		SELECT theme_id AS t, author_id AS u, sign::bigint AS c,
		    0::bigint AS v FROM report_delta_pub WHERE is_public
		UNION ALL
		SELECT d.theme_id, vo.user_id, 0, d.sign::bigint
		FROM report_delta_pub d JOIN votes vo ON vo.contribution_id = d.id
		WHERE d.is_public AND TG_OP = 'UPDATE') x;
	-- Freshness mark of the text analyses.
	INSERT INTO report_themes AS r (theme_id, changed_at)
	SELECT DISTINCT theme_id, now() FROM report_delta_pub
	WHERE is_public ORDER BY theme_id
	ON CONFLICT (theme_id) DO UPDATE SET changed_at = now();
	DELETE FROM report_delta_pub;
	RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER report_contributions_del AFTER DELETE
	ON contributions
	REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT
	EXECUTE FUNCTION report_contributions_rollup();

CREATE OR REPLACE TRIGGER report_contributions_ins AFTER INSERT
	ON contributions
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT
	EXECUTE FUNCTION report_contributions_rollup();

CREATE OR REPLACE TRIGGER report_contributions_upd AFTER UPDATE
	ON contributions
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT
	EXECUTE FUNCTION report_contributions_rollup();

-- 0080's vote rollup: votes count on public contributions.
CREATE OR REPLACE FUNCTION report_votes_rollup() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	t	integer;
	u	bigint;
	n	bigint;
	nv	bigint;
	s	smallint;
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT c.theme_id, x.user_id, count(*) OVER () INTO t, u, n
		    FROM new_rows x JOIN contributions c ON c.id = x.contribution_id
		    WHERE c.is_public LIMIT 1;
		IF NOT FOUND THEN
			RETURN NULL;
		END IF;
		-- One vote: a plain UPDATE of the existing rows first (an
		-- upsert that finds its row locks it first: one more WAL
		-- record, often with a page image); the upsert only when
		-- the row is missing, which also settles a concurrent insert.
		IF n = 1 THEN
			UPDATE report_people SET votes = votes + 1
			    WHERE theme_id = t AND user_id = u
			    RETURNING votes INTO nv;
			IF NOT FOUND THEN
				INSERT INTO report_people AS r (theme_id,
				    user_id, contributions, votes)
				    VALUES (t, u, 0, 1)
				    ON CONFLICT (theme_id, user_id) DO UPDATE
				    SET votes = r.votes + 1
				    RETURNING r.votes INTO nv;
			END IF;
			s := report_vote_slot();
			UPDATE report_theme_votes SET
			    voters = voters + (nv = 1)::int, votes = votes + 1
			    WHERE theme_id = t AND slot = s;
			IF NOT FOUND THEN
				INSERT INTO report_theme_votes AS r (theme_id,
				    slot, voters, votes)
				    VALUES (t, s, (nv = 1)::int, 1)
				    ON CONFLICT (theme_id, slot) DO UPDATE
				    SET voters = r.voters + excluded.voters,
				    votes = r.votes + 1;
			END IF;
			RETURN NULL;
		END IF;
		PERFORM report_people_add(array_agg(c.theme_id),
		    array_agg(x.user_id), array_agg(0::bigint), array_agg(1::bigint))
		FROM new_rows x JOIN contributions c ON c.id = x.contribution_id
		WHERE c.is_public;
	ELSIF TG_OP = 'DELETE' THEN
		IF NOT EXISTS (SELECT 1 FROM old_rows) THEN
			RETURN NULL;
		END IF;
		PERFORM report_people_add(array_agg(c.theme_id),
		    array_agg(o.user_id), array_agg(0::bigint), array_agg(-1::bigint))
		FROM old_rows o JOIN contributions c ON c.id = o.contribution_id
		WHERE c.is_public;
	ELSE
		IF NOT EXISTS (SELECT user_id, contribution_id FROM old_rows
		    EXCEPT ALL SELECT user_id, contribution_id FROM new_rows) THEN
			RETURN NULL;
		END IF;
		PERFORM report_people_add(array_agg(c.theme_id),
		    array_agg(x.user_id), array_agg(0::bigint), array_agg(x.s))
		FROM (SELECT user_id, contribution_id, -1::bigint AS s FROM old_rows
		    UNION ALL SELECT user_id, contribution_id, 1 FROM new_rows) x
		JOIN contributions c ON c.id = x.contribution_id
		WHERE c.is_public;
	END IF;
	RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER report_votes_del AFTER DELETE
	ON votes
	REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT
	EXECUTE FUNCTION report_votes_rollup();

CREATE OR REPLACE TRIGGER report_votes_ins AFTER INSERT
	ON votes
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT
	EXECUTE FUNCTION report_votes_rollup();

CREATE OR REPLACE TRIGGER report_votes_upd AFTER UPDATE
	ON votes
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT
	EXECUTE FUNCTION report_votes_rollup();

CREATE OR REPLACE FUNCTION report_rollups_rebuild() RETURNS void
LANGUAGE sql AS $$
	SELECT contributions_public_rebuild();
	DELETE FROM report_counts;
	DELETE FROM report_people;
	DELETE FROM report_themes;
	DELETE FROM report_theme_votes;
	INSERT INTO report_counts (theme_id, week, territory_code, kind, status,
	    assisted, is_public, n)
	SELECT theme_id, date_trunc('week', created_at AT TIME ZONE
	    'Europe/Paris')::date, coalesce(territory_code, ''), kind, status,
	    assisted_by IS NOT NULL, is_public, count(*) FROM contributions
	GROUP BY 1, 2, 3, 4, 5, 6, 7;
	INSERT INTO report_people (theme_id, user_id, contributions, votes)
	SELECT t, u, sum(c), sum(v) FROM (
		SELECT theme_id AS t, author_id AS u, count(*) AS c, 0 AS v
		FROM contributions WHERE is_public
		AND author_id IS NOT NULL GROUP BY 1, 2
		UNION ALL
		SELECT c.theme_id, v.user_id, 0, count(*)
		FROM votes v JOIN contributions c ON c.id = v.contribution_id
		WHERE c.is_public GROUP BY 1, 2) x
	GROUP BY t, u;
	INSERT INTO report_themes (theme_id, contributors)
	SELECT t.id, count(p.user_id) FILTER (WHERE p.contributions > 0)
	FROM themes t LEFT JOIN report_people p ON p.theme_id = t.id
	GROUP BY t.id;
	INSERT INTO report_theme_votes (theme_id, slot, voters, votes)
	SELECT theme_id, 0, count(*) FILTER (WHERE votes > 0), sum(votes)
	FROM report_people GROUP BY theme_id HAVING sum(votes) <> 0;
	SELECT report_consultations_rebuild();
$$;

-- 0070's text analyses, over the public texts.
CREATE OR REPLACE FUNCTION report_terms_live(p_theme integer)
RETURNS TABLE (word text, nentry bigint, ndoc bigint) LANGUAGE sql STABLE AS $$
	SELECT word, nentry::bigint, ndoc::bigint FROM ts_stat(format(
	    'SELECT to_tsvector(''agora_terms'', coalesce(title, '''') || '' '' ||'
	    ' body) FROM contributions WHERE theme_id = %s AND is_public',
	    p_theme))
	WHERE char_length(word) >= 4 AND word !~ '^[0-9]+$'
	AND word <> ALL (report_extra_stopwords())
	ORDER BY nentry DESC, ndoc DESC, word LIMIT 30
$$;

CREATE OR REPLACE FUNCTION report_similar_live(p_theme integer)
RETURNS TABLE (a_id bigint, a_title text, b_id bigint, b_title text, pct text)
LANGUAGE sql STABLE AS $$
	SELECT a.id, a.title, b.id, b.title,
	    to_char(100 * similarity(a.title, b.title), 'FM990')
	FROM contributions a JOIN contributions b ON b.theme_id = a.theme_id
	AND b.id > a.id AND b.kind = 'proposal' AND b.is_public
	WHERE a.theme_id = p_theme AND a.kind = 'proposal'
	AND a.is_public AND a.title % b.title
	AND similarity(a.title, b.title) >= 0.5
	ORDER BY a.id, b.id LIMIT 300
$$;

CREATE OR REPLACE FUNCTION report_similar_scan(p_theme integer)
RETURNS TABLE (a_id bigint, a_title text, b_id bigint, b_title text, pct text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
	r	record;
	x	record;
	n	integer := 0;
BEGIN
	FOR r IN SELECT c.id, c.title FROM contributions c
	    WHERE c.theme_id = p_theme AND c.kind = 'proposal'
	    AND c.is_public ORDER BY c.id
	LOOP
		FOR x IN SELECT b.id, b.title, similarity(r.title, b.title) AS s
		    FROM contributions b WHERE b.kind = 'proposal'
		    AND b.title % r.title AND b.theme_id = p_theme
		    AND b.is_public AND b.id > r.id
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
CREATE OR REPLACE FUNCTION report_refresh(p_theme integer) RETURNS void
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

CREATE OR REPLACE FUNCTION report_live_limit() RETURNS bigint LANGUAGE sql STABLE
AS $$ SELECT live_limit FROM report_config $$;

-- 0070's choice between live and cached analyses, on the public count.
CREATE OR REPLACE FUNCTION report_analysis_state(p_theme integer,
    OUT source text, OUT computed_at timestamptz, OUT stale boolean)
LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN s.computed_at IS NOT NULL
	    AND s.computed_at >= coalesce(r.changed_at, '-infinity') THEN 'cache'
	    WHEN (SELECT coalesce(sum(n), 0) FROM report_counts c
	    WHERE c.theme_id = p_theme AND c.is_public)
	    <= report_live_limit() THEN 'live'
	    WHEN s.computed_at IS NOT NULL THEN 'cache' ELSE 'none' END,
	    CASE WHEN s.computed_at IS NOT NULL
	    AND s.computed_at >= coalesce(r.changed_at, '-infinity')
	    THEN s.computed_at
	    WHEN (SELECT coalesce(sum(n), 0) FROM report_counts c
	    WHERE c.theme_id = p_theme AND c.is_public)
	    <= report_live_limit() THEN statement_timestamp()
	    ELSE s.computed_at END,
	    s.computed_at IS NOT NULL AND s.computed_at < r.changed_at
	    AND (SELECT coalesce(sum(n), 0) FROM report_counts c
	    WHERE c.theme_id = p_theme AND c.is_public)
	    > report_live_limit()
	FROM (SELECT p_theme AS id) t
	LEFT JOIN report_themes r ON r.theme_id = t.id
	LEFT JOIN report_cache_state s ON s.theme_id = t.id
$$;

-- The recurring terms a report shows: live or from the cache, per
-- report_analysis_state (none when a big theme was never computed).
CREATE OR REPLACE FUNCTION report_terms(p_theme integer)
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
CREATE OR REPLACE FUNCTION report_similar(p_theme integer)
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

-- 0090's rebuilds, from is_public (recomputed first).
CREATE OR REPLACE FUNCTION report_consultations_rebuild() RETURNS void
LANGUAGE sql AS $$
	DELETE FROM report_consultation_people;
	DELETE FROM report_consultations;
	INSERT INTO report_consultation_people (consultation_id, user_id,
	    contributions)
	SELECT t.consultation_id, c.author_id, count(*)
	FROM contributions c JOIN themes t ON t.id = c.theme_id
	WHERE c.is_public AND c.author_id IS NOT NULL
	GROUP BY 1, 2;
	INSERT INTO report_consultations (consultation_id, contributors)
	SELECT k.id, count(p.user_id) FILTER (WHERE p.contributions > 0)
	FROM consultations k LEFT JOIN report_consultation_people p
	    ON p.consultation_id = k.id
	GROUP BY k.id;
$$;

-- Adds sign times the tallies of the proposals ids (published ones when
-- sign > 0 was computed by the caller) to report_source_tallies.
CREATE OR REPLACE FUNCTION report_source_tallies_add(p_ids bigint[], p_sign integer)
RETURNS void LANGUAGE sql AS $$
	INSERT INTO report_source_tallies AS r (theme_id, proposals, split,
	    agree, mixed, disagree, votes, comments)
	SELECT t.theme_id, p_sign * count(*),
	    p_sign * count(*) FILTER (WHERE t.agree IS NOT NULL),
	    p_sign * coalesce(sum(t.agree), 0), p_sign * coalesce(sum(t.mixed), 0),
	    p_sign * coalesce(sum(t.disagree), 0),
	    p_sign * coalesce(sum(t.votes_total), 0),
	    p_sign * coalesce(sum(t.comments), 0)
	FROM imported_tallies t WHERE t.contribution_id = ANY (p_ids)
	AND t.kind = 'proposal' GROUP BY t.theme_id ORDER BY t.theme_id
	ON CONFLICT (theme_id) DO UPDATE SET
	    proposals = r.proposals + excluded.proposals,
	    split = r.split + excluded.split, agree = r.agree + excluded.agree,
	    mixed = r.mixed + excluded.mixed,
	    disagree = r.disagree + excluded.disagree,
	    votes = r.votes + excluded.votes,
	    comments = r.comments + excluded.comments
$$;

-- New tallies (an import): those of published proposals count.
CREATE OR REPLACE FUNCTION report_source_tallies_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM report_source_tallies_add(array_agg(n.contribution_id), 1)
	FROM new_rows n JOIN contributions c ON c.id = n.contribution_id
	WHERE n.kind = 'proposal' AND c.status = 'published'
	HAVING count(*) > 0;
	RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER report_source_tallies_ins AFTER INSERT
	ON imported_tallies
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT
	EXECUTE FUNCTION report_source_tallies_insert();

-- A moderation decision on an imported proposal: its tallies enter or
-- leave the sums. Only imported rows whose status changes fire it.
CREATE OR REPLACE FUNCTION report_source_tallies_status() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.status = 'published' THEN
		PERFORM report_source_tallies_add(ARRAY[NEW.id], 1);
	ELSIF OLD.status = 'published' THEN
		PERFORM report_source_tallies_add(ARRAY[NEW.id], -1);
	END IF;
	RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER report_source_tallies_status AFTER UPDATE OF status
	ON contributions
	FOR EACH ROW
	WHEN (((old.status IS DISTINCT FROM new.status) AND (new.source IS NOT NULL) AND (new.kind = 'proposal'::text)))
	EXECUTE FUNCTION report_source_tallies_status();

-- Recomputes report_source_tallies from imported_tallies and contributions
-- (agora refresh-reports --rebuild).
CREATE OR REPLACE FUNCTION report_source_tallies_rebuild() RETURNS void
LANGUAGE sql AS $$
	DELETE FROM report_source_tallies;
	SELECT report_source_tallies_add(array_agg(c.id), 1)
	FROM contributions c JOIN imported_tallies t ON t.contribution_id = c.id
	WHERE c.kind = 'proposal' AND c.status = 'published'
	HAVING count(*) > 0;
$$;
