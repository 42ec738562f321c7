-- Votes on proposals (with counters kept by the database itself, so the
-- counts shown are always the true counts) and the e-mail outbox.

ALTER TABLE contributions
	ADD COLUMN votes_agree	  integer NOT NULL DEFAULT 0, -- "d'accord"
	ADD COLUMN votes_mixed	  integer NOT NULL DEFAULT 0, -- "mitigé"
	ADD COLUMN votes_disagree integer NOT NULL DEFAULT 0; -- "pas d'accord"

CREATE TABLE votes (
	user_id		bigint NOT NULL REFERENCES users(id),
	contribution_id	bigint NOT NULL REFERENCES contributions(id), -- a proposal
	choice		text NOT NULL CHECK (choice IN ('agree', 'mixed', 'disagree')),
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (user_id, contribution_id)	-- one voice per person
);
CREATE INDEX votes_contribution ON votes (contribution_id);

-- Keeps contributions.votes_* equal to count(*) of votes, in the same
-- transaction as the vote itself.
CREATE FUNCTION votes_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		UPDATE contributions SET
		    votes_agree = votes_agree - (OLD.choice = 'agree')::int,
		    votes_mixed = votes_mixed - (OLD.choice = 'mixed')::int,
		    votes_disagree = votes_disagree - (OLD.choice = 'disagree')::int
		WHERE id = OLD.contribution_id;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		UPDATE contributions SET
		    votes_agree = votes_agree + (NEW.choice = 'agree')::int,
		    votes_mixed = votes_mixed + (NEW.choice = 'mixed')::int,
		    votes_disagree = votes_disagree + (NEW.choice = 'disagree')::int
		WHERE id = NEW.contribution_id;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER votes_count AFTER INSERT OR UPDATE OR DELETE ON votes
	FOR EACH ROW EXECUTE FUNCTION votes_count();

-- Messages to send. The application drains it; a failed send stays here
-- with its error and is tried again later, so no message is ever lost.
CREATE TABLE outbox (
	id		bigserial PRIMARY KEY,
	user_id		bigint REFERENCES users(id), -- recipient's account, if any
	recipient	text NOT NULL,		-- e-mail address
	subject		text NOT NULL,
	body		text NOT NULL,		-- plain text, UTF-8
	kind		text NOT NULL,		-- 'verify', 'reset', 'moderation', 'answer', ...
	created_at	timestamptz NOT NULL DEFAULT now(),
	attempts	integer NOT NULL DEFAULT 0,
	next_attempt_at	timestamptz NOT NULL DEFAULT now(),
	last_error	text,
	sent_at		timestamptz		-- NULL until delivered
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE sent_at IS NULL;
