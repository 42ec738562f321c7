-- Core schema: the consultation, its themes, the territories, people and
-- their sessions, and the contributions every later feature builds on.
-- Applied by `agora migrate` inside one transaction; never edit once applied.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE territories (
	code		text PRIMARY KEY,	-- INSEE code of the département, or 'HR'
	name		text NOT NULL,		-- "Indre-et-Loire"
	prefecture	text,			-- "Tours"; NULL for "hors région"
	region_code	text,			-- INSEE region code, '24'
	population	integer,		-- municipal population (vintage below)
	population_year	integer,		-- INSEE vintage of population
	position	smallint NOT NULL	-- display order
);

CREATE TABLE consultations (
	id		bigserial PRIMARY KEY,
	slug		text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
	title		text NOT NULL,		-- shown on the home page
	summary		text NOT NULL DEFAULT '', -- one paragraph, plain text
	body		text NOT NULL DEFAULT '', -- Markdown
	opens_at	timestamptz NOT NULL,	-- contributions accepted from
	closes_at	timestamptz NOT NULL,	-- ... until (exclusive)
	moderation_mode	text NOT NULL DEFAULT 'a_posteriori'
			CHECK (moderation_mode IN ('a_priori', 'a_posteriori')),
	is_primary	boolean NOT NULL DEFAULT false, -- the one on the home page
	source		text,			-- NULL, or the platform it was imported from
	created_at	timestamptz NOT NULL DEFAULT now(),
	CHECK (closes_at > opens_at)
);
CREATE UNIQUE INDEX consultations_one_primary ON consultations (is_primary)
	WHERE is_primary;

CREATE TABLE themes (
	id		serial PRIMARY KEY,
	consultation_id	bigint NOT NULL REFERENCES consultations(id),
	slug		text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
	position	smallint NOT NULL,	-- display order, 1..n
	title		text NOT NULL,
	summary		text NOT NULL,		-- "en bref", plain text
	body		text NOT NULL,		-- Markdown, editable by admins
	updated_at	timestamptz NOT NULL DEFAULT now(),
	UNIQUE (consultation_id, slug),
	UNIQUE (consultation_id, position)
);

CREATE TABLE users (
	id		bigserial PRIMARY KEY,
	email		text,			-- NULL once the account is deleted
	display_name	text NOT NULL,		-- public; pseudonym after deletion
	password_hash	text,			-- "$scrypt$ln=..,r=..,p=..$salt$hash"
	territory_code	text REFERENCES territories(code),
	privacy_accepted_at timestamptz,	-- consent to the privacy notice
	verified_at	timestamptz,		-- e-mail confirmed
	created_at	timestamptz NOT NULL DEFAULT now(),
	deleted_at	timestamptz		-- personal data erased
);
CREATE UNIQUE INDEX users_email_lower ON users (lower(email))
	WHERE email IS NOT NULL;

CREATE TABLE user_roles (
	user_id		bigint NOT NULL REFERENCES users(id),
	role		text NOT NULL CHECK (role IN
			('citizen', 'mediator', 'moderator', 'official', 'admin')),
	granted_at	timestamptz NOT NULL DEFAULT now(),
	granted_by	bigint REFERENCES users(id), -- NULL: command line
	PRIMARY KEY (user_id, role)
);

CREATE TABLE sessions (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES users(id),
	token_hash	text NOT NULL UNIQUE,	-- hex SHA-256 of the cookie value
	created_at	timestamptz NOT NULL DEFAULT now(), -- absolute expiry base
	last_seen_at	timestamptz NOT NULL DEFAULT now(), -- idle expiry base
	ended_at	timestamptz		-- sign-out, password change
);
CREATE INDEX sessions_user ON sessions (user_id) WHERE ended_at IS NULL;

-- Proposals, arguments (pour / contre) and comments share one table so that
-- moderation, flags, exports and reports treat them alike.
CREATE TABLE contributions (
	id		bigserial PRIMARY KEY,
	consultation_id	bigint NOT NULL REFERENCES consultations(id),
	theme_id	integer NOT NULL REFERENCES themes(id),
	kind		text NOT NULL CHECK (kind IN ('proposal', 'argument', 'comment')),
	parent_id	bigint REFERENCES contributions(id), -- the proposal or comment answered
	proposal_id	bigint REFERENCES contributions(id), -- the proposal of the thread (self for proposals)
	position	text CHECK (position IN ('pour', 'contre')), -- arguments only
	depth		smallint NOT NULL DEFAULT 0, -- comment nesting
	author_id	bigint REFERENCES users(id), -- NULL for imported contributions
	assisted_by	bigint REFERENCES users(id), -- the EPN mediator who typed it
	consent_at	timestamptz,		-- consent recorded by that mediator
	territory_code	text REFERENCES territories(code),
	title		text,			-- proposals only
	body		text NOT NULL,		-- Markdown source, as typed
	body_html	text NOT NULL,		-- cmark output, raw HTML omitted
	link		text,			-- optional http(s) link
	status		text NOT NULL DEFAULT 'published'
			CHECK (status IN ('pending', 'published', 'hidden', 'rejected')),
	source		text,			-- import: 'republique-numerique-2015', ...
	source_id	text,			-- import: the id on that platform
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	CHECK ((kind = 'proposal') = (parent_id IS NULL)),
	CHECK ((kind = 'argument') = (position IS NOT NULL)),
	CHECK (kind <> 'proposal' OR title IS NOT NULL)
);
CREATE INDEX contributions_theme ON contributions (theme_id, kind, status, created_at DESC);
CREATE INDEX contributions_parent ON contributions (parent_id);
CREATE INDEX contributions_author ON contributions (author_id);
CREATE UNIQUE INDEX contributions_source ON contributions (source, source_id)
	WHERE source IS NOT NULL;
