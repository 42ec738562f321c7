-- Copyright (c) 2026 The Agora developers.
-- SPDX-License-Identifier: AGPL-3.0-or-later
--
-- The contact form's functions (migrations/functions/contact.sql):
-- contact_send records the message and mails each live moderator;
-- contact_purge erases old messages and their mail.
\set ON_ERROR_STOP 1
BEGIN;
\ir fixtures.psql

SELECT pg_temp.person('Modératrice') AS mod, pg_temp.person('Partie') AS gone,
    pg_temp.person('Habitante') AS citizen \gset
INSERT INTO user_roles (user_id, role) VALUES (:mod, 'moderator'), (:gone, 'moderator');
UPDATE users SET deleted_at = now() WHERE id = :gone;

SELECT contact_send(NULL, 'decision', 'Une décision', 'Bonjour la modération.', '/propositions/3',
    'visiteur@example.org', 'Objet : {subject}', 'De {from} sur {link} : {body} ({url})',
    'http://x/moderation/messages') AS m1 \gset
SELECT results_eq($$SELECT subject, body, link, sender_id, reply_email FROM moderation_messages
    WHERE id = $$ || :m1,
    $$VALUES ('decision', 'Bonjour la modération.', '/propositions/3', NULL::bigint,
      'visiteur@example.org')$$, 'send: an anonymous visitor''s message with its reply address');
SELECT results_eq($$SELECT subject, body FROM outbox WHERE kind = 'contact'
    AND created_at = now() AND user_id = $$ || :mod,
    $$VALUES ('Objet : Une décision',
      'De visiteur anonyme, réponse à visiteur@example.org sur /propositions/3 : '
      || 'Bonjour la modération. (http://x/moderation/messages)')$$,
    'send: one mail to the moderator, filled');
SELECT is((SELECT count(*) FROM outbox WHERE created_at = now() AND user_id = :gone), 0::bigint,
    'send: none to a deleted moderator');
SELECT is((SELECT count(*) FROM outbox WHERE created_at = now() AND user_id = :citizen), 0::bigint,
    'send: none to a citizen');

SELECT contact_send(:citizen, 'autre', 'Autre', 'Une question.', '', 'ignorée@example.org',
    '{subject}', '{from} {link}', 'u') AS m2 \gset
SELECT results_eq($$SELECT sender_id, reply_email, link FROM moderation_messages WHERE id = $$ || :m2,
    $$VALUES ($$ || :citizen || $$::bigint, NULL::text, NULL::text)$$,
    'send: an account''s message keeps no other address, an empty link is none');
SELECT matches((SELECT body FROM outbox WHERE kind = 'contact' AND user_id = :mod
    ORDER BY id DESC LIMIT 1),
    '^Habitante \(compte n° [0-9]+\), réponse à .*@sqltest.invalid aucun$',
    'send: the mail says who and where to reply');
SELECT throws_ok($$SELECT contact_send(NULL, 'pas-un-objet', 'x', 'y', '', 'a@b.c', 's', 'b', 'u')$$,
    '23514', NULL, 'send: an unknown subject is refused by the table');
SELECT throws_ok($$SELECT contact_send(NULL, 'autre', 'x', 'y', '', NULL, 's', 'b', 'u')$$,
    '23514', NULL, 'send: someone to answer is required');

-- contact_purge
UPDATE moderation_messages SET created_at = now() - interval '40 days' WHERE id = :m1;
UPDATE outbox SET created_at = now() - interval '40 days'
    WHERE kind = 'contact' AND body LIKE '%Bonjour la modération%';
SELECT is(contact_purge(30), 1::bigint, 'purge: one message older than the period');
SELECT is((SELECT count(*) FROM moderation_messages WHERE id = :m1), 0::bigint, 'purge: erased');
SELECT is((SELECT count(*) FROM moderation_messages WHERE id = :m2), 1::bigint, 'purge: a recent one stays');
SELECT is((SELECT count(*) FROM outbox WHERE body LIKE '%Bonjour la modération%'), 0::bigint,
    'purge: its mail too');
SELECT is((SELECT count(*) FROM outbox_erased e WHERE NOT EXISTS
    (SELECT 1 FROM outbox o WHERE o.id = e.outbox_id)) > 0, true,
    'purge: the erased mail is recorded for its file');

SELECT * FROM finish();
ROLLBACK;
