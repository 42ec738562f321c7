-- Votes and the report rollups (0070): a fast path for the vote a person
-- casts on the site.
--
-- INSERT ... ON CONFLICT DO UPDATE (participation_vote) fires the statement
-- triggers of both INSERT and UPDATE, even when one of them touched no
-- row, and each went through report_people_add's batch path (arrays, a
-- grouped CTE, two upserts). Now:
-- - a statement whose transition tables hold no row returns at once;
-- - an UPDATE that keeps every (person, proposal) pair, such as a change of
--   choice, moves no rollup count and returns at once;
-- - a one-row INSERT (a new vote) upserts its two rollup rows directly.
-- Batches (agora generate, imports) keep report_people_add.
-- Measured by test/bench/votes_scale.sh (README, "Performance").

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
		    WHERE c.status = 'published' LIMIT 1;
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
		WHERE c.status = 'published';
	ELSIF TG_OP = 'DELETE' THEN
		IF NOT EXISTS (SELECT 1 FROM old_rows) THEN
			RETURN NULL;
		END IF;
		PERFORM report_people_add(array_agg(c.theme_id),
		    array_agg(o.user_id), array_agg(0::bigint), array_agg(-1::bigint))
		FROM old_rows o JOIN contributions c ON c.id = o.contribution_id
		WHERE c.status = 'published';
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
		WHERE c.status = 'published';
	END IF;
	RETURN NULL;
END $$;
