-- Syntheses (issue 16, item 2): per theme, a Markdown document the
-- Region's secretariat writes from the topics, every claim citing
-- contributions ([#1234]). Each save is a version; publishing is a
-- separate, recorded act; the public page shows only the version
-- published last. Citations are checked by synthesis_save()
-- (functions/syntheses.sql) in the save's transaction.

-- The role that writes them, granted like the others.
ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_check;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_check CHECK (role IN
	('citizen', 'mediator', 'moderator', 'official', 'admin',
	'secretariat'));
ALTER TABLE role_changes DROP CONSTRAINT role_changes_role_check;
ALTER TABLE role_changes ADD CONSTRAINT role_changes_role_check CHECK (role IN
	('citizen', 'mediator', 'moderator', 'official', 'admin',
	'secretariat'));

CREATE TABLE syntheses (
	id		bigserial PRIMARY KEY, -- the synthesis
	theme_id	integer NOT NULL UNIQUE REFERENCES themes(id), -- its theme (one synthesis a theme)
	created_at	timestamptz NOT NULL DEFAULT now() -- first draft saved
);

-- Every save, never changed afterwards.
CREATE TABLE synthesis_versions (
	id		bigserial PRIMARY KEY, -- the version
	synthesis_id	bigint NOT NULL REFERENCES syntheses(id), -- its synthesis
	number		integer NOT NULL CHECK (number >= 1), -- 1, 2, ... within the synthesis
	body		text NOT NULL CHECK (body <> ''), -- Markdown with [#id] citations
	author_id	bigint NOT NULL REFERENCES users(id), -- who saved it (secretariat)
	created_at	timestamptz NOT NULL DEFAULT now(), -- when
	UNIQUE (synthesis_id, number)
);

-- The citations of a version, as checked when it was saved: each points
-- to a public contribution of the synthesis's theme at that time.
CREATE TABLE synthesis_citations (
	version_id	bigint NOT NULL REFERENCES synthesis_versions(id), -- the version
	contribution_id	bigint NOT NULL REFERENCES contributions(id), -- the contribution cited
	first_line	integer NOT NULL CHECK (first_line >= 1), -- line of its first citation
	PRIMARY KEY (version_id, contribution_id)
);
CREATE INDEX synthesis_citations_contribution
	ON synthesis_citations (contribution_id);

-- Publishing: append-only, one row per act. The public page shows the
-- version of the latest row.
CREATE TABLE synthesis_publications (
	id		bigserial PRIMARY KEY, -- the act
	synthesis_id	bigint NOT NULL REFERENCES syntheses(id), -- the synthesis
	version_id	bigint NOT NULL REFERENCES synthesis_versions(id), -- the version made public
	published_by	bigint NOT NULL REFERENCES users(id), -- who published it (secretariat)
	published_at	timestamptz NOT NULL DEFAULT now() -- when
);
CREATE INDEX synthesis_publications_latest
	ON synthesis_publications (synthesis_id, id DESC);
