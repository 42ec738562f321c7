/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora user list [--role ROLE]: live accounts, one per line after a header,
 * tab-separated: id, e-mail, name, roles, verified (yes/no), created (UTC).
 */

#include <stdio.h>
#include <string.h>

#include "../core/roles.h"
#include "../db/people.h"
#include "cli.h"

int
cmd_user_list(int argc, char **argv)
{
	const char	*role = "";
	PGconn		*db;
	PGresult	*res;
	int		 i, j;

	if (argc == 3 && strcmp(argv[1], "--role") == 0 &&
	    role_bit(argv[2]) != 0)
		role = argv[2];
	else if (argc != 1) {
		fprintf(stderr, "usage: agora user list [--role ROLE] (citizen, "
		    "mediator, moderator, official, admin)\n");
		return (2);
	}
	db = cli_connect();
	res = cli_exec(db, sql_user_list, 1, &role);
	printf("id\temail\tname\troles\tverified\tcreated\n");
	for (i = 0; i < PQntuples(res); i++) {
		for (j = 0; j < 6; j++)
			printf("%s%s", PQgetvalue(res, i, j),
			    j == 5 ? "\n" : "\t");
	}
	PQclear(res);
	PQfinish(db);
	return (0);
}
