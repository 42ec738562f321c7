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
	PGresult	*res;
	const char	*p[2], *all = "false", *age = "0";
	struct timespec	 t0, t1;
	int		 i, rebuild = 0;
	char		*end;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--all") == 0)
			all = "true";
		else if (strcmp(argv[i], "--rebuild") == 0)
			rebuild = 1;
		else if (strcmp(argv[i], "--max-age") == 0 && i + 1 < argc &&
		    strtol(argv[i + 1], &end, 10) >= 0 && *end == '\0' &&
		    argv[i + 1][0] != '\0' && strlen(argv[i + 1]) < 7)
			age = argv[++i];
		else {
			fprintf(stderr, "usage: agora refresh-reports [--all] "
			    "[--max-age MINUTES] [--rebuild]\n");
			return (2);
		}
	}
	db = cli_connect();
	if (rebuild) {
		PQclear(cli_exec(db, sql_report_rebuild, 0, NULL));
		printf("rollups rebuilt\n");
	}
	p[0] = all;
	p[1] = age;
	res = cli_exec(db, sql_report_refresh_list, 2, p);
	for (i = 0; i < PQntuples(res); i++) {
		clock_gettime(CLOCK_MONOTONIC, &t0);
		p[0] = PQgetvalue(res, i, 0);
		PQclear(cli_exec(db, sql_report_refresh, 1, p));
		clock_gettime(CLOCK_MONOTONIC, &t1);
		printf("%-28s refreshed in %.1f s\n", PQgetvalue(res, i, 1),
		    (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	}
	printf("%d theme(s) refreshed\n", PQntuples(res));
	PQclear(res);
	PQfinish(db);
	return (0);
}
