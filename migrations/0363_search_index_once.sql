-- Every full-text search reads published proposals only (app/db/search.c,
-- app/db/participation.c), which proposals_search (migration 0361) holds,
-- by theme: the older contributions_search (migration 0030, every
-- proposal) is no longer read, and a vote or an edit that rewrites a
-- proposal's row would otherwise update two GIN indexes instead of one.
DROP INDEX IF EXISTS contributions_search;
