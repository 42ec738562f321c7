/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "health.h"

DB_STMT(sql_health, 0, HEALTH_COLS,
    "SELECT 1 AS one FROM consultations WHERE is_primary");
