-- The digital council (issue 16, item 3; migration 0330): its size, the
-- state of a referral, the writes of a referral's life (opening, a draft,
-- the publication of the adopted opinion, the Region's response), each
-- one statement with the e-mails it queues (issue 16, item 4), and the
-- open-data file.
--
-- The current text of each function of the area, in one place (see
-- participation.sql).

-- Whether p_user holds the role 'conseil' (an erased account holds none).
CREATE OR REPLACE FUNCTION council_member(p_user bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM user_roles r JOIN users u ON u.id = r.user_id
	    WHERE r.user_id = p_user AND r.role = 'conseil'
	    AND u.deleted_at IS NULL)
$$;

-- How many people hold the role 'conseil': an adoption tally adds up to
-- at most this.
CREATE OR REPLACE FUNCTION council_size() RETURNS integer
LANGUAGE sql STABLE AS $$
	SELECT count(*)::integer FROM user_roles r JOIN users u ON u.id = r.user_id
	WHERE r.role = 'conseil' AND u.deleted_at IS NULL
$$;

-- The state of a referral, as the public pages say it: ouverte (nothing
-- drafted yet), en_cours (a draft exists), avis_rendu (its opinion is
-- published), reponse (the Region responded to the opinion).
CREATE OR REPLACE FUNCTION council_state(p_referral bigint) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT CASE
	    WHEN EXISTS (SELECT 1 FROM council_responses
		WHERE referral_id = p_referral) THEN 'reponse'
	    WHEN EXISTS (SELECT 1 FROM council_opinions
		WHERE referral_id = p_referral) THEN 'avis_rendu'
	    WHEN EXISTS (SELECT 1 FROM council_drafts
		WHERE referral_id = p_referral) THEN 'en_cours'
	    ELSE 'ouverte' END
$$;

-- Queues one e-mail of kind p_kind to every member of the council but
-- p_actor (with an address): p_subject and p_body with {question} and
-- {link} (p_link). Returns how many.
CREATE OR REPLACE FUNCTION council_mail_members(p_actor bigint, p_kind text,
    p_question text, p_link text, p_subject text, p_body text) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	n	integer;
BEGIN
	INSERT INTO outbox (user_id, recipient, subject, body, kind)
	SELECT u.id, u.email,
	    mail_fill(p_subject, ARRAY['question'], ARRAY[left(p_question, 80)]),
	    mail_fill(p_body, ARRAY['question', 'link'],
	    ARRAY[p_question, p_link]), p_kind
	FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'conseil'
	WHERE u.deleted_at IS NULL AND u.email IS NOT NULL AND u.id <> p_actor;
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END $$;

-- Writes the notification of kind p_kind ('referral' or 'draft') about
-- referral p_referral to every member of the council but p_actor, with
-- or without an address (issue 16, item 4: on /compte/notifications).
-- SECURITY DEFINER (privileges.sql): it writes other people's
-- notifications, and only for the referral or draft p_actor has just
-- written.
CREATE OR REPLACE FUNCTION council_notify_members(p_actor bigint,
    p_kind text, p_referral bigint) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO notifications (user_id, kind, referral_id)
	SELECT u.id, p_kind, p_referral
	FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'conseil'
	WHERE u.deleted_at IS NULL AND u.id <> p_actor
	    AND CASE p_kind
	    WHEN 'referral' THEN EXISTS (SELECT 1 FROM council_referrals
		WHERE id = p_referral AND opened_by = p_actor
		AND opened_at = now())
	    WHEN 'draft' THEN EXISTS (SELECT 1 FROM council_drafts
		WHERE referral_id = p_referral AND author_id = p_actor
		AND created_at = now())
	    ELSE false END
$$;

-- The council's opinion on referral p_referral, just published, on the
-- site of the followers of its themes (whatever their e-mail mode): one
-- per follower, about the first of those themes they follow. SECURITY
-- DEFINER, as above; nothing unless the opinion was published in this
-- transaction.
CREATE OR REPLACE FUNCTION council_notify_followers(p_referral bigint)
RETURNS void
LANGUAGE sql AS $$
	INSERT INTO notifications (user_id, kind, referral_id, theme_id)
	SELECT DISTINCT ON (f.user_id) f.user_id, 'opinion', o.referral_id,
	    f.theme_id
	FROM council_opinions o
	JOIN council_referral_themes t ON t.referral_id = o.referral_id
	JOIN follows f ON f.theme_id = t.theme_id
	JOIN users u ON u.id = f.user_id
	WHERE o.referral_id = p_referral AND o.published_at = now()
	    AND u.deleted_at IS NULL AND u.id <> o.rapporteur_id
	ORDER BY f.user_id, f.theme_id
$$;

-- The subject of opinion o in the moderation log, "avis:ID:ADOPTED_ON:FOR:
-- AGAINST:ABSTAINING" (council_log; the opinion page finds its row by it).
CREATE OR REPLACE FUNCTION council_opinion_subject(o council_opinions)
RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT format('avis:%s:%s:%s:%s:%s', o.referral_id,
	    to_char(o.adopted_on, 'YYYY-MM-DD'), o.votes_for, o.votes_against,
	    o.abstentions)
$$;

-- A public act of the council or the Region on referral p_referral, in
-- the moderation log (form 3): 'opinion_publish', the opinion its
-- rapporteur p_by has just published (subject "avis:ID:ADOPTED_ON:FOR:
-- AGAINST:ABSTAINING", state avis_rendu), or 'opinion_response', the
-- response official p_by has just published (subject "reponse:ID", state
-- reponse); the hash of the text made public. p_by_ref: p_by's pseudonym,
-- computed by the application with the server's secret. SECURITY DEFINER
-- (privileges.sql): it appends to the log, only for an act p_by did in
-- this transaction and not yet logged. Returns the log row's id, or NULL.
CREATE OR REPLACE FUNCTION council_log(p_referral bigint, p_action text,
    p_by bigint, p_by_ref text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	v	record;
BEGIN
	IF p_action = 'opinion_publish' THEN
		SELECT council_opinion_subject(o) AS subject,
		    'avis_rendu' AS state, o.body INTO v
		FROM council_opinions o WHERE o.referral_id = p_referral
		    AND o.rapporteur_id = p_by AND o.published_at = now();
	ELSIF p_action = 'opinion_response' THEN
		SELECT 'reponse:' || s.referral_id AS subject,
		    'reponse' AS state, s.body INTO v
		FROM council_responses s WHERE s.referral_id = p_referral
		    AND s.official_id = p_by AND s.published_at = now();
	ELSE
		RETURN NULL;
	END IF;
	IF NOT FOUND OR EXISTS (SELECT 1 FROM moderation_log l
	    WHERE l.subject = v.subject AND l.at >= now()) THEN
		RETURN NULL;
	END IF;
	RETURN moderation_log_append_act(p_by, p_by_ref, NULL, p_action,
	    v.state, v.subject, v.body);
END $$;

-- The authors of the contributions the opinion on p_referral cites, on
-- the site (kind cited_opinion, one per author, about the first they
-- wrote in the order of the text), whatever their e-mail mode. SECURITY
-- DEFINER, as above; nothing unless the opinion was published in this
-- transaction.
CREATE OR REPLACE FUNCTION council_notify_cited(p_referral bigint)
RETURNS void
LANGUAGE sql AS $$
	INSERT INTO notifications (user_id, kind, referral_id, contribution_id)
	SELECT DISTINCT ON (c.author_id) c.author_id, 'cited_opinion',
	    o.referral_id, c.id
	FROM council_opinions o
	JOIN council_draft_citations x ON x.draft_id = o.draft_id
	JOIN contributions c ON c.id = x.contribution_id
	JOIN users u ON u.id = c.author_id
	WHERE o.referral_id = p_referral AND o.published_at = now()
	    AND u.deleted_at IS NULL AND u.id <> o.rapporteur_id
	ORDER BY c.author_id, x.rank
$$;

-- Opens a referral of kind p_kind (saisine: p_by must be an official;
-- auto_saisine: a member) on the themes of slugs p_themes (of the primary
-- consultation; at least one), due on p_due (not before today, Europe/
-- Paris), and tells the members (kind council_referral; p_base the
-- site's address). Returns the referral's id, or NULL when p_by may not
-- open it, the due date is past or no theme is known: nothing written.
CREATE OR REPLACE FUNCTION council_referral_open(p_kind text, p_question text,
    p_due date, p_by bigint, p_themes text[], p_base text, p_subject text,
    p_body text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	rid	bigint;
	ids	integer[];
	allowed	boolean;
BEGIN
	SELECT array_agg(t.id) INTO ids FROM themes t
	JOIN consultations k ON k.id = t.consultation_id AND k.is_primary
	WHERE t.slug = ANY (p_themes);
	IF p_kind = 'saisine' THEN
		allowed := EXISTS (SELECT 1 FROM user_roles
		    WHERE user_id = p_by AND role = 'official');
	ELSE
		allowed := p_kind = 'auto_saisine' AND council_member(p_by);
	END IF;
	IF ids IS NULL OR NOT allowed
	    OR p_due < (now() AT TIME ZONE 'Europe/Paris')::date THEN
		RETURN NULL;
	END IF;
	INSERT INTO council_referrals (kind, question, due_on, opened_by)
	VALUES (p_kind, p_question, p_due, p_by) RETURNING id INTO rid;
	INSERT INTO council_referral_themes (referral_id, theme_id)
	SELECT rid, unnest(ids);
	PERFORM council_mail_members(p_by, 'council_referral', p_question,
	    p_base || '/conseil/saisines/' || rid, p_subject, p_body);
	PERFORM council_notify_members(p_by, 'referral', rid);
	RETURN rid;
END $$;

-- A new version of the opinion of referral p_referral, by member p_by,
-- while it is not published; tells the other members (council_draft).
-- Its citations are at lines p_lines of contributions p_ids (parsed in C,
-- app/core/synthesis.h, in the order of the text): each must be a public
-- contribution of one of the referral's themes, else the first that is
-- not is answered ('citation', its line, its id) and nothing is written;
-- each synthesis cited ("[synthese:SLUG]") must be the published one of
-- one of its themes, else 'synthese' and the line of the first that is
-- not, nothing written.
-- Otherwise result is the version's id, its citations written in
-- council_draft_citations; NULL when refused (not a member, no such
-- referral, the opinion already published).
DROP FUNCTION IF EXISTS council_draft_add(bigint, bigint, text, text, text,
    text, text);
CREATE OR REPLACE FUNCTION council_draft_add(p_referral bigint, p_by bigint,
    p_body text, p_html text, p_base text, p_subject text, p_mail text,
    p_lines integer[], p_ids bigint[], OUT result text, OUT line integer,
    OUT contribution bigint)
LANGUAGE plpgsql AS $$
DECLARE
	q	text;
	bad	record;
BEGIN
	line := 0;
	contribution := 0;
	SELECT question INTO q FROM council_referrals WHERE id = p_referral
	FOR UPDATE;
	IF NOT FOUND OR NOT council_member(p_by) OR EXISTS (SELECT 1
	    FROM council_opinions WHERE referral_id = p_referral) THEN
		RETURN;
	END IF;
	SELECT x.l, x.id INTO bad
	FROM unnest(p_lines, p_ids) WITH ORDINALITY AS x(l, id, o)
	WHERE NOT EXISTS (SELECT 1 FROM contributions c
	    JOIN council_referral_themes t ON t.theme_id = c.theme_id
	    WHERE c.id = x.id AND c.is_public AND t.referral_id = p_referral)
	ORDER BY x.o LIMIT 1;
	IF FOUND THEN
		result := 'citation';
		line := bad.l;
		contribution := bad.id;
		RETURN;
	END IF;
	-- A synthesis cited, "[synthese:SLUG]" (parsed here from the text,
	-- as app/core/synthesis.c does): published, of one of its themes.
	SELECT x.n INTO line
	FROM regexp_split_to_table(p_body, E'\n') WITH ORDINALITY AS x(t, n),
	    regexp_matches(x.t, '\[synthese:([a-z0-9][a-z0-9-]{0,63})\]', 'g')
	    AS m
	WHERE NOT EXISTS (SELECT 1 FROM themes t
	    JOIN council_referral_themes r ON r.theme_id = t.id
	    WHERE r.referral_id = p_referral AND t.slug = m[1]
	    AND synthesis_published(t.id) IS NOT NULL)
	ORDER BY x.n LIMIT 1;
	IF FOUND THEN
		result := 'synthese';
		RETURN;
	END IF;
	line := 0;
	INSERT INTO council_drafts (referral_id, body, body_html, author_id)
	VALUES (p_referral, p_body, p_html, p_by) RETURNING id::text
	INTO result;
	-- Its citations, each once, numbered in the order of the text (0431).
	INSERT INTO council_draft_citations (draft_id, contribution_id,
	    first_line, rank)
	SELECT result::bigint, x.id, min(x.l),
	    row_number() OVER (ORDER BY min(x.o))
	FROM unnest(p_lines, p_ids) WITH ORDINALITY AS x(l, id, o)
	GROUP BY x.id;
	PERFORM council_mail_members(p_by, 'council_draft', q,
	    p_base || '/conseil/saisines/' || p_referral, p_subject, p_mail);
	PERFORM council_notify_members(p_by, 'draft', p_referral);
END $$;

-- Publishes the last version of referral p_referral's opinion as adopted
-- on p_adopted (not in the future) by p_for, p_against and p_abstain
-- members, by its rapporteur p_by; tells the followers of its themes
-- (council_opinion; unless their mode for a theme's news is 'none'), the
-- authors of the contributions it cites (p_csubject / p_cbody, kind
-- council_cited, one mail per author, unless their mode for activity on
-- their contributions is 'none'), on the site too, and writes the act in the moderation log (council_log; p_by_ref, p_by's
-- pseudonym there). Returns 'ok', or why nothing was written: 'not_rapporteur',
-- 'no_draft', 'published' (already), 'tally' (more votes than members,
-- or none), 'date'.
DROP FUNCTION IF EXISTS council_publish(bigint, bigint, date, integer,
    integer, integer, text, text, text);
DROP FUNCTION IF EXISTS council_publish(bigint, bigint, text, date, integer,
    integer, integer, text, text, text);
CREATE OR REPLACE FUNCTION council_publish(p_referral bigint, p_by bigint,
    p_by_ref text, p_adopted date, p_for integer, p_against integer,
    p_abstain integer, p_base text, p_subject text, p_body text,
    p_csubject text, p_cbody text)
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	r	council_referrals;
	d	council_drafts;
BEGIN
	SELECT * INTO r FROM council_referrals WHERE id = p_referral FOR UPDATE;
	IF NOT FOUND OR r.rapporteur_id IS DISTINCT FROM p_by
	    OR NOT council_member(p_by) THEN
		RETURN 'not_rapporteur';
	END IF;
	IF EXISTS (SELECT 1 FROM council_opinions WHERE referral_id = r.id) THEN
		RETURN 'published';
	END IF;
	SELECT * INTO d FROM council_drafts WHERE referral_id = r.id
	ORDER BY id DESC LIMIT 1;
	IF NOT FOUND THEN
		RETURN 'no_draft';
	END IF;
	IF least(p_for, p_against, p_abstain) < 0
	    OR p_for + p_against + p_abstain NOT BETWEEN 1 AND council_size() THEN
		RETURN 'tally';
	END IF;
	IF p_adopted > (now() AT TIME ZONE 'Europe/Paris')::date THEN
		RETURN 'date';
	END IF;
	INSERT INTO council_opinions (referral_id, draft_id, body, body_html,
	    adopted_on, votes_for, votes_against, abstentions, rapporteur_id)
	VALUES (r.id, d.id, d.body, d.body_html, p_adopted, p_for, p_against,
	    p_abstain, p_by);
	INSERT INTO outbox (user_id, recipient, subject, body, kind)
	SELECT u.id, u.email,
	    mail_fill(p_subject, ARRAY['question'], ARRAY[left(r.question, 80)]),
	    mail_fill(p_body, ARRAY['question', 'link', 'settings_link'],
	    ARRAY[r.question, p_base || '/conseil/avis/' || r.id,
	    p_base || '/compte/courriels']), 'council_opinion'
	FROM users u WHERE u.deleted_at IS NULL AND u.email IS NOT NULL
	    AND u.id <> p_by AND notify_mode(u.id, 'theme') <> 'none'
	    AND u.id IN (SELECT f.user_id FROM follows f
	    JOIN council_referral_themes t ON t.theme_id = f.theme_id
	    WHERE t.referral_id = r.id);
	INSERT INTO outbox (user_id, recipient, subject, body, kind)
	SELECT DISTINCT ON (u.id) u.id, u.email,
	    mail_fill(p_csubject, ARRAY['question'], ARRAY[left(r.question, 80)]),
	    mail_fill(p_cbody, ARRAY['question', 'title', 'link',
	    'settings_link'], ARRAY[r.question, coalesce(c.title, p.title, ''),
	    p_base || '/conseil/avis/' || r.id, p_base || '/compte/courriels']),
	    'council_cited'
	FROM council_draft_citations x
	JOIN contributions c ON c.id = x.contribution_id
	LEFT JOIN contributions p ON p.id = c.proposal_id
	JOIN users u ON u.id = c.author_id
	WHERE x.draft_id = d.id AND u.deleted_at IS NULL
	    AND u.email IS NOT NULL AND u.id <> p_by
	    AND notify_mode(u.id, 'activity') <> 'none'
	ORDER BY u.id, x.rank;
	PERFORM council_notify_followers(r.id);
	PERFORM council_notify_cited(r.id);
	PERFORM council_log(r.id, 'opinion_publish', p_by, p_by_ref);
	RETURN 'ok';
END $$;

-- The Region's response to the published opinion of p_referral, by
-- official p_by; a second response replaces the first. Each is written
-- in the moderation log (council_log; p_by_ref, p_by's pseudonym there).
-- Returns false
-- (nothing written) when there is no published opinion or p_by is not an
-- official.
DROP FUNCTION IF EXISTS council_respond(bigint, bigint, text, text);
CREATE OR REPLACE FUNCTION council_respond(p_referral bigint, p_by bigint,
    p_by_ref text, p_body text, p_html text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM council_opinions
	    WHERE referral_id = p_referral) OR NOT EXISTS (SELECT 1
	    FROM user_roles WHERE user_id = p_by AND role = 'official') THEN
		RETURN false;
	END IF;
	INSERT INTO council_responses (referral_id, body, body_html, official_id)
	VALUES (p_referral, p_body, p_html, p_by)
	ON CONFLICT (referral_id) DO UPDATE SET body = EXCLUDED.body,
	    body_html = EXCLUDED.body_html, official_id = EXCLUDED.official_id,
	    published_at = now();
	PERFORM council_log(p_referral, 'opinion_response', p_by, p_by_ref);
	RETURN true;
END $$;

-- council_cited(text), the contributions a text cites read by a pattern,
-- gave way to council_draft_citations (0431).
DROP FUNCTION IF EXISTS council_cited(text);

-- The syntheses p_body cites ("[synthese:SLUG]"), their themes' slugs in
-- order of first citation, as a JSON array.
CREATE OR REPLACE FUNCTION council_cited_syntheses(p_body text) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
	SELECT coalesce(jsonb_agg(x.slug ORDER BY x.o), '[]'::jsonb)
	FROM (SELECT m[1] AS slug, min(o) AS o
	    FROM regexp_matches(p_body, '\[synthese:([a-z0-9][a-z0-9-]{0,63})\]',
	    'g') WITH ORDINALITY AS r(m, o) GROUP BY m[1]) x
$$;

-- /export/conseil.json: the council's size, every referral with its
-- state and themes, its published opinion with the adoption's tally, the
-- Region's response (Markdown sources; never the drafts nor the
-- comments, which are the members' working papers).
CREATE OR REPLACE FUNCTION council_export() RETURNS jsonb
LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object(
	    'licence', 'Licence Ouverte 2.0',
	    'membres', council_size(),
	    'saisines', coalesce((SELECT jsonb_agg(jsonb_build_object(
		'id', r.id, 'type', r.kind, 'question', r.question,
		'echeance', r.due_on, 'ouverte_le', r.opened_at::date,
		'etat', council_state(r.id),
		'themes', (SELECT jsonb_agg(t.slug ORDER BY t.position)
		    FROM council_referral_themes x JOIN themes t
		    ON t.id = x.theme_id WHERE x.referral_id = r.id),
		'avis', (SELECT jsonb_build_object('texte', o.body,
		    'adopte_le', o.adopted_on, 'pour', o.votes_for,
		    'contre', o.votes_against, 'abstentions', o.abstentions,
		    'publie_le', o.published_at,
		    'citations', coalesce((SELECT jsonb_agg(x.contribution_id
			ORDER BY x.rank) FROM council_draft_citations x
			WHERE x.draft_id = o.draft_id), '[]'::jsonb),
		    'syntheses_citees', council_cited_syntheses(o.body))
		    FROM council_opinions o WHERE o.referral_id = r.id),
		'reponse_region', (SELECT jsonb_build_object('texte', s.body,
		    'publiee_le', s.published_at)
		    FROM council_responses s WHERE s.referral_id = r.id))
		ORDER BY r.id) FROM council_referrals r), '[]'::jsonb))
$$;
