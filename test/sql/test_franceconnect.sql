-- Copyright (c) 2026 The Agora developers.
-- SPDX-License-Identifier: AGPL-3.0-or-later
--
-- One verified person, one vote (migrations/functions/franceconnect.sql,
-- 0370_account_persons.sql): linking moves an account's votes onto the
-- register's participant of its identity and binds the account to it for
-- good, so that unlinking and voting again, a second account of the same
-- person, and a departed account's votes taken over all stay one vote per
-- proposal; an account bound to a person cannot be linked to another one;
-- erasing the account forgets the binding, not the person's votes.
\set ON_ERROR_STOP 1
BEGIN;
\ir fixtures.psql

SELECT pg_temp.person('Autrice') AS author, pg_temp.person('Camille') AS a,
    pg_temp.person('Camille bis') AS b, pg_temp.person('Partie') AS gone \gset
SELECT pg_temp.propose(:author, 'Des pistes cyclables sûres') AS p \gset
SELECT pg_temp.propose(:author, 'Des bancs dans les parcs') AS p2 \gset
SELECT pg_temp.propose(:author, 'Des fontaines publiques') AS p3 \gset
\set h1 '''1111111111111111111111111111111111111111111111111111111111111111'''
\set h2 '''2222222222222222222222222222222222222222222222222222222222222222'''

CREATE FUNCTION pg_temp.rows_on(p_id bigint) RETURNS bigint LANGUAGE sql AS $$
	SELECT count(*) FROM votes WHERE contribution_id = p_id
$$;
-- The counters kept by the triggers of votes, against a recount.
CREATE FUNCTION pg_temp.counters_ok(p_id bigint) RETURNS boolean LANGUAGE sql AS $$
	SELECT c.votes_agree = count(*) FILTER (WHERE v.choice = 'agree')
	    AND c.votes_mixed = count(*) FILTER (WHERE v.choice = 'mixed')
	    AND c.votes_disagree = count(*) FILTER (WHERE v.choice = 'disagree')
	FROM proposal_votes c LEFT JOIN votes v ON v.contribution_id = c.contribution_id
	WHERE c.contribution_id = p_id GROUP BY c.contribution_id
$$;

-- Before linking, an account votes as itself.
SELECT is(vote_person(:a), :a::bigint, 'vote_person: an account not linked is itself');
SELECT is(participation_vote(:a, :p, 'agree'), 'ok', 'vote before linking');

-- Linking: the votes move onto the person, the account is bound.
SELECT is(oidc_link(:a, 'https://fc.example/', 'sub-a', :h1, 'eidas1'), 'ok', 'link: ok');
SELECT user_id AS person FROM assisted_voters WHERE identity_hash = :h1 \gset
SELECT is(vote_person(:a), :person::bigint, 'vote_person: the register participant');
SELECT is((SELECT person_id FROM account_persons WHERE user_id = :a), :person::bigint,
    'link: the account bound to the person');
SELECT is((SELECT count(*) FROM votes WHERE user_id = :a), 0::bigint,
    'link: nothing left under the account');
SELECT is((SELECT choice FROM votes WHERE user_id = :person AND contribution_id = :p),
    'agree', 'link: the earlier vote is the person''s');

-- Unlinking (what POST /compte/franceconnect/delier does), then voting
-- again from the same account: still one vote, the later one.
DELETE FROM oidc_links WHERE user_id = :a;
SELECT is(vote_person(:a), :person::bigint, 'unlinked: still votes as the person');
SELECT is(participation_vote(:a, :p, 'disagree'), 'ok', 'vote again after unlinking');
SELECT is(pg_temp.rows_on(:p), 1::bigint, 'unlinked: one vote on the proposal');
SELECT is((SELECT choice FROM votes WHERE contribution_id = :p), 'disagree',
    'unlinked: the later vote stands');
SELECT is((SELECT count(*) FROM votes WHERE user_id = :a), 0::bigint,
    'unlinked: no vote under the account');
SELECT ok(pg_temp.counters_ok(:p), 'unlinked: counters equal a recount');
SELECT is(participation_vote(:a, :p2, 'mixed'), 'ok', 'a new proposal after unlinking');
SELECT is((SELECT user_id FROM votes WHERE contribution_id = :p2), :person::bigint,
    'and it is the person''s');

-- Bound: another identity is refused, the same one may link again.
SELECT is(oidc_link(:a, 'https://fc.example/', 'sub-x', :h2, ''), 'bound',
    'relink: another person refused');
SELECT is((SELECT count(*) FROM oidc_links WHERE user_id = :a), 0::bigint,
    'relink refused: no link written');
SELECT is((SELECT count(*) FROM assisted_voters WHERE identity_hash = :h2), 0::bigint,
    'relink refused: no participant created');
SELECT is(oidc_link(:a, 'https://fc.example/', 'sub-a', :h1, ''), 'ok',
    'relink: the same person is ok');
DELETE FROM oidc_links WHERE user_id = :a;

-- A second account of the same person (the sub of another provider).
SELECT is(oidc_link(:b, 'https://autre.example/', 'sub-b', :h1, ''), 'ok', 'second account');
SELECT is(participation_vote(:b, :p, 'agree'), 'ok', 'second account votes');
SELECT is(pg_temp.rows_on(:p), 1::bigint, 'second account: still one vote');
DELETE FROM oidc_links WHERE user_id = :b;
SELECT is(participation_vote(:a, :p, 'mixed'), 'ok', 'the first account, unlinked, again');
SELECT is(pg_temp.rows_on(:p), 1::bigint, 'both unlinked: one vote');
SELECT ok(pg_temp.counters_ok(:p), 'counters equal a recount');

-- A departed account's votes go to the person (account_takeover).
INSERT INTO votes (user_id, contribution_id, choice, created_at, updated_at)
    VALUES (:gone, :p, 'agree', now() - interval '2 days', now() - interval '2 days'),
    (:gone, :p3, 'agree', now() - interval '2 days', now() - interval '2 days');
INSERT INTO departed_accounts (email_key, user_id) VALUES ('cle-partie', :gone);
SELECT is(account_takeover(:a, 'cle-partie'), 1, 'takeover: one vote taken over');
SELECT is(pg_temp.rows_on(:p), 1::bigint, 'takeover: one vote on a proposal both voted');
SELECT is((SELECT choice FROM votes WHERE contribution_id = :p), 'mixed',
    'takeover: the person''s own stands');
SELECT is(pg_temp.rows_on(:p3), 1::bigint, 'takeover: one vote on the other');
SELECT is((SELECT user_id FROM votes WHERE contribution_id = :p3), :person::bigint,
    'takeover: the departed vote is the person''s');
SELECT is((SELECT count(*) FROM votes WHERE user_id IN (:a, :gone)), 0::bigint,
    'takeover: nothing under the accounts');
SELECT ok(pg_temp.counters_ok(:p) AND pg_temp.counters_ok(:p3), 'takeover: counters exact');

-- The vote setting asks for a link, not a binding.
SELECT is(oidc_vote_refusal(:a, :p, true), 'fc_required', 'refusal: unlinked account');
SELECT is(oidc_vote_refusal(:a, :p, false), NULL, 'refusal: setting off');
-- A consultation's own choice wins over the platform setting (0371).
UPDATE consultations SET vote_requires_franceconnect = true
    WHERE id = (SELECT consultation_id FROM contributions WHERE id = :p);
SELECT is(oidc_vote_refusal(:a, :p, false), 'fc_required', 'refusal: the consultation requires it');
SELECT is(oidc_link(:b, 'https://autre.example/', 'sub-b', :h1, ''), 'ok', 'linked again');
SELECT is(oidc_vote_refusal(:b, :p, false), NULL, 'refusal: none once linked');
UPDATE consultations SET vote_requires_franceconnect = false
    WHERE id = (SELECT consultation_id FROM contributions WHERE id = :p);
SELECT is(oidc_vote_refusal(:a, :p, true), NULL, 'refusal: the consultation leaves it open');

-- Who may vote changes through consultation_set_vote_fc(), which writes
-- the hash-chained moderation log (0410); the consultation is 'open' here.
SELECT consultation_id AS k FROM contributions WHERE id = :p \gset
SELECT coalesce(max(id), 0) AS logged FROM moderation_log \gset
SELECT is(consultation_set_vote_fc(:k, :b, '0123456789ab', 'open'), 'unchanged',
    'vote setting: the same choice changes nothing');
SELECT is(consultation_set_vote_fc(:k, :b, '0123456789ab', 'required'), 'ok',
    'vote setting: changed');
SELECT is(consultation_set_vote_fc(0, :b, '0123456789ab', 'open'), 'not_found',
    'vote setting: no such consultation');
SELECT throws_ok('SELECT consultation_set_vote_fc(1, 1, ''0123456789ab'', ''maybe'')',
    'P0001', NULL, 'vote setting: an unknown choice is the caller''s bug');
SELECT is((SELECT vote_requires_franceconnect FROM consultations WHERE id = :k), true,
    'vote setting: required');
SELECT is((SELECT string_agg(concat_ws(' ', action, consultation_id = :k,
    moderator_id = :b, moderator_ref, from_status, to_status), ', ' ORDER BY id)
    FROM moderation_log WHERE id > :logged),
    'vote_fc t t 0123456789ab open required', 'vote setting: one row in the log');
SELECT is((SELECT bool_and(l.hash = encode(sha256(convert_to(
    moderation_log_canonical(l), 'UTF8')), 'hex') AND l.prev_hash = coalesce((SELECT
    o.hash FROM moderation_log o WHERE o.id < l.id ORDER BY o.id DESC LIMIT 1),
    repeat('0', 64))) FROM moderation_log l WHERE l.id > :logged), true,
    'vote setting: the row is chained');

-- Erasure forgets the binding; the person's votes stay, counted once.
SELECT user_erase(:a, NULL);
SELECT is((SELECT count(*) FROM account_persons WHERE user_id = :a), 0::bigint,
    'erased: binding forgotten');
SELECT is(pg_temp.rows_on(:p), 1::bigint, 'erased: the person''s vote stays');
SELECT is(vote_person(:b), :person::bigint, 'the other account still votes as the person');

SELECT * FROM finish();
ROLLBACK;
