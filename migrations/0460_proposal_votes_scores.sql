-- Issue 18, item 1: the scores of proposal_votes stop being generated
-- columns. At every statement that writes a row, PostgreSQL prepares a
-- stored generated column's expression again (ExecInitStoredGenerated):
-- agree_score's wilson_lower_bound() is a SQL function, inlined by
-- parsing its body anew, so each vote parsed and planned that body (the
-- parser and planner were the largest share of a vote's CPU). They are
-- plain columns now, set by a row trigger whose plan each session keeps
-- (proposal_votes_scores(), migrations/functions/votes.sql), which
-- whatever writes the counters cannot bypass. The report's divided order
-- gets its stored score too: its index expression called the same
-- function at each index insert.
ALTER TABLE proposal_votes
	ALTER COLUMN votes_total DROP EXPRESSION,
	ALTER COLUMN agree_score DROP EXPRESSION;
ALTER TABLE proposal_votes
	ALTER COLUMN votes_total SET DEFAULT 0,
	ALTER COLUMN votes_total SET NOT NULL,
	ALTER COLUMN agree_score SET DEFAULT 0,
	ALTER COLUMN agree_score SET NOT NULL,
	-- order of the report's divided proposals: the Wilson lower bound
	-- of the smaller of agree and disagree among both; 0 unless both
	ADD COLUMN divided_score double precision NOT NULL DEFAULT 0;
UPDATE proposal_votes SET divided_score = wilson_lower_bound(
	least(votes_agree, votes_disagree), votes_agree + votes_disagree)
	WHERE votes_agree > 0 AND votes_disagree > 0;

CREATE INDEX proposal_votes_divided_score ON proposal_votes
	(theme_id, divided_score DESC, contribution_id)
	WHERE votes_agree > 0 AND votes_disagree > 0;
DROP INDEX proposal_votes_divided;
