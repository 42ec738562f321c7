/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#ifndef AGORA_DB_MIGRATIONS_H
#define AGORA_DB_MIGRATIONS_H

extern const char	sql_migration_lock[];	/* one migrator at a time */
extern const char	sql_migration_table[];	/* creates schema_migrations */
extern const char	sql_migration_exists[];	/* one row: 't' or 'f' */
extern const char	sql_migration_superuser[]; /* one row: 't' or 'f' */
extern const char	sql_migration_applied[]; /* $1 version: 0 or 1 row */
extern const char	sql_migration_record[];	/* $1 version, $2 file */
extern const char	sql_migration_list[];	/* version, file name */
extern const char	sql_status_counts[];	/* (what, count) rows */
/*
 * No parameters. Rows (label, value) for whoever runs the service: unsent
 * mail (all, failing, age of the oldest), the moderation queue (size, age
 * of the oldest), themes whose cached report analyses are out of date.
 */
extern const char	sql_status_operations[];
/*
 * No parameters. The tables, sequences, views and functions of the schema
 * that no GRANT or REVOKE ever touched (their ACL is still PostgreSQL's
 * default: no line in migrations/privileges.sql), one column: "table x",
 * "sequence x", "function f(args)".
 */
enum { UNDECIDED_OBJECT, UNDECIDED__MAX };
extern const char	sql_privileges_undecided[];

#endif
