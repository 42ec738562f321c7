/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "imports.h"

const char sql_import_exists[] =
    "SELECT slug, fr_date(created_at) FROM consultations"
    " WHERE slug = $1 OR source = $2";

const char sql_import_check_dates[] =
    "SELECT import_bad_timestamp($1::text[])";

/* The dates are set at the end from the contributions themselves. */
const char sql_import_consultation[] =
    "INSERT INTO consultations (slug, title, summary, body, opens_at,"
    " closes_at, moderation_mode, is_primary, source, source_name,"
    " source_url, source_licence)"
    " VALUES ($1, $2, $3, $4, now() - interval '1 second', now(),"
    " 'a_posteriori', false, $5, $6, $7, $8) RETURNING id";

const char sql_import_theme[] =
    "INSERT INTO themes (consultation_id, slug, position, title, summary,"
    " body) VALUES ($1, $2, $3::smallint, $4, $5, '') RETURNING id";

const char sql_import_ids[] =
    "SELECT nextval(pg_get_serial_sequence('contributions', 'id'))"
    " FROM generate_series(1, $1::int)";

/* One statement per batch: the rollup triggers fold it in one pass. */
const char sql_import_contributions[] =
    "INSERT INTO contributions (id, consultation_id, theme_id, kind,"
    " parent_id, proposal_id, position, depth, title, body, body_html,"
    " status, source, source_id, created_at, updated_at)"
    " SELECT u.id, $1::bigint, u.theme, u.kind, u.parent, u.thread,"
    " u.position, u.depth, u.title, u.body, u.html, u.status, $2,"
    " u.sid, u.created::timestamptz, u.updated::timestamptz"
    " FROM unnest($3::bigint[], $4::int[], $5::text[], $6::bigint[],"
    "  $7::bigint[], $8::text[], $9::smallint[], $10::text[], $11::text[],"
    "  $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])"
    " AS u(id, theme, kind, parent, thread, position, depth, title, body,"
    "  html, status, sid, created, updated)";

const char sql_import_tallies[] =
    "INSERT INTO imported_tallies (contribution_id, agree, mixed,"
    " disagree, votes_total, arguments_yes, arguments_no, comments,"
    " alignment, source, url, theme_id, kind)"
    " SELECT u.id, u.agree, u.mixed, u.disagree, u.votes, u.yes, u.no,"
    " u.comments, u.alignment, $1, u.url, c.theme_id, c.kind"
    " FROM unnest($2::bigint[], $3::int[], $4::int[], $5::int[], $6::int[],"
    "  $7::int[], $8::int[], $9::int[], $10::smallint[], $11::text[])"
    " AS u(id, agree, mixed, disagree, votes, yes, no, comments, alignment,"
    "  url) JOIN contributions c ON c.id = u.id";

const char sql_import_dates[] =
    "UPDATE consultations k SET opens_at = d.first,"
    " closes_at = d.last + interval '1 second'"
    " FROM (SELECT min(created_at) AS first, max(created_at) AS last"
    "  FROM contributions WHERE consultation_id = $1) d"
    " WHERE k.id = $1 AND d.first IS NOT NULL";
