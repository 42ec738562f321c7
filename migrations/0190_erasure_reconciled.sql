-- Two branches changed the account deletion at the same time: the
-- moderation log's (0142: the moderator notes about a person's
-- contributions are erased with the rest, moderation_notes_erase_about)
-- and one person, one vote (0152: one erasure path, user_erase(), called by
-- a person's own deletion and by the three-year purge; it dropped the
-- user_delete 0142 had changed). user_erase() now does both: the body of
-- 0152, then the notes, once the account is marked deleted (the notes
-- function refuses to act on a live account). It runs as the owner
-- (privileges.sql), whose fixed search_path starts with pg_catalog: the
-- token tables are looked for in schema public by name, not through
-- current_schema().
CREATE OR REPLACE FUNCTION user_erase(p_user bigint, p_email_key text)
RETURNS void LANGUAGE plpgsql AS $$
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
	    WHERE c.table_schema = 'public' AND c.column_name = 'user_id'
		AND tb.table_type = 'BASE TABLE' AND c.table_name LIKE '%token%'
	LOOP
		EXECUTE format('DELETE FROM %I.%I WHERE user_id = $1',
		    t.table_schema, t.table_name) USING p_user;
	END LOOP;
	PERFORM moderation_notes_erase_about(p_user);
END $$;
