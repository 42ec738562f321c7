/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora migrate: applies migrations/NNNN_name.sql in order, each once, each
 * in its own transaction, recorded in schema_migrations. A failing file is
 * rolled back whole and stops the run with its name and PostgreSQL's message.
 * Then, every time: the current text of every function and trigger,
 * migrations/functions/<area>.sql (one file per area, each function in one
 * place: changing a function means editing its file, not copying its body
 * into a new migration), in one transaction; then migrations/privileges.sql
 * (what the application's role may do, object by object), and names every
 * object that file says nothing about. Connects as the owner role (setting
 * owner_database).
 */

#include <dirent.h>
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/migrations.h"
#include "cli.h"

static char *
slurp(const char *path)
{
	FILE	*f;
	char	*buf;
	long	 len;

	if ((f = fopen(path, "r")) == NULL)
		return (NULL);
	if (fseek(f, 0, SEEK_END) == -1 || (len = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) == -1 ||
	    (buf = malloc((size_t)len + 1)) == NULL) {
		fclose(f);
		return (NULL);
	}
	if (fread(buf, 1, (size_t)len, f) != (size_t)len) {
		free(buf);
		fclose(f);
		return (NULL);
	}
	buf[len] = '\0';
	fclose(f);
	return (buf);
}

static int
name_filter(const struct dirent *d)
{
	regex_t	re;
	int	ok;

	if (regcomp(&re, "^[0-9]{4}_[a-z0-9_]+\\.sql$", REG_EXTENDED | REG_NOSUB))
		return (0);
	ok = regexec(&re, d->d_name, 0, NULL, 0) == 0;
	regfree(&re);
	return (ok);
}

static int
applied(PGconn *db, const char *version)
{
	struct db_rows	 r = cli_query(db, &sql_migration_applied,
			    DB_TEXT(version));
	int		 yes = db_nrows(&r) == 1;

	PQclear(r.res);
	return (yes);
}

/*
 * Runs the file in a transaction left open (the caller commits). 0, or -1
 * after printing why and rolling back; 1 when the file does not exist and
 * missing_ok.
 */
static int
run_file(PGconn *db, const char *dir, const char *file, int missing_ok)
{
	PGresult	*res;
	char		 path[4096];
	char		*sql;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if ((sql = slurp(path)) == NULL) {
		if (missing_ok && errno == ENOENT)
			return (1);
		fprintf(stderr, "agora: migration %s: %s\n", path,
		    strerror(errno));
		return (-1);
	}
	PQclear(cli_exec(db, "BEGIN", 0, NULL));
	res = PQexec(db, sql);
	free(sql);
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK &&
	    PQresultStatus(res) != PGRES_EMPTY_QUERY) {
		fprintf(stderr, "agora: migration %s failed, rolled back: %s",
		    file, PQresultErrorMessage(res));
		PQclear(res);
		PQclear(PQexec(db, "ROLLBACK"));
		return (-1);
	}
	PQclear(res);
	return (0);
}

/* Applies one file. 0, or -1 after printing why and rolling back. */
static int
apply(PGconn *db, const char *dir, const char *file)
{
	char		 version[5];

	if (run_file(db, dir, file, 0) == -1)
		return (-1);
	memcpy(version, file, 4);
	version[4] = '\0';
	PQclear(cli_query(db, &sql_migration_record, DB_TEXT(version),
	    DB_TEXT(file)).res);
	PQclear(cli_exec(db, "COMMIT", 0, NULL));
	printf("applied %s\n", file);
	return (0);
}

static int
sql_file_filter(const struct dirent *d)
{
	size_t	n = strlen(d->d_name);

	return (d->d_name[0] != '.' && n > 4 &&
	    strcmp(d->d_name + n - 4, ".sql") == 0);
}

/*
 * Applies every DIR/functions/<area>.sql, in name order, in one
 * transaction: CREATE OR REPLACE of each function and trigger, with the
 * bodies checked when they run rather than when they are created (a
 * function may call one of a later file). A directory without functions/
 * (an older tree, in the upgrade test) has none: 0. -1 when a file fails,
 * everything rolled back.
 */
static int
functions(PGconn *db, const char *dir)
{
	PGresult	 *res;
	struct dirent	**files;
	char		  path[4096];
	char		 *sql;
	int		  n, i, rc = 0;

	snprintf(path, sizeof(path), "%s/functions", dir);
	if ((n = scandir(path, &files, sql_file_filter, alphasort)) == -1)
		return (errno == ENOENT ? 0 : -1);
	PQclear(cli_exec(db, "BEGIN", 0, NULL));
	PQclear(cli_exec(db, "SET LOCAL check_function_bodies = off", 0, NULL));
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/functions/%s", dir,
		    files[i]->d_name);
		if (rc == 0 && (sql = slurp(path)) == NULL) {
			fprintf(stderr, "agora: %s: %s\n", path,
			    strerror(errno));
			rc = -1;
		} else if (rc == 0) {
			res = PQexec(db, sql);
			free(sql);
			if (PQresultStatus(res) != PGRES_COMMAND_OK &&
			    PQresultStatus(res) != PGRES_TUPLES_OK &&
			    PQresultStatus(res) != PGRES_EMPTY_QUERY) {
				fprintf(stderr, "agora: functions/%s failed, "
				    "rolled back: %s", files[i]->d_name,
				    PQresultErrorMessage(res));
				rc = -1;
			}
			PQclear(res);
		}
		free(files[i]);
	}
	free(files);
	PQclear(PQexec(db, rc == 0 ? "COMMIT" : "ROLLBACK"));
	return (rc);
}

/*
 * Applies DIR/privileges.sql, then names every object without a decision
 * (a warning: the application's role simply has no access to it). 0, or -1
 * when the file fails.
 */
static int
privileges(PGconn *db, const char *dir)
{
	struct db_rows	 r;
	int		 i, rc;

	if ((rc = run_file(db, dir, "privileges.sql", 1)) == -1)
		return (-1);
	if (rc == 1)
		fprintf(stderr, "agora migrate: warning: no privileges.sql in "
		    "%s: privileges left as they are\n", dir);
	else
		PQclear(cli_exec(db, "COMMIT", 0, NULL));
	r = cli_query(db, &sql_privileges_undecided);
	for (i = 0; i < db_nrows(&r); i++)
		fprintf(stderr, "agora migrate: warning: no privilege decision: "
		    "%s (add it to privileges.sql)\n",
		    db_text(&r, i, UNDECIDED_OBJECT));
	PQclear(r.res);
	return (0);
}

/* 1 when db's role is a superuser. */
static int
superuser(PGconn *db)
{
	struct db_rows	 r = cli_query(db, &sql_migration_superuser);
	int		 yes = db_bool(&r, 0, MIG_SUPER);

	PQclear(r.res);
	return (yes);
}

int
cmd_migrate(int argc, char **argv)
{
	PGconn		 *db;
	struct dirent	**files;
	const char	 *dir = "migrations";
	int		  n, i, rc = 0, count = 0;
	char		  version[5];

	if (argc == 3 && strcmp(argv[1], "--dir") == 0)
		dir = argv[2];
	else if (argc != 1) {
		fprintf(stderr, "usage: agora migrate [--dir DIR]\n");
		return (2);
	}
	if ((n = scandir(dir, &files, name_filter, alphasort)) == -1) {
		fprintf(stderr, "agora: %s: %s\n", dir, strerror(errno));
		return (1);
	}

	db = cli_connect_owner();
	if (superuser(db)) {
		fprintf(stderr, "agora migrate: owner_database signs in as a "
		    "superuser: the new objects, and the SECURITY DEFINER "
		    "functions, would belong to it; use the owner role "
		    "(agora_owner)\n");
		PQfinish(db);
		return (1);
	}
	PQclear(cli_exec(db, sql_migration_lock, 0, NULL));
	PQclear(cli_exec(db, sql_migration_table, 0, NULL));
	for (i = 0; i < n; i++) {
		memcpy(version, files[i]->d_name, 4);
		version[4] = '\0';
		if (rc == 0 && !applied(db, version)) {
			if (apply(db, dir, files[i]->d_name) == -1)
				rc = 1;
			else
				count++;
		}
		free(files[i]);
	}
	free(files);
	if (rc == 0 && functions(db, dir) == -1)
		rc = 1;
	if (rc == 0 && privileges(db, dir) == -1)
		rc = 1;
	if (rc == 0)
		printf("%d migration(s) applied, schema up to date\n", count);
	PQfinish(db);
	return (rc);
}
