/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora epn stop --epn ID --commune C --lieu L --date AAAA-MM-JJ
 * --debut HH:MM --fin HH:MM: adds a stop to a mobile EPN's tour. Prints
 * its id; exit 1 with a French sentence for a malformed date or hour, an
 * end before the start, an unknown or fixed EPN, hours that overlap
 * another stop of that EPN the same day.
 */

#include <stdio.h>
#include <string.h>

#include "../core/epn.h"
#include "../core/text.h"
#include "../core/vocab.h"
#include "../db/epn.h"
#include "cli.h"

struct new_stop {
	char	*epn, *commune, *place, *day, *starts, *ends;
};

static int
parse(int argc, char **argv, struct new_stop *s)
{
	static const char *const opts[] = { "--epn", "--commune", "--lieu",
	    "--date", "--debut", "--fin" };
	char	**slot[] = { &s->epn, &s->commune, &s->place, &s->day,
	    &s->starts, &s->ends };
	size_t	  k;
	int	  i;

	for (i = 1; i < argc; i++) {
		for (k = 0; k < 6; k++)
			if (i + 1 < argc && strcmp(argv[i], opts[k]) == 0)
				break;
		if (k == 6) {
			fprintf(stderr, "usage: agora epn stop --epn ID "
			    "--commune COMMUNE --lieu LIEU --date AAAA-MM-JJ "
			    "--debut HH:MM --fin HH:MM\n");
			return (2);
		}
		*slot[k] = argv[++i];
	}
	return (0);
}

/* The date and hours: 0, or 1 after a French refusal. */
static int
check_when(const struct new_stop *s)
{
	int	y, m, d, from, to;

	if (epn_date_parse(s->day, &y, &m, &d) == -1)
		return (cli_epn_fail("stop", "--date : " EPN_DATE_BAD));
	if (epn_time_parse(s->starts, &from) == -1)
		return (cli_epn_fail("stop", "--debut : " EPN_TIME_BAD));
	if (epn_time_parse(s->ends, &to) == -1)
		return (cli_epn_fail("stop", "--fin : " EPN_TIME_BAD));
	if (to <= from)
		return (cli_epn_fail("stop", EPN_END_BEFORE));
	return (0);
}

int
cmd_epn_stop(int argc, char **argv)
{
	struct new_stop	 s = { NULL, NULL, NULL, NULL, NULL, NULL };
	const char	*commune, *place;
	struct db_rows	 r;
	long long	 id;
	PGconn		*db;
	int		 rc, st;

	if ((rc = parse(argc, argv, &s)) != 0)
		return (rc);
	if (s.epn == NULL || !text_parse_id(s.epn, &id))
		return (cli_epn_fail("stop", "--epn : donnez le numéro de "
		    "l'EPN mobile (agora epn list)."));
	if (cli_epn_text("stop", "Commune", s.commune, EPN_COMMUNE_MAX, 1, 0,
	    &commune) ||
	    cli_epn_text("stop", "Lieu", s.place, EPN_PLACE_MAX, 1, 0, &place) ||
	    check_when(&s))
		return (1);
	db = cli_connect();
	r = cli_query(db, &sql_epn_stop_add, DB_INT(id), DB_TEXT(commune),
	    DB_TEXT(place), DB_TEXT(s.day), DB_TEXT(s.starts), DB_TEXT(s.ends));
	st = vocab_find(vocab_epn_result, EPR__MAX, db_text(&r, 0, EA_STATUS));
	if (st == EPR_OK) {
		printf("%lld\n", db_int(&r, 0, EA_ID));
		rc = 0;
	} else
		rc = cli_epn_fail("stop", st >= 0 ? vocab_epn_result[st].label :
		    db_text(&r, 0, EA_STATUS));
	PQclear(r.res);
	PQfinish(db);
	return (rc);
}
