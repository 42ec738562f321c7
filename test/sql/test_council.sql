-- Copyright (c) 2026 The Agora developers.
-- SPDX-License-Identifier: AGPL-3.0-or-later
--
-- functions/council.sql: who may open a referral and when it is due,
-- the members told of a referral and of a draft (never the actor), the
-- states, the rapporteur's publication and its tally bounded by the
-- council's size, the theme's followers told, the Region's response, the
-- open-data document.
\set ON_ERROR_STOP 1
BEGIN;
\ir fixtures.psql

CREATE TEMP TABLE p AS SELECT
    pg_temp.person('cs-official') AS official,
    pg_temp.person('cs-a') AS a, pg_temp.person('cs-b') AS b,
    pg_temp.person('cs-citizen') AS citizen,
    pg_temp.person('cs-follower') AS follower;
-- Only this test's members: the council's size is known.
DELETE FROM user_roles WHERE role = 'conseil';
INSERT INTO user_roles (user_id, role)
SELECT official, 'official' FROM p UNION ALL SELECT a, 'conseil' FROM p
UNION ALL SELECT b, 'conseil' FROM p;
INSERT INTO follows (user_id, theme_id) SELECT follower, t.id FROM p, themes t
WHERE t.slug = 'ethique' AND t.consultation_id = pg_temp.primary_id();

SELECT is(council_size(), 2, 'the council counts the holders of the role');
SELECT ok(council_member((SELECT a FROM p)), 'a member is a member');
SELECT ok(NOT council_member((SELECT citizen FROM p)), 'a citizen is not');

CREATE FUNCTION pg_temp.open(p_kind text, p_by bigint, p_due date,
    p_themes text[] DEFAULT ARRAY['ethique']) RETURNS bigint LANGUAGE sql AS $$
	SELECT council_referral_open(p_kind, 'Question ' || p_kind, p_due, p_by,
	    p_themes, 'http://agora.test', 'Saisine {question}',
	    E'{question}\n{link}')
$$;

SELECT is(pg_temp.open('saisine', (SELECT official FROM p), current_date - 1),
    NULL, 'a due date in the past is refused');
SELECT is(pg_temp.open('saisine', (SELECT a FROM p), current_date + 10),
    NULL, 'a member who is not an official opens no saisine');
SELECT is(pg_temp.open('auto_saisine', (SELECT citizen FROM p),
    current_date + 10), NULL, 'a citizen opens no auto-saisine');
SELECT is(pg_temp.open('saisine', (SELECT official FROM p), current_date + 10,
    ARRAY['pas-un-theme']), NULL, 'an unknown theme is refused');
SELECT is((SELECT count(*) FROM council_referrals WHERE opened_by IN
    (SELECT official FROM p UNION SELECT a FROM p UNION SELECT citizen FROM p))::int,
    0, 'nothing written');

CREATE TEMP TABLE r AS SELECT pg_temp.open('saisine', (SELECT official FROM p),
    current_date + 10) AS id;
SELECT isnt((SELECT id FROM r), NULL, 'an official opens a saisine');
SELECT is((SELECT count(*) FROM outbox WHERE kind = 'council_referral'
    AND body LIKE '%/conseil/saisines/' || (SELECT id FROM r))::int, 2,
    'both members are told of it');
SELECT is((SELECT count(*) FROM notifications WHERE kind = 'referral'
    AND referral_id = (SELECT id FROM r))::int, 2,
    'and have it on the site (council_notify_members)');
SELECT is(council_state((SELECT id FROM r)), 'ouverte', 'it is open');
SELECT isnt(pg_temp.open('auto_saisine', (SELECT a FROM p), current_date),
    NULL, 'a member opens an auto-saisine due today');
SELECT is((SELECT count(*) FROM outbox WHERE kind = 'council_referral'
    AND user_id = (SELECT a FROM p) AND body LIKE 'Question auto%')::int, 0,
    'the member who opened it is not told');

SELECT is((SELECT result FROM council_draft_add((SELECT id FROM r),
    (SELECT citizen FROM p), 'x', '<p>x</p>', 'http://agora.test', 's', 'b',
    '{}', '{}')), NULL, 'a citizen writes no draft');

-- Citations: a public contribution of the referral's theme (ethique)
-- only; the first bad one is answered with its line, nothing written.
INSERT INTO themes (consultation_id, slug, position, title, summary, body)
SELECT pg_temp.primary_id(), 'conseil-sql', (SELECT max(position) + 1
    FROM themes WHERE consultation_id = pg_temp.primary_id()),
    'Conseil SQL', 'C.', '';
CREATE TEMP TABLE cited AS SELECT
    pg_temp.propose((SELECT citizen FROM p), 'Une charte éthique') AS ok,
    pg_temp.propose((SELECT citizen FROM p), 'Ailleurs', 'conseil-sql')
    AS other,
    pg_temp.propose((SELECT citizen FROM p), 'Une proposition masquée')
    AS hidden;
CREATE TEMP TABLE cited_arg AS SELECT pg_temp.reply((SELECT follower FROM p),
    (SELECT ok FROM cited), 'Un argument pour la charte.', 'pour') AS id;
CREATE TEMP TABLE cited_decided AS SELECT pg_temp.decide(
    (SELECT hidden FROM cited), pg_temp.person('cs-mod'), 'hide', 'R1');
CREATE FUNCTION pg_temp.draft(p_lines int[], p_ids bigint[])
RETURNS text[] LANGUAGE sql AS $$
	SELECT ARRAY[result, line::text, contribution::text]
	FROM council_draft_add((SELECT id FROM r), (SELECT a FROM p), 'Cite',
	    '<p>Cite</p>', 'http://agora.test', 's', 'b', p_lines, p_ids)
$$;
SELECT is(pg_temp.draft(ARRAY[1, 4], ARRAY[(SELECT ok FROM cited),
    (SELECT other FROM cited)]), ARRAY['citation', '4',
    (SELECT other FROM cited)::text],
    'a citation of another theme: refused at its line');
SELECT is(pg_temp.draft(ARRAY[2, 3], ARRAY[987654321, (SELECT other
    FROM cited)]), ARRAY['citation', '2', '987654321'],
    'an unknown contribution: refused, the first in the text');
SELECT is((SELECT ARRAY[result, line::text] FROM council_draft_add(
    (SELECT id FROM r), (SELECT a FROM p), E'Avis\n\n[synthese:ethique]\nou '
    '[synthese:' || (SELECT t.slug FROM themes t JOIN council_referral_themes x
    ON x.theme_id = t.id WHERE x.referral_id = (SELECT id FROM r) LIMIT 1) || ']',
    '<p>Avis</p>', 'http://agora.test', 's', 'b', '{}', '{}')),
    ARRAY['synthese', '3'],
    'a synthesis not published or outside the referral: refused at its first line');
SELECT is(council_cited_syntheses('[synthese:b] [synthese:a] [synthese:b] [synthese:-x]'),
    '["b", "a"]'::jsonb, 'council_cited_syntheses: the slugs in order, once');
SELECT is(pg_temp.draft(ARRAY[5], ARRAY[(SELECT hidden FROM cited)]),
    ARRAY['citation', '5', (SELECT hidden FROM cited)::text],
    'a hidden contribution: refused');
SELECT is((SELECT count(*) FROM council_drafts
    WHERE referral_id = (SELECT id FROM r))::int, 0,
    'no draft written for a bad citation');
SELECT is((SELECT count(*) FROM outbox WHERE kind = 'council_draft'
    AND body LIKE '%/conseil/saisines/' || (SELECT id FROM r))::int, 0,
    'and nobody told');

SELECT isnt((SELECT result FROM council_draft_add((SELECT id FROM r),
    (SELECT a FROM p), E'Avis\n\nVoir [#' || (SELECT ok FROM cited)
    || '] et [#' || (SELECT id FROM cited_arg) || ']', '<p>Avis</p>',
    'http://agora.test', 'Version {question}', '{link}', ARRAY[3, 3],
    ARRAY[(SELECT ok FROM cited), (SELECT id FROM cited_arg)])), NULL,
    'a member writes a draft citing a proposal and an argument of the theme');
SELECT is(array(SELECT array[x.contribution_id, x.first_line, x.rank]
    FROM council_draft_citations x JOIN council_drafts d ON d.id = x.draft_id
    WHERE d.referral_id = (SELECT id FROM r) ORDER BY x.rank),
    array[array[(SELECT ok FROM cited), 3, 1], array[(SELECT id FROM cited_arg), 3, 2]],
    'its citations are kept with the version, in the order of the text (0431)');
SELECT is((SELECT count(*) FROM council_draft_citations x JOIN council_drafts d
    ON d.id = x.draft_id WHERE d.referral_id = (SELECT id FROM r))::int, 2,
    'and none for the refused versions');
SELECT is((SELECT count(*) FROM outbox WHERE kind = 'council_draft'
    AND body LIKE '%/conseil/saisines/' || (SELECT id FROM r))::int, 1,
    'the other member is told of the draft');
SELECT is(array(SELECT user_id FROM notifications WHERE kind = 'draft'
    AND referral_id = (SELECT id FROM r)), array[(SELECT b FROM p)],
    'on the site too, never its author');
SELECT council_notify_members((SELECT b FROM p), 'draft', (SELECT id FROM r));
SELECT is((SELECT count(*) FROM notifications WHERE kind = 'draft'
    AND referral_id = (SELECT id FROM r))::int, 1,
    'council_notify_members writes nothing for a draft its caller did not write');
SELECT is(council_state((SELECT id FROM r)), 'en_cours', 'it is under way');

CREATE FUNCTION pg_temp.publish(p_by bigint, p_for int, p_against int,
    p_abstain int, p_on date DEFAULT current_date) RETURNS text
LANGUAGE sql AS $$
	SELECT council_publish((SELECT id FROM r), p_by, 'abcdef012345', p_on,
	    p_for, p_against,
	    p_abstain, 'http://agora.test', 'Avis {question}',
	    E'{question}\n{link}\n{settings_link}', 'Citée {question}',
	    E'{title} {link}')
$$;
SELECT is(pg_temp.publish((SELECT a FROM p), 1, 0, 0), 'not_rapporteur',
    'nobody publishes before a rapporteur is designated');
UPDATE council_referrals SET rapporteur_id = (SELECT b FROM p)
WHERE id = (SELECT id FROM r);
SELECT is(pg_temp.publish((SELECT a FROM p), 1, 0, 0), 'not_rapporteur',
    'another member does not publish');
SELECT is(pg_temp.publish((SELECT b FROM p), 2, 1, 0), 'tally',
    'a tally larger than the council is refused');
SELECT is(pg_temp.publish((SELECT b FROM p), 0, 0, 0), 'tally',
    'an empty tally is refused');
SELECT is(pg_temp.publish((SELECT b FROM p), 1, 1, 0, current_date + 1),
    'date', 'an adoption in the future is refused');
SELECT is((SELECT count(*) FROM council_opinions
    WHERE referral_id = (SELECT id FROM r))::int, 0, 'nothing published');
SELECT is(council_respond((SELECT id FROM r), (SELECT official FROM p),
    'abcdef012345', 'R', '<p>R</p>'), false, 'no response before the opinion');
SELECT is(pg_temp.publish((SELECT b FROM p), 1, 0, 1), 'ok',
    'the rapporteur publishes');
SELECT is(pg_temp.publish((SELECT b FROM p), 1, 0, 1), 'published',
    'only once');
SELECT is(council_state((SELECT id FROM r)), 'avis_rendu', 'the opinion is out');
SELECT is((SELECT count(*) FROM outbox WHERE kind = 'council_opinion'
    AND user_id = (SELECT follower FROM p))::int, 1,
    'the follower of its theme is told');
SELECT is((SELECT count(*) FROM notifications WHERE kind = 'opinion'
    AND user_id = (SELECT follower FROM p) AND referral_id = (SELECT id FROM r))::int,
    1, 'on the site too, once (council_notify_followers)');
-- The authors it cites (0432): by mail, with the title, and on the site.
SELECT is(array(SELECT body FROM outbox WHERE kind = 'council_cited'
    AND user_id IN (SELECT citizen FROM p UNION SELECT follower FROM p)
    ORDER BY user_id), array['Une charte éthique http://agora.test/conseil/avis/'
    || (SELECT id FROM r), 'Une charte éthique http://agora.test/conseil/avis/'
    || (SELECT id FROM r)], 'each cited author is mailed once, with the title');
SELECT is(array(SELECT array[user_id, contribution_id] FROM notifications
    WHERE kind = 'cited_opinion' AND referral_id = (SELECT id FROM r)
    ORDER BY user_id), array[array[(SELECT citizen FROM p), (SELECT ok FROM cited)],
    array[(SELECT follower FROM p), (SELECT id FROM cited_arg)]],
    'and has it on the site (council_notify_cited)');
SELECT is((SELECT result FROM council_draft_add((SELECT id FROM r),
    (SELECT a FROM p), 'Encore', '<p>Encore</p>', 'http://agora.test', 's',
    'b', '{}', '{}')), NULL, 'no draft after publication');

SELECT is(council_respond((SELECT id FROM r), (SELECT a FROM p),
    'abcdef012345', 'R', '<p>R</p>'), false,
    'a member does not respond for the Region');
SELECT ok(council_respond((SELECT id FROM r), (SELECT official FROM p),
    '0123456789ab', 'Réponse', '<p>Réponse</p>'), 'the official responds');
-- Both acts are in the moderation log (form 3, 0430), with the tally and
-- the hash of each text made public; nothing for a refused publication.
SELECT is(array(SELECT array[l.action, l.subject, l.to_status, l.moderator_ref]::text
    FROM moderation_log l WHERE l.subject LIKE 'avis:' || (SELECT id FROM r) || ':%'
    OR l.subject = 'reponse:' || (SELECT id FROM r) ORDER BY l.id), array[array['opinion_publish', format('avis:%s:%s:1:0:1',
    (SELECT id FROM r), to_char(current_date, 'YYYY-MM-DD')), 'avis_rendu',
    'abcdef012345']::text, array['opinion_response', 'reponse:'
    || (SELECT id FROM r), 'reponse', '0123456789ab']::text],
    'the opinion (with its tally) and the response are in the moderation log, once each');
SELECT is((SELECT l.text_hash FROM moderation_log l
    WHERE l.subject = 'reponse:' || (SELECT id FROM r)),
    encode(sha256(convert_to('Réponse', 'UTF8')), 'hex'),
    'with the SHA-256 of the text made public');
SELECT is(council_log((SELECT id FROM r), 'opinion_publish', (SELECT b FROM p),
    'abcdef012345'), NULL, 'council_log does not log an act twice');
SELECT is(council_log((SELECT id FROM r), 'opinion_response', (SELECT a FROM p),
    'abcdef012345'), NULL, 'nor one its caller did not do');
SELECT is(council_state((SELECT id FROM r)), 'reponse', 'the Region responded');

SELECT is(council_export() -> 'membres', '2'::jsonb, 'the export says the size');
SELECT is((SELECT s -> 'avis' -> 'citations' FROM jsonb_array_elements(
    council_export() -> 'saisines') s WHERE (s ->> 'id')::bigint =
    (SELECT id FROM r)), jsonb_build_array((SELECT ok FROM cited),
    (SELECT id FROM cited_arg)), 'the export lists the adopted version''s citations');
SELECT is((SELECT s -> 'avis' ->> 'abstentions' FROM jsonb_array_elements(
    council_export() -> 'saisines') s WHERE (s ->> 'id')::bigint =
    (SELECT id FROM r)), '1', 'the export carries the tally');
SELECT is((SELECT s ->> 'etat' FROM jsonb_array_elements(
    council_export() -> 'saisines') s WHERE (s ->> 'id')::bigint =
    (SELECT id FROM r)), 'reponse', 'and the state');
SELECT is((SELECT s -> 'avis' -> 'citations' FROM jsonb_array_elements(
    council_export() -> 'saisines') s WHERE (s ->> 'id')::bigint =
    (SELECT id FROM r)), jsonb_build_array((SELECT ok FROM cited),
    (SELECT id FROM cited_arg)), 'and the contributions the opinion cites');

SELECT * FROM finish();
ROLLBACK;
