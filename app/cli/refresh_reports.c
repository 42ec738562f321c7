/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora refresh-reports [--all] [--max-age MINUTES] [--rebuild]: computes
 * the reports' heavy analyses (recurring terms, near-duplicate titles) of
 * every theme whose published texts changed since they were last computed
 * (or never were), and stores them (report_refresh()). Pages of themes
 * above report_live_limit() published contributions read them from there,
 * with their date. Meant for a timer (every few minutes); --max-age skips a
 * theme computed less than MINUTES ago even if it changed since, to bound
 * the cost under constant writes. --all recomputes every theme; --rebuild
 * first recomputes the count rollups from the base tables (they are kept
 * current by triggers: a check, or after a bulk load without them).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../db/reports.h"
#include "cli.h"

int
cmd_refresh_reports(int argc, char **argv)
{
	PGconn		*db;
	struct db_rows	 r;
	struct timespec	 t0, t1;
	long		 age = 0;
	int		 i, all = 0, rebuild = 0;
	char		*end;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--all") == 0)
			all = 1;
		else if (strcmp(argv[i], "--rebuild") == 0)
			rebuild = 1;
		else if (strcmp(argv[i], "--max-age") == 0 && i + 1 < argc &&
		    (age = strtol(argv[i + 1], &end, 10)) >= 0 &&
		    *end == '\0' && argv[i + 1][0] != '\0' &&
		    strlen(argv[i + 1]) < 7)
			i++;
		else {
			fprintf(stderr, "usage: agora refresh-reports [--all] "
			    "[--max-age MINUTES] [--rebuild]\n");
			return (2);
		}
	}
	db = cli_connect();
	if (rebuild) {
		PQclear(cli_query(db, &sql_report_rebuild).res);
		printf("rollups rebuilt\n");
	}
	r = cli_query(db, &sql_report_refresh_list, DB_BOOL(all), DB_INT(age));
	for (i = 0; i < db_nrows(&r); i++) {
		clock_gettime(CLOCK_MONOTONIC, &t0);
		PQclear(cli_query(db, &sql_report_refresh,
		    DB_INT(db_int(&r, i, RRL_ID))).res);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		printf("%-28s refreshed in %.1f s\n", db_text(&r, i, RRL_SLUG),
		    (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	}
	printf("%d theme(s) refreshed\n", db_nrows(&r));
	PQclear(r.res);
	PQfinish(db);
	return (0);
}
