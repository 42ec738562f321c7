/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "idem.h"

DB_STMT(sql_idem_lookup, 1, IDEM_COLS,
    "SELECT status, location FROM form_submissions WHERE key_hash = $1");

DB_STMT(sql_idem_record, 3, IDEM_RECORD_COLS,
    "WITH purge AS (DELETE FROM form_submissions WHERE key_hash IN ("
    "  SELECT key_hash FROM form_submissions"
    "  WHERE created_at < now() - interval '1 day'"
    "  ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED))"
    " INSERT INTO form_submissions (key_hash, path, status, location)"
    " VALUES ($1, $2, 303, $3) ON CONFLICT (key_hash) DO NOTHING"
    " RETURNING true AS recorded");
