-- Assisted participation (issue 12, items 2 and 4): mediators attached to
-- EPNs, contributions and votes entered by a mediator in the name of an
-- EPN for a person present, the consent that person gave (with the exact
-- wording's version), an optional contact kept apart, and the register of
-- assisted voters that keeps one vote per person and proposal whichever
-- EPN enters it.
--
-- An assisted contribution has no author (author_id NULL, like an import:
-- the person has no account and must never be named); assisted_by is the
-- mediator, epn_id the place. An assisted vote needs a users row (votes'
-- key is one row per person and proposal, and the counters, rollups and
-- open data read votes): each identity gets one pseudonymous participant,
-- a users row with no address and no password (it can never sign in),
-- found again by the keyed hash of the identity (assisted_voters). The
-- identity itself is never stored.

-- Which mediator accounts may enter contributions for which EPN.
CREATE TABLE epn_mediators (
	epn_id		bigint NOT NULL REFERENCES epns(id) ON DELETE CASCADE, -- the EPN
	user_id		bigint NOT NULL REFERENCES users(id), -- the mediator's account
	attached_at	timestamptz NOT NULL DEFAULT now(), -- when the administrator attached them
	attached_by	bigint REFERENCES users(id), -- that administrator; NULL: command line
	PRIMARY KEY (epn_id, user_id)
);
COMMENT ON TABLE epn_mediators IS 'Mediators attached to EPNs (issue 12, item 2).';
CREATE INDEX epn_mediators_user ON epn_mediators (user_id);

-- The consent wordings a mediator reads out and ticks, each kept forever
-- under its version so that every recorded consent says what was shown.
-- A new wording is a new row; the newest is the one the forms show.
CREATE TABLE consent_wordings (
	version		text PRIMARY KEY	-- 'v1', 'v2', ...: stored with each consent
	    CHECK (version ~ '^v[0-9]+$'),
	wording		text NOT NULL CHECK (btrim(wording) <> ''), -- the checkbox's exact text
	introduced_at	timestamptz NOT NULL DEFAULT now() -- from when the forms show it
);
COMMENT ON TABLE consent_wordings IS 'Consent wordings of assisted participation, by version.';
INSERT INTO consent_wordings (version, wording) VALUES ('v1',
    'La personne présente a donné son accord pour que sa contribution soit '
    'publiée sur la consultation, sans son nom, avec la mention « saisie '
    'assistée à l''EPN de » suivie de la commune de l''EPN. Elle sait qu''elle '
    'peut demander à l''EPN de la retirer.');

ALTER TABLE contributions
	ADD COLUMN epn_id bigint REFERENCES epns(id),
	ADD COLUMN consent_version text REFERENCES consent_wordings(version),
	ADD COLUMN channel text NOT NULL DEFAULT 'web'
	    CHECK (channel IN ('web', 'epn', 'paper'));
COMMENT ON COLUMN contributions.epn_id IS 'Assisted: the EPN in whose name it was entered; NULL otherwise';
COMMENT ON COLUMN contributions.consent_version IS 'Assisted: the consent wording shown (consent_wordings)';
COMMENT ON COLUMN contributions.channel IS 'web (typed by the person), epn (entered at an EPN), paper (a paper sheet)';
ALTER TABLE contributions ADD CONSTRAINT contributions_assisted_whole
	CHECK ((channel = 'web') = (epn_id IS NULL)
	    AND (epn_id IS NULL OR (assisted_by IS NOT NULL
		AND consent_at IS NOT NULL AND consent_version IS NOT NULL)));

-- The pseudonymous participant of each identity the mediators entered:
-- HMAC-SHA256 of the normalised identity (app/core/identity.c) under a key
-- derived from the server secret. Without the secret, which is outside the
-- database, a dump cannot be searched for a person.
CREATE TABLE assisted_voters (
	identity_hash	text PRIMARY KEY	-- hex HMAC-SHA256, 64 characters
	    CHECK (identity_hash ~ '^[0-9a-f]{64}$'),
	user_id		bigint NOT NULL UNIQUE REFERENCES users(id), -- the pseudonymous participant
	created_at	timestamptz NOT NULL DEFAULT now() -- first assisted vote
);
COMMENT ON TABLE assisted_voters IS 'Register of assisted voters: keyed identity hash -> pseudonymous participant.';

ALTER TABLE votes
	ADD COLUMN epn_id bigint REFERENCES epns(id),
	ADD COLUMN assisted_by bigint REFERENCES users(id),
	ADD COLUMN consent_at timestamptz,
	ADD COLUMN consent_version text REFERENCES consent_wordings(version);
COMMENT ON COLUMN votes.epn_id IS 'Assisted vote: the EPN that entered it (the latest change); NULL on the web';
COMMENT ON COLUMN votes.assisted_by IS 'Assisted vote: the mediator who entered it';
COMMENT ON COLUMN votes.consent_at IS 'Assisted vote: when the person consented';
COMMENT ON COLUMN votes.consent_version IS 'Assisted vote: the consent wording shown';

-- A contact the person left to hear of the official answer: never public,
-- never in the open data, erased by `agora purge` once the consultation
-- has been closed for assisted_contact_days (the privacy notice says so).
CREATE TABLE assisted_contacts (
	contribution_id	bigint PRIMARY KEY REFERENCES contributions(id) ON DELETE CASCADE, -- what they contributed
	consultation_id	bigint NOT NULL REFERENCES consultations(id), -- whose close starts the erasure clock
	contact		text NOT NULL		-- an e-mail address or a postal address, as given
	    CHECK (btrim(contact) <> '' AND length(contact) <= 300),
	created_at	timestamptz NOT NULL DEFAULT now() -- when it was entered
);
COMMENT ON TABLE assisted_contacts IS 'Contacts of assisted contributors: private, erased after the close.';
CREATE INDEX assisted_contacts_consultation ON assisted_contacts (consultation_id);
