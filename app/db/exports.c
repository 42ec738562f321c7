/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "exports.h"

#define ISO(col) "to_char(" col " AT TIME ZONE 'UTC', " \
    "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

/*
 * The open-data rows, one per published contribution whose thread
 * (proposal) is published too, in the columns of app/core/opendata.h; $1 a
 * theme slug of the primary consultation, or NULL for everything. One text
 * for the export, its cursor and the API, so their rows never drift apart.
 */
#define OPENDATA_ROWS \
    "SELECT c.id::text, k.slug, t.slug," \
    " CASE c.kind WHEN 'proposal' THEN 'proposition'" \
    "  WHEN 'argument' THEN 'argument' ELSE 'commentaire' END," \
    " c.parent_id::text, c.position, c.territory_code, 'publiee'," \
    " " ISO("c.created_at") ", " ISO("c.updated_at") "," \
    " c.title, c.body," \
    " (c.votes_agree + coalesce(it.agree, 0))::text," \
    " (c.votes_mixed + coalesce(it.mixed, 0))::text," \
    " (c.votes_disagree + coalesce(it.disagree, 0))::text," \
    " coalesce(c.source, 'agora'), c.source_id," \
    " a.status, " ISO("a.updated_at") ", c.author_id::text" \
    " FROM contributions c" \
    " JOIN consultations k ON k.id = c.consultation_id" \
    " JOIN themes t ON t.id = c.theme_id" \
    " LEFT JOIN contributions p ON p.id = c.proposal_id" \
    " LEFT JOIN imported_tallies it ON it.contribution_id = c.id" \
    " LEFT JOIN official_answers a ON a.contribution_id = c.id" \
    " WHERE c.status = 'published'" \
    " AND (p.id IS NULL OR p.status = 'published')" \
    " AND ($1::text IS NULL OR (t.slug = $1 AND k.is_primary))"

const char sql_export_contributions[] =
    OPENDATA_ROWS
    " AND c.id > $2::bigint"
    " ORDER BY c.id LIMIT $3::bigint";

/*
 * The whole export as one cursor (export_run): planned for all its rows
 * (cursor_tuple_fraction = 1, set by export_run), read in batches.
 */
const char sql_export_cursor[] =
    "DECLARE export_rows NO SCROLL CURSOR FOR "
    "SELECT * FROM (" OPENDATA_ROWS " ORDER BY c.id) x";

const char sql_api_contributions[] =
    OPENDATA_ROWS
    " AND ($2::text IS NULL OR c.kind = $2)"
    " ORDER BY c.id LIMIT $3::bigint OFFSET $4::bigint";

const char sql_api_count[] =
    "SELECT count(*)::text FROM contributions c"
    " JOIN consultations k ON k.id = c.consultation_id"
    " JOIN themes t ON t.id = c.theme_id"
    " LEFT JOIN contributions p ON p.id = c.proposal_id"
    " WHERE c.status = 'published'"
    " AND (p.id IS NULL OR p.status = 'published')"
    " AND ($1::text IS NULL OR (t.slug = $1 AND k.is_primary))"
    " AND ($2::text IS NULL OR c.kind = $2)";

const char sql_export_theme[] =
    "SELECT t.title FROM themes t JOIN consultations k"
    " ON k.id = t.consultation_id WHERE k.is_primary AND t.slug = $1";

const char sql_export_themes[] =
    "SELECT t.slug, t.title, (SELECT count(*) FROM contributions c"
    "  WHERE c.theme_id = t.id AND c.status = 'published')::text"
    " FROM themes t JOIN consultations k ON k.id = t.consultation_id"
    " WHERE k.is_primary ORDER BY t.position";

const char sql_export_consultations[] =
    "SELECT k.slug, k.title, k.source, (SELECT count(*) FROM contributions c"
    "  WHERE c.consultation_id = k.id AND c.status = 'published')::text"
    " FROM consultations k ORDER BY k.is_primary DESC, k.opens_at DESC";
