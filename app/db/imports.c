/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "imports.h"

DB_STMT(sql_import_exists, 2, IMP_EXISTS_COLS,
    "SELECT slug, fr_date(created_at) AS imported FROM consultations"
    " WHERE slug = $1::text OR source = $2::text");

DB_STMT(sql_import_check_dates, 1, IMP_DATES_COLS,
    "SELECT import_bad_timestamp($1::text[]) AS bad");

/* The dates are set at the end from the contributions themselves. */
DB_STMT(sql_import_consultation, 8, IMP_ID_COLS,
    "INSERT INTO consultations (slug, title, summary, body, opens_at,"
    " closes_at, moderation_mode, is_primary, source, source_name,"
    " source_url, source_licence)"
    " VALUES ($1::text, $2::text, $3::text, $4::text,"
    " now() - interval '1 second', now(), 'a_posteriori', false,"
    " $5::text, $6::text, $7::text, $8::text) RETURNING id");

DB_STMT(sql_import_theme, 5, IMP_ID_COLS,
    "INSERT INTO themes (consultation_id, slug, position, title, summary,"
    " body) VALUES ($1::bigint, $2::text, $3::smallint, $4::text, $5::text,"
    " '') RETURNING id");

DB_STMT(sql_import_ids, 1, IMP_ID_COLS,
    "SELECT nextval(pg_get_serial_sequence('contributions', 'id')) AS id"
    " FROM generate_series(1, $1::int)");

/* One statement per batch: the rollup triggers fold it in one pass. */
DB_STMT_NOROWS(sql_import_contributions, 16,
    "INSERT INTO contributions (id, consultation_id, theme_id, kind,"
    " parent_id, proposal_id, position, depth, title, body, body_html,"
    " status, source, source_id, created_at, updated_at)"
    " SELECT u.id, $1::bigint, u.theme, u.kind, u.parent, u.thread,"
    " u.position, u.depth, u.title, u.body, u.html, u.status, $2::text,"
    " u.sid, u.created::timestamptz, u.updated::timestamptz"
    " FROM unnest($3::bigint[], $4::int[], $5::text[], $6::bigint[],"
    "  $7::bigint[], $8::text[], $9::smallint[], $10::text[], $11::text[],"
    "  $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])"
    " AS u(id, theme, kind, parent, thread, position, depth, title, body,"
    "  html, status, sid, created, updated)");

DB_STMT_NOROWS(sql_import_tallies, 11,
    "INSERT INTO imported_tallies (contribution_id, agree, mixed,"
    " disagree, votes_total, arguments_yes, arguments_no, comments,"
    " alignment, source, url, theme_id, kind)"
    " SELECT u.id, u.agree, u.mixed, u.disagree, u.votes, u.yes, u.no,"
    " u.comments, u.alignment, $1::text, u.url, c.theme_id, c.kind"
    " FROM unnest($2::bigint[], $3::int[], $4::int[], $5::int[], $6::int[],"
    "  $7::int[], $8::int[], $9::int[], $10::smallint[], $11::text[])"
    " AS u(id, agree, mixed, disagree, votes, yes, no, comments, alignment,"
    "  url) JOIN contributions c ON c.id = u.id");

DB_STMT_NOROWS(sql_import_dates, 1,
    "UPDATE consultations k SET opens_at = d.first,"
    " closes_at = d.last + interval '1 second'"
    " FROM (SELECT min(created_at) AS first, max(created_at) AS last"
    "  FROM contributions WHERE consultation_id = $1::bigint) d"
    " WHERE k.id = $1::bigint AND d.first IS NOT NULL");

DB_STMT(sql_import_participant_ids, 1, IMP_ID_COLS,
    "SELECT nextval(pg_get_serial_sequence('imported_participants', 'id'))"
    " AS id FROM generate_series(1, $1::int)");

DB_STMT_NOROWS(sql_import_participants, 4,
    "INSERT INTO imported_participants (id, consultation_id, source,"
    " source_id) SELECT u.id, $1::bigint, $2::text, u.sid"
    " FROM unnest($3::bigint[], $4::text[]) AS u(id, sid)");

DB_STMT_NOROWS(sql_import_votes, 4,
    "INSERT INTO imported_votes (participant_id, contribution_id, choice,"
    " voted_at) SELECT u.who, u.what, u.choice,"
    " to_timestamp(u.ms / 1000.0)"
    " FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[])"
    " AS u(who, what, choice, ms)");
