/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* The agora command-line tool: one file per command, sync libpq. */

#ifndef AGORA_CLI_H
#define AGORA_CLI_H

#include <sys/types.h>

#include <stddef.h>

#include <libpq-fe.h>

#include "../db/db.h"

/*
 * Connects with the "database" setting (the application's role, which owns
 * nothing); exits with a message on failure.
 */
PGconn	*cli_connect(void);
/*
 * Connects with the "owner_database" setting (the role that owns the
 * schema): migrate, and generate, which disables triggers.
 */
PGconn	*cli_connect_owner(void);
/*
 * Reads the server's secret (setting secret_file) into key, at most cap
 * bytes. Its length, or -1 when unreadable or shorter than 32 bytes.
 */
ssize_t	 cli_secret(unsigned char *, size_t);
/* Runs sql with text parameters; exits with a message unless it succeeds. */
PGresult *cli_exec(PGconn *, const char *, int, const char *const *);
/*
 * Runs a statement of app/db with typed parameters (db.h), exits with a
 * message unless it succeeds: cli_query(db, &sql_x, DB_INT(1)). The caller
 * PQclear()s rows.res; a misread cell exits (cli_fault).
 */
#define cli_query(db, st, ...)						\
	cli_query_argv((db), (st), DB_ARGV(__VA_ARGS__), DB_NARGS(__VA_ARGS__))
struct db_rows	 cli_query_argv(PGconn *, const struct db_stmt *,
		    const struct db_arg *, int);
/*
 * Reads the server secret (setting secret_file, as the kore module does)
 * into key (keysize bytes at most; 64 is enough). 0, or -1 with a message.
 */
int	cli_secret_load(unsigned char *, size_t, size_t *);

int	cmd_migrate(int, char **);
int	cmd_status(int, char **);
int	cmd_sql(int, char **);
int	cmd_verify_log(int, char **);
int	cmd_sign_log(int, char **);

/* People (user.c and friends, routes.c, hash_password.c). */
int	cmd_user(int, char **);
int	cmd_user_create(int, char **);
int	cmd_user_role(int, char **);
int	cmd_user_list(int, char **);
int	cmd_routes(int, char **);
int	cmd_codes(int, char **);
int	cmd_fields(int, char **);
int	cmd_settings(int, char **);
int	cmd_hash_password(int, char **);
/*
 * Reads a new password from $AGORA_NEW_PASSWORD, else one line of stdin
 * (end of line removed; "" at end of input). 0, or -1 when too long.
 */
int	cli_password_read(char *, size_t);
/* The scrypt cost of the settings (password_scrypt_ln, default 15). */
int	cli_password_cost(void);
int	cmd_import(int, char **);
int	cmd_export(int, char **);
int	cmd_generate(int, char **);
int	cmd_refresh_reports(int, char **);
/* Backups (backup.c): pg_dump and pg_restore. */
int	cmd_backup(int, char **);
int	cmd_restore(int, char **);
/*
 * The EPN directory and the tour (epn.c, epn_add.c, epn_stop.c). The
 * helpers print "agora epn CMD : msg" and return 1: cli_epn_text trims
 * s into *out and checks it with epn_text_problem (app/core/epn.h).
 */
int	cmd_epn(int, char **);
int	cmd_epn_add(int, char **);
int	cmd_epn_stop(int, char **);
int	cmd_epn_mediator(int, char **);
int	cli_epn_fail(const char *, const char *);
int	cli_epn_text(const char *, const char *, char *, size_t, int, int,
	    const char **);
/* The opinion map of a theme or a consultation (opinion_map.c). */
int	cmd_opinion_map(int, char **);
/* The topics of a theme, of a consultation's themes, of all (topics.c). */
int	cmd_topics(int, char **);
/* Erasure (purge.c): limiter events, inactive accounts. */
int	cmd_purge(int, char **);

#endif
