/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "opinion.h"

/* ---------------------------------------------------------------- CLI */

DB_STMT(sql_opinion_theme_scope, 2, OM_SCOPE_COLS,
    "SELECT k.id AS consultation, t.id AS theme, t.title AS label,"
    " opinion_votes_count(k.id, t.id) AS votes_now"
    " FROM themes t JOIN consultations k ON k.id = t.consultation_id"
    " WHERE t.slug = $2::text"
    " AND (k.slug = $1::text OR ($1::text IS NULL AND k.is_primary))");

DB_STMT(sql_opinion_consultation_scope, 1, OM_SCOPE_COLS,
    "SELECT k.id AS consultation, 0 AS theme, k.title AS label,"
    " opinion_votes_count(k.id, NULL) AS votes_now"
    " FROM consultations k WHERE k.slug = $1::text");

DB_STMT(sql_opinion_due_scopes, 1, OM_SCOPE_COLS,
    "SELECT s.consultation, s.theme, s.label, s.votes_now FROM ("
    "  SELECT t.consultation_id AS consultation, t.id AS theme,"
    "  t.title AS label, opinion_votes_count(t.consultation_id, t.id)"
    "  AS votes_now, m.votes_seen, m.id AS map"
    "  FROM themes t LEFT JOIN opinion_maps m ON m.theme_id = t.id"
    "  UNION ALL"
    "  SELECT k.id, 0, k.title, opinion_votes_count(k.id, NULL),"
    "  m.votes_seen, m.id"
    "  FROM consultations k LEFT JOIN opinion_maps m"
    "  ON m.consultation_id = k.id AND m.theme_id IS NULL) s"
    " WHERE s.map IS NULL OR s.votes_now - s.votes_seen >= $1::bigint"
    "  OR s.votes_now < s.votes_seen"
    " ORDER BY s.consultation, s.theme");

DB_STMT(sql_opinion_votes, 2, OM_VOTE_COLS,
    "SELECT participant, contribution_id, value"
    " FROM opinion_votes($1::bigint, $2::int)");

DB_STMT_NOROWS(sql_opinion_map_delete, 2,
    "DELETE FROM opinion_maps WHERE consultation_id = $1::bigint"
    " AND theme_id IS NOT DISTINCT FROM $2::int");

DB_STMT(sql_opinion_map_insert, 14, OM_ID_COLS,
    "INSERT INTO opinion_maps (consultation_id, theme_id, votes_seen,"
    " voters, steering, statements, reason, k, silhouette, x_min, x_max,"
    " y_min, y_max, seconds) VALUES ($1::bigint, $2::int, $3::bigint,"
    " $4::int, $5::int, $6::int, $7::text, $8::smallint, $9::float8,"
    " $10::float8, $11::float8, $12::float8, $13::float8, $14::float8)"
    " RETURNING id");

DB_STMT_NOROWS(sql_opinion_groups_insert, 5,
    "INSERT INTO opinion_groups (map_id, grp, size, center_x, center_y)"
    " SELECT $1::bigint, u.g, u.n, u.x, u.y FROM unnest($2::smallint[],"
    " $3::int[], $4::float8[], $5::float8[]) AS u(g, n, x, y)");

DB_STMT_NOROWS(sql_opinion_statements_insert, 6,
    "INSERT INTO opinion_statements (map_id, contribution_id, mean, c1, c2,"
    " consensus) SELECT $1::bigint, u.id, u.m, u.a, u.b, u.c"
    " FROM unnest($2::bigint[], $3::float8[], $4::float8[], $5::float8[],"
    " $6::float8[]) AS u(id, m, a, b, c)");

DB_STMT_NOROWS(sql_opinion_highlights_insert, 11,
    "INSERT INTO opinion_highlights (map_id, grp, rank, contribution_id,"
    " side, n_success, n_trials, rest_success, rest_trials, score,"
    " significant) SELECT $1::bigint, u.g, u.r, u.id, u.side, u.ns, u.nt,"
    " u.rs, u.rt, u.score, u.sig FROM unnest($2::smallint[], $3::smallint[],"
    " $4::bigint[], $5::text[], $6::int[], $7::int[], $8::int[], $9::int[],"
    " $10::float8[], $11::boolean[])"
    " AS u(g, r, id, side, ns, nt, rs, rt, score, sig)");

DB_STMT_NOROWS(sql_opinion_group_votes_insert, 6,
    "INSERT INTO opinion_group_votes (map_id, contribution_id, grp, agree,"
    " mixed, disagree) SELECT $1::bigint, u.id, u.g, u.a, u.m, u.d"
    " FROM unnest($2::bigint[], $3::smallint[], $4::int[], $5::int[],"
    " $6::int[]) AS u(id, g, a, m, d)");

DB_STMT_NOROWS(sql_opinion_cells_insert, 5,
    "INSERT INTO opinion_cells (map_id, cx, cy, grp, people)"
    " SELECT $1::bigint, u.x, u.y, u.g, u.n FROM unnest($2::smallint[],"
    " $3::smallint[], $4::smallint[], $5::int[]) AS u(x, y, g, n)");

DB_STMT(sql_opinion_source_ids, 1, OM_SOURCE_COLS,
    "SELECT id, source_id FROM imported_participants"
    " WHERE id = ANY ($1::bigint[])");

/* ---------------------------------------------------------------- pages */

/* The scope of the pages' statements: a theme, or a consultation's own. */
#define OM_SCOPE_WHERE							\
	" (m.theme_id = $2::int OR ($2::int IS NULL AND m.theme_id IS NULL"	\
	" AND m.consultation_id = $1::bigint))"

DB_STMT(sql_opinion_map_of, 2, OM_MAP_COLS,
    "SELECT m.id, fr_date(m.computed_at) AS date,"
    " to_char(m.computed_at AT TIME ZONE 'Europe/Paris', 'HH24\" h \"MI')"
    " AS time, m.votes_seen, m.voters, m.steering, m.reason, m.k,"
    " m.x_min::text AS x_min, m.x_max::text AS x_max,"
    " m.y_min::text AS y_min, m.y_max::text AS y_max"
    " FROM opinion_maps m WHERE" OM_SCOPE_WHERE);

DB_STMT(sql_opinion_groups_of, 2, OM_GROUP_COLS,
    "SELECT g.grp, g.size, g.center_x::text AS center_x,"
    " g.center_y::text AS center_y"
    " FROM opinion_maps m JOIN opinion_groups g ON g.map_id = m.id"
    " WHERE" OM_SCOPE_WHERE " AND g.size >= 10 ORDER BY g.grp");

DB_STMT(sql_opinion_highlights_of, 2, OM_HIGHLIGHT_COLS,
    "SELECT h.grp, c.id AS proposal, c.title, h.side, h.n_success,"
    " h.n_trials, h.rest_success, h.rest_trials, h.significant"
    " FROM opinion_maps m JOIN opinion_highlights h ON h.map_id = m.id"
    " JOIN contributions c ON c.id = h.contribution_id AND c.is_public"
    " LEFT JOIN opinion_groups g ON g.map_id = m.id AND g.grp = h.grp"
    " WHERE" OM_SCOPE_WHERE " AND (h.grp = -1 OR g.size >= 10)"
    " ORDER BY h.grp, h.rank");

DB_STMT(sql_opinion_cells_of, 2, OM_CELL_COLS,
    "SELECT x.cx, x.cy, x.grp, x.people"
    " FROM opinion_maps m JOIN opinion_cells x ON x.map_id = m.id"
    " LEFT JOIN opinion_groups g ON g.map_id = m.id AND g.grp = x.grp"
    " WHERE" OM_SCOPE_WHERE " AND (x.grp = -1 OR g.size >= 10)"
    " ORDER BY x.grp, x.cy, x.cx");

DB_STMT(sql_opinion_mine, 1, OM_MINE_COLS,
    "SELECT t.title AS theme_title, t.slug AS theme_slug, n.grp,"
    " g.size, m.k, n.votes"
    " FROM opinion_maps m JOIN themes t ON t.id = m.theme_id"
    " JOIN consultations k ON k.id = m.consultation_id AND k.is_primary"
    " CROSS JOIN LATERAL opinion_nearest_group(m.id, $1::bigint) n"
    " JOIN opinion_groups g ON g.map_id = m.id AND g.grp = n.grp"
    " WHERE m.reason = 'mapped' ORDER BY t.position");
