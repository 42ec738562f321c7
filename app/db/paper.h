/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Paper forms (issue 12, item 5; migration 0290, migrations/functions/
 * paper.sql): the sheet references the printable form issues, a sheet
 * typed in by a mediator, and the sheet just entered (the batch screen's
 * confirmation and the fields it keeps for the next sheet).
 */

#ifndef AGORA_DB_PAPER_H
#define AGORA_DB_PAPER_H

#include "assisted.h"

/*
 * $1 theme slug of the primary consultation, $2 fresh references as a
 * text array ("{A,B}"). The references recorded, one row each: none when
 * there is no such theme, fewer when one had been issued already.
 */
#define PAPER_ISSUE_COLS(C)						\
	C(PI_CODE,		"code",		TEXT)
DB_COLUMNS(PAPER_ISSUE_COLS, PI__MAX);
extern const struct db_stmt	sql_paper_sheets_issue;

/*
 * $1 mediator, $2 EPN, $3 sheet reference, $4 theme slug, $5 title, $6
 * body, $7 body HTML, $8 département, $9 consent version, $10 contact or
 * '', $11 collection day (YYYY-MM-DD). One row: code, and the new id when
 * ok or pending (AS_NEW_COLS).
 */
extern const struct db_stmt	sql_paper_enter;

/*
 * $1 mediator, $2 sheet reference: the sheet that mediator entered, zero
 * or one row.
 */
#define PAPER_LAST_COLS(C)						\
	C(PL_CODE,		"sheet_code",	TEXT)			\
	C(PL_EPN,		"epn_id",	INT)			\
	C(PL_THEME,		"theme",	TEXT)	/* slug */	\
	C(PL_DAY,		"collected_on",	TEXT)	/* YYYY-MM-DD */\
	C(PL_PENDING,		"pending",	BOOL)	/* a priori */
DB_COLUMNS(PAPER_LAST_COLS, PL__MAX);
extern const struct db_stmt	sql_paper_last;

/*
 * References of closed consultations never typed in, forgotten (agora
 * purge). One row, n (AS_COUNT_COLS).
 */
extern const struct db_stmt	sql_paper_sheets_purge;

#endif
