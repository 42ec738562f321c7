/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "health.h"

const char sql_health[] =
    "SELECT 1 FROM consultations WHERE is_primary";
