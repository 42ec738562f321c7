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

const char sql_import_contribution[] =
    "WITH n AS (SELECT nextval(pg_get_serial_sequence('contributions',"
    "   'id')) AS id),"
    " c AS (INSERT INTO contributions (id, consultation_id, theme_id, kind,"
    "   parent_id, proposal_id, position, depth, title, body, body_html,"
    "   status, source, source_id, created_at, updated_at)"
    "  SELECT n.id, $1, $2, $3, $4::bigint,"
    "   CASE WHEN $4::bigint IS NULL THEN n.id ELSE (SELECT"
    "    coalesce(p.proposal_id, p.id) FROM contributions p"
    "    WHERE p.id = $4::bigint) END,"
    "   $5, $6::smallint, $7, $8, $9, $10, $11, $12, $13::timestamptz,"
    "   $14::timestamptz FROM n RETURNING id, theme_id, kind),"
    " t AS (INSERT INTO imported_tallies (contribution_id, agree, mixed,"
    "   disagree, votes_total, arguments_yes, arguments_no, comments,"
    "   alignment, source, url, theme_id, kind)"
    "  SELECT c.id, $15::integer, $16::integer, $17::integer, $18::integer,"
    "   $19::integer, $20::integer, $21::integer, $22::smallint, $11, $23,"
    "   c.theme_id, c.kind FROM c)"
    " SELECT id FROM c";

const char sql_import_dates[] =
    "UPDATE consultations k SET opens_at = d.first,"
    " closes_at = d.last + interval '1 second'"
    " FROM (SELECT min(created_at) AS first, max(created_at) AS last"
    "  FROM contributions WHERE consultation_id = $1) d"
    " WHERE k.id = $1 AND d.first IS NOT NULL";
