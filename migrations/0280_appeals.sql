-- Appeals of moderation decisions (issue 13, item 5): the author of a
-- hidden or refused contribution asks, once per decision and within the
-- charter's delay (settings appeal_days), for another moderator to look
-- again. Filing and deciding go through moderation_appeal_file() and
-- moderation_decide() (migrations/functions/moderation.sql); both write
-- the moderation log, where an appeal is the action 'appeal'.

CREATE TABLE appeals (
	id		bigserial PRIMARY KEY,
	contribution_id	bigint NOT NULL REFERENCES contributions(id),
	decision_log_id	bigint NOT NULL UNIQUE,
	decided_by	bigint REFERENCES users(id),
	author_id	bigint NOT NULL REFERENCES users(id),
	reason		text CHECK (char_length(reason) BETWEEN 1 AND 4000),
	status		text NOT NULL DEFAULT 'pending'
			    CHECK (status IN ('pending', 'upheld', 'reversed')),
	created_at	timestamptz NOT NULL DEFAULT now(),
	filed_log_id	bigint NOT NULL,
	resolved_by	bigint REFERENCES users(id),
	resolved_at	timestamptz,
	resolved_log_id	bigint,
	CHECK ((status = 'pending') = (resolved_at IS NULL)),
	CHECK ((status = 'pending') = (resolved_log_id IS NULL))
);
-- The three *_log_id name rows of moderation_log without a foreign key:
-- the log is append-only and never loses a row, and nothing may stand in
-- the way of the checks that truncate or rewrite it behind its triggers
-- (agora verify-log must be the one to notice).
COMMENT ON TABLE appeals IS 'an author''s request that another moderator re-examine a decision to hide or refuse their contribution';
COMMENT ON COLUMN appeals.id IS 'appeal number';
COMMENT ON COLUMN appeals.contribution_id IS 'the hidden or refused contribution';
COMMENT ON COLUMN appeals.decision_log_id IS 'the log row of the decision appealed: one appeal per decision';
COMMENT ON COLUMN appeals.decided_by IS 'the moderator who took that decision: may not decide the appeal';
COMMENT ON COLUMN appeals.author_id IS 'the contribution''s author, who filed the appeal';
COMMENT ON COLUMN appeals.reason IS 'why the author asks for a re-examination, shown to moderators; NULL once erased with the account';
COMMENT ON COLUMN appeals.status IS 'pending, upheld (the decision stands) or reversed (the contribution is published again)';
COMMENT ON COLUMN appeals.created_at IS 'when the appeal was filed';
COMMENT ON COLUMN appeals.filed_log_id IS 'the log row (action appeal) written when it was filed';
COMMENT ON COLUMN appeals.resolved_by IS 'the moderator who decided the appeal';
COMMENT ON COLUMN appeals.resolved_at IS 'when it was decided; NULL while pending';
COMMENT ON COLUMN appeals.resolved_log_id IS 'the log row of the decision on the appeal';
-- At most one appeal waiting per contribution; the transparency counts
-- read the whole (small) table.
CREATE UNIQUE INDEX appeals_pending ON appeals (contribution_id)
	WHERE status = 'pending';
CREATE INDEX appeals_resolved_log ON appeals (resolved_log_id)
	WHERE resolved_log_id IS NOT NULL;
CREATE INDEX appeals_author ON appeals (author_id);

-- The log names an appeal as its own action.
ALTER TABLE moderation_log DROP CONSTRAINT moderation_log_action_check;
ALTER TABLE moderation_log ADD CONSTRAINT moderation_log_action_check
	CHECK (action IN ('publish', 'hide', 'reject', 'restore', 'threshold',
	    'mode', 'appeal'));

-- A contribution waiting for a re-examination is in the queue for it.
ALTER TABLE contributions DROP CONSTRAINT contributions_queue_reason_check;
ALTER TABLE contributions ADD CONSTRAINT contributions_queue_reason_check
	CHECK (queue_reason IN ('doublon probable', 'compte récent', 'modifiée',
	    'réexamen'));
COMMENT ON COLUMN contributions.queue_reason IS
	'why a contribution is held in the queue: doublon probable, compte récent, modifiée (edited after publication), réexamen (its author appealed the decision)';

-- The decision on an appeal tells its author so.
ALTER TABLE notifications ADD COLUMN appeal_id bigint REFERENCES appeals(id);
COMMENT ON COLUMN notifications.appeal_id IS 'for a moderation decision taken on an appeal: that appeal';
