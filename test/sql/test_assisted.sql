-- Copyright (c) 2026 The Agora developers.
-- SPDX-License-Identifier: AGPL-3.0-or-later
--
-- The functions of assisted participation (migrations/functions/assisted.sql):
-- attaching mediators, each refusal of an assisted entry, the register of
-- assisted voters (one vote per identity hash and proposal, whichever EPN),
-- and the purge of contacts.
\set ON_ERROR_STOP 1
BEGIN;
\ir fixtures.psql

SELECT pg_temp.person('Autrice') AS author, pg_temp.person('Médiatrice') AS med,
    pg_temp.person('Médiateur') AS med2, pg_temp.person('Citoyenne') AS citizen,
    pg_temp.person('Admin') AS admin \gset
INSERT INTO user_roles (user_id, role) VALUES (:med, 'mediator'), (:med2, 'mediator');
SELECT email AS med_email FROM users WHERE id = :med \gset
SELECT email AS med2_email FROM users WHERE id = :med2 \gset
SELECT email AS citizen_email FROM users WHERE id = :citizen \gset
INSERT INTO epns (name, commune, territory_code) VALUES ('EPN SQL 1', 'Bourges', '18')
    RETURNING id AS e1 \gset
INSERT INTO epns (name, commune, territory_code) VALUES ('EPN SQL 2', 'Tours', '37')
    RETURNING id AS e2 \gset
SELECT pg_temp.propose(:author, 'Des navettes vers la gare') AS p \gset
\set h1 '''aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'''
\set h2 '''bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'''
-- The database may hold other tests' rows (KEEP_DB after the end-to-end
-- suites): counts are taken against what was there before.
SELECT count(*) AS contacts0 FROM assisted_contacts \gset
SELECT count(*) AS voters0 FROM assisted_voters \gset

-- epn_mediator_set
SELECT is(epn_mediator_set(-1, :'med_email', true, :admin), 'epn_missing', 'attach: unknown EPN');
SELECT is(epn_mediator_set(:e1, 'personne@nulle.invalid', true, :admin), 'no_account',
    'attach: unknown address');
SELECT is(epn_mediator_set(:e1, :'citizen_email', true, :admin), 'not_mediator',
    'attach: an account without the role');
SELECT is(epn_mediator_set(:e1, upper(:'med_email'), true, :admin), 'ok', 'attach: ok, any case');
SELECT is(epn_mediator_set(:e1, :'med_email', true, :admin), 'already', 'attach: twice');
SELECT is(epn_mediator_set(:e2, :'med2_email', true, NULL), 'ok', 'attach: from the command line');
SELECT is(epn_mediator_set(:e2, :'med_email', false, :admin), 'not_attached',
    'detach: nothing to detach');
SELECT is(epn_mediator_set(:e2, :'med2_email', false, :admin), 'ok', 'detach: ok');
SELECT is(epn_mediator_set(:e2, :'med2_email', true, :admin), 'ok', 'attach again');

-- assisted_refusal
SELECT is(assisted_refusal(:med, :e1, 'v1'), NULL, 'refusal: none for an attached mediator');
SELECT is(assisted_refusal(:med, :e2, 'v1'), 'not_attached', 'refusal: another EPN');
SELECT is(assisted_refusal(:med, -1, 'v1'), 'epn_missing', 'refusal: unknown EPN');
SELECT is(assisted_refusal(:med, :e1, 'v0'), 'consent', 'refusal: an unknown wording');
SELECT is(assisted_refusal(:med, :e1, NULL), 'consent', 'refusal: no consent');
DELETE FROM user_roles WHERE user_id = :med2 AND role = 'mediator';
SELECT is(assisted_refusal(:med2, :e2, 'v1'), 'not_attached', 'refusal: the role withdrawn');
INSERT INTO user_roles (user_id, role) VALUES (:med2, 'mediator');

-- assisted_propose, assisted_contact_keep
SELECT is(code, 'not_attached', 'propose: refused for another EPN')
    FROM assisted_propose(:med, :e2, 'ethique', 'Titre refusé', 'Un texte assez long.',
    '<p>x</p>', '18', 'v1', 'a@example.org');
SELECT is(code, 'missing', 'propose: unknown theme')
    FROM assisted_propose(:med, :e1, 'pas-un-theme', 'Titre refusé', 'Un texte assez long.',
    '<p>x</p>', '18', 'v1', 'a@example.org');
SELECT is((SELECT count(*) FROM contributions WHERE title = 'Titre refusé'), 0::bigint,
    'propose: a refusal writes nothing');
SELECT is((SELECT count(*) FROM assisted_contacts), :contacts0::bigint, 'propose: nor a contact');
SELECT code, new_id AS ap FROM assisted_propose(:med, :e1, 'ethique', 'Un car le mardi',
    'Un texte assez long dicté.', '<p>x</p>', '18', 'v1', ' a@example.org ') \gset
SELECT is(:'code'::text, 'ok', 'propose: ok');
SELECT results_eq($$SELECT author_id IS NULL, assisted_by, epn_id, channel, consent_version,
      consent_at IS NOT NULL, proposal_id = id FROM contributions WHERE id = $$ || :ap,
    $$VALUES (true, $$ || :med || $$::bigint, $$ || :e1 || $$::bigint, 'epn', 'v1', true, true)$$,
    'propose: no author, the mediator, the EPN, the channel, the consent');
SELECT is((SELECT contact FROM assisted_contacts WHERE contribution_id = :ap), 'a@example.org',
    'propose: the contact kept apart, trimmed');
SELECT code AS c2, new_id AS ap2 FROM assisted_propose(:med, :e1, 'ethique', 'Sans contact',
    'Un texte assez long dicté.', '<p>x</p>', '18', 'v1', '') \gset
SELECT is((SELECT count(*) FROM assisted_contacts WHERE contribution_id = :ap2), 0::bigint,
    'propose: no contact, no row');
SELECT throws_ok($$UPDATE contributions SET channel = 'web' WHERE id = $$ || :ap, '23514', NULL,
    'the table refuses an EPN entry that says web');

-- assisted_reply
SELECT is(code, 'consent', 'reply: refused without the current wording')
    FROM assisted_reply(:med, :e1, :p, 'pour', 'Pour.', '<p>x</p>', 'v9', '');
SELECT is(code, 'missing', 'reply: unknown proposal')
    FROM assisted_reply(:med, :e1, -1, 'pour', 'Pour.', '<p>x</p>', 'v1', '');
SELECT code AS rc, new_id AS r1 FROM assisted_reply(:med, :e1, :p, 'contre', 'Trop cher.',
    '<p>x</p>', 'v1', '') \gset
SELECT is(:'rc'::text, 'ok', 'reply: an argument');
SELECT results_eq($$SELECT kind, position, depth, territory_code, channel FROM contributions
      WHERE id = $$ || :r1, $$VALUES ('argument', 'contre', 0::smallint, '18', 'epn')$$,
    'reply: an argument at the EPN''s département');
SELECT is(code, 'ok', 'reply: a comment')
    FROM assisted_reply(:med, :e1, :p, NULL, 'Un avis.', '<p>x</p>', 'v1', 'rue Haute');

-- assisted_voter, assisted_vote
SELECT is(assisted_vote(:med, :e2, :p, :h1, 'agree', false, 'v1'), 'not_attached',
    'vote: refused for another EPN');
SELECT is((SELECT count(*) FROM assisted_voters), :voters0::bigint,
    'vote: a refusal registers no one');
SELECT is(assisted_vote(:med, :e1, :p, :h1, 'agree', false, 'v1'), 'ok', 'vote: ok');
SELECT is(assisted_vote(:med2, :e2, :p, :h1, 'disagree', false, 'v1'), 'already_voted',
    'vote: the same identity at another EPN is refused');
SELECT results_eq($$SELECT votes_agree, votes_disagree FROM proposal_votes WHERE contribution_id = $$ || :p,
    $$VALUES (1, 0)$$, 'vote: the first one stands');
SELECT is(assisted_vote(:med2, :e2, :p, :h1, 'disagree', true, 'v1'), 'changed',
    'vote: recorded as a change');
SELECT results_eq($$SELECT votes_agree, votes_disagree FROM proposal_votes WHERE contribution_id = $$ || :p,
    $$VALUES (0, 1)$$, 'vote: the change replaces it');
SELECT results_eq($$SELECT v.epn_id, v.assisted_by, v.consent_version FROM votes v
      JOIN assisted_voters a ON a.user_id = v.user_id WHERE a.identity_hash = $$ || quote_literal(:h1),
    $$VALUES ($$ || :e2 || $$::bigint, $$ || :med2 || $$::bigint, 'v1')$$,
    'vote: one row, the later EPN and mediator');
-- The person's own vote, the same choice, replaces the one entered for
-- them (participation_vote(): an insert, then an update of the row).
SELECT user_id AS h1_user FROM assisted_voters WHERE identity_hash = :h1 \gset
SELECT is(participation_vote(:h1_user, :p, 'disagree'), 'ok',
    'vote: the person''s own vote, the same choice');
SELECT results_eq($$SELECT v.epn_id IS NULL, v.assisted_by IS NULL, pv.votes_agree,
      pv.votes_disagree, pv.votes_total FROM votes v
      JOIN proposal_votes pv ON pv.contribution_id = v.contribution_id
      WHERE v.user_id = $$ || :h1_user || $$ AND v.contribution_id = $$ || :p,
    $$VALUES (true, true, 0, 1, 1)$$,
    'vote: now their own, still one vote');
SELECT is(assisted_vote(:med, :e1, :p, :h2, 'mixed', true, 'v1'), 'ok',
    'vote: a change with no earlier vote is a first vote');
SELECT is(assisted_voter(:h1, :e1), (SELECT user_id FROM assisted_voters WHERE identity_hash = :h1),
    'voter: the same participant for the same hash');
SELECT results_eq($$SELECT email IS NULL, password_hash IS NULL, territory_code FROM users
      WHERE id = (SELECT user_id FROM assisted_voters WHERE identity_hash = $$ || quote_literal(:h1) || $$)$$,
    $$VALUES (true, true, '18')$$, 'voter: no address, no password, the first EPN''s département');
SELECT throws_ok($$SELECT assisted_voter('Dupont', $$ || :e1 || $$)$$, '23514', NULL,
    'voter: only a hash is accepted, never a name');

-- assisted_contacts_purge
INSERT INTO consultations (slug, title, opens_at, closes_at)
    VALUES ('sql-close', 'Close', now() - interval '2 years', now() - interval '100 days')
    RETURNING id AS closed \gset
-- Others' contacts already past their period go first (rolled back).
SELECT assisted_contacts_purge(90) AS purged0 \gset
SELECT count(*) AS contacts1 FROM assisted_contacts \gset
UPDATE assisted_contacts SET consultation_id = :closed WHERE contribution_id = :ap;
SELECT is(assisted_contacts_purge(120), 0::bigint, 'purge: not before the period ends');
SELECT is(assisted_contacts_purge(90), 1::bigint, 'purge: after the close and the period');
SELECT is((SELECT count(*) FROM assisted_contacts WHERE contribution_id = :ap), 0::bigint,
    'purge: that contact is gone');
SELECT is((SELECT count(*) FROM assisted_contacts), :contacts1::bigint - 1,
    'purge: the open consultation''s contact stays');

SELECT * FROM finish();
ROLLBACK;
