-- Copyright (c) 2026 The Agora developers.
-- SPDX-License-Identifier: AGPL-3.0-or-later
--
-- Paper forms (migrations/functions/paper.sql): references issued by the
-- printable form, each refusal of a sheet typed in, a reference taken
-- once, the collection day against the sheet and the consultation.
\set ON_ERROR_STOP 1
BEGIN;
\ir fixtures.psql

SELECT pg_temp.person('Médiatrice papier') AS med \gset
INSERT INTO user_roles (user_id, role) VALUES (:med, 'mediator');
INSERT INTO epns (name, commune, territory_code) VALUES ('EPN papier SQL', 'Blois', '41')
    RETURNING id AS e1 \gset
INSERT INTO epn_mediators (epn_id, user_id) VALUES (:e1, :med);
\set today '(now() AT TIME ZONE ''Europe/Paris'')::date'

-- paper_sheets_issue
SELECT results_eq($$SELECT * FROM paper_sheets_issue('ethique', '{AAAAAAA0,BBBBBBB0}')$$,
    $$VALUES ('AAAAAAA0'::text), ('BBBBBBB0')$$, 'issue: both references recorded');
SELECT is((SELECT count(*) FROM paper_sheets_issue('ethique', '{AAAAAAA0,CCCCCCC0}')),
    1::bigint, 'issue: a reference issued already is left out');
SELECT is((SELECT count(*) FROM paper_sheets_issue('pas-un-theme', '{DDDDDDD0}')),
    0::bigint, 'issue: no such theme, nothing recorded');
SELECT is((SELECT consent_version FROM paper_sheets WHERE code = 'AAAAAAA0'), 'v1',
    'issue: the wording printed is kept');
SELECT throws_ok($$SELECT * FROM paper_sheets_issue('ethique', '{aaaa}')$$, '23514', NULL,
    'issue: only the stored form of a reference');

-- paper_sheet_refusal
SELECT id AS ethique FROM themes WHERE slug = 'ethique'
    AND consultation_id = (SELECT id FROM consultations WHERE is_primary) \gset
SELECT id AS sante FROM themes WHERE slug = 'sante'
    AND consultation_id = (SELECT id FROM consultations WHERE is_primary) \gset
SELECT is(paper_sheet_refusal('AAAAAAA0', :ethique, :today), NULL, 'refusal: none');
SELECT is(paper_sheet_refusal('ZZZZZZZ0', :ethique, :today), 'sheet_unknown',
    'refusal: never issued');
SELECT is(paper_sheet_refusal('AAAAAAA0', :sante, :today), 'sheet_theme',
    'refusal: printed for another theme');
SELECT is(paper_sheet_refusal('AAAAAAA0', :ethique, :today + 1), 'date_future',
    'refusal: collected tomorrow');
SELECT is(paper_sheet_refusal('AAAAAAA0', :ethique, :today - 1), 'date_before_sheet',
    'refusal: collected before it was printed');
UPDATE paper_sheets SET issued_at = '2000-01-01' WHERE code = 'BBBBBBB0';
SELECT is(paper_sheet_refusal('BBBBBBB0', :ethique, '2000-01-02'), 'date_early',
    'refusal: collected before the consultation opened');

-- paper_enter
SELECT is(code, 'consent', 'enter: the consent wording checked first')
    FROM paper_enter(:med, :e1, 'AAAAAAA0', 'ethique', 'Sur papier', 'Un texte écrit à la main.',
    '<p>x</p>', '41', 'v0', '', :today);
SELECT is(code, 'missing', 'enter: no such theme')
    FROM paper_enter(:med, :e1, 'AAAAAAA0', 'pas-un-theme', 'Sur papier',
    'Un texte écrit à la main.', '<p>x</p>', '41', 'v1', '', :today);
SELECT is(code, 'sheet_unknown', 'enter: a reference never issued')
    FROM paper_enter(:med, :e1, 'ZZZZZZZ0', 'ethique', 'Sur papier', 'Un texte écrit à la main.',
    '<p>x</p>', '41', 'v1', '', :today);
SELECT is((SELECT count(*) FROM contributions WHERE title = 'Sur papier'), 0::bigint,
    'enter: a refusal writes nothing');
SELECT is(code, 'ok', 'enter: ok')
    FROM paper_enter(:med, :e1, 'AAAAAAA0', 'ethique', 'Sur papier', 'Un texte écrit à la main.',
    '<p>x</p>', NULL, 'v1', 'a@example.org', :today);
SELECT results_eq($$SELECT channel, epn_id, collected_on = (now() AT TIME ZONE 'Europe/Paris')::date,
      consent_version, territory_code IS NULL, proposal_id = id, author_id IS NULL
      FROM contributions WHERE sheet_code = 'AAAAAAA0'$$,
    $$VALUES ('paper'::text, $$ || :e1 || $$::bigint, true, 'v1'::text, true, true, true)$$,
    'enter: a paper proposal of that EPN, its day and the printed wording');
SELECT is((SELECT count(*) FROM assisted_contacts a JOIN contributions c
    ON c.id = a.contribution_id WHERE c.sheet_code = 'AAAAAAA0'), 1::bigint,
    'enter: the contact kept apart');
SELECT is(code, 'sheet_entered', 'enter: the same sheet twice')
    FROM paper_enter(:med, :e1, 'AAAAAAA0', 'ethique', 'Encore', 'Un texte écrit à la main.',
    '<p>x</p>', '41', 'v1', '', :today);
SELECT throws_ok($$INSERT INTO contributions (consultation_id, theme_id, kind, title, body,
      body_html, channel) SELECT consultation_id, id, 'proposal', 'x', 'y', 'z', 'paper'
      FROM themes WHERE id = $$ || :ethique, '23514', NULL,
    'a paper contribution needs its sheet and its day');

-- paper_sheets_purge
INSERT INTO consultations (slug, title, opens_at, closes_at)
    VALUES ('sql-papier-close', 'Close', now() - interval '1 year', now() - interval '1 day')
    RETURNING id AS closed \gset
INSERT INTO themes (consultation_id, slug, position, title, summary, body)
    VALUES (:closed, 'close', 1, 'Close', 'x', 'y') RETURNING id AS closed_theme \gset
UPDATE paper_sheets SET theme_id = :closed_theme WHERE code IN ('BBBBBBB0', 'CCCCCCC0');
UPDATE contributions SET consultation_id = :closed, theme_id = :closed_theme
    WHERE sheet_code = 'AAAAAAA0';
UPDATE paper_sheets SET theme_id = :closed_theme WHERE code = 'AAAAAAA0';
SELECT is(paper_sheets_purge(), 2::bigint, 'purge: the closed consultation''s blank references');
SELECT results_eq($$SELECT code FROM paper_sheets WHERE code IN ('AAAAAAA0', 'BBBBBBB0',
      'CCCCCCC0')$$, $$VALUES ('AAAAAAA0'::text)$$, 'purge: the one typed in stays');
SELECT is(paper_sheets_purge(), 0::bigint, 'purge: nothing more');

SELECT * FROM finish();
ROLLBACK;
