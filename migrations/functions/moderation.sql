-- Moderation: flags, decisions, the append-only hash-chained log, its
-- signed heads and the erasable notes behind their commitments.
--
-- The current text of each function and trigger of the area, in one
-- place: `agora migrate` applies every file of migrations/functions/
-- after the numbered migrations, each time. To change a function, edit
-- it here (a new migration only for what CREATE OR REPLACE cannot do:
-- a changed signature or return type is a DROP there first).

-- The text a row's hash covers. Form 1: every field and the previous hash,
-- as 0040 defined it. Form 2: "2", then id, time (UTC, microseconds),
-- moderator pseudonym, contribution, consultation, action, status before,
-- status after, rule, note commitment, time it entered the queue, previous
-- hash, joined by '|', a NULL as the empty string: exactly the fields of
-- the open-data file. Form 3 (a public act, migration 0430): "3" and the
-- fields of form 2, with the subject and the text's hash before the
-- previous hash. agora verify-log never calls this: it computes the
-- same text in C (app/core/modlog.c) from the raw columns.
CREATE OR REPLACE FUNCTION moderation_log_canonical(l moderation_log) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE l.form WHEN 1 THEN concat_ws('|', l.id::text,
	    to_char(l.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
	    quote_nullable(l.moderator_id), quote_nullable(l.contribution_id),
	    quote_nullable(l.consultation_id), quote_nullable(l.action),
	    quote_nullable(l.from_status), quote_nullable(l.to_status),
	    quote_nullable(l.rule_code), quote_nullable(l.note),
	    quote_nullable(to_char(l.queued_at AT TIME ZONE 'UTC',
	    'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')), l.prev_hash)
	ELSE concat_ws('|', l.form::text, l.id::text,
	    to_char(l.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
	    coalesce(l.moderator_ref, ''), coalesce(l.contribution_id::text, ''),
	    coalesce(l.consultation_id::text, ''), l.action,
	    coalesce(l.from_status, ''), coalesce(l.to_status, ''),
	    coalesce(l.rule_code, ''), coalesce(l.note_mac, ''),
	    coalesce(to_char(l.queued_at AT TIME ZONE 'UTC',
	    'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), ''),
	    CASE WHEN l.form = 3 THEN l.subject || '|' || l.text_hash END,
	    l.prev_hash) END
$$;

CREATE OR REPLACE FUNCTION moderation_log_append(p_moderator bigint, p_moderator_ref text,
    p_contribution bigint, p_consultation bigint, p_action text, p_from text,
    p_to text, p_rule text, p_note text, p_note_mac text,
    p_queued_at timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
	r	moderation_log;
BEGIN
	IF (nullif(p_note, '') IS NULL) <> (p_note_mac IS NULL) THEN
		RAISE EXCEPTION 'moderation_log_append: a note and its commitment go together';
	END IF;
	PERFORM pg_advisory_xact_lock(7340032, 1);
	SELECT hash INTO r.prev_hash FROM moderation_log ORDER BY id DESC LIMIT 1;
	r.prev_hash := coalesce(r.prev_hash, repeat('0', 64));
	r.id := nextval(pg_get_serial_sequence('moderation_log', 'id'));
	r.form := 2;
	r.at := date_trunc('microseconds', clock_timestamp());
	r.moderator_id := p_moderator;
	r.moderator_ref := p_moderator_ref;
	r.contribution_id := p_contribution;
	r.consultation_id := p_consultation;
	r.action := p_action;
	r.from_status := p_from;
	r.to_status := p_to;
	r.rule_code := p_rule;
	r.note_mac := p_note_mac;
	r.queued_at := p_queued_at;
	r.hash := encode(sha256(convert_to(moderation_log_canonical(r), 'UTF8')), 'hex');
	INSERT INTO moderation_log SELECT r.*;
	IF p_note_mac IS NOT NULL THEN
		INSERT INTO moderation_notes (log_id, note) VALUES (r.id, p_note);
	END IF;
	RETURN r.id;
END $$;

-- Appends one form-3 row: the public act p_action of p_actor (pseudonym
-- p_actor_ref) about p_subject, which made text p_text public (its
-- SHA-256 is chained), in consultation p_consultation (or NULL), the
-- state after it p_to (or NULL). Only the SECURITY DEFINER functions that
-- check the act was just done call it (synthesis_log, council_log).
CREATE OR REPLACE FUNCTION moderation_log_append_act(p_actor bigint,
    p_actor_ref text, p_consultation bigint, p_action text, p_to text,
    p_subject text, p_text text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
	r	moderation_log;
BEGIN
	PERFORM pg_advisory_xact_lock(7340032, 1);
	SELECT hash INTO r.prev_hash FROM moderation_log ORDER BY id DESC LIMIT 1;
	r.prev_hash := coalesce(r.prev_hash, repeat('0', 64));
	r.id := nextval(pg_get_serial_sequence('moderation_log', 'id'));
	r.form := 3;
	r.at := date_trunc('microseconds', clock_timestamp());
	r.moderator_id := p_actor;
	r.moderator_ref := p_actor_ref;
	r.consultation_id := p_consultation;
	r.action := p_action;
	r.to_status := p_to;
	r.subject := p_subject;
	r.text_hash := encode(sha256(convert_to(p_text, 'UTF8')), 'hex');
	r.hash := encode(sha256(convert_to(moderation_log_canonical(r), 'UTF8')), 'hex');
	INSERT INTO moderation_log SELECT r.*;
	RETURN r.id;
END $$;

-- Append-only, even for the owner, with one exception: erasing the note
-- of a form-1 row (its only copy of the note), which changes nothing else
-- and marks the row (moderation_notes_erase_about). Shared by the signed
-- heads' table (migration 0141), where nothing may change.
CREATE OR REPLACE FUNCTION moderation_log_forbid() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'moderation_log' THEN
		IF OLD.form = 1 AND OLD.note IS NOT NULL AND NEW.note IS NULL
		    AND OLD.note_erased_at IS NULL AND NEW.note_erased_at IS NOT NULL
		    AND to_jsonb(NEW) - 'note' - 'note_erased_at'
			= to_jsonb(OLD) - 'note' - 'note_erased_at' THEN
			RETURN NEW;
		END IF;
	END IF;
	RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
	    USING ERRCODE = 'insufficient_privilege';
END $$;

-- Nothing in it ever changes (moderation_log_forbid, 0140).
CREATE OR REPLACE TRIGGER moderation_log_heads_no_change BEFORE DELETE OR UPDATE
	ON moderation_log_heads
	FOR EACH ROW
	EXECUTE FUNCTION moderation_log_forbid();

CREATE OR REPLACE TRIGGER moderation_log_heads_no_truncate BEFORE TRUNCATE
	ON moderation_log_heads
	FOR EACH STATEMENT
	EXECUTE FUNCTION moderation_log_forbid();

CREATE OR REPLACE TRIGGER moderation_log_no_change BEFORE DELETE OR UPDATE
	ON moderation_log
	FOR EACH ROW
	EXECUTE FUNCTION moderation_log_forbid();

CREATE OR REPLACE TRIGGER moderation_log_no_truncate BEFORE TRUNCATE
	ON moderation_log
	FOR EACH STATEMENT
	EXECUTE FUNCTION moderation_log_forbid();

-- Records a flag (0040), now appending through the form-2 append. Same
-- signature and answers; SECURITY DEFINER so that it may append.
CREATE OR REPLACE FUNCTION flag_contribution(p_contribution bigint, p_user bigint,
    p_rule text, p_note text, p_threshold integer, p_action text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
	c	record;
BEGIN
	PERFORM 1 FROM contributions WHERE id = p_contribution AND status = 'published';
	IF NOT FOUND THEN
		RETURN 'not_found';
	END IF;
	INSERT INTO flags (contribution_id, user_id, rule_code, note)
	VALUES (p_contribution, p_user, p_rule, nullif(p_note, ''))
	ON CONFLICT (contribution_id, user_id) DO NOTHING;
	IF NOT FOUND THEN
		RETURN 'duplicate';
	END IF;
	UPDATE contributions SET flag_count = flag_count + 1,
	    under_review = under_review OR (status = 'published'
		AND flag_count + 1 >= p_threshold),
	    queued_at = CASE WHEN NOT under_review AND status = 'published'
		AND flag_count + 1 >= p_threshold THEN now() ELSE queued_at END,
	    status = CASE WHEN NOT under_review AND status = 'published'
		AND flag_count + 1 >= p_threshold AND p_action = 'hide'
		THEN 'hidden' ELSE status END
	WHERE id = p_contribution
	RETURNING under_review, status, queued_at,
	    (flag_count = p_threshold) AS reached INTO c;
	IF c.reached AND c.under_review THEN
		PERFORM moderation_log_append(NULL, NULL, p_contribution, NULL,
		    'threshold', 'published', c.status, p_rule, NULL, NULL,
		    c.queued_at);
		RETURN 'queued';
	END IF;
	RETURN 'ok';
END $$;

-- Whether moderator p_moderator may take and decide appeal p_appeal: not
-- the one whose decision it contests (issue 13, item 5), nor the author.
-- A decided or unknown appeal: false.
CREATE OR REPLACE FUNCTION moderation_appeal_may_decide(p_appeal bigint,
    p_moderator bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT coalesce((SELECT a.status = 'pending'
	    AND a.decided_by IS DISTINCT FROM p_moderator
	    AND a.author_id <> p_moderator
	    FROM appeals a WHERE a.id = p_appeal), false)
$$;

-- The decision an author may appeal: the last moderator's decision on
-- p_contribution, if it hid or refused it and the contribution is still
-- so. NULL row fields otherwise.
CREATE OR REPLACE FUNCTION moderation_appealable(p_contribution bigint,
    OUT log_id bigint, OUT moderator_id bigint, OUT at timestamptz,
    OUT rule_code text, OUT to_status text)
LANGUAGE sql STABLE AS $$
	SELECT l.id, l.moderator_id, l.at, l.rule_code, l.to_status
	FROM moderation_log l
	WHERE l.contribution_id = p_contribution AND l.moderator_id IS NOT NULL
	    AND l.action IN ('publish', 'hide', 'reject', 'restore')
	ORDER BY l.id DESC LIMIT 1
$$;

-- Files the appeal of the author p_user against the last decision on
-- p_contribution, within p_days days of it: the log's 'appeal' row, the
-- appeal, and the contribution back in the queue (under review, reason
-- réexamen, a new decision version so that a form opened before is
-- stale). One appeal per decision, and none against a decision taken on
-- an appeal. Returns ok, not_found, not_author, not_decided, already,
-- pending, too_late or invalid.
CREATE OR REPLACE FUNCTION moderation_appeal_file(p_contribution bigint,
    p_user bigint, p_reason text, p_days integer) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
	c	record;
	d	record;
	v_log	bigint;
BEGIN
	SELECT id, status, author_id, under_review INTO c FROM contributions
	WHERE id = p_contribution FOR UPDATE;
	IF NOT FOUND THEN
		RETURN 'not_found';
	END IF;
	IF c.author_id IS DISTINCT FROM p_user THEN
		RETURN 'not_author';
	END IF;
	IF EXISTS (SELECT 1 FROM appeals WHERE contribution_id = p_contribution
	    AND status = 'pending') THEN
		RETURN 'pending';
	END IF;
	SELECT * INTO d FROM moderation_appealable(p_contribution);
	IF d.log_id IS NULL OR d.to_status NOT IN ('hidden', 'rejected')
	    OR d.to_status <> c.status OR c.under_review THEN
		RETURN 'not_decided';
	END IF;
	IF EXISTS (SELECT 1 FROM appeals WHERE decision_log_id = d.log_id
	    OR resolved_log_id = d.log_id) THEN
		RETURN 'already';
	END IF;
	IF d.at < clock_timestamp() - make_interval(days => p_days) THEN
		RETURN 'too_late';
	END IF;
	IF coalesce(char_length(btrim(p_reason)), 0) = 0
	    OR char_length(p_reason) > 4000 THEN
		RETURN 'invalid';
	END IF;
	v_log := moderation_log_append(NULL, NULL, p_contribution, NULL,
	    'appeal', c.status, c.status, d.rule_code, NULL, NULL, NULL);
	INSERT INTO appeals (contribution_id, decision_log_id, decided_by,
	    author_id, reason, filed_log_id)
	VALUES (p_contribution, d.log_id, d.moderator_id, p_user, p_reason,
	    v_log);
	UPDATE contributions SET under_review = true, queued_at = now(),
	    queue_reason = 'réexamen', decision_version = decision_version + 1
	WHERE id = p_contribution;
	RETURN 'ok';
END $$;

-- p_subject, p_body, p_rule_line, p_note_line: the author's e-mail
-- (app/core/mail_texts.def, MT_MODERATION and its two lines, or
-- MT_APPEAL_DECIDED for a contribution under appeal), the decision and
-- the links already filled in by the caller. Under appeal, the moderator
-- whose decision is contested may not decide (appeal_own,
-- moderation_appeal_may_decide); restoring reverses the appeal, any other
-- decision upholds it.
CREATE OR REPLACE FUNCTION moderation_decide(p_contribution bigint, p_moderator bigint,
    p_moderator_ref text, p_action text, p_expected_status text,
    p_expected_version integer, p_rule text, p_note text, p_note_mac text,
    p_subject text, p_body text, p_rule_line text, p_note_line text)
    RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
	c	record;
	to_st	text;
	rule_t	text;
	v_note	text := nullif(p_note, '');
	v_appeal bigint;
	v_log	bigint;
BEGIN
	SELECT id, status, decision_version, under_review, queued_at, author_id,
	    coalesce(title, left(body, 80)) AS what
	INTO c FROM contributions WHERE id = p_contribution FOR UPDATE;
	IF NOT FOUND THEN
		RETURN 'not_found';
	END IF;
	IF c.status <> p_expected_status OR c.decision_version <> p_expected_version THEN
		RETURN 'conflict';
	END IF;
	IF c.author_id = p_moderator THEN
		RETURN 'own';
	END IF;
	SELECT id INTO v_appeal FROM appeals WHERE contribution_id = p_contribution
	    AND status = 'pending' FOR UPDATE;
	IF v_appeal IS NOT NULL
	    AND NOT moderation_appeal_may_decide(v_appeal, p_moderator) THEN
		RETURN 'appeal_own';
	END IF;
	IF p_action IN ('hide', 'reject') AND p_rule IS NULL THEN
		RETURN 'rule_required';
	END IF;
	to_st := CASE p_action WHEN 'publish' THEN 'published'
	    WHEN 'restore' THEN 'published' WHEN 'hide' THEN 'hidden'
	    WHEN 'reject' THEN 'rejected' END;
	IF to_st IS NULL
	    OR (p_action = 'publish' AND c.status NOT IN ('pending', 'published'))
	    OR (p_action = 'restore' AND c.status NOT IN ('hidden', 'rejected'))
	    OR (to_st = c.status AND NOT c.under_review) THEN
		RETURN 'invalid';
	END IF;
	UPDATE contributions SET status = to_st, under_review = false,
	    queued_at = NULL, flag_count = 0,
	    decision_version = decision_version + 1,
	    moderation_rule = p_rule, moderation_note = v_note,
	    moderated_at = now(),
	    queue_reason = nullif(queue_reason, 'réexamen')
	WHERE id = p_contribution;
	v_log := moderation_log_append(p_moderator, p_moderator_ref,
	    p_contribution, NULL, p_action, c.status, to_st, p_rule, v_note,
	    CASE WHEN v_note IS NOT NULL THEN p_note_mac END,
	    CASE WHEN c.status = 'pending' OR c.under_review THEN c.queued_at END);
	IF v_appeal IS NOT NULL THEN
		UPDATE appeals SET status = CASE WHEN p_action = 'restore'
		    THEN 'reversed' ELSE 'upheld' END, resolved_by = p_moderator,
		    resolved_at = now(), resolved_log_id = v_log
		WHERE id = v_appeal;
	END IF;
	IF c.author_id IS NOT NULL THEN
		INSERT INTO notifications (user_id, contribution_id, decision, rule,
		    note, appeal_id)
		VALUES (c.author_id, p_contribution, p_action, p_rule, v_note,
		    v_appeal);
		SELECT code || ' — ' || title INTO rule_t FROM charter_rules WHERE code = p_rule;
		INSERT INTO outbox (user_id, recipient, subject, body, kind)
		SELECT u.id, u.email, p_subject,
		    mail_fill(p_body,
		    ARRAY['name', 'contribution', 'rule_line', 'note_line'],
		    ARRAY[u.display_name, c.what,
		    CASE WHEN rule_t IS NOT NULL THEN mail_fill(p_rule_line,
		    ARRAY['rule'], ARRAY[rule_t]) ELSE '' END,
		    CASE WHEN v_note IS NOT NULL THEN mail_fill(p_note_line,
		    ARRAY['note'], ARRAY[v_note]) ELSE '' END]),
		    CASE WHEN v_appeal IS NOT NULL THEN 'appeal' ELSE 'moderation' END
		FROM users u WHERE u.id = c.author_id AND u.email IS NOT NULL
		    AND u.deleted_at IS NULL;
	END IF;
	RETURN 'ok';
END $$;

CREATE OR REPLACE FUNCTION consultation_set_mode(p_consultation bigint, p_admin bigint,
    p_admin_ref text, p_mode text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
	old	text;
BEGIN
	SELECT moderation_mode INTO old FROM consultations
	WHERE id = p_consultation FOR UPDATE;
	IF NOT FOUND THEN
		RETURN 'not_found';
	END IF;
	IF old = p_mode THEN
		RETURN 'unchanged';
	END IF;
	UPDATE consultations SET moderation_mode = p_mode WHERE id = p_consultation;
	PERFORM moderation_log_append(p_admin, p_admin_ref, NULL, p_consultation,
	    'mode', old, p_mode, NULL, NULL, NULL, NULL);
	RETURN 'ok';
END $$;

-- Who may vote in a consultation (issue 17; 0371, 0410): p_choice
-- 'platform' (NULL: the setting vote_requires_franceconnect decides),
-- 'required' (true: accounts verified by FranceConnect only) or 'open'
-- (false: every account). The change is written to the moderation log,
-- action 'vote_fc', from the old choice to the new, as a mode change is.
-- 'ok', 'unchanged' or 'not_found'; another choice is the caller's bug.
CREATE OR REPLACE FUNCTION consultation_set_vote_fc(p_consultation bigint, p_admin bigint,
    p_admin_ref text, p_choice text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
	cur	boolean;
	old	text;
BEGIN
	IF p_choice IS NULL OR p_choice NOT IN ('platform', 'required', 'open') THEN
		RAISE EXCEPTION 'consultation_set_vote_fc: unknown choice %', p_choice;
	END IF;
	SELECT vote_requires_franceconnect INTO cur FROM consultations
	WHERE id = p_consultation FOR UPDATE;
	IF NOT FOUND THEN
		RETURN 'not_found';
	END IF;
	old := CASE WHEN cur IS NULL THEN 'platform' WHEN cur THEN 'required'
	    ELSE 'open' END;
	IF old = p_choice THEN
		RETURN 'unchanged';
	END IF;
	UPDATE consultations SET vote_requires_franceconnect = CASE p_choice
	    WHEN 'required' THEN true WHEN 'open' THEN false END
	WHERE id = p_consultation;
	PERFORM moderation_log_append(p_admin, p_admin_ref, NULL, p_consultation,
	    'vote_fc', old, p_choice, NULL, NULL, NULL, NULL);
	RETURN 'ok';
END $$;

-- Stores a signed head, the only way in for the application's role. The
-- signature is checked by whoever reads the head (PostgreSQL cannot check
-- Ed25519); here the head must describe the log as it is (that many rows
-- up to last_id, last_id with that hash), the signed text must be exactly
-- the one these values give, and heads only move forward in time. Returns
-- the new id.
CREATE OR REPLACE FUNCTION moderation_log_head_add(p_signed_at timestamptz, p_rows bigint,
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

-- Erases the moderator notes about the contributions of p_user, once that
-- account is deleted (otherwise nothing: the application may not erase
-- the notes about someone still here). Erased: the notes of form-2 log rows
-- (moderation_notes; their commitment stays chained), the note inside
-- form-1 rows (written before 0140, when the note was part of the hashed
-- text: the row is marked note_erased_at and agora verify-log then checks
-- it by its links to its neighbours only), the last decision's note kept on
-- the contribution, and the notes of the person's notifications. Returns
-- the number of log notes erased.
CREATE OR REPLACE FUNCTION moderation_notes_erase_about(p_user bigint) RETURNS integer
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
	-- What the person wrote to appeal (0280) is theirs as well.
	UPDATE appeals SET reason = NULL
	WHERE author_id = p_user AND reason IS NOT NULL;
	RETURN n + k;
END $$;
