/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "sessions.h"

DB_STMT(sql_session_lookup, 3, SESSION_COLS,
    "WITH s AS ("
    " SELECT s.id AS sid, u.id, u.display_name,"
    "  coalesce(u.territory_code, '') AS territory,"
    "  u.verified_at IS NOT NULL AS verified,"
    "  coalesce((SELECT string_agg(r.role, ',') FROM user_roles r"
    "   WHERE r.user_id = u.id), '') AS roles,"
    "  (SELECT count(*) FROM (SELECT 1 FROM notifications n"
    "   WHERE n.user_id = u.id AND n.read_at IS NULL LIMIT 100) x) AS unread,"
    "  s.last_seen_at"
    " FROM sessions s JOIN users u ON u.id = s.user_id"
    " WHERE s.token_hash = $1 AND s.ended_at IS NULL"
    "  AND u.deleted_at IS NULL"
    "  AND s.last_seen_at > now() - make_interval(mins => $2::int)"
    "  AND s.created_at > now() - make_interval(mins => $3::int)"
    "), touch AS ("
    " UPDATE sessions SET last_seen_at = now()"
    " WHERE id = (SELECT sid FROM s)"
    "  AND last_seen_at < now() - interval '1 minute'"
    ")"
    " SELECT id, display_name, territory, verified, roles, unread FROM s");
