/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The rules of the EPN directory and of the mobile EPN's tour (issue 12),
 * the same for the admin pages and `agora epn`: how long each text may
 * be, what a date and an hour look like, and the French sentence for each
 * refusal (plain text, to be escaped like any text). The database checks
 * the same limits again (migration 0210). Pure C, unit-tested alone
 * (test/unit/test_ical.c).
 */

#ifndef AGORA_CORE_EPN_H
#define AGORA_CORE_EPN_H

#include <stddef.h>

/* Most characters of each text (migration 0210 checks the same). */
#define EPN_NAME_MAX		120
#define EPN_COMMUNE_MAX		80
#define EPN_ADDRESS_MAX		200
#define EPN_HOURS_MAX		500
#define EPN_PLACE_MAX		200

/*
 * NULL when s (already trimmed) suits a field named label ("Nom") of at
 * most max characters, required or not, on one line unless multiline;
 * else the French sentence, written into buf (n bytes).
 */
const char	*epn_text_problem(const char *label, const char *s, size_t max,
		    int required, int multiline, char *buf, size_t n);

/*
 * A calendar date written AAAA-MM-JJ (2000 to 2099, a day that exists):
 * 0 with *y, *m, *d set, or -1.
 */
int		 epn_date_parse(const char *, int *, int *, int *);
/* An hour written HH:MM (00:00 to 23:59): 0 with minutes since midnight, or -1. */
int		 epn_time_parse(const char *, int *);

/* The French refusals of a stop's date and hours. */
#define EPN_DATE_BAD	"Saisissez la date sous la forme AAAA-MM-JJ, par " \
			"exemple 2026-12-08."
#define EPN_TIME_BAD	"Saisissez l'heure sous la forme HH:MM, par " \
			"exemple 09:30."
#define EPN_END_BEFORE	"L'heure de fin doit être après l'heure de début."

#endif
