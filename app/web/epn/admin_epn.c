/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /admin/epn: the EPN directory for administrators (the routes table lets
 * no one else in): every EPN, active or not, and the form that registers
 * one; /admin/epn/<id>: one EPN's form (and its tour: admin_page.c).
 * Every change is one statement (app/db/epn.h) that answers a status; a
 * refusal writes the form again with what was typed and the French
 * sentence at its field.
 */

#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/accounts.h"
#include "../../db/epn.h"
#include "../shared/ui.h"
#include "admin.h"

int	admin_epn(struct web_req *);
int	admin_epn_edit(struct web_req *);

/* One EPN of the list, its name a link to its page. */
static void
write_row(struct web_req *w, int i)
{
	int	k = vocab_find(vocab_epn_kind, EPN__MAX, web_text(w, Q_LIST, i,
	    EL_KIND));

	html_raw(H, "<tr><th scope=\"row\">");
	ui_link(w, ui_admin_epn(w, web_int(w, Q_LIST, i, EL_ID)),
	    web_text(w, Q_LIST, i, EL_NAME));
	html_raw(H, "</th><td>");
	html_text(H, k >= 0 ? vocab_epn_kind[k].label : "");
	html_raw(H, "</td><td>");
	html_text(H, web_text(w, Q_LIST, i, EL_COMMUNE));
	html_raw(H, "</td><td>");
	html_text(H, web_text(w, Q_LIST, i, EL_TERRITORY_NAME));
	html_raw(H, "</td><td>");
	html_raw(H, web_bool(w, Q_LIST, i, EL_ACTIVE) ? "oui" : "non");
	html_raw(H, "</td><td>");
	if (k == EPN_MOBILE)
		ui_number(w, web_int(w, Q_LIST, i, EL_NEXT_STOPS));
	html_raw(H, "</td></tr>\n");
}

static void
write_list(struct web_req *w)
{
	int	i;

	if (web_rows(w, Q_LIST) == 0) {
		html_raw(H, "<p>Aucun EPN n'est encore inscrit.</p>\n");
		return;
	}
	html_raw(H, "<table class=\"epns\" tabindex=\"0\">\n<caption>");
	ui_count(w, web_rows(w, Q_LIST), "EPN inscrit", "EPN inscrits");
	html_raw(H, "</caption>\n<thead><tr><th scope=\"col\">Nom</th>"
	    "<th scope=\"col\">Genre</th><th scope=\"col\">Commune</th>"
	    "<th scope=\"col\">Département</th><th scope=\"col\">Actif</th>"
	    "<th scope=\"col\">Étapes à venir</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < web_rows(w, Q_LIST); i++)
		write_row(w, i);
	html_raw(H, "</tbody>\n</table>\n");
}

static int
list_page(struct web_req *w, struct epn_admin *v, int status)
{
	page_begin(w, "Espaces publics numériques");
	ui_crumbs(w, NULL, 0, "Espaces publics numériques");
	html_raw(H, "<h1>Espaces publics numériques (EPN)</h1>\n<p>Les EPN "
	    "actifs et les prochaines étapes de l'EPN mobile sont affichés sur "
	    "la page publique <a href=\"" UI_EPN_DIRECTORY "\">Participer près "
	    "de chez vous</a>.</p>\n");
	write_list(w);
	html_raw(H, "<h2 id=\"inscrire\">Inscrire un EPN</h2>\n");
	form_summary(&v->f);
	epn_form_write(w, &v->f, &v->e, 0);
	page_end(w);
	return (web_send(w, status));
}

static int
list_gather(struct web_req *w)
{
	web_query(w, Q_LIST, &sql_epn_list, DB_BOOL(0));
	return (web_query(w, Q_TERRITORIES, &sql_territories));
}

/*
 * GET /admin/epn: the list and an empty form. POST: registers an EPN
 * (nom, commune, departement, adresse, horaires, mobile), then 303 to its
 * page; 422 with the form kept on a refusal.
 */
int
admin_epn(struct web_req *w)
{
	struct epn_admin	*v = web_state(w, sizeof(*v));
	int			 st;

	if (w->step == 0) {
		form_init(&v->f, w);
		v->e.territory = "";
		if (w->req->method != HTTP_METHOD_POST)
			return (list_gather(w));
		if (!epn_fields_read(&v->f, &v->e))
			return (list_gather(w));
		v->asked = 1;
		return (web_query(w, Q_CHANGE, &sql_epn_add, DB_TEXT(v->e.name),
		    DB_TEXT(v->e.commune), DB_TEXT(v->e.territory),
		    DB_TEXT(v->e.address), DB_TEXT(v->e.hours),
		    DB_TEXT(vocab_epn_kind[v->e.mobile ? EPN_MOBILE :
		    EPN_FIXED].code)));
	}
	if (w->step == 1 && v->asked) {
		st = vocab_find(vocab_epn_result, EPR__MAX,
		    web_text(w, Q_CHANGE, 0, EA_STATUS));
		if (st == EPR_OK) {
			web_flash(w, "epn_added");
			return (web_redirect(w, ui_admin_epn(w,
			    web_int(w, Q_CHANGE, 0, EA_ID))));
		}
		if (!epn_refusal(&v->f, st))
			return (web_error(w, 500, NULL));
		return (list_gather(w));
	}
	return (list_page(w, v, v->f.nerrors > 0 ? 422 : 200));
}

/* The statement that saves what was typed for v->id. */
static int
edit_save(struct web_req *w, struct epn_admin *v)
{
	v->asked = 1;
	return (web_query(w, Q_CHANGE, &sql_epn_edit, DB_INT(v->id),
	    DB_TEXT(v->e.name), DB_TEXT(v->e.commune), DB_TEXT(v->e.territory),
	    DB_TEXT(v->e.address), DB_TEXT(v->e.hours),
	    DB_TEXT(vocab_epn_kind[v->e.mobile ? EPN_MOBILE : EPN_FIXED].code),
	    DB_BOOL(v->e.active)));
}

/*
 * GET /admin/epn/<id>: the EPN's form and tour. POST: saves the EPN
 * (the fields of admin_epn, and actif), then 303 back; 422 with the form
 * kept on a refusal. 404 for a malformed or unknown id.
 */
int
admin_epn_edit(struct web_req *w)
{
	struct epn_admin	*v = web_state(w, sizeof(*v));
	int			 st;

	if (w->step == 0) {
		form_init(&v->f, w);
		form_init(&v->sf, w);
		if (!text_parse_id(w->args[0], &v->id))
			return (web_error(w, 404, "Cet EPN n'existe pas."));
		if (w->req->method != HTTP_METHOD_POST)
			return (epn_edit_gather(w, v));
		v->typed = 1;
		if (!epn_fields_read(&v->f, &v->e))
			return (epn_edit_gather(w, v));
		return (edit_save(w, v));
	}
	if (w->step == 1 && v->asked) {
		st = vocab_find(vocab_epn_result, EPR__MAX,
		    web_text(w, Q_CHANGE, 0, EST_STATUS));
		if (st == EPR_OK) {
			web_flash(w, "epn_saved");
			return (web_redirect(w, ui_admin_epn(w, v->id)));
		}
		if (st == EPR_NOT_FOUND)
			return (web_error(w, 404, "Cet EPN n'existe pas."));
		if (!epn_refusal(&v->f, st))
			return (web_error(w, 500, NULL));
		return (epn_edit_gather(w, v));
	}
	return (epn_edit_page(w, v, v->f.nerrors > 0 ? 422 : 200));
}
