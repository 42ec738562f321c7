-- The opinion map (issue 15): the votes `agora opinion-map` reads, how
-- many there are now, and where a signed-in person stands on a stored map.
--
-- The current text of each function of the area, applied by `agora
-- migrate` after the numbered migrations, each time (see imports.sql).

-- Every vote on a public proposal of the scope: a theme (p_theme), or the
-- whole consultation p_consultation (p_theme NULL). participant: an
-- account's id, or minus an imported participant's id (imported_votes);
-- value: 1 d'accord, 0 mitigé, -1 pas d'accord.
CREATE OR REPLACE FUNCTION opinion_votes(p_consultation bigint, p_theme integer)
RETURNS TABLE (participant bigint, contribution_id bigint, value integer)
LANGUAGE sql STABLE AS $$
	SELECT v.user_id, v.contribution_id,
	    CASE v.choice WHEN 'agree' THEN 1 WHEN 'disagree' THEN -1 ELSE 0 END
	FROM votes v JOIN contributions c ON c.id = v.contribution_id
	WHERE c.kind = 'proposal' AND c.is_public
	  AND (c.theme_id = p_theme OR (p_theme IS NULL
	       AND c.consultation_id = p_consultation))
	UNION ALL
	SELECT -iv.participant_id, iv.contribution_id,
	    CASE iv.choice WHEN 'agree' THEN 1 WHEN 'disagree' THEN -1 ELSE 0 END
	FROM imported_votes iv JOIN contributions c ON c.id = iv.contribution_id
	WHERE c.kind = 'proposal' AND c.is_public
	  AND (c.theme_id = p_theme OR (p_theme IS NULL
	       AND c.consultation_id = p_consultation))
$$;

-- How many votes opinion_votes() would read now, from the proposals'
-- vote counters (kept by triggers) rather than the votes themselves, so
-- that the refresh's check costs one pass over the scope's proposals.
CREATE OR REPLACE FUNCTION opinion_votes_count(p_consultation bigint,
    p_theme integer) RETURNS bigint
LANGUAGE sql STABLE AS $$
	SELECT coalesce(sum(pv.votes_total), 0)
	    + (SELECT count(*) FROM imported_votes iv
	       JOIN contributions i ON i.id = iv.contribution_id
	       WHERE i.kind = 'proposal' AND i.is_public
	         AND (i.theme_id = p_theme OR (p_theme IS NULL
	              AND i.consultation_id = p_consultation)))
	FROM contributions c JOIN proposal_votes pv ON pv.contribution_id = c.id
	WHERE c.kind = 'proposal' AND c.is_public
	  AND (c.theme_id = p_theme OR (p_theme IS NULL
	       AND c.consultation_id = p_consultation))
$$;

-- The group of map p_map whose centre is closest to where p_user's own
-- votes place them, computed now from the map's components exactly as
-- the map places its participants (app/core/opinion.c,
-- opinion_map_project: the sum of (vote - mean) x component, times
-- sqrt(proposals with a vote / own votes counted)). Nothing per person is
-- stored: this answers the person themselves, on their own account page.
-- No row when the map was not drawn or none of their votes counts.
CREATE OR REPLACE FUNCTION opinion_nearest_group(p_map bigint, p_user bigint)
RETURNS TABLE (grp smallint, votes bigint)
LANGUAGE sql STABLE AS $$
	WITH mine AS (
		SELECT s.mean, s.c1, s.c2, CASE v.choice WHEN 'agree' THEN 1
		    WHEN 'disagree' THEN -1 ELSE 0 END AS val
		FROM votes v JOIN opinion_statements s ON s.map_id = p_map
		    AND s.contribution_id = v.contribution_id
		WHERE v.user_id = p_user
	), pos AS (
		SELECT sum((val - mean) * c1) * sqrt(m.statements::float8 / count(*)) AS x,
		    sum((val - mean) * c2) * sqrt(m.statements::float8 / count(*)) AS y,
		    count(*) AS n
		FROM mine, opinion_maps m WHERE m.id = p_map AND m.reason = 'mapped'
		GROUP BY m.statements
	)
	SELECT g.grp, pos.n FROM pos JOIN opinion_groups g ON g.map_id = p_map
	WHERE g.size >= 10
	ORDER BY (g.center_x - pos.x) ^ 2 + (g.center_y - pos.y) ^ 2, g.grp
	LIMIT 1
$$;
