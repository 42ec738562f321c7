/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* SQL of the open-data export, shared by /export/ and `agora export`. */

#ifndef AGORA_DB_EXPORTS_H
#define AGORA_DB_EXPORTS_H

/*
 * $1 theme slug of the primary consultation, or NULL for every published
 * contribution of every consultation; $2 id after which to start ('0');
 * $3 maximum number of rows, or NULL for all. Rows in id order, columns as
 * enum opendata_col (app/core/opendata.h): id, consultation slug, theme
 * slug, type, parent id, position, département, status, created_at and
 * updated_at (ISO 8601 UTC), title, body (Markdown), votes d'accord / mitigé
 * / pas d'accord (live counters plus imported tallies), origin, origin id,
 * official answer status and date, author id (never published as such).
 */
extern const char	sql_export_contributions[];
/*
 * $1 theme slug or NULL. Declares cursor export_rows over the rows of
 * sql_export_contributions (all of them, same columns and order).
 */
extern const char	sql_export_cursor[];
/*
 * $1 slug. Zero or one row: the title of that theme of the primary
 * consultation.
 */
extern const char	sql_export_theme[];
/*
 * No parameters. The themes of the primary consultation, in order: slug,
 * title, published contributions.
 */
extern const char	sql_export_themes[];
/*
 * No parameters. One row per consultation: slug, title, source (or NULL),
 * published contributions.
 */
extern const char	sql_export_consultations[];

/*
 * The API page of contributions: $1 theme slug of the primary consultation
 * or NULL (all consultations), $2 kind ('proposal', 'argument', 'comment')
 * or NULL, $3 rows per page, $4 offset. Columns as
 * sql_export_contributions.
 */
extern const char	sql_api_contributions[];
/* $1, $2 as sql_api_contributions. One row: the number of matching rows. */
extern const char	sql_api_count[];

#endif
