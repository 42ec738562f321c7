-- Accounts: single-use links sent by e-mail (address verification, password
-- reset, change of address), abuse limits shared by every kore worker and
-- host, and the functions that use them atomically.

CREATE TABLE account_tokens (
	id		bigserial PRIMARY KEY,
	kind		text NOT NULL CHECK (kind IN ('verify', 'reset', 'email_change')),
	user_id		bigint NOT NULL REFERENCES users(id),
	token_hash	text NOT NULL UNIQUE,	-- hex SHA-256 of the token in the link
	new_email	text,			-- email_change: the address to confirm
	created_at	timestamptz NOT NULL DEFAULT now(),
	expires_at	timestamptz NOT NULL,	-- the link stops working then
	used_at		timestamptz,		-- set once: a link works only once
	CHECK ((kind = 'email_change') = (new_email IS NOT NULL))
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, kind) WHERE used_at IS NULL;

-- One row per counted event (failed sign-in, sign-up, reset request).
CREATE TABLE rate_events (
	bucket		text NOT NULL,		-- 'signin_account', 'signin_ip', 'signup_ip', ...
	key		text NOT NULL,		-- an address or a lower-cased e-mail
	created_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rate_events_lookup ON rate_events (bucket, key, created_at);
CREATE INDEX rate_events_age ON rate_events (created_at);

-- Seconds to wait before bucket/key may be used again: 0 while fewer than
-- max_events happened in the last window_minutes, else the time until the
-- oldest of the last max_events leaves the window.
CREATE FUNCTION rate_wait(p_bucket text, p_key text, max_events int,
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
CREATE FUNCTION rate_hit(p_bucket text, p_key text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO rate_events (bucket, key) VALUES (p_bucket, p_key);
	IF random() < 0.02 THEN
		DELETE FROM rate_events WHERE created_at < now() - interval '1 day';
	END IF;
END $$;

-- Uses a verification or change-of-address link (kind 'verify' or
-- 'email_change', found by the hash alone). Returns one row: status
-- ('ok', 'unknown', 'used', 'expired', 'taken': the new address belongs to
-- another account now), the user id, and the address now confirmed.
CREATE FUNCTION account_link_use(p_hash text)
RETURNS TABLE (status text, user_id bigint, email text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
	t account_tokens;
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
		RETURN QUERY UPDATE users u SET verified_at = coalesce(u.verified_at, now())
		    WHERE u.id = t.user_id AND u.deleted_at IS NULL
		    RETURNING 'ok'::text, u.id, u.email;
		RETURN;
	END IF;
	BEGIN
		RETURN QUERY UPDATE users u SET email = t.new_email,
		    verified_at = coalesce(u.verified_at, now())
		    WHERE u.id = t.user_id AND u.deleted_at IS NULL
		    RETURNING 'ok'::text, u.id, u.email;
		-- Older change-of-address links of this account die with it.
		UPDATE account_tokens SET used_at = now()
		WHERE account_tokens.user_id = t.user_id AND kind = 'email_change'
		  AND used_at IS NULL;
	EXCEPTION WHEN unique_violation THEN
		RETURN QUERY SELECT 'taken'::text, t.user_id, NULL::text;
	END;
END $$;
