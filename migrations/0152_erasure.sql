-- Erasure (issue 10, item 6): what a deletion left behind, and the deletion
-- after three years without a sign-in that the privacy notice promises.
--
-- - rate_events keys are keyed hashes computed in C (app/core/keyed_hash.c),
--   never an address in clear; `agora purge` forgets events after a day.
-- - A deletion also erases the person's flag notes and the notifications
--   sent to them, and lists the ids of their deleted outbox messages in
--   outbox_erased, so that the development mail sender removes their files
--   (<mail_dir>/<id>.eml) too.
-- - users.last_signin_at dates the last sign-in; `agora purge` warns by mail
--   30 days before three years without one, then deletes through the same
--   function as a person's own deletion (user_erase).

ALTER TABLE users
	-- last successful sign-in (NULL: none since this column exists; then
	-- created_at counts)
	ADD COLUMN last_signin_at timestamptz,
	-- when `agora purge` warned of the deletion for inactivity (NULL: not
	-- warned since the last sign-in)
	ADD COLUMN inactivity_warned_at timestamptz;
UPDATE users u SET last_signin_at = s.at
FROM (SELECT user_id, max(created_at) AS at FROM sessions GROUP BY 1) s
WHERE s.user_id = u.id AND u.deleted_at IS NULL;
CREATE INDEX users_inactive ON users ((coalesce(last_signin_at, created_at)))
	WHERE deleted_at IS NULL;

-- Keys were addresses and e-mails in clear: forget them (the limits start
-- again from zero once, at this migration).
DELETE FROM rate_events;
COMMENT ON COLUMN rate_events.key IS
	'keyed hash (HMAC-SHA256, server secret) of "rate:<bucket>:<address, e-mail or account id>", computed in C';

-- Outbox messages erased with their account: the mail sender of each kore
-- worker removes <mail_dir>/<id>.eml for each (development and tests, where
-- mail is written to files), then the row; `agora purge` drops rows left
-- after a day (with an SMTP relay there is no file). Ids only.
CREATE TABLE outbox_erased (
	outbox_id	bigint PRIMARY KEY,	-- id the erased outbox row had (its file's name)
	erased_at	timestamptz NOT NULL DEFAULT now() -- when the row was erased
);

-- What an erasure looks up by account, indexed: at 2.5 million people and
-- their mail, a scan of outbox or sessions per deletion would take seconds.
CREATE INDEX outbox_user ON outbox (user_id);
CREATE INDEX outbox_recipient ON outbox (lower(recipient));
CREATE INDEX sessions_user_all ON sessions (user_id);
CREATE INDEX account_tokens_user_all ON account_tokens (user_id);
CREATE INDEX flags_user ON flags (user_id);

-- True when p_user is an administrator and no other live account is: the
-- site must keep one. Serialises concurrent deletions on an advisory lock
-- held to the end of the transaction (as user_delete of 0020 did).
CREATE FUNCTION user_last_admin(p_user bigint) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext('user_delete_admin'));
	RETURN EXISTS (SELECT 1 FROM user_roles WHERE user_id = p_user
	    AND role = 'admin') AND NOT EXISTS (SELECT 1 FROM user_roles r
	    JOIN users u ON u.id = r.user_id WHERE r.role = 'admin'
	    AND r.user_id <> p_user AND u.deleted_at IS NULL);
END $$;

-- Erases the personal data of account p_user; the one erasure path, called
-- by user_delete (a person's own deletion) and user_purge (three years
-- without a sign-in) once they have locked the row and checked. p_email_key
-- is the keyed hash of its address (NULL: none), kept in departed_accounts
-- while departed_needed() says so (one person, one vote, migration 0151).
--
-- Erased: e-mail address, password hash, display name (replaced by the
-- pseudonym "Participant·e n°<id>"), last sign-in and warning dates,
-- sessions, roles, outbox messages (and, through outbox_erased, their
-- development files), notifications, the notes of the person's flags, and
-- the rows of any table named *token* that has a user_id column (links
-- sent by e-mail, with the addresses they confirm).
-- Kept: contributions and their earlier versions (text the person wrote,
-- under the pseudonym), votes, "utile" marks and flags without their note
-- (so counts stay true), the département, the creation, consent and
-- verification dates, past role changes (ids only).
CREATE FUNCTION user_erase(p_user bigint, p_email_key text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	t record;
	old_email text;
BEGIN
	SELECT email INTO old_email FROM users
	WHERE id = p_user AND deleted_at IS NULL FOR UPDATE;
	IF NOT FOUND THEN
		RETURN;
	END IF;
	IF p_email_key IS NOT NULL AND p_email_key <> '' THEN
		-- The same address may have left before without its votes
		-- being taken over since: they are this person's too.
		PERFORM account_takeover(p_user, p_email_key);
		IF departed_needed(p_user) THEN
			INSERT INTO departed_accounts (email_key, user_id)
			VALUES (p_email_key, p_user)
			ON CONFLICT (email_key) DO UPDATE
			    SET user_id = excluded.user_id, departed_at = now();
		END IF;
	END IF;
	UPDATE users SET email = NULL, password_hash = NULL,
	    display_name = 'Participant·e n°' || id, deleted_at = now(),
	    last_signin_at = NULL, inactivity_warned_at = NULL
	WHERE id = p_user;
	DELETE FROM sessions WHERE user_id = p_user;
	DELETE FROM user_roles WHERE user_id = p_user;
	WITH d AS (DELETE FROM outbox WHERE user_id = p_user
	    OR lower(recipient) = lower(old_email) RETURNING id)
	INSERT INTO outbox_erased (outbox_id) SELECT id FROM d
	ON CONFLICT DO NOTHING;
	DELETE FROM notifications WHERE user_id = p_user;
	UPDATE flags SET note = NULL WHERE user_id = p_user AND note IS NOT NULL;
	FOR t IN SELECT c.table_schema, c.table_name
	    FROM information_schema.columns c
	    JOIN information_schema.tables tb USING (table_schema, table_name)
	    WHERE c.table_schema = current_schema() AND c.column_name = 'user_id'
		AND tb.table_type = 'BASE TABLE' AND c.table_name LIKE '%token%'
	LOOP
		EXECUTE format('DELETE FROM %I.%I WHERE user_id = $1',
		    t.table_schema, t.table_name) USING p_user;
	END LOOP;
END $$;

-- A person's own deletion (/compte/suppression). Replaces user_delete(bigint,
-- text) of migration 0020: the caller now also passes the address it read
-- (p_email) and its keyed hash (p_email_key, computed in C). Does nothing
-- unless the account is live with password hash p_hash (never NULL: the one
-- the password was just checked against) and address p_email (a concurrent
-- password or address change makes this a no-op). Returns 'deleted',
-- 'changed' (nothing done) or 'last_admin' (the only administrator left:
-- nothing done, so that the site is never left without one).
DROP FUNCTION user_delete(bigint, text);
CREATE FUNCTION user_delete(p_user bigint, p_hash text, p_email text,
    p_email_key text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM 1 FROM users WHERE id = p_user AND deleted_at IS NULL
	    AND password_hash = p_hash AND email IS NOT DISTINCT FROM p_email
	FOR UPDATE;
	IF NOT FOUND THEN
		RETURN 'changed';
	END IF;
	IF user_last_admin(p_user) THEN
		RETURN 'last_admin';
	END IF;
	PERFORM user_erase(p_user, p_email_key);
	RETURN 'deleted';
END $$;

-- Deletion for inactivity (`agora purge`): erases account p_user if it is
-- live, still has address p_email (p_email_key is its keyed hash) and has
-- not signed in for p_inactive (three years). Returns 'deleted', 'kept'
-- (signed in meanwhile, address changed, or already gone) or 'last_admin'.
CREATE FUNCTION user_purge(p_user bigint, p_email text, p_email_key text,
    p_inactive interval) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM 1 FROM users WHERE id = p_user AND deleted_at IS NULL
	    AND email IS NOT DISTINCT FROM p_email
	    AND coalesce(last_signin_at, created_at) < now() - p_inactive
	FOR UPDATE;
	IF NOT FOUND THEN
		RETURN 'kept';
	END IF;
	IF user_last_admin(p_user) THEN
		RETURN 'last_admin';
	END IF;
	PERFORM user_erase(p_user, p_email_key);
	RETURN 'deleted';
END $$;

-- What deletions made before this migration left: the notes of deleted
-- people's flags and the notifications sent to them.
UPDATE flags f SET note = NULL FROM users u
WHERE u.id = f.user_id AND u.deleted_at IS NOT NULL AND f.note IS NOT NULL;
DELETE FROM notifications n USING users u
WHERE u.id = n.user_id AND u.deleted_at IS NOT NULL;
