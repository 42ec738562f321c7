-- One definition of "public", in SQL, used by every figure and every file.
--
-- A contribution is public when it is published and so is everything it
-- answers, up to its proposal: a reply under a hidden, rejected or pending
-- proposal (or under a hidden argument or comment) is published by itself
-- but shown nowhere, so it is not public. The open-data files hold exactly
-- the public contributions; the report rollups, the home page, /export/,
-- the API and the listings count exactly those.
--
-- contributions.is_public holds the answer, kept by triggers in the same
-- transaction as the change: computed for a new row from its status and
-- its parent, and, when a status change makes a row enter or leave the
-- public set, pushed down its whole subtree in one UPDATE (a proposal with
-- 600 replies: one statement of 600 rows, one rollup delta, one change of
-- the proposal's replies counter; test/bench/cascade.sh measures it). The report rollups gain an is_public
-- dimension, so they move with it. contributions_public_rebuild()
-- recomputes the column from the statuses alone; report_rollups_rebuild()
-- calls it first.
--
-- This replaces the open-data queries' join on the thread's proposal and
-- the API's subtraction of the published replies of unpublished threads
-- (migration 0100's index proposals_unpublished, dropped below).

-- Existing rows start public and the few that are not are corrected by
-- report_rollups_rebuild() below: a column added with a default costs no
-- table rewrite. New rows get their value from the trigger.
ALTER TABLE contributions
	-- published and everything it answers published too (triggers keep it; never write it by hand)
	ADD COLUMN is_public boolean NOT NULL DEFAULT true;
ALTER TABLE contributions ALTER COLUMN is_public SET DEFAULT false;
COMMENT ON COLUMN contributions.is_public IS
	'published, and so is everything it answers up to its proposal; kept by triggers (contributions_public_*), never written by hand';

-- A new row, or a row whose status or parent changes: public when
-- published under a public parent (a proposal has none).
CREATE FUNCTION contributions_public_set() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	NEW.is_public := NEW.status = 'published' AND (NEW.parent_id IS NULL
	    OR coalesce((SELECT p.is_public FROM contributions p
	    WHERE p.id = NEW.parent_id), false));
	RETURN NEW;
END $$;

-- After contributions_moderation_insert (names fire in order), which may
-- hold the row as pending.
CREATE TRIGGER contributions_public_ins BEFORE INSERT ON contributions
	FOR EACH ROW EXECUTE FUNCTION contributions_public_set();
CREATE TRIGGER contributions_public_upd BEFORE UPDATE OF status, parent_id
	ON contributions FOR EACH ROW
	WHEN (OLD.status IS DISTINCT FROM NEW.status
	    OR OLD.parent_id IS DISTINCT FROM NEW.parent_id)
	EXECUTE FUNCTION contributions_public_set();

-- A row entered or left the public set: every row under it follows, in one
-- statement (which fires the report rollups once), and the replies counters
-- of the threads concerned move by the same amount. The subtree is walked
-- one level at a time through contributions_parent (a recursive CTE got a
-- plan that read the whole table: its row estimates are blind). The row's
-- value is read again from the table: when a statement changes a parent
-- and its child, the later cascade starts from what the earlier one wrote,
-- and either order ends with the same values. Two transactions deciding at
-- the same moment on a proposal and on a reply under it lock the same rows
-- in opposite orders (the reply's thread counter is on the proposal):
-- PostgreSQL aborts one with a deadlock error, nothing is half written, and
-- the moderator decides again. Locking the thread's proposal first in the
-- deciding functions would make them queue instead.
CREATE FUNCTION contributions_public_cascade() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	lvl_ids		bigint[];	-- one level of the subtree
	lvl_pub		boolean[];	-- what is_public must be there
	all_ids		bigint[] := '{}';
	all_pub		boolean[] := '{}';
	depth		integer := 0;
BEGIN
	SELECT ARRAY[c.id], ARRAY[c.is_public] INTO lvl_ids, lvl_pub
	    FROM contributions c WHERE c.id = NEW.id;
	LOOP
		SELECT array_agg(c.id), array_agg(p.pub AND c.status = 'published')
		INTO lvl_ids, lvl_pub
		FROM unnest(lvl_ids, lvl_pub) AS p(id, pub)
		JOIN contributions c ON c.parent_id = p.id;
		depth := depth + 1;
		EXIT WHEN lvl_ids IS NULL OR depth > 1000;
		all_ids := all_ids || lvl_ids;
		all_pub := all_pub || lvl_pub;
	END LOOP;
	WITH moved AS (UPDATE contributions c SET is_public = x.pub
	    FROM unnest(all_ids, all_pub) AS x(id, pub)
	    WHERE c.id = x.id AND c.is_public <> x.pub
	    RETURNING c.proposal_id, x.pub),
	n AS (SELECT x.proposal_id,
	    sum(CASE WHEN x.pub THEN 1 ELSE -1 END) AS n
	    FROM (SELECT proposal_id, pub FROM moved
		UNION ALL SELECT NEW.proposal_id, NEW.is_public
		WHERE NEW.kind <> 'proposal') x
	    GROUP BY x.proposal_id)
	UPDATE contributions p SET replies = p.replies + n.n FROM n
	WHERE p.id = n.proposal_id AND n.n <> 0;
	RETURN NULL;
END $$;

CREATE TRIGGER contributions_public_cascade AFTER UPDATE OF status, parent_id
	ON contributions FOR EACH ROW
	WHEN (OLD.is_public IS DISTINCT FROM NEW.is_public)
	EXECUTE FUNCTION contributions_public_cascade();

-- proposals' replies = public arguments and comments of the thread. Inserts
-- and deletes here; status changes in contributions_public_cascade.
CREATE OR REPLACE FUNCTION contributions_replies() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' AND OLD.kind <> 'proposal' AND OLD.is_public THEN
		UPDATE contributions SET replies = replies - 1
		    WHERE id = OLD.proposal_id;
	ELSIF TG_OP = 'INSERT' AND NEW.kind <> 'proposal' AND NEW.is_public THEN
		UPDATE contributions SET replies = replies + 1
		    WHERE id = NEW.proposal_id;
	END IF;
	RETURN NULL;
END $$;
DROP TRIGGER contributions_replies_status ON contributions;

-- Recomputes is_public from the statuses alone (everything under a row that
-- is not published is not public), then every proposal's replies counter;
-- writes only the rows that differ. Joins, never "id IN (subquery)": at
-- generate's scale, with many rows held by the spam brake, a subquery the
-- planner does not hash costs rows x held rows.
CREATE FUNCTION contributions_public_rebuild() RETURNS void
LANGUAGE sql AS $$
	WITH RECURSIVE unpub (id) AS (
		SELECT id FROM contributions WHERE status <> 'published'
		UNION
		SELECT c.id FROM unpub u JOIN contributions c ON c.parent_id = u.id),
	want AS (SELECT c.id, u.id IS NULL AS pub FROM contributions c
	    LEFT JOIN unpub u ON u.id = c.id)
	UPDATE contributions c SET is_public = w.pub FROM want w
	WHERE c.id = w.id AND c.is_public <> w.pub;
	UPDATE contributions p SET replies = x.n
	FROM (SELECT q.id, count(r.id) AS n FROM contributions q
	    LEFT JOIN contributions r ON r.proposal_id = q.id
	    AND r.kind <> 'proposal' AND r.is_public
	    WHERE q.kind = 'proposal' GROUP BY q.id) x
	WHERE p.id = x.id AND p.replies <> x.n;
$$;

-- The rollups count public and non-public rows apart; the moderation
-- figures still read the row's own status.
ALTER TABLE report_counts
	ADD COLUMN is_public boolean NOT NULL DEFAULT false; -- contributions.is_public of the rows counted
COMMENT ON COLUMN report_counts.is_public IS 'contributions.is_public of the rows counted';
ALTER TABLE report_counts DROP CONSTRAINT report_counts_pkey,
	ADD PRIMARY KEY (theme_id, week, territory_code, kind, status,
	    assisted, is_public);
COMMENT ON COLUMN report_people.contributions IS 'public contributions written in the theme';
COMMENT ON COLUMN report_people.votes IS 'votes on public contributions of the theme';
COMMENT ON COLUMN report_themes.contributors IS 'people with >= 1 public contribution';
COMMENT ON COLUMN report_themes.voters IS 'people with >= 1 vote on a public contribution';
COMMENT ON COLUMN report_themes.votes IS 'votes on public contributions';
COMMENT ON COLUMN report_themes.changed_at IS 'last change of a public text';
COMMENT ON COLUMN report_consultation_people.contributions IS 'public contributions written in it';
COMMENT ON COLUMN report_consultations.contributors IS 'people with >= 1 public contribution';

-- 0070's rollup, with is_public: the rows whose reported columns changed
-- (is_public included, so a cascade moves its rows between the public and
-- the non-public counts), their authors and, when a row enters or leaves
-- the public set, its votes. The scratch table has a new name: a session
-- opened before this migration keeps its old one.
CREATE OR REPLACE FUNCTION report_contributions_rollup() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
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

-- 0080's vote rollup: votes count on public contributions.
CREATE OR REPLACE FUNCTION report_votes_rollup() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	t	integer;
	u	bigint;
	n	bigint;
	nv	bigint;
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT c.theme_id, x.user_id, count(*) OVER () INTO t, u, n
		    FROM new_rows x JOIN contributions c ON c.id = x.contribution_id
		    WHERE c.is_public LIMIT 1;
		IF NOT FOUND THEN
			RETURN NULL;
		END IF;
		IF n = 1 THEN
			INSERT INTO report_people AS r (theme_id, user_id,
			    contributions, votes) VALUES (t, u, 0, 1)
			    ON CONFLICT (theme_id, user_id) DO UPDATE
			    SET votes = r.votes + 1
			    RETURNING r.votes INTO nv;
			INSERT INTO report_themes AS r (theme_id, voters, votes)
			    VALUES (t, (nv = 1)::int, 1)
			    ON CONFLICT (theme_id) DO UPDATE
			    SET voters = r.voters + excluded.voters,
			    votes = r.votes + 1;
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

CREATE OR REPLACE FUNCTION report_rollups_rebuild() RETURNS void
LANGUAGE sql AS $$
	SELECT contributions_public_rebuild();
	DELETE FROM report_counts;
	DELETE FROM report_people;
	DELETE FROM report_themes;
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
	INSERT INTO report_themes (theme_id, contributors, voters, votes)
	SELECT t.id, count(p.user_id) FILTER (WHERE p.contributions > 0),
	    count(p.user_id) FILTER (WHERE p.votes > 0), coalesce(sum(p.votes), 0)
	FROM themes t LEFT JOIN report_people p ON p.theme_id = t.id
	GROUP BY t.id;
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

-- Fills is_public and the replies counters for the existing rows, then
-- every rollup.
SELECT report_rollups_rebuild();

-- What the triggers guarantee, checked on every write.
ALTER TABLE contributions
	ADD CONSTRAINT contributions_public_is_published
	    CHECK (NOT is_public OR status = 'published'),
	ADD CONSTRAINT contributions_public_proposal
	    CHECK (kind <> 'proposal' OR is_public = (status = 'published'));

-- The workaround the one definition makes unnecessary (migration 0100).
DROP INDEX proposals_unpublished;
