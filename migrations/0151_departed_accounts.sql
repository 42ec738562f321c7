-- One person, one vote across a deletion (issue 10, item 5). A deleted
-- account's votes stay counted under its pseudonym; before this, the same
-- person could sign up again with the same address and vote a second time.
-- Now, at deletion, the keyed hash of the account's normalised address is
-- kept (never the address) while a consultation it voted in is open, plus
-- 30 days; when an account later confirms that address (verification link,
-- change of address, password reset, or `agora user create --verified`),
-- account_takeover() gives it the departed account's votes, "utile" marks
-- and flags, in the same transaction: a new vote on the same proposal then
-- replaces the old one instead of adding to it. The rollups follow through
-- their triggers (an UPDATE of votes.user_id moves the vote from one person
-- to the other), so every report figure still equals a recount.

CREATE TABLE departed_accounts (
	email_key	text PRIMARY KEY,	-- base64url HMAC-SHA256(server secret, "email:" || email_canonical(address)), computed in C (app/core/keyed_hash.c)
	user_id		bigint NOT NULL REFERENCES users(id), -- the deleted account whose votes a returning person takes over
	departed_at	timestamptz NOT NULL DEFAULT now() -- when it was deleted
);
CREATE INDEX departed_accounts_user ON departed_accounts (user_id);

-- The keyed hash of the address a link confirms (NULL for links made before
-- this migration): the link's account takes over the departed account with
-- that key when the link is used.
ALTER TABLE account_tokens ADD COLUMN email_key text;
COMMENT ON COLUMN account_tokens.email_key IS
	'keyed hash of the normalised address this link confirms (see departed_accounts.email_key)';

-- 1 when the departed account p_user must be remembered: it voted, marked
-- an argument "utile" or flagged a contribution in a consultation that
-- closed less than 30 days ago or has not closed (the 30 days cover a
-- closing date moved later; after that the figures are final). Used at
-- deletion (user_erase) and by `agora purge`, which forgets the others.
CREATE FUNCTION departed_needed(p_user bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (
		SELECT 1 FROM (
			SELECT contribution_id FROM votes WHERE user_id = p_user
			UNION ALL
			SELECT contribution_id FROM argument_useful WHERE user_id = p_user
			UNION ALL
			SELECT contribution_id FROM flags WHERE user_id = p_user) x
		JOIN contributions c ON c.id = x.contribution_id
		JOIN consultations k ON k.id = c.consultation_id
		WHERE k.closes_at > now() - interval '30 days')
$$;

-- The vote counters of contributions (votes_count(), migration 0004) move
-- only when a vote's proposal or choice changes: a vote handed from one
-- account to another (below) leaves them as they are, and updating the
-- proposal row twice per vote (its generated search vector, its indexes)
-- made taking over 1,400 votes last 6 s. Same function, same effect.
DROP TRIGGER votes_count ON votes;
CREATE TRIGGER votes_count AFTER INSERT OR DELETE ON votes
	FOR EACH ROW EXECUTE FUNCTION votes_count();
CREATE TRIGGER votes_count_change AFTER UPDATE ON votes
	FOR EACH ROW WHEN (OLD.choice IS DISTINCT FROM NEW.choice
	    OR OLD.contribution_id IS DISTINCT FROM NEW.contribution_id)
	EXECUTE FUNCTION votes_count();

-- Gives account p_user what the departed account with key p_key left: its
-- votes, "utile" marks and flags. Where both have one on the same
-- contribution, p_user's own stands (it is the latest word of the same
-- person) and the departed one is removed. The departed row is forgotten.
-- Returns the number of votes taken over (0 when no departed account has
-- that key). The triggers of votes keep counters and report rollups exact.
CREATE FUNCTION account_takeover(p_user bigint, p_key text) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	old_user bigint;
	n integer;
BEGIN
	IF p_key IS NULL OR p_key = '' THEN
		RETURN 0;
	END IF;
	DELETE FROM departed_accounts WHERE email_key = p_key
	RETURNING user_id INTO old_user;
	IF old_user IS NULL OR old_user = p_user THEN
		RETURN 0;
	END IF;
	DELETE FROM votes o USING votes x WHERE o.user_id = old_user
	    AND x.user_id = p_user AND x.contribution_id = o.contribution_id;
	UPDATE votes SET user_id = p_user WHERE user_id = old_user;
	GET DIAGNOSTICS n = ROW_COUNT;
	DELETE FROM argument_useful o USING argument_useful x
	    WHERE o.user_id = old_user AND x.user_id = p_user
	    AND x.contribution_id = o.contribution_id;
	UPDATE argument_useful SET user_id = p_user WHERE user_id = old_user;
	DELETE FROM flags o USING flags x WHERE o.user_id = old_user
	    AND x.user_id = p_user AND x.contribution_id = o.contribution_id;
	UPDATE flags SET user_id = p_user WHERE user_id = old_user;
	RETURN n;
END $$;

-- Redefines account_link_use (migration 0010), same signature and answers:
-- a confirmed address (verification or change of address) now also takes
-- over the departed account with the link's key, in the same transaction.
CREATE OR REPLACE FUNCTION account_link_use(p_hash text)
RETURNS TABLE (status text, user_id bigint, email text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
	t account_tokens;
	addr text;
BEGIN
	SELECT * INTO t FROM account_tokens
	WHERE token_hash = p_hash AND kind IN ('verify', 'email_change')
	FOR UPDATE;
	IF NOT FOUND THEN
		RETURN QUERY SELECT 'unknown'::text, NULL::bigint, NULL::text;
		RETURN;
	END IF;
	IF t.used_at IS NOT NULL THEN
		RETURN QUERY SELECT 'used'::text, t.user_id, NULL::text;
		RETURN;
	END IF;
	IF t.expires_at <= now() THEN
		RETURN QUERY SELECT 'expired'::text, t.user_id, NULL::text;
		RETURN;
	END IF;
	UPDATE account_tokens SET used_at = now() WHERE id = t.id;
	IF t.kind = 'verify' THEN
		UPDATE users u SET verified_at = coalesce(u.verified_at, now())
		    WHERE u.id = t.user_id AND u.deleted_at IS NULL
		    RETURNING u.email INTO addr;
		IF FOUND THEN
			PERFORM account_takeover(t.user_id, t.email_key);
			RETURN QUERY SELECT 'ok'::text, t.user_id, addr;
		END IF;
		RETURN;
	END IF;
	BEGIN
		UPDATE users u SET email = t.new_email,
		    verified_at = coalesce(u.verified_at, now())
		    WHERE u.id = t.user_id AND u.deleted_at IS NULL
		    RETURNING u.email INTO addr;
		IF FOUND THEN
			-- Older change-of-address links of this account die with it.
			UPDATE account_tokens SET used_at = now()
			WHERE account_tokens.user_id = t.user_id
			  AND kind = 'email_change' AND used_at IS NULL;
			PERFORM account_takeover(t.user_id, t.email_key);
			RETURN QUERY SELECT 'ok'::text, t.user_id, addr;
		END IF;
	EXCEPTION WHEN unique_violation THEN
		RETURN QUERY SELECT 'taken'::text, t.user_id, NULL::text;
	END;
END $$;
