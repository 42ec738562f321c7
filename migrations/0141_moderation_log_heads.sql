-- Signed heads of the moderation log (issue 10). Every hour `agora sign-log`
-- checks the whole chain in C, then signs its head (row count, last id,
-- last hash, time) with the server's Ed25519 key, which lives outside
-- PostgreSQL, and stores it here. The latest is published at
-- /export/journal-moderation/tete.json: whoever keeps a copy can later
-- prove a truncation, a rewrite or a forged row before it
-- (agora verify-log --head FILE). The database only keeps them for
-- publication; their worth is the signature, checked outside it.

CREATE TABLE moderation_log_heads (
	id		bigserial PRIMARY KEY,
	signed_at	timestamptz NOT NULL,	-- the time in the signed text (the signer's clock, to the second)
	row_count	bigint NOT NULL CHECK (row_count >= 0), -- rows of the log up to last_id
	last_id		bigint NOT NULL CHECK (last_id >= 0), -- id of the last row covered (0: empty log)
	last_hash	text NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$'), -- its hash (64 zeros: empty log)
	key_fingerprint	text NOT NULL CHECK (key_fingerprint ~ '^[0-9a-f]{64}$'), -- SHA-256 of the public key (DER)
	signed_text	text NOT NULL,		-- the exact text signed
	signature	text NOT NULL		-- Ed25519 signature of signed_text, base64
		CHECK (signature ~ '^[A-Za-z0-9+/]{86}==$'),
	stored_at	timestamptz NOT NULL DEFAULT now() -- when the database received it
);

-- Nothing in it ever changes (moderation_log_forbid, 0140).
CREATE TRIGGER moderation_log_heads_no_change BEFORE UPDATE OR DELETE
	ON moderation_log_heads
	FOR EACH ROW EXECUTE FUNCTION moderation_log_forbid();
CREATE TRIGGER moderation_log_heads_no_truncate BEFORE TRUNCATE
	ON moderation_log_heads
	FOR EACH STATEMENT EXECUTE FUNCTION moderation_log_forbid();

-- Stores a signed head, the only way in for the application's role. The
-- signature is checked by whoever reads the head (PostgreSQL cannot check
-- Ed25519); here the head must describe the log as it is (that many rows
-- up to last_id, last_id with that hash), the signed text must be exactly
-- the one these values give, and heads only move forward in time. Returns
-- the new id.
CREATE FUNCTION moderation_log_head_add(p_signed_at timestamptz, p_rows bigint,
    p_last_id bigint, p_last_hash text, p_key text, p_text text,
    p_signature text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
	n	bigint;
	v_id	bigint;
BEGIN
	IF p_text IS DISTINCT FROM format(E'agora-journal-moderation-tete/1\n'
	    'lignes=%s\ndernier_id=%s\nderniere_empreinte=%s\nsigne_le=%s\ncle=%s\n',
	    p_rows, p_last_id, p_last_hash,
	    to_char(p_signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
	    p_key) THEN
		RAISE EXCEPTION 'moderation_log_head_add: the signed text does not match the head';
	END IF;
	IF p_signed_at > now() + interval '5 minutes' OR EXISTS (SELECT 1
	    FROM moderation_log_heads WHERE signed_at > p_signed_at) THEN
		RAISE EXCEPTION 'moderation_log_head_add: a head older than the last one, or in the future';
	END IF;
	SELECT count(*) INTO n FROM moderation_log WHERE moderation_log.id <= p_last_id;
	IF n <> p_rows OR (p_rows = 0 AND p_last_hash <> repeat('0', 64))
	    OR (p_rows > 0 AND NOT EXISTS (SELECT 1 FROM moderation_log
		WHERE moderation_log.id = p_last_id AND hash = p_last_hash)) THEN
		RAISE EXCEPTION 'moderation_log_head_add: the head does not describe the log';
	END IF;
	INSERT INTO moderation_log_heads (signed_at, row_count, last_id, last_hash,
	    key_fingerprint, signed_text, signature)
	VALUES (p_signed_at, p_rows, p_last_id, p_last_hash, p_key, p_text,
	    p_signature)
	RETURNING moderation_log_heads.id INTO v_id;
	RETURN v_id;
END $$;
