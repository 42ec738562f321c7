/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora status: the migrations applied, what the database holds, and what
 * waits (mail, moderation queue, report analyses).
 */

#include <stdio.h>
#include <string.h>

#include "../db/migrations.h"
#include "cli.h"

/* Prints the (label, value) rows of sql, one per line. */
static void
print_pairs(PGconn *db, const char *sql)
{
	PGresult	*res;
	int		 i;

	res = cli_exec(db, sql, 0, NULL);
	for (i = 0; i < PQntuples(res); i++)
		printf("%-14s %s\n", PQgetvalue(res, i, 0),
		    PQgetvalue(res, i, 1));
	PQclear(res);
}

int
cmd_status(int argc, char **argv)
{
	PGconn		*db;
	PGresult	*res;
	int		 i;

	db = cli_connect();
	/* The application's role cannot create schema_migrations: ask. */
	res = cli_exec(db, sql_migration_exists, 0, NULL);
	if (strcmp(PQgetvalue(res, 0, 0), "t") != 0) {
		printf("migrations applied: 0 (run agora migrate)\n");
		PQclear(res);
		PQfinish(db);
		return (1);
	}
	PQclear(res);
	res = cli_exec(db, sql_migration_list, 0, NULL);
	printf("migrations applied: %d\n", PQntuples(res));
	for (i = 0; i < PQntuples(res); i++)
		printf("  %s  %s\n", PQgetvalue(res, i, 0), PQgetvalue(res, i, 1));
	PQclear(res);
	print_pairs(db, sql_status_counts);
	print_pairs(db, sql_status_operations);
	PQfinish(db);
	return (0);
}
