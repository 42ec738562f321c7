/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "purge.h"

DB_STMT(sql_purge_rate_events, 0, PURGE_COUNT_COLS,
    "WITH d AS (DELETE FROM rate_events"
    " WHERE created_at < now() - interval '1 day' RETURNING 1)"
    " SELECT count(*) AS n FROM d");

DB_STMT(sql_purge_departed, 0, PURGE_COUNT_COLS,
    "WITH d AS (DELETE FROM departed_accounts"
    " WHERE NOT departed_needed(user_id) RETURNING 1)"
    " SELECT count(*) AS n FROM d");

DB_STMT(sql_purge_outbox_erased, 0, PURGE_COUNT_COLS,
    "WITH d AS (DELETE FROM outbox_erased"
    " WHERE erased_at < now() - interval '1 day' RETURNING 1)"
    " SELECT count(*) AS n FROM d");

DB_STMT(sql_purge_sessions, 0, PURGE_COUNT_COLS,
    "WITH d AS (DELETE FROM sessions"
    " WHERE coalesce(ended_at, last_seen_at) < now() - interval '90 days'"
    " RETURNING 1)"
    " SELECT count(*) AS n FROM d");

DB_STMT(sql_purge_warn, 4, PURGE_COUNT_COLS,
    "WITH w AS ("
    " UPDATE users SET inactivity_warned_at = now()"
    " WHERE deleted_at IS NULL AND email IS NOT NULL"
    "  AND inactivity_warned_at IS NULL"
    "  AND coalesce(last_signin_at, created_at)"
    "   < now() - $1::interval + $2::interval"
    "  AND coalesce(last_signin_at, created_at) >= now() - $1::interval"
    " RETURNING id, email, display_name,"
    "  coalesce(last_signin_at, created_at) + $1::interval AS due"
    "), m AS ("
    " INSERT INTO outbox (user_id, recipient, subject, body, kind)"
    " SELECT id, email, $3::text,"
    "  mail_fill($4::text, ARRAY['date', 'name'],"
    "  ARRAY[fr_date(due), display_name]), 'inactivity' FROM w"
    " RETURNING 1"
    ")"
    " SELECT count(*) AS n FROM m");

DB_STMT(sql_purge_candidates, 3, PURGE_CAND_COLS,
    "SELECT id, email FROM users"
    " WHERE deleted_at IS NULL AND id > $2::bigint"
    /* An assisted voter's participant is no account: never "inactive". */
    "  AND NOT EXISTS (SELECT 1 FROM assisted_voters a"
    "   WHERE a.user_id = users.id)"
    "  AND coalesce(last_signin_at, created_at) < now() - $1::interval"
    " ORDER BY id LIMIT $3::int");

DB_STMT(sql_purge_account, 4, PURGE_ACCOUNT_COLS,
    "SELECT user_purge($1::bigint, $2::text, $3::text, $4::interval)"
    " AS status");

const char sql_purge_vacuum[] =
    "VACUUM users, sessions, user_roles, outbox, outbox_erased,"
    " account_tokens, notifications, flags, rate_events, departed_accounts";
