/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * `agora purge` (app/cli/purge.c): what is kept only for a while, and the
 * deletion of accounts without a sign-in for three years. Intervals are
 * PostgreSQL interval text ("3 years").
 */

#ifndef AGORA_DB_PURGE_H
#define AGORA_DB_PURGE_H

#include "db.h"

/* The one row of the statements that count what they did. */
#define PURGE_COUNT_COLS(C)						\
	C(PURGE_N,		"n",		INT)
DB_COLUMNS(PURGE_COUNT_COLS, PURGE_N__MAX);

/*
 * No parameters. Forgets abuse-limiter events older than a day (the longest
 * window a limit may have). One row: rows deleted.
 */
extern const struct db_stmt	sql_purge_rate_events;
/*
 * No parameters. Forgets the keyed addresses of deleted accounts no longer
 * needed (departed_needed(): no vote, mark or flag in a consultation open
 * or closed less than 30 days ago). One row: rows deleted.
 */
extern const struct db_stmt	sql_purge_departed;
/*
 * No parameters. Forgets the ids of erased outbox messages older than a
 * day: where mail is written to files, the sender has removed them long
 * since; with a relay there were none. One row: rows deleted.
 */
extern const struct db_stmt	sql_purge_outbox_erased;
/*
 * No parameters. Forgets sessions ended, or last used, more than 90 days
 * ago (no session lives that long idle). One row: rows deleted.
 */
extern const struct db_stmt	sql_purge_sessions;
/*
 * $1 inactivity before deletion, $2 notice, $3 subject, $4 body with
 * {name} (display name) and {date} (French date of the deletion), filled
 * by mail_fill() (app/core/mail_texts.def: MT_INACTIVITY). Queues
 * the warning to every live account whose last sign-in (else creation)
 * is older than $1 - $2 but not $1, and not warned since; dates the
 * warning. One row: warnings queued.
 */
extern const struct db_stmt	sql_purge_warn;
/*
 * $1 inactivity, $2 ids above this one, $3 batch size. Live accounts
 * without a sign-in (else creation) for $1, by id.
 */
#define PURGE_CAND_COLS(C)						\
	C(PURGE_CAND_ID,	"id",		INT)			\
	C(PURGE_CAND_EMAIL,	"email",	TEXT)	/* may be NULL */
DB_COLUMNS(PURGE_CAND_COLS, PURGE_CAND__MAX);
extern const struct db_stmt	sql_purge_candidates;
/*
 * $1 user id, $2 its e-mail, $3 the keyed hash of that address, $4
 * inactivity. One row (user_purge(), migration 0152: the erasure of a
 * person's own deletion).
 */
#define PURGE_ACCOUNT_COLS(C)						\
	C(PURGE_ACCOUNT_STATUS,	"status",	TEXT)	/* vocab_erasure */
DB_COLUMNS(PURGE_ACCOUNT_COLS, PURGE_ACCOUNT__MAX);
extern const struct db_stmt	sql_purge_account;

/*
 * No parameters, no rows: VACUUM of the tables user_erase() and the purge
 * change (run outside a transaction). Plain text, not a db_stmt: VACUUM
 * cannot be prepared, so `agora sql --check` could not check it.
 */
extern const char	sql_purge_vacuum[];

#endif
