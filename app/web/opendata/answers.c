/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /propositions/<id>/reponse: an official writes (or rewrites) the Region's
 * answer to a proposal. The proposal's author and its voters are told by
 * e-mail through the outbox, in the same statement as the answer. The
 * proposal page shows the answer with sql_answer_for_proposal
 * (app/db/answers.h).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/markdown.h"
#include "../../core/text.h"
#include "../../db/answers.h"
#include "../kernel/app.h"
#include "../kernel/form.h"
#include "../kernel/session.h"
#include "../kernel/web.h"

int	answers_form(struct web_req *);
int	answers_save(struct web_req *);

#define ANSWER_MAX	5000

static const struct form_option statuses[] = {
	{ "retenue",		"Retenue" },
	{ "a_l_etude",		"À l'étude" },
	{ "non_retenue",	"Non retenue" },
	{ "deja_en_cours",	"Déjà en cours" },
};

/* Writes the page: the proposal (slot 0), then the form. */
static int
answer_page(struct web_req *w, struct form *f, const char *status,
    const char *body, int code, int current)
{
	char	action[64];

	snprintf(action, sizeof(action), "/propositions/%s/reponse",
	    w->args[0]);
	page_begin(w, "Répondre à une proposition");
	html_raw(H, "<nav aria-label=\"Fil d'Ariane\" class=\"crumbs\"><ol>"
	    "<li><a href=\"/\">Accueil</a></li><li><a href=\"/themes/");
	html_url_arg(H, web_value(w, 0, 0, 2));
	html_raw(H, "\">");
	html_text(H, web_value(w, 0, 0, 3));
	html_raw(H, "</a></li><li><a href=\"/propositions/");
	html_text(H, w->args[0]);
	html_raw(H, "\">Proposition</a></li><li aria-current=\"page\">"
	    "Réponse officielle</li></ol></nav>\n"
	    "<h1>Réponse officielle de la Région</h1>\n<section "
	    "aria-labelledby=\"proposition\" class=\"quoted\">\n"
	    "<h2 id=\"proposition\">");
	html_text(H, web_value(w, 0, 0, 0));
	html_raw(H, "</h2>\n<div class=\"prose\">");
	html_raw(H, web_value(w, 0, 0, 1));	/* cmark safe output */
	html_raw(H, "</div>\n</section>\n");
	/* The current answer, as the proposal page shows it (slot 1). */
	if (current && web_nrows(w, 1) == 1) {
		html_raw(H, "<section aria-labelledby=\"actuelle\">\n"
		    "<h2 id=\"actuelle\">Réponse actuelle : ");
		html_text(H, web_value(w, 1, 0, 1));
		html_raw(H, "</h2>\n<p>Publiée le ");
		html_text(H, web_value(w, 1, 0, 3));
		html_raw(H, " par ");
		html_text(H, web_value(w, 1, 0, 4));
		html_raw(H, ".</p>\n<div class=\"prose\">");
		html_raw(H, web_value(w, 1, 0, 2));	/* cmark safe output */
		html_raw(H, "</div>\n<p>Enregistrer remplace cette réponse et "
		    "prévient à nouveau l'auteur et les votants.</p>\n"
		    "</section>\n");
	}
	form_summary(f);
	form_begin(w, action, "Réponse officielle");
	form_select(f, "statut", "Statut de la proposition", statuses,
	    sizeof(statuses) / sizeof(statuses[0]), status,
	    "Ce que la Région fait de cette proposition.", 1);
	form_textarea(f, "reponse", "Texte de la réponse", body,
	    "5 000 caractères au plus. Markdown accepté (listes, liens, "
	    "gras). L'auteur et les personnes qui ont voté reçoivent un "
	    "courriel.", 1, 12);
	form_end(w, "Publier la réponse");
	page_end(w);
	return (web_send(w, code));
}

/* An archive (imported consultation) gets no answer of the Region: 409. */
static int
archived_refuse(struct web_req *w)
{
	return (web_error(w, 409, "Cette proposition appartient à une "
	    "consultation archivée, importée d'une autre plateforme : la "
	    "Région n'y répond pas, elle se lit en lecture seule. Rien n'a "
	    "été enregistré."));
}

/*
 * GET /propositions/:id/reponse (officials). Raises 404 for no proposal,
 * 409 for a proposal of an archive.
 */
int
answers_form(struct web_req *w)
{
	struct form	 f;
	long long	 id;
	const char	*status = NULL, *body = NULL;

	switch (w->step) {
	case 0:
		if (!text_parse_id(w->args[0], &id))
			return (web_error(w, 404, NULL));
		return (web_sql(w, sql_answer_proposal, 1, w->args[0]));
	case 1:
		if (web_nrows(w, 0) != 1)
			return (web_error(w, 404, NULL));
		if (strcmp(web_value(w, 0, 0, ANSWER_PROPOSAL_ARCHIVED),
		    "t") == 0)
			return (archived_refuse(w));
		return (web_sql(w, sql_answer_for_proposal, 1, w->args[0]));
	}
	form_init(&f, w);
	if (!web_isnull(w, 0, 0, 4)) {
		status = web_value(w, 0, 0, 4);
		body = web_value(w, 0, 0, 5);
	}
	return (answer_page(w, &f, status, body, 200, 1));
}

/*
 * POST /propositions/:id/reponse (officials). Raises 403 without a valid
 * CSRF token, 404 for no proposal, 409 for a proposal of an archive, 422
 * with the form for invalid fields.
 */
int
answers_save(struct web_req *w)
{
	struct form	 f;
	long long	 id;
	const char	*status, *body;
	char		*html, uid[24];

	switch (w->step) {
	case 0:
		if (!csrf_valid(w))
			return (web_error(w, 403, "Le formulaire a expiré ou "
			    "ne vient pas de ce site : rechargez la page et "
			    "recommencez."));
		if (!text_parse_id(w->args[0], &id))
			return (web_error(w, 404, NULL));
		return (web_sql(w, sql_answer_proposal, 1, w->args[0]));
	case 1:
		if (web_nrows(w, 0) != 1)
			return (web_error(w, 404, NULL));
		if (strcmp(web_value(w, 0, 0, ANSWER_PROPOSAL_ARCHIVED),
		    "t") == 0)
			return (archived_refuse(w));
		form_init(&f, w);
		form_choice(&f, "statut", "Statut de la proposition",
		    statuses, sizeof(statuses) / sizeof(statuses[0]), 1,
		    &status);
		form_text(&f, "reponse", "Texte de la réponse", 1, ANSWER_MAX,
		    1, &body);
		if (f.nerrors > 0) {
			http_argument_get_string(w->req, "statut",
			    (char **)&status);
			return (answer_page(w, &f, status, body, 422, 0));
		}
		if ((html = markdown_render(body, strlen(body), 2)) == NULL)
			fatal("markdown_render: out of memory");
		snprintf(uid, sizeof(uid), "%lld", w->sess.user_id);
		web_sql(w, sql_answer_save, 6, w->args[0], status, body,
		    html, uid, app.base_url);
		free(html);
		return (WEB_QUERY);
	}
	if (strcmp(web_value(w, 1, 0, 0), "1") != 0)
		return (web_error(w, 404, NULL));
	web_flash(w, "answer_saved");
	{
		char	path[64];

		snprintf(path, sizeof(path), "/propositions/%s/reponse",
		    w->args[0]);
		return (web_redirect(w, path));
	}
}
