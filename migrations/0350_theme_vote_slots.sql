-- Issue 18, item 1: a theme's votes commit in parallel. The votes and
-- voters of a theme leave its report_themes row (which every vote of the
-- theme used to update, holding the row locked until commit) for 64 slots
-- per theme: a vote adds its +1 to the slot of its backend
-- (pg_backend_pid() % 64, report_vote_slot()), so concurrent sessions of a
-- pool write different rows; a report sums the slots (report_theme_totals).
-- Narrow rows, fillfactor 50, no indexed column ever changes: every update
-- is HOT. The existing figures move to slot 0; report_themes keeps
-- contributors and changed_at, its voters/votes stay at 0.
CREATE TABLE report_theme_votes (
	theme_id	integer NOT NULL REFERENCES themes(id) ON DELETE CASCADE, -- the theme
	slot		smallint NOT NULL CHECK (slot BETWEEN 0 AND 63), -- spread of concurrent writers
	voters		bigint NOT NULL DEFAULT 0, -- this slot's share of the theme's voters
	votes		bigint NOT NULL DEFAULT 0, -- this slot's share of the theme's votes
	PRIMARY KEY (theme_id, slot)
) WITH (fillfactor = 50);

INSERT INTO report_theme_votes (theme_id, slot, voters, votes)
SELECT theme_id, 0, voters, votes FROM report_themes
WHERE voters <> 0 OR votes <> 0;
UPDATE report_themes SET voters = 0, votes = 0 WHERE voters <> 0 OR votes <> 0;

-- One row per theme: what report_themes held, the votes summed over slots.
CREATE VIEW report_theme_totals AS
SELECT t.id AS theme_id, coalesce(r.contributors, 0) AS contributors,
    coalesce(s.voters, 0)::bigint AS voters,
    coalesce(s.votes, 0)::bigint AS votes, r.changed_at
FROM themes t LEFT JOIN report_themes r ON r.theme_id = t.id
LEFT JOIN LATERAL (SELECT sum(v.voters) AS voters, sum(v.votes) AS votes
    FROM report_theme_votes v WHERE v.theme_id = t.id) s ON true;
