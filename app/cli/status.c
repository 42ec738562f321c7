/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora status: the migrations applied, what the database holds, what
 * waits (mail, moderation queue, report analyses) and the global rate of
 * failed sign-ins. Exits 3 after an "ALERT:" line (failed sign-ins over
 * the setting alert_signin_failures, 500 per 15 minutes by default), so a
 * monitor can run it.
 */

#include <stdio.h>

#include "../core/settings.h"
#include "../db/migrations.h"
#include "cli.h"

/* The failed sign-ins line; 1 when over the alert threshold. */
static int
print_signin(PGconn *db)
{
	struct db_rows	 r = cli_query(db, &sql_status_signin);
	long long	 n15 = db_int(&r, 0, SS_15MIN), max;

	max = settings_int(SET_ALERT_SIGNIN_FAILURES);
	printf("failed sign-ins: %lld in the last 15 minutes, %lld in the "
	    "last hour\n", n15, db_int(&r, 0, SS_HOUR));
	PQclear(r.res);
	if (n15 < max)
		return (0);
	printf("ALERT: failed sign-ins over %lld in 15 minutes: passwords "
	    "are being guessed (or sign-in is broken)\n", max);
	return (1);
}

/* Prints the (label, value) rows of st, one per line. */
static void
print_pairs(PGconn *db, const struct db_stmt *st)
{
	struct db_rows	 r = cli_query(db, st);
	int		 i;

	for (i = 0; i < db_nrows(&r); i++)
		printf("%-14s %s\n", db_text(&r, i, STATUS_LABEL),
		    db_text(&r, i, STATUS_VALUE));
	PQclear(r.res);
}

int
cmd_status(int argc, char **argv)
{
	PGconn		*db;
	struct db_rows	 r;
	int		 i;

	db = cli_connect();
	/* The application's role cannot create schema_migrations: ask. */
	r = cli_query(db, &sql_migration_exists);
	if (!db_bool(&r, 0, MIG_EXISTS)) {
		printf("migrations applied: 0 (run agora migrate)\n");
		PQclear(r.res);
		PQfinish(db);
		return (1);
	}
	PQclear(r.res);
	r = cli_query(db, &sql_migration_list);
	printf("migrations applied: %d\n", db_nrows(&r));
	for (i = 0; i < db_nrows(&r); i++)
		printf("  %s  %s\n", db_text(&r, i, MIG_VERSION),
		    db_text(&r, i, MIG_FILE));
	PQclear(r.res);
	print_pairs(db, &sql_status_counts);
	print_pairs(db, &sql_status_operations);
	i = print_signin(db);
	PQfinish(db);
	return (i ? 3 : 0);
}
