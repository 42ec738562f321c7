-- The home page's figures from rollups. It counted every contribution of the
-- primary consultation, and its distinct authors, at each request: 2 pages a
-- second at 400,000 contributions (README, "Performance"). Now the
-- per-theme and total counts come from report_counts, and the number of
-- participants from report_consultations, kept by report_people_add() (the
-- one place report_people changes) in the same statement.

-- Per consultation and person: published contributions written in it (rows
-- at 0 are kept).
CREATE TABLE report_consultation_people (
	consultation_id	bigint NOT NULL REFERENCES consultations(id) ON DELETE CASCADE, -- the consultation
	user_id		bigint NOT NULL,	-- author
	contributions	bigint NOT NULL,	-- published contributions written in it
	PRIMARY KEY (consultation_id, user_id)
);

-- Per consultation: distinct people with at least one published contribution.
CREATE TABLE report_consultations (
	consultation_id	bigint PRIMARY KEY REFERENCES consultations(id) ON DELETE CASCADE, -- the consultation
	contributors	bigint NOT NULL DEFAULT 0 -- people with >= 1 published contribution
);

-- Recomputes the two tables above from contributions.
CREATE FUNCTION report_consultations_rebuild() RETURNS void LANGUAGE sql AS $$
	DELETE FROM report_consultation_people;
	DELETE FROM report_consultations;
	INSERT INTO report_consultation_people (consultation_id, user_id,
	    contributions)
	SELECT t.consultation_id, c.author_id, count(*)
	FROM contributions c JOIN themes t ON t.id = c.theme_id
	WHERE c.status = 'published' AND c.author_id IS NOT NULL
	GROUP BY 1, 2;
	INSERT INTO report_consultations (consultation_id, contributors)
	SELECT k.id, count(p.user_id) FILTER (WHERE p.contributions > 0)
	FROM consultations k LEFT JOIN report_consultation_people p
	    ON p.consultation_id = k.id
	GROUP BY k.id;
$$;

SELECT report_consultations_rebuild();

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
	    contributors = r.contributors + excluded.contributors)
	INSERT INTO report_themes AS r (theme_id, contributors, voters, votes)
	SELECT theme_id, dc, dvr, dv FROM tr ORDER BY theme_id
	ON CONFLICT (theme_id) DO UPDATE SET
	    contributors = r.contributors + excluded.contributors,
	    voters = r.voters + excluded.voters, votes = r.votes + excluded.votes
$$;

CREATE OR REPLACE FUNCTION report_rollups_rebuild() RETURNS void LANGUAGE sql AS $$
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
	SELECT report_consultations_rebuild();
$$;
