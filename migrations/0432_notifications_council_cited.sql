-- Issue 16, item 4: authors are told when the council's published opinion
-- cites their contribution, as when a synthesis does (kind 'cited'), on
-- /compte/notifications (kind 'cited_opinion': the referral and my
-- contribution) and by mail (outbox kind 'council_cited', unless their
-- choice for activity on their contributions is "no mail").
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN
	('moderation', 'reply', 'argument', 'answer', 'activity', 'theme',
	 'synthesis', 'cited', 'referral', 'draft', 'opinion',
	 'cited_opinion'));
ALTER TABLE notifications DROP CONSTRAINT notifications_subject_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_subject_check CHECK (
	CASE kind
	WHEN 'synthesis' THEN theme_id IS NOT NULL
	WHEN 'cited' THEN theme_id IS NOT NULL AND contribution_id IS NOT NULL
	WHEN 'referral' THEN referral_id IS NOT NULL
	WHEN 'draft' THEN referral_id IS NOT NULL
	WHEN 'opinion' THEN referral_id IS NOT NULL AND theme_id IS NOT NULL
	WHEN 'cited_opinion' THEN referral_id IS NOT NULL
	    AND contribution_id IS NOT NULL
	ELSE contribution_id IS NOT NULL END);
COMMENT ON COLUMN notifications.kind IS 'moderation (a decision on my contribution), reply (to my contribution), argument (on my proposal), answer (official, on a proposal I wrote, voted on or follow), activity (on a proposal I follow), theme (a new proposal in a theme I follow), synthesis (the synthesis of a theme I follow was published), cited (a published synthesis cites my contribution), referral (council members: a new referral), draft (council members: a new draft of an opinion), opinion (the council''s opinion on a theme I follow was published), cited_opinion (the council''s published opinion cites my contribution)';
COMMENT ON COLUMN notifications.contribution_id IS 'moderation: my contribution; reply, argument, activity, theme: the new contribution; answer: the answered proposal; cited, cited_opinion: my cited contribution; NULL for synthesis, referral, draft, opinion';
COMMENT ON COLUMN notifications.referral_id IS 'referral, draft, opinion, cited_opinion: the council''s referral; else NULL';
