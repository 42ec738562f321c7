/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Writing a proposal: the form on a theme (/themes/:slug/proposer) and the
 * author's edit within the edit window (/propositions/:id/modifier). Both
 * offer "Prévisualiser" (the rendered Markdown above the form, nothing
 * saved) and "Publier". Each change is one SQL function call, so nothing
 * is ever half written.
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/markdown.h"
#include "../../core/text.h"
#include "../../db/participation.h"
#include "../kernel/session.h"
#include "participation.h"

int	proposal_create(struct web_req *);
int	proposal_edit(struct web_req *);

struct pform {
	const char	*title, *body, *territory, *link;
};

/* Reads and checks the fields. 1 when valid. */
static int
pform_read(struct form *f, struct pform *p, int tslot)
{
	struct web_req		*w = f->w;
	struct part_limits	 l;
	int			 i, found = 0;

	part_limits(&l);
	form_text(f, "titre", "Titre", l.title_min, l.title_max, 0, &p->title);
	form_text(f, "texte", "Texte de la proposition", l.body_min,
	    l.body_max, 1, &p->body);
	form_text(f, "territoire", "Département", 1, 3, 0, &p->territory);
	if (*p->territory != '\0') {
		for (i = 0; i < web_nrows(w, tslot); i++)
			if (strcmp(web_value(w, tslot, i, 0), p->territory) == 0)
				found = 1;
		if (!found)
			form_error(f, "territoire", "Le département choisi "
			    "n'est pas dans la liste.");
	}
	if (form_text(f, "lien", "Lien", 0, 500, 0, &p->link) &&
	    *p->link != '\0' && !part_link_valid(p->link))
		form_error(f, "lien", "« Lien » doit être une adresse web "
		    "complète commençant par http:// ou https://.");
	return (f->nerrors == 0);
}

static void
pform_write(struct form *f, struct pform *p, const char *action,
    int tslot, int preview)
{
	struct web_req		*w = f->w;
	struct part_limits	 l;
	struct form_option	 opts[32];
	size_t			 n = 0;
	int			 i;
	char			 hint[160];

	part_limits(&l);
	if (preview) {
		html_raw(H, "<section class=\"preview\" aria-labelledby="
		    "\"apercu\">\n<h2 id=\"apercu\">Aperçu (non publié)</h2>\n"
		    "<h3>");
		html_text(H, p->title);
		html_raw(H, "</h3>\n<div class=\"prose\">\n");
		web_markdown(w, p->body, 3);
		html_raw(H, "</div>\n</section>\n");
	}
	form_summary(f);
	form_begin(w, action, NULL);
	snprintf(hint, sizeof(hint), "De %d à %d caractères.", l.title_min,
	    l.title_max);
	form_input(f, "titre", "Titre", "text", p->title, hint, "off", 1);
	snprintf(hint, sizeof(hint), "De %d à %d caractères. Mise en forme "
	    "Markdown : *italique*, **gras**, listes avec « - », liens.",
	    l.body_min, l.body_max);
	form_textarea(f, "texte", "Texte de la proposition", p->body, hint,
	    1, 12);
	opts[n].value = "";
	opts[n++].label = "Choisissez un département";
	for (i = 0; i < web_nrows(w, tslot) && n < 32; i++, n++) {
		opts[n].value = web_value(w, tslot, i, 0);
		opts[n].label = web_value(w, tslot, i, 1);
	}
	form_select(f, "territoire", "Département", opts, n, p->territory,
	    "Le département que votre proposition concerne.", 1);
	form_input(f, "lien", "Lien", "url", p->link, "Une page web qui "
	    "éclaire votre proposition, commençant par https:// ou http://.",
	    "off", 0);
	html_raw(H, "<p class=\"buttons\"><button type=\"submit\" "
	    "name=\"action\" value=\"preview\" class=\"secondary\">"
	    "Prévisualiser</button>\n<button type=\"submit\" name=\"action\" "
	    "value=\"publish\">Publier</button></p>\n</form>\n");
}

/* GET and POST /themes/:slug/proposer. 404: unknown theme. */
int
proposal_create(struct web_req *w)
{
	struct form	 f;
	struct pform	 p;
	char		*html;
	const char	*action;
	int		 r, preview;
	char		 path[128];

	switch (w->step) {
	case 0:
		if (!text_slug_valid(w->args[0]))
			return (web_error(w, 404, NULL));
		if (w->req->method == HTTP_METHOD_POST && !csrf_valid(w))
			return (web_error(w, 403, "Le formulaire a expiré ou "
			    "ne vient pas de ce site. Rechargez la page et "
			    "recommencez."));
		return (web_sql(w, sql_part_theme, 1, w->args[0]));
	case 1:
		if (web_nrows(w, 0) != 1)
			return (web_error(w, 404, NULL));
		if (w->req->method == HTTP_METHOD_POST &&
		    strcmp(web_value(w, 0, 0, 6), "open") != 0)
			return (part_refuse(w, web_value(w, 0, 0, 6)));
		return (web_sql(w, sql_part_territories, 0));
	case 2:
		break;
	case 3:
		if (strcmp(web_value(w, 2, 0, 0), "ok") == 0)
			web_flash(w, "proposal_published");
		else if (strcmp(web_value(w, 2, 0, 0), "pending") == 0)
			web_flash(w, "proposal_pending");
		else
			return (part_refuse(w, web_value(w, 2, 0, 0)));
		snprintf(path, sizeof(path), "/propositions/%s",
		    web_value(w, 2, 0, 1));
		return (web_redirect(w, path));
	default:
		return (web_error(w, 500, NULL));
	}

	form_init(&f, w);
	memset(&p, 0, sizeof(p));
	p.territory = w->sess.territory;
	preview = 0;
	r = 422;
	if (w->req->method == HTTP_METHOD_POST) {
		action = web_arg(w, "action");
		preview = action != NULL && strcmp(action, "preview") == 0;
		if (pform_read(&f, &p, 1) && !preview) {
			if ((html = markdown_render(p.body, strlen(p.body),
			    2)) == NULL)
				fatal("markdown_render: out of memory");
			r = web_sql(w, sql_part_propose, 7,
			    part_itoa(w->sess.user_id, path), w->args[0],
			    p.title, p.body, html,
			    *p.link ? p.link : NULL, p.territory);
			free(html);
			return (r);
		}
		if (f.nerrors == 0)
			r = 200;
	} else
		r = 200;

	page_begin(w, "Déposer une proposition");
	html_raw(H, "<nav aria-label=\"Fil d'Ariane\" class=\"crumbs\"><ol>"
	    "<li><a href=\"/\">Accueil</a></li><li><a href=\"/themes/");
	html_url_arg(H, web_value(w, 0, 0, 1));
	html_raw(H, "\">Enjeu ");
	html_text(H, web_value(w, 0, 0, 5));
	html_raw(H, "</a></li><li aria-current=\"page\">Proposer</li></ol>"
	    "</nav>\n<h1>Déposer une proposition</h1>\n<p class=\"lead\">"
	    "Enjeu : ");
	html_text(H, web_value(w, 0, 0, 2));
	html_raw(H, "</p>\n");
	if (!part_phase_notice(w, web_value(w, 0, 0, 6), web_value(w, 0, 0, 7),
	    web_value(w, 0, 0, 8))) {
		if (strcmp(web_value(w, 0, 0, 9), "a_priori") == 0)
			html_raw(H, "<p class=\"notice\">Les contributions "
			    "sont relues avant publication : la vôtre sera "
			    "en attente de modération.</p>\n");
		snprintf(path, sizeof(path), "/themes/%s/proposer",
		    web_value(w, 0, 0, 1));
		pform_write(&f, &p, path, 1, preview);
	}
	page_end(w);
	return (web_send(w, r));
}

/* GET and POST /propositions/:id/modifier: the author, within the window. */
int
proposal_edit(struct web_req *w)
{
	struct form	 f;
	struct pform	 p;
	long long	 id;
	char		*html, uid[24], path[64];
	const char	*action;
	int		 r, preview = 0;

	switch (w->step) {
	case 0:
		if (!text_parse_id(w->args[0], &id))
			return (web_error(w, 404, NULL));
		if (w->req->method == HTTP_METHOD_POST && !csrf_valid(w))
			return (web_error(w, 403, "Le formulaire a expiré ou "
			    "ne vient pas de ce site. Rechargez la page et "
			    "recommencez."));
		return (web_sql(w, sql_part_proposal, 3, w->args[0],
		    part_itoa(w->sess.user_id, uid), part_window_text()));
	case 1:
		if (web_nrows(w, 0) != 1 ||
		    strcmp(web_value(w, 0, 0, 4), "hidden") == 0 ||
		    strcmp(web_value(w, 0, 0, 4), "rejected") == 0)
			return (web_error(w, 404, NULL));
		if (strtoll(web_value(w, 0, 0, 5), NULL, 10) != w->sess.user_id)
			return (part_refuse(w, "not_author"));
		if (strcmp(web_value(w, 0, 0, 16), "open") != 0)
			return (part_refuse(w, web_value(w, 0, 0, 16)));
		if (strcmp(web_value(w, 0, 0, 19), "t") != 0)
			return (part_refuse(w, "too_late"));
		return (web_sql(w, sql_part_territories, 0));
	case 2:
		break;
	case 3:
		if (strcmp(web_value(w, 2, 0, 0), "ok") != 0)
			return (part_refuse(w, web_value(w, 2, 0, 0)));
		web_flash(w, "proposal_edited");
		snprintf(path, sizeof(path), "/propositions/%s", w->args[0]);
		return (web_redirect(w, path));
	default:
		return (web_error(w, 500, NULL));
	}

	form_init(&f, w);
	p.title = web_value(w, 0, 0, 1);
	p.body = web_value(w, 0, 0, 21);
	p.territory = web_value(w, 0, 0, 20);
	p.link = web_value(w, 0, 0, 3);
	r = 200;
	if (w->req->method == HTTP_METHOD_POST) {
		action = web_arg(w, "action");
		preview = action != NULL && strcmp(action, "preview") == 0;
		if (pform_read(&f, &p, 1) && !preview) {
			if ((html = markdown_render(p.body, strlen(p.body),
			    2)) == NULL)
				fatal("markdown_render: out of memory");
			r = web_sql(w, sql_part_edit, 8,
			    part_itoa(w->sess.user_id, uid), w->args[0],
			    p.title, p.body, html, *p.link ? p.link : NULL,
			    p.territory, part_window_text());
			free(html);
			return (r);
		}
		if (f.nerrors > 0)
			r = 422;
	}
	page_begin(w, "Modifier ma proposition");
	html_raw(H, "<nav aria-label=\"Fil d'Ariane\" class=\"crumbs\"><ol>"
	    "<li><a href=\"/\">Accueil</a></li><li><a href=\"/propositions/");
	html_text(H, w->args[0]);
	html_raw(H, "\">Proposition</a></li><li aria-current=\"page\">"
	    "Modifier</li></ol></nav>\n<h1>Modifier ma proposition</h1>\n"
	    "<p class=\"lead\">Vous pouvez modifier votre proposition pendant "
	    "les ");
	html_text(H, part_window_text());
	html_raw(H, " minutes qui suivent sa publication. Le texte précédent "
	    "est conservé pour la modération et la proposition sera marquée "
	    "« modifiée ».</p>\n");
	snprintf(path, sizeof(path), "/propositions/%s/modifier", w->args[0]);
	pform_write(&f, &p, path, 1, preview);
	page_end(w);
	return (web_send(w, r));
}
