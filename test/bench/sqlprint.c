/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Prints one of the application's SQL statements with its $n parameters
 * replaced by literals, so that pgbench runs exactly what a page runs.
 * Usage: sqlprint NAME [VALUE...]; a VALUE of NULL is SQL NULL, one that
 * starts with '=' is written as it is without the '=' (an expression over
 * pgbench variables).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../app/db/participation.h"
#include "../../app/db/sessions.h"
#include "../../app/db/threads.h"

static const struct {
	const char		*name;
	const struct db_stmt	*stmt;
} stmts[] = {
	{ "theme",	&sql_part_theme },
	{ "territories", &sql_part_territories },
	{ "count",	&sql_part_list_count },
	{ "recent",	&sql_part_list_recent },
	{ "votes",	&sql_part_list_votes },
	{ "accord",	&sql_part_list_agree },
	{ "debat",	&sql_part_list_debate },
	{ "hasard",	&sql_part_list_random },
	{ "proposal",	&sql_part_proposal },
	{ "thread",	&sql_thread_page },
	{ "thread-counts", &sql_thread_counts },
	{ "session",	&sql_session_lookup },
	{ "vote",	&sql_part_vote },
};

int
main(int argc, char **argv)
{
	const char	*p, *v;
	size_t		 i;
	long		 n;
	char		*end;

	if (argc < 2)
		return (2);
	for (i = 0; i < sizeof(stmts) / sizeof(stmts[0]); i++)
		if (strcmp(stmts[i].name, argv[1]) == 0)
			break;
	if (i == sizeof(stmts) / sizeof(stmts[0]))
		return (2);
	for (p = stmts[i].stmt->sql; *p != '\0'; p++) {
		if (*p != '$' || p[1] < '1' || p[1] > '9') {
			putchar(*p);
			continue;
		}
		n = strtol(p + 1, &end, 10);
		if (n + 1 >= argc)
			return (3);
		v = argv[n + 1];
		if (strcmp(v, "NULL") == 0)
			fputs("NULL", stdout);
		else if (v[0] == '=')
			fputs(v + 1, stdout);
		else {
			putchar('\'');
			for (; *v != '\0'; v++) {
				if (*v == '\'')
					putchar('\'');
				putchar(*v);
			}
			putchar('\'');
		}
		p = end - 1;
	}
	puts(";");
	return (0);
}
