/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * A theme's listing, between its two files: what a request asks
 * (theme_listing_request.c: the sorts, the checked parameters, the seed of
 * the random order, the pages' addresses) and the page that answers it
 * (theme_listing.c).
 */

#ifndef AGORA_WEB_THEME_LISTING_H
#define AGORA_WEB_THEME_LISTING_H

#include <stddef.h>

struct db_stmt;
struct web_req;

#define PAGE_SIZE	20
#define ANSWER_NONE	"sans"	/* reponse=sans: not answered yet */

/* The sorts, in the order of the form (tri=...). */
struct listing_sort {
	const char		*value;		/* tri=... */
	const char		*label;
	const struct db_stmt	*sql;
	const char		*archive_label;	/* an archive's; NULL: same */
	const struct db_stmt	*archive_sql;
};
#define LISTING_NSORTS	5
#define SORT_VOTES	1
#define SORT_AGREE	2
#define SORT_RANDOM	4
extern const struct listing_sort	listing_sorts[LISTING_NSORTS];

/* What the steps of one listing share (web_state). */
struct listing {
	const char	*consultation;	/* an archive's slug; NULL: primary */
	const char	*theme;		/* the theme's slug */
	int		 archived;	/* an archive: read-only, tallies */
	int		 split;		/* its tallies split d'accord etc. */
	size_t		 sort;
	long long	 page;
	const char	*territory;	/* NULL: all */
	const char	*q;		/* NULL: no search */
	const char	*answer;	/* reponse=: NULL any, "sans", a code */
	long long	 seed;		/* 0 .. 2^31 - 1 (hasard) */
};

const struct db_stmt	*listing_sql(const struct listing *);
const char		*listing_sort_label(const struct listing *, size_t);
int			 listing_parse_order(struct web_req *, struct listing *,
			    const char **);
int			 listing_parse_filters(struct web_req *, struct listing *,
			    const char **);
void			 listing_seed(struct web_req *, struct listing *);
const char		*listing_href(struct web_req *, void *, long long);

#endif
