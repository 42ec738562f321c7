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
 * computes the query once, estimates its matches, and can order by rank
 * inside the RUM index proposals_rank (migration 0450), which holds the
 * published proposals: the best come out first, a frequent word no longer
 * ranks and sorts every match. "rank" is that index's distance (smaller is
 * better: the words' weights and nearness, as ts_rank).
 */
#define Q	" search_query($1::text)"
#define PROPOSALS_MATCHING						\
    " FROM contributions p WHERE p.kind = 'proposal'"			\
    " AND p.status = 'published' AND p.search @@" Q

/* A plain index scan that stops at the first SEARCH_CAP + 1 found. */
DB_STMT(sql_search_count, 1, SEARCH_COUNT_COLS,
    "SELECT count(*) AS n FROM (SELECT 1" PROPOSALS_MATCHING
    " LIMIT " SEARCH_CAP_SQL " + 1) AS m");

/*
 * m: by relevance, the page's rows and those before it, read in the
 * index's order (equal ranks, the most recent first: an incremental sort
 * of each rank's rows); by date, the SEARCH_CAP most relevant.
 */
DB_STMT(sql_search_proposals, 6, SEARCH_PROPOSAL_COLS,
    "WITH q AS MATERIALIZED (SELECT" Q " AS q),"
    " m AS (SELECT p.id, p.created_at, p.search <=>" Q " AS rank"
    PROPOSALS_MATCHING " ORDER BY p.search <=>" Q ","
    "  p.created_at DESC, p.id DESC"
    "  LIMIT CASE WHEN $4::text = 'date' THEN " SEARCH_CAP_SQL
    "  ELSE least($5::int + $6::int, " SEARCH_CAP_SQL ") END),"
    " k AS (SELECT m.id, row_number() OVER (ORDER BY"
    "  CASE WHEN $4::text = 'date' THEN 0 ELSE m.rank END,"
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
