-- Listing pages that read one page of rows, not every match (issue 18,
-- item 2).
--
-- The random order (tri=hasard): each proposal's key is hashint8(id), an
-- immutable hash kept in this index only (no column, nothing written by a
-- vote or a reply); a visitor's seed is a point on that circle of keys, and
-- the page is read in index order from that point, wrapping round
-- (app/db/participation.c, sql_part_list_random). Stable for one seed,
-- every proposal once, 20 rows read per page.
CREATE INDEX proposals_random ON contributions (theme_id, hashint8(id), id)
	WHERE kind = 'proposal' AND status = 'published';
