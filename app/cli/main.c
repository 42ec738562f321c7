/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/settings.h"
#include "cli.h"

static const struct {
	const char	*name;
	int		(*run)(int, char **);
	const char	*usage;
} commands[] = {
	{ "migrate",	cmd_migrate,	"migrate [--dir DIR]   apply pending migrations" },
	{ "status",	cmd_status,	"status                applied migrations and counts" },
	{ "sql",	cmd_sql,	"sql NAME|--list|--check   print a statement, or check them all" },
	{ "verify-log",	cmd_verify_log,	"verify-log [--head FILE] [--key PUBLIC.pem]\n"
	    "                                check the moderation log's chain (and a saved signed head)" },
	{ "sign-log",	cmd_sign_log,	"sign-log              check the moderation log, then sign and store its head" },
	{ "backup",	cmd_backup,	"backup --output FILE  the database, with pg_dump (custom format)" },
	{ "restore",	cmd_restore,	"restore FILE          a backup into the (empty) database of the settings" },
	/* People (issue 3). */
	{ "user",	cmd_user,	"user create|role|list accounts and roles (agora user for help)" },
	{ "routes",	cmd_routes,	"routes                the routing and authorisation table" },
	{ "codes",	cmd_codes,	"codes                 the SQL functions' answers the C side maps" },
	{ "settings",	cmd_settings,	"settings [--markdown]  effective settings (secrets hidden), or the README's table" },
	{ "fields",	cmd_fields,	"fields                conf/routes.conf, from the declared form fields" },
	{ "hash-password", cmd_hash_password, NULL },
	{ "export",	cmd_export,	"export [--format csv|json] [--theme SLUG] [--output FILE]   open data" },
	{ "import",	cmd_import,	"import republique-numerique|decidim|polis DIR   import a consultation" },
	{ "generate",	cmd_generate,	"generate [--proposals N] [--arguments N] [--votes N] [--users N]\n"
	    "                                load-test data (defaults 100000 300000 2000000)" },
	/* Reports at scale (issue 6). */
	{ "refresh-reports", cmd_refresh_reports, "refresh-reports [--all] [--max-age MIN] [--rebuild]\n"
	    "                                recompute the reports' cached analyses" },
	/* Assisted participation (issue 12). */
	{ "epn",	cmd_epn,	"epn add|list|stop    the EPN directory and the mobile EPN's tour (agora epn for help)" },
	/* The opinion map (issue 15). */
	{ "opinion-map", cmd_opinion_map, "opinion-map [--consultation SLUG] [--theme SLUG] [--members FILE.csv]\n"
	    "                                the opinion map of a scope; alone: every scope with enough new votes" },
	/* Topics (issue 16). */
	{ "topics", cmd_topics, "topics [--consultation SLUG] [--theme SLUG]\n"
	    "                                the topics of a theme, of a consultation's themes, or of all" },
	/* Erasure (issue 10). */
	{ "purge",	cmd_purge,	"purge                 forget old limiter events, delete accounts without a\n"
	    "                                sign-in for three years (warned 30 days before)" },
};

static void
usage(void)
{
	size_t	i;

	fprintf(stderr, "usage: agora [-c settings.ini] command [args]\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (commands[i].usage != NULL)	/* NULL: hidden */
			fprintf(stderr, "  agora %s\n", commands[i].usage);
	exit(2);
}

static PGconn *
connect_setting(enum setting_id key, const char *why)
{
	PGconn		*db;
	const char	*dsn;

	if ((dsn = settings_text(key)) == NULL) {
		fprintf(stderr, "agora: no %s in %s%s\n", settings_key(key),
		    settings_path(), why);
		exit(1);
	}
	db = PQconnectdb(dsn);
	if (PQstatus(db) != CONNECTION_OK) {
		fprintf(stderr, "agora: cannot connect: %s", PQerrorMessage(db));
		PQfinish(db);
		exit(1);
	}
	/* "already exists, skipping" and the like are not for operators. */
	PQclear(cli_exec(db, "SET client_min_messages = warning", 0, NULL));
	return (db);
}

PGconn *
cli_connect(void)
{
	return (connect_setting(SET_DATABASE, ""));
}

PGconn *
cli_connect_owner(void)
{
	return (connect_setting(SET_OWNER_DATABASE, " (the connection of the "
	    "role that owns the schema: see README, \"Running in "
	    "production\")"));
}

ssize_t
cli_secret(unsigned char *key, size_t cap)
{
	const char	*path = settings_text(SET_SECRET_FILE);
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		return (-1);
	n = read(fd, key, cap);
	close(fd);
	return (n < 32 ? -1 : n);
}

PGresult *
cli_exec(PGconn *db, const char *sql, int n, const char *const *vals)
{
	PGresult	*res;
	ExecStatusType	 st;

	res = PQexecParams(db, sql, n, NULL, vals, NULL, NULL, 0);
	st = PQresultStatus(res);
	if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
		fprintf(stderr, "agora: %s", PQresultErrorMessage(res));
		PQclear(res);
		PQfinish(db);
		exit(1);
	}
	return (res);
}

struct db_rows
cli_query_argv(PGconn *db, const struct db_stmt *st, const struct db_arg *args,
    int n)
{
	struct db_rows	 r;
	const char	*vals[32];
	char		 bufs[32][24];
	int		 i;

	if (n != st->nparams || n > 32) {
		fprintf(stderr, "agora: %s: %d parameters given, %d declared\n",
		    st->name, n, st->nparams);
		PQfinish(db);
		exit(1);
	}
	for (i = 0; i < n; i++)
		vals[i] = db_arg_text(&args[i], bufs[i]);
	r.stmt = st;
	r.fault = 0;
	r.res = cli_exec(db, st->sql, n, vals);
	return (r);
}

/* A read that does not fit the statement's declaration is a bug: stop. */
static void
cli_fault(const char *msg)
{
	fprintf(stderr, "agora: %s\n", msg);
	exit(1);
}

int
main(int argc, char **argv)
{
	const char	*conf = NULL;
	char		 err[512];
	size_t		 i;

	if (argc > 2 && strcmp(argv[1], "-c") == 0) {
		conf = argv[2];
		argc -= 2;
		argv += 2;
	}
	db_fault_hook = cli_fault;
	if (argc < 2)
		usage();
	if (settings_load(conf, err, sizeof(err)) == -1) {
		fprintf(stderr, "agora: settings: %s\n", err);
		return (1);
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return (commands[i].run(argc - 1, argv + 1));
	usage();
	return (2);
}
