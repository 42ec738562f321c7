-- Copyright (c) 2026 The Agora developers.
-- SPDX-License-Identifier: AGPL-3.0-or-later
--
-- The rollups equal a recount: after contributions, votes, "utile" marks,
-- moderation decisions and an erasure, made through the functions the
-- application calls, every figure the write path keeps (report_counts,
-- report_people, report_themes, report_consultation_people,
-- report_consultations of migrations 0070 and 0090, is_public, each
-- thread's replies, each row's vote and "utile" counters) equals a plain
-- recount from contributions, votes and argument_useful. The public set is
-- recounted from the statuses alone (fixtures.psql: recount_public).
\set ON_ERROR_STOP 1
BEGIN;
\ir fixtures.psql

-- Rows of each rollup that differ from a recount: 0 everywhere when they agree.
CREATE FUNCTION pg_temp.rollup_diffs() RETURNS TABLE (rollup text, n bigint)
LANGUAGE sql AS $$
WITH pub AS MATERIALIZED (SELECT id FROM recount_public),
pc AS (SELECT c.* FROM contributions c JOIN pub p ON p.id = c.id),
counts_r AS (SELECT theme_id, week, territory_code, kind, status, assisted, is_public, n
    FROM report_counts WHERE n <> 0),
counts_c AS (SELECT x.theme_id, date_trunc('week', x.created_at AT TIME ZONE 'Europe/Paris')::date,
    coalesce(x.territory_code, ''), x.kind, x.status, x.assisted_by IS NOT NULL,
    p.id IS NOT NULL, count(*)
    FROM contributions x LEFT JOIN pub p ON p.id = x.id GROUP BY 1, 2, 3, 4, 5, 6, 7),
people_r AS (SELECT theme_id, user_id, contributions, votes FROM report_people
    WHERE contributions <> 0 OR votes <> 0),
people_c AS (SELECT t, u, sum(c)::bigint, sum(v)::bigint FROM (
    SELECT theme_id AS t, author_id AS u, count(*) AS c, 0 AS v FROM pc
    WHERE author_id IS NOT NULL GROUP BY 1, 2
    UNION ALL SELECT c.theme_id, v.user_id, 0, count(*) FROM votes v
    JOIN pc c ON c.id = v.contribution_id GROUP BY 1, 2) x GROUP BY t, u),
authors AS (SELECT theme_id, count(DISTINCT author_id) AS n FROM pc GROUP BY 1),
voters AS (SELECT c.theme_id, count(DISTINCT v.user_id) AS voters, count(*) AS votes
    FROM votes v JOIN pc c ON c.id = v.contribution_id GROUP BY 1),
kpeople_r AS (SELECT consultation_id, user_id, contributions
    FROM report_consultation_people WHERE contributions <> 0),
kpeople_c AS (SELECT t.consultation_id, c.author_id, count(*) FROM pc c
    JOIN themes t ON t.id = c.theme_id WHERE c.author_id IS NOT NULL GROUP BY 1, 2),
kauthors AS (SELECT t.consultation_id, count(DISTINCT c.author_id) AS n
    FROM pc c JOIN themes t ON t.id = c.theme_id GROUP BY 1),
replies AS (SELECT proposal_id, count(*) AS n FROM pc WHERE kind <> 'proposal' GROUP BY 1),
tally AS (SELECT contribution_id, count(*) FILTER (WHERE choice = 'agree') AS a,
    count(*) FILTER (WHERE choice = 'mixed') AS m,
    count(*) FILTER (WHERE choice = 'disagree') AS d FROM votes GROUP BY 1),
marks AS (SELECT contribution_id, count(*) AS n FROM argument_useful GROUP BY 1)
SELECT 'report_counts', (SELECT count(*) FROM (TABLE counts_r EXCEPT TABLE counts_c) x)
    + (SELECT count(*) FROM (TABLE counts_c EXCEPT TABLE counts_r) y)
UNION ALL
SELECT 'report_people', (SELECT count(*) FROM (TABLE people_r EXCEPT TABLE people_c) x)
    + (SELECT count(*) FROM (TABLE people_c EXCEPT TABLE people_r) y)
UNION ALL
SELECT 'report_themes', count(*) FROM themes t LEFT JOIN report_theme_totals r ON r.theme_id = t.id
    LEFT JOIN authors a ON a.theme_id = t.id LEFT JOIN voters v ON v.theme_id = t.id
    WHERE (coalesce(r.contributors, 0), coalesce(r.voters, 0), coalesce(r.votes, 0)) <>
    (coalesce(a.n, 0), coalesce(v.voters, 0), coalesce(v.votes, 0))
UNION ALL
SELECT 'report_consultation_people',
    (SELECT count(*) FROM (TABLE kpeople_r EXCEPT TABLE kpeople_c) x)
    + (SELECT count(*) FROM (TABLE kpeople_c EXCEPT TABLE kpeople_r) y)
UNION ALL
SELECT 'report_consultations', count(*) FROM consultations k
    LEFT JOIN report_consultations r ON r.consultation_id = k.id
    LEFT JOIN kauthors a ON a.consultation_id = k.id
    WHERE coalesce(r.contributors, 0) <> coalesce(a.n, 0)
UNION ALL
SELECT 'is_public', count(*) FROM contributions c LEFT JOIN pub p ON p.id = c.id
    WHERE c.is_public <> (p.id IS NOT NULL)
UNION ALL
SELECT 'replies', count(*) FROM contributions c LEFT JOIN replies r ON r.proposal_id = c.id
    WHERE c.kind = 'proposal' AND c.replies <> coalesce(r.n, 0)
UNION ALL
SELECT 'votes counters', count(*) FROM contributions c LEFT JOIN tally t ON t.contribution_id = c.id
    LEFT JOIN proposal_votes pv ON pv.contribution_id = c.id
    WHERE CASE WHEN c.kind = 'proposal' THEN pv.contribution_id IS NULL
	OR pv.theme_id <> c.theme_id
	OR (pv.votes_agree, pv.votes_mixed, pv.votes_disagree)
	<> (coalesce(t.a, 0), coalesce(t.m, 0), coalesce(t.d, 0))
	-- the scores (plain columns since 0460, set by a trigger)
	OR (pv.votes_total, pv.agree_score, pv.divided_score)
	<> (pv.votes_agree + pv.votes_mixed + pv.votes_disagree,
	    wilson_lower_bound(pv.votes_agree,
		pv.votes_agree + pv.votes_mixed + pv.votes_disagree),
	    CASE WHEN pv.votes_agree > 0 AND pv.votes_disagree > 0
		THEN wilson_lower_bound(least(pv.votes_agree, pv.votes_disagree),
		pv.votes_agree + pv.votes_disagree) ELSE 0 END)
	ELSE pv.contribution_id IS NOT NULL OR t.contribution_id IS NOT NULL END
UNION ALL
SELECT 'useful counters', count(*) FROM contributions c LEFT JOIN marks m ON m.contribution_id = c.id
    WHERE c.useful <> coalesce(m.n, 0)
$$;

CREATE FUNCTION pg_temp.check_rollups(p_when text) RETURNS SETOF text LANGUAGE sql AS $$
	SELECT is(n, 0::bigint, rollup || ' equals a recount ' || p_when)
	FROM pg_temp.rollup_diffs()
$$;

SELECT pg_temp.check_rollups('on the migrated database');

-- Contributions in two themes, votes and marks
SELECT pg_temp.person('Ana') AS ana, pg_temp.person('Bruno') AS bruno,
    pg_temp.person('Chloé') AS chloe, pg_temp.person('Modérateur') AS moder \gset
SELECT pg_temp.propose(:ana, 'Des jardins partagés') AS p1,
    pg_temp.propose(:bruno, 'Des fibres dans chaque village', 'territoires') AS p2,
    pg_temp.propose(:chloe, 'Un bus de nuit le samedi') AS p3 \gset
SELECT pg_temp.reply(:bruno, :p1, 'Ils créent du lien entre voisins.', 'pour') AS a1,
    pg_temp.reply(:chloe, :p1, 'Il faut des terrains disponibles.', 'contre') AS a2,
    pg_temp.reply(:ana, :p1, 'Où précisément ?') AS c1 \gset
SELECT pg_temp.reply(:bruno, :p1, 'Près de la gare.', NULL, :c1) AS c2,
    pg_temp.reply(:chloe, :p2, 'Et la 5G ?') AS c3 \gset
SELECT count(*) AS ignored FROM (VALUES
    (participation_vote(:ana, :p2, 'agree')), (participation_vote(:bruno, :p1, 'agree')),
    (participation_vote(:chloe, :p1, 'disagree')), (participation_vote(:moder, :p1, 'mixed')),
    (participation_vote(:moder, :p3, 'agree')), (participation_vote(:ana, :p3, 'mixed')),
    (participation_useful(:ana, :a1)), (participation_useful(:chloe, :a1)),
    (participation_useful(:moder, :a2))) v(x) \gset
SELECT pg_temp.check_rollups('after contributions, votes and marks');

-- Votes change and are withdrawn
SELECT participation_vote(:chloe, :p1, 'agree') AS ignored, participation_vote(:ana, :p3, 'none') AS ignored2,
    participation_useful(:chloe, :a1) AS ignored3 \gset
SELECT pg_temp.check_rollups('after votes changed and withdrawn');

-- Moderation: a hidden thread with votes, a rejected reply, a pending text
-- published, a restored thread
SELECT pg_temp.decide(:p1, :moder, 'hide', 'R2') AS ignored \gset
SELECT pg_temp.check_rollups('after a thread with votes was hidden');
SELECT pg_temp.decide(:c1, :moder, 'reject', 'R5') AS ignored \gset
SELECT pg_temp.check_rollups('after a reply under a hidden thread was rejected');
SELECT pg_temp.decide(:p1, :moder, 'restore') AS ignored \gset
SELECT pg_temp.check_rollups('after the thread was restored');
UPDATE consultations SET moderation_mode = 'a_priori' WHERE is_primary;
SELECT pg_temp.reply(:ana, :p2, 'Une réponse qui attend la modération.', 'pour') AS a3 \gset
UPDATE consultations SET moderation_mode = 'a_posteriori' WHERE is_primary;
SELECT pg_temp.check_rollups('after a pending reply');
SELECT pg_temp.decide(:a3, :moder, 'publish') AS ignored \gset
SELECT pg_temp.check_rollups('after the pending reply was published');
SELECT pg_temp.decide(:p3, :moder, 'reject', 'R1') AS ignored \gset
SELECT pg_temp.check_rollups('after a proposal with votes was rejected');

-- An erasure: the account is pseudonymised, its contributions and votes stay
SELECT user_delete(:bruno, '$scrypt$test', (SELECT email FROM users WHERE id = :bruno),
    'cle-sqltest-bruno') AS erased \gset
SELECT is(:'erased'::text, 'deleted', 'the erasure went through user_delete');
SELECT pg_temp.check_rollups('after an erasure');
SELECT is((SELECT count(*) FROM contributions WHERE author_id = :bruno), 3::bigint,
    'the erased account''s contributions stay, pseudonymised');

-- The recount can tell: a rollup moved behind the triggers' back is seen
INSERT INTO report_theme_votes AS r (theme_id, slot, votes)
    SELECT theme_id, 63, 1 FROM contributions WHERE id = :p2
    ON CONFLICT (theme_id, slot) DO UPDATE SET votes = r.votes + 1;
SELECT is((SELECT n FROM pg_temp.rollup_diffs() WHERE rollup = 'report_themes'), 1::bigint,
    'the recount sees a rollup that differs');
UPDATE report_theme_votes SET votes = votes - 1 WHERE slot = 63
    AND theme_id = (SELECT theme_id FROM contributions WHERE id = :p2);

-- And report_rollups_rebuild() gives the same figures as the write path
CREATE TEMP TABLE kept_counts AS SELECT * FROM report_counts WHERE n <> 0;
CREATE TEMP TABLE kept_people AS SELECT * FROM report_people WHERE contributions <> 0 OR votes <> 0;
SELECT report_rollups_rebuild();
SELECT bag_eq('SELECT * FROM report_counts WHERE n <> 0', 'SELECT * FROM kept_counts',
    'report_rollups_rebuild() finds the counts the write path kept');
SELECT bag_eq('SELECT * FROM report_people WHERE contributions <> 0 OR votes <> 0',
    'SELECT * FROM kept_people', 'report_rollups_rebuild() finds the people the write path kept');
SELECT pg_temp.check_rollups('after report_rollups_rebuild()');

SELECT * FROM finish();
ROLLBACK;
