-- Copyright (c) 2026 The Agora developers.
-- SPDX-License-Identifier: AGPL-3.0-or-later
--
-- The contact form for the moderation team (issue 13, item 11; table of
-- migration 0310).

-- Records a message to the moderation team and queues one e-mail per
-- moderator (live account with an address) in the outbox, in one
-- transaction (the form counts it in its abuse limit beside).
-- p_mail_subject and p_mail_body are MT_CONTACT (mail_texts.def), filled
-- here: {subject}, {from}, {link}, {body}, {url}. Returns the message's id.
CREATE OR REPLACE FUNCTION contact_send(p_sender bigint, p_subject text,
    p_subject_label text, p_body text, p_link text, p_reply text,
    p_mail_subject text, p_mail_body text, p_url text)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	v_id bigint;
	v_from text;
BEGIN
	INSERT INTO moderation_messages (subject, body, link, sender_id,
	    reply_email)
	VALUES (p_subject, p_body, nullif(p_link, ''), p_sender,
	    CASE WHEN p_sender IS NULL THEN p_reply END)
	RETURNING id INTO v_id;
	SELECT coalesce(u.display_name || ' (compte n° ' || u.id || ')',
	    'visiteur anonyme') || ', réponse à ' || coalesce(u.email, p_reply)
	    INTO v_from FROM (SELECT 1) one
	    LEFT JOIN users u ON u.id = p_sender;
	INSERT INTO outbox (user_id, recipient, subject, body, kind)
	SELECT m.id, m.email,
	    mail_fill(p_mail_subject, ARRAY['subject'], ARRAY[p_subject_label]),
	    mail_fill(p_mail_body, ARRAY['subject', 'from', 'link', 'body', 'url'],
		ARRAY[p_subject_label, v_from, coalesce(nullif(p_link, ''), 'aucun'),
		p_body, p_url]), 'contact'
	    FROM users m
	    WHERE m.deleted_at IS NULL AND m.email IS NOT NULL
	    AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = m.id
		AND r.role = 'moderator');
	RETURN v_id;
END $$;

-- Erases the messages older than p_days and the e-mails that carried them
-- (`agora purge`; the privacy notice states the period), their ids kept in
-- outbox_erased so that the sender removes their files too. Returns how
-- many messages. SECURITY DEFINER (privileges.sql): the application may
-- not write outbox_erased.
CREATE OR REPLACE FUNCTION contact_purge(p_days integer) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	WITH d AS (DELETE FROM outbox WHERE kind = 'contact'
	    AND created_at < now() - make_interval(days => p_days) RETURNING id)
	INSERT INTO outbox_erased (outbox_id) SELECT id FROM d
	    ON CONFLICT DO NOTHING;
	WITH d AS (DELETE FROM moderation_messages
	    WHERE created_at < now() - make_interval(days => p_days) RETURNING 1)
	SELECT count(*) INTO n FROM d;
	RETURN n;
END $$;
