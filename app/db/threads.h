/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * A proposal's thread, one page of it (issue 18, item 2): per side, a page
 * of its arguments, and a page of the comments answering the proposal,
 * each read from an index from its cursor (keyset, migration 0400), with
 * the replies under those rows, a bounded number per row.
 */

#ifndef AGORA_DB_THREADS_H
#define AGORA_DB_THREADS_H

#include "db.h"
#include "participation.h"

/*
 * $1 proposal, $2 the viewer or NULL, $3 rows per list and page (N),
 * $4/$5 the arguments pour's cursor: mode ('' the first page, 'de' from
 * that row, 'avant' the page before it, 'voir' the page holding that row
 * or the row its reply is under, pages aligned on multiples of N) and its
 * row id (or NULL); $6/$7 the same for contre, $8/$9 for the comments;
 * $10 replies shown under each top-level row, $11 a top-level row whose
 * replies are all shown (up to $12), or NULL; $13 the edit window
 * (minutes); $14 true: the order "utile" (most marks first, a withdrawn
 * argument last), else by date. Rows: each list's top-level rows (up to
 * N + 1: one more says there is a next page) in its order, with the list's position of its
 * first row and its number of rows ("first", "total") and the row's
 * replies shown or not ("nreplies"); then the replies (first and total
 * 0), oldest first. Published or the viewer's own.
 */
#define THREAD_PAGE_COLS(C)						\
	PART_THREAD_COLS(C)						\
	C(TP_FIRST,		"first",		INT)	/* 1-based */\
	C(TP_TOTAL,		"total",		INT)		\
	C(TP_NREPLIES,		"nreplies",		INT)
/* PART_THREAD_COLS (TR_*), then these. */
enum { TP_FIRST = TR__MAX, TP_TOTAL, TP_NREPLIES, TP__MAX };
extern const struct db_stmt	sql_thread_page;

/*
 * $1 proposal. One row: its public arguments pour and contre, and its
 * public comments under the proposal (not those under an argument).
 */
#define THREAD_COUNT_COLS(C)						\
	C(TC_POUR,		"pour",			INT)		\
	C(TC_CONTRE,		"contre",		INT)		\
	C(TC_COMMENTS,		"comments",		INT)
DB_COLUMNS(THREAD_COUNT_COLS, TC__MAX);
extern const struct db_stmt	sql_thread_counts;

#endif
