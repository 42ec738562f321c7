-- People: the record of every role change, and the two state changes of this
-- area as functions, so each is one atomic statement: granting or revoking a
-- role, and erasing an account's personal data.

CREATE TABLE role_changes (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES users(id), -- whose role changed
	role		text NOT NULL CHECK (role IN
			('citizen', 'mediator', 'moderator', 'official', 'admin')),
	granted		boolean NOT NULL,	-- true: granted; false: revoked
	by_user		bigint REFERENCES users(id), -- the administrator; NULL: command line
	at		timestamptz NOT NULL DEFAULT now() -- when
);
CREATE INDEX role_changes_user ON role_changes (user_id, at);

-- Grants (p_grant) or revokes p_role for p_user, on behalf of p_by (NULL: the
-- command line), and records the change. Returns 'granted', 'revoked',
-- 'unchanged' (nothing to do, nothing recorded), 'self' (an administrator
-- removing their own admin role: refused), or 'no_user' (unknown or deleted).
CREATE FUNCTION user_role_set(p_user bigint, p_role text, p_grant boolean,
    p_by bigint) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	n integer;
BEGIN
	-- Lock the account: two administrators acting at once are serialised.
	PERFORM 1 FROM users WHERE id = p_user AND deleted_at IS NULL FOR UPDATE;
	IF NOT FOUND THEN
		RETURN 'no_user';
	END IF;
	IF NOT p_grant AND p_role = 'admin' AND p_by = p_user THEN
		RETURN 'self';
	END IF;
	IF p_grant THEN
		INSERT INTO user_roles (user_id, role, granted_by)
		VALUES (p_user, p_role, p_by) ON CONFLICT DO NOTHING;
	ELSE
		DELETE FROM user_roles WHERE user_id = p_user AND role = p_role;
	END IF;
	GET DIAGNOSTICS n = ROW_COUNT;
	IF n = 0 THEN
		RETURN 'unchanged';
	END IF;
	INSERT INTO role_changes (user_id, role, granted, by_user)
	VALUES (p_user, p_role, p_grant, p_by);
	RETURN CASE WHEN p_grant THEN 'granted' ELSE 'revoked' END;
END $$;

-- Erases the personal data of account p_user, provided its password hash is
-- still p_hash (never NULL: the one the person's password was just checked
-- against; a concurrent password change makes this a no-op). Returns
-- 'deleted', 'changed' (unknown, already deleted, or password changed:
-- nothing done) or 'last_admin' (the only administrator left: nothing done,
-- so that the site is never left without one).
--
-- Erased: e-mail address, password hash, display name (replaced by the
-- pseudonym "Participant·e n°<id>"), sessions, roles, messages of the outbox,
-- and the rows of any table named *token* that has a user_id column (e-mail
-- verification and password-reset tokens, whatever migration creates them).
-- Kept: the contributions (now shown under the pseudonym) and the votes, so
-- that counts and reports stay true; the département (not identifying on its
-- own, and it keeps per-territory reports whole); the creation, consent and
-- verification dates; the record of past role changes (ids only).
CREATE FUNCTION user_delete(p_user bigint, p_hash text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	t record;
	old_email text;
BEGIN
	SELECT email INTO old_email FROM users
	WHERE id = p_user AND deleted_at IS NULL AND password_hash = p_hash
	FOR UPDATE;
	IF NOT FOUND THEN
		RETURN 'changed';
	END IF;
	-- Serialise concurrent deletions of administrators on this lock.
	PERFORM pg_advisory_xact_lock(hashtext('user_delete_admin'));
	IF EXISTS (SELECT 1 FROM user_roles WHERE user_id = p_user
	    AND role = 'admin') AND NOT EXISTS (SELECT 1 FROM user_roles r
	    JOIN users u ON u.id = r.user_id WHERE r.role = 'admin'
	    AND r.user_id <> p_user AND u.deleted_at IS NULL) THEN
		RETURN 'last_admin';
	END IF;
	UPDATE users SET email = NULL, password_hash = NULL,
	    display_name = 'Participant·e n°' || id, deleted_at = now()
	WHERE id = p_user;
	DELETE FROM sessions WHERE user_id = p_user;
	DELETE FROM user_roles WHERE user_id = p_user;
	DELETE FROM outbox WHERE user_id = p_user
	    OR lower(recipient) = lower(old_email);
	FOR t IN SELECT c.table_schema, c.table_name
	    FROM information_schema.columns c
	    JOIN information_schema.tables tb USING (table_schema, table_name)
	    WHERE c.table_schema = current_schema() AND c.column_name = 'user_id'
		AND tb.table_type = 'BASE TABLE' AND c.table_name LIKE '%token%'
	LOOP
		EXECUTE format('DELETE FROM %I.%I WHERE user_id = $1',
		    t.table_schema, t.table_name) USING p_user;
	END LOOP;
	RETURN 'deleted';
END $$;
