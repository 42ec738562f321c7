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

DB_STMT(sql_search_count, 1, SEARCH_COUNT_COLS,
    "SELECT count(*) AS n FROM (SELECT 1" PROPOSALS_MATCHING
    " LIMIT " SEARCH_CAP_SQL " + 1) AS m");

/*
 * m: the SEARCH_CAP newest matches, read from the published proposals
 * newest first (proposals_recent_all, migration 0451), each tested against
 * the query: a frequent word stops after a few thousand rows whatever the
 * number of its matches, a rare one is read from the full-text index and
 * sorted (the planner knows which). k: the page of m by relevance (equal
 * ranks newest first) or by date.
 */
DB_STMT(sql_search_proposals, 6, SEARCH_PROPOSAL_COLS,
    "WITH q AS MATERIALIZED (SELECT search_query($1::text) AS q),"
    " m AS (SELECT p.id, p.created_at, p.search" PROPOSALS_MATCHING
    "  ORDER BY p.created_at DESC, p.id DESC LIMIT " SEARCH_CAP_SQL "),"
    " k AS (SELECT m.id, row_number() OVER (ORDER BY"
    "  CASE WHEN $4::text = 'date' THEN 0"
    "  ELSE ts_rank(m.search, (SELECT q FROM q)) END DESC,"
    "  m.created_at DESC, m.id DESC) AS rn FROM m"
    "  ORDER BY rn LIMIT $5::int OFFSET $6::int)"
    " SELECT p.id, ts_headline('fr_unaccent', p.title, q.q, $3::text)"
    " AS title, ts_headline('fr_unaccent', p.body, q.q, $2::text)"
    " AS excerpt, th.slug AS theme, th.title AS theme_title,"
    " c.slug AS consultation, c.title AS consultation_title, c.is_primary,"
    " consultation_archived(c) AS archived, fr_date(p.created_at) AS date"
    " FROM k JOIN contributions p ON p.id = k.id"
    " JOIN themes th ON th.id = p.theme_id"
    " JOIN consultations c ON c.id = p.consultation_id, q"
    " ORDER BY k.rn");

DB_STMT(sql_search_suggest, 0, SEARCH_SUGGEST_COLS,
    "SELECT t.slug, t.title FROM themes t"
    " JOIN consultations c ON c.id = t.consultation_id"
    " WHERE c.is_primary ORDER BY t.position, t.id");
