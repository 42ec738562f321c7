-- Copyright (c) 2026 The Agora developers.
-- SPDX-License-Identifier: AGPL-3.0-or-later
--
-- moderation_decide (migrations/functions/moderation.sql): each decision,
-- each refusal (a stale status or version, one's own text, a missing
-- rule, a decision the status does not allow), the log row appended to
-- the chain, the author's notification and e-mail, and the replies whose
-- visibility follows their thread (is_public) without their own status
-- changing.
\set ON_ERROR_STOP 1
BEGIN;
\ir fixtures.psql

SELECT pg_temp.person('Autrice') AS author, pg_temp.person('Modératrice') AS moder,
    pg_temp.person('Voisin') AS other \gset
SELECT pg_temp.propose(:author, 'Des pistes cyclables sûres') AS p \gset
SELECT pg_temp.reply(:other, :p, 'Elles évitent bien des accidents.', 'pour') AS arg \gset
SELECT pg_temp.reply(:author, :p, 'Lesquelles en premier ?') AS c1 \gset
SELECT pg_temp.reply(:other, :p, 'Celles des écoles.', NULL, :c1) AS c2 \gset
SELECT pg_temp.reply(:author, :p, 'Et devant les collèges.', NULL, :c2) AS c3 \gset
SELECT participation_vote(:other, :p, 'agree') AS ignored \gset
SELECT (SELECT count(*) FROM moderation_log) AS log0,
    coalesce((SELECT hash FROM moderation_log ORDER BY id DESC LIMIT 1), repeat('0', 64)) AS head0 \gset

-- Refusals: nothing changes, nothing is logged
SELECT is(moderation_decide(-1, :moder, 'abcdef012345', 'hide', 'published', 0, 'R1', NULL, NULL,
    'Sujet', 'Corps', '{rule}', '{note}'), 'not_found', 'decide: an unknown contribution');
SELECT is(moderation_decide(:p, :moder, 'abcdef012345', 'hide', 'pending', 0, 'R1', NULL, NULL,
    'Sujet', 'Corps', '{rule}', '{note}'), 'conflict', 'decide: a stale status (another moderator decided first)');
SELECT is(moderation_decide(:p, :moder, 'abcdef012345', 'hide', 'published', 7, 'R1', NULL, NULL,
    'Sujet', 'Corps', '{rule}', '{note}'), 'conflict', 'decide: a stale version');
SELECT is(pg_temp.decide(:p, :author, 'hide', 'R1'), 'own', 'decide: not on one''s own text');
SELECT is(pg_temp.decide(:p, :moder, 'hide'), 'rule_required', 'decide: hiding names a rule');
SELECT is(pg_temp.decide(:p, :moder, 'reject'), 'rule_required', 'decide: rejecting names a rule');
SELECT is(pg_temp.decide(:p, :moder, 'publish'), 'invalid',
    'decide: publishing what is published and not under review');
SELECT is(pg_temp.decide(:p, :moder, 'restore'), 'invalid', 'decide: restoring what is published');
SELECT is(pg_temp.decide(:p, :moder, 'supprimer', 'R1'), 'invalid', 'decide: an unknown decision');
SELECT results_eq($$SELECT status, decision_version FROM contributions WHERE id = $$ || :p,
    $$VALUES ('published', 0)$$, 'decide: a refusal changes nothing');
SELECT is((SELECT count(*) FROM moderation_log), :log0::bigint, 'decide: a refusal logs nothing');

-- Hide the proposal: the thread leaves the public set, its statuses stay
SELECT is(pg_temp.decide(:p, :moder, 'hide', 'R2'), 'ok', 'decide: hide');
SELECT results_eq($$SELECT status, decision_version, is_public, moderation_rule, under_review
      FROM contributions WHERE id = $$ || :p,
    $$VALUES ('hidden', 1, false, 'R2', false)$$, 'decide: hidden, version 1, not public');
SELECT results_eq(format($$SELECT count(*) FILTER (WHERE is_public),
      count(*) FILTER (WHERE status = 'published') FROM contributions WHERE id IN (%s, %s, %s, %s)$$,
      :arg, :c1, :c2, :c3),
    $$VALUES (0::bigint, 4::bigint)$$,
    'decide: the replies of a hidden thread are not public, and still published');
SELECT is((SELECT replies FROM contributions WHERE id = :p), 0, 'decide: the thread counts no public reply');
SELECT is((SELECT count(*) FROM moderation_log), :log0::bigint + 1, 'decide: one log row appended');
SELECT results_eq($$SELECT moderator_id, moderator_ref, action, from_status, to_status, rule_code,
      prev_hash, form FROM moderation_log ORDER BY id DESC LIMIT 1$$,
    format($$VALUES (%s::bigint, 'abcdef012345', 'hide', 'published', 'hidden', 'R2', %s, 2::smallint)$$,
      :moder, quote_literal(:'head0')),
    'decide: the log row says who, what, from, to and why, chained to the previous head');
SELECT is((SELECT hash FROM moderation_log ORDER BY id DESC LIMIT 1),
    (SELECT encode(sha256(convert_to(moderation_log_canonical(l), 'UTF8')), 'hex')
     FROM moderation_log l ORDER BY id DESC LIMIT 1), 'decide: the row''s hash covers its fields');
SELECT results_eq($$SELECT user_id, decision, rule FROM notifications WHERE contribution_id = $$ || :p,
    format($$VALUES (%s::bigint, 'hide', 'R2')$$, :author), 'decide: the author is notified');
SELECT ok((SELECT subject FROM outbox WHERE user_id = :author ORDER BY id DESC LIMIT 1)
    = 'Votre contribution a été masquée', 'decide: and sent an e-mail');
SELECT is(participation_vote(:other, :p, 'disagree'), 'unpublished', 'decide: a hidden proposal takes no vote');
SELECT is(pg_temp.decide(:p, :moder, 'hide', 'R2'), 'invalid', 'decide: hiding what is hidden');
SELECT is(pg_temp.decide(:p, :moder, 'publish'), 'invalid', 'decide: publishing what is hidden');

-- Restore: the thread comes back
SELECT is(pg_temp.decide(:p, :moder, 'restore'), 'ok', 'decide: restore');
SELECT results_eq($$SELECT status, decision_version, is_public FROM contributions WHERE id = $$ || :p,
    $$VALUES ('published', 2, true)$$, 'decide: published again, version 2');
SELECT is((SELECT count(*) FROM contributions WHERE id IN (:arg, :c1, :c2, :c3) AND is_public), 4::bigint,
    'decide: the replies are public again');
SELECT is((SELECT replies FROM contributions WHERE id = :p), 4, 'decide: the thread counts them again');
SELECT results_eq($$SELECT action, from_status, to_status, prev_hash = lag(hash) OVER (ORDER BY id)
      FROM moderation_log ORDER BY id DESC LIMIT 1$$,
    $$SELECT 'restore'::text, 'hidden'::text, 'published'::text, true$$,
    'decide: the restore is logged');

-- A reply in the middle of a thread: its subtree follows, not its siblings
SELECT is(pg_temp.decide(:c2, :moder, 'reject', 'R5'), 'ok', 'decide: reject a reply');
SELECT results_eq(format($$SELECT id, status, is_public FROM contributions WHERE id IN (%s, %s, %s, %s)
      ORDER BY id$$, :arg, :c1, :c2, :c3),
    format($$VALUES (%s::bigint, 'published', true), (%s, 'published', true), (%s, 'rejected', false),
      (%s, 'published', false)$$, :arg, :c1, :c2, :c3),
    'decide: under a rejected reply nothing is public; the rest of the thread is');
SELECT is((SELECT replies FROM contributions WHERE id = :p), 2, 'decide: the thread counts what is left');
SELECT is(pg_temp.decide(:c2, :moder, 'restore'), 'ok', 'decide: restore a rejected reply');
SELECT is((SELECT count(*) FROM contributions WHERE id IN (:c2, :c3) AND is_public), 2::bigint,
    'decide: the subtree is public again');
SELECT is(pg_temp.decide(:c3, :moder, 'hide', 'R1'), 'ok', 'decide: hide a leaf');
SELECT is((SELECT replies FROM contributions WHERE id = :p), 3, 'decide: one reply less');

-- Pending texts: publish, reject
UPDATE consultations SET moderation_mode = 'a_priori' WHERE is_primary;
SELECT pg_temp.propose(:other, 'Un parking à vélos gardé') AS q \gset
SELECT pg_temp.propose(:other, 'Une proposition à refuser ici') AS r \gset
SELECT is((SELECT status FROM contributions WHERE id = :q), 'pending', 'pending: a priori');
SELECT is(pg_temp.decide(:q, :moder, 'restore'), 'invalid', 'decide: restoring what is pending');
SELECT is(pg_temp.decide(:q, :moder, 'publish'), 'ok', 'decide: publish a pending proposal');
SELECT results_eq($$SELECT status, is_public, queued_at FROM contributions WHERE id = $$ || :q,
    $$VALUES ('published', true, NULL::timestamptz)$$, 'decide: published, public, out of the queue');
SELECT pg_temp.reply(:author, :q, 'Gardé par qui ?', 'contre') AS qa \gset
UPDATE consultations SET moderation_mode = 'a_posteriori' WHERE is_primary;
SELECT is((SELECT is_public FROM contributions WHERE id = :qa), false,
    'decide: its pending argument is still not public');
SELECT ok((SELECT queued_at IS NOT NULL FROM moderation_log ORDER BY id DESC LIMIT 1),
    'decide: the log keeps when a pending text entered the queue');
SELECT is(pg_temp.decide(:qa, :moder, 'publish'), 'ok', 'decide: publish the pending argument');
SELECT is((SELECT replies FROM contributions WHERE id = :q), 1, 'decide: the thread counts it');
SELECT is(pg_temp.decide(:r, :moder, 'reject', 'R3'), 'ok', 'decide: reject a pending proposal');
SELECT results_eq($$SELECT status, is_public FROM contributions WHERE id = $$ || :r,
    $$VALUES ('rejected', false)$$, 'decide: rejected');
SELECT is(pg_temp.decide(:r, :moder, 'publish'), 'invalid', 'decide: publishing what is rejected');
SELECT is(pg_temp.decide(:r, :moder, 'restore'), 'ok', 'decide: restoring what was rejected');

-- Under review (flags): publishing keeps it and clears the review
UPDATE contributions SET under_review = true, queued_at = now(), flag_count = 3 WHERE id = :q;
SELECT is(pg_temp.decide(:q, :moder, 'publish'), 'ok', 'decide: keep a flagged text published');
SELECT results_eq($$SELECT status, under_review, flag_count, decision_version FROM contributions
      WHERE id = $$ || :q,
    $$VALUES ('published', false, 0, 2)$$, 'decide: the review is over, the version moves');

-- A note goes with its commitment, kept apart from the chained row
SELECT is(moderation_decide(:arg, :moder, 'abcdef012345', 'hide', 'published',
    (SELECT decision_version FROM contributions WHERE id = :arg), 'R4', 'Propos déplacés.',
    repeat('ab', 32), 'Votre contribution a été masquée', 'Corps {note_line}',
    '{rule}', E'\nNote : {note}\n'), 'ok', 'decide: with a note');
SELECT results_eq($$SELECT l.note, l.note_mac, n.note FROM moderation_log l
      JOIN moderation_notes n ON n.log_id = l.id ORDER BY l.id DESC LIMIT 1$$,
    $$VALUES (NULL::text, repeat('ab', 32), 'Propos déplacés.')$$,
    'decide: the log chains the note''s commitment; the note is kept beside it');
SELECT is((SELECT count(*) FROM moderation_log), :log0::bigint + 11, 'decide: one row per accepted decision');
SELECT is((SELECT count(*) FROM (SELECT id, prev_hash, lag(hash) OVER (ORDER BY id) AS prev
      FROM moderation_log) x WHERE prev IS NOT NULL AND prev <> prev_hash), 0::bigint,
    'decide: the log is one chain');

SELECT * FROM finish();
ROLLBACK;
