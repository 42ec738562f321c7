-- Copyright (c) 2026 The Agora developers.
-- SPDX-License-Identifier: AGPL-3.0-or-later
--
-- The participation_* functions (migrations/functions/participation.sql):
-- each refusal code and each success path, one person one vote, the edit
-- window, the counters their triggers keep, the spam brakes.
\set ON_ERROR_STOP 1
BEGIN;
\ir fixtures.psql

SELECT pg_temp.person('Autrice') AS author, pg_temp.person('Votant') AS voter,
    pg_temp.person('Voisine') AS other, pg_temp.primary_id() AS cons \gset
SELECT pg_temp.propose(:author, 'Des bancs dans les parcs') AS p \gset
SELECT pg_temp.reply(:other, :p, 'Utile aux aînés du quartier.', 'pour') AS arg \gset

-- participation_propose
SELECT results_eq(
    $$SELECT status, is_public, proposal_id = id, kind, theme_id
      FROM contributions WHERE id = $$ || :p,
    $$VALUES ('published', true, true, 'proposal',
      (SELECT id FROM themes WHERE slug = 'ethique' AND consultation_id = $$ || :cons || $$))$$,
    'propose: a published proposal of its theme, its own thread (proposal_id = id)');
SELECT is(code, 'missing', 'propose: an unknown theme is refused')
    FROM participation_propose(:author, 'pas-un-theme', 'Un titre', 'Un texte assez long.',
    '<p>x</p>', NULL, NULL);
SELECT is((SELECT count(*) FROM contributions WHERE title = 'Un titre'), 0::bigint,
    'propose: a refusal writes nothing');

-- participation_refusal: NULL when one may participate, else why
SELECT is(participation_refusal(:p), NULL, 'refusal: none on a published proposal of an open consultation');
SELECT is(participation_refusal(-1), 'missing', 'refusal: missing for an unknown id');
SELECT is(participation_refusal(:arg), 'missing', 'refusal: missing for an argument (not a proposal)');

-- participation_vote: ok, change, same again, withdraw
SELECT is(participation_vote(:voter, :p, 'agree'), 'ok', 'vote: ok');
SELECT results_eq($$SELECT votes_agree, votes_mixed, votes_disagree FROM proposal_votes WHERE contribution_id = $$ || :p,
    $$VALUES (1, 0, 0)$$, 'vote: the counters count it');
SELECT is(participation_vote(:voter, :p, 'disagree'), 'ok', 'vote: a change is ok');
SELECT is((SELECT count(*) FROM votes WHERE user_id = :voter AND contribution_id = :p), 1::bigint,
    'one person, one vote: a change replaces the vote');
SELECT results_eq($$SELECT votes_agree, votes_mixed, votes_disagree FROM proposal_votes WHERE contribution_id = $$ || :p,
    $$VALUES (0, 0, 1)$$, 'vote: the counters move with the change');
SELECT is(participation_vote(:voter, :p, 'disagree'), 'ok', 'vote: the same choice again is ok');
SELECT is((SELECT choice FROM votes WHERE user_id = :voter AND contribution_id = :p), 'disagree',
    'vote: the same choice again keeps one vote');
SELECT is(participation_vote(:other, :p, 'mixed'), 'ok', 'vote: a second person');
SELECT results_eq($$SELECT votes_agree, votes_mixed, votes_disagree, votes_total FROM proposal_votes WHERE contribution_id = $$ || :p,
    $$VALUES (0, 1, 1, 2)$$, 'vote: two people, two votes');
SELECT is(participation_vote(:voter, :p, 'none'), 'ok', 'vote: withdrawing is ok');
SELECT is((SELECT count(*) FROM votes WHERE user_id = :voter AND contribution_id = :p), 0::bigint,
    'vote: withdrawn, no row left');
SELECT results_eq($$SELECT votes_agree, votes_mixed, votes_disagree FROM proposal_votes WHERE contribution_id = $$ || :p,
    $$VALUES (0, 1, 0)$$, 'vote: the counters lose the withdrawn vote');
SELECT is(participation_vote(:voter, :p, 'none'), 'ok', 'vote: withdrawing no vote is ok');
SELECT is(participation_vote(:voter, :arg, 'agree'), 'missing', 'vote: not on an argument');
SELECT is(participation_vote(:voter, -1, 'agree'), 'missing', 'vote: missing proposal');
SELECT throws_ok(format('SELECT participation_vote(%s, %s, %L)', :voter, :p, 'peut-être'),
    '23514', NULL, 'vote: an unknown choice is refused by the table');

-- participation_useful: on / off toggle, one mark per person
SELECT is(participation_useful(:voter, :arg), 'on', 'useful: on');
SELECT is(participation_useful(:author, :arg), 'on', 'useful: a second person');
SELECT is((SELECT useful FROM contributions WHERE id = :arg), 2, 'useful: the counter counts both');
SELECT is(participation_useful(:voter, :arg), 'off', 'useful: a second call takes the mark off');
SELECT is((SELECT useful FROM contributions WHERE id = :arg), 1, 'useful: the counter follows');
SELECT is((SELECT count(*) FROM argument_useful WHERE contribution_id = :arg), 1::bigint,
    'useful: one mark left');
SELECT is(participation_useful(:other, :arg), 'own', 'useful: not on one''s own argument');
SELECT is((SELECT count(*) FROM argument_useful WHERE contribution_id = :arg
    AND user_id = :other), 0::bigint, 'useful: the author''s refusal writes no mark');
SELECT is(participation_useful(:voter, :p), 'missing', 'useful: not on a proposal');
SELECT is(participation_useful(:voter, -1), 'missing', 'useful: missing argument');

-- participation_withdraw: its author takes back an argument (the replies
-- others wrote under it stay public), kept in the versions
SELECT pg_temp.reply(:voter, :p, 'Un argument que je retire.', 'contre') AS gone \gset
SELECT pg_temp.reply(:other, :p, 'Une réponse dessous.', NULL, :gone) AS under \gset
SELECT replies AS before FROM contributions WHERE id = :p \gset
SELECT is(code, 'missing', 'withdraw: not someone else''s') FROM participation_withdraw(:other, :gone);
SELECT is(code, 'missing', 'withdraw: not someone else''s proposal') FROM participation_withdraw(:voter, :p);
SELECT is(code, 'missing', 'withdraw: missing id') FROM participation_withdraw(:voter, -1);
SELECT is((SELECT withdrawn_at FROM contributions WHERE id = :gone), NULL,
    'withdraw: a refusal writes nothing');
SELECT results_eq(format('SELECT code, thread FROM participation_withdraw(%s, %s)', :voter, :gone),
    format('VALUES (%L, %s::bigint)', 'ok', :p), 'withdraw: ok, with its proposal');
SELECT results_eq($$SELECT body, body_html, is_public, withdrawn_at IS NOT NULL, status
      FROM contributions WHERE id = $$ || :gone,
    $$VALUES ('', '', false, true, 'published')$$,
    'withdraw: the text is gone, the row is no longer public');
SELECT results_eq($$SELECT body, edited_by FROM contribution_versions WHERE contribution_id = $$ || :gone,
    format('VALUES (%L, %s::bigint)', 'Un argument que je retire.', :voter),
    'withdraw: the earlier text is kept in the versions');
SELECT is((SELECT is_public FROM contributions WHERE id = :under), true,
    'withdraw: the reply under it stays public');
SELECT is((SELECT replies FROM contributions WHERE id = :p), :before - 1,
    'withdraw: the proposal''s replies counter loses the withdrawn one only');
SELECT is(code, 'ok', 'withdraw: again is ok') FROM participation_withdraw(:voter, :gone);
SELECT is((SELECT count(*) FROM contribution_versions WHERE contribution_id = :gone), 1::bigint,
    'withdraw: again writes no second version');
SELECT contributions_public_rebuild();
SELECT results_eq($$SELECT is_public FROM contributions WHERE id IN ($$ || :gone || ',' || :under
    || ') ORDER BY id', $$VALUES (false), (true)$$, 'withdraw: the rebuild agrees');
SELECT is((SELECT replies FROM contributions WHERE id = :p), :before - 1,
    'withdraw: the rebuilt counter agrees');
-- a proposal withdrawn by its author: public with its votes, closed
SELECT pg_temp.propose(:author, 'Une proposition retirée') AS wp \gset
SELECT pg_temp.reply(:other, :wp, 'Un argument resté.', 'pour') AS warg \gset
SELECT is(participation_vote(:voter, :wp, 'agree'), 'ok', 'withdraw proposal: a vote before');
SELECT is(code, 'missing', 'withdraw proposal: not by someone else')
    FROM participation_withdraw(:voter, :wp);
SELECT is(code, 'ok', 'withdraw proposal: by its author') FROM participation_withdraw(:author, :wp);
SELECT results_eq($$SELECT is_public, votes_agree, body <> '', status FROM contributions
    JOIN proposal_votes ON contribution_id = id WHERE id = $$ || :wp,
    $$VALUES (true, 1, true, 'published')$$,
    'withdraw proposal: still public, its text and its votes kept');
SELECT is((SELECT is_public FROM contributions WHERE id = :warg), true,
    'withdraw proposal: its debate stays public');
SELECT is(participation_refusal(:wp), 'withdrawn', 'refusal: withdrawn');
SELECT is(participation_vote(:other, :wp, 'mixed'), 'withdrawn', 'withdraw proposal: no new vote');
SELECT is(participation_vote(:voter, :wp, 'none'), 'withdrawn', 'withdraw proposal: votes stay');
SELECT is(code, 'withdrawn', 'withdraw proposal: no new argument')
    FROM participation_reply(:other, :wp, NULL, 'contre', '45', 'Trop tard pour moi.', '<p>x</p>', 3);
SELECT is(participation_useful(:voter, :warg), 'withdrawn', 'withdraw proposal: no new utile');
SELECT is(participation_edit(:author, :wp, 'Un autre titre', 'Un autre texte assez long.',
    '<p>x</p>', NULL, '45', 60), 'withdrawn', 'withdraw proposal: no edit');
SELECT is((SELECT count(*) FROM votes WHERE contribution_id = :wp), 1::bigint,
    'withdraw proposal: the vote is kept for the record');

-- participation_reply: arguments and comments, depth, parents
SELECT * FROM participation_reply(:other, :p, NULL, NULL, NULL, 'Un commentaire.',
    '<p>Un commentaire.</p>', 3) AS c1 \gset c1_
SELECT is(:'c1_code'::text, 'ok', 'reply: a comment on the proposal is ok');
SELECT results_eq($$SELECT kind, parent_id, proposal_id, depth, position, status, is_public
      FROM contributions WHERE id = $$ || :c1_new_id,
    $$VALUES ('comment', $$ || :p || $$::bigint, $$ || :p || $$::bigint, 1::smallint, NULL::text,
      'published', true)$$, 'reply: a comment of depth 1 under the proposal, in its thread');
SELECT results_eq($$SELECT kind, parent_id, depth, position FROM contributions WHERE id = $$ || :arg,
    $$VALUES ('argument', $$ || :p || $$::bigint, 0::smallint, 'pour')$$,
    'reply: an argument hangs from the proposal, with its side');
SELECT pg_temp.reply(:author, :p, 'Sur l''argument.', NULL, :arg) AS on_arg \gset
SELECT is((SELECT depth FROM contributions WHERE id = :on_arg), 1::smallint,
    'reply: a comment on an argument has depth 1');
SELECT pg_temp.reply(:author, :p, 'Deuxième niveau.', NULL, :c1_new_id) AS c2 \gset
SELECT pg_temp.reply(:other, :p, 'Troisième niveau.', NULL, :c2) AS c3 \gset
SELECT is((SELECT depth FROM contributions WHERE id = :c3), 3::smallint,
    'reply: a comment on a comment is one level deeper');
SELECT is(code, 'too_deep', 'reply: no deeper than the maximum depth')
    FROM participation_reply(:author, :p, :c3, NULL, NULL, 'Quatrième.', '<p>x</p>', 3);
SELECT is(code, 'ok', 'reply: the maximum depth is a parameter')
    FROM participation_reply(:author, :p, :c3, NULL, NULL, 'Quatrième niveau.', '<p>x</p>', 4);
SELECT is((SELECT replies FROM contributions WHERE id = :p), 7,
    'reply: the thread counts its public replies (the withdrawn argument''s reply among them)');
SELECT pg_temp.propose(:other, 'Une autre proposition') AS p2 \gset
SELECT is(code, 'no_parent', 'reply: the parent must be in the same thread')
    FROM participation_reply(:author, :p2, :c1_new_id, NULL, NULL, 'Ailleurs.', '<p>x</p>', 3);
SELECT is(code, 'no_parent', 'reply: the parent must exist')
    FROM participation_reply(:author, :p, -1, NULL, NULL, 'Dans le vide.', '<p>x</p>', 3);
SELECT is(code, 'missing', 'reply: the proposal must exist')
    FROM participation_reply(:author, -1, NULL, 'pour', NULL, 'Sans objet.', '<p>x</p>', 3);
SELECT is(code, 'missing', 'reply: an argument is not a proposal')
    FROM participation_reply(:author, :arg, NULL, 'pour', NULL, 'Sans objet.', '<p>x</p>', 3);

-- participation_edit: the author, within the window; versions kept
SELECT is(participation_edit(:other, :p, 'Titre pris', 'Texte pris, assez long.', '<p>x</p>',
    NULL, NULL, 30), 'not_author', 'edit: only the author');
SELECT is(participation_edit(:author, -1, 'Titre', 'Texte assez long pour.', '<p>x</p>',
    NULL, NULL, 30), 'missing', 'edit: missing proposal');
SELECT is(participation_edit(:author, :arg, 'Titre', 'Texte assez long pour.', '<p>x</p>',
    NULL, NULL, 30), 'missing', 'edit: an argument is not a proposal');
SELECT is(participation_edit(:author, :p, 'Des bancs ombragés dans les parcs',
    'Le nouveau texte de la proposition, assez long.', '<p>nouveau</p>',
    'https://example.org/bancs', '18', 30), 'ok', 'edit: the author, in time');
SELECT results_eq($$SELECT title, body, link, territory_code, edited_at IS NOT NULL
      FROM contributions WHERE id = $$ || :p,
    $$VALUES ('Des bancs ombragés dans les parcs',
      'Le nouveau texte de la proposition, assez long.', 'https://example.org/bancs', '18', true)$$,
    'edit: the new text is the proposal''s');
SELECT results_eq($$SELECT version, title, edited_by FROM contribution_versions
      WHERE contribution_id = $$ || :p,
    $$VALUES (1, 'Des bancs dans les parcs', $$ || :author || $$::bigint)$$,
    'edit: the replaced text is kept as version 1');
SELECT is(participation_edit(:author, :p, 'Des bancs ombragés partout', 'Encore un texte assez long.',
    '<p>x</p>', NULL, NULL, 30), 'ok', 'edit: a second edit');
SELECT is((SELECT max(version) FROM contribution_versions WHERE contribution_id = :p), 2,
    'edit: the second edit keeps version 2');
UPDATE contributions SET created_at = now() - interval '31 minutes' WHERE id = :p;
SELECT is(participation_edit(:author, :p, 'Trop tard', 'Un texte arrivé trop tard.', '<p>x</p>',
    NULL, NULL, 30), 'too_late', 'edit: not after the window');
SELECT is(participation_edit(:author, :p, 'Fenêtre plus longue', 'Un texte dans la fenêtre.',
    '<p>x</p>', NULL, NULL, 32), 'ok', 'edit: the window is a parameter');

-- An unpublished proposal or argument: pending, hidden, rejected
UPDATE contributions SET status = 'pending' WHERE id = :p2;
SELECT is(participation_refusal(:p2), 'unpublished', 'refusal: unpublished (pending)');
SELECT is(participation_vote(:voter, :p2, 'agree'), 'unpublished', 'vote: not on a pending proposal');
SELECT is(code, 'unpublished', 'reply: not under a pending proposal')
    FROM participation_reply(:voter, :p2, NULL, 'contre', NULL, 'Trop tôt.', '<p>x</p>', 3);
UPDATE contributions SET status = 'hidden' WHERE id = :p2;
SELECT is(participation_refusal(:p2), 'unpublished', 'refusal: unpublished (hidden)');
SELECT is(participation_edit(:other, :p2, 'Titre masqué', 'Un texte pour un masqué.', '<p>x</p>',
    NULL, NULL, 30), 'missing', 'edit: a hidden proposal is missing to its author');
UPDATE contributions SET status = 'rejected' WHERE id = :p2;
SELECT is(participation_refusal(:p2), 'unpublished', 'refusal: unpublished (rejected)');
SELECT is(participation_edit(:other, :p2, 'Titre refusé', 'Un texte pour un refusé.', '<p>x</p>',
    NULL, NULL, 30), 'missing', 'edit: a rejected proposal is missing to its author');
UPDATE contributions SET status = 'hidden' WHERE id = :arg;
SELECT is(participation_useful(:voter, :arg), 'unpublished', 'useful: not on a hidden argument');
SELECT is(code, 'no_parent', 'reply: not under a hidden argument')
    FROM participation_reply(:voter, :p, :arg, NULL, NULL, 'Sous un masqué.', '<p>x</p>', 3);
UPDATE contributions SET status = 'published' WHERE id = :arg;

-- A priori moderation: new texts wait
UPDATE consultations SET moderation_mode = 'a_priori' WHERE id = :cons;
SELECT * FROM participation_propose(:voter, 'ethique', 'Une proposition à modérer',
    'Le texte d''une proposition à modérer.', '<p>x</p>', NULL, NULL) AS pp \gset pp_
SELECT is(:'pp_code'::text, 'pending', 'propose: pending under a priori moderation');
SELECT results_eq($$SELECT status, is_public, queued_at IS NOT NULL FROM contributions WHERE id = $$ || :pp_new_id,
    $$VALUES ('pending', false, true)$$, 'propose: pending, not public, in the queue');
SELECT participation_vote(:voter, :p, 'agree') AS ignored \gset
SELECT (SELECT replies FROM contributions WHERE id = :p) AS replies_before \gset
SELECT * FROM participation_reply(:voter, :p, NULL, 'contre', NULL, 'Une objection à modérer.',
    '<p>x</p>', 3) AS pr \gset pr_
SELECT is(:'pr_code'::text, 'pending', 'reply: pending under a priori moderation');
SELECT is((SELECT replies FROM contributions WHERE id = :p), :replies_before,
    'reply: a pending reply is not counted in the thread');
UPDATE consultations SET moderation_mode = 'a_posteriori' WHERE id = :cons;

-- The consultation's dates and archives
UPDATE consultations SET opens_at = now() + interval '1 day', closes_at = now() + interval '2 days'
    WHERE id = :cons;
SELECT is(participation_refusal(:p), 'upcoming', 'refusal: upcoming');
SELECT is(participation_vote(:other, :p, 'agree'), 'upcoming', 'vote: not before the opening');
SELECT is(participation_useful(:voter, :arg), 'upcoming', 'useful: not before the opening');
SELECT is(code, 'upcoming', 'propose: not before the opening')
    FROM participation_propose(:author, 'ethique', 'Trop tôt', 'Un texte arrivé trop tôt.',
    '<p>x</p>', NULL, NULL);
SELECT is(participation_edit(:author, :p, 'Trop tôt', 'Un texte arrivé trop tôt.', '<p>x</p>',
    NULL, NULL, 60), 'upcoming', 'edit: not before the opening');
UPDATE consultations SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 day'
    WHERE id = :cons;
SELECT is(participation_refusal(:p), 'closed', 'refusal: closed');
SELECT is(participation_vote(:other, :p, 'agree'), 'closed', 'vote: not after the closing');
SELECT is(participation_vote(:other, :p, 'none'), 'closed', 'vote: no withdrawal after the closing');
SELECT is(participation_useful(:voter, :arg), 'closed', 'useful: not after the closing');
SELECT is(code, 'closed', 'reply: not after the closing')
    FROM participation_reply(:voter, :p, NULL, 'pour', NULL, 'Trop tard.', '<p>x</p>', 3);
SELECT is(code, 'closed', 'propose: not after the closing')
    FROM participation_propose(:author, 'ethique', 'Trop tard', 'Un texte arrivé trop tard.',
    '<p>x</p>', NULL, NULL);
SELECT is(participation_edit(:author, :p, 'Trop tard', 'Un texte arrivé trop tard.', '<p>x</p>',
    NULL, NULL, 60), 'closed', 'edit: not after the closing');
SELECT is((SELECT choice FROM votes WHERE user_id = :other AND contribution_id = :p), 'mixed',
    'vote: a refused vote leaves the earlier one');
UPDATE consultations SET opens_at = now() - interval '2 days', closes_at = now() + interval '1 day',
    source = 'decidim' WHERE id = :cons;
SELECT is(participation_refusal(:p), 'archived', 'refusal: archived, before the dates');
SELECT is(participation_vote(:other, :p, 'agree'), 'archived', 'vote: not in an archive');
SELECT is(participation_useful(:voter, :arg), 'archived', 'useful: not in an archive');
SELECT is(code, 'archived', 'reply: not in an archive')
    FROM participation_reply(:voter, :p, NULL, 'pour', NULL, 'Archivé.', '<p>x</p>', 3);
UPDATE consultations SET source = NULL WHERE id = :cons;

-- The spam brakes of the insert trigger
SELECT pg_temp.propose(:author, 'Des fontaines dans les parcs') AS fountains \gset
SELECT * FROM participation_propose(:author, 'ethique', 'Une redite',
    'Le texte de la proposition « Des fontaines dans les parcs », assez long.', '<p>x</p>', NULL, NULL)
    AS dup \gset dup_
SELECT is(:'dup_code'::text, 'pending', 'brake: a repeat of a recent text of the author waits');
SELECT is((SELECT queue_reason FROM contributions WHERE id = :dup_new_id), 'doublon probable',
    'brake: its reason is a probable duplicate');
SELECT is(code, 'ok', 'brake: a short text may be repeated')
    FROM participation_reply(:author, :p, NULL, NULL, NULL, 'Sur l''argument.', '<p>x</p>', 3);
UPDATE users SET created_at = now() WHERE id = :voter;
SELECT count(pg_temp.reply(:voter, :p, 'Message court n°' || n)) AS ignored FROM generate_series(1, 3) n \gset
SELECT is(code, 'pending', 'brake: a new account posting a sixth text in the hour waits')
    FROM participation_reply(:voter, :p, NULL, NULL, NULL, 'Message court n°6', '<p>x</p>', 3);
SELECT is((SELECT queue_reason FROM contributions WHERE body = 'Message court n°6'), 'compte récent',
    'brake: its reason is a recent account');

SELECT * FROM finish();
ROLLBACK;
