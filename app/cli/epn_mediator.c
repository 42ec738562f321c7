/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora epn mediator --epn ID --email ADDRESS [--detach]: attaches the
 * mediator account of that address to the EPN (or detaches it), as
 * /admin/epn/<id> does, through the same function (epn_mediator_set()).
 * Exit 0; 1 with the French sentence of a refusal (no such EPN or
 * account, an account without the mediator role, already attached);
 * 2 on a usage error.
 */

#include <stdio.h>
#include <string.h>

#include "../core/text.h"
#include "../core/vocab.h"
#include "../db/assisted.h"
#include "cli.h"

static int
usage(void)
{
	fprintf(stderr, "usage: agora epn mediator --epn ID --email ADRESSE "
	    "[--detach]\n");
	return (2);
}

int
cmd_epn_mediator(int argc, char **argv)
{
	const char	*epn = NULL, *email = NULL;
	struct db_rows	 r;
	PGconn		*db;
	long long	 id;
	int		 i, attach = 1, st, rc;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--detach") == 0)
			attach = 0;
		else if (i + 1 < argc && strcmp(argv[i], "--epn") == 0)
			epn = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--email") == 0)
			email = argv[++i];
		else
			return (usage());
	}
	if (epn == NULL || email == NULL)
		return (usage());
	if (!text_parse_id(epn, &id))
		return (cli_epn_fail("mediator", "--epn : le numéro de l'EPN "
		    "(agora epn list)."));
	db = cli_connect();
	r = cli_query(db, &sql_epn_mediator_set, DB_INT(id), DB_TEXT(email),
	    DB_BOOL(attach), DB_NULL);
	st = vocab_find(vocab_mediator_set, MS__MAX, db_text(&r, 0,
	    AST_STATUS));
	if (st == MS_OK) {
		printf("%s\n", attach ? "rattaché" : "détaché");
		rc = 0;
	} else
		rc = cli_epn_fail("mediator", st >= 0 ?
		    vocab_mediator_set[st].label : db_text(&r, 0, AST_STATUS));
	PQclear(r.res);
	PQfinish(db);
	return (rc);
}
