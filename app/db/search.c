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
 * published proposals: the best come out first, ranked inside the index
 * (its distance: the words' weights and nearness, as ts_rank), without
 * reading each match's row to rank it.
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
 * The page's rows and those before it (at most SEARCH_CAP), in order. By
 * relevance: the RUM index hands the matches out already ranked (its
 * operator alone in the ORDER BY; equal ranks in the index's own stable
 * order), the query made once (q) and passed to the scan as a value. By
 * date: the published proposals newest first (proposals_recent_all,
 * migration 0451), each tested against the query, which the planner then
 * knows (search_query() folded): a frequent word stops after a few dozen
 * rows, a rare one is read from the full-text index and sorted. Only the
 * branch of $4 is planned.
 */
#define RANKED								\
    " ARRAY(SELECT p.id FROM contributions p WHERE p.kind = 'proposal'"	\
    "  AND p.status = 'published' AND p.search @@ (SELECT q FROM q)"	\
    "  ORDER BY p.search <=> (SELECT q FROM q) LIMIT" PAGE_END ")"
#define NEWEST								\
    " ARRAY(SELECT p.id" PROPOSALS_MATCHING				\
    "  ORDER BY p.created_at DESC, p.id DESC LIMIT" PAGE_END ")"
#define PAGE_END	" least($5::int + $6::int, " SEARCH_CAP_SQL ")"

DB_STMT(sql_search_proposals, 6, SEARCH_PROPOSAL_COLS,
    "WITH q AS MATERIALIZED (SELECT" Q " AS q),"
    " k AS (SELECT k.id, k.rn FROM unnest(CASE WHEN $4::text = 'date'"
    "  THEN" NEWEST " ELSE" RANKED " END) WITH ORDINALITY AS k(id, rn)"
    "  ORDER BY k.rn LIMIT $5::int OFFSET $6::int)"
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
