/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora epn add|list|stop|mediator: the EPN directory and the mobile EPN's tour
 * from the command line (issue 12), with the rules of the admin pages
 * (app/core/epn.h) and the same statements (app/db/epn.h). Refusals are
 * in French, as the administrators who run them read them: exit 1; a
 * usage error: exit 2. add and stop print the new id.
 */

#include <stdio.h>
#include <string.h>

#include "../core/epn.h"
#include "../core/text.h"
#include "../core/vocab.h"
#include "../db/epn.h"
#include "cli.h"

static void
epn_usage(void)
{
	fprintf(stderr,
	    "usage: agora epn add --nom NOM --commune COMMUNE --departement CODE\n"
	    "                     [--adresse ADRESSE] [--horaires HORAIRES] "
	    "[--mobile]\n"
	    "       agora epn list\n"
	    "       agora epn stop --epn ID --commune COMMUNE --lieu LIEU "
	    "--date AAAA-MM-JJ\n"
	    "                      --debut HH:MM --fin HH:MM\n"
	    "       agora epn mediator --epn ID --email ADRESSE [--detach]\n");
}

int
cli_epn_fail(const char *cmd, const char *msg)
{
	fprintf(stderr, "agora epn %s : %s\n", cmd, msg);
	return (1);
}

int
cli_epn_text(const char *cmd, const char *label, char *s, size_t max,
    int required, int multiline, const char **out)
{
	char		 buf[256];
	const char	*msg;

	*out = s != NULL ? text_trim(s) : "";
	if ((msg = epn_text_problem(label, *out, max, required, multiline,
	    buf, sizeof(buf))) != NULL)
		return (cli_epn_fail(cmd, msg));
	return (0);
}

/* The EPNs, one a line, by département, commune and name. */
static int
epn_list(int argc, char **argv)
{
	struct db_rows	 r;
	PGconn		*db;
	int		 i, k;

	if (argc != 1) {
		epn_usage();
		return (2);
	}
	db = cli_connect();
	r = cli_query(db, &sql_epn_list, DB_BOOL(0));
	printf("id\tgenre\tdepartement\tcommune\tnom\tactif\tetapes_a_venir\n");
	for (i = 0; i < db_nrows(&r); i++) {
		k = vocab_find(vocab_epn_kind, EPN__MAX, db_text(&r, i, EL_KIND));
		printf("%lld\t%s\t%s\t%s\t%s\t%s\t%lld\n", db_int(&r, i, EL_ID),
		    k == EPN_MOBILE ? "mobile" : "fixe",
		    db_text(&r, i, EL_TERRITORY), db_text(&r, i, EL_COMMUNE),
		    db_text(&r, i, EL_NAME),
		    db_bool(&r, i, EL_ACTIVE) ? "oui" : "non",
		    db_int(&r, i, EL_NEXT_STOPS));
	}
	PQclear(r.res);
	PQfinish(db);
	return (0);
}

int
cmd_epn(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return (cmd_epn_add(argc - 1, argv + 1));
	if (argc >= 2 && strcmp(argv[1], "list") == 0)
		return (epn_list(argc - 1, argv + 1));
	if (argc >= 2 && strcmp(argv[1], "stop") == 0)
		return (cmd_epn_stop(argc - 1, argv + 1));
	if (argc >= 2 && strcmp(argv[1], "mediator") == 0)
		return (cmd_epn_mediator(argc - 1, argv + 1));
	epn_usage();
	return (2);
}
