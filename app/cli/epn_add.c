/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora epn add --nom N --commune C --departement CODE [--adresse A]
 * [--horaires H] [--mobile]: registers an EPN (fixed unless --mobile),
 * active. Prints its id; exit 1 with a French sentence when a value is
 * refused (a département outside the region, a twin in the commune).
 */

#include <stdio.h>
#include <string.h>

#include "../core/epn.h"
#include "../core/vocab.h"
#include "../db/epn.h"
#include "cli.h"

struct new_epn {
	char	*name, *commune, *territory, *address, *hours;
	int	 mobile;
};

/* Reads the options into e; 0, or 2 after a usage line. */
static int
parse(int argc, char **argv, struct new_epn *e)
{
	int	i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--mobile") == 0)
			e->mobile = 1;
		else if (i + 1 < argc && strcmp(argv[i], "--nom") == 0)
			e->name = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--commune") == 0)
			e->commune = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--departement") == 0)
			e->territory = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--adresse") == 0)
			e->address = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--horaires") == 0)
			e->hours = argv[++i];
		else {
			fprintf(stderr, "usage: agora epn add --nom NOM "
			    "--commune COMMUNE --departement CODE [--adresse "
			    "ADRESSE] [--horaires HORAIRES] [--mobile]\n");
			return (2);
		}
	}
	return (0);
}

int
cmd_epn_add(int argc, char **argv)
{
	const char	*name, *commune, *territory, *address, *hours;
	struct new_epn	 e = { NULL, NULL, NULL, NULL, NULL, 0 };
	struct db_rows	 r;
	PGconn		*db;
	int		 rc, st;

	if ((rc = parse(argc, argv, &e)) != 0)
		return (rc);
	if (cli_epn_text("add", "Nom", e.name, EPN_NAME_MAX, 1, 0, &name) ||
	    cli_epn_text("add", "Commune", e.commune, EPN_COMMUNE_MAX, 1, 0,
	    &commune) ||
	    cli_epn_text("add", "Département", e.territory, 8, 1, 0,
	    &territory) ||
	    cli_epn_text("add", "Adresse", e.address, EPN_ADDRESS_MAX, 0, 0,
	    &address) ||
	    cli_epn_text("add", "Horaires", e.hours, EPN_HOURS_MAX, 0, 1,
	    &hours))
		return (1);
	db = cli_connect();
	r = cli_query(db, &sql_epn_add, DB_TEXT(name), DB_TEXT(commune),
	    DB_TEXT(territory), DB_TEXT(address), DB_TEXT(hours),
	    DB_TEXT(vocab_epn_kind[e.mobile ? EPN_MOBILE : EPN_FIXED].code));
	st = vocab_find(vocab_epn_result, EPR__MAX, db_text(&r, 0, EA_STATUS));
	if (st == EPR_OK) {
		printf("%lld\n", db_int(&r, 0, EA_ID));
		rc = 0;
	} else
		rc = cli_epn_fail("add", st >= 0 ? vocab_epn_result[st].label :
		    db_text(&r, 0, EA_STATUS));
	PQclear(r.res);
	PQfinish(db);
	return (rc);
}
