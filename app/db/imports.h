/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* SQL of `agora import`: all of it runs inside one transaction. */

#ifndef AGORA_DB_IMPORTS_H
#define AGORA_DB_IMPORTS_H

#include "db.h"

/*
 * $1 slug, $2 source. One row when a consultation with that slug or that
 * source exists already: its slug, its import date (French).
 */
#define IMP_EXISTS_COLS(C)						\
	C(IMP_EXISTS_SLUG,	"slug",		TEXT)			\
	C(IMP_EXISTS_DATE,	"imported",	TEXT)
DB_COLUMNS(IMP_EXISTS_COLS, IMP_EXISTS__MAX);
extern const struct db_stmt	sql_import_exists;
/*
 * $1 an array literal of date texts. One row, one column: the 1-based index
 * of the first one PostgreSQL cannot read as a finite date and time that
 * starts with YYYY-MM-DD, or 0 (import_bad_timestamp(), migration 0131).
 * Takes no id.
 */
#define IMP_DATES_COLS(C)						\
	C(IMP_BAD_DATE,		"bad",		INT)
DB_COLUMNS(IMP_DATES_COLS, IMP_DATES__MAX);
extern const struct db_stmt	sql_import_check_dates;
/*
 * $1 slug, $2 title, $3 summary, $4 body, $5 source, $6 source platform's
 * name, $7 original page, $8 licence and provenance. Creates a closed,
 * non-primary consultation (an archive; dates fixed by sql_import_dates).
 * One row: id.
 */
#define IMP_ID_COLS(C)							\
	C(IMP_ID,		"id",		INT)
DB_COLUMNS(IMP_ID_COLS, IMP_ID__MAX);
extern const struct db_stmt	sql_import_consultation;
/*
 * $1 consultation id, $2 slug, $3 position, $4 title, $5 summary. One row:
 * the theme id (IMP_ID_COLS).
 */
extern const struct db_stmt	sql_import_theme;
/*
 * $1 how many. Takes that many contribution ids (once every check has
 * passed): one row each, the id (IMP_ID_COLS).
 */
extern const struct db_stmt	sql_import_ids;
/*
 * A batch of contributions, one array element per contribution (array
 * literals; NULL elements allowed where the column allows them): $1
 * consultation id, $2 source, $3 ids, $4 theme ids, $5 kinds, $6 parent
 * ids, $7 thread (proposal) ids, $8 positions, $9 depths, $10 titles,
 * $11 Markdown bodies, $12 HTML bodies, $13 statuses, $14 source ids,
 * $15 created_at, $16 updated_at.
 */
extern const struct db_stmt	sql_import_contributions;	/* no rows */
/*
 * Their source tallies (imported_tallies), the same way: $1 source, $2
 * contribution ids, $3 agree, $4 mixed, $5 disagree, $6 votes_total,
 * $7 arguments_yes, $8 arguments_no, $9 comments, $10 alignment, $11 URLs;
 * theme and kind are copied from each contribution.
 */
extern const struct db_stmt	sql_import_tallies;		/* no rows */
/*
 * $1 how many. Takes that many imported_participants ids: one row each,
 * the id (IMP_ID_COLS).
 */
extern const struct db_stmt	sql_import_participant_ids;
/*
 * A batch of pseudonymous participants: $1 consultation id, $2 source,
 * $3 ids, $4 their source ids (array literals).
 */
extern const struct db_stmt	sql_import_participants;	/* no rows */
/*
 * A batch of their votes (imported_votes): $1 participant ids, $2
 * proposal ids, $3 choices (agree, mixed, disagree), $4 when, in
 * milliseconds since 1970.
 */
extern const struct db_stmt	sql_import_votes;		/* no rows */
/*
 * $1 consultation id. Sets the consultation's dates to those of its
 * contributions (first one; last one plus one second).
 */
extern const struct db_stmt	sql_import_dates;		/* no rows */

#endif
