/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <string.h>

#include "../../core/refusal.h"
#include "../../core/settings.h"
#include "../../core/text.h"
#include "../../core/vocab.h"
#include "participation.h"

void
part_limits(struct part_limits *l)
{
	l->title_min = settings_int(SET_PROPOSAL_TITLE_MIN);
	l->title_max = settings_int(SET_PROPOSAL_TITLE_MAX);
	l->body_min = settings_int(SET_PROPOSAL_BODY_MIN);
	l->body_max = settings_int(SET_PROPOSAL_BODY_MAX);
	l->argument_max = settings_int(SET_ARGUMENT_MAX);
	l->comment_max = settings_int(SET_COMMENT_MAX);
	l->max_depth = settings_int(SET_COMMENT_MAX_DEPTH);
	l->edit_window = settings_int(SET_EDIT_WINDOW_MINUTES);
	if (l->title_min > l->title_max)
		l->title_min = l->title_max;
	if (l->body_min > l->body_max)
		l->body_min = l->body_max;
}

/*
 * The page of a refusal of the participation functions (their codes and
 * French messages: app/core/refusal.c); an unknown code is a 404.
 */
int
part_refuse(struct web_req *w, const char *code)
{
	struct part_limits	 l;
	const struct refusal	*r;

	r = refusal_find(refusal_participation, refusal_participation_n, code);
	if (r == NULL)
		return (web_error(w, 404, NULL));
	part_limits(&l);
	switch (r->limit) {
	case REFUSAL_LIMIT_DEPTH:
		return (web_error(w, r->status, web_printf(w, r->msg,
		    l.max_depth)));
	case REFUSAL_LIMIT_WINDOW:
		return (web_error(w, r->status, web_printf(w, r->msg,
		    l.edit_window)));
	}
	return (web_error(w, r->status, r->msg));
}

int
part_phase_notice(struct web_req *w, const char *phase, const char *opens,
    const char *closes)
{
	int	p = vocab_find(vocab_phase, PHASE__MAX, phase);

	if (p == PHASE_OPEN)
		return (0);
	html_raw(H, "<p class=\"notice phase-closed\">");
	if (p == PHASE_UPCOMING) {
		html_raw(H, "La consultation ouvrira le ");
		html_text(H, opens);
		html_raw(H, " : vous pourrez alors proposer, argumenter, "
		    "commenter et voter. En attendant, tout est consultable.");
	} else {
		html_raw(H, "La consultation est close depuis le ");
		html_text(H, closes);
		html_raw(H, " : il n'est plus possible de proposer, "
		    "d'argumenter, de commenter ni de voter. Tout reste "
		    "consultable.");
	}
	html_raw(H, "</p>\n");
	return (1);
}
