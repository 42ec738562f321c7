/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Notifications and following (issue 13, item 8): following a proposal or
 * a theme, e-mail preferences, one-click unsubscribe, and the mail
 * sender's fan-out and digest (functions/notifications.sql).
 */

#ifndef AGORA_DB_NOTIFY_H
#define AGORA_DB_NOTIFY_H

#include "db.h"

/* $1 user, $2 proposal id. One row: does the person follow it? */
#define NOTIFY_FOLLOWING_COLS(C)					\
	C(NFW_FOLLOWING,	"following",	BOOL)
DB_COLUMNS(NOTIFY_FOLLOWING_COLS, NFW__MAX);
extern const struct db_stmt	sql_follow_proposal_state;
/* $1 user, $2 theme id. One row. */
extern const struct db_stmt	sql_follow_theme_state;

/*
 * $1 user, $2 proposal id, $3 true to follow, false to stop. One row:
 * found is false when no public proposal has that id (nothing written).
 */
#define NOTIFY_FOLLOW_SET_COLS(C)					\
	C(NFS_FOUND,		"found",	BOOL)
DB_COLUMNS(NOTIFY_FOLLOW_SET_COLS, NFS__MAX);
extern const struct db_stmt	sql_follow_proposal_set;
/* $1 user, $2 theme slug (primary consultation), $3 follow. One row. */
extern const struct db_stmt	sql_follow_theme_set;

/* $1 user. One row per kind that has a preference, in vocab order. */
#define NOTIFY_PREF_COLS(C)						\
	C(NPR_KIND,		"kind",		TEXT)			\
	C(NPR_MODE,		"mode",		TEXT)
DB_COLUMNS(NOTIFY_PREF_COLS, NPR__MAX);
extern const struct db_stmt	sql_notify_prefs;
/* $1 user, $2..$6 the modes of reply, argument, answer, activity, theme. */
extern const struct db_stmt	sql_notify_prefs_save;

/*
 * $1 user, $2 kind ("digest": every kind now mailed in the digest). Sets
 * the mode to none; one row, found false for an erased or unknown account.
 */
#define NOTIFY_UNSUB_COLS(C)						\
	C(NUN_FOUND,		"found",	BOOL)
DB_COLUMNS(NOTIFY_UNSUB_COLS, NUN__MAX);
extern const struct db_stmt	sql_notify_unsubscribe;

/*
 * The mail sender. Fan-out: $1 batch, $2 kinds, $3 subjects, $4 bodies
 * (text arrays), $5 base URL; digest: $1 people at most, $2 hour, $3
 * kinds, $4 lines, $5 subject, $6 body, $7 base URL. One row each: n.
 */
#define NOTIFY_RUN_COLS(C)						\
	C(NRU_N,		"n",		INT)
DB_COLUMNS(NOTIFY_RUN_COLS, NRU__MAX);
extern const struct db_stmt	sql_notify_fanout;
extern const struct db_stmt	sql_notify_digest;

#endif
