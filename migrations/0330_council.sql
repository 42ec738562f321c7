-- The digital council, the CR'Num (issue 16, item 3): its members (the role
-- 'conseil'), the referrals the Region sends it ('saisine') or it takes up
-- itself ('auto-saisine'), the drafts of its opinion ('avis') and the
-- members' comments on them, the adopted opinion with its tally, and the
-- Region's response. Everything here but the drafts and the comments is
-- public (/conseil/, /export/conseil.json).

-- A role 'conseil' (label "conseil numérique", app/core/roles.c).
ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_check;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_check CHECK (role IN
	('citizen', 'mediator', 'moderator', 'official', 'admin', 'secretariat',
	 'conseil'));
ALTER TABLE role_changes DROP CONSTRAINT role_changes_role_check;
ALTER TABLE role_changes ADD CONSTRAINT role_changes_role_check CHECK (role IN
	('citizen', 'mediator', 'moderator', 'official', 'admin', 'secretariat',
	 'conseil'));

CREATE TABLE council_referrals (
	id		bigserial PRIMARY KEY,
	kind		text NOT NULL CHECK (kind IN ('saisine', 'auto_saisine')),
	question	text NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
	due_on		date NOT NULL,
	opened_by	bigint NOT NULL REFERENCES users(id),
	opened_at	timestamptz NOT NULL DEFAULT now(),
	rapporteur_id	bigint REFERENCES users(id)
);
COMMENT ON TABLE council_referrals IS 'a question put to the digital council, by the Region (saisine) or by the council itself (auto_saisine)';
COMMENT ON COLUMN council_referrals.id IS 'referral number; also the number of its opinion (/conseil/avis/<id>)';
COMMENT ON COLUMN council_referrals.kind IS 'saisine: opened by an official of the Region; auto_saisine: by a member of the council';
COMMENT ON COLUMN council_referrals.question IS 'the question put to the council, plain text';
COMMENT ON COLUMN council_referrals.due_on IS 'when the opinion is expected (not in the past when opened)';
COMMENT ON COLUMN council_referrals.opened_by IS 'the official or member who opened it';
COMMENT ON COLUMN council_referrals.opened_at IS 'when it was opened';
COMMENT ON COLUMN council_referrals.rapporteur_id IS 'the member designated to publish the opinion once adopted; NULL until designated';

CREATE TABLE council_referral_themes (
	referral_id	bigint NOT NULL REFERENCES council_referrals(id),
	theme_id	integer NOT NULL REFERENCES themes(id),
	PRIMARY KEY (referral_id, theme_id)
);
COMMENT ON TABLE council_referral_themes IS 'the themes a referral concerns (their followers are told of its opinion)';
COMMENT ON COLUMN council_referral_themes.referral_id IS 'the referral';
COMMENT ON COLUMN council_referral_themes.theme_id IS 'one theme it concerns';
CREATE INDEX council_referral_themes_theme ON council_referral_themes (theme_id);

CREATE TABLE council_drafts (
	id		bigserial PRIMARY KEY,
	referral_id	bigint NOT NULL REFERENCES council_referrals(id),
	body		text NOT NULL CHECK (length(body) >= 1),
	body_html	text NOT NULL,
	author_id	bigint NOT NULL REFERENCES users(id),
	created_at	timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE council_drafts IS 'every version of the opinion being drafted, never changed (members only)';
COMMENT ON COLUMN council_drafts.id IS 'version number, in order of writing';
COMMENT ON COLUMN council_drafts.referral_id IS 'the referral it answers';
COMMENT ON COLUMN council_drafts.body IS 'Markdown source';
COMMENT ON COLUMN council_drafts.body_html IS 'rendered HTML (council_text_render, cmark safe mode)';
COMMENT ON COLUMN council_drafts.author_id IS 'the member who wrote this version';
COMMENT ON COLUMN council_drafts.created_at IS 'when';
CREATE INDEX council_drafts_referral ON council_drafts (referral_id, id);

CREATE TABLE council_comments (
	id		bigserial PRIMARY KEY,
	referral_id	bigint NOT NULL REFERENCES council_referrals(id),
	body		text NOT NULL CHECK (length(body) >= 1),
	author_id	bigint NOT NULL REFERENCES users(id),
	created_at	timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE council_comments IS 'comments between members on the drafts of an opinion (members only)';
COMMENT ON COLUMN council_comments.id IS 'comment number';
COMMENT ON COLUMN council_comments.referral_id IS 'the referral whose drafts it discusses';
COMMENT ON COLUMN council_comments.body IS 'plain text';
COMMENT ON COLUMN council_comments.author_id IS 'the member who wrote it';
COMMENT ON COLUMN council_comments.created_at IS 'when';
CREATE INDEX council_comments_referral ON council_comments (referral_id, id);

CREATE TABLE council_opinions (
	referral_id	bigint PRIMARY KEY REFERENCES council_referrals(id),
	draft_id	bigint NOT NULL REFERENCES council_drafts(id),
	body		text NOT NULL,
	body_html	text NOT NULL,
	adopted_on	date NOT NULL,
	votes_for	integer NOT NULL CHECK (votes_for >= 0),
	votes_against	integer NOT NULL CHECK (votes_against >= 0),
	abstentions	integer NOT NULL CHECK (abstentions >= 0),
	rapporteur_id	bigint NOT NULL REFERENCES users(id),
	published_at	timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE council_opinions IS 'the opinion the council adopted and its rapporteur published, one per referral';
COMMENT ON COLUMN council_opinions.referral_id IS 'the referral it answers';
COMMENT ON COLUMN council_opinions.draft_id IS 'the version adopted';
COMMENT ON COLUMN council_opinions.body IS 'Markdown source, as adopted';
COMMENT ON COLUMN council_opinions.body_html IS 'rendered HTML';
COMMENT ON COLUMN council_opinions.adopted_on IS 'the day of the vote, as the rapporteur entered it';
COMMENT ON COLUMN council_opinions.votes_for IS 'members for';
COMMENT ON COLUMN council_opinions.votes_against IS 'members against';
COMMENT ON COLUMN council_opinions.abstentions IS 'members abstaining (the three at most the council''s size when published)';
COMMENT ON COLUMN council_opinions.rapporteur_id IS 'the rapporteur who published it';
COMMENT ON COLUMN council_opinions.published_at IS 'when it was published';

CREATE TABLE council_responses (
	referral_id	bigint PRIMARY KEY REFERENCES council_opinions(referral_id),
	body		text NOT NULL CHECK (length(body) >= 1),
	body_html	text NOT NULL,
	official_id	bigint NOT NULL REFERENCES users(id),
	published_at	timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE council_responses IS 'the Region''s public response to an opinion of the council';
COMMENT ON COLUMN council_responses.referral_id IS 'the referral (and opinion) it responds to';
COMMENT ON COLUMN council_responses.body IS 'Markdown source';
COMMENT ON COLUMN council_responses.body_html IS 'rendered HTML';
COMMENT ON COLUMN council_responses.official_id IS 'the official who published it';
COMMENT ON COLUMN council_responses.published_at IS 'when it was published';
