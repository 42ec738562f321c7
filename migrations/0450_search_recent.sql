-- The site-wide search by date (app/db/search.c): the published proposals
-- of every consultation newest first, each tested against the query, so
-- that a frequent word stops after a few dozen rows instead of sorting all
-- its matches (issue 18, item 2). Votes do not write it (0380).
CREATE INDEX proposals_recent_all ON contributions (created_at DESC, id DESC)
	WHERE kind = 'proposal' AND status = 'published';
