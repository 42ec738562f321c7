-- Spam brake for new accounts, enforced where every contribution is written:
-- an account younger than agora.new_account_hours (24 by default) that has
-- already posted agora.new_account_max_posts (5) contributions in the last
-- hour sees the next ones held in the moderators' queue with the reason
-- 'compte récent', rather than refused: nothing a citizen writes is lost,
-- and a flood from a fresh account never reaches the public pages.
-- Tune per database: ALTER DATABASE agora SET agora.new_account_max_posts = '5';

ALTER TABLE contributions DROP CONSTRAINT contributions_queue_reason_check;
ALTER TABLE contributions ADD CONSTRAINT contributions_queue_reason_check
	CHECK (queue_reason IN ('doublon probable', 'compte récent'));

CREATE OR REPLACE FUNCTION contributions_moderation_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.source IS NULL AND NEW.status = 'published' THEN
		IF contribution_check_duplicate(NEW.author_id, NEW.body) THEN
			NEW.status := 'pending';
			NEW.queue_reason := 'doublon probable';
		ELSIF NEW.author_id IS NOT NULL AND NOT contribution_rate_ok(
		    NEW.author_id,
		    coalesce(nullif(current_setting('agora.new_account_hours',
			true), ''), '24')::int,
		    coalesce(nullif(current_setting('agora.new_account_max_posts',
			true), ''), '5')::int) THEN
			NEW.status := 'pending';
			NEW.queue_reason := 'compte récent';
		ELSIF (SELECT moderation_mode FROM consultations
		    WHERE id = NEW.consultation_id) = 'a_priori' THEN
			NEW.status := 'pending';
		END IF;
	END IF;
	IF NEW.status = 'pending' AND NEW.queued_at IS NULL THEN
		NEW.queued_at := NEW.created_at;
	END IF;
	RETURN NEW;
END $$;
