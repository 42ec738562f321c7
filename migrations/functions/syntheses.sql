-- Syntheses (issue 16, item 2): the first draft from the topics, the save
-- that checks every citation, publishing.
--
-- The current text of each function of the area, applied by `agora
-- migrate` after the numbered migrations, each time (see imports.sql).

-- The first draft of theme p_theme's synthesis, in Markdown: one section
-- per topic of its last `agora topics` run (label, size, vote balance),
-- its three proposals closest to the centre as citations. Without topics,
-- a short text that says so. Typography: U+00A0 before ':', U+202F
-- before ';'.
CREATE OR REPLACE FUNCTION synthesis_draft(p_theme integer) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT E'Ce que disent les propositions de ce thème, sujet par sujet, '
	    || E'd''après les sujets calculés par Agora (à réécrire).\n\n'
	    || coalesce((
		SELECT string_agg(format(E'## Sujet %s\u00a0: %s\n\n'
		    || E'%s proposition%s, %s d''accord, %s mitigé%s, '
		    || E'%s pas d''accord.\n\n%s',
		    p.topic + 1,
		    coalesce((SELECT string_agg(w.word, ', ' ORDER BY w.rank)
			FROM topic_terms w WHERE w.run_id = p.run_id
			AND w.topic = p.topic AND w.rank <= 4), ''),
		    p.size, CASE WHEN p.size > 1 THEN 's' ELSE '' END,
		    p.votes_agree, p.votes_mixed,
		    CASE WHEN p.votes_mixed > 1 THEN 's' ELSE '' END,
		    p.votes_disagree,
		    coalesce((SELECT string_agg(format(E'- %s [#%s]\n',
			c.title, c.id), '' ORDER BY m.rank)
			FROM topic_members m JOIN contributions c
			ON c.id = m.contribution_id
			WHERE m.run_id = p.run_id AND m.topic = p.topic
			AND m.rank <= 3 AND c.is_public), '')),
		    E'\n' ORDER BY p.topic)
		FROM topics p JOIN topic_runs r ON r.id = p.run_id
		WHERE r.theme_id = t.id),
		E'Les sujets de ce thème n''ont pas encore été calculés '
		|| E'(agora topics). Écrivez ici la synthèse, en citant les '
		|| E'contributions ainsi\u00a0: [#1234].\n')
	FROM themes t WHERE t.id = p_theme
$$;

-- Saves a new version of theme p_theme's synthesis (created at its first
-- save), written by p_author: body p_body, whose citations are at lines
-- p_lines of contributions p_ids (parsed in C, app/core/citations.h, in
-- the order of the text). Every one must be a public contribution of the
-- theme; the first that is not is answered ('citation', its line, its
-- id) and nothing is written. Otherwise ('saved', 0, 0, the new version's
-- number). 'empty' for a blank body, 'no_theme' for an unknown theme.
CREATE OR REPLACE FUNCTION synthesis_save(p_theme integer, p_body text,
    p_author bigint, p_lines integer[], p_ids bigint[])
RETURNS TABLE (status text, line integer, contribution bigint,
    version integer)
LANGUAGE plpgsql AS $$
DECLARE
	v_bad		record;
	v_synthesis	bigint;
	v_version	bigint;
	v_number	integer;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM themes WHERE id = p_theme) THEN
		RETURN QUERY SELECT 'no_theme'::text, 0, 0::bigint, 0;
		RETURN;
	END IF;
	IF btrim(coalesce(p_body, ''), E' \t\r\n') = '' THEN
		RETURN QUERY SELECT 'empty'::text, 0, 0::bigint, 0;
		RETURN;
	END IF;
	SELECT x.l, x.id INTO v_bad
	FROM unnest(p_lines, p_ids) WITH ORDINALITY AS x(l, id, o)
	WHERE NOT EXISTS (SELECT 1 FROM contributions c WHERE c.id = x.id
	    AND c.theme_id = p_theme AND c.is_public)
	ORDER BY x.o LIMIT 1;
	IF FOUND THEN
		RETURN QUERY SELECT 'citation'::text, v_bad.l, v_bad.id, 0;
		RETURN;
	END IF;
	-- Two saves of one synthesis take their numbers one after the other.
	PERFORM pg_advisory_xact_lock(16002, p_theme);
	INSERT INTO syntheses (theme_id) VALUES (p_theme)
	ON CONFLICT (theme_id) DO NOTHING;
	SELECT s.id INTO v_synthesis FROM syntheses s WHERE s.theme_id = p_theme;
	SELECT coalesce(max(v.number), 0) + 1 INTO v_number
	FROM synthesis_versions v WHERE v.synthesis_id = v_synthesis;
	INSERT INTO synthesis_versions (synthesis_id, number, body, author_id)
	VALUES (v_synthesis, v_number, p_body, p_author)
	RETURNING id INTO v_version;
	INSERT INTO synthesis_citations (version_id, contribution_id, first_line)
	SELECT v_version, x.id, min(x.l)
	FROM unnest(p_lines, p_ids) AS x(l, id) GROUP BY x.id;
	RETURN QUERY SELECT 'saved'::text, 0, 0::bigint, v_number;
END;
$$;

-- Publishes version p_number of theme p_theme's synthesis, by p_by, and
-- in the same statement tells (issue 16, item 4) the theme's followers
-- (mail p_fsubject / p_fbody, outbox kind 'synthesis_published', unless
-- their mode for a theme's news is 'none'; not when the version was
-- already the published one) and the authors of the contributions this
-- version cites that the previously published one did not (p_csubject /
-- p_cbody, kind 'synthesis_cited', unless their mode for activity on
-- their contributions is 'none'; one mail per author). p_base: the site's
-- address for the links. The act is written in the moderation log
-- (synthesis_log; p_by_ref, p_by's pseudonym there). Returns 'published',
-- or 'no_version' (nothing written). (Its three-argument form, before the
-- mails, and its eight-argument one, before the log, are dropped.)
DROP FUNCTION IF EXISTS synthesis_publish(integer, integer, bigint);
DROP FUNCTION IF EXISTS synthesis_publish(integer, integer, bigint, text,
    text, text, text, text);
CREATE OR REPLACE FUNCTION synthesis_publish(p_theme integer,
    p_number integer, p_by bigint, p_by_ref text, p_base text,
    p_fsubject text, p_fbody text, p_csubject text, p_cbody text)
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	v_synthesis	bigint;
	v_version	bigint;
	v_before	bigint;
	v_title		text;
	v_link		text;
BEGIN
	SELECT s.id, v.id INTO v_synthesis, v_version
	FROM syntheses s JOIN synthesis_versions v ON v.synthesis_id = s.id
	WHERE s.theme_id = p_theme AND v.number = p_number;
	IF NOT FOUND THEN
		RETURN 'no_version';
	END IF;
	v_before := synthesis_published(p_theme);
	INSERT INTO synthesis_publications (synthesis_id, version_id,
	    published_by)
	VALUES (v_synthesis, v_version, p_by);
	SELECT title, p_base || '/syntheses/' || slug INTO v_title, v_link
	FROM themes WHERE id = p_theme;
	INSERT INTO outbox (user_id, recipient, subject, body, kind)
	SELECT u.id, u.email, mail_fill(p_fsubject, ARRAY['theme'],
	    ARRAY[v_title]), mail_fill(p_fbody, ARRAY['theme', 'link',
	    'settings_link'], ARRAY[v_title, v_link,
	    p_base || '/compte/courriels']), 'synthesis_published'
	FROM users u WHERE v_before IS DISTINCT FROM v_version
	    AND u.deleted_at IS NULL AND u.email IS NOT NULL
	    AND u.id <> p_by AND notify_mode(u.id, 'theme') <> 'none'
	    AND u.id IN (SELECT f.user_id FROM follows f
	    WHERE f.theme_id = p_theme);
	INSERT INTO outbox (user_id, recipient, subject, body, kind)
	SELECT DISTINCT ON (u.id) u.id, u.email, mail_fill(p_csubject,
	    ARRAY['theme'], ARRAY[v_title]), mail_fill(p_cbody,
	    ARRAY['theme', 'title', 'link', 'settings_link'], ARRAY[v_title,
	    coalesce(c.title, p.title, ''), v_link,
	    p_base || '/compte/courriels']), 'synthesis_cited'
	FROM synthesis_citations x
	JOIN contributions c ON c.id = x.contribution_id
	LEFT JOIN contributions p ON p.id = c.proposal_id
	JOIN users u ON u.id = c.author_id
	WHERE x.version_id = v_version AND u.deleted_at IS NULL
	    AND u.email IS NOT NULL AND u.id <> p_by
	    AND notify_mode(u.id, 'activity') <> 'none'
	    AND NOT EXISTS (SELECT 1 FROM synthesis_citations y
	    WHERE y.version_id = v_before
	    AND y.contribution_id = x.contribution_id)
	ORDER BY u.id, c.id;
	PERFORM synthesis_notify(p_theme, v_version, v_before, p_by);
	PERFORM synthesis_log(p_theme, v_version, p_by, p_by_ref);
	RETURN 'published';
END;
$$;

-- The same news on the site, whatever the e-mail mode (issue 16, item
-- 4): the followers of theme p_theme, and one per author that version
-- p_version cites and version p_before (the one published before, or
-- NULL) did not. SECURITY DEFINER (privileges.sql): it writes other
-- people's notifications, and only for p_version being the publication
-- p_by has just made.
CREATE OR REPLACE FUNCTION synthesis_notify(p_theme integer,
    p_version bigint, p_before bigint, p_by bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	IF p_before IS NOT DISTINCT FROM p_version OR NOT EXISTS (SELECT 1
	    FROM synthesis_publications p JOIN syntheses s
	    ON s.id = p.synthesis_id WHERE s.theme_id = p_theme
	    AND p.version_id = p_version AND p.published_by = p_by
	    AND p.published_at = now()) THEN
		RETURN;
	END IF;
	INSERT INTO notifications (user_id, kind, theme_id)
	SELECT f.user_id, 'synthesis', p_theme
	FROM follows f JOIN users u ON u.id = f.user_id
	WHERE f.theme_id = p_theme AND u.deleted_at IS NULL AND u.id <> p_by;
	INSERT INTO notifications (user_id, kind, theme_id, contribution_id)
	SELECT DISTINCT ON (c.author_id) c.author_id, 'cited', p_theme, c.id
	FROM synthesis_citations x
	JOIN contributions c ON c.id = x.contribution_id
	JOIN users u ON u.id = c.author_id
	WHERE x.version_id = p_version AND u.deleted_at IS NULL
	    AND u.id <> p_by
	    AND NOT EXISTS (SELECT 1 FROM synthesis_citations y
	    WHERE y.version_id = p_before
	    AND y.contribution_id = x.contribution_id)
	ORDER BY c.author_id, c.id;
END;
$$;

-- The publication of version p_version of theme p_theme's synthesis by
-- p_by, in the moderation log (form 3, action synthesis_publish, subject
-- "synthese:SLUG:NUMBER", the hash of the version's text; p_by_ref: p_by's
-- pseudonym, computed by the application with the server's secret).
-- SECURITY DEFINER (privileges.sql): it appends to the log, and only for
-- a publication p_by has just made and not yet logged. Returns the log
-- row's id, or NULL (nothing written).
CREATE OR REPLACE FUNCTION synthesis_log(p_theme integer, p_version bigint,
    p_by bigint, p_by_ref text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	v	record;
BEGIN
	SELECT t.consultation_id, 'synthese:' || t.slug || ':' || x.number
	    AS subject, x.body INTO v
	FROM synthesis_publications p JOIN syntheses s ON s.id = p.synthesis_id
	JOIN themes t ON t.id = s.theme_id
	JOIN synthesis_versions x ON x.id = p.version_id
	WHERE s.theme_id = p_theme AND p.version_id = p_version
	    AND p.published_by = p_by AND p.published_at = now()
	ORDER BY p.id DESC LIMIT 1;
	IF NOT FOUND OR EXISTS (SELECT 1 FROM moderation_log l
	    WHERE l.subject = v.subject AND l.at >= now()) THEN
		RETURN NULL;
	END IF;
	RETURN moderation_log_append_act(p_by, p_by_ref, v.consultation_id,
	    'synthesis_publish', 'publiee', v.subject, v.body);
END;
$$;

-- The version of theme p_theme's synthesis published last (its id), or
-- NULL when none is.
CREATE OR REPLACE FUNCTION synthesis_published(p_theme integer)
RETURNS bigint
LANGUAGE sql STABLE AS $$
	SELECT p.version_id FROM synthesis_publications p
	JOIN syntheses s ON s.id = p.synthesis_id
	WHERE s.theme_id = p_theme ORDER BY p.id DESC LIMIT 1
$$;
