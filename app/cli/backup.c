/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora backup --output FILE: the database in pg_dump's custom format
 * (compressed, one consistent snapshot, taken while the site runs).
 * agora restore FILE: that file into the database of the settings, which
 * must be empty (no table yet: a new database, or a new cluster), in one
 * transaction, so a failed restore leaves nothing behind. Both run
 * PostgreSQL 15's own pg_dump and pg_restore (setting pg_bindir, default
 * /usr/lib/postgresql/15/bin) with the owner's connection string
 * (owner_database: the application's role may not read every sequence,
 * and the restored objects must belong to the owner, with the grants of
 * migrations/privileges.sql that the dump carries); keep any password in
 * ~/.pgpass rather than in the string, which they see on their command
 * line. The secret file is not in the database: back
 * it up beside (README, "Backups").
 */

#include <sys/wait.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../core/settings.h"
#include "cli.h"

/* Runs argv[0] of pg_bindir with argv; its exit status (-1: not run). */
static int
run_tool(const char *tool, char *const argv[], const char *out)
{
	char	 path[1024];
	pid_t	 pid;
	int	 status;
	FILE	*fp;

	snprintf(path, sizeof(path), "%s/%s",
	    settings_text(SET_PG_BINDIR), tool);
	if ((pid = fork()) == -1)
		return (-1);
	if (pid == 0) {
		if (out != NULL) {
			if ((fp = freopen(out, "w", stdout)) == NULL)
				_exit(127);
		}
		execv(path, argv);
		fprintf(stderr, "agora: %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return (-1);
	return (WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

static double
now_s(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

int
cmd_backup(int argc, char **argv)
{
	const char	*out = NULL;
	char		*dsn;
	double		 t0;
	int		 i, rc;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--output") == 0 && i + 1 < argc)
			out = argv[++i];
		else
			break;
	}
	if (out == NULL || i != argc) {
		fprintf(stderr, "usage: agora backup --output FILE\n");
		return (2);
	}
	if ((dsn = (char *)settings_text(SET_OWNER_DATABASE)) == NULL)
		dsn = "";
	t0 = now_s();
	{
		char *const args[] = { "pg_dump", "--format=custom",
		    "--compress=6", "--no-owner", "--file", (char *)out,
		    "--dbname", dsn, NULL };
		rc = run_tool("pg_dump", args, NULL);
	}
	if (rc != 0) {
		fprintf(stderr, "agora backup: pg_dump failed (status %d); "
		    "nothing was written\n", rc);
		unlink(out);
		return (1);
	}
	printf("OK: %s written in %.1f s\n", out, now_s() - t0);
	return (0);
}

/* The number of tables of the target's public schema (0: empty). */
static long
tables_in(PGconn *db)
{
	PGresult	*res;
	long		 n;

	res = cli_exec(db, "SELECT count(*) FROM pg_class c JOIN "
	    "pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = "
	    "'public' AND c.relkind IN ('r', 'p')", 0, NULL);
	n = strtol(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return (n);
}

/* 1 when the owner's database holds no table yet; else says so. */
static int
target_empty(void)
{
	PGconn	*db = cli_connect_owner();
	long	 n = tables_in(db);

	PQfinish(db);
	if (n == 0)
		return (1);
	fprintf(stderr, "agora restore: the database already holds %ld "
	    "tables; restore into a new, empty database (createdb, then "
	    "point the settings \"database\" and \"owner_database\" at "
	    "it)\n", n);
	return (0);
}

int
cmd_restore(int argc, char **argv)
{
	PGconn		*db;
	char		 list[] = "/tmp/agora-restore-XXXXXX", line[4096];
	char		*dsn, *filtered;
	FILE		*in, *outf;
	double		 t0;
	int		 fd, rc;

	if (argc != 2) {
		fprintf(stderr, "usage: agora restore FILE\n");
		return (2);
	}
	if (access(argv[1], R_OK) == -1) {
		fprintf(stderr, "agora restore: %s: %s\n", argv[1],
		    strerror(errno));
		return (1);
	}
	if (!target_empty())
		return (1);
	if ((dsn = (char *)settings_text(SET_OWNER_DATABASE)) == NULL)
		dsn = "";
	/*
	 * The table of contents without the extensions' comments: they
	 * belong to the extension's owner (a superuser), not to the
	 * database's owner who restores, and would fail the transaction.
	 */
	if ((fd = mkstemp(list)) == -1 ||
	    (filtered = malloc(strlen(list) + 6)) == NULL) {
		fprintf(stderr, "agora restore: %s\n", strerror(errno));
		return (1);
	}
	close(fd);
	sprintf(filtered, "%s.list", list);
	{
		char *const args[] = { "pg_restore", "--list", argv[1], NULL };
		rc = run_tool("pg_restore", args, list);
	}
	if (rc != 0 || (in = fopen(list, "r")) == NULL ||
	    (outf = fopen(filtered, "w")) == NULL) {
		fprintf(stderr, "agora restore: %s is not a backup of "
		    "agora backup (pg_restore --list: status %d)\n", argv[1],
		    rc);
		unlink(list);
		free(filtered);
		return (1);
	}
	while (fgets(line, sizeof(line), in) != NULL)
		if (strstr(line, " COMMENT - EXTENSION ") == NULL)
			fputs(line, outf);
	fclose(in);
	fclose(outf);
	t0 = now_s();
	{
		char *const args[] = { "pg_restore", "--exit-on-error",
		    "--single-transaction", "--no-owner", "--use-list",
		    filtered, "--dbname", dsn, argv[1], NULL };
		rc = run_tool("pg_restore", args, NULL);
	}
	unlink(list);
	unlink(filtered);
	free(filtered);
	if (rc != 0) {
		fprintf(stderr, "agora restore: pg_restore failed (status %d); "
		    "the database was left as it was\n", rc);
		return (1);
	}
	/* Statistics for the planner: a restored database has none. */
	db = cli_connect_owner();
	/* Not the shared catalogs: only a superuser may, and says so. */
	PQclear(cli_exec(db, "SET client_min_messages = error", 0, NULL));
	PQclear(cli_exec(db, "ANALYZE", 0, NULL));
	PQfinish(db);
	printf("OK: %s restored in %.1f s; check it with agora verify-log\n",
	    argv[1], now_s() - t0);
	return (0);
}
