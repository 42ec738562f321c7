-- Participation: proposals, arguments, comments, votes and "utile" marks
-- (participation_* are the only way the pages write them), the counters
-- their triggers keep, the spam brakes, and which contributions are public.
--
-- The current text of each function and trigger of the area, in one
-- place: `agora migrate` applies every file of migrations/functions/
-- after the numbered migrations, each time. To change a function, edit
-- it here (a new migration only for what CREATE OR REPLACE cannot do:
-- a changed signature or return type is a DROP there first).

CREATE OR REPLACE FUNCTION argument_useful_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		UPDATE contributions SET useful = useful + 1 WHERE id = NEW.contribution_id;
	ELSE
		UPDATE contributions SET useful = useful - 1 WHERE id = OLD.contribution_id;
	END IF;
	RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER argument_useful_count AFTER INSERT OR DELETE
	ON argument_useful
	FOR EACH ROW
	EXECUTE FUNCTION argument_useful_count();

-- proposals' replies = public arguments and comments of the thread. Inserts
-- and deletes here; status changes in contributions_public_cascade.
CREATE OR REPLACE FUNCTION contributions_replies() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' AND OLD.kind <> 'proposal' AND OLD.is_public THEN
		UPDATE contributions SET replies = replies - 1
		    WHERE id = OLD.proposal_id;
	ELSIF TG_OP = 'INSERT' AND NEW.kind <> 'proposal' AND NEW.is_public THEN
		UPDATE contributions SET replies = replies + 1
		    WHERE id = NEW.proposal_id;
	END IF;
	RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER contributions_replies AFTER INSERT OR DELETE
	ON contributions
	FOR EACH ROW
	EXECUTE FUNCTION contributions_replies();

-- Why a contribution, vote or mark is refused on a proposal, or NULL when
-- it may be written: 'archived' (an imported consultation: read-only),
-- 'upcoming' / 'closed' (consultation dates), 'unpublished' (pending,
-- hidden or rejected), 'missing'. Redefines the function of
-- 0030_participation.sql, adding 'archived' first.
CREATE OR REPLACE FUNCTION participation_refusal(p_proposal bigint)
RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
	v_status text;
	v_phase text;
	v_archived boolean;
	v_withdrawn boolean;
BEGIN
	SELECT p.status, consultation_phase(c), consultation_archived(c),
	    p.withdrawn_at IS NOT NULL
	    INTO v_status, v_phase, v_archived, v_withdrawn
	    FROM contributions p JOIN consultations c ON c.id = p.consultation_id
	    WHERE p.id = p_proposal AND p.kind = 'proposal';
	IF NOT FOUND THEN
		RETURN 'missing';
	ELSIF v_archived THEN
		RETURN 'archived';
	ELSIF v_phase <> 'open' THEN
		RETURN v_phase;
	ELSIF v_status <> 'published' THEN
		RETURN 'unpublished';
	ELSIF v_withdrawn THEN
		RETURN 'withdrawn';
	END IF;
	RETURN NULL;
END $$;

-- Records, changes (agree / mixed / disagree) or withdraws ('none') a vote.
-- Returns 'ok' or the refusal of participation_refusal(). Two concurrent
-- calls by one account end as one row (primary key + ON CONFLICT).
--
-- An insert, then an update when the vote exists, rather than one
-- INSERT ... ON CONFLICT DO UPDATE: that statement fires the statement
-- triggers of both INSERT and UPDATE, so the report rollup ran twice,
-- each time with its transition tables, for every vote (issue 18). A
-- vote changed by the person replaces one entered for them at an EPN.
CREATE OR REPLACE FUNCTION participation_vote(p_user bigint, p_proposal bigint, p_choice text)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	why text := participation_refusal(p_proposal);
	-- One verified person, one vote (functions/franceconnect.sql).
	v_user bigint := vote_person(p_user);
BEGIN
	IF why IS NOT NULL THEN
		RETURN why;
	END IF;
	IF p_choice = 'none' THEN
		DELETE FROM votes WHERE user_id = v_user AND contribution_id = p_proposal;
		RETURN 'ok';
	END IF;
	LOOP
		INSERT INTO votes (user_id, contribution_id, choice)
		VALUES (v_user, p_proposal, p_choice)
		ON CONFLICT (user_id, contribution_id) DO NOTHING;
		EXIT WHEN FOUND;
		UPDATE votes SET choice = p_choice, updated_at = now(),
		    epn_id = NULL, assisted_by = NULL, consent_at = NULL,
		    consent_version = NULL
		    WHERE user_id = v_user AND contribution_id = p_proposal
		    AND (choice IS DISTINCT FROM p_choice OR epn_id IS NOT NULL);
		-- Unchanged, or withdrawn meanwhile by a concurrent call
		-- (then inserted again).
		EXIT WHEN FOUND OR EXISTS (SELECT 1 FROM votes
		    WHERE user_id = v_user AND contribution_id = p_proposal);
	END LOOP;
	RETURN 'ok';
END $$;

-- Marks an argument "utile", or removes the mark (toggle). Returns
-- 'on' / 'off', 'missing', 'unpublished', 'own' (its author's own
-- argument: one does not vouch for oneself), or a refusal of the
-- argument's proposal.
CREATE OR REPLACE FUNCTION participation_useful(p_user bigint, p_argument bigint)
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
	IF a.author_id = p_user THEN
		RETURN 'own';
	END IF;
	DELETE FROM argument_useful WHERE user_id = p_user AND contribution_id = p_argument;
	IF FOUND THEN
		RETURN 'off';
	END IF;
	INSERT INTO argument_useful (user_id, contribution_id) VALUES (p_user, p_argument)
	    ON CONFLICT DO NOTHING;
	RETURN 'on';
END $$;

-- Its author takes back an argument or a comment (issue 13, item 11): the
-- text goes to contribution_versions, as an edit's earlier text does; the
-- row keeps its place in the thread with an empty body and withdrawn_at
-- set, which takes it out of the public set (contributions_public_set):
-- pages, API, open data and rollups no longer count it. The replies others
-- wrote under it stay public (contribution_thread_open). A proposal is withdrawn differently: its
-- text and its votes stay, public, as the record of what was said, and
-- participation_refusal() answers 'withdrawn' from then on (no new vote,
-- change of vote, argument, comment, "utile" or edit). Allowed whatever
-- the consultation's phase: one may always take back one's words. Returns
-- (code, thread): 'ok' (also when already withdrawn) with its proposal,
-- or 'missing' (nothing of p_user's: someone else's is not revealed).
CREATE OR REPLACE FUNCTION participation_withdraw(p_user bigint, p_id bigint,
    OUT code text, OUT thread bigint)
LANGUAGE plpgsql AS $$
DECLARE
	c contributions;
BEGIN
	SELECT * INTO c FROM contributions WHERE id = p_id FOR UPDATE;
	IF NOT FOUND OR p_user IS NULL OR c.author_id IS DISTINCT FROM p_user THEN
		code := 'missing';
		RETURN;
	END IF;
	code := 'ok';
	thread := c.proposal_id;
	IF c.withdrawn_at IS NOT NULL THEN
		RETURN;
	END IF;
	IF c.kind = 'proposal' THEN
		UPDATE contributions SET withdrawn_at = now(), updated_at = now()
		    WHERE id = c.id;
		RETURN;
	END IF;
	INSERT INTO contribution_versions (contribution_id, version, title, body,
	    link, edited_by)
	SELECT c.id, coalesce(max(version), 0) + 1, c.title, c.body, c.link, p_user
	    FROM contribution_versions WHERE contribution_id = c.id;
	UPDATE contributions SET body = '', body_html = '', withdrawn_at = now(),
	    updated_at = now() WHERE id = c.id;
END $$;

-- Adds an argument (p_position 'pour' / 'contre', p_parent NULL) or a
-- comment (p_position NULL; p_parent the proposal itself or an argument or
-- comment of its thread) to a proposal. Comments nest at most p_max_depth
-- levels. Returns (code, id): code 'ok' / 'pending' (a priori moderation),
-- 'no_parent', 'too_deep', or a refusal of participation_refusal().
CREATE OR REPLACE FUNCTION participation_reply(p_author bigint, p_proposal bigint,
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
CREATE OR REPLACE FUNCTION participation_propose(p_author bigint, p_slug text,
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
	-- proposal_id (its own id) set at insert: one row version, not an
	-- insert then an update of every index (issue 18).
	new_id := nextval('contributions_id_seq'::regclass);
	INSERT INTO contributions (id, proposal_id, consultation_id, theme_id,
	    kind, author_id, territory_code, title, body, body_html, link, status)
	VALUES (new_id, new_id, c.id, t.id, 'proposal', p_author, p_territory,
	    p_title, p_body, p_body_html, p_link,
	    CASE WHEN c.moderation_mode = 'a_priori' THEN 'pending' ELSE 'published' END)
	RETURNING CASE WHEN status = 'pending' THEN 'pending' ELSE 'ok' END
	    INTO code;
END $$;

-- The author edits a proposal within p_window minutes of publishing it; the
-- replaced text is kept in contribution_versions. The new text passes the
-- brakes a new contribution passes (issue 14, item 3): a published
-- proposal goes back to the moderators' queue (status 'pending') when it
-- is now a likely duplicate of another recent text of its author, when a
-- new account posts and edits too much (contribution_rate_ok), or, in an a
-- priori consultation, always ('modifiée'): an approved text never changes
-- unreviewed. Edits are capped (issue 14, item 6): agora.proposal_max_edits
-- (10) per proposal, agora.account_max_edits_per_hour (20) per account.
-- Returns 'ok', 'pending' (saved, held for review), 'missing',
-- 'not_author', 'too_late', 'too_many_edits', 'edit_rate', or 'upcoming' /
-- 'closed'. SECURITY DEFINER (privileges.sql): it may set the status, which
-- the application's role may not write.
CREATE OR REPLACE FUNCTION participation_edit(p_author bigint, p_id bigint, p_title text,
    p_body text, p_body_html text, p_link text, p_territory text,
    p_window integer)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	p contributions;
	c consultations;
	v_status text;
	v_reason text;
BEGIN
	SELECT * INTO p FROM contributions WHERE id = p_id AND kind = 'proposal'
	    FOR UPDATE;
	IF NOT FOUND OR p.status IN ('hidden', 'rejected') THEN
		RETURN 'missing';
	END IF;
	IF p.author_id IS DISTINCT FROM p_author THEN
		RETURN 'not_author';
	END IF;
	IF p.withdrawn_at IS NOT NULL THEN
		RETURN 'withdrawn';
	END IF;
	SELECT * INTO c FROM consultations WHERE id = p.consultation_id;
	IF consultation_phase(c) <> 'open' THEN
		RETURN consultation_phase(c);
	END IF;
	IF now() > p.created_at + make_interval(mins => p_window) THEN
		RETURN 'too_late';
	END IF;
	IF (SELECT count(*) FROM contribution_versions
	    WHERE contribution_id = p.id) >= coalesce(nullif(current_setting(
	    'agora.proposal_max_edits', true), ''), '10')::int THEN
		RETURN 'too_many_edits';
	END IF;
	-- The account's edits of the last hour (contribution_versions_by).
	PERFORM pg_advisory_xact_lock(7340033, (p_author % 2147483647)::int);
	IF (SELECT count(*) FROM contribution_versions
	    WHERE edited_by = p_author AND edited_at > now() - interval '1 hour')
	    >= coalesce(nullif(current_setting('agora.account_max_edits_per_hour',
	    true), ''), '20')::int THEN
		RETURN 'edit_rate';
	END IF;
	v_status := p.status;
	v_reason := p.queue_reason;
	IF p.source IS NULL AND p.status = 'published' THEN
		IF contribution_similar_recent(p_author, p_body, p.id) THEN
			v_status := 'pending';
			v_reason := 'doublon probable';
		ELSIF NOT contribution_rate_ok(p_author,
		    coalesce(nullif(current_setting('agora.new_account_hours',
			true), ''), '24')::int,
		    coalesce(nullif(current_setting('agora.new_account_max_posts',
			true), ''), '5')::int) THEN
			v_status := 'pending';
			v_reason := 'compte récent';
		ELSIF c.moderation_mode = 'a_priori' THEN
			v_status := 'pending';
			v_reason := 'modifiée';
		END IF;
	END IF;
	INSERT INTO contribution_versions (contribution_id, version, title, body,
	    link, edited_by)
	SELECT p.id, coalesce(max(version), 0) + 1, p.title, p.body, p.link, p_author
	    FROM contribution_versions WHERE contribution_id = p.id;
	UPDATE contributions SET title = p_title, body = p_body,
	    body_html = p_body_html, link = p_link, territory_code = p_territory,
	    edited_at = now(), updated_at = now(), status = v_status,
	    queue_reason = v_reason,
	    queued_at = CASE WHEN v_status = 'pending' AND p.status <> 'pending'
		THEN now() ELSE queued_at END
	    WHERE id = p.id;
	RETURN CASE WHEN v_status = 'pending' THEN 'pending' ELSE 'ok' END;
END $$;

-- contribution_check_duplicate's test, leaving out p_except (the
-- contribution being edited: its own earlier text is no duplicate).
CREATE OR REPLACE FUNCTION contribution_similar_recent(p_author bigint, p_body text,
    p_except bigint, p_threshold real DEFAULT NULL) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT p_author IS NOT NULL AND char_length(p_body) >= 40 AND EXISTS (
	    SELECT 1 FROM contributions c
	    WHERE c.author_id = p_author
	      AND c.created_at > now() - interval '7 days'
	      AND (p_except IS NULL OR c.id <> p_except)
	      AND (c.body = p_body OR similarity(c.body, p_body) >= coalesce(p_threshold,
		  nullif(current_setting('agora.duplicate_similarity', true), '')::real, 0.8)))
$$;

-- true when author_id wrote a text similar to body (pg_trgm similarity >=
-- threshold, or identical) in the last 7 days. Short texts (under 40
-- characters: "D'accord !") are never held: repeating them is normal.
-- The threshold: p_threshold, else the database setting
-- agora.duplicate_similarity, else 0.8.
CREATE OR REPLACE FUNCTION contribution_check_duplicate(p_author bigint, p_body text,
    p_threshold real DEFAULT NULL) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT contribution_similar_recent(p_author, p_body, NULL, p_threshold)
$$;

-- The status a new contribution starts with: 'pending' in an a priori
-- consultation or when it repeats a recent text of its author, else
-- 'published'. The trigger below applies the same rule to every INSERT.
CREATE OR REPLACE FUNCTION contribution_initial_status(p_consultation bigint, p_author bigint,
    p_body text) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN (SELECT moderation_mode FROM consultations
	    WHERE id = p_consultation) = 'a_priori'
	    OR contribution_check_duplicate(p_author, p_body)
	    THEN 'pending' ELSE 'published' END
$$;

-- Spam brake: an account younger than p_hours may post or edit at most
-- p_max times per hour (contributions written, and earlier texts replaced:
-- an edit is a new text too, issue 14, item 3). true when author_id may
-- post or edit once more.
CREATE OR REPLACE FUNCTION contribution_rate_ok(p_author bigint, p_hours integer DEFAULT 24,
    p_max integer DEFAULT 5) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT NOT EXISTS (SELECT 1 FROM users u WHERE u.id = p_author
	    AND u.created_at > now() - make_interval(hours => p_hours))
	    OR (SELECT count(*) FROM contributions c WHERE c.author_id = p_author
		AND c.created_at > now() - interval '1 hour')
	    + (SELECT count(*) FROM contribution_versions v
		WHERE v.edited_by = p_author
		AND v.edited_at > now() - interval '1 hour') < p_max
$$;

CREATE OR REPLACE FUNCTION contributions_moderation_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.source IS NULL AND NEW.status = 'published' THEN
		IF contribution_check_duplicate(NEW.author_id, NEW.body) THEN
			NEW.status := 'pending';
			NEW.queue_reason := 'doublon probable';
		ELSIF NEW.author_id IS NOT NULL AND NOT contribution_rate_ok(
		    NEW.author_id,
		    coalesce(nullif(current_setting('agora.new_account_hours',
			true), ''), '24')::int,
		    coalesce(nullif(current_setting('agora.new_account_max_posts',
			true), ''), '5')::int) THEN
			NEW.status := 'pending';
			NEW.queue_reason := 'compte récent';
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

CREATE OR REPLACE TRIGGER contributions_moderation_insert BEFORE INSERT
	ON contributions
	FOR EACH ROW
	EXECUTE FUNCTION contributions_moderation_insert();

-- A new row, or a row whose status, parent or withdrawal changes: public
-- when published, not withdrawn by its author (0245; a withdrawn proposal
-- stays public, closed: its votes are the record), under an open thread
-- (contribution_thread_open; a proposal has no parent). The one
-- definition of "public".
CREATE OR REPLACE FUNCTION contributions_public_set() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	NEW.is_public := NEW.status = 'published'
	    AND (NEW.withdrawn_at IS NULL OR NEW.kind = 'proposal')
	    AND (NEW.parent_id IS NULL
	    OR contribution_thread_open(NEW.parent_id));
	RETURN NEW;
END $$;

-- After contributions_moderation_insert (names fire in order), which may
-- hold the row as pending.
CREATE OR REPLACE TRIGGER contributions_public_ins BEFORE INSERT
	ON contributions
	FOR EACH ROW
	EXECUTE FUNCTION contributions_public_set();

CREATE OR REPLACE TRIGGER contributions_public_upd BEFORE UPDATE OF status, parent_id, withdrawn_at
	ON contributions
	FOR EACH ROW
	WHEN (((old.status IS DISTINCT FROM new.status) OR (old.parent_id IS DISTINCT FROM new.parent_id)
	    OR (old.withdrawn_at IS DISTINCT FROM new.withdrawn_at)))
	EXECUTE FUNCTION contributions_public_set();

-- A row entered or left the public set: every row under it follows, in one
-- statement (which fires the report rollups once), and the replies counters
-- of the threads concerned move by the same amount. The subtree is walked
-- one level at a time through contributions_parent (a recursive CTE got a
-- plan that read the whole table: its row estimates are blind). The row's
-- value is read again from the table: when a statement changes a parent
-- and its child, the later cascade starts from what the earlier one wrote,
-- and either order ends with the same values. Two transactions deciding at
-- the same moment on a proposal and on a reply under it lock the same rows
-- in opposite orders (the reply's thread counter is on the proposal):
-- PostgreSQL aborts one with a deadlock error, nothing is half written, and
-- the moderator decides again. Locking the thread's proposal first in the
-- deciding functions would make them queue instead.
CREATE OR REPLACE FUNCTION contributions_public_cascade() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	lvl_ids		bigint[];	-- one level of the subtree
	lvl_open	boolean[];	-- whether replies there may be public
	lvl_pub		boolean[];	-- what is_public must be there
	all_ids		bigint[] := '{}';
	all_pub		boolean[] := '{}';
	depth		integer := 0;
BEGIN
	SELECT ARRAY[c.id], ARRAY[c.status = 'published' AND (c.parent_id IS NULL
	    OR contribution_thread_open(c.parent_id))] INTO lvl_ids, lvl_open
	    FROM contributions c WHERE c.id = NEW.id;
	LOOP
		SELECT array_agg(c.id), array_agg(p.open AND c.status = 'published'),
		    array_agg(p.open AND c.status = 'published'
		    AND c.withdrawn_at IS NULL)
		INTO lvl_ids, lvl_open, lvl_pub
		FROM unnest(lvl_ids, lvl_open) AS p(id, open)
		JOIN contributions c ON c.parent_id = p.id;
		depth := depth + 1;
		EXIT WHEN lvl_ids IS NULL OR depth > 1000;
		all_ids := all_ids || lvl_ids;
		all_pub := all_pub || lvl_pub;
	END LOOP;
	WITH moved AS (UPDATE contributions c SET is_public = x.pub
	    FROM unnest(all_ids, all_pub) AS x(id, pub)
	    WHERE c.id = x.id AND c.is_public <> x.pub
	    RETURNING c.proposal_id, x.pub),
	n AS (SELECT x.proposal_id,
	    sum(CASE WHEN x.pub THEN 1 ELSE -1 END) AS n
	    FROM (SELECT proposal_id, pub FROM moved
		UNION ALL SELECT NEW.proposal_id, NEW.is_public
		WHERE NEW.kind <> 'proposal'
		AND OLD.is_public IS DISTINCT FROM NEW.is_public) x
	    GROUP BY x.proposal_id)
	UPDATE contributions p SET replies = p.replies + n.n FROM n
	WHERE p.id = n.proposal_id AND n.n <> 0;
	RETURN NULL;
END $$;

-- Also on a change of status alone: hiding a withdrawn row (not public
-- already) closes the replies under it.
CREATE OR REPLACE TRIGGER contributions_public_cascade AFTER UPDATE OF status, parent_id, withdrawn_at
	ON contributions
	FOR EACH ROW
	WHEN ((old.is_public IS DISTINCT FROM new.is_public)
	    OR (old.status IS DISTINCT FROM new.status))
	EXECUTE FUNCTION contributions_public_cascade();

-- Recomputes is_public from the statuses and withdrawals alone (everything
-- under a row that is not published is not public; a withdrawn row is not,
-- the replies under it are), then every proposal's replies counter;
-- writes only the rows that differ. Joins, never "id IN (subquery)": at
-- generate's scale, with many rows held by the spam brake, a subquery the
-- planner does not hash costs rows x held rows.
CREATE OR REPLACE FUNCTION contributions_public_rebuild() RETURNS void
LANGUAGE sql AS $$
	WITH RECURSIVE unpub (id) AS (
		SELECT id FROM contributions WHERE status <> 'published'
		UNION
		SELECT c.id FROM unpub u JOIN contributions c ON c.parent_id = u.id),
	want AS (SELECT c.id, u.id IS NULL AND (c.withdrawn_at IS NULL
	    OR c.kind = 'proposal') AS pub FROM contributions c
	    LEFT JOIN unpub u ON u.id = c.id)
	UPDATE contributions c SET is_public = w.pub FROM want w
	WHERE c.id = w.id AND c.is_public <> w.pub;
	UPDATE contributions p SET replies = x.n
	FROM (SELECT q.id, count(r.id) AS n FROM contributions q
	    LEFT JOIN contributions r ON r.proposal_id = q.id
	    AND r.kind <> 'proposal' AND r.is_public
	    WHERE q.kind = 'proposal' GROUP BY q.id) x
	WHERE p.id = x.id AND p.replies <> x.n;
$$;
