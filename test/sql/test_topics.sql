-- Copyright (c) 2026 The Agora developers.
-- SPDX-License-Identifier: AGPL-3.0-or-later
--
-- functions/topics.sql: topic_terms() gives the stems `agora topics`
-- clusters (public proposals only, short stems and numbers left out,
-- counts, byte order), topic_words() the word each stem is shown by.
\set ON_ERROR_STOP 1
BEGIN;
\ir fixtures.psql

INSERT INTO themes (consultation_id, slug, position, title, summary, body)
SELECT pg_temp.primary_id(), 'sujets-sql', (SELECT max(position) + 1 FROM themes
    WHERE consultation_id = pg_temp.primary_id()), 'Sujets', 'S.', '';
CREATE TEMP TABLE ids AS SELECT
    pg_temp.propose(pg_temp.person('tp-a'), 'Vélos et pistes cyclables en 2030', 'sujets-sql') AS a,
    pg_temp.propose(pg_temp.person('tp-b'), 'Le vélo au lycée, les vélos partout', 'sujets-sql') AS b,
    pg_temp.propose(pg_temp.person('tp-c'), 'La fibre au village', 'sujets-sql') AS c;
CREATE TEMP TABLE decided AS
    SELECT pg_temp.decide((SELECT c FROM ids), pg_temp.person('tp-mod'), 'hide', 'R1');

SELECT is((SELECT n FROM topic_terms((SELECT id FROM themes WHERE slug = 'sujets-sql'))
    WHERE contribution_id = (SELECT a FROM ids) AND stem = 'pist'), 2,
    'stems (PostgreSQL''s French Snowball), counted over title and text');
SELECT is((SELECT n FROM topic_terms((SELECT id FROM themes WHERE slug = 'sujets-sql'))
    WHERE contribution_id = (SELECT b FROM ids) AND stem = 'velo'), 2,
    'accents removed (vélo: velo)');
SELECT is((SELECT count(*) FROM topic_terms((SELECT id FROM themes WHERE slug = 'sujets-sql'))
    WHERE contribution_id = (SELECT c FROM ids)), 0::bigint, 'a hidden proposal is not read');
SELECT is((SELECT count(*) FROM topic_terms((SELECT id FROM themes WHERE slug = 'sujets-sql'))
    WHERE stem ~ '^[0-9]+$' OR length(stem) < 3), 0::bigint, 'no number, no short stem');
SELECT is((SELECT count(*) FROM topic_terms((SELECT id FROM themes WHERE slug = 'sujets-sql'))
    WHERE stem = 'le' OR stem = 'au' OR stem = 'les'), 0::bigint, 'stop words dropped');
SELECT is((SELECT array_agg(contribution_id || ':' || stem ORDER BY ordinality)
    FROM topic_terms((SELECT id FROM themes WHERE slug = 'sujets-sql')) WITH ORDINALITY),
    (SELECT array_agg(contribution_id || ':' || stem ORDER BY contribution_id, stem COLLATE "C")
    FROM topic_terms((SELECT id FROM themes WHERE slug = 'sujets-sql'))),
    'by proposal, then stem in byte order');
SELECT is((SELECT word FROM topic_words((SELECT id FROM themes WHERE slug = 'sujets-sql'),
    ARRAY['velo']) WHERE stem = 'velo'), 'vélo', 'a stem is shown by its most frequent word');
SELECT is((SELECT word FROM topic_words((SELECT id FROM themes WHERE slug = 'sujets-sql'),
    ARRAY['cyclabl']) WHERE stem = 'cyclabl'), 'cyclables', 'accents and endings kept');
SELECT is((SELECT count(*) FROM topic_words((SELECT id FROM themes WHERE slug = 'sujets-sql'),
    ARRAY['fibr', 'velo'])), 1::bigint, 'only public proposals'' words, only the stems asked');

SELECT * FROM finish();
ROLLBACK;
