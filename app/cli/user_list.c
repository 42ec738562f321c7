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
	struct db_rows	 r;
	PGconn		*db;
	int		 i;

	if (argc == 3 && strcmp(argv[1], "--role") == 0 &&
	    role_bit(argv[2]) != 0)
		role = argv[2];
	else if (argc != 1) {
		fprintf(stderr, "usage: agora user list [--role ROLE] (citizen, "
		    "mediator, moderator, official, admin, secretariat, conseil)\n");
		return (2);
	}
	db = cli_connect();
	r = cli_query(db, &sql_user_list, DB_TEXT(role));
	printf("id\temail\tname\troles\tverified\tcreated\n");
	for (i = 0; i < db_nrows(&r); i++)
		printf("%lld\t%s\t%s\t%s\t%s\t%s\n", db_int(&r, i, PUL_ID),
		    db_text(&r, i, PUL_EMAIL), db_text(&r, i, PUL_NAME),
		    db_text(&r, i, PUL_ROLES), db_text(&r, i, PUL_VERIFIED),
		    db_text(&r, i, PUL_CREATED));
	PQclear(r.res);
	PQfinish(db);
	return (0);
}
