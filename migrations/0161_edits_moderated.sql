-- Edits under the moderation rules (issue 14, items 3 and 6). An approved
-- proposal that its author edits in an a priori consultation goes back to
-- the queue with the reason 'modifiée' (participation_edit); the spam brake
-- of new accounts counts their edits as well as their posts, and edits are
-- capped per account and hour: both count contribution_versions by author
-- and time, hence the index.
ALTER TABLE contributions DROP CONSTRAINT contributions_queue_reason_check;
ALTER TABLE contributions ADD CONSTRAINT contributions_queue_reason_check
	CHECK (queue_reason IN ('doublon probable', 'compte récent', 'modifiée'));
COMMENT ON COLUMN contributions.queue_reason IS
	'Why a brake held it: doublon probable, compte récent, or modifiée (edited after approval in a priori mode)';

CREATE INDEX contribution_versions_by ON contribution_versions (edited_by, edited_at);
