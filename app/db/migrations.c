/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "migrations.h"

/* Session-level: released when the migrator disconnects. */
const char sql_migration_lock[] =
    "SELECT pg_advisory_lock(7428190)";

const char sql_migration_table[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version text PRIMARY KEY,"
    " file text NOT NULL,"
    " applied_at timestamptz NOT NULL DEFAULT now())";

DB_STMT(sql_migration_superuser, 0, MIG_SUPER_COLS,
    "SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user");

DB_STMT(sql_migration_exists, 0, MIG_EXISTS_COLS,
    "SELECT to_regclass('schema_migrations') IS NOT NULL AS exists");

DB_STMT(sql_migration_applied, 1, MIG_APPLIED_COLS,
    "SELECT 1 AS applied FROM schema_migrations WHERE version = $1::text");

DB_STMT_NOROWS(sql_migration_record, 2,
    "INSERT INTO schema_migrations (version, file) VALUES ($1::text, $2::text)");

DB_STMT(sql_migration_list, 0, MIG_LIST_COLS,
    "SELECT version, file || '  (' || to_char(applied_at, "
    "'YYYY-MM-DD HH24:MI') || ')' AS file FROM schema_migrations"
    " ORDER BY version");

DB_STMT(sql_status_counts, 0, STATUS_PAIR_COLS,
    "SELECT 'consultations' AS label, count(*)::text AS value"
    " FROM consultations"
    " UNION ALL SELECT 'themes', count(*)::text FROM themes"
    " UNION ALL SELECT 'territories', count(*)::text FROM territories"
    " UNION ALL SELECT 'users', count(*)::text FROM users"
    "  WHERE deleted_at IS NULL"
    " UNION ALL SELECT 'contributions', count(*)::text FROM contributions");

#define MINUTES_SINCE(col) \
    "coalesce(floor(extract(epoch FROM now() - min(" col ")) / 60)::text" \
    " || ' min', '-')"

#define MINUTES_SINCE_MAX(col) \
    "coalesce(floor(extract(epoch FROM now() - max(" col ")) / 60)::text" \
    " || ' min', '-')"

DB_STMT(sql_status_operations, 0, STATUS_PAIR_COLS,
    "SELECT 'mail waiting' AS label, count(*)::text AS value FROM outbox"
    " WHERE sent_at IS NULL"
    " UNION ALL SELECT 'mail failing', count(*)::text FROM outbox"
    "  WHERE sent_at IS NULL AND attempts > 0"
    " UNION ALL SELECT 'mail oldest', " MINUTES_SINCE("created_at")
    "  FROM outbox WHERE sent_at IS NULL"
    " UNION ALL SELECT 'queue waiting', count(*)::text FROM contributions"
    "  WHERE status = 'pending'"
    " UNION ALL SELECT 'queue oldest', " MINUTES_SINCE("created_at")
    "  FROM contributions WHERE status = 'pending'"
    " UNION ALL SELECT 'reports stale', count(*)::text FROM report_themes r"
    "  JOIN report_cache_state s ON s.theme_id = r.theme_id"
    "  WHERE r.changed_at > s.computed_at"
    /* agora-sign-log.timer signs every hour: more means it stopped. */
    " UNION ALL SELECT 'log head age', " MINUTES_SINCE_MAX("signed_at")
    "  FROM moderation_log_heads");

DB_STMT(sql_status_signin, 0, STATUS_SIGNIN_COLS,
    "SELECT count(*) FILTER (WHERE created_at > now() - interval '15 minutes')"
    " AS last_15min, count(*) AS last_hour FROM rate_events"
    " WHERE bucket = 'signin_account'"
    " AND created_at > now() - interval '1 hour'");

/* Extension members are the extension's own (pg_trgm, unaccent). */
#define NOT_EXTENSION(cat, oid) \
    " NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '" cat \
    "'::regclass AND d.objid = " oid " AND d.deptype = 'e')"

DB_STMT(sql_privileges_undecided, 0, UNDECIDED_COLS,
    "SELECT CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view'"
    " WHEN 'm' THEN 'materialized view' ELSE 'table' END || ' ' || c.relname"
    " AS object"
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v', 'm', 'f')"
    " AND c.relacl IS NULL AND" NOT_EXTENSION("pg_class", "c.oid")
    " UNION ALL"
    " SELECT 'function ' || p.oid::regprocedure::text"
    " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
    " WHERE n.nspname = 'public' AND p.proacl IS NULL AND"
    NOT_EXTENSION("pg_proc", "p.oid")
    " ORDER BY 1");
