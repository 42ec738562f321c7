-- Moderation: the charter rules as data, citizen flags, the moderators'
-- queue, notifications to authors and the tamper-evident moderation log.
-- Nothing a citizen wrote is ever deleted: decisions only change a status.

-- The public charter: each moderation decision cites one of these codes.
CREATE TABLE charter_rules (
	code		text PRIMARY KEY CHECK (code ~ '^R[0-9]{1,2}$'), -- 'R1'
	title		text NOT NULL,		-- "Insultes et propos haineux"
	summary		text NOT NULL,		-- one sentence, plain text
	position	smallint NOT NULL UNIQUE -- display order
);

INSERT INTO charter_rules (code, title, summary, position) VALUES
	('R1', 'Insultes et propos haineux',
	 'Les attaques personnelles, insultes, menaces et propos discriminatoires ou haineux ne sont pas admis.', 1),
	('R2', 'Données personnelles de tiers',
	 'Ne publiez pas le nom, l''adresse, le téléphone ou toute information permettant d''identifier une autre personne.', 2),
	('R3', 'Publicité',
	 'La promotion commerciale d''une entreprise, d''un produit ou d''un service n''a pas sa place ici.', 3),
	('R4', 'Hors sujet',
	 'Une contribution doit porter sur l''enjeu où elle est déposée et sur la stratégie numérique régionale.', 4),
	('R5', 'Doublon',
	 'Une contribution qui répète mot pour mot ou presque une contribution déjà publiée est regroupée avec elle.', 5),
	('R6', 'Contenu illicite',
	 'Tout contenu contraire à la loi (incitation à la violence, diffamation, contrefaçon...) est retiré.', 6),
	('R7', 'Spam',
	 'Les messages envoyés en masse, automatiques ou sans rapport avec la consultation sont retirés.', 7),
	('R8', 'Désinformation',
	 'Les affirmations manifestement fausses présentées comme des faits, de nature à tromper, sont retirées.', 8);

-- What moderation needs to know about each contribution.
ALTER TABLE contributions
	ADD COLUMN queue_reason text	-- 'doublon probable' when held as a likely duplicate
		CHECK (queue_reason IN ('doublon probable')),
	ADD COLUMN under_review boolean NOT NULL DEFAULT false, -- flagged past the threshold, awaiting a moderator
	ADD COLUMN queued_at timestamptz, -- entered the queue (creation or threshold); NULL once decided
	ADD COLUMN flag_count integer NOT NULL DEFAULT 0, -- flags since the last decision
	ADD COLUMN decision_version integer NOT NULL DEFAULT 0, -- bumped by each decision (optimistic lock)
	ADD COLUMN moderation_rule text REFERENCES charter_rules(code), -- rule cited by the last decision
	ADD COLUMN moderation_note text, -- note of the last decision, shown to the author
	ADD COLUMN moderated_at timestamptz; -- time of the last decision
CREATE INDEX contributions_queue ON contributions (coalesce(queued_at, created_at), id)
	WHERE status = 'pending' OR under_review;

-- One flag per account and contribution.
CREATE TABLE flags (
	id		bigserial PRIMARY KEY,
	contribution_id	bigint NOT NULL REFERENCES contributions(id),
	user_id		bigint NOT NULL REFERENCES users(id), -- who flagged (never shown)
	rule_code	text NOT NULL REFERENCES charter_rules(code), -- rule said to be broken
	note		text CHECK (char_length(note) <= 500), -- optional explanation
	created_at	timestamptz NOT NULL DEFAULT now(),
	UNIQUE (contribution_id, user_id)
);

-- What authors are told about decisions on their contributions.
CREATE TABLE notifications (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES users(id), -- the author
	contribution_id	bigint NOT NULL REFERENCES contributions(id),
	decision	text NOT NULL CHECK (decision IN ('publish', 'hide', 'reject', 'restore')),
	rule		text REFERENCES charter_rules(code), -- cited rule, if any
	note		text,			-- moderator's note, if any
	created_at	timestamptz NOT NULL DEFAULT now(),
	read_at		timestamptz		-- first shown on /compte/notifications
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);

-- The moderation log: append-only, each row chained to the previous one by
-- a SHA-256 hash, so that any later edit is detectable (agora verify-log).
CREATE TABLE moderation_log (
	id		bigserial PRIMARY KEY,
	at		timestamptz NOT NULL,	-- when
	moderator_id	bigint REFERENCES users(id), -- NULL: automatic (flag threshold)
	contribution_id	bigint REFERENCES contributions(id), -- NULL for a consultation setting
	consultation_id	bigint REFERENCES consultations(id), -- for action 'mode'
	action		text NOT NULL CHECK (action IN
			('publish', 'hide', 'reject', 'restore', 'threshold', 'mode')),
	from_status	text,			-- status (or mode) before
	to_status	text,			-- status (or mode) after
	rule_code	text REFERENCES charter_rules(code), -- cited rule
	note		text,			-- moderator's note
	queued_at	timestamptz,		-- when the item had entered the queue
	prev_hash	text NOT NULL,		-- hash of the previous row (64 zeros first)
	hash		text NOT NULL		-- sha256(moderation_log_canonical(row))
);
CREATE INDEX moderation_log_contribution ON moderation_log (contribution_id);

-- The text a row's hash covers: every field and the previous hash.
CREATE FUNCTION moderation_log_canonical(l moderation_log) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT concat_ws('|', l.id::text,
	    to_char(l.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
	    quote_nullable(l.moderator_id), quote_nullable(l.contribution_id),
	    quote_nullable(l.consultation_id), quote_nullable(l.action),
	    quote_nullable(l.from_status), quote_nullable(l.to_status),
	    quote_nullable(l.rule_code), quote_nullable(l.note),
	    quote_nullable(to_char(l.queued_at AT TIME ZONE 'UTC',
	    'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')), l.prev_hash)
$$;

-- Appends one row. The advisory lock (held to the end of the transaction)
-- serialises writers, so each row chains to the row committed before it.
CREATE FUNCTION moderation_log_append(p_moderator bigint, p_contribution bigint,
    p_consultation bigint, p_action text, p_from text, p_to text,
    p_rule text, p_note text, p_queued_at timestamptz) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	r	moderation_log;
BEGIN
	PERFORM pg_advisory_xact_lock(7340032, 1);
	SELECT hash INTO r.prev_hash FROM moderation_log ORDER BY id DESC LIMIT 1;
	r.prev_hash := coalesce(r.prev_hash, repeat('0', 64));
	r.id := nextval(pg_get_serial_sequence('moderation_log', 'id'));
	r.at := date_trunc('microseconds', clock_timestamp());
	r.moderator_id := p_moderator;
	r.contribution_id := p_contribution;
	r.consultation_id := p_consultation;
	r.action := p_action;
	r.from_status := p_from;
	r.to_status := p_to;
	r.rule_code := p_rule;
	r.note := p_note;
	r.queued_at := p_queued_at;
	r.hash := encode(sha256(convert_to(moderation_log_canonical(r), 'UTF8')), 'hex');
	INSERT INTO moderation_log SELECT r.*;
	RETURN r.id;
END $$;

-- Append-only, enforced by PostgreSQL: no UPDATE, DELETE or TRUNCATE, even
-- by the table owner (who would bypass the REVOKE below).
CREATE FUNCTION moderation_log_forbid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'moderation_log is append-only: % refused', TG_OP
	    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER moderation_log_no_change BEFORE UPDATE OR DELETE ON moderation_log
	FOR EACH ROW EXECUTE FUNCTION moderation_log_forbid();
CREATE TRIGGER moderation_log_no_truncate BEFORE TRUNCATE ON moderation_log
	FOR EACH STATEMENT EXECUTE FUNCTION moderation_log_forbid();
REVOKE UPDATE, DELETE, TRUNCATE ON moderation_log FROM PUBLIC;
DO $$ BEGIN
	IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'agora') THEN
		REVOKE UPDATE, DELETE, TRUNCATE ON moderation_log FROM agora;
	END IF;
END $$;

-- A number of seconds in French: "3 h 05 min", "12 min", "moins d'une minute".
CREATE FUNCTION fr_duration(s double precision) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
	SELECT CASE
	    WHEN s < 60 THEN 'moins d''une minute'
	    WHEN s < 3600 THEN floor(s / 60)::int::text || ' min'
	    WHEN s < 172800 THEN floor(s / 3600)::int::text || ' h '
		|| lpad((floor(s / 60)::int % 60)::text, 2, '0') || ' min'
	    ELSE floor(s / 86400)::int::text || ' jours' END
$$;

-- true when author_id wrote a text similar to body (pg_trgm similarity >=
-- threshold, or identical) in the last 7 days. Short texts (under 40
-- characters: "D'accord !") are never held: repeating them is normal.
-- The threshold: p_threshold, else the database setting
-- agora.duplicate_similarity, else 0.8.
CREATE FUNCTION contribution_check_duplicate(p_author bigint, p_body text,
    p_threshold real DEFAULT NULL) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT p_author IS NOT NULL AND char_length(p_body) >= 40 AND EXISTS (
	    SELECT 1 FROM contributions c
	    WHERE c.author_id = p_author
	      AND c.created_at > now() - interval '7 days'
	      AND (c.body = p_body OR similarity(c.body, p_body) >= coalesce(p_threshold,
		  nullif(current_setting('agora.duplicate_similarity', true), '')::real, 0.8)))
$$;

-- The status a new contribution starts with: 'pending' in an a priori
-- consultation or when it repeats a recent text of its author, else
-- 'published'. The trigger below applies the same rule to every INSERT.
CREATE FUNCTION contribution_initial_status(p_consultation bigint, p_author bigint,
    p_body text) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN (SELECT moderation_mode FROM consultations
	    WHERE id = p_consultation) = 'a_priori'
	    OR contribution_check_duplicate(p_author, p_body)
	    THEN 'pending' ELSE 'published' END
$$;

-- Spam brake: an account younger than p_hours may post at most p_max
-- contributions per hour. true when author_id may post one more.
CREATE FUNCTION contribution_rate_ok(p_author bigint, p_hours integer DEFAULT 24,
    p_max integer DEFAULT 5) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT NOT EXISTS (SELECT 1 FROM users u WHERE u.id = p_author
	    AND u.created_at > now() - make_interval(hours => p_hours))
	    OR (SELECT count(*) FROM contributions c WHERE c.author_id = p_author
		AND c.created_at > now() - interval '1 hour') < p_max
$$;

-- Whatever code inserts a contribution (not an import): held in the queue
-- in an a priori consultation, or as 'doublon probable' when it repeats a
-- recent text of the same author. Records when it entered the queue.
CREATE FUNCTION contributions_moderation_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.source IS NULL AND NEW.status = 'published' THEN
		IF contribution_check_duplicate(NEW.author_id, NEW.body) THEN
			NEW.status := 'pending';
			NEW.queue_reason := 'doublon probable';
		ELSIF (SELECT moderation_mode FROM consultations
		    WHERE id = NEW.consultation_id) = 'a_priori' THEN
			NEW.status := 'pending';
		END IF;
	END IF;
	IF NEW.status = 'pending' AND NEW.queued_at IS NULL THEN
		NEW.queued_at := NEW.created_at;
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER contributions_moderation_insert BEFORE INSERT ON contributions
	FOR EACH ROW EXECUTE FUNCTION contributions_moderation_insert();

-- Records a flag; one statement, race-safe: the row lock of the UPDATE
-- orders concurrent flags, each sees the count left by the one before.
-- Returns 'ok', 'queued' (this flag reached the threshold), 'duplicate'
-- (already flagged by this account) or 'not_found'.
CREATE FUNCTION flag_contribution(p_contribution bigint, p_user bigint,
    p_rule text, p_note text, p_threshold integer, p_action text) RETURNS text
LANGUAGE plpgsql AS $$
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
		PERFORM moderation_log_append(NULL, p_contribution, NULL,
		    'threshold', 'published', c.status, p_rule, NULL, c.queued_at);
		RETURN 'queued';
	END IF;
	RETURN 'ok';
END $$;

-- A moderator's decision, in one call: checks that the contribution still
-- has the status and version the moderator saw (else 'conflict', nothing
-- changed), changes its status, appends to the log, tells the author
-- (notification, and e-mail in the outbox when there is an address).
-- Returns 'ok', 'not_found', 'conflict', 'own' (moderators never decide on
-- their own contributions), 'rule_required' or 'invalid'.
CREATE FUNCTION moderation_decide(p_contribution bigint, p_moderator bigint,
    p_action text, p_expected_status text, p_expected_version integer,
    p_rule text, p_note text, p_base_url text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	c	record;
	to_st	text;
	label	text;
	rule_t	text;
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
	    moderation_rule = p_rule, moderation_note = nullif(p_note, ''),
	    moderated_at = now()
	WHERE id = p_contribution;
	PERFORM moderation_log_append(p_moderator, p_contribution, NULL,
	    p_action, c.status, to_st, p_rule, nullif(p_note, ''),
	    CASE WHEN c.status = 'pending' OR c.under_review THEN c.queued_at END);
	IF c.author_id IS NOT NULL THEN
		INSERT INTO notifications (user_id, contribution_id, decision, rule, note)
		VALUES (c.author_id, p_contribution, p_action, p_rule, nullif(p_note, ''));
		label := CASE p_action WHEN 'publish' THEN 'publiée'
		    WHEN 'restore' THEN 'rétablie' WHEN 'hide' THEN 'masquée'
		    ELSE 'refusée' END;
		SELECT code || ' — ' || title INTO rule_t FROM charter_rules WHERE code = p_rule;
		INSERT INTO outbox (user_id, recipient, subject, body, kind)
		SELECT u.id, u.email,
		    'Votre contribution a été ' || label,
		    'Bonjour ' || u.display_name || E',\n\n'
		    || 'Votre contribution « ' || c.what || ' » a été ' || label
		    || E' par l''équipe de modération.\n'
		    || coalesce(E'\nRègle de la charte : ' || rule_t || E'\n', '')
		    || coalesce(E'\nNote du modérateur : ' || nullif(p_note, '') || E'\n', '')
		    || E'\nRetrouvez vos notifications : ' || coalesce(p_base_url, '')
		    || E'/compte/notifications\nLa charte de modération : '
		    || coalesce(p_base_url, '') || E'/charte\n\n'
		    || E'Agora, consultation citoyenne de la Région Centre-Val de Loire\n',
		    'moderation'
		FROM users u WHERE u.id = c.author_id AND u.email IS NOT NULL
		    AND u.deleted_at IS NULL;
	END IF;
	RETURN 'ok';
END $$;

-- An administrator switches a consultation between a priori and a
-- posteriori moderation; logged. Returns 'ok', 'unchanged' or 'not_found'.
CREATE FUNCTION consultation_set_mode(p_consultation bigint, p_admin bigint,
    p_mode text) RETURNS text
LANGUAGE plpgsql AS $$
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
	PERFORM moderation_log_append(p_admin, NULL, p_consultation, 'mode',
	    old, p_mode, NULL, NULL, NULL);
	RETURN 'ok';
END $$;
