-- How each opinion group voted on each proposal (issue 16, item 1: the
-- topics' votes by group). Written by `agora opinion-map` with the rest of
-- the map (migration 0225) and replaced with it: tallies of the steering
-- people of a group (10 or more), never who they are. The report's topics
-- section sums them over each topic's proposals.
CREATE TABLE opinion_group_votes (
	map_id		bigint NOT NULL REFERENCES opinion_maps(id) ON DELETE CASCADE, -- the map
	contribution_id	bigint NOT NULL REFERENCES contributions(id), -- the proposal
	grp		smallint NOT NULL CHECK (grp >= 0), -- the group (opinion_groups.grp)
	agree		integer NOT NULL CHECK (agree >= 0), -- its "d'accord"
	mixed		integer NOT NULL CHECK (mixed >= 0), -- its "mitigé"
	disagree	integer NOT NULL CHECK (disagree >= 0), -- its "pas d'accord"
	PRIMARY KEY (map_id, contribution_id, grp)
);
CREATE INDEX opinion_group_votes_contribution ON opinion_group_votes (contribution_id);
