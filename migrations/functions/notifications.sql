-- Notifications and following (issue 13, item 8): the events written in
-- the transaction of the change, their fan-out and the daily digest (run
-- by the mail sender's task), the kinds' default e-mail modes.
--
-- The current text of each function and trigger of the area, in one
-- place (see participation.sql).

-- The e-mail mode of a kind when the person chose none: an answer to
-- oneself or one's proposal comes at once, the activity of what one
-- follows in the daily digest.
CREATE OR REPLACE FUNCTION notify_default_mode(p_kind text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN p_kind IN ('activity', 'theme') THEN 'digest'
	    ELSE 'immediate' END
$$;

-- The mode of kind p_kind for person p_user.
CREATE OR REPLACE FUNCTION notify_mode(p_user bigint, p_kind text) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT coalesce((SELECT mode FROM notification_prefs
	    WHERE user_id = p_user AND kind = p_kind), notify_default_mode(p_kind))
$$;

-- A contribution enters the public set (published under public parents,
-- is_public: migration 0191) for the first time: one event. Imported
-- contributions (source set) concern nobody here. A second entry (hidden
-- then restored) finds its event and writes nothing.
CREATE OR REPLACE FUNCTION notify_contribution_public() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO notification_events (kind, contribution_id, actor_id)
	VALUES ('contribution', NEW.id, NEW.author_id)
	ON CONFLICT (kind, contribution_id) DO NOTHING;
	RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER notify_contribution_ins AFTER INSERT ON contributions
	FOR EACH ROW WHEN (NEW.is_public AND NEW.source IS NULL)
	EXECUTE FUNCTION notify_contribution_public();
-- Not UPDATE OF is_public: a status change sets is_public in a BEFORE
-- trigger (contributions_public_set), which UPDATE OF does not see.
CREATE OR REPLACE TRIGGER notify_contribution_upd AFTER UPDATE
	ON contributions FOR EACH ROW
	WHEN (NEW.is_public AND NOT OLD.is_public AND NEW.source IS NULL)
	EXECUTE FUNCTION notify_contribution_public();

-- A proposal's first official answer: one event (a correction is an
-- UPDATE, and notifies nobody again).
CREATE OR REPLACE FUNCTION notify_answer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO notification_events (kind, contribution_id, actor_id)
	VALUES ('answer', NEW.contribution_id, NEW.official_id)
	ON CONFLICT (kind, contribution_id) DO NOTHING;
	RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER notify_answer AFTER INSERT ON official_answers
	FOR EACH ROW EXECUTE FUNCTION notify_answer();

-- An erased account follows nothing and chooses nothing any more.
CREATE OR REPLACE FUNCTION notify_user_erased() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM follows WHERE user_id = NEW.id;
	DELETE FROM notification_prefs WHERE user_id = NEW.id;
	DELETE FROM notification_digests WHERE user_id = NEW.id;
	RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER notify_user_erased AFTER UPDATE OF deleted_at ON users
	FOR EACH ROW WHEN (OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL)
	EXECUTE FUNCTION notify_user_erased();

-- The next p_limit recipients of event p_event with an account id above
-- p_after, in id order, each with the kind of notification they get (one
-- per person: being answered directly wins over following). Never the
-- actor, never an erased account.
--   contribution, a proposal: the theme's followers (theme);
--   an argument: the proposal's author (argument), its followers (activity);
--   a comment: the author of what it answers (reply), the proposal's
--     followers and its author (activity);
--   answer: the proposal's author, its voters and followers (answer).
CREATE OR REPLACE FUNCTION notify_recipients(p_event bigint, p_after bigint,
    p_limit integer) RETURNS TABLE (user_id bigint, kind text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
	e	notification_events;
	c	contributions;
BEGIN
	SELECT * INTO e FROM notification_events WHERE id = p_event;
	SELECT * INTO c FROM contributions WHERE id = e.contribution_id;
	IF NOT FOUND THEN
		RETURN;
	END IF;
	RETURN QUERY
	SELECT DISTINCT ON (r.uid) r.uid, r.k FROM (
		SELECT par.author_id AS uid, CASE WHEN c.kind = 'argument'
		    THEN 'argument' ELSE 'reply' END AS k, 1 AS rank
		FROM contributions par
		WHERE e.kind = 'contribution' AND c.kind <> 'proposal'
		    AND par.id = c.parent_id AND par.author_id > p_after
		UNION ALL
		SELECT f.user_id, 'activity', 2 FROM follows f
		WHERE e.kind = 'contribution' AND c.kind <> 'proposal'
		    AND f.proposal_id = c.proposal_id AND f.user_id > p_after
		UNION ALL
		SELECT p.author_id, 'activity', 3 FROM contributions p
		WHERE e.kind = 'contribution' AND c.kind = 'comment'
		    AND p.id = c.proposal_id AND p.author_id > p_after
		UNION ALL
		SELECT f.user_id, 'theme', 2 FROM follows f
		WHERE e.kind = 'contribution' AND c.kind = 'proposal'
		    AND f.theme_id = c.theme_id AND f.user_id > p_after
		UNION ALL
		SELECT c.author_id, 'answer', 1
		WHERE e.kind = 'answer' AND c.author_id > p_after
		UNION ALL
		SELECT v.user_id, 'answer', 2 FROM votes v
		WHERE e.kind = 'answer' AND v.contribution_id = c.id
		    AND v.user_id > p_after
		UNION ALL
		SELECT f.user_id, 'answer', 3 FROM follows f
		WHERE e.kind = 'answer' AND f.proposal_id = c.id
		    AND f.user_id > p_after
	) r JOIN users u ON u.id = r.uid AND u.deleted_at IS NULL
	WHERE r.uid IS DISTINCT FROM e.actor_id
	ORDER BY r.uid, r.rank
	LIMIT p_limit;
END $$;

-- Fans out one batch of the oldest event still going: at most p_limit
-- recipients (notify_recipients) get their notification, and those whose
-- mode for its kind is 'immediate' a mail, of the texts p_subjects[i] and
-- p_bodies[i] for kind p_kinds[i] (app/core/mail_texts.def; placeholders
-- {title}, {excerpt}, {link}, {settings_link}; p_base the site's address).
-- Who already gets the official answer's own mail (its author and voters:
-- sql_answer_save) gets no second one. Returns the number of recipients
-- written, 0 when no event waits. Events are taken FOR UPDATE SKIP
-- LOCKED: two senders never fan out the same one.
CREATE OR REPLACE FUNCTION notify_fanout(p_limit integer, p_kinds text[],
    p_subjects text[], p_bodies text[], p_base text) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	e	notification_events;
	n	integer;
	last_id	bigint;
BEGIN
	SELECT * INTO e FROM notification_events WHERE fanned_out_at IS NULL
	ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED;
	IF NOT FOUND THEN
		RETURN 0;
	END IF;
	CREATE TEMPORARY TABLE IF NOT EXISTS notify_batch (user_id bigint,
	    kind text, mode text) ON COMMIT DELETE ROWS;
	DELETE FROM notify_batch;
	INSERT INTO notify_batch SELECT r.user_id, r.kind,
	    notify_mode(r.user_id, r.kind)
	FROM notify_recipients(e.id, e.fanout_after, p_limit) r;
	GET DIAGNOSTICS n = ROW_COUNT;
	INSERT INTO notifications (user_id, contribution_id, kind, event_id,
	    digest_pending)
	SELECT b.user_id, e.contribution_id, b.kind, e.id, b.mode = 'digest'
	FROM notify_batch b
	ON CONFLICT (event_id, user_id) WHERE event_id IS NOT NULL DO NOTHING;
	INSERT INTO outbox (user_id, recipient, subject, body, kind)
	SELECT u.id, u.email,
	    mail_fill(p_subjects[array_position(p_kinds, b.kind)],
	    ARRAY['title'], ARRAY[p.title]),
	    mail_fill(p_bodies[array_position(p_kinds, b.kind)],
	    ARRAY['title', 'excerpt', 'link', 'settings_link'],
	    ARRAY[p.title, left(c.body, 300),
	    p_base || '/propositions/' || p.id ||
	    CASE WHEN c.id <> p.id THEN '?voir=' || c.id || '#c' || c.id ELSE '' END,
	    p_base || '/compte/courriels']),
	    CASE WHEN b.kind = 'answer' THEN 'answer_follow' ELSE b.kind END
	FROM notify_batch b JOIN users u ON u.id = b.user_id
	JOIN contributions c ON c.id = e.contribution_id
	JOIN contributions p ON p.id = c.proposal_id
	WHERE b.mode = 'immediate' AND u.email IS NOT NULL
	    AND array_position(p_kinds, b.kind) IS NOT NULL
	    AND NOT (e.kind = 'answer' AND (u.id = p.author_id OR EXISTS
	    (SELECT 1 FROM votes v WHERE v.user_id = u.id
	     AND v.contribution_id = p.id)));
	SELECT max(user_id) INTO last_id FROM notify_batch;
	UPDATE notification_events SET fanout_after = coalesce(last_id, fanout_after),
	    fanned_out_at = CASE WHEN n < p_limit THEN now() END
	WHERE id = e.id;
	RETURN greatest(n, 1);
END $$;

-- Writes the daily digests due: once the hour p_hour (Europe/Paris) has
-- come, every person with notifications waiting for the digest and no
-- digest yet today gets one mail listing them (p_subject, p_body with
-- {count}, {lines}, {settings_link}; each line p_lines[i] for kind
-- p_kinds[i], with {title}, {link}), at most p_limit people per call.
-- Returns the number of digests written.
CREATE OR REPLACE FUNCTION notify_digest(p_limit integer, p_hour integer,
    p_kinds text[], p_lines text[], p_subject text, p_body text, p_base text)
    RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	today	date := (now() AT TIME ZONE 'Europe/Paris')::date;
	n	integer;
BEGIN
	IF extract(hour FROM now() AT TIME ZONE 'Europe/Paris') < p_hour THEN
		RETURN 0;
	END IF;
	PERFORM pg_advisory_xact_lock(hashtext('notify_digest'));
	WITH due AS (
		SELECT u.id, u.email FROM users u
		WHERE u.id IN (SELECT n.user_id FROM notifications n
		    WHERE n.digest_pending)
		    AND u.deleted_at IS NULL AND u.email IS NOT NULL
		    AND NOT EXISTS (SELECT 1 FROM notification_digests d
		    WHERE d.user_id = u.id AND d.sent_on >= today)
		ORDER BY u.id LIMIT p_limit),
	items AS (
		UPDATE notifications n SET digest_pending = false FROM due
		WHERE n.user_id = due.id AND n.digest_pending
		RETURNING n.user_id, n.kind, n.contribution_id, n.created_at),
	lines AS (
		SELECT i.user_id, count(*) AS total, string_agg(
		    mail_fill(p_lines[array_position(p_kinds, i.kind)],
		    ARRAY['title', 'link'], ARRAY[p.title,
		    p_base || '/propositions/' || p.id ||
		    CASE WHEN c.id <> p.id THEN '?voir=' || c.id || '#c' || c.id ELSE '' END]),
		    '' ORDER BY i.created_at, i.contribution_id) AS text
		FROM items i JOIN contributions c ON c.id = i.contribution_id
		JOIN contributions p ON p.id = c.proposal_id
		GROUP BY i.user_id),
	mails AS (
		INSERT INTO outbox (user_id, recipient, subject, body, kind)
		SELECT due.id, due.email, p_subject,
		    mail_fill(p_body, ARRAY['count', 'lines', 'settings_link'],
		    ARRAY[l.total::text, l.text, p_base || '/compte/courriels']),
		    'digest'
		FROM due JOIN lines l ON l.user_id = due.id
		RETURNING user_id)
	INSERT INTO notification_digests (user_id, sent_on)
	SELECT user_id, today FROM mails
	ON CONFLICT (user_id) DO UPDATE SET sent_on = EXCLUDED.sent_on;
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END $$;
