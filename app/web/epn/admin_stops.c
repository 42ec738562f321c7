/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * POST /admin/epn/<id>/etapes: adds a stop to a mobile EPN's tour
 * (action=ajouter: commune_etape, lieu, date, debut, fin) or removes one
 * (action=retirer, etape). One statement each; a refused stop writes the
 * EPN's page again (admin_page.c) with what was typed and the French
 * sentence at its field.
 */

#include <string.h>

#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/epn.h"
#include "../shared/ui.h"
#include "admin.h"

int	admin_epn_stops(struct web_req *);

/* Step 0: what was asked, checked; the statement, or the page again. */
static int
stops_ask(struct web_req *w, struct epn_admin *v)
{
	const char	*action = web_arg(w, "action");
	long long	 stop;

	form_init(&v->f, w);
	form_init(&v->sf, w);
	if (!text_parse_id(w->args[0], &v->id))
		return (web_error(w, 404, "Cet EPN n'existe pas."));
	if (action != NULL && strcmp(action, "retirer") == 0) {
		if (!text_parse_id(web_arg(w, "etape"), &stop))
			return (web_error(w, 400, "Choisissez l'étape à "
			    "retirer."));
		v->asked = 1;
		return (web_query(w, Q_CHANGE, &sql_epn_stop_remove,
		    DB_INT(v->id), DB_INT(stop)));
	}
	if (action == NULL || strcmp(action, "ajouter") != 0)
		return (web_error(w, 400, "Choisissez « Ajouter l'étape » ou "
		    "« Retirer »."));
	if (!stop_fields_read(&v->sf, &v->s))
		return (epn_edit_gather(w, v));
	v->asked = 1;
	return (web_query(w, Q_CHANGE, &sql_epn_stop_add, DB_INT(v->id),
	    DB_TEXT(v->s.commune), DB_TEXT(v->s.place), DB_TEXT(v->s.day),
	    DB_TEXT(v->s.starts), DB_TEXT(v->s.ends)));
}

/* Step 1: what the statement said. */
static int
stops_done(struct web_req *w, struct epn_admin *v)
{
	const char	*action = web_arg(w, "action");
	int		 st;

	if (strcmp(action, "retirer") == 0) {
		if (web_rows(w, Q_CHANGE) != 1)
			return (web_error(w, 404, "Cette étape n'existe pas ou "
			    "a déjà été retirée."));
		web_flash(w, "epn_stop_removed");
		return (web_redirect(w, web_printf(w, "%s#tournee",
		    ui_admin_epn(w, v->id))));
	}
	st = vocab_find(vocab_epn_result, EPR__MAX,
	    web_text(w, Q_CHANGE, 0, EA_STATUS));
	if (st == EPR_OK) {
		web_flash(w, "epn_stop_added");
		return (web_redirect(w, web_printf(w, "%s#tournee",
		    ui_admin_epn(w, v->id))));
	}
	if (st == EPR_NOT_FOUND)
		return (web_error(w, 404, "Cet EPN n'existe pas."));
	if (st == EPR_NOT_MOBILE)
		return (web_error(w, 409, vocab_epn_result[st].label));
	if (!epn_refusal(&v->sf, st))
		return (web_error(w, 500, NULL));
	return (epn_edit_gather(w, v));
}

/*
 * Raises 404 for an unknown EPN or stop, 400 for an unknown action, 409
 * for a stop of a fixed EPN, 422 with the form kept for a refused stop.
 */
int
admin_epn_stops(struct web_req *w)
{
	struct epn_admin	*v = web_state(w, sizeof(*v));

	if (w->step == 0)
		return (stops_ask(w, v));
	if (w->step == 1 && v->asked)
		return (stops_done(w, v));
	return (epn_edit_page(w, v, 422));
}
