-- The proposals that are not published (pending, hidden, rejected): few, and
-- what the open-data counts subtract (the published replies under them are
-- not open data). Lets /export/ and /api/v1/contributions count from the
-- report rollups instead of every contribution at each request.
CREATE INDEX proposals_unpublished ON contributions (id)
	WHERE kind = 'proposal' AND status <> 'published';
