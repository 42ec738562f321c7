-- Who may vote in a consultation (0371) is an administrative act of the
-- same kind as its moderation mode: written to the hash-chained
-- moderation log by consultation_set_vote_fc() (functions/moderation.sql),
-- action 'vote_fc', from the old choice to the new ('platform': the
-- setting vote_requires_franceconnect; 'required'; 'open'). The
-- application's role no longer updates the column itself (privileges.sql).
ALTER TABLE moderation_log DROP CONSTRAINT moderation_log_action_check;
ALTER TABLE moderation_log ADD CONSTRAINT moderation_log_action_check
	CHECK (action IN ('publish', 'hide', 'reject', 'restore', 'threshold',
	    'mode', 'appeal', 'vote_fc'));
COMMENT ON COLUMN moderation_log.consultation_id IS
	'for a consultation setting (actions mode and vote_fc): the consultation';
