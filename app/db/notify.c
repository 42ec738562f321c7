/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "notify.h"

DB_STMT(sql_follow_proposal_state, 2, NOTIFY_FOLLOWING_COLS,
    "SELECT EXISTS (SELECT 1 FROM follows WHERE proposal_id = $2::bigint"
    " AND user_id = $1::bigint) AS following");

DB_STMT(sql_follow_theme_state, 2, NOTIFY_FOLLOWING_COLS,
    "SELECT EXISTS (SELECT 1 FROM follows WHERE theme_id = $2::int"
    " AND user_id = $1::bigint) AS following");

DB_STMT(sql_follow_proposal_set, 3, NOTIFY_FOLLOW_SET_COLS,
    "WITH p AS (SELECT id FROM contributions WHERE id = $2::bigint"
    "  AND kind = 'proposal' AND is_public),"
    " del AS (DELETE FROM follows WHERE NOT $3::boolean"
    "  AND proposal_id = (SELECT id FROM p) AND user_id = $1::bigint"
    "  RETURNING 1),"
    " ins AS (INSERT INTO follows (user_id, proposal_id)"
    "  SELECT $1::bigint, id FROM p WHERE $3::boolean"
    "  ON CONFLICT (proposal_id, user_id) WHERE proposal_id IS NOT NULL"
    "  DO NOTHING RETURNING 1)"
    " SELECT EXISTS (SELECT 1 FROM p) AS found");

DB_STMT(sql_follow_theme_set, 3, NOTIFY_FOLLOW_SET_COLS,
    "WITH t AS (SELECT t.id FROM themes t JOIN consultations k"
    "  ON k.id = t.consultation_id AND k.is_primary WHERE t.slug = $2::text),"
    " del AS (DELETE FROM follows WHERE NOT $3::boolean"
    "  AND theme_id = (SELECT id FROM t) AND user_id = $1::bigint"
    "  RETURNING 1),"
    " ins AS (INSERT INTO follows (user_id, theme_id)"
    "  SELECT $1::bigint, id FROM t WHERE $3::boolean"
    "  ON CONFLICT (theme_id, user_id) WHERE theme_id IS NOT NULL"
    "  DO NOTHING RETURNING 1)"
    " SELECT EXISTS (SELECT 1 FROM t) AS found");

#define PREF_KINDS "ARRAY['reply', 'argument', 'answer', 'activity', 'theme']"

DB_STMT(sql_notify_prefs, 1, NOTIFY_PREF_COLS,
    "SELECT k AS kind, notify_mode($1::bigint, k) AS mode"
    " FROM unnest(" PREF_KINDS ") WITH ORDINALITY u(k, i) ORDER BY i");

DB_STMT_NOROWS(sql_notify_prefs_save, 6,
    "INSERT INTO notification_prefs (user_id, kind, mode)"
    " VALUES ($1::bigint, 'reply', $2::text), ($1, 'argument', $3::text),"
    " ($1, 'answer', $4::text), ($1, 'activity', $5::text),"
    " ($1, 'theme', $6::text)"
    " ON CONFLICT (user_id, kind) DO UPDATE SET mode = EXCLUDED.mode,"
    " updated_at = now()");

DB_STMT(sql_notify_unsubscribe, 2, NOTIFY_UNSUB_COLS,
    "WITH u AS (SELECT id FROM users WHERE id = $1::bigint"
    "  AND deleted_at IS NULL),"
    " k AS (SELECT x FROM unnest(" PREF_KINDS ") x"
    "  WHERE x = $2::text OR ($2::text = 'digest'"
    "  AND notify_mode($1::bigint, x) = 'digest')),"
    " w AS (INSERT INTO notification_prefs (user_id, kind, mode)"
    "  SELECT u.id, k.x, 'none' FROM u, k"
    "  ON CONFLICT (user_id, kind) DO UPDATE SET mode = 'none',"
    "  updated_at = now() RETURNING 1)"
    " SELECT EXISTS (SELECT 1 FROM u) AS found");

DB_STMT(sql_notify_fanout, 5, NOTIFY_RUN_COLS,
    "SELECT notify_fanout($1::int, $2::text[], $3::text[], $4::text[],"
    " $5::text) AS n");

DB_STMT(sql_notify_digest, 7, NOTIFY_RUN_COLS,
    "SELECT notify_digest($1::int, $2::int, $3::text[], $4::text[],"
    " $5::text, $6::text, $7::text) AS n");
