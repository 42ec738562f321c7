/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#ifndef AGORA_DB_HEALTH_H
#define AGORA_DB_HEALTH_H

/* One row when the database answers and the schema is in place. */
extern const char	sql_health[];

#endif
