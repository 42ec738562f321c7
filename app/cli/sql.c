/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora sql NAME: prints the exact text of a statement the pages run, so the
 * benchmarks (test/bench/) give pgbench the same SQL kore sends.
 */

#include <stdio.h>
#include <string.h>

#include "../db/archives.h"
#include "../db/exports.h"
#include "../db/reports.h"
#include "../db/themes.h"
#include "cli.h"

static const struct {
	const char	*name;
	const char	*sql;
} statements[] = {
	{ "home_consultation",	sql_home_consultation },
	{ "home_themes",	sql_home_themes },
	{ "theme_by_slug",	sql_theme_by_slug },
	/* Reports at scale (test/bench/reports_scale.sh). */
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
	{ "archive_list",	sql_archive_list },
	{ "archive_consultation", sql_archive_consultation },
	{ "archive_themes",	sql_archive_themes },
	{ "report_source",	sql_report_source },
	{ "report_source_consensus", sql_report_source_consensus },
	{ "report_source_divided", sql_report_source_divided },
	{ "report_source_supported", sql_report_source_supported },
};

int
cmd_sql(int argc, char **argv)
{
	size_t	i;

	for (i = 0; argc == 2 && i < sizeof(statements) / sizeof(statements[0]);
	    i++) {
		if (strcmp(argv[1], statements[i].name) == 0) {
			printf("%s;\n", statements[i].sql);
			return (0);
		}
	}
	fprintf(stderr, "usage: agora sql NAME, one of:");
	for (i = 0; i < sizeof(statements) / sizeof(statements[0]); i++)
		fprintf(stderr, " %s", statements[i].name);
	fprintf(stderr, "\n");
	return (2);
}
