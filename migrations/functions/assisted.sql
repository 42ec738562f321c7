-- Assisted participation (issue 12, items 2 and 4): mediators attached to
-- EPNs, and what they enter in an EPN's name for a person present. Each
-- change is one call that answers a code (vocab_assisted in
-- app/core/vocab.h), so a refused entry leaves nothing behind.

-- Attaches (p_attach) or detaches the mediator account of address p_email
-- to EPN p_epn. Returns 'ok', 'epn_missing', 'no_account', 'not_mediator'
-- (the account lacks the role), 'already' (attached already) or
-- 'not_attached' (nothing to detach).
CREATE OR REPLACE FUNCTION epn_mediator_set(p_epn bigint, p_email text,
    p_attach boolean, p_admin bigint)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	v_user bigint;
BEGIN
	PERFORM 1 FROM epns WHERE id = p_epn;
	IF NOT FOUND THEN
		RETURN 'epn_missing';
	END IF;
	SELECT id INTO v_user FROM users WHERE deleted_at IS NULL
	    AND email IS NOT NULL AND lower(email) = lower(btrim(p_email));
	IF NOT FOUND THEN
		RETURN 'no_account';
	END IF;
	IF NOT p_attach THEN
		DELETE FROM epn_mediators WHERE epn_id = p_epn AND user_id = v_user;
		RETURN CASE WHEN FOUND THEN 'ok' ELSE 'not_attached' END;
	END IF;
	PERFORM 1 FROM user_roles WHERE user_id = v_user AND role = 'mediator';
	IF NOT FOUND THEN
		RETURN 'not_mediator';
	END IF;
	INSERT INTO epn_mediators (epn_id, user_id, attached_by)
	    VALUES (p_epn, v_user, p_admin) ON CONFLICT DO NOTHING;
	RETURN CASE WHEN FOUND THEN 'ok' ELSE 'already' END;
END $$;

-- Why mediator p_mediator may not enter anything in the name of EPN p_epn
-- with consent wording p_consent, or NULL when they may: 'epn_missing'
-- (no such active EPN), 'not_attached', 'consent' (no such wording, or not
-- the current one: the form was older than the wording).
CREATE OR REPLACE FUNCTION assisted_refusal(p_mediator bigint, p_epn bigint,
    p_consent text)
RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM epns WHERE id = p_epn AND active) THEN
		RETURN 'epn_missing';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM epn_mediators m
	    JOIN user_roles r ON r.user_id = m.user_id AND r.role = 'mediator'
	    WHERE m.epn_id = p_epn AND m.user_id = p_mediator) THEN
		RETURN 'not_attached';
	END IF;
	IF p_consent IS DISTINCT FROM (SELECT version FROM consent_wordings
	    ORDER BY introduced_at DESC, version DESC LIMIT 1) THEN
		RETURN 'consent';
	END IF;
	RETURN NULL;
END $$;

-- Keeps the person's contact apart from their contribution (never public).
CREATE OR REPLACE FUNCTION assisted_contact_keep(p_contribution bigint,
    p_contact text)
RETURNS void LANGUAGE sql AS $$
	INSERT INTO assisted_contacts (contribution_id, consultation_id, contact)
	SELECT id, consultation_id, btrim(p_contact) FROM contributions
	WHERE id = p_contribution AND nullif(btrim(p_contact), '') IS NOT NULL
$$;

-- A proposal entered by mediator p_mediator at EPN p_epn on theme p_slug of
-- the primary consultation. Returns (code, id): 'ok', 'pending' (a priori
-- moderation), a refusal of assisted_refusal(), 'missing' (no such theme),
-- 'upcoming' or 'closed'.
CREATE OR REPLACE FUNCTION assisted_propose(p_mediator bigint, p_epn bigint,
    p_slug text, p_title text, p_body text, p_body_html text,
    p_territory text, p_consent text, p_contact text,
    OUT code text, OUT new_id bigint)
LANGUAGE plpgsql AS $$
DECLARE
	t themes;
	c consultations;
BEGIN
	code := assisted_refusal(p_mediator, p_epn, p_consent);
	IF code IS NOT NULL THEN
		RETURN;
	END IF;
	SELECT th.* INTO t FROM themes th
	    JOIN consultations co ON co.id = th.consultation_id
	    WHERE co.is_primary AND th.slug = p_slug;
	IF NOT FOUND THEN
		code := 'missing';
		RETURN;
	END IF;
	SELECT * INTO c FROM consultations WHERE id = t.consultation_id;
	IF consultation_phase(c) <> 'open' THEN
		code := consultation_phase(c);
		RETURN;
	END IF;
	new_id := nextval('contributions_id_seq'::regclass);
	INSERT INTO contributions (id, proposal_id, consultation_id, theme_id,
	    kind, territory_code, title, body, body_html, assisted_by,
	    consent_at, consent_version, epn_id, channel)
	VALUES (new_id, new_id, c.id, t.id, 'proposal', p_territory, p_title,
	    p_body, p_body_html, p_mediator, now(), p_consent, p_epn, 'epn')
	RETURNING CASE WHEN status = 'pending' THEN 'pending' ELSE 'ok' END
	    INTO code;
	PERFORM assisted_contact_keep(new_id, p_contact);
END $$;

-- An argument (p_position 'pour' / 'contre') or a comment (p_position
-- NULL) on proposal p_proposal, entered at EPN p_epn. Returns (code, id):
-- 'ok', 'pending', a refusal of assisted_refusal() or of
-- participation_refusal().
CREATE OR REPLACE FUNCTION assisted_reply(p_mediator bigint, p_epn bigint,
    p_proposal bigint, p_position text, p_body text, p_body_html text,
    p_consent text, p_contact text, OUT code text, OUT new_id bigint)
LANGUAGE plpgsql AS $$
DECLARE
	p contributions;
BEGIN
	code := assisted_refusal(p_mediator, p_epn, p_consent);
	IF code IS NOT NULL THEN
		RETURN;
	END IF;
	code := participation_refusal(p_proposal);
	IF code IS NOT NULL THEN
		RETURN;
	END IF;
	SELECT * INTO p FROM contributions WHERE id = p_proposal;
	INSERT INTO contributions (consultation_id, theme_id, kind, parent_id,
	    proposal_id, position, depth, territory_code, body, body_html,
	    assisted_by, consent_at, consent_version, epn_id, channel)
	VALUES (p.consultation_id, p.theme_id,
	    CASE WHEN p_position IS NULL THEN 'comment' ELSE 'argument' END,
	    p.id, p.id, p_position, CASE WHEN p_position IS NULL THEN 1 ELSE 0 END,
	    (SELECT territory_code FROM epns WHERE id = p_epn), p_body,
	    p_body_html, p_mediator, now(), p_consent, p_epn, 'epn')
	RETURNING id, CASE WHEN status = 'pending' THEN 'pending' ELSE 'ok' END
	    INTO new_id, code;
	PERFORM assisted_contact_keep(new_id, p_contact);
END $$;

-- The pseudonymous participant of identity hash p_hash, created at its
-- first assisted vote: a users row with no address and no password (it
-- cannot sign in), in the département of the EPN that first entered it.
-- The caller holds the identity's advisory lock.
CREATE OR REPLACE FUNCTION assisted_voter(p_hash text, p_epn bigint)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	v_user bigint;
BEGIN
	SELECT user_id INTO v_user FROM assisted_voters WHERE identity_hash = p_hash;
	IF FOUND THEN
		RETURN v_user;
	END IF;
	INSERT INTO users (display_name, territory_code)
	    SELECT 'Participation assistée', territory_code FROM epns
	    WHERE id = p_epn RETURNING id INTO v_user;
	INSERT INTO assisted_voters (identity_hash, user_id)
	    VALUES (p_hash, v_user);
	RETURN v_user;
END $$;

-- An assisted vote (agree / mixed / disagree) on p_proposal by the person
-- whose keyed identity hash is p_hash, entered at EPN p_epn. One vote per
-- identity and proposal, whichever EPN enters it: a second one is refused
-- ('already_voted') unless p_change says the mediator records a change of
-- that person's vote, which then replaces the earlier one (as on the web).
-- Returns 'ok', 'changed', 'already_voted', a refusal of
-- assisted_refusal() or of participation_refusal().
CREATE OR REPLACE FUNCTION assisted_vote(p_mediator bigint, p_epn bigint,
    p_proposal bigint, p_hash text, p_choice text, p_change boolean,
    p_consent text)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	why text := participation_refusal(p_proposal);
	v_user bigint;
	v_had boolean;
BEGIN
	IF assisted_refusal(p_mediator, p_epn, p_consent) IS NOT NULL THEN
		RETURN assisted_refusal(p_mediator, p_epn, p_consent);
	END IF;
	IF why IS NOT NULL THEN
		RETURN why;
	END IF;
	-- Two EPNs entering the same person at once: one waits for the other.
	PERFORM pg_advisory_xact_lock(hashtextextended('assisted:' || p_hash, 0));
	v_user := assisted_voter(p_hash, p_epn);
	v_had := EXISTS (SELECT 1 FROM votes WHERE user_id = v_user
	    AND contribution_id = p_proposal);
	IF v_had AND NOT p_change THEN
		RETURN 'already_voted';
	END IF;
	INSERT INTO votes (user_id, contribution_id, choice, epn_id, assisted_by,
	    consent_at, consent_version)
	VALUES (v_user, p_proposal, p_choice, p_epn, p_mediator, now(), p_consent)
	ON CONFLICT (user_id, contribution_id) DO UPDATE
	    SET choice = EXCLUDED.choice, updated_at = now(),
	    epn_id = EXCLUDED.epn_id, assisted_by = EXCLUDED.assisted_by,
	    consent_at = EXCLUDED.consent_at,
	    consent_version = EXCLUDED.consent_version;
	RETURN CASE WHEN v_had THEN 'changed' ELSE 'ok' END;
END $$;

-- Erases the contacts of consultations closed for more than p_days days
-- (`agora purge`, the privacy notice's period). Returns how many.
CREATE OR REPLACE FUNCTION assisted_contacts_purge(p_days integer)
RETURNS bigint LANGUAGE sql AS $$
	WITH d AS (DELETE FROM assisted_contacts a USING consultations c
	    WHERE c.id = a.consultation_id
	    AND c.closes_at < now() - make_interval(days => p_days)
	    RETURNING 1)
	SELECT count(*) FROM d
$$;
