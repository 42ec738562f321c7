/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora migrate: applies migrations/NNNN_name.sql in order, each once, each
 * in its own transaction, recorded in schema_migrations. A failing file is
 * rolled back whole and stops the run with its name and PostgreSQL's message.
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
	PGresult	*res;
	const char	*vals[1] = { version };
	int		 yes;

	res = cli_exec(db, sql_migration_applied, 1, vals);
	yes = PQntuples(res) == 1;
	PQclear(res);
	return (yes);
}

/* Applies one file. 0, or -1 after printing why and rolling back. */
static int
apply(PGconn *db, const char *dir, const char *file)
{
	PGresult	*res;
	char		 path[4096], version[5];
	char		*sql;
	const char	*vals[2];

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if ((sql = slurp(path)) == NULL) {
		fprintf(stderr, "agora: migration %s: %s\n", path,
		    strerror(errno));
		return (-1);
	}
	memcpy(version, file, 4);
	version[4] = '\0';

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
	vals[0] = version;
	vals[1] = file;
	PQclear(cli_exec(db, sql_migration_record, 2, vals));
	PQclear(cli_exec(db, "COMMIT", 0, NULL));
	printf("applied %s\n", file);
	return (0);
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

	db = cli_connect();
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
	if (rc == 0)
		printf("%d migration(s) applied, schema up to date\n", count);
	PQfinish(db);
	return (rc);
}
