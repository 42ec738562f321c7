-- Copyright (c) 2026 The Agora developers.
-- SPDX-License-Identifier: AGPL-3.0-or-later
--
-- The edits of arguments and comments (migrations/functions/edits.sql):
-- participation_edit_reply's refusals and successes, the versions it keeps,
-- the queue in a priori mode (contribution_edit_hold), fr_date_time.
\set ON_ERROR_STOP 1
BEGIN;
\ir fixtures.psql

SELECT pg_temp.person('Autrice') AS author, pg_temp.person('Voisine') AS other \gset
SELECT pg_temp.propose(:author, 'Des fontaines en ville') AS p \gset
SELECT pg_temp.reply(:author, :p, 'Un argument avec une fote.', 'pour') AS arg \gset
SELECT pg_temp.reply(:author, :p, 'Un commentaire avec une fote.') AS com \gset

SELECT is(participation_edit_reply(:other, :arg, 'Piraté.', '<p>Piraté.</p>', 30), 'missing',
    'edit_reply: someone else''s text is not found');
SELECT is(participation_edit_reply(:author, :p, 'x', '<p>x</p>', 30), 'missing',
    'edit_reply: a proposal is not a reply (participation_edit edits it)');
SELECT is(participation_edit_reply(:author, :arg, 'Un argument sans faute.',
    '<p>Un argument sans faute.</p>', 30), 'ok', 'edit_reply: its author, in the window');
SELECT results_eq($$SELECT body, edited_at IS NOT NULL, status FROM contributions WHERE id = $$ || :arg,
    $$VALUES ('Un argument sans faute.', true, 'published')$$, 'edit_reply: the new text, marked edited');
SELECT results_eq($$SELECT version, body, edited_by FROM contribution_versions WHERE contribution_id = $$ || :arg,
    $$VALUES (1, 'Un argument avec une fote.', $$ || :author || $$::bigint)$$,
    'edit_reply: the earlier text kept as version 1');
SELECT is(participation_edit_reply(:author, :com, 'Un commentaire sans faute.',
    '<p>x</p>', 30), 'ok', 'edit_reply: a comment too');

-- the window
UPDATE contributions SET created_at = now() - interval '1 hour' WHERE id = :com;
SELECT is(participation_edit_reply(:author, :com, 'Trop tard.', '<p>x</p>', 30), 'edit_too_late',
    'edit_reply: after the window');
SELECT is((SELECT body FROM contributions WHERE id = :com), 'Un commentaire sans faute.',
    'edit_reply: a refusal writes nothing');

-- the caps
SET LOCAL agora.proposal_max_edits = '1';
SELECT is(participation_edit_reply(:author, :arg, 'Encore.', '<p>x</p>', 30), 'edit_too_many',
    'edit_reply: capped per text');
RESET agora.proposal_max_edits;
SET LOCAL agora.account_max_edits_per_hour = '2';
SELECT is(participation_edit_reply(:author, :arg, 'Encore.', '<p>x</p>', 30), 'edit_rate',
    'edit_reply: capped per account and hour');
RESET agora.account_max_edits_per_hour;

-- a priori: back in the queue, hidden until approved again
UPDATE consultations SET moderation_mode = 'a_priori' WHERE is_primary;
SELECT is(contribution_edit_hold(c, :author, 'Un texte tout neuf.'), 'modifiée',
    'edit_hold: a published text edited in a priori mode is held')
    FROM contributions c WHERE id = :arg;
SELECT is(participation_edit_reply(:author, :arg, 'Un texte tout neuf.', '<p>x</p>', 30), 'pending',
    'edit_reply: a priori, pending');
SELECT results_eq($$SELECT status, queue_reason, is_public FROM contributions WHERE id = $$ || :arg,
    $$VALUES ('pending', 'modifiée', false)$$, 'edit_reply: back in the queue, not public');
SELECT is(contribution_edit_hold(c, :author, 'Autre.'), NULL,
    'edit_hold: a text already waiting stays as it is')
    FROM contributions c WHERE id = :arg;
UPDATE consultations SET moderation_mode = 'a_posteriori' WHERE is_primary;

-- withdrawn: no edit
SELECT is(code, 'ok', 'withdraw the comment') FROM participation_withdraw(:author, :com);
UPDATE contributions SET created_at = now() WHERE id = :com;
SELECT is(participation_edit_reply(:author, :com, 'Revenu.', '<p>x</p>', 30), 'missing',
    'edit_reply: a withdrawn text cannot be edited');

-- contribution_thread_open: the replies under a withdrawn text stay public,
-- until a moderator hides the withdrawn text (then they follow it)
SELECT pg_temp.person('Modérateur') AS moder \gset
INSERT INTO user_roles (user_id, role) VALUES (:moder, 'moderator');
SELECT pg_temp.reply(:author, :p, 'Un argument retiré ensuite.', 'contre') AS gone \gset
SELECT pg_temp.reply(:other, :p, 'La réponse d''une autre.', NULL, :gone) AS under \gset
SELECT pg_temp.reply(:author, :p, 'Une réponse à la réponse.', NULL, :under) AS deeper \gset
SELECT replies AS before FROM contributions WHERE id = :p \gset
SELECT is(code, 'ok', 'withdraw the argument') FROM participation_withdraw(:author, :gone);
SELECT is(contribution_thread_open(:gone), true, 'thread_open: a withdrawn, published text');
SELECT results_eq($$SELECT is_public FROM contributions WHERE id IN ($$ || :gone || ',' || :under
    || ',' || :deeper || ') ORDER BY id', $$VALUES (false), (true), (true)$$,
    'withdrawn: the text leaves, the replies under it stay');
SELECT is((SELECT replies FROM contributions WHERE id = :p), :before - 1,
    'withdrawn: the counter loses one');
SELECT is(pg_temp.decide(:gone, :moder, 'hide', 'R1'), 'ok', 'hide the withdrawn argument');
SELECT is(contribution_thread_open(:gone), false, 'thread_open: hidden closes it');
SELECT results_eq($$SELECT is_public FROM contributions WHERE id IN ($$ || :under || ','
    || :deeper || ') ORDER BY id', $$VALUES (false), (false)$$,
    'hidden: the replies under it follow');
SELECT is((SELECT replies FROM contributions WHERE id = :p), :before - 3,
    'hidden: the counter follows');
SELECT is(pg_temp.decide(:gone, :moder, 'restore'), 'ok', 'restore it');
SELECT results_eq($$SELECT is_public FROM contributions WHERE id IN ($$ || :gone || ',' || :under
    || ',' || :deeper || ') ORDER BY id', $$VALUES (false), (true), (true)$$,
    'restored: still withdrawn, its replies back');
SELECT contributions_public_rebuild();
SELECT results_eq($$SELECT is_public FROM contributions WHERE id IN ($$ || :gone || ',' || :under
    || ',' || :deeper || ') ORDER BY id', $$VALUES (false), (true), (true)$$,
    'the rebuild agrees');
SELECT is((SELECT replies FROM contributions WHERE id = :p), :before - 1,
    'the rebuilt counter agrees');

SELECT is(fr_date_time('2026-12-02 13:05:00+00'), '2 décembre 2026 à 14 h 05',
    'fr_date_time: Paris time, hours and minutes');

SELECT * FROM finish();
ROLLBACK;
