/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#ifndef AGORA_DB_HEALTH_H
#define AGORA_DB_HEALTH_H

#include "db.h"

/* No parameters. One row when the database answers and the schema is in place. */
#define HEALTH_COLS(C)							\
	C(HEALTH_ONE,		"one",		INT)
DB_COLUMNS(HEALTH_COLS, HEALTH__MAX);
extern const struct db_stmt	sql_health;

#endif
