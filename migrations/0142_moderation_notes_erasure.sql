-- Erasing the moderator notes about a person who leaves (issue 10). A
-- moderator's note may name the author of the contribution it decides
-- about, or people around them; the log itself can never be erased, but
-- since 0140 it chains only a commitment to each note, so the notes can go
-- while every hash and every signed head still verifies.

-- Erases the moderator notes about the contributions of p_user, once that
-- account is deleted (otherwise nothing: the application may not erase
-- the notes about someone still here). Erased: the notes of form-2 log rows
-- (moderation_notes; their commitment stays chained), the note inside
-- form-1 rows (written before 0140, when the note was part of the hashed
-- text: the row is marked note_erased_at and agora verify-log then checks
-- it by its links to its neighbours only), the last decision's note kept on
-- the contribution, and the notes of the person's notifications. Returns
-- the number of log notes erased.
CREATE FUNCTION moderation_notes_erase_about(p_user bigint) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
	n	integer;
	k	integer;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM users WHERE users.id = p_user
	    AND deleted_at IS NOT NULL) THEN
		RETURN 0;
	END IF;
	DELETE FROM moderation_notes m USING moderation_log l, contributions c
	WHERE m.log_id = l.id AND c.id = l.contribution_id AND c.author_id = p_user;
	GET DIAGNOSTICS n = ROW_COUNT;
	UPDATE moderation_log l SET note = NULL, note_erased_at = now()
	FROM contributions c
	WHERE c.id = l.contribution_id AND c.author_id = p_user AND l.form = 1
	    AND l.note IS NOT NULL;
	GET DIAGNOSTICS k = ROW_COUNT;
	UPDATE contributions SET moderation_note = NULL
	WHERE author_id = p_user AND moderation_note IS NOT NULL;
	UPDATE notifications SET note = NULL
	WHERE user_id = p_user AND note IS NOT NULL;
	RETURN n + k;
END $$;

-- The account deletion of 0020, unchanged but for one line: the moderator
-- notes about the person's contributions are erased with the rest.
CREATE OR REPLACE FUNCTION user_delete(p_user bigint, p_hash text) RETURNS text
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
	PERFORM moderation_notes_erase_about(p_user);
	RETURN 'deleted';
END $$;
