/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "reports.h"

/*
 * A public proposal. For a proposal, status = 'published' is is_public
 * (constraint contributions_public_proposal, migration 0191), and it is what
 * the ranking indexes (proposals_agree, proposals_divided, proposals_debate)
 * are built on. Every other figure counts is_public: the rows of the
 * open-data files.
 */
#define PUB	"c.status = 'published'"
#define PCT(x)	"replace(to_char(100 * " x ", 'FM990.0'), '.', ',')"

const char sql_report_index[] =
    "SELECT t.slug, t.title, t.position::text,"
    " coalesce(rt.contributors, 0)::text, rc.p::text, rc.a::text, rc.c::text,"
    " coalesce(rt.votes, 0)::text,"
    " coalesce(an.n, 0)::text"
    " FROM themes t JOIN consultations k ON k.id = t.consultation_id"
    " LEFT JOIN report_themes rt ON rt.theme_id = t.id"
    " LEFT JOIN (SELECT c.theme_id, count(*) AS n FROM official_answers a"
    "  JOIN contributions c ON c.id = a.contribution_id WHERE " PUB
    "  GROUP BY c.theme_id) an ON an.theme_id = t.id"
    " CROSS JOIN LATERAL (SELECT"
    "  coalesce(sum(r.n) FILTER (WHERE r.kind = 'proposal'), 0) AS p,"
    "  coalesce(sum(r.n) FILTER (WHERE r.kind = 'argument'), 0) AS a,"
    "  coalesce(sum(r.n) FILTER (WHERE r.kind = 'comment'), 0) AS c"
    "  FROM report_counts r WHERE r.theme_id = t.id"
    "  AND r.is_public) rc"
    " WHERE k.is_primary ORDER BY t.position";

#define REPORT_THEME \
    "SELECT t.id::text, t.slug, t.title, t.position::text, k.title"

const char sql_report_theme[] = REPORT_THEME
    " FROM themes t JOIN consultations k ON k.id = t.consultation_id"
    " WHERE k.is_primary AND t.slug = $1";

const char sql_report_theme_archive[] = REPORT_THEME
    ", k.slug, k.is_primary, coalesce(s.split, 0) > 0,"
    " coalesce(k.source_name, '')"
    " FROM themes t JOIN consultations k ON k.id = t.consultation_id"
    " LEFT JOIN report_source_tallies s ON s.theme_id = t.id"
    " WHERE k.slug = $1 AND t.slug = $2";

const char sql_report_source[] =
    "SELECT coalesce(s.proposals, 0), coalesce(s.split, 0),"
    " coalesce(s.agree, 0), coalesce(s.mixed, 0), coalesce(s.disagree, 0),"
    " coalesce(s.votes, 0), coalesce(s.comments, 0)"
    " FROM (SELECT $1::int AS id) t"
    " LEFT JOIN report_source_tallies s ON s.theme_id = t.id";

/*
 * The tops by the source's tallies walk the indexes of migration 0130
 * (imported_proposals_*) in order and stop at 10 published proposals.
 */
#define SOURCE_TOP(cols, where, order) \
    "SELECT c.id::text, c.title, " cols ", NULL::text" \
    " FROM imported_tallies it JOIN contributions c" \
    "  ON c.id = it.contribution_id" \
    " WHERE it.theme_id = $1::int AND it.kind = 'proposal' AND " PUB \
    where " ORDER BY " order " LIMIT 10"
#define SPLIT_COLS \
    "it.agree::text, it.mixed::text, it.disagree::text"

const char sql_report_source_consensus[] = SOURCE_TOP(SPLIT_COLS ", "
    PCT("wilson_lower_bound(it.agree, it.agree + it.mixed + it.disagree)"),
    " AND it.agree + it.mixed + it.disagree > 0",
    "wilson_lower_bound(it.agree, it.agree + it.mixed + it.disagree)"
    " DESC NULLS LAST, it.contribution_id DESC");

const char sql_report_source_divided[] = SOURCE_TOP(SPLIT_COLS ", "
    PCT("wilson_lower_bound(least(it.agree, it.disagree),"
    " it.agree + it.disagree)"),
    " AND it.agree > 0 AND it.disagree > 0",
    "wilson_lower_bound(least(it.agree, it.disagree),"
    " it.agree + it.disagree) DESC, it.contribution_id");

const char sql_report_source_supported[] = SOURCE_TOP(
    "it.votes_total::text, NULL::text, NULL::text, NULL::text",
    " AND it.votes_total > 0",
    "it.votes_total DESC NULLS LAST, it.contribution_id DESC");

const char sql_report_participation[] =
    "SELECT coalesce(rt.contributors, 0)::text, coalesce(rt.voters, 0)::text,"
    " coalesce(sum(r.n) FILTER (WHERE r.is_public"
    "  AND r.kind = 'proposal'), 0)::text,"
    " coalesce(sum(r.n) FILTER (WHERE r.is_public"
    "  AND r.kind = 'argument'), 0)::text,"
    " coalesce(sum(r.n) FILTER (WHERE r.is_public"
    "  AND r.kind = 'comment'), 0)::text,"
    " coalesce(rt.votes, 0)::text,"
    " coalesce(sum(r.n) FILTER (WHERE r.is_public"
    "  AND r.assisted), 0)::text,"
    " coalesce(sum(r.n) FILTER (WHERE r.is_public), 0)::text,"
    " coalesce(sum(r.n) FILTER (WHERE r.status IN ('hidden', 'rejected')),"
    "  0)::text,"
    " coalesce(sum(r.n) FILTER (WHERE r.status = 'pending'), 0)::text"
    " FROM (SELECT $1::int AS id) t"
    " LEFT JOIN report_themes rt ON rt.theme_id = t.id"
    " LEFT JOIN report_counts r ON r.theme_id = t.id"
    " GROUP BY rt.contributors, rt.voters, rt.votes";

const char sql_report_weeks[] =
    "WITH c AS (SELECT r.week AS w, sum(r.n) AS n FROM report_counts r"
    "  WHERE r.theme_id = $1::int AND r.is_public"
    "  GROUP BY r.week HAVING sum(r.n) > 0),"
    " s AS (SELECT generate_series(min(w), max(w), interval '7 days')::date"
    "  AS w FROM c)"
    " SELECT s.w::text, to_char(s.w, 'DD/MM/YYYY'),"
    " coalesce(c.n, 0)::text"
    " FROM s LEFT JOIN c ON c.w = s.w ORDER BY s.w";

const char sql_report_territories[] =
    "WITH c AS (SELECT r.territory_code AS code, sum(r.n) AS n"
    "  FROM report_counts r WHERE r.theme_id = $1::int"
    "  AND r.is_public GROUP BY r.territory_code)"
    " SELECT code, name, population, vintage, n, per FROM ("
    " SELECT t.code, t.name, t.population::text AS population,"
    " t.population_year::text AS vintage, coalesce(c.n, 0)::text AS n,"
    " CASE WHEN t.population > 0 THEN replace(to_char(round(coalesce(c.n, 0)"
    "  * 10000.0 / t.population, 2), 'FM999990.00'), '.', ',') END AS per,"
    " t.position AS pos"
    " FROM territories t LEFT JOIN c ON c.code = t.code"
    " UNION ALL SELECT '', 'Non renseigné', NULL, NULL,"
    " coalesce((SELECT n FROM c WHERE c.code = ''), 0)::text, NULL, 32767) x"
    " ORDER BY pos";

const char sql_report_consensus[] =
    "SELECT c.id::text, c.title, c.votes_agree::text, c.votes_mixed::text,"
    " c.votes_disagree::text,"
    " " PCT("c.agree_score") ","
    " official_answer_label(a.status)"
    " FROM contributions c"
    " LEFT JOIN official_answers a ON a.contribution_id = c.id"
    " WHERE c.theme_id = $1::int AND c.kind = 'proposal' AND " PUB
    " AND c.votes_total > 0"
    " ORDER BY c.agree_score DESC, c.id"
    " LIMIT 10";

const char sql_report_divided[] =
    "SELECT c.id::text, c.title, c.votes_agree::text, c.votes_mixed::text,"
    " c.votes_disagree::text,"
    " " PCT("wilson_lower_bound(least(c.votes_agree, c.votes_disagree),"
    "  c.votes_agree + c.votes_disagree)") ","
    " official_answer_label(a.status)"
    " FROM contributions c"
    " LEFT JOIN official_answers a ON a.contribution_id = c.id"
    " WHERE c.theme_id = $1::int AND c.kind = 'proposal' AND " PUB
    " AND c.votes_agree > 0 AND c.votes_disagree > 0"
    " ORDER BY wilson_lower_bound(least(c.votes_agree, c.votes_disagree),"
    "  c.votes_agree + c.votes_disagree) DESC, c.id"
    " LIMIT 10";

/* replies = public arguments and comments of the thread (a trigger). */
const char sql_report_debated[] =
    "SELECT c.id::text, c.title, d.pour::text, d.contre::text,"
    " d.comments::text, (d.pour + d.contre + d.comments)::text"
    " FROM (SELECT c.id, c.title, c.replies FROM contributions c"
    "  WHERE c.theme_id = $1::int AND c.kind = 'proposal' AND " PUB
    "  AND c.replies > 0 ORDER BY c.replies DESC, c.id LIMIT 10) c"
    " JOIN LATERAL (SELECT"
    "  count(*) FILTER (WHERE r.position = 'pour') AS pour,"
    "  count(*) FILTER (WHERE r.position = 'contre') AS contre,"
    "  count(*) FILTER (WHERE r.kind = 'comment') AS comments"
    "  FROM contributions r WHERE r.proposal_id = c.id AND r.kind <> 'proposal'"
    "  AND r.is_public) d ON true"
    " ORDER BY c.replies DESC, c.id";

/*
 * Ordered by the function's columns (qualified: the bare names would be the
 * text output columns, and "8" would come before "11").
 */
const char sql_report_terms[] =
    "SELECT t.word, t.nentry::text, t.ndoc::text FROM report_terms($1::int) t"
    " ORDER BY t.nentry DESC, t.ndoc DESC, t.word";

const char sql_report_similar[] =
    "SELECT s.a_id::text, s.a_title, s.b_id::text, s.b_title, s.pct"
    " FROM report_similar($1::int) s ORDER BY s.a_id, s.b_id";

const char sql_report_analysis[] =
    "SELECT s.source, fr_date(s.computed_at),"
    " to_char(s.computed_at AT TIME ZONE 'Europe/Paris', 'HH24\"h\"MI'),"
    " CASE WHEN s.stale THEN 't' ELSE 'f' END"
    " FROM report_analysis_state($1::int) s";

const char sql_report_answers[] =
    "SELECT c.id::text, c.title, a.status, official_answer_label(a.status),"
    " fr_date(a.updated_at)"
    " FROM official_answers a JOIN contributions c"
    " ON c.id = a.contribution_id"
    " WHERE c.theme_id = $1::int AND " PUB
    " ORDER BY a.updated_at DESC, c.id";

const char sql_report_refresh_list[] =
    "SELECT t.id::text, t.slug FROM themes t"
    " LEFT JOIN report_themes r ON r.theme_id = t.id"
    " LEFT JOIN report_cache_state s ON s.theme_id = t.id"
    " WHERE $1::boolean OR s.computed_at IS NULL"
    " OR (s.computed_at < r.changed_at"
    "  AND s.computed_at < now() - make_interval(mins => $2::int))"
    " ORDER BY t.id";

const char sql_report_refresh[] =
    "SELECT report_refresh($1::int)";

/* The source tallies' rollup (migration 0130) is rebuilt beside them. */
const char sql_report_rebuild[] =
    "SELECT report_rollups_rebuild(), report_source_tallies_rebuild()";
