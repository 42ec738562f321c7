-- People: addresses, abuse limits, links sent by mail, roles, erasure
-- and one person, one vote across deleted accounts.
--
-- The current text of each function and trigger of the area, in one
-- place: `agora migrate` applies every file of migrations/functions/
-- after the numbered migrations, each time. To change a function, edit
-- it here (a new migration only for what CREATE OR REPLACE cannot do:
-- a changed signature or return type is a DROP there first).

-- Seconds to wait before bucket/key may be used again: 0 while fewer than
-- max_events happened in the last window_minutes, else the time until the
-- oldest of the last max_events leaves the window.
CREATE OR REPLACE FUNCTION rate_wait(p_bucket text, p_key text, max_events int,
    window_minutes int) RETURNS int
LANGUAGE sql STABLE AS $$
	SELECT coalesce((
	    SELECT greatest(1, ceil(extract(epoch FROM created_at +
	        make_interval(mins => window_minutes) - now())))::int
	    FROM rate_events
	    WHERE bucket = p_bucket AND key = p_key
	      AND created_at > now() - make_interval(mins => window_minutes)
	    ORDER BY created_at DESC
	    OFFSET greatest(max_events, 1) - 1 LIMIT 1), 0)
$$;

-- Counts one event; now and then forgets events older than a day.
CREATE OR REPLACE FUNCTION rate_hit(p_bucket text, p_key text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO rate_events (bucket, key) VALUES (p_bucket, p_key);
	IF random() < 0.02 THEN
		DELETE FROM rate_events WHERE created_at < now() - interval '1 day';
	END IF;
END $$;

-- Takes one event in two limits at once, before the work they limit
-- (issue 14, item 5): seconds 0 and the events' time when both have room,
-- else the seconds to wait and nothing written. One request at a time per
-- key (transaction-level advisory locks, taken in a fixed order, so two
-- requests never wait on each other crosswise): thirty concurrent wrong
-- passwords against a limit of five get five checks, not thirty. Called in
-- a statement of its own (autocommit), so the locks go with it.
CREATE OR REPLACE FUNCTION rate_take(p_bucket text, p_key text, p_max int,
    p_minutes int, p_bucket2 text, p_key2 text, p_max2 int, p_minutes2 int)
RETURNS TABLE (seconds int, taken_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
	h1	bigint := hashtextextended(p_bucket || '|' || p_key, 7340034);
	h2	bigint := hashtextextended(p_bucket2 || '|' || p_key2, 7340034);
	w	int;
	t	timestamptz := clock_timestamp();
BEGIN
	PERFORM pg_advisory_xact_lock(least(h1, h2));
	IF h1 <> h2 THEN
		PERFORM pg_advisory_xact_lock(greatest(h1, h2));
	END IF;
	-- A statement after the locks: its snapshot sees every event that
	-- the requests before this one wrote.
	SELECT greatest(rate_wait(p_bucket, p_key, p_max, p_minutes),
	    rate_wait(p_bucket2, p_key2, p_max2, p_minutes2)) INTO w;
	IF w > 0 THEN
		RETURN QUERY SELECT w, NULL::timestamptz;
		RETURN;
	END IF;
	INSERT INTO rate_events (bucket, key, created_at)
	VALUES (p_bucket, p_key, t), (p_bucket2, p_key2, t);
	IF random() < 0.02 THEN
		DELETE FROM rate_events WHERE created_at < now() - interval '1 day';
	END IF;
	RETURN QUERY SELECT 0, t;
END $$;

-- Gives back what rate_take took at p_at (the attempt succeeded: only
-- failures count).
CREATE OR REPLACE FUNCTION rate_give(p_bucket text, p_key text, p_bucket2 text,
    p_key2 text, p_at timestamptz) RETURNS void
LANGUAGE sql AS $$
	DELETE FROM rate_events WHERE created_at = p_at
	    AND ((bucket = p_bucket AND key = p_key)
	    OR (bucket = p_bucket2 AND key = p_key2))
$$;

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
			-- Older change-of-address links of this account die with it,
			-- and so do the reset links mailed to the address it
			-- replaces (issue 14, item 2: one of them took the account).
			UPDATE account_tokens SET used_at = now()
			WHERE account_tokens.user_id = t.user_id
			  AND kind IN ('email_change', 'reset') AND used_at IS NULL;
			PERFORM account_takeover(t.user_id, t.email_key);
			RETURN QUERY SELECT 'ok'::text, t.user_id, addr;
		END IF;
	EXCEPTION WHEN unique_violation THEN
		RETURN QUERY SELECT 'taken'::text, t.user_id, NULL::text;
	END;
END $$;

-- Grants (p_grant) or revokes p_role for p_user, on behalf of p_by (NULL: the
-- command line), and records the change. Returns 'granted', 'revoked',
-- 'unchanged' (nothing to do, nothing recorded), 'self' (an administrator
-- removing their own admin role: refused), 'unverified' (a role beyond
-- citizen granted to an account whose address is not confirmed: refused,
-- so a mistyped or someone else's address never holds moderator or admin
-- powers), or 'no_user' (unknown or deleted).
CREATE OR REPLACE FUNCTION user_role_set(p_user bigint, p_role text, p_grant boolean,
    p_by bigint) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	n integer;
	v_verified boolean;
BEGIN
	-- Lock the account: two administrators acting at once are serialised.
	SELECT verified_at IS NOT NULL INTO v_verified
	FROM users WHERE id = p_user AND deleted_at IS NULL FOR UPDATE;
	IF NOT FOUND THEN
		RETURN 'no_user';
	END IF;
	IF NOT p_grant AND p_role = 'admin' AND p_by = p_user THEN
		RETURN 'self';
	END IF;
	IF p_grant AND p_role <> 'citizen' AND NOT v_verified THEN
		RETURN 'unverified';
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

CREATE OR REPLACE FUNCTION user_delete(p_user bigint, p_hash text, p_email text,
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

CREATE OR REPLACE FUNCTION email_canonical(e text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT regexp_replace(translate(e, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
	    'abcdefghijklmnopqrstuvwxyz'), '^([^@+]+)\+[^@]*@', '\1@')
$$;

-- 1 when the departed account p_user must be remembered: it voted, marked
-- an argument "utile" or flagged a contribution in a consultation that
-- closed less than 30 days ago or has not closed (the 30 days cover a
-- closing date moved later; after that the figures are final). Used at
-- deletion (user_erase) and by `agora purge`, which forgets the others.
CREATE OR REPLACE FUNCTION departed_needed(p_user bigint) RETURNS boolean
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

-- Gives account p_user what the departed account with key p_key left: its
-- votes, "utile" marks and flags. Where both have one on the same
-- contribution, p_user's own stands (it is the latest word of the same
-- person) and the departed one is removed. The departed row is forgotten.
-- The votes go where p_user's own are stored: to its verified person when
-- it is bound to one through FranceConnect (vote_person(), functions/
-- franceconnect.sql), so that they count once with that person's other
-- votes, web or EPN; marks and flags go to the account.
-- Returns the number of votes taken over (0 when no departed account has
-- that key). The triggers of votes keep counters and report rollups exact.
CREATE OR REPLACE FUNCTION account_takeover(p_user bigint, p_key text) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	old_user bigint;
	v_to bigint := vote_person(p_user);
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
	    AND x.user_id = v_to AND x.contribution_id = o.contribution_id;
	UPDATE votes SET user_id = v_to WHERE user_id = old_user;
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

-- True when p_user is an administrator and no other live account is: the
-- site must keep one. Serialises concurrent deletions on an advisory lock
-- held to the end of the transaction (as user_delete of 0020 did).
CREATE OR REPLACE FUNCTION user_last_admin(p_user bigint) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext('user_delete_admin'));
	RETURN EXISTS (SELECT 1 FROM user_roles WHERE user_id = p_user
	    AND role = 'admin') AND NOT EXISTS (SELECT 1 FROM user_roles r
	    JOIN users u ON u.id = r.user_id WHERE r.role = 'admin'
	    AND r.user_id <> p_user AND u.deleted_at IS NULL);
END $$;

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
	    display_name = 'Membre n°' || id, deleted_at = now(),
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
	-- What the person wrote to the moderators, never public: the reasons
	-- of their appeals (the appeals stay, for the moderation record), and
	-- their messages with the copies mailed to the moderators, which name
	-- the account as contact_send() writes it.
	UPDATE appeals SET reason = NULL WHERE author_id = p_user
	    AND reason IS NOT NULL;
	DELETE FROM moderation_messages WHERE sender_id = p_user;
	WITH d AS (DELETE FROM outbox WHERE kind = 'contact'
	    AND strpos(body, '(compte n° ' || p_user || ')') > 0 RETURNING id)
	INSERT INTO outbox_erased (outbox_id) SELECT id FROM d
	ON CONFLICT DO NOTHING;
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

-- Deletion for inactivity (`agora purge`): erases account p_user if it is
-- live, still has address p_email (p_email_key is its keyed hash) and has
-- not signed in for p_inactive (three years). Returns 'deleted', 'kept'
-- (signed in meanwhile, address changed, or already gone) or 'last_admin'.
CREATE OR REPLACE FUNCTION user_purge(p_user bigint, p_email text, p_email_key text,
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
