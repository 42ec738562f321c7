-- Copyright (c) 2026 The Agora developers.
-- SPDX-License-Identifier: AGPL-3.0-or-later
--
-- Citizens take back what they wrote (issue 13, item 11): the author of an
-- argument or a comment edits it within the edit window, under the rules a
-- proposal's edit follows (participation_edit, functions/participation.sql,
-- issue 14, items 3 and 6): the earlier text kept in contribution_versions,
-- the same spam brakes and caps, and in an a priori consultation the edited
-- text goes back to the queue, hidden until approved again (as an edited
-- proposal is). Its withdrawal is participation_withdraw; the replies
-- under a withdrawn text stay public (contribution_thread_open, read by
-- contributions_public_set and _cascade in functions/participation.sql).

-- Why an edit of c by p_author to p_body must be reviewed again before it
-- is public: 'doublon probable', 'compte récent', 'modifiée' (a priori
-- consultation), or NULL (it stays as it is: published, or already
-- waiting). Imported texts (source) are never edited by their authors.
CREATE OR REPLACE FUNCTION contribution_edit_hold(c contributions,
    p_author bigint, p_body text)
RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
	IF c.source IS NOT NULL OR c.status <> 'published' THEN
		RETURN NULL;
	ELSIF contribution_similar_recent(p_author, p_body, c.id) THEN
		RETURN 'doublon probable';
	ELSIF NOT contribution_rate_ok(p_author,
	    coalesce(nullif(current_setting('agora.new_account_hours', true),
		''), '24')::int,
	    coalesce(nullif(current_setting('agora.new_account_max_posts', true),
		''), '5')::int) THEN
		RETURN 'compte récent';
	ELSIF (SELECT moderation_mode FROM consultations
	    WHERE id = c.consultation_id) = 'a_priori' THEN
		RETURN 'modifiée';
	END IF;
	RETURN NULL;
END $$;

-- The date and time of ts in French: "2 décembre 2026 à 14 h 05".
CREATE OR REPLACE FUNCTION fr_date_time(ts timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT fr_date(ts) || ' à '
	    || to_char(ts AT TIME ZONE 'Europe/Paris', 'FMHH24')
	    || ' h ' || to_char(ts AT TIME ZONE 'Europe/Paris', 'MI')
$$;

-- Its author edits argument or comment p_id within p_window minutes of
-- writing it. Returns 'ok', 'pending' (saved, back in the queue: see
-- contribution_edit_hold), 'missing' (no such text of p_author's, or
-- withdrawn, hidden or refused: someone else's is not revealed),
-- 'edit_too_late', 'edit_too_many' (agora.proposal_max_edits, 10, per
-- text), 'edit_rate' (agora.account_max_edits_per_hour, 20, per account,
-- counted with the proposals' edits), or a refusal of its proposal
-- (participation_refusal: closed, withdrawn, ...). SECURITY DEFINER
-- (privileges.sql): it may set the status.
CREATE OR REPLACE FUNCTION participation_edit_reply(p_author bigint,
    p_id bigint, p_body text, p_body_html text, p_window integer)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	c contributions;
	why text;
	v_hold text;
BEGIN
	SELECT * INTO c FROM contributions WHERE id = p_id
	    AND kind <> 'proposal' FOR UPDATE;
	IF NOT FOUND OR c.author_id IS DISTINCT FROM p_author
	    OR c.withdrawn_at IS NOT NULL OR c.status IN ('hidden', 'rejected') THEN
		RETURN 'missing';
	END IF;
	why := participation_refusal(c.proposal_id);
	IF why IS NOT NULL THEN
		RETURN why;
	END IF;
	IF now() > c.created_at + make_interval(mins => p_window) THEN
		RETURN 'edit_too_late';
	END IF;
	IF (SELECT count(*) FROM contribution_versions
	    WHERE contribution_id = c.id) >= coalesce(nullif(current_setting(
	    'agora.proposal_max_edits', true), ''), '10')::int THEN
		RETURN 'edit_too_many';
	END IF;
	-- The same lock as participation_edit: one count per account.
	PERFORM pg_advisory_xact_lock(7340033, (p_author % 2147483647)::int);
	IF (SELECT count(*) FROM contribution_versions
	    WHERE edited_by = p_author AND edited_at > now() - interval '1 hour')
	    >= coalesce(nullif(current_setting('agora.account_max_edits_per_hour',
	    true), ''), '20')::int THEN
		RETURN 'edit_rate';
	END IF;
	v_hold := contribution_edit_hold(c, p_author, p_body);
	INSERT INTO contribution_versions (contribution_id, version, title, body,
	    link, edited_by)
	SELECT c.id, coalesce(max(version), 0) + 1, c.title, c.body, c.link,
	    p_author FROM contribution_versions WHERE contribution_id = c.id;
	UPDATE contributions SET body = p_body, body_html = p_body_html,
	    edited_at = now(), updated_at = now(),
	    status = CASE WHEN v_hold IS NULL THEN status ELSE 'pending' END,
	    queue_reason = coalesce(v_hold, queue_reason),
	    queued_at = CASE WHEN v_hold IS NOT NULL THEN now() ELSE queued_at END
	    WHERE id = c.id;
	RETURN CASE WHEN v_hold IS NOT NULL OR c.status = 'pending'
	    THEN 'pending' ELSE 'ok' END;
END $$;

-- Whether replies under row p_id may be public: it and every row above it
-- published. A row its author withdrew is no longer public itself, but the
-- replies others wrote under it stay (issue 13, item 11: one takes back
-- one's own words, not theirs); a hidden or refused one closes its subtree.
CREATE OR REPLACE FUNCTION contribution_thread_open(p_id bigint)
RETURNS boolean LANGUAGE plpgsql STABLE AS $$
DECLARE
	c contributions;
BEGIN
	FOR i IN 1..1000 LOOP
		SELECT * INTO c FROM contributions WHERE id = p_id;
		IF NOT FOUND OR c.status <> 'published'
		    OR (NOT c.is_public AND c.withdrawn_at IS NULL) THEN
			RETURN false;
		ELSIF c.is_public OR c.parent_id IS NULL THEN
			RETURN true;
		END IF;
		p_id := c.parent_id;	/* withdrawn: its parent decides */
	END LOOP;
	RETURN false;
END $$;
