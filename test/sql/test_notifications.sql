-- Copyright (c) 2026 The Agora developers.
-- SPDX-License-Identifier: AGPL-3.0-or-later
--
-- Notifications and following (migrations/functions/notifications.sql):
-- the events the triggers write, who each one concerns (notify_recipients),
-- the fan-out in batches with its cursor (notify_fanout), the daily digest
-- (notify_digest), the default modes, and erasure.
\set ON_ERROR_STOP 1
BEGIN;
\ir fixtures.psql

-- Events of earlier runs are not this file's.
UPDATE notification_events SET fanned_out_at = now() WHERE fanned_out_at IS NULL;

SELECT pg_temp.person('Autrice') AS author, pg_temp.person('Argumente') AS arguer,
    pg_temp.person('Suiveuse') AS fan, pg_temp.person('Votant') AS voter,
    pg_temp.person('Modératrice') AS moderator, pg_temp.person('Élue') AS official \gset
SELECT pg_temp.propose(:author, 'Des pistes cyclables') AS p \gset

-- Default modes and the preference table.
SELECT is(notify_default_mode('reply'), 'immediate', 'default: a reply at once');
SELECT is(notify_default_mode('activity'), 'digest', 'default: what one follows in the digest');
SELECT is(notify_default_mode('theme'), 'digest', 'default: a followed theme in the digest');
SELECT is(notify_mode(:author, 'argument'), 'immediate', 'mode: the default without a choice');
INSERT INTO notification_prefs (user_id, kind, mode) VALUES (:author, 'argument', 'none');
SELECT is(notify_mode(:author, 'argument'), 'none', 'mode: the person''s choice');
DELETE FROM notification_prefs WHERE user_id = :author;

-- Triggers: one event per contribution entering the public set, once.
SELECT is((SELECT count(*) FROM notification_events WHERE contribution_id = :p
    AND kind = 'contribution' AND actor_id = :author), 1::bigint,
    'event: a published proposal writes one, its author the actor');
INSERT INTO follows (user_id, proposal_id) VALUES (:fan, :p);
SELECT pg_temp.reply(:arguer, :p, 'Plus sûr pour les enfants.', 'pour') AS arg \gset
SELECT is((SELECT count(*) FROM notification_events WHERE contribution_id = :arg), 1::bigint,
    'event: a published argument writes one');
UPDATE consultations SET moderation_mode = 'a_priori' WHERE is_primary;
SELECT pg_temp.reply(:arguer, :p, 'Un commentaire tenu.', NULL, :arg) AS held \gset
UPDATE consultations SET moderation_mode = 'a_posteriori' WHERE is_primary;
SELECT is((SELECT count(*) FROM notification_events WHERE contribution_id = :held), 0::bigint,
    'event: none for a pending contribution');
SELECT is(pg_temp.decide(:held, :moderator, 'publish'), 'ok', 'the moderator publishes it');
SELECT is((SELECT count(*) FROM notification_events WHERE contribution_id = :held), 1::bigint,
    'event: published by a moderator, one');
SELECT is(pg_temp.decide(:held, :moderator, 'hide', 'R3'), 'ok', 'hidden');
SELECT is(pg_temp.decide(:held, :moderator, 'restore'), 'ok', 'restored');
SELECT is((SELECT count(*) FROM notification_events WHERE contribution_id = :held), 1::bigint,
    'event: a restored contribution is not a second event');

-- notify_recipients: who each event concerns, one kind each.
SELECT results_eq(
    format($$SELECT user_id, kind FROM notify_recipients(
      (SELECT id FROM notification_events WHERE contribution_id = %s), 0, 100) ORDER BY 1$$, :arg),
    format($$VALUES (%s::bigint, 'argument'), (%s::bigint, 'activity')$$, :author, :fan),
    'recipients: an argument concerns the proposal''s author and its followers');
SELECT results_eq(
    format($$SELECT user_id, kind FROM notify_recipients(
      (SELECT id FROM notification_events WHERE contribution_id = %s), 0, 100) ORDER BY 1$$, :held),
    format($$VALUES (%s::bigint, 'activity'), (%s::bigint, 'activity')$$, :author, :fan),
    'recipients: a comment under an argument tells the proposal''s author (activity)');
INSERT INTO follows (user_id, proposal_id) VALUES (:author, :p);
SELECT results_eq(
    format($$SELECT user_id, kind FROM notify_recipients(
      (SELECT id FROM notification_events WHERE contribution_id = %s), 0, 100) ORDER BY 1$$, :held),
    format($$VALUES (%s::bigint, 'activity'), (%s::bigint, 'activity')$$, :author, :fan),
    'recipients: a comment on one''s own argument tells its followers, not its author');
SELECT pg_temp.reply(:author, :p, 'Merci pour l''argument.', NULL, :arg) AS thanks \gset
SELECT results_eq(
    format($$SELECT user_id, kind FROM notify_recipients(
      (SELECT id FROM notification_events WHERE contribution_id = %s), 0, 100) ORDER BY 1$$, :thanks),
    format($$VALUES (%s::bigint, 'reply'), (%s::bigint, 'activity')$$, :arguer, :fan),
    'recipients: a reply concerns the author of what it answers, and followers, not its author');
SELECT results_eq(
    format($$SELECT user_id FROM notify_recipients(
      (SELECT id FROM notification_events WHERE contribution_id = %s), %s, 100)$$, :thanks, :arguer),
    format($$VALUES (%s::bigint)$$, :fan),
    'recipients: the cursor skips account ids up to p_after');
SELECT is((SELECT count(*) FROM notify_recipients(
    (SELECT id FROM notification_events WHERE contribution_id = :thanks), 0, 1)), 1::bigint,
    'recipients: at most p_limit');
INSERT INTO follows (user_id, theme_id) SELECT :fan, theme_id FROM contributions WHERE id = :p;
SELECT pg_temp.propose(:arguer, 'Des abris pour vélos') AS p2 \gset
SELECT results_eq(
    format($$SELECT user_id, kind FROM notify_recipients(
      (SELECT id FROM notification_events WHERE contribution_id = %s), 0, 100)$$, :p2),
    format($$VALUES (%s::bigint, 'theme')$$, :fan),
    'recipients: a new proposal concerns its theme''s followers');
SELECT is(participation_vote(:voter, :p, 'agree'), 'ok', 'a vote');
INSERT INTO official_answers (contribution_id, status, body, body_html, official_id)
VALUES (:p, 'retenue', 'Oui.', '<p>Oui.</p>', :official);
SELECT results_eq(
    format($$SELECT user_id, kind FROM notify_recipients(
      (SELECT id FROM notification_events WHERE contribution_id = %s AND kind = 'answer'), 0, 100)
      ORDER BY 1$$, :p),
    format($$VALUES (%s::bigint, 'answer'), (%s::bigint, 'answer'), (%s::bigint, 'answer')$$,
      :author, :fan, :voter),
    'recipients: an answer concerns the author, the followers and the voters, once each');
UPDATE official_answers SET body = 'Oui, en 2027.' WHERE contribution_id = :p;
INSERT INTO official_answers (contribution_id, status, body, body_html, official_id)
VALUES (:p, 'retenue', 'Oui.', '<p>Oui.</p>', :official)
ON CONFLICT (contribution_id) DO UPDATE SET body = EXCLUDED.body;
SELECT is((SELECT count(*) FROM notification_events WHERE contribution_id = :p AND kind = 'answer'),
    1::bigint, 'event: a corrected answer is not a new event');

-- notify_fanout: batches, notifications, immediate mails only.
UPDATE notification_events SET fanned_out_at = now() WHERE fanned_out_at IS NULL
    AND contribution_id <> :arg;
INSERT INTO notification_prefs (user_id, kind, mode) VALUES (:fan, 'activity', 'immediate');
SELECT is(notify_fanout(1, ARRAY['argument', 'activity'], ARRAY['S arg {title}', 'S act {title}'],
    ARRAY['B arg {link}', 'B act {link}'], 'https://agora.test'), 1, 'fanout: a first batch of one');
SELECT is((SELECT fanned_out_at FROM notification_events WHERE contribution_id = :arg), NULL,
    'fanout: a full batch keeps the event going');
SELECT is((SELECT fanout_after FROM notification_events WHERE contribution_id = :arg), :author::bigint,
    'fanout: the cursor stands at the last recipient written');
SELECT is(notify_fanout(1, ARRAY['argument', 'activity'], ARRAY['S arg {title}', 'S act {title}'],
    ARRAY['B arg {link}', 'B act {link}'], 'https://agora.test'), 1, 'fanout: the second batch');
SELECT is(notify_fanout(1, ARRAY['argument', 'activity'], ARRAY['S arg {title}', 'S act {title}'],
    ARRAY['B arg {link}', 'B act {link}'], 'https://agora.test'), 1, 'fanout: an empty batch ends it');
SELECT isnt((SELECT fanned_out_at FROM notification_events WHERE contribution_id = :arg), NULL,
    'fanout: the event is done');
SELECT is(notify_fanout(1, ARRAY['argument'], ARRAY['S'], ARRAY['B'], 'https://agora.test'), 0,
    'fanout: 0 when no event waits');
SELECT results_eq(
    format($$SELECT user_id, kind, digest_pending FROM notifications WHERE contribution_id = %s
      ORDER BY user_id$$, :arg),
    format($$VALUES (%s::bigint, 'argument', false), (%s::bigint, 'activity', false)$$, :author, :fan),
    'fanout: one notification per recipient, of its kind');
SELECT results_eq(
    format($$SELECT user_id, kind, subject, body FROM outbox WHERE user_id IN (%s, %s)
      AND kind IN ('argument', 'activity') ORDER BY user_id$$, :author, :fan),
    format($$VALUES (%s::bigint, 'argument', 'S arg Des pistes cyclables',
      'B arg https://agora.test/propositions/%s?voir=%s#c%s'),
      (%s::bigint, 'activity', 'S act Des pistes cyclables',
      'B act https://agora.test/propositions/%s?voir=%s#c%s')$$, :author, :p, :arg, :arg,
      :fan, :p, :arg, :arg),
    'fanout: an immediate mail each, its texts filled');

-- notify_digest: at its hour, once a day, every pending notification.
UPDATE notification_events SET fanned_out_at = NULL, fanout_after = 0
    WHERE contribution_id = :thanks;
UPDATE notification_prefs SET mode = 'digest' WHERE user_id = :fan;
SELECT is(notify_fanout(100, ARRAY['reply', 'activity'], ARRAY['S', 'S'], ARRAY['B', 'B'],
    'https://agora.test'), 2, 'fanout: the reply''s two recipients');
SELECT is((SELECT digest_pending FROM notifications n JOIN notification_events e ON e.id = n.event_id
    WHERE e.contribution_id = :thanks AND n.user_id = :fan), true,
    'fanout: a digest-mode notification waits for the digest');
SELECT is((SELECT count(*) FROM outbox WHERE user_id = :fan AND kind = 'activity'), 1::bigint,
    'fanout: and no mail of its own');
SELECT is(notify_digest(10, 24, ARRAY['activity'], ARRAY['- {title} {link}' || chr(10)],
    'Résumé', 'Vous avez {count} : {lines}Réglages : {settings_link}', 'https://agora.test'), 0,
    'digest: none before its hour');
SELECT is(notify_digest(10, 0, ARRAY['activity'], ARRAY['- {title} {link}' || chr(10)],
    'Résumé', 'Vous avez {count} : {lines}Réglages : {settings_link}', 'https://agora.test') >= 1,
    true, 'digest: written from its hour');
SELECT is((SELECT body FROM outbox WHERE user_id = :fan AND kind = 'digest'),
    format(E'Vous avez 1 : - Des pistes cyclables https://agora.test/propositions/%s?voir=%s#c%s\nRéglages : https://agora.test/compte/courriels',
    :p, :thanks, :thanks), 'digest: one line per notification');
SELECT is((SELECT count(*) FROM notifications WHERE user_id = :fan AND digest_pending), 0::bigint,
    'digest: its notifications are no longer pending');
UPDATE notifications SET digest_pending = true WHERE user_id = :fan;
SELECT is(notify_digest(10, 0, ARRAY['activity'], ARRAY['x'], 'R', 'B', 'https://agora.test'), 0,
    'digest: one a day per person');
SELECT is((SELECT count(*) FROM outbox WHERE user_id = :fan AND kind = 'digest'), 1::bigint,
    'digest: still one mail today');

-- Erasure: one follows and chooses nothing more.
SELECT user_erase(:fan, NULL);
SELECT is((SELECT count(*) FROM follows WHERE user_id = :fan)
    + (SELECT count(*) FROM notification_prefs WHERE user_id = :fan)
    + (SELECT count(*) FROM notification_digests WHERE user_id = :fan), 0::bigint,
    'erasure: follows, preferences and digests go');
SELECT is((SELECT count(*) FROM notify_recipients(
    (SELECT id FROM notification_events WHERE contribution_id = :thanks), 0, 100)
    WHERE user_id = :fan), 0::bigint, 'erasure: an erased account is nobody''s recipient');

SELECT * FROM finish();
ROLLBACK;
