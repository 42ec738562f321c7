/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <string.h>
#include <strings.h>

#include "../../core/settings.h"
#include "participation.h"

void
part_limits(struct part_limits *l)
{
	l->title_min = settings_get_int("proposal_title_min", 5, 1, 1000);
	l->title_max = settings_get_int("proposal_title_max", 140, 1, 1000);
	l->body_min = settings_get_int("proposal_body_min", 20, 1, 100000);
	l->body_max = settings_get_int("proposal_body_max", 5000, 1, 100000);
	l->argument_max = settings_get_int("argument_max", 2000, 1, 100000);
	l->comment_max = settings_get_int("comment_max", 2000, 1, 100000);
	l->max_depth = settings_get_int("comment_max_depth", 3, 1, 20);
	l->edit_window = settings_get_int("edit_window_minutes", 30, 0,
	    60 * 24 * 30);
	if (l->title_min > l->title_max)
		l->title_min = l->title_max;
	if (l->body_min > l->body_max)
		l->body_min = l->body_max;
}

const char *
part_window_text(void)
{
	static char		buf[24];
	struct part_limits	l;

	part_limits(&l);
	return (part_itoa(l.edit_window, buf));
}

const char *
part_itoa(long long n, char *buf)
{
	snprintf(buf, 24, "%lld", n);
	return (buf);
}

int
part_refuse(struct web_req *w, const char *code)
{
	struct part_limits	l;
	char			msg[256];

	if (strcmp(code, "archived") == 0)
		return (web_error(w, 409, "Cette consultation est archivée : "
		    "elle a été importée d'une autre plateforme et se lit en "
		    "lecture seule. Il n'est pas possible d'y voter, "
		    "d'argumenter ni de commenter. Rien n'a été enregistré."));
	if (strcmp(code, "upcoming") == 0)
		return (web_error(w, 409, "La consultation n'est pas encore "
		    "ouverte : il n'est pas encore possible de contribuer ni "
		    "de voter. Rien n'a été enregistré."));
	if (strcmp(code, "closed") == 0)
		return (web_error(w, 409, "La consultation est close : il "
		    "n'est plus possible de contribuer ni de voter. Tout reste "
		    "consultable. Rien n'a été enregistré."));
	if (strcmp(code, "unpublished") == 0)
		return (web_error(w, 403, "Cette contribution n'est pas "
		    "publiée (en attente de modération ou masquée) : on ne "
		    "peut pas y participer. Rien n'a été enregistré."));
	if (strcmp(code, "no_parent") == 0)
		return (web_error(w, 404, "Le message auquel vous répondez "
		    "n'existe pas ou n'est plus publié. Rien n'a été "
		    "enregistré."));
	if (strcmp(code, "too_deep") == 0) {
		part_limits(&l);
		snprintf(msg, sizeof(msg), "Impossible de répondre à ce "
		    "commentaire : les réponses sont limitées à %d niveaux. "
		    "Répondez plutôt au commentaire de niveau supérieur. Rien "
		    "n'a été enregistré.", l.max_depth);
		return (web_error(w, 422, msg));
	}
	if (strcmp(code, "not_author") == 0)
		return (web_error(w, 403, "Seule l'autrice ou l'auteur d'une "
		    "proposition peut la modifier."));
	if (strcmp(code, "too_late") == 0) {
		part_limits(&l);
		snprintf(msg, sizeof(msg), "Le délai de modification (%d "
		    "minutes après la publication) est dépassé : la "
		    "proposition ne peut plus être modifiée.", l.edit_window);
		return (web_error(w, 403, msg));
	}
	return (web_error(w, 404, NULL));
}

int
part_phase_notice(struct web_req *w, const char *phase, const char *opens,
    const char *closes)
{
	if (strcmp(phase, "open") == 0)
		return (0);
	html_raw(H, "<p class=\"notice phase-closed\">");
	if (strcmp(phase, "upcoming") == 0) {
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

int
part_link_valid(const char *s)
{
	const char	*host;
	size_t		 i, len = strlen(s);

	if (len > 500)
		return (0);
	if (strncasecmp(s, "https://", 8) == 0)
		host = s + 8;
	else if (strncasecmp(s, "http://", 7) == 0)
		host = s + 7;
	else
		return (0);
	if (*host == '\0' || *host == '/' || *host == '.' || *host == ':' ||
	    *host == '@')
		return (0);
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7f ||
		    s[i] == '"' || s[i] == '<' || s[i] == '>' || s[i] == '\\')
			return (0);
	return (1);
}
