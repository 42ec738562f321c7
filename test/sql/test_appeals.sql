-- Copyright (c) 2026 The Agora developers.
-- SPDX-License-Identifier: AGPL-3.0-or-later
--
-- Appeals (issue 13, item 5; migrations/functions/moderation.sql):
-- moderation_appeal_file() files one appeal per decision, by the author
-- only, within the delay, logged as 'appeal' and queued for a
-- re-examination; moderation_appeal_may_decide() and moderation_decide()
-- keep the moderator who took the decision away from it; another upholds
-- or reverses it.
\set ON_ERROR_STOP 1
BEGIN;
\ir fixtures.psql

SELECT pg_temp.person('Autrice') AS author, pg_temp.person('Premier') AS first,
    pg_temp.person('Seconde') AS second, pg_temp.person('Passant') AS stranger \gset
SELECT pg_temp.propose(:author, 'Des bornes de recharge partout') AS p \gset
SELECT pg_temp.reply(:author, :p, 'Un commentaire sur autre chose.') AS c \gset

-- Nothing to appeal yet.
SELECT is(moderation_appeal_file(:p, :author, 'Un motif valable', 30), 'not_decided',
    'appeal: a published contribution has no decision to appeal');
SELECT is(moderation_appeal_file(-1, :author, 'Un motif valable', 30), 'not_found',
    'appeal: an unknown contribution');

SELECT is(pg_temp.decide(:p, :first, 'hide', 'R4'), 'ok', 'the first moderator hides it');
SELECT (SELECT count(*) FROM moderation_log) AS log0,
    (SELECT decision_version FROM contributions WHERE id = :p) AS v0 \gset

SELECT is(moderation_appeal_file(:p, :stranger, 'Un motif valable', 30), 'not_author',
    'appeal: only the author');
SELECT is(moderation_appeal_file(:p, :first, 'Un motif valable', 30), 'not_author',
    'appeal: not the moderator either');
SELECT is(moderation_appeal_file(:p, :author, '   ', 30), 'invalid', 'appeal: a reason is required');
SELECT is(moderation_appeal_file(:p, :author, 'Un motif valable', 0), 'too_late',
    'appeal: not after the delay');
SELECT is((SELECT count(*) FROM moderation_log), :log0::bigint, 'appeal: a refusal logs nothing');
SELECT is((SELECT count(*) FROM appeals WHERE contribution_id = :p), 0::bigint,
    'appeal: a refusal records nothing');

-- Filed: logged, queued for a re-examination, a new version.
SELECT is(moderation_appeal_file(:p, :author, 'Elle porte bien sur le sujet.', 30), 'ok',
    'appeal: filed by the author');
SELECT results_eq($$SELECT status, decided_by, reason FROM appeals WHERE contribution_id = $$ || :p,
    format($$VALUES ('pending', %s::bigint, 'Elle porte bien sur le sujet.')$$, :first),
    'appeal: pending, against the first moderator''s decision');
SELECT results_eq($$SELECT moderator_id, action, from_status, to_status, rule_code
      FROM moderation_log ORDER BY id DESC LIMIT 1$$,
    $$VALUES (NULL::bigint, 'appeal', 'hidden', 'hidden', 'R4')$$,
    'appeal: one log row, action appeal, citing the decision''s rule');
SELECT is((SELECT hash FROM moderation_log ORDER BY id DESC LIMIT 1),
    (SELECT encode(sha256(convert_to(moderation_log_canonical(l), 'UTF8')), 'hex')
     FROM moderation_log l ORDER BY id DESC LIMIT 1), 'appeal: the row is chained like any other');
SELECT results_eq($$SELECT status, under_review, queue_reason, decision_version
      FROM contributions WHERE id = $$ || :p,
    format($$VALUES ('hidden', true, 'réexamen', %s)$$, :v0 + 1),
    'appeal: still hidden, back in the queue for a re-examination, a new version');
SELECT is(moderation_appeal_file(:p, :author, 'Encore une fois', 30), 'pending',
    'appeal: one waiting at a time');

-- The moderator who decided may neither take nor decide it.
SELECT is(moderation_appeal_may_decide((SELECT id FROM appeals WHERE contribution_id = :p), :first),
    false, 'may_decide: not the moderator who took the decision');
SELECT is(moderation_appeal_may_decide((SELECT id FROM appeals WHERE contribution_id = :p), :author),
    false, 'may_decide: not the author');
SELECT is(moderation_appeal_may_decide((SELECT id FROM appeals WHERE contribution_id = :p), :second),
    true, 'may_decide: another moderator');
SELECT is(moderation_appeal_may_decide(-1, :second), false, 'may_decide: an unknown appeal');
SELECT is(pg_temp.decide(:p, :first, 'restore'), 'appeal_own',
    'decide: the first moderator is refused');
SELECT is(pg_temp.decide(:p, :first, 'hide', 'R4'), 'appeal_own',
    'decide: even to uphold their own decision');
SELECT is((SELECT status FROM appeals WHERE contribution_id = :p), 'pending',
    'decide: the refusal leaves the appeal pending');

-- Another moderator reverses it: published, the appeal reversed.
SELECT is(pg_temp.decide(:p, :second, 'restore'), 'ok', 'decide: another moderator restores');
SELECT results_eq($$SELECT c.status, c.under_review, c.queue_reason, a.status, a.resolved_by,
      a.resolved_log_id = (SELECT max(id) FROM moderation_log)
      FROM contributions c JOIN appeals a ON a.contribution_id = c.id WHERE c.id = $$ || :p,
    format($$VALUES ('published', false, NULL::text, 'reversed', %s::bigint, true)$$, :second),
    'decide: published again, out of the queue, the appeal reversed by the last log row');
SELECT is((SELECT appeal_id FROM notifications WHERE contribution_id = :p ORDER BY id DESC LIMIT 1),
    (SELECT id FROM appeals WHERE contribution_id = :p), 'decide: the author''s notification names the appeal');
SELECT is((SELECT kind FROM outbox WHERE user_id = :author ORDER BY id DESC LIMIT 1), 'appeal',
    'decide: the author''s e-mail is the appeal''s');

-- Upheld: the decision on the appeal cannot itself be appealed.
SELECT is(pg_temp.decide(:c, :first, 'hide', 'R4'), 'ok', 'the comment is hidden');
SELECT is(moderation_appeal_file(:c, :author, 'Ce commentaire est dans le sujet.', 30), 'ok',
    'appeal: the comment''s');
SELECT is(pg_temp.decide(:c, :second, 'hide', 'R4'), 'ok', 'decide: another moderator upholds');
SELECT results_eq($$SELECT a.status, c.status FROM appeals a JOIN contributions c
      ON c.id = a.contribution_id WHERE a.contribution_id = $$ || :c,
    $$VALUES ('upheld', 'hidden')$$, 'decide: upheld, still hidden');
SELECT is(moderation_appeal_file(:c, :author, 'Je demande encore un réexamen.', 30), 'already',
    'appeal: one per decision, none against the decision on an appeal');

-- A later decision of its own may be appealed again.
SELECT is(pg_temp.decide(:p, :first, 'reject', 'R3'), 'ok', 'a new decision on the proposal');
SELECT is(moderation_appeal_file(:p, :author, 'Ce n''est pas de la publicité.', 30), 'ok',
    'appeal: a new decision, a new appeal');
SELECT is((SELECT count(*) FROM appeals WHERE contribution_id = :p), 2::bigint,
    'appeal: two appeals, one per decision');

-- Erasure takes the reasons with the account.
UPDATE users SET deleted_at = now() WHERE id = :author;
SELECT ok(moderation_notes_erase_about(:author) >= 0, 'erasure runs');
SELECT is((SELECT count(*) FROM appeals WHERE author_id = :author AND reason IS NOT NULL),
    0::bigint, 'erasure: the appeals'' reasons are erased');

SELECT * FROM finish();
ROLLBACK;
