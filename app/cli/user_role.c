/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora user role EMAIL +ROLE -ROLE ...: grants (+) or revokes (-) roles,
 * each change recorded in role_changes as made by the command line. Prints
 * one line per change: "granted admin", "revoked citizen", "unchanged ...".
 * Everything is checked before anything changes. A role beyond citizen is
 * never granted to an account whose address is not confirmed (exit 1).
 * Exit 0, 1 or 2 (usage).
 */

#include <stdio.h>
#include <string.h>

#include "../core/roles.h"
#include "../db/people.h"
#include "cli.h"

int
cmd_user_role(int argc, char **argv)
{
	struct db_rows	 r;
	long long	 id;
	PGconn		*db;
	int		 i, rc = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: agora user role EMAIL +ROLE|-ROLE...\n");
		return (2);
	}
	for (i = 2; i < argc; i++) {
		if ((argv[i][0] != '+' && argv[i][0] != '-') ||
		    role_bit(argv[i] + 1) == 0) {
			fprintf(stderr, "agora user role: \"%s\" is not +ROLE "
			    "or -ROLE (citizen, mediator, moderator, official, "
			    "admin, secretariat, conseil)\n", argv[i]);
			return (2);
		}
	}
	db = cli_connect();
	r = cli_query(db, &sql_user_by_email, DB_TEXT(argv[1]));
	if (db_nrows(&r) != 1) {
		fprintf(stderr, "agora user role: no account uses %s\n",
		    argv[1]);
		PQclear(r.res);
		PQfinish(db);
		return (1);
	}
	id = db_int(&r, 0, PUE_ID);
	PQclear(r.res);
	for (i = 2; i < argc; i++) {
		/* The acting user is NULL: the command line. */
		r = cli_query(db, &sql_role_set, DB_INT(id),
		    DB_TEXT(argv[i] + 1), DB_BOOL(argv[i][0] == '+'), DB_NULL);
		if (strcmp(db_text(&r, 0, PRS_STATUS), "unverified") == 0) {
			fprintf(stderr, "agora user role: %s has not confirmed "
			    "its address: %s not granted\n", argv[1],
			    argv[i] + 1);
			rc = 1;
		} else
			printf("%s %s\n", db_text(&r, 0, PRS_STATUS),
			    argv[i] + 1);
		PQclear(r.res);
	}
	PQfinish(db);
	return (rc);
}
