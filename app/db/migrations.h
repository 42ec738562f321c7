/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#ifndef AGORA_DB_MIGRATIONS_H
#define AGORA_DB_MIGRATIONS_H

#include "db.h"

/*
 * Plain text, not db_stmts: they run before schema_migrations exists, and
 * neither an advisory lock nor CREATE TABLE is checked by `agora sql
 * --check` (CREATE cannot be prepared).
 */
extern const char	sql_migration_lock[];	/* one migrator at a time */
extern const char	sql_migration_table[];	/* creates schema_migrations */

/* No parameters. One row: whether schema_migrations exists. */
#define MIG_EXISTS_COLS(C)						\
	C(MIG_EXISTS,		"exists",	BOOL)
DB_COLUMNS(MIG_EXISTS_COLS, MIG_EXISTS__MAX);
extern const struct db_stmt	sql_migration_exists;

/* No parameters. One row: whether the connected role is a superuser. */
#define MIG_SUPER_COLS(C)						\
	C(MIG_SUPER,		"superuser",	BOOL)
DB_COLUMNS(MIG_SUPER_COLS, MIG_SUPER__MAX);
extern const struct db_stmt	sql_migration_superuser;

/* $1 version. Zero or one row: the migration was applied. */
#define MIG_APPLIED_COLS(C)						\
	C(MIG_APPLIED,		"applied",	INT)
DB_COLUMNS(MIG_APPLIED_COLS, MIG_APPLIED__MAX);
extern const struct db_stmt	sql_migration_applied;

/* $1 version, $2 file name. No rows. */
extern const struct db_stmt	sql_migration_record;

/* No parameters. The migrations applied, by version. */
#define MIG_LIST_COLS(C)						\
	C(MIG_VERSION,		"version",	TEXT)			\
	C(MIG_FILE,		"file",		TEXT)	/* and its date */
DB_COLUMNS(MIG_LIST_COLS, MIG_LIST__MAX);
extern const struct db_stmt	sql_migration_list;

/*
 * No parameters. Rows (label, value): sql_status_counts what the database
 * holds; sql_status_operations what waits for whoever runs the service:
 * unsent mail (all, failing, age of the oldest), the moderation queue
 * (size, age of the oldest), themes whose cached report analyses are out
 * of date, the age of the log's last signed head.
 */
#define STATUS_PAIR_COLS(C)						\
	C(STATUS_LABEL,		"label",	TEXT)			\
	C(STATUS_VALUE,		"value",	TEXT)
DB_COLUMNS(STATUS_PAIR_COLS, STATUS_PAIR__MAX);
extern const struct db_stmt	sql_status_counts;
extern const struct db_stmt	sql_status_operations;

/*
 * No parameters. The failed sign-ins of every account and network (the
 * events sql_rate_take counted and no success gave back) in the last 15
 * minutes and the last hour: the global rate an attack on passwords
 * raises (issue 14, item 5).
 */
#define STATUS_SIGNIN_COLS(C)						\
	C(SS_15MIN,		"last_15min",	INT)			\
	C(SS_HOUR,		"last_hour",	INT)
DB_COLUMNS(STATUS_SIGNIN_COLS, SS__MAX);
extern const struct db_stmt	sql_status_signin;

/*
 * No parameters. The tables, sequences, views and functions of the schema
 * that no GRANT or REVOKE ever touched (their ACL is still PostgreSQL's
 * default: no line in migrations/privileges.sql): "table x", "sequence x",
 * "function f(args)".
 */
#define UNDECIDED_COLS(C)						\
	C(UNDECIDED_OBJECT,	"object",	TEXT)
DB_COLUMNS(UNDECIDED_COLS, UNDECIDED__MAX);
extern const struct db_stmt	sql_privileges_undecided;

#endif
