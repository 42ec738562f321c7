-- Copyright (c) 2026 The Agora developers.
-- SPDX-License-Identifier: AGPL-3.0-or-later
--
-- The French writing of dates (migrations/functions/shared.sql and epn.sql):
-- the first of a month is an ordinal, "1er" (issue 13, item 14), the other
-- days plain numbers, in the region's time zone.
\set ON_ERROR_STOP 1
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
SELECT plan(7);

SELECT is(fr_date('2026-12-01 10:00+01'), '1er décembre 2026', 'fr_date: the first is 1er');
SELECT is(fr_date('2026-12-02 10:00+01'), '2 décembre 2026', 'fr_date: other days plain');
SELECT is(fr_date('2026-11-30 23:30+00'), '1er décembre 2026',
    'fr_date: in Europe/Paris (23:30 UTC on 30 November is 1 December there)');
SELECT is(fr_date('2026-08-15 12:00+02'), '15 août 2026', 'fr_date: accents of month names');
SELECT is(fr_day('2026-12-01'), 'mardi 1er décembre 2026', 'fr_day: the first is 1er');
SELECT is(fr_day('2026-12-08'), 'mardi 8 décembre 2026', 'fr_day: other days plain');
SELECT is(fr_day('2027-01-10'), 'dimanche 10 janvier 2027', 'fr_day: Sunday');

SELECT * FROM finish();
ROLLBACK;
