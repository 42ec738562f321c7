-- Issue 18, item 1: a vote touches narrow rows only. A proposal's vote
-- counters leave `contributions` (a wide row: title, body, rendered HTML,
-- a generated search vector, a dozen indexes, two of them GIN; a vote's
-- update of it was never HOT, so it rewrote every index entry and
-- recomputed the search vector) for one narrow row per proposal here.
-- The orders by votes and by agreement, and the report's divided order,
-- move with them: their indexes are the only ones a vote's update writes
-- besides the key. Every figure stays exact: votes_count() keeps these
-- rows equal to count(*) of votes in the vote's own transaction.
CREATE TABLE proposal_votes (
	contribution_id	bigint PRIMARY KEY REFERENCES contributions(id) ON DELETE CASCADE, -- the proposal
	theme_id	integer NOT NULL, -- its theme (contributions.theme_id), for the orders
	votes_agree	integer NOT NULL DEFAULT 0, -- "d'accord"
	votes_mixed	integer NOT NULL DEFAULT 0, -- "mitigé"
	votes_disagree	integer NOT NULL DEFAULT 0, -- "pas d'accord"
	votes_total	integer GENERATED ALWAYS AS
	    (votes_agree + votes_mixed + votes_disagree) STORED, -- all three
	agree_score	double precision GENERATED ALWAYS AS
	    (wilson_lower_bound(votes_agree,
	    votes_agree + votes_mixed + votes_disagree)) STORED -- order "accord"
) WITH (fillfactor = 70);

INSERT INTO proposal_votes (contribution_id, theme_id, votes_agree,
    votes_mixed, votes_disagree)
SELECT id, theme_id, votes_agree, votes_mixed, votes_disagree
FROM contributions WHERE kind = 'proposal';

-- The listing orders (published proposals only: the listing joins
-- contributions for the status, a handful of rows per theme are not
-- published) and the report's divided proposals.
CREATE INDEX proposal_votes_total ON proposal_votes
	(theme_id, votes_total DESC, contribution_id DESC);
CREATE INDEX proposal_votes_agree ON proposal_votes
	(theme_id, agree_score DESC, contribution_id DESC);
CREATE INDEX proposal_votes_divided ON proposal_votes (theme_id,
	wilson_lower_bound(least(votes_agree, votes_disagree),
	    votes_agree + votes_disagree) DESC, contribution_id)
	WHERE votes_agree > 0 AND votes_disagree > 0;

DROP INDEX proposals_votes;
DROP INDEX proposals_agree;
DROP INDEX proposals_divided;
-- Their column privileges go with them (privileges.sql no longer names
-- them).
ALTER TABLE contributions DROP COLUMN agree_score, DROP COLUMN votes_total,
	DROP COLUMN votes_agree, DROP COLUMN votes_mixed,
	DROP COLUMN votes_disagree;

ANALYZE proposal_votes;
