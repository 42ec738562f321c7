-- Copyright (c) 2026 The Agora developers.
-- SPDX-License-Identifier: AGPL-3.0-or-later
--
-- functions/syntheses.sql: synthesis_save() checks every citation (a
-- public contribution of the theme; else the first bad one, its line,
-- and nothing written), numbers the versions; synthesis_publish() records
-- who published which version and tells followers and cited authors,
-- by mail and on the site; synthesis_published() is the latest;
-- synthesis_draft() starts from the topics, or says there are none.
\set ON_ERROR_STOP 1
BEGIN;
\ir fixtures.psql

INSERT INTO themes (consultation_id, slug, position, title, summary, body)
SELECT pg_temp.primary_id(), 'synthese-sql', (SELECT max(position) + 1 FROM themes
    WHERE consultation_id = pg_temp.primary_id()), 'Synthèse SQL', 'S.', '';
CREATE TEMP TABLE t AS SELECT id FROM themes WHERE slug = 'synthese-sql';
CREATE TEMP TABLE ids AS SELECT
    pg_temp.propose(pg_temp.person('sy-a'), 'Des pistes cyclables', 'synthese-sql') AS a,
    pg_temp.propose(pg_temp.person('sy-b'), 'La fibre partout', 'synthese-sql') AS b,
    pg_temp.propose(pg_temp.person('sy-c'), 'Une proposition cachée', 'synthese-sql') AS hidden,
    pg_temp.propose(pg_temp.person('sy-d'), 'Un autre thème', 'ethique') AS other;
CREATE TEMP TABLE decided AS
    SELECT pg_temp.decide((SELECT hidden FROM ids), pg_temp.person('sy-mod'), 'hide', 'R1');
CREATE TEMP TABLE writer AS SELECT pg_temp.person('sy-sec') AS id;

SELECT is((SELECT array[status, line::text, contribution::text] FROM synthesis_save(
    (SELECT id FROM t), E'Titre\n\nVoir [#' || (SELECT a FROM ids) || E']\nEt [#'
    || (SELECT other FROM ids) || ']', (SELECT id FROM writer),
    ARRAY[3, 4], ARRAY[(SELECT a FROM ids), (SELECT other FROM ids)])),
    ARRAY['citation', '4', (SELECT other FROM ids)::text],
    'a citation of another theme: refused at its line');
SELECT is((SELECT array[status, line::text] FROM synthesis_save((SELECT id FROM t), 'x',
    (SELECT id FROM writer), ARRAY[1, 2], ARRAY[(SELECT hidden FROM ids), 987654321])),
    ARRAY['citation', '1'], 'a hidden contribution: refused, the first in the text');
SELECT is((SELECT array[status, line::text] FROM synthesis_save((SELECT id FROM t), 'x',
    (SELECT id FROM writer), ARRAY[2], ARRAY[987654321::bigint])),
    ARRAY['citation', '2'], 'an unknown contribution: refused');
SELECT is((SELECT status FROM synthesis_save((SELECT id FROM t), E' \n\t',
    (SELECT id FROM writer), '{}', '{}')), 'empty', 'a blank text: refused');
SELECT is((SELECT count(*) FROM syntheses WHERE theme_id = (SELECT id FROM t)), 0::bigint,
    'nothing written by a refusal');

SELECT is((SELECT array[status, version::text] FROM synthesis_save((SELECT id FROM t),
    'Première [#' || (SELECT a FROM ids) || '] et [#' || (SELECT a FROM ids) || ']',
    (SELECT id FROM writer), ARRAY[1, 1], ARRAY[(SELECT a FROM ids), (SELECT a FROM ids)])),
    ARRAY['saved', '1'], 'saved: version 1');
SELECT is((SELECT version FROM synthesis_save((SELECT id FROM t), 'Deuxième [#'
    || (SELECT b FROM ids) || ']', (SELECT id FROM writer), ARRAY[1],
    ARRAY[(SELECT b FROM ids)])), 2, 'the next save: version 2');
SELECT is((SELECT count(*) FROM synthesis_citations x JOIN synthesis_versions v
    ON v.id = x.version_id WHERE v.number = 1 AND v.synthesis_id = (SELECT s.id
    FROM syntheses s WHERE s.theme_id = (SELECT id FROM t))), 1::bigint,
    'a contribution cited twice counts once');

-- Publishing with the mails' texts (the application passes mail_texts.def).
CREATE FUNCTION pg_temp.pub(p_number integer) RETURNS text LANGUAGE sql AS $$
	SELECT synthesis_publish((SELECT id FROM t), p_number, (SELECT id FROM writer),
	    'abcdef012345', 'https://agora.test', 'Synthèse {theme}', 'Lire {link}', 'Citée {theme}',
	    'Votre « {title} » : {link}')
$$;
CREATE FUNCTION pg_temp.mails(p_user bigint, p_kind text) RETURNS bigint LANGUAGE sql AS $$
	SELECT count(*) FROM outbox WHERE user_id = p_user AND kind = p_kind
$$;
CREATE TEMP TABLE follower AS SELECT pg_temp.person('sy-f') AS id;
INSERT INTO follows (user_id, theme_id) SELECT f.id, t.id FROM follower f, t;
CREATE TEMP TABLE author AS SELECT
    (SELECT author_id FROM contributions WHERE id = (SELECT a FROM ids)) AS a,
    (SELECT author_id FROM contributions WHERE id = (SELECT b FROM ids)) AS b;

SELECT is(synthesis_published((SELECT id FROM t)), NULL, 'nothing published yet');
SELECT is(pg_temp.pub(9), 'no_version', 'no such version: nothing published');
SELECT is(pg_temp.mails((SELECT id FROM follower), 'synthesis_published'), 0::bigint,
    'nothing published, nobody told');
SELECT is(pg_temp.pub(1), 'published', 'version 1 published');
SELECT is(pg_temp.mails((SELECT id FROM follower), 'synthesis_published'), 1::bigint,
    'the theme''s follower is told');
SELECT is((SELECT body FROM outbox WHERE user_id = (SELECT id FROM follower)
    AND kind = 'synthesis_published'), 'Lire https://agora.test/syntheses/synthese-sql',
    'with the link to the synthesis');
SELECT is(pg_temp.mails((SELECT a FROM author), 'synthesis_cited'), 1::bigint,
    'the cited author is told, once for two citations');
SELECT is((SELECT body FROM outbox WHERE user_id = (SELECT a FROM author)
    AND kind = 'synthesis_cited'),
    'Votre « Des pistes cyclables » : https://agora.test/syntheses/synthese-sql',
    'with the title of what is cited');
SELECT is(pg_temp.mails((SELECT id FROM writer), 'synthesis_cited')
    + pg_temp.mails((SELECT id FROM writer), 'synthesis_published'), 0::bigint,
    'the publisher is not told');
SELECT is(pg_temp.pub(2), 'published', 'then version 2');
SELECT is(array[pg_temp.mails((SELECT a FROM author), 'synthesis_cited'),
    pg_temp.mails((SELECT b FROM author), 'synthesis_cited'),
    pg_temp.mails((SELECT id FROM follower), 'synthesis_published')], array[1, 1, 2]::bigint[],
    'version 2: its newly cited author and the follower told, not the first author again');
SELECT is(pg_temp.pub(2), 'published', 'version 2 published again');
SELECT is(array[pg_temp.mails((SELECT b FROM author), 'synthesis_cited'),
    pg_temp.mails((SELECT id FROM follower), 'synthesis_published')], array[1, 2]::bigint[],
    'the same version again tells nobody');
-- The same news on the site (synthesis_notify): as many as the mails,
-- and nothing for a publication the caller did not just make.
SELECT is(array[(SELECT count(*) FROM notifications WHERE kind = 'cited'
    AND user_id IN ((SELECT a FROM author), (SELECT b FROM author))),
    (SELECT count(*) FROM notifications WHERE kind = 'synthesis'
    AND user_id = (SELECT id FROM follower))], array[2, 2]::bigint[],
    'the cited authors and the follower have it on the site too');
SELECT synthesis_notify((SELECT id FROM t), (SELECT id FROM synthesis_versions
    WHERE number = 1 AND synthesis_id = (SELECT id FROM syntheses
    WHERE theme_id = (SELECT id FROM t))), NULL, (SELECT a FROM author));
SELECT is((SELECT count(*) FROM notifications WHERE kind = 'synthesis'
    AND user_id = (SELECT id FROM follower)), 2::bigint,
    'synthesis_notify writes nothing for a publication its caller did not make');
-- Each publication is an act of the moderation log (form 3, 0430): its
-- subject names the theme and the version, its text's hash is chained.
-- One transaction here: version 2's second publication, at the same
-- now(), is not logged twice.
SELECT is(array(SELECT l.subject FROM moderation_log l
    WHERE l.action = 'synthesis_publish' AND l.subject LIKE 'synthese:synthese-sql:%'
    ORDER BY l.id), array['synthese:synthese-sql:1', 'synthese:synthese-sql:2'],
    'each version''s publication is in the moderation log');
SELECT is((SELECT array[l.form::text, l.moderator_id::text, l.moderator_ref,
    l.to_status, l.consultation_id::text] FROM moderation_log l
    WHERE l.subject = 'synthese:synthese-sql:1'), array['3',
    (SELECT id FROM writer)::text, 'abcdef012345', 'publiee',
    (SELECT consultation_id FROM themes WHERE id = (SELECT id FROM t))::text],
    'form 3, by the secretary under their pseudonym, in the theme''s consultation');
SELECT is((SELECT l.text_hash FROM moderation_log l
    WHERE l.subject = 'synthese:synthese-sql:2'),
    (SELECT encode(sha256(convert_to(v.body, 'UTF8')), 'hex')
    FROM synthesis_versions v JOIN syntheses s ON s.id = v.synthesis_id
    WHERE s.theme_id = (SELECT id FROM t) AND v.number = 2),
    'with the SHA-256 of the text made public');
SELECT is((SELECT count(*) FROM moderation_log l WHERE l.form = 3
    AND l.hash <> encode(sha256(convert_to(moderation_log_canonical(l), 'UTF8')),
    'hex'))::int, 0, 'its hash covers its canonical text');
SELECT is((SELECT l.prev_hash FROM moderation_log l
    WHERE l.subject = 'synthese:synthese-sql:2'), (SELECT l.hash FROM moderation_log l
    WHERE l.subject = 'synthese:synthese-sql:1'), 'and chains to the row before');
SELECT is(synthesis_log((SELECT id FROM t), synthesis_published((SELECT id FROM t)),
    (SELECT a FROM author), 'abcdef012345'), NULL,
    'synthesis_log writes nothing for a publication its caller did not make');
SELECT is(synthesis_log((SELECT id FROM t), synthesis_published((SELECT id FROM t)),
    (SELECT id FROM writer), 'abcdef012345'), NULL, 'nor twice for one');
SELECT is((SELECT number FROM synthesis_versions WHERE id = synthesis_published(
    (SELECT id FROM t))), 2, 'the latest publication is the public one');
SELECT is((SELECT count(*) FROM synthesis_publications p JOIN syntheses s
    ON s.id = p.synthesis_id WHERE s.theme_id = (SELECT id FROM t)
    AND p.published_by = (SELECT id FROM writer)), 3::bigint,
    'each publication recorded, with who');

SELECT matches(synthesis_draft((SELECT id FROM t)), 'pas encore été calculés',
    'without topics, the draft says so');
-- A stored topic run (as agora topics writes it): one topic, two members.
INSERT INTO topic_runs (theme_id, proposals, classified, terms, reason, k, seed)
SELECT id, 2, 2, 2, 'found', 1, 1 FROM t;
INSERT INTO topics SELECT r.id, 0, 2, 5, 1, 0 FROM topic_runs r WHERE r.theme_id = (SELECT id FROM t);
INSERT INTO topic_terms SELECT r.id, 0, 1, 'velo', 'vélo', 1 FROM topic_runs r
    WHERE r.theme_id = (SELECT id FROM t);
INSERT INTO topic_members SELECT r.id, x.c, 0, 0.9, x.rank, '' FROM topic_runs r,
    (VALUES ((SELECT a FROM ids), 1), ((SELECT b FROM ids), 2)) x(c, rank)
    WHERE r.theme_id = (SELECT id FROM t);
SELECT matches(synthesis_draft((SELECT id FROM t)),
    E'## Sujet 1\u00a0: vélo\n\n2 propositions, 5 d''accord, 1 mitigé, 0 pas d''accord\\.',
    'a section per topic, with its figures');
SELECT matches(synthesis_draft((SELECT id FROM t)),
    E'- Des pistes cyclables \\[#' || (SELECT a FROM ids) || E'\\]\n- La fibre partout',
    'its representative proposals as citations, closest first');

SELECT * FROM finish();
ROLLBACK;
