/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Forms' idempotency keys (migration 0160, app/web/kernel/idem.c). */

#ifndef AGORA_DB_IDEM_H
#define AGORA_DB_IDEM_H

#include "db.h"

/* $1 key hash: the outcome an earlier submission recorded, if any. */
#define IDEM_COLS(C)					\
	C(IDEM_STATUS,		"status",	INT)	\
	C(IDEM_LOCATION,	"location",	TEXT)
DB_COLUMNS(IDEM_COLS, IDEM__MAX);
extern const struct db_stmt	sql_idem_lookup;

/*
 * $1 key hash, $2 path, $3 location: records a 303, inside the request's
 * transaction, and purges a few rows older than a day. One row "recorded"
 * when written; none when the same key was recorded meanwhile (the caller
 * then rolls back and replays that one).
 */
#define IDEM_RECORD_COLS(C)				\
	C(IDEM_RECORDED,	"recorded",	BOOL)
DB_COLUMNS(IDEM_RECORD_COLS, IDEM_RECORD__MAX);
extern const struct db_stmt	sql_idem_record;

#endif
