/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora sql NAME: prints the exact text of a statement the program runs, so
 * the benchmarks (test/bench/) give pgbench the same SQL kore sends.
 * agora sql --list: every statement's name.
 * agora sql --check: prepares every statement against the database and
 * compares its parameters and columns (names, types) with what app/db/
 * declares beside it; lists each difference and exits 1 if there is one.
 */

#include <stdio.h>
#include <string.h>

#include "../db/db.h"
#include "../db/exports.h"
#include "../db/reports.h"
#include "cli.h"

/*
 * Statements not yet declared with DB_STMT (app/db/db.h), found by name
 * for the benchmarks. Each one moves out of this list when it is declared.
 */
static const struct {
	const char	*name;
	const char	*sql;
} raw[] = {
	{ "export_copy_all",	sql_export_copy_all },
	{ "export_plain_all",	sql_export_plain_all },
	{ "report_index",	sql_report_index },
	{ "report_participation", sql_report_participation },
	{ "report_weeks",	sql_report_weeks },
	{ "report_territories",	sql_report_territories },
	{ "report_consensus",	sql_report_consensus },
	{ "report_divided",	sql_report_divided },
	{ "report_debated",	sql_report_debated },
	{ "report_terms",	sql_report_terms },
	{ "report_similar",	sql_report_similar },
	{ "report_answers",	sql_report_answers },
	{ "report_analysis",	sql_report_analysis },
	/* Archives (imported consultations). */
	{ "report_source",	sql_report_source },
	{ "report_source_consensus", sql_report_source_consensus },
	{ "report_source_divided", sql_report_source_divided },
	{ "report_source_supported", sql_report_source_supported },
};

static int
check_one(PGconn *db, const struct db_stmt *st)
{
	PGresult	*res;
	char		 err[256];
	int		 ok = 0;

	res = PQprepare(db, "", st->sql, 0, NULL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		printf("FAIL %s: does not prepare: %s", st->name,
		    PQresultErrorMessage(res));
		PQclear(res);
		return (-1);
	}
	PQclear(res);
	res = PQdescribePrepared(db, "");
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		printf("FAIL %s: not described: %s", st->name,
		    PQresultErrorMessage(res));
		ok = -1;
	} else if (db_stmt_check(st, res, err, sizeof(err)) == -1) {
		printf("FAIL %s: %s\n", st->name, err);
		ok = -1;
	}
	PQclear(res);
	return (ok);
}

static int
check_all(void)
{
	PGconn	*db = cli_connect();
	size_t	 i, n = db_stmt_count(), bad = 0;

	for (i = 0; i < n; i++)
		if (check_one(db, db_stmt_at(i)) == -1)
			bad++;
	PQfinish(db);
	if (bad > 0) {
		printf("%zu of %zu statements differ from their "
		    "declaration\n", bad, n);
		return (1);
	}
	printf("OK: %zu statements match their declarations\n", n);
	return (0);
}

int
cmd_sql(int argc, char **argv)
{
	const struct db_stmt	*st;
	size_t			 i;

	if (argc == 2 && strcmp(argv[1], "--check") == 0)
		return (check_all());
	if (argc == 2 && strcmp(argv[1], "--list") == 0) {
		for (i = 0; i < db_stmt_count(); i++)
			printf("%s\n", db_stmt_at(i)->name);
		return (0);
	}
	if (argc == 2 && (st = db_stmt_find(argv[1])) != NULL) {
		printf("%s;\n", st->sql);
		return (0);
	}
	for (i = 0; argc == 2 && i < sizeof(raw) / sizeof(raw[0]); i++) {
		if (strcmp(argv[1], raw[i].name) == 0) {
			printf("%s;\n", raw[i].sql);
			return (0);
		}
	}
	fprintf(stderr, "usage: agora sql --check | --list | NAME "
	    "(agora sql --list names them)\n");
	return (2);
}
