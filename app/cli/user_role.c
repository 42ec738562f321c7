/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora user role EMAIL +ROLE -ROLE ...: grants (+) or revokes (-) roles,
 * each change recorded in role_changes as made by the command line. Prints
 * one line per change: "granted admin", "revoked citizen", "unchanged ...".
 * Everything is checked before anything changes. Exit 0, 1 or 2 (usage).
 */

#include <stdio.h>
#include <string.h>

#include "../core/roles.h"
#include "../db/people.h"
#include "cli.h"

int
cmd_user_role(int argc, char **argv)
{
	const char	*vals[4];
	char		 id[32];
	PGconn		*db;
	PGresult	*res;
	int		 i;

	if (argc < 3) {
		fprintf(stderr, "usage: agora user role EMAIL +ROLE|-ROLE...\n");
		return (2);
	}
	for (i = 2; i < argc; i++) {
		if ((argv[i][0] != '+' && argv[i][0] != '-') ||
		    role_bit(argv[i] + 1) == 0) {
			fprintf(stderr, "agora user role: \"%s\" is not +ROLE "
			    "or -ROLE (citizen, mediator, moderator, official, "
			    "admin)\n", argv[i]);
			return (2);
		}
	}
	db = cli_connect();
	vals[0] = argv[1];
	res = cli_exec(db, sql_user_by_email, 1, vals);
	if (PQntuples(res) != 1) {
		fprintf(stderr, "agora user role: no account uses %s\n",
		    argv[1]);
		PQclear(res);
		PQfinish(db);
		return (1);
	}
	snprintf(id, sizeof(id), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	for (i = 2; i < argc; i++) {
		vals[0] = id;
		vals[1] = argv[i] + 1;
		vals[2] = argv[i][0] == '+' ? "t" : "f";
		vals[3] = NULL;
		res = cli_exec(db, sql_role_set, 4, vals);
		printf("%s %s\n", PQgetvalue(res, 0, 0), argv[i] + 1);
		PQclear(res);
	}
	PQfinish(db);
	return (0);
}
