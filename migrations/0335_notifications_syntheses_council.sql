-- Issue 16, item 4, on the site too: what was mailed about syntheses and
-- the council also appears on /compte/notifications (and counts in the
-- header's unread figure), whatever the person's e-mail choice ('none'
-- means "on the site only"). These notifications are about a theme or a
-- referral, not always a contribution.
ALTER TABLE notifications ALTER COLUMN contribution_id DROP NOT NULL;
ALTER TABLE notifications
	ADD COLUMN theme_id integer REFERENCES themes(id),
	ADD COLUMN referral_id bigint REFERENCES council_referrals(id);
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN
	('moderation', 'reply', 'argument', 'answer', 'activity', 'theme',
	 'synthesis', 'cited', 'referral', 'draft', 'opinion'));
-- What each kind is about: a contribution (the kinds before these), a
-- theme (its synthesis), my contribution and its theme (cited), a
-- referral (referral, draft), a referral and a theme I follow (opinion).
ALTER TABLE notifications ADD CONSTRAINT notifications_subject_check CHECK (
	CASE kind
	WHEN 'synthesis' THEN theme_id IS NOT NULL
	WHEN 'cited' THEN theme_id IS NOT NULL AND contribution_id IS NOT NULL
	WHEN 'referral' THEN referral_id IS NOT NULL
	WHEN 'draft' THEN referral_id IS NOT NULL
	WHEN 'opinion' THEN referral_id IS NOT NULL AND theme_id IS NOT NULL
	ELSE contribution_id IS NOT NULL END);
COMMENT ON COLUMN notifications.kind IS 'moderation (a decision on my contribution), reply (to my contribution), argument (on my proposal), answer (official, on a proposal I wrote, voted on or follow), activity (on a proposal I follow), theme (a new proposal in a theme I follow), synthesis (the synthesis of a theme I follow was published), cited (a published synthesis cites my contribution), referral (council members: a new referral), draft (council members: a new draft of an opinion), opinion (the council''s opinion on a theme I follow was published)';
COMMENT ON COLUMN notifications.contribution_id IS 'moderation: my contribution; reply, argument, activity, theme: the new contribution; answer: the answered proposal; cited: my cited contribution; NULL for synthesis, referral, draft, opinion';
COMMENT ON COLUMN notifications.theme_id IS 'synthesis, cited: the theme whose synthesis was published; opinion: the followed theme the opinion concerns; else NULL';
COMMENT ON COLUMN notifications.referral_id IS 'referral, draft, opinion: the council''s referral; else NULL';
