-- Participation by channel and by EPN (issue 12, item 3): the report's
-- section reads only what mediators entered, through these partial
-- indexes (a handful of rows per theme), never the whole theme: the web's
-- share is the theme's public total (rollups) less these.

CREATE INDEX contributions_assisted_theme ON contributions (theme_id, epn_id)
	WHERE epn_id IS NOT NULL;
CREATE INDEX votes_assisted ON votes (epn_id, contribution_id)
	WHERE epn_id IS NOT NULL;
