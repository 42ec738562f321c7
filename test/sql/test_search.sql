-- Copyright (c) 2026 The Agora developers.
-- SPDX-License-Identifier: AGPL-3.0-or-later
--
-- search_query() and search_lexeme() (migrations/functions/search.sql):
-- the query a person types, with hyphens normalised in one place, matched
-- against the vectors contributions.search is made of (fr_unaccent).
\set ON_ERROR_STOP 1
BEGIN;
\ir fixtures.psql

CREATE FUNCTION pg_temp.finds(p_doc text, p_q text) RETURNS boolean
LANGUAGE sql AS $$
	SELECT to_tsvector('fr_unaccent', p_doc) @@ search_query(p_q)
$$;

SELECT ok(pg_temp.finds('Le wi-fi gratuit', 'wifi'), '"wifi" finds "wi-fi"');
SELECT ok(pg_temp.finds('Le wifi gratuit', 'wi-fi'), '"wi-fi" finds "wifi"');
SELECT ok(pg_temp.finds('Le wi-fi gratuit', 'wi-fi'), '"wi-fi" finds "wi-fi"');
SELECT ok(pg_temp.finds('Un écoquartier', 'éco-quartier'), 'accents and hyphens');
SELECT ok(pg_temp.finds('Du co-voiturage', 'covoiturage'), 'a stemmed part');
SELECT ok(pg_temp.finds('Des écoles', 'ECOLES'), 'case and accents');
SELECT ok(pg_temp.finds('Des projets', 'projet'), 'word endings');
SELECT ok(NOT pg_temp.finds('Voir plus loin', 'lavoir'),
    'a stop word is never a part of its own ("la" + "voir")');
SELECT ok(NOT pg_temp.finds('Le wifi gratuit', 'wifi -gratuit'),
    'websearch negation still works');
SELECT ok(pg_temp.finds('Le wi-fi des gares', '"wi-fi des gares"'), 'a phrase');
SELECT ok(NOT pg_temp.finds('Le wi-fi des gares', 'wifi trains'), 'every word counts');
SELECT is(search_query('de la')::text, '', 'stop words only: an empty query');
SELECT is(search_query(NULL)::text, '', 'NULL: an empty query');
SELECT lives_ok($$SELECT search_query(repeat('-', 40) || 'x ' || repeat('abcdefgh ', 30))$$,
    'long and odd input');
SELECT is(search_lexeme('Écoles'), 'ecol'::tsquery, 'a word: its lexeme, unaccented and stemmed');
SELECT is(search_lexeme('projets'), 'projet'::tsquery, 'a word: its stem');
SELECT is(search_lexeme('des'), NULL, 'a stop word: NULL');
SELECT is(search_lexeme('deux mots'), NULL, 'two words: NULL');
-- What the application may call.
SELECT ok(has_function_privilege('agora', 'search_query(text)', 'EXECUTE'),
    'agora may call search_query');

SELECT * FROM finish();
ROLLBACK;
