/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <string.h>

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
 * Every refusal the participation functions return (participation_refusal
 * and the participation_* functions in SQL), with its status and its
 * French page; "%d" is the limit the refusal is about.
 */
enum { LIMIT_NONE, LIMIT_DEPTH, LIMIT_WINDOW };

static const struct {
	const char	*code;
	int		 status;
	int		 limit;
	const char	*msg;
} refusals[] = {
	{ "archived", 409, LIMIT_NONE, "Cette consultation est archivée : "
	    "elle a été importée d'une autre plateforme et se lit en lecture "
	    "seule. Il n'est pas possible d'y voter, d'argumenter ni de "
	    "commenter. Rien n'a été enregistré." },
	{ "upcoming", 409, LIMIT_NONE, "La consultation n'est pas encore "
	    "ouverte : il n'est pas encore possible de contribuer ni de "
	    "voter. Rien n'a été enregistré." },
	{ "closed", 409, LIMIT_NONE, "La consultation est close : il n'est "
	    "plus possible de contribuer ni de voter. Tout reste "
	    "consultable. Rien n'a été enregistré." },
	{ "unpublished", 403, LIMIT_NONE, "Cette contribution n'est pas "
	    "publiée (en attente de modération ou masquée) : on ne peut pas "
	    "y participer. Rien n'a été enregistré." },
	{ "no_parent", 404, LIMIT_NONE, "Le message auquel vous répondez "
	    "n'existe pas ou n'est plus publié. Rien n'a été enregistré." },
	{ "too_deep", 422, LIMIT_DEPTH, "Impossible de répondre à ce "
	    "commentaire : les réponses sont limitées à %d niveaux. Répondez "
	    "plutôt au commentaire de niveau supérieur. Rien n'a été "
	    "enregistré." },
	{ "not_author", 403, LIMIT_NONE, "Seule l'autrice ou l'auteur d'une "
	    "proposition peut la modifier." },
	{ "too_late", 403, LIMIT_WINDOW, "Le délai de modification (%d "
	    "minutes après la publication) est dépassé : la proposition ne "
	    "peut plus être modifiée." },
	{ "missing", 404, LIMIT_NONE, NULL },
};

int
part_refuse(struct web_req *w, const char *code)
{
	struct part_limits	l;
	size_t			i;

	for (i = 0; i < sizeof(refusals) / sizeof(refusals[0]); i++)
		if (strcmp(code, refusals[i].code) == 0)
			break;
	if (i == sizeof(refusals) / sizeof(refusals[0]))
		return (web_error(w, 404, NULL));
	part_limits(&l);
	switch (refusals[i].limit) {
	case LIMIT_DEPTH:
		return (web_error(w, refusals[i].status, web_printf(w,
		    refusals[i].msg, l.max_depth)));
	case LIMIT_WINDOW:
		return (web_error(w, refusals[i].status, web_printf(w,
		    refusals[i].msg, l.edit_window)));
	}
	return (web_error(w, refusals[i].status, refusals[i].msg));
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
