/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The refusals the SQL functions answer (the files of migrations/functions/), one
 * table per family of functions, each code with the HTTP status and the
 * French message its page shows. The codes are the SQL's: `agora codes`
 * prints these tables and test/e2e/test_refusal_codes.py checks that each
 * covers exactly the codes its functions can return besides their
 * successes. The successes (ok, pending, on, off, queued, unchanged) are
 * the handlers' business: a flash message or a redirect.
 *
 *	const struct refusal *r = refusal_find(refusal_decide,
 *	    REFUSAL_DECIDE_N, code);	(NULL: not a refusal of that table)
 */

#ifndef AGORA_CORE_REFUSAL_H
#define AGORA_CORE_REFUSAL_H

#include <stddef.h>

/* The number a message names with its "%d". */
enum { REFUSAL_LIMIT_NONE, REFUSAL_LIMIT_DEPTH, REFUSAL_LIMIT_WINDOW };

struct refusal {
	const char	*code;		/* as the SQL function returns it */
	int		 status;	/* HTTP status of the page */
	int		 limit;		/* REFUSAL_LIMIT_*: what "%d" is */
	const char	*msg;		/* French; NULL: the generic page */
};

/*
 * participation_refusal and the participation_* functions that call it:
 * votes, "utile" marks, replies, proposals, edits.
 */
extern const struct refusal	refusal_participation[];
extern const size_t		refusal_participation_n;

/* moderation_decide(). */
extern const struct refusal	refusal_decide[];
extern const size_t		refusal_decide_n;

/* moderation_appeal_file(). */
extern const struct refusal	refusal_appeal[];
extern const size_t		refusal_appeal_n;

/* flag_contribution(). */
extern const struct refusal	refusal_flag[];
extern const size_t		refusal_flag_n;

/* consultation_set_mode(). */
extern const struct refusal	refusal_mode[];
extern const size_t		refusal_mode_n;

/* assisted_propose(), assisted_reply(), assisted_vote() (issue 12). */
extern const struct refusal	refusal_assisted[];
extern const size_t		refusal_assisted_n;

/* Every table by name, for `agora codes`. */
struct refusal_table {
	const char		*name;
	const struct refusal	*rows;
	const size_t		*n;
};
extern const struct refusal_table	refusal_tables[];
extern const size_t			refusal_ntables;

/* The row of code in table (n rows), or NULL. */
const struct refusal	*refusal_find(const struct refusal *, size_t,
			    const char *);

#endif
