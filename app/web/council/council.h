/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The digital council, the CR'Num (issue 16, item 3): what its pages
 * share. A referral ("saisine") is opened by an official of the Region, or
 * by a member ("auto-saisine"); members draft the opinion ("avis") in
 * versions and comment on them (council_work.c); the rapporteur they
 * designate records the adoption and publishes it; the Region responds
 * (council_response.c). Public: /conseil/, /conseil/avis/<id> and
 * /export/conseil.json (council_public.c).
 */

#ifndef AGORA_WEB_COUNCIL_H
#define AGORA_WEB_COUNCIL_H

#include "../kernel/form.h"
#include "../kernel/web.h"

#define COUNCIL_QUESTION_MAX	2000	/* characters */
#define COUNCIL_TEXT_MAX	30000	/* an opinion, characters */
#define COUNCIL_COMMENT_MAX	3000
#define COUNCIL_RESPONSE_MAX	10000

#define COUNCIL_CITATIONS_MAX	2000	/* an opinion's "[#N]" */

/* An opinion's citations, as int[] and bigint[] literals ("{4,9}"). */
struct council_cites {
	const char	*lines;
	const char	*ids;
	const char	*slugs;	/* the syntheses cited, "{a,b}" */
};

/*
 * The opinion's text: its validation and its rendering, each in one
 * function called from one place (the draft's save, council_work.c).
 * check: 1 when valid, with its citations ([#1234], as the syntheses'),
 * in *cc; else 0 with a French error at the field name and *out the text
 * as typed. The citations themselves are checked by council_draft_add().
 * render: the HTML (cmark, safe mode), in the request's arena, each
 * citation a link with its title from the rows of refs_slot
 * (sql_council_refs).
 */
int		 council_text_check(struct form *, const char *, const char *,
		    const char **, struct council_cites *);
const char	*council_text_render(struct web_req *, const char *, int);

/* 1 when s is a real date written YYYY-MM-DD (as <input type=date>). */
int		 council_date_valid(const char *);
/* A count typed in a field: 0 to 999999, else -1. */
long long	 council_count_parse(const char *);

/* French labels of council_state() and of a referral's kind. */
const char	*council_state_label(const char *);
const char	*council_kind_label(const char *);

/*
 * The referral of slot q, row 0 (sql_council_referral), as a description
 * list; then its published opinion with the tally and the Region's
 * response, when there are (heading level 2).
 */
void		 council_write_referral(struct web_req *, int);
void		 council_write_opinion(struct web_req *, int);

/* The section of /export/ that describes conseil.json (exports.c). */
void		 council_export_doc(struct web_req *);

#endif
