-- FranceConnect (issue 17, second part): the OpenID link of an account,
-- the authorization requests in flight, and the first-time sign-ups
-- waiting for the person's display name and département.
--
-- No identity claim is stored in clear. An account's link keeps the
-- provider's issuer and the person's "sub" (FranceConnect's pseudonymous
-- identifier, one per service), the acr level, and the keyed hash of the
-- normalised pivot identity: the same HMAC (app/core/identity.c, key
-- identity_key() of the server secret) as the assisted-participation
-- register (assisted_voters), so that one person is one voter whichever
-- account or channel they use (functions/franceconnect.sql, vote_person).

CREATE TABLE oidc_links (
	user_id		bigint PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE, -- the account
	issuer		text NOT NULL CHECK (issuer <> ''), -- the provider's exact "iss"
	subject		text NOT NULL CHECK (subject <> '' AND length(subject) <= 255), -- the provider's "sub"
	identity_hash	text NOT NULL		-- hex HMAC-SHA256 of the pivot identity
	    CHECK (identity_hash ~ '^[0-9a-f]{64}$'),
	acr		text NOT NULL DEFAULT '', -- authentication level the provider stated ('' none)
	linked_at	timestamptz NOT NULL DEFAULT now(), -- when the link was made
	UNIQUE (issuer, subject)
);
COMMENT ON TABLE oidc_links IS 'FranceConnect links: issuer + sub -> account, keyed pivot identity hash.';
CREATE INDEX oidc_links_identity ON oidc_links (identity_hash);

-- One authorization request, from the redirect to the provider until its
-- callback, which deletes it (DELETE ... RETURNING): a state is accepted
-- at most once. Expired rows are refused and forgotten by agora purge.
CREATE TABLE oidc_requests (
	state		text PRIMARY KEY CHECK (state ~ '^[A-Za-z0-9_-]{43}$'), -- sent to the provider
	nonce		text NOT NULL CHECK (nonce ~ '^[A-Za-z0-9_-]{43}$'), -- expected in the ID token
	verifier	text NOT NULL CHECK (verifier ~ '^[A-Za-z0-9_-]{43}$'), -- PKCE code_verifier
	link_user	bigint REFERENCES users(id) ON DELETE CASCADE, -- linking from /compte/: that account; NULL: sign-in
	expires_at	timestamptz NOT NULL	-- refused after this
);
COMMENT ON TABLE oidc_requests IS 'OpenID authorization requests in flight: consumed once by the callback.';

-- A person FranceConnect signed in for the first time, until they choose
-- a display name and a département and accept the privacy notice. Keyed
-- by the hash of a random token held in a cookie; consumed once.
CREATE TABLE oidc_signups (
	token_hash	text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'), -- SHA-256 of the cookie's token
	issuer		text NOT NULL,
	subject		text NOT NULL,
	identity_hash	text NOT NULL CHECK (identity_hash ~ '^[0-9a-f]{64}$'),
	acr		text NOT NULL DEFAULT '',
	expires_at	timestamptz NOT NULL
);
COMMENT ON TABLE oidc_signups IS 'First FranceConnect sign-ins waiting for the account form.';
