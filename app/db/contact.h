/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Messages to the moderation team (issue 13, item 11; migration 0310,
 * migrations/functions/contact.sql): the public form writes them, the
 * moderators read them, `agora purge` erases them.
 */

#ifndef AGORA_DB_CONTACT_H
#define AGORA_DB_CONTACT_H

#include "db.h"

/*
 * $1 sender's account or NULL, $2 subject code, $3 its French label, $4
 * message, $5 link or "", $6 reply address (anonymous), $7 mail subject
 * and $8 body (MT_CONTACT), $9 the moderators' list (URL). One row: its id.
 */
#define CONTACT_SEND_COLS(C)						\
	C(CS_ID,		"id",			INT)
DB_COLUMNS(CONTACT_SEND_COLS, CS__MAX);
extern const struct db_stmt	sql_contact_send;

/*
 * $1 at most this many, $2 skipped (newest first). The messages with who
 * wrote them and where to reply, and (every row) how many there are.
 */
#define CONTACT_LIST_COLS(C)						\
	C(CL_ID,		"id",			INT)		\
	C(CL_DATE,		"date",			TEXT)	/* French */\
	C(CL_SUBJECT,		"subject",		TEXT)	/* code */\
	C(CL_BODY,		"body",			TEXT)		\
	C(CL_LINK,		"link",			TEXT)	/* "" none */\
	C(CL_SENDER,		"sender",		TEXT)	/* "" anonymous */\
	C(CL_REPLY,		"reply",		TEXT)	/* "" none */\
	C(CL_TOTAL,		"total",		INT)
DB_COLUMNS(CONTACT_LIST_COLS, CL__MAX);
extern const struct db_stmt	sql_contact_list;

/* $1 days: erases older messages and their mail. One row: how many. */
#define CONTACT_PURGE_COLS(C)						\
	C(CP_N,			"n",			INT)
DB_COLUMNS(CONTACT_PURGE_COLS, CP__MAX);
extern const struct db_stmt	sql_contact_purge;

#endif
