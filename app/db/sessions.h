/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#ifndef AGORA_DB_SESSIONS_H
#define AGORA_DB_SESSIONS_H

/*
 * $1 token hash (hex), $2 idle minutes, $3 absolute minutes.
 * One row: user id, display name, territory, verified (t/f), roles
 * ("citizen,admin"). Touches last_seen_at at most once a minute.
 */
extern const char	sql_session_lookup[];

#endif
