/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * An EPN's mediators on /admin/epn/<id>, and POST /admin/epn/<id>/
 * mediateurs: attaches the mediator account of an address to the EPN
 * (action=rattacher, courriel) or detaches it (action=detacher). One call
 * of epn_mediator_set() each; a refusal writes the EPN's page again with
 * the address typed and the French sentence at its field.
 */

#include <string.h>

#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/assisted.h"
#include "../shared/ui.h"
#include "admin.h"

int	admin_epn_mediators(struct web_req *);

/* One mediator and the button that detaches them. */
static void
write_mediator(struct web_req *w, struct epn_admin *v, int i)
{
	const char	*name = web_text(w, Q_MEDIATORS, i, AM_NAME);

	html_raw(H, "<li>");
	html_text(H, name);
	html_raw(H, " (");
	html_text(H, web_text(w, Q_MEDIATORS, i, AM_EMAIL));
	html_raw(H, ") ");
	form_begin(w, ui_admin_epn_mediators(w, v->id), NULL);
	html_raw(H, "<input type=\"hidden\" name=\"action\" "
	    "value=\"detacher\"><input type=\"hidden\" name=\"courriel\" "
	    "value=\"");
	html_text(H, web_text(w, Q_MEDIATORS, i, AM_EMAIL));
	html_raw(H, "\"><button type=\"submit\" class=\"secondary\">Détacher"
	    "<span class=\"visually-hidden\"> ");
	html_text(H, name);
	html_raw(H, "</span></button></form></li>\n");
}

void
epn_mediators_write(struct web_req *w, struct epn_admin *v)
{
	int	i;

	if (v->mf.w == NULL)
		form_init(&v->mf, w);
	html_raw(H, "<section aria-labelledby=\"mediateurs\">\n"
	    "<h2 id=\"mediateurs\">Médiateurs et médiatrices</h2>\n");
	if (web_rows(w, Q_MEDIATORS) == 0)
		html_raw(H, "<p>Aucun compte n'est rattaché à cet EPN.</p>\n");
	else {
		html_raw(H, "<ul class=\"mediators\">\n");
		for (i = 0; i < web_rows(w, Q_MEDIATORS); i++)
			write_mediator(w, v, i);
		html_raw(H, "</ul>\n");
	}
	form_summary(&v->mf);
	form_begin(w, ui_admin_epn_mediators(w, v->id),
	    "Rattacher un compte");
	html_raw(H, "<input type=\"hidden\" name=\"action\" "
	    "value=\"rattacher\">\n");
	form_input(&v->mf, "courriel", "Adresse électronique du compte",
	    "email", v->mediator, "Le compte doit avoir le rôle de "
	    "médiation (page « Rôles »).", "off", 1);
	form_end(w, "Rattacher à l'EPN");
	html_raw(H, "</section>\n");
}

/* Step 0: what was asked, checked; the call, or the page again. */
static int
mediators_ask(struct web_req *w, struct epn_admin *v)
{
	const char	*action = web_arg(w, "action");
	int		 attach;

	form_init(&v->f, w);
	form_init(&v->sf, w);
	form_init(&v->mf, w);
	if (!text_parse_id(w->args[0], &v->id))
		return (web_error(w, 404, "Cet EPN n'existe pas."));
	if (action == NULL || (strcmp(action, "rattacher") != 0 &&
	    strcmp(action, "detacher") != 0))
		return (web_error(w, 400, "Choisissez « Rattacher à l'EPN » ou "
		    "« Détacher »."));
	attach = strcmp(action, "rattacher") == 0;
	if (!form_text(&v->mf, "courriel", "Adresse électronique du compte",
	    1, 254, 0, &v->mediator))
		return (epn_edit_gather(w, v));
	v->asked = 1;
	return (web_query(w, Q_CHANGE, &sql_epn_mediator_set, DB_INT(v->id),
	    DB_TEXT(v->mediator), DB_BOOL(attach), DB_ID(w->sess.user_id)));
}

/* Step 1: what epn_mediator_set() said. */
static int
mediators_done(struct web_req *w, struct epn_admin *v)
{
	int	st = vocab_find(vocab_mediator_set, MS__MAX,
	    web_text(w, Q_CHANGE, 0, AST_STATUS));

	if (st == MS_OK) {
		web_flash(w, strcmp(web_arg(w, "action"), "rattacher") == 0 ?
		    "mediator_attached" : "mediator_detached");
		return (web_redirect(w, web_printf(w, "%s#mediateurs",
		    ui_admin_epn(w, v->id))));
	}
	if (st == MS_EPN_MISSING)
		return (web_error(w, 404, "Cet EPN n'existe pas."));
	if (st < 0)
		return (web_error(w, 500, NULL));
	form_error(&v->mf, "courriel", "%s", vocab_mediator_set[st].label);
	return (epn_edit_gather(w, v));
}

/* 404 for an unknown EPN, 400 for an unknown action, 422 on a refusal. */
int
admin_epn_mediators(struct web_req *w)
{
	struct epn_admin	*v = web_state(w, sizeof(*v));

	if (w->step == 0)
		return (mediators_ask(w, v));
	if (w->step == 1 && v->asked)
		return (mediators_done(w, v));
	return (epn_edit_page(w, v, 422));
}
