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

/* sum() of a bigint is a numeric: counts go back to bigint (INT). */
DB_STMT(sql_report_index, 0, REPORT_INDEX_COLS,
    "SELECT t.slug, t.title, t.position,"
    " coalesce(rt.contributors, 0) AS contributors, rc.p AS proposals,"
    " rc.a AS arguments, rc.c AS comments,"
    " coalesce(rt.votes, 0) AS votes,"
    " coalesce(an.n, 0) AS answers"
    " FROM themes t JOIN consultations k ON k.id = t.consultation_id"
    " LEFT JOIN report_theme_totals rt ON rt.theme_id = t.id"
    " LEFT JOIN (SELECT c.theme_id, count(*) AS n FROM official_answers a"
    "  JOIN contributions c ON c.id = a.contribution_id WHERE " PUB
    "  GROUP BY c.theme_id) an ON an.theme_id = t.id"
    " CROSS JOIN LATERAL (SELECT"
    "  coalesce(sum(r.n) FILTER (WHERE r.kind = 'proposal'), 0)::bigint AS p,"
    "  coalesce(sum(r.n) FILTER (WHERE r.kind = 'argument'), 0)::bigint AS a,"
    "  coalesce(sum(r.n) FILTER (WHERE r.kind = 'comment'), 0)::bigint AS c"
    "  FROM report_counts r WHERE r.theme_id = t.id"
    "  AND r.is_public) rc"
    " WHERE k.is_primary ORDER BY t.position");

#define REPORT_THEME \
    "SELECT t.id, t.slug, t.title, t.position," \
    " k.title AS consultation_title, fr_date(now()) AS extracted_date," \
    " to_char(now() AT TIME ZONE 'Europe/Paris', 'FMHH24\" h \"MI')" \
    " AS extracted_time"

DB_STMT(sql_report_theme, 1, REPORT_THEME_COLS, REPORT_THEME
    " FROM themes t JOIN consultations k ON k.id = t.consultation_id"
    " WHERE k.is_primary AND t.slug = $1::text");

DB_STMT(sql_report_theme_archive, 2, REPORT_THEME_ARCHIVE_COLS, REPORT_THEME
    ", k.slug AS consultation, k.is_primary,"
    " coalesce(s.split, 0) > 0 AS split,"
    " coalesce(k.source_name, '') AS source_name"
    " FROM themes t JOIN consultations k ON k.id = t.consultation_id"
    " LEFT JOIN report_source_tallies s ON s.theme_id = t.id"
    " WHERE k.slug = $1::text AND t.slug = $2::text");

DB_STMT(sql_report_source, 1, REPORT_SOURCE_COLS,
    "SELECT coalesce(s.proposals, 0) AS proposals,"
    " coalesce(s.split, 0) AS split, coalesce(s.agree, 0) AS agree,"
    " coalesce(s.mixed, 0) AS mixed, coalesce(s.disagree, 0) AS disagree,"
    " coalesce(s.votes, 0) AS votes, coalesce(s.comments, 0) AS comments"
    " FROM (SELECT $1::int AS id) t"
    " LEFT JOIN report_source_tallies s ON s.theme_id = t.id");

/*
 * The tops by the source's tallies walk the indexes of migration 0130
 * (imported_proposals_*) in order and stop at 10 published proposals.
 */
#define SOURCE_TOP(cols, where, order) \
    "SELECT c.id, c.title, " cols ", NULL::text AS answer" \
    " FROM imported_tallies it JOIN contributions c" \
    "  ON c.id = it.contribution_id" \
    " WHERE it.theme_id = $1::int AND it.kind = 'proposal' AND " PUB \
    where " ORDER BY " order " LIMIT 10"
#define SPLIT_COLS \
    "it.agree, it.mixed, it.disagree"

DB_STMT(sql_report_source_consensus, 1, REPORT_VOTES_COLS,
    SOURCE_TOP(SPLIT_COLS ", "
    PCT("wilson_lower_bound(it.agree, it.agree + it.mixed + it.disagree)")
    " AS score",
    " AND it.agree + it.mixed + it.disagree > 0",
    "wilson_lower_bound(it.agree, it.agree + it.mixed + it.disagree)"
    " DESC NULLS LAST, it.contribution_id DESC"));

DB_STMT(sql_report_source_divided, 1, REPORT_VOTES_COLS,
    SOURCE_TOP(SPLIT_COLS ", "
    PCT("wilson_lower_bound(least(it.agree, it.disagree),"
    " it.agree + it.disagree)") " AS score",
    " AND it.agree > 0 AND it.disagree > 0",
    "wilson_lower_bound(least(it.agree, it.disagree),"
    " it.agree + it.disagree) DESC, it.contribution_id"));

DB_STMT(sql_report_source_supported, 1, REPORT_VOTES_COLS, SOURCE_TOP(
    "it.votes_total AS agree, NULL::integer AS mixed,"
    " NULL::integer AS disagree, NULL::text AS score",
    " AND it.votes_total > 0",
    "it.votes_total DESC NULLS LAST, it.contribution_id DESC"));

#define PUBLIC_SUM(filter) \
    "coalesce(sum(r.n) FILTER (WHERE " filter "), 0)::bigint"

DB_STMT(sql_report_participation, 1, REPORT_PART_COLS,
    "SELECT coalesce(rt.contributors, 0) AS contributors,"
    " coalesce(rt.voters, 0) AS voters,"
    " " PUBLIC_SUM("r.is_public AND r.kind = 'proposal'") " AS proposals,"
    " " PUBLIC_SUM("r.is_public AND r.kind = 'argument'") " AS arguments,"
    " " PUBLIC_SUM("r.is_public AND r.kind = 'comment'") " AS comments,"
    " coalesce(rt.votes, 0) AS votes,"
    " " PUBLIC_SUM("r.is_public AND r.assisted") " AS assisted,"
    " " PUBLIC_SUM("r.is_public") " AS public,"
    " " PUBLIC_SUM("r.status IN ('hidden', 'rejected')") " AS moderated,"
    " " PUBLIC_SUM("r.status = 'pending'") " AS pending"
    " FROM (SELECT $1::int AS id) t"
    " LEFT JOIN report_theme_totals rt ON rt.theme_id = t.id"
    " LEFT JOIN report_counts r ON r.theme_id = t.id"
    " GROUP BY rt.contributors, rt.voters, rt.votes");

DB_STMT(sql_report_participation_terr, 2, REPORT_PART_COLS,
    "SELECT NULL::bigint AS contributors, NULL::bigint AS voters,"
    " " PUBLIC_SUM("r.is_public AND r.kind = 'proposal'") " AS proposals,"
    " " PUBLIC_SUM("r.is_public AND r.kind = 'argument'") " AS arguments,"
    " " PUBLIC_SUM("r.is_public AND r.kind = 'comment'") " AS comments,"
    " NULL::bigint AS votes,"
    " " PUBLIC_SUM("r.is_public AND r.assisted") " AS assisted,"
    " " PUBLIC_SUM("r.is_public") " AS public,"
    " " PUBLIC_SUM("r.status IN ('hidden', 'rejected')") " AS moderated,"
    " " PUBLIC_SUM("r.status = 'pending'") " AS pending"
    " FROM (SELECT $1::int AS id) t"
    " LEFT JOIN report_counts r ON r.theme_id = t.id"
    " AND r.territory_code = $2::text");

#define REPORT_WEEKS(filter)						\
    "WITH c AS (SELECT r.week AS w, sum(r.n) AS n FROM report_counts r"	\
    "  WHERE r.theme_id = $1::int AND r.is_public" filter		\
    "  GROUP BY r.week HAVING sum(r.n) > 0),"				\
    " s AS (SELECT generate_series(min(w), max(w), interval '7 days')::date"\
    "  AS w FROM c)"							\
    " SELECT s.w::text AS week, to_char(s.w, 'DD/MM/YYYY') AS label,"	\
    " coalesce(c.n, 0)::bigint AS contributions"			\
    " FROM s LEFT JOIN c ON c.w = s.w ORDER BY s.w"

DB_STMT(sql_report_weeks, 1, REPORT_WEEKS_COLS, REPORT_WEEKS(""));
DB_STMT(sql_report_weeks_terr, 2, REPORT_WEEKS_COLS,
    REPORT_WEEKS(" AND r.territory_code = $2::text"));

DB_STMT(sql_report_territories, 1, REPORT_TERR_COLS,
    "WITH c AS (SELECT r.territory_code AS code, sum(r.n)::bigint AS n"
    "  FROM report_counts r WHERE r.theme_id = $1::int"
    "  AND r.is_public GROUP BY r.territory_code)"
    " SELECT code, name, population, vintage, contributions, rate FROM ("
    " SELECT t.code, t.name, t.population,"
    " t.population_year AS vintage, coalesce(c.n, 0) AS contributions,"
    " CASE WHEN t.population > 0 THEN replace(to_char(round(coalesce(c.n, 0)"
    "  * 10000.0 / t.population, 2), 'FM999990.00'), '.', ',') END AS rate,"
    " t.position AS pos"
    " FROM territories t LEFT JOIN c ON c.code = t.code"
    " UNION ALL SELECT '', 'Non renseigné', NULL, NULL,"
    " coalesce((SELECT n FROM c WHERE c.code = ''), 0), NULL, 32767) x"
    " ORDER BY pos");

DB_STMT(sql_report_consensus, 1, REPORT_VOTES_COLS,
    "SELECT c.id, c.title, v.votes_agree AS agree, v.votes_mixed AS mixed,"
    " v.votes_disagree AS disagree,"
    " " PCT("v.agree_score") " AS score,"
    " official_answer_label(a.status) AS answer"
    " FROM proposal_votes v JOIN contributions c ON c.id = v.contribution_id"
    " LEFT JOIN official_answers a ON a.contribution_id = c.id"
    " WHERE v.theme_id = $1::int AND c.theme_id = $1::int"
    " AND c.kind = 'proposal' AND " PUB
    " AND v.votes_total > 0"
    " ORDER BY v.agree_score DESC, v.contribution_id"
    " LIMIT 10");

DB_STMT(sql_report_divided, 1, REPORT_VOTES_COLS,
    "SELECT c.id, c.title, v.votes_agree AS agree, v.votes_mixed AS mixed,"
    " v.votes_disagree AS disagree,"
    " " PCT("v.divided_score") " AS score,"
    " official_answer_label(a.status) AS answer"
    " FROM proposal_votes v JOIN contributions c ON c.id = v.contribution_id"
    " LEFT JOIN official_answers a ON a.contribution_id = c.id"
    " WHERE v.theme_id = $1::int AND c.theme_id = $1::int"
    " AND c.kind = 'proposal' AND " PUB
    " AND v.votes_agree > 0 AND v.votes_disagree > 0"
    " ORDER BY v.divided_score DESC, v.contribution_id"
    " LIMIT 10");

/* replies = public arguments and comments of the thread (a trigger). */
DB_STMT(sql_report_debated, 1, REPORT_DEBATED_COLS,
    "SELECT c.id, c.title, d.pour, d.contre, d.comments,"
    " d.pour + d.contre + d.comments AS total"
    " FROM (SELECT c.id, c.title, c.replies FROM contributions c"
    "  WHERE c.theme_id = $1::int AND c.kind = 'proposal' AND " PUB
    "  AND c.replies > 0 ORDER BY c.replies DESC, c.id LIMIT 10) c"
    " JOIN LATERAL (SELECT"
    "  count(*) FILTER (WHERE r.position = 'pour') AS pour,"
    "  count(*) FILTER (WHERE r.position = 'contre') AS contre,"
    "  count(*) FILTER (WHERE r.kind = 'comment') AS comments"
    "  FROM contributions r WHERE r.proposal_id = c.id AND r.kind <> 'proposal'"
    "  AND r.is_public) d ON true"
    " ORDER BY c.replies DESC, c.id");

/* Ordered by the function's columns (qualified: the aliases differ). */
DB_STMT(sql_report_terms, 1, REPORT_TERMS_COLS,
    "SELECT t.word, t.nentry AS occurrences, t.ndoc AS contributions"
    " FROM report_terms($1::int) t"
    " ORDER BY t.nentry DESC, t.ndoc DESC, t.word");

DB_STMT(sql_report_similar, 1, REPORT_SIMILAR_COLS,
    "SELECT s.a_id, s.a_title, s.b_id, s.b_title, s.pct"
    " FROM report_similar($1::int) s ORDER BY s.a_id, s.b_id");

DB_STMT(sql_report_analysis, 1, REPORT_ANALYSIS_COLS,
    "SELECT s.source, fr_date(s.computed_at) AS date,"
    " to_char(s.computed_at AT TIME ZONE 'Europe/Paris', 'HH24\"h\"MI')"
    " AS hour, coalesce(s.stale, false) AS stale"
    " FROM report_analysis_state($1::int) s");

DB_STMT(sql_report_answers, 1, REPORT_ANSWERS_COLS,
    "SELECT c.id, c.title, a.status,"
    " official_answer_label(a.status) AS label,"
    " fr_date(a.updated_at) AS date"
    " FROM official_answers a JOIN contributions c"
    " ON c.id = a.contribution_id"
    " WHERE c.theme_id = $1::int AND " PUB
    " ORDER BY a.updated_at DESC, c.id");

DB_STMT(sql_report_refresh_list, 2, REPORT_REFRESH_COLS,
    "SELECT t.id, t.slug FROM themes t"
    " LEFT JOIN report_themes r ON r.theme_id = t.id"
    " LEFT JOIN report_cache_state s ON s.theme_id = t.id"
    " WHERE $1::boolean OR s.computed_at IS NULL"
    " OR (s.computed_at < r.changed_at"
    "  AND s.computed_at < now() - make_interval(mins => $2::int))"
    " ORDER BY t.id");

DB_STMT_NOROWS(sql_report_refresh, 1,
    "SELECT report_refresh($1::int)");

/* The source tallies' rollup (migration 0130) is rebuilt beside them. */
DB_STMT_NOROWS(sql_report_rebuild, 0,
    "SELECT report_rollups_rebuild(), report_source_tallies_rebuild()");
