-- A theme's search (/themes/<slug>?q=...) and its count read the matches of
-- that theme only: one GIN index over (theme_id, search) of the published
-- proposals (btree_gin, a trusted extension the schema owner may create),
-- instead of every proposal matching the words in every theme, each then
-- fetched to check its theme (issue 18, item 2).
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX proposals_search ON contributions USING gin (theme_id, search)
	WHERE kind = 'proposal' AND status = 'published';
