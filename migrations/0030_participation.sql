-- Participation: proposals, arguments pour / contre, comments, votes and
-- "utile" marks. Counters the listings sort on are kept by the database in
-- the same transaction as the change, so every count shown is the true count.

-- Full-text search in French that ignores accents and word endings.
CREATE TEXT SEARCH CONFIGURATION fr_unaccent (COPY = french);
ALTER TEXT SEARCH CONFIGURATION fr_unaccent
	ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

-- Lower bound of the Wilson score interval at 95 % (z = 1.96) for a
-- proportion of `agree` successes out of `total` trials. 0 when total = 0.
-- Same maths as app/core/ranking.c (unit-tested there).
CREATE FUNCTION wilson_lower_bound(agree bigint, total bigint)
RETURNS double precision LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT CASE WHEN total <= 0 THEN 0::double precision ELSE
	    ((agree::double precision / total) + 1.9208 / total
	    - 1.96 * sqrt((agree::double precision / total)
	    * (1 - agree::double precision / total) / total
	    + 0.9604 / (total::double precision * total)))
	    / (1 + 3.8416 / total) END
$$;

ALTER TABLE contributions
	-- votes on the proposal, all choices
	ADD COLUMN votes_total integer GENERATED ALWAYS AS
	    (votes_agree + votes_mixed + votes_disagree) STORED,
	-- broadest agreement: Wilson lower bound of agree / total
	ADD COLUMN agree_score double precision GENERATED ALWAYS AS
	    (wilson_lower_bound(votes_agree,
	    votes_agree + votes_mixed + votes_disagree)) STORED,
	-- proposals: published arguments and comments of the thread
	ADD COLUMN replies integer NOT NULL DEFAULT 0,
	-- arguments: accounts that marked it "utile"
	ADD COLUMN useful integer NOT NULL DEFAULT 0,
	-- last edit by the author; NULL when never edited
	ADD COLUMN edited_at timestamptz,
	-- French full-text vector: title (weight A), text (weight B)
	ADD COLUMN search tsvector GENERATED ALWAYS AS
	    (setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(title, '')), 'A') ||
	    setweight(to_tsvector('fr_unaccent'::regconfig, body), 'B')) STORED;

CREATE INDEX contributions_search ON contributions USING gin (search)
	WHERE kind = 'proposal';
CREATE INDEX contributions_proposal ON contributions (proposal_id, created_at)
	WHERE kind <> 'proposal';
-- One index per listing sort (published proposals of a theme).
CREATE INDEX proposals_recent ON contributions (theme_id, created_at DESC, id DESC)
	WHERE kind = 'proposal' AND status = 'published';
CREATE INDEX proposals_votes ON contributions (theme_id, votes_total DESC, id DESC)
	WHERE kind = 'proposal' AND status = 'published';
CREATE INDEX proposals_agree ON contributions (theme_id, agree_score DESC, id DESC)
	WHERE kind = 'proposal' AND status = 'published';
CREATE INDEX proposals_territory ON contributions (theme_id, territory_code, created_at DESC, id DESC)
	WHERE kind = 'proposal' AND status = 'published';
CREATE INDEX proposals_debate ON contributions (theme_id, replies DESC, id DESC)
	WHERE kind = 'proposal' AND status = 'published';

-- Earlier texts of an edited contribution, for moderators.
CREATE TABLE contribution_versions (
	contribution_id	bigint NOT NULL REFERENCES contributions(id),
	version		integer NOT NULL,	-- 1 = the text as first published
	title		text,			-- proposals only
	body		text NOT NULL,		-- Markdown source of that version
	link		text,			-- link of that version
	edited_at	timestamptz NOT NULL DEFAULT now(), -- when it was replaced
	edited_by	bigint REFERENCES users(id), -- who replaced it
	PRIMARY KEY (contribution_id, version)
);

-- "Cet argument est utile": one mark per account and argument.
CREATE TABLE argument_useful (
	user_id		bigint NOT NULL REFERENCES users(id),
	contribution_id	bigint NOT NULL REFERENCES contributions(id), -- an argument
	created_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (user_id, contribution_id)
);
CREATE INDEX argument_useful_contribution ON argument_useful (contribution_id);

CREATE FUNCTION argument_useful_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		UPDATE contributions SET useful = useful + 1 WHERE id = NEW.contribution_id;
	ELSE
		UPDATE contributions SET useful = useful - 1 WHERE id = OLD.contribution_id;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER argument_useful_count AFTER INSERT OR DELETE ON argument_useful
	FOR EACH ROW EXECUTE FUNCTION argument_useful_count();

-- Keeps proposals' replies = published arguments and comments of the thread.
CREATE FUNCTION contributions_replies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.kind <> 'proposal'
	    AND OLD.status = 'published' THEN
		UPDATE contributions SET replies = replies - 1 WHERE id = OLD.proposal_id;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.kind <> 'proposal'
	    AND NEW.status = 'published' THEN
		UPDATE contributions SET replies = replies + 1 WHERE id = NEW.proposal_id;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER contributions_replies AFTER INSERT OR DELETE ON contributions
	FOR EACH ROW EXECUTE FUNCTION contributions_replies();
CREATE TRIGGER contributions_replies_status AFTER UPDATE OF status ON contributions
	FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
	EXECUTE FUNCTION contributions_replies();

-- Why a contribution, vote or mark is refused on a proposal, or NULL when
-- it may be written: 'upcoming' / 'closed' (consultation dates),
-- 'unpublished' (pending, hidden or rejected), 'missing'.
CREATE FUNCTION participation_refusal(p_proposal bigint) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
	v_status text;
	v_phase text;
BEGIN
	SELECT p.status, consultation_phase(c) INTO v_status, v_phase
	    FROM contributions p JOIN consultations c ON c.id = p.consultation_id
	    WHERE p.id = p_proposal AND p.kind = 'proposal';
	IF NOT FOUND THEN
		RETURN 'missing';
	ELSIF v_phase <> 'open' THEN
		RETURN v_phase;
	ELSIF v_status <> 'published' THEN
		RETURN 'unpublished';
	END IF;
	RETURN NULL;
END $$;

-- Records, changes (agree / mixed / disagree) or withdraws ('none') a vote.
-- Returns 'ok' or the refusal of participation_refusal(). Two concurrent
-- calls by one account end as one row (primary key + ON CONFLICT).
CREATE FUNCTION participation_vote(p_user bigint, p_proposal bigint, p_choice text)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	why text := participation_refusal(p_proposal);
BEGIN
	IF why IS NOT NULL THEN
		RETURN why;
	END IF;
	IF p_choice = 'none' THEN
		DELETE FROM votes WHERE user_id = p_user AND contribution_id = p_proposal;
	ELSE
		INSERT INTO votes (user_id, contribution_id, choice)
		VALUES (p_user, p_proposal, p_choice)
		ON CONFLICT (user_id, contribution_id) DO UPDATE
		    SET choice = EXCLUDED.choice, updated_at = now()
		    WHERE votes.choice IS DISTINCT FROM EXCLUDED.choice;
	END IF;
	RETURN 'ok';
END $$;

-- Marks an argument "utile", or removes the mark (toggle). Returns
-- 'on' / 'off', 'not_argument', or a refusal of the argument's proposal.
CREATE FUNCTION participation_useful(p_user bigint, p_argument bigint)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	a contributions;
	why text;
BEGIN
	SELECT * INTO a FROM contributions WHERE id = p_argument AND kind = 'argument';
	IF NOT FOUND THEN
		RETURN 'missing';
	END IF;
	why := participation_refusal(a.proposal_id);
	IF why IS NOT NULL THEN
		RETURN why;
	END IF;
	IF a.status <> 'published' THEN
		RETURN 'unpublished';
	END IF;
	DELETE FROM argument_useful WHERE user_id = p_user AND contribution_id = p_argument;
	IF FOUND THEN
		RETURN 'off';
	END IF;
	INSERT INTO argument_useful (user_id, contribution_id) VALUES (p_user, p_argument)
	    ON CONFLICT DO NOTHING;
	RETURN 'on';
END $$;

-- Adds an argument (p_position 'pour' / 'contre', p_parent NULL) or a
-- comment (p_position NULL; p_parent the proposal itself or an argument or
-- comment of its thread) to a proposal. Comments nest at most p_max_depth
-- levels. Returns (code, id): code 'ok' / 'pending' (a priori moderation),
-- 'no_parent', 'too_deep', or a refusal of participation_refusal().
CREATE FUNCTION participation_reply(p_author bigint, p_proposal bigint,
    p_parent bigint, p_position text, p_territory text, p_body text,
    p_body_html text, p_max_depth integer, OUT code text, OUT new_id bigint)
LANGUAGE plpgsql AS $$
DECLARE
	p contributions;
	par contributions;
	mode text;
	d smallint := 0;
BEGIN
	SELECT * INTO p FROM contributions WHERE id = p_proposal AND kind = 'proposal';
	IF NOT FOUND THEN
		code := 'missing';
		RETURN;
	END IF;
	IF p_position IS NULL THEN
		IF p_parent IS NULL OR p_parent = p_proposal THEN
			d := 1;
		ELSE
			SELECT * INTO par FROM contributions
			    WHERE id = p_parent AND proposal_id = p_proposal
			    AND kind <> 'proposal' AND status = 'published';
			IF NOT FOUND THEN
				code := 'no_parent';
				RETURN;
			END IF;
			d := CASE WHEN par.kind = 'comment' THEN par.depth + 1 ELSE 1 END;
		END IF;
		IF d > p_max_depth THEN
			code := 'too_deep';
			RETURN;
		END IF;
	END IF;
	code := participation_refusal(p_proposal);
	IF code IS NOT NULL THEN
		RETURN;
	END IF;
	SELECT moderation_mode INTO mode FROM consultations WHERE id = p.consultation_id;
	INSERT INTO contributions (consultation_id, theme_id, kind, parent_id,
	    proposal_id, position, depth, author_id, territory_code, body,
	    body_html, status)
	VALUES (p.consultation_id, p.theme_id,
	    CASE WHEN p_position IS NULL THEN 'comment' ELSE 'argument' END,
	    coalesce(par.id, p.id), p.id, p_position, d, p_author, p_territory,
	    p_body, p_body_html,
	    CASE WHEN mode = 'a_priori' THEN 'pending' ELSE 'published' END)
	RETURNING id, CASE WHEN status = 'pending' THEN 'pending' ELSE 'ok' END
	    INTO new_id, code;
END $$;

-- Publishes a new proposal on the theme p_slug of the primary consultation.
-- Returns (code, id): 'ok', 'pending' (a priori moderation), 'missing'
-- (no such theme), 'upcoming' or 'closed'.
CREATE FUNCTION participation_propose(p_author bigint, p_slug text,
    p_title text, p_body text, p_body_html text, p_link text,
    p_territory text, OUT code text, OUT new_id bigint)
LANGUAGE plpgsql AS $$
DECLARE
	t themes;
	c consultations;
BEGIN
	SELECT th.* INTO t FROM themes th JOIN consultations co ON co.id = th.consultation_id
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
	INSERT INTO contributions (consultation_id, theme_id, kind, author_id,
	    territory_code, title, body, body_html, link, status)
	VALUES (c.id, t.id, 'proposal', p_author, p_territory, p_title, p_body,
	    p_body_html, p_link,
	    CASE WHEN c.moderation_mode = 'a_priori' THEN 'pending' ELSE 'published' END)
	RETURNING id, CASE WHEN status = 'pending' THEN 'pending' ELSE 'ok' END
	    INTO new_id, code;
	UPDATE contributions SET proposal_id = new_id WHERE id = new_id;
END $$;

-- The author edits a proposal within p_window minutes of publishing it; the
-- replaced text is kept in contribution_versions. Returns 'ok', 'missing',
-- 'not_author', 'too_late', or 'upcoming' / 'closed'.
CREATE FUNCTION participation_edit(p_author bigint, p_id bigint, p_title text,
    p_body text, p_body_html text, p_link text, p_territory text,
    p_window integer)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	p contributions;
	c consultations;
BEGIN
	SELECT * INTO p FROM contributions WHERE id = p_id AND kind = 'proposal'
	    FOR UPDATE;
	IF NOT FOUND OR p.status IN ('hidden', 'rejected') THEN
		RETURN 'missing';
	END IF;
	IF p.author_id IS DISTINCT FROM p_author THEN
		RETURN 'not_author';
	END IF;
	SELECT * INTO c FROM consultations WHERE id = p.consultation_id;
	IF consultation_phase(c) <> 'open' THEN
		RETURN consultation_phase(c);
	END IF;
	IF now() > p.created_at + make_interval(mins => p_window) THEN
		RETURN 'too_late';
	END IF;
	INSERT INTO contribution_versions (contribution_id, version, title, body,
	    link, edited_by)
	SELECT p.id, coalesce(max(version), 0) + 1, p.title, p.body, p.link, p_author
	    FROM contribution_versions WHERE contribution_id = p.id;
	UPDATE contributions SET title = p_title, body = p_body,
	    body_html = p_body_html, link = p_link, territory_code = p_territory,
	    edited_at = now(), updated_at = now()
	    WHERE id = p.id;
	RETURN 'ok';
END $$;
