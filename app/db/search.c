/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "search.h"

/* Themes are few (dozens): their vector is made as they are read. */
#define THEME_DOC							\
    " to_tsvector('fr_unaccent', t.title || ' ' || t.summary || ' ' ||"	\
    "  t.body || ' ' || c.title)"

DB_STMT(sql_search_themes, 2, SEARCH_THEME_COLS,
    "WITH q AS MATERIALIZED (SELECT search_query($1::text) AS q)"
    " SELECT t.slug, t.title,"
    " ts_headline('fr_unaccent', t.summary, q.q, $2::text) AS excerpt,"
    " c.slug AS consultation, c.title AS consultation_title, c.is_primary,"
    " consultation_archived(c) AS archived"
    " FROM themes t JOIN consultations c ON c.id = t.consultation_id, q"
    " WHERE" THEME_DOC " @@ q.q"
    " ORDER BY ts_rank(" THEME_DOC ", q.q) DESC, c.is_primary DESC,"
    " t.position, t.id LIMIT 20");

/*
 * search_query() is IMMUTABLE: with the typed text bound, the planner
 * computes the query once and estimates its matches from the statistics.
 */
#define PROPOSALS_MATCHING						\
    " FROM contributions p WHERE p.kind = 'proposal'"			\
    " AND p.status = 'published' AND p.search @@ search_query($1::text)"

/*
 * m: the SEARCH_CAP newest matches and one more (which only tells that
 * there are more: "plus de"), read from the published proposals newest
 * first (proposals_recent_all, migration 0451), each tested against the
 * query: a frequent word stops after a few thousand rows whatever the
 * number of its matches, a rare one is read from the full-text index and
 * sorted (the planner knows which). The count is taken from m: a count of
 * its own would build the index's bitmap of every match (at Grand Débat
 * scale 53 ms for a frequent word, against 14 ms for the whole page).
 * k: the page of the SEARCH_CAP newest by relevance (equal ranks newest
 * first) or by date. One row at least: a page past the last one still
 * says how many matched, with a NULL id.
 */
DB_STMT(sql_search_proposals, 6, SEARCH_PROPOSAL_COLS,
    "WITH q AS MATERIALIZED (SELECT search_query($1::text) AS q),"
    " m AS MATERIALIZED (SELECT p.id, p.created_at, p.search"
    PROPOSALS_MATCHING
    "  ORDER BY p.created_at DESC, p.id DESC"
    "  LIMIT " SEARCH_CAP_SQL " + 1),"
    " w AS (SELECT * FROM m ORDER BY m.created_at DESC, m.id DESC"
    "  LIMIT " SEARCH_CAP_SQL "),"
    " k AS (SELECT w.id, row_number() OVER (ORDER BY"
    "  CASE WHEN $4::text = 'date' THEN 0"
    "  ELSE ts_rank(w.search, (SELECT q FROM q)) END DESC,"
    "  w.created_at DESC, w.id DESC) AS rn FROM w"
    "  ORDER BY rn LIMIT $5::int OFFSET $6::int),"
    " page AS (SELECT k.rn, p.id,"
    "  ts_headline('fr_unaccent', p.title, q.q, $3::text) AS title,"
    "  ts_headline('fr_unaccent', p.body, q.q, $2::text) AS excerpt,"
    "  th.slug AS theme, th.title AS theme_title,"
    "  c.slug AS consultation, c.title AS consultation_title, c.is_primary,"
    "  consultation_archived(c) AS archived, fr_date(p.created_at) AS date"
    "  FROM k JOIN contributions p ON p.id = k.id"
    "  JOIN themes th ON th.id = p.theme_id"
    "  JOIN consultations c ON c.id = p.consultation_id, q)"
    " SELECT page.id, page.title, page.excerpt, page.theme, page.theme_title,"
    " page.consultation, page.consultation_title, page.is_primary,"
    " page.archived, page.date, n.matches"
    " FROM (SELECT count(*) AS matches FROM m) AS n"
    " LEFT JOIN page ON true ORDER BY page.rn");

DB_STMT(sql_search_suggest, 0, SEARCH_SUGGEST_COLS,
    "SELECT t.slug, t.title FROM themes t"
    " JOIN consultations c ON c.id = t.consultation_id"
    " WHERE c.is_primary ORDER BY t.position, t.id");
