-- FranceConnect (issue 17, second part; tables of 0340_franceconnect.sql).
--
-- One verified person, one vote. The assisted-participation register
-- (assisted_voters) already maps a keyed pivot identity hash to one
-- pseudonymous participant, whose votes rows are that person's votes
-- whatever EPN entered them. An account linked through FranceConnect
-- votes as that same participant: vote_person() maps an account to the
-- users row its votes are stored under (its own when it is not linked).
-- Two accounts linked to one identity, or an account and an EPN entry of
-- the same person, thus share one row per proposal, and the later vote
-- replaces the earlier one (votes' primary key). The binding of an account
-- to its person (account_persons, 0370) is made by the first link and
-- outlives it: an account unlinked still votes as the person, so linking,
-- voting, unlinking and voting again is still one vote.

-- The users row the votes of account p_user are stored under: the person
-- it is bound to (even unlinked since), else the register's participant
-- of its link's identity (a link written without oidc_link()), else itself.
-- PL/pgSQL, not SQL: a SQL function whose body has subqueries is never
-- inlined, and called from participation_vote() it was parsed and planned
-- again at every vote (0.3 ms of CPU, a quarter of a vote's; issue 18);
-- PL/pgSQL keeps the plan for the session.
CREATE OR REPLACE FUNCTION vote_person(p_user bigint)
RETURNS bigint LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN coalesce((SELECT b.person_id FROM account_persons b
	    WHERE b.user_id = p_user), (SELECT a.user_id FROM oidc_links l
	    JOIN assisted_voters a ON a.identity_hash = l.identity_hash
	    WHERE l.user_id = p_user), p_user);
END $$;

-- The register's participant of identity p_hash, created when missing (in
-- the département of account p_user), and the votes account p_user cast
-- before it was linked moved onto it, the later vote of a proposal
-- winning; the account bound to it for good (account_persons). The
-- caller holds the identity's advisory lock.
CREATE OR REPLACE FUNCTION oidc_person_join(p_user bigint, p_hash text)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	v_person bigint;
BEGIN
	SELECT user_id INTO v_person FROM assisted_voters
	    WHERE identity_hash = p_hash;
	IF NOT FOUND THEN
		INSERT INTO users (display_name, territory_code)
		    SELECT 'Participation vérifiée', territory_code FROM users
		    WHERE id = p_user RETURNING id INTO v_person;
		INSERT INTO assisted_voters (identity_hash, user_id)
		    VALUES (p_hash, v_person);
	END IF;
	INSERT INTO account_persons (user_id, person_id)
	    VALUES (p_user, v_person) ON CONFLICT (user_id) DO NOTHING;
	INSERT INTO votes (user_id, contribution_id, choice, created_at,
	    updated_at)
	SELECT v_person, contribution_id, choice, created_at, updated_at
	    FROM votes WHERE user_id = p_user
	ON CONFLICT (user_id, contribution_id) DO UPDATE
	    SET choice = EXCLUDED.choice, updated_at = EXCLUDED.updated_at,
	    epn_id = NULL, assisted_by = NULL, consent_at = NULL,
	    consent_version = NULL
	    WHERE votes.updated_at < EXCLUDED.updated_at;
	DELETE FROM votes WHERE user_id = p_user;
	RETURN v_person;
END $$;

-- Links account p_user to the provider's (p_issuer, p_subject) whose
-- pivot identity hashes to p_hash. 'ok', 'taken' (that FranceConnect
-- identity is linked to another account), 'already' (this account is
-- linked to another one), 'bound' (this account was linked before to
-- another person, whose votes it casts: it cannot become someone else),
-- 'missing' (no such account).
CREATE OR REPLACE FUNCTION oidc_link(p_user bigint, p_issuer text,
    p_subject text, p_hash text, p_acr text)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	v_other bigint;
BEGIN
	PERFORM 1 FROM users WHERE id = p_user AND deleted_at IS NULL FOR UPDATE;
	IF NOT FOUND THEN
		RETURN 'missing';
	END IF;
	PERFORM pg_advisory_xact_lock(hashtextextended('assisted:' || p_hash, 0));
	SELECT user_id INTO v_other FROM oidc_links
	    WHERE issuer = p_issuer AND subject = p_subject;
	IF FOUND THEN
		RETURN CASE WHEN v_other = p_user THEN 'ok' ELSE 'taken' END;
	END IF;
	IF EXISTS (SELECT 1 FROM oidc_links WHERE user_id = p_user) THEN
		RETURN 'already';
	END IF;
	IF EXISTS (SELECT 1 FROM account_persons b WHERE b.user_id = p_user
	    AND b.person_id IS DISTINCT FROM (SELECT a.user_id
	    FROM assisted_voters a WHERE a.identity_hash = p_hash)) THEN
		RETURN 'bound';
	END IF;
	INSERT INTO oidc_links (user_id, issuer, subject, identity_hash, acr)
	    VALUES (p_user, p_issuer, p_subject, p_hash, coalesce(p_acr, ''));
	UPDATE users SET verified_at = coalesce(verified_at, now())
	    WHERE id = p_user AND email IS NULL;
	PERFORM oidc_person_join(p_user, p_hash);
	RETURN 'ok';
END $$;

-- The first-time form: the account of the sign-up whose token hashes to
-- p_token, with the display name and département chosen, the privacy
-- notice accepted now, no address and no password; linked. Its id, or
-- NULL when the sign-up is unknown, expired or already used (consumed
-- once), or its FranceConnect identity has an account meanwhile.
CREATE OR REPLACE FUNCTION oidc_signup(p_token text, p_name text,
    p_territory text)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	s oidc_signups;
	v_user bigint;
BEGIN
	DELETE FROM oidc_signups WHERE token_hash = p_token
	    AND expires_at > now() RETURNING * INTO s;
	IF NOT FOUND OR EXISTS (SELECT 1 FROM oidc_links
	    WHERE issuer = s.issuer AND subject = s.subject) THEN
		RETURN NULL;
	END IF;
	INSERT INTO users (display_name, territory_code, privacy_accepted_at,
	    verified_at)
	    VALUES (p_name, p_territory, now(), now()) RETURNING id INTO v_user;
	INSERT INTO user_roles (user_id, role) VALUES (v_user, 'citizen');
	PERFORM oidc_link(v_user, s.issuer, s.subject, s.identity_hash, s.acr);
	RETURN v_user;
END $$;

-- An account erased: its link and its binding to a person forgotten. The
-- votes it cast stay the person's: they were counted once, as theirs.
-- (Unlinking drops the link only: the account still votes as the person.)
CREATE OR REPLACE FUNCTION oidc_links_erased() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM oidc_links WHERE user_id = NEW.id;
	DELETE FROM account_persons WHERE user_id = NEW.id;
	RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS users_oidc_erased ON users;
CREATE TRIGGER users_oidc_erased AFTER UPDATE OF deleted_at ON users
	FOR EACH ROW WHEN (NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL)
	EXECUTE FUNCTION oidc_links_erased();

-- Expired requests and sign-ups (agora purge). How many.
CREATE OR REPLACE FUNCTION oidc_purge() RETURNS bigint LANGUAGE sql AS $$
	WITH a AS (DELETE FROM oidc_requests WHERE expires_at < now()
	    RETURNING 1), b AS (DELETE FROM oidc_signups
	    WHERE expires_at < now() RETURNING 1)
	SELECT (SELECT count(*) FROM a) + (SELECT count(*) FROM b)
$$;

-- Deletion of an account that has no password (created through
-- FranceConnect, whose session is the proof): 'deleted', 'last_admin',
-- or 'changed' (it has a password: /compte/suppression asks for it).
-- The same erasure as user_delete(): user_erase(), which forgets the link.
CREATE OR REPLACE FUNCTION oidc_account_delete(p_user bigint)
RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	PERFORM 1 FROM users u WHERE u.id = p_user AND u.deleted_at IS NULL
	    AND u.password_hash IS NULL
	    AND EXISTS (SELECT 1 FROM oidc_links l WHERE l.user_id = u.id)
	FOR UPDATE;
	IF NOT FOUND THEN
		RETURN 'changed';
	END IF;
	IF user_last_admin(p_user) THEN
		RETURN 'last_admin';
	END IF;
	PERFORM user_erase(p_user, NULL);
	RETURN 'deleted';
END $$;

-- 'fc_required' when a vote on proposal p_proposal needs an account
-- verified by FranceConnect — its consultation's choice (0371), else
-- p_required, the platform setting vote_requires_franceconnect — and
-- account p_user is not linked; NULL otherwise. Called before
-- participation_vote().
DROP FUNCTION IF EXISTS oidc_vote_refusal(bigint, boolean);
CREATE OR REPLACE FUNCTION oidc_vote_refusal(p_user bigint, p_proposal bigint,
    p_required boolean)
RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
	IF coalesce((SELECT k.vote_requires_franceconnect FROM contributions c
	    JOIN consultations k ON k.id = c.consultation_id
	    WHERE c.id = p_proposal), p_required)
	    AND NOT EXISTS (SELECT 1 FROM oidc_links
	    WHERE user_id = p_user) THEN
		RETURN 'fc_required';
	END IF;
	RETURN NULL;
END $$;
