-- Citizens take back what they wrote (issue 13, item 11): an argument or a
-- comment withdrawn by its author keeps its row and its place in the
-- thread (so the page can say "retiré par son auteur"), its text moved to
-- contribution_versions by participation_withdraw(), and leaves the public
-- set: contributions_public_set() (functions/participation.sql) reads this
-- column beside the status, so pages, the API, the open data and the
-- rollups drop it as they drop a hidden reply.
ALTER TABLE contributions
	-- when its author withdrew it; NULL: not withdrawn
	ADD COLUMN withdrawn_at timestamptz;
COMMENT ON COLUMN contributions.withdrawn_at IS
	'when its author withdrew it (participation_withdraw: the text then lives only in contribution_versions); NULL: not withdrawn';
