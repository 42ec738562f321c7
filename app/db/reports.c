/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "reports.h"

#define PUB	"c.status = 'published'"
#define VOTES	"(c.votes_agree + c.votes_mixed + c.votes_disagree)"
#define PCT(x)	"replace(to_char(100 * " x ", 'FM990.0'), '.', ',')"

const char sql_report_index[] =
    "SELECT t.slug, t.title, t.position::text,"
    " (SELECT count(DISTINCT c.author_id) FROM contributions c"
    "  WHERE c.theme_id = t.id AND " PUB ")::text,"
    " (SELECT count(*) FROM contributions c WHERE c.theme_id = t.id"
    "  AND " PUB " AND c.kind = 'proposal')::text,"
    " (SELECT count(*) FROM contributions c WHERE c.theme_id = t.id"
    "  AND " PUB " AND c.kind = 'argument')::text,"
    " (SELECT count(*) FROM contributions c WHERE c.theme_id = t.id"
    "  AND " PUB " AND c.kind = 'comment')::text,"
    " (SELECT count(*) FROM votes v JOIN contributions c"
    "  ON c.id = v.contribution_id WHERE c.theme_id = t.id AND " PUB ")::text,"
    " (SELECT count(*) FROM official_answers a JOIN contributions c"
    "  ON c.id = a.contribution_id WHERE c.theme_id = t.id AND " PUB ")::text"
    " FROM themes t JOIN consultations k ON k.id = t.consultation_id"
    " WHERE k.is_primary ORDER BY t.position";

const char sql_report_theme[] =
    "SELECT t.id::text, t.slug, t.title, t.position::text, k.title"
    " FROM themes t JOIN consultations k ON k.id = t.consultation_id"
    " WHERE k.is_primary AND t.slug = $1";

const char sql_report_participation[] =
    "SELECT count(DISTINCT c.author_id) FILTER (WHERE " PUB ")::text,"
    " (SELECT count(DISTINCT v.user_id) FROM votes v JOIN contributions c"
    "  ON c.id = v.contribution_id WHERE c.theme_id = $1::int AND " PUB
    "  )::text,"
    " count(*) FILTER (WHERE " PUB " AND c.kind = 'proposal')::text,"
    " count(*) FILTER (WHERE " PUB " AND c.kind = 'argument')::text,"
    " count(*) FILTER (WHERE " PUB " AND c.kind = 'comment')::text,"
    " (SELECT count(*) FROM votes v JOIN contributions c"
    "  ON c.id = v.contribution_id WHERE c.theme_id = $1::int AND " PUB
    "  )::text,"
    " count(*) FILTER (WHERE " PUB " AND c.assisted_by IS NOT NULL)::text,"
    " count(*) FILTER (WHERE " PUB ")::text,"
    " count(*) FILTER (WHERE c.status IN ('hidden', 'rejected'))::text,"
    " count(*) FILTER (WHERE c.status = 'pending')::text"
    " FROM contributions c WHERE c.theme_id = $1::int";

const char sql_report_weeks[] =
    "WITH c AS (SELECT date_trunc('week', c.created_at AT TIME ZONE"
    "  'Europe/Paris')::date AS w FROM contributions c"
    "  WHERE c.theme_id = $1::int AND " PUB "),"
    " s AS (SELECT generate_series(min(w), max(w), interval '7 days')::date"
    "  AS w FROM c)"
    " SELECT s.w::text, to_char(s.w, 'DD/MM/YYYY'),"
    " (SELECT count(*) FROM c WHERE c.w = s.w)::text"
    " FROM s ORDER BY s.w";

const char sql_report_territories[] =
    "SELECT code, name, population, vintage, n, per FROM ("
    " SELECT t.code, t.name, t.population::text AS population,"
    " t.population_year::text AS vintage, count(c.id)::text AS n,"
    " CASE WHEN t.population > 0 THEN replace(to_char(round(count(c.id) *"
    "  10000.0 / t.population, 2), 'FM999990.00'), '.', ',') END AS per,"
    " t.position AS pos"
    " FROM territories t LEFT JOIN contributions c"
    " ON c.territory_code = t.code AND c.theme_id = $1::int AND " PUB
    " GROUP BY t.code, t.position"
    " UNION ALL SELECT '', 'Non renseigné', NULL, NULL, count(*)::text,"
    " NULL, 32767 FROM contributions c WHERE c.theme_id = $1::int AND " PUB
    " AND c.territory_code IS NULL) x ORDER BY pos";

const char sql_report_consensus[] =
    "SELECT c.id::text, c.title, c.votes_agree::text, c.votes_mixed::text,"
    " c.votes_disagree::text,"
    " " PCT("wilson_lower_bound(c.votes_agree, " VOTES ")") ","
    " official_answer_label(a.status)"
    " FROM contributions c"
    " LEFT JOIN official_answers a ON a.contribution_id = c.id"
    " WHERE c.theme_id = $1::int AND c.kind = 'proposal' AND " PUB
    " AND " VOTES " > 0"
    " ORDER BY wilson_lower_bound(c.votes_agree, " VOTES ") DESC, c.id"
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

const char sql_report_debated[] =
    "SELECT c.id::text, c.title, d.pour::text, d.contre::text,"
    " d.comments::text, (d.pour + d.contre + d.comments)::text"
    " FROM contributions c JOIN LATERAL (SELECT"
    "  count(*) FILTER (WHERE r.position = 'pour') AS pour,"
    "  count(*) FILTER (WHERE r.position = 'contre') AS contre,"
    "  count(*) FILTER (WHERE r.kind = 'comment') AS comments"
    "  FROM contributions r WHERE r.proposal_id = c.id AND r.id <> c.id"
    "  AND r.status = 'published') d ON true"
    " WHERE c.theme_id = $1::int AND c.kind = 'proposal' AND " PUB
    " AND d.pour + d.contre + d.comments > 0"
    " ORDER BY d.pour + d.contre + d.comments DESC, c.id LIMIT 10";

/* ts_stat takes a query text; the theme id is an integer cast by format. */
const char sql_report_terms[] =
    "SELECT word, nentry::text, ndoc::text FROM ts_stat(format("
    " 'SELECT to_tsvector(''agora_terms'', coalesce(title, '''') || '' '' ||"
    " body) FROM contributions WHERE theme_id = %s"
    " AND status = ''published''', $1::int))"
    " WHERE char_length(word) >= 4 AND word !~ '^[0-9]+$'"
    " AND word <> ALL (report_extra_stopwords())"
    " ORDER BY nentry DESC, ndoc DESC, word LIMIT 30";

const char sql_report_similar[] =
    "SELECT a.id::text, a.title, b.id::text, b.title,"
    " to_char(100 * similarity(a.title, b.title), 'FM990')"
    " FROM contributions a JOIN contributions b ON b.theme_id = a.theme_id"
    " AND b.id > a.id AND b.kind = 'proposal' AND b.status = 'published'"
    " WHERE a.theme_id = $1::int AND a.kind = 'proposal'"
    " AND a.status = 'published' AND a.title % b.title"
    " AND similarity(a.title, b.title) >= 0.5"
    " ORDER BY a.id, b.id LIMIT 300";

const char sql_report_answers[] =
    "SELECT c.id::text, c.title, a.status, official_answer_label(a.status),"
    " fr_date(a.updated_at)"
    " FROM official_answers a JOIN contributions c"
    " ON c.id = a.contribution_id"
    " WHERE c.theme_id = $1::int AND " PUB
    " ORDER BY a.updated_at DESC, c.id";
