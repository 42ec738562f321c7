/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* SQL of the open-data export, shared by /export/ and `agora export`. */

#ifndef AGORA_DB_EXPORTS_H
#define AGORA_DB_EXPORTS_H

/*
 * The open-data rows: every public contribution (contributions.is_public:
 * published, and so is everything it answers) of every consultation
 * (or of one theme of the primary consultation), in id order, columns as
 * enum opendata_col (app/core/opendata.h): id, consultation slug, theme
 * slug, type, parent id, position, département, status, created_at and
 * updated_at (ISO 8601 UTC), title, body (Markdown), votes d'accord / mitigé
 * / pas d'accord (live counters plus imported tallies), origin, origin id,
 * official answer status and date, author id (never published as such),
 * then the source platform's votes or supports and its comment alignment
 * (imported contributions only).
 *
 * sql_export_cursor: $1 theme slug or NULL; declares cursor export_rows over
 * those rows (the JSON export reads it).
 * sql_export_copy_all, sql_export_copy_theme: COPY ... TO STDOUT in CSV of
 * the same rows, text cells guarded as csv_field() does, the author id
 * last; the theme one reads the slug that sql_export_set_theme ($1) set in
 * the same transaction.
 */
extern const char	sql_export_cursor[];
extern const char	sql_export_copy_all[];
extern const char	sql_export_copy_theme[];
extern const char	sql_export_set_theme[];
/* The rows of sql_export_copy_all as a plain SELECT, for benchmarks. */
extern const char	sql_export_plain_all[];
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
 * No parameters. The territories in display order, for the rates per
 * 10,000 inhabitants: code, name, municipal population (NULL for "hors
 * région"), its INSEE vintage.
 */
extern const char	sql_export_territories[];
enum { EXT_CODE, EXT_NAME, EXT_POPULATION, EXT_YEAR, EXT__MAX };
/*
 * No parameters. One row per word of report_extra_stopwords(), in
 * alphabetical order.
 */
extern const char	sql_export_stopwords[];
enum { EXS_WORD, EXS__MAX };

/*
 * The API page of contributions: $1 theme slug of the primary consultation
 * or NULL (all consultations), $2 kind ('proposal', 'argument', 'comment')
 * or NULL, $3 rows per page, $4 offset, $5 the id after which to start ('0':
 * from the first; with an offset of 0, a cursor that costs nothing however
 * far it goes). Columns as the export (enum opendata_col).
 */
extern const char	sql_api_contributions[];
/* $1, $2 as sql_api_contributions. One row: the number of matching rows. */
extern const char	sql_api_count[];

#endif
