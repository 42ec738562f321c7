/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* SQL of `agora import`: all of it runs inside one transaction. */

#ifndef AGORA_DB_IMPORTS_H
#define AGORA_DB_IMPORTS_H

/*
 * $1 slug, $2 source. One row when a consultation with that slug or that
 * source exists already: its slug, its import date (French).
 */
extern const char	sql_import_exists[];
/*
 * $1 an array literal of date texts. One row, one column: the 1-based index
 * of the first one PostgreSQL cannot read as a finite date and time that
 * starts with YYYY-MM-DD, or 0 (import_bad_timestamp(), migration 0131).
 * Takes no id.
 */
extern const char	sql_import_check_dates[];
/*
 * $1 slug, $2 title, $3 summary, $4 body, $5 source, $6 source platform's
 * name, $7 original page, $8 licence and provenance. Creates a closed,
 * non-primary consultation (an archive; dates fixed by sql_import_dates).
 * One row: id.
 */
extern const char	sql_import_consultation[];
/*
 * $1 consultation id, $2 slug, $3 position, $4 title, $5 summary. One row:
 * the theme id.
 */
extern const char	sql_import_theme[];
/*
 * $1 consultation id, $2 theme id, $3 kind, $4 parent contribution id or
 * NULL, $5 position (pour/contre) or NULL, $6 depth, $7 title or NULL,
 * $8 body (Markdown), $9 body_html, $10 status, $11 source, $12 source id,
 * $13 created_at, $14 updated_at, then the imported tallies (NULL when the
 * source has none): $15 agree, $16 mixed, $17 disagree, $18 votes_total,
 * $19 arguments_yes, $20 arguments_no, $21 comments, $22 alignment,
 * $23 url (imported_tallies also gets the contribution's theme and kind).
 * One row: the new contribution id.
 */
extern const char	sql_import_contribution[];
/*
 * $1 consultation id. Sets the consultation's dates to those of its
 * contributions (first one; last one plus one second).
 */
extern const char	sql_import_dates[];

#endif
