/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Reading the moderation log's rows from the binary cursor of
 * sql_log_rows_open (app/db/moderation.h): the raw values PostgreSQL
 * stores, decoded here, so that nothing the database computes (no text
 * output function, no time zone, no SQL function) enters the chain check.
 */

#ifndef AGORA_DB_MODLOG_READ_H
#define AGORA_DB_MODLOG_READ_H

#include <libpq-fe.h>

#include "../core/modlog.h"

/* 0 when the result has the LOGROW_* columns with their types, else -1. */
int	modlog_rows_check(const PGresult *);
/*
 * Row i of such a result into r (strings borrowed from the result). 0, or
 * -1 when a value is not what the column holds.
 */
int	modlog_row_read(const PGresult *, int, struct modlog_row *);

#endif
