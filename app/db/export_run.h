/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Writes an open-data file from a synchronous libpq connection: shared by
 * `agora export` and the kore task behind /export/, so both produce the
 * same bytes. CSV comes from PostgreSQL's COPY, JSON from a cursor read in
 * batches, inside one REPEATABLE READ snapshot.
 */

#ifndef AGORA_DB_EXPORT_RUN_H
#define AGORA_DB_EXPORT_RUN_H

#include <stddef.h>

#include <libpq-fe.h>

#include "../core/html.h"

/*
 * theme: slug of the primary consultation or NULL; json: 1 for JSON, 0 for
 * CSV; key: the pseudonym key; progress (may be NULL) is called after each
 * batch with the rows written so far. Returns the number of rows, or -1 on
 * a database error (message in err).
 */
long	export_run(PGconn *, const char *, int, const unsigned char *, size_t,
	    struct html_out *, void (*)(size_t), char *, size_t);

#endif
