/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#ifndef AGORA_DB_SESSIONS_H
#define AGORA_DB_SESSIONS_H

#include "db.h"

/*
 * $1 token hash (hex), $2 idle minutes, $3 absolute minutes. Zero or one
 * row; touches last_seen_at at most once a minute. unread: the person's
 * unread notifications for the header, counted on the partial index
 * notifications_unread and capped (the header says "99+" beyond 99).
 */
#define SESSION_COLS(C)							\
	C(SESS_USER_ID,		"id",		INT)			\
	C(SESS_NAME,		"display_name",	TEXT)			\
	C(SESS_TERRITORY,	"territory",	TEXT)	/* "" unknown */\
	C(SESS_VERIFIED,	"verified",	BOOL)			\
	C(SESS_ROLES,		"roles",	TEXT)	/* "citizen,admin" */\
	C(SESS_UNREAD,		"unread",	INT)	/* at most 100 */
DB_COLUMNS(SESSION_COLS, SESS__MAX);
extern const struct db_stmt	sql_session_lookup;

#endif
