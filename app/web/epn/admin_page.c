/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The page of one EPN (/admin/epn/<id>): its form, and for a mobile EPN
 * its tour from today, each stop with a button that removes it, and the
 * form that adds one. Written by GET and by every refused POST (the EPN's
 * or a stop's), with what was typed.
 */

#include "../../core/vocab.h"
#include "../../db/accounts.h"
#include "../../db/assisted.h"
#include "../../db/epn.h"
#include "../shared/ui.h"
#include "admin.h"
#include "stops.h"

int
epn_edit_gather(struct web_req *w, struct epn_admin *v)
{
	web_query(w, Q_EPN, &sql_epn_get, DB_INT(v->id));
	web_query(w, Q_STOPS, &sql_epn_stops_of, DB_INT(v->id));
	web_query(w, Q_MEDIATORS, &sql_epn_mediators_of, DB_INT(v->id));
	return (web_query(w, Q_TERRITORIES, &sql_territories));
}

/* One stop and its "Retirer" button. */
static void
write_stop(struct web_req *w, struct epn_admin *v, int i)
{
	long long	id = web_int(w, Q_STOPS, i, ES_ID);

	stops_row_begin(w, Q_STOPS, i);
	form_begin(w, ui_admin_epn_stops(w, v->id), NULL);
	html_rawf(H, "<input type=\"hidden\" name=\"action\" value=\"retirer\">"
	    "<input type=\"hidden\" name=\"etape\" value=\"%lld\">"
	    "<button type=\"submit\" class=\"secondary\">Retirer<span "
	    "class=\"visually-hidden\"> l'étape du ", id);
	html_text(H, web_text(w, Q_STOPS, i, ES_DAY_FR));
	html_raw(H, " à ");
	html_text(H, web_text(w, Q_STOPS, i, ES_COMMUNE));
	html_raw(H, "</span></button></form></td></tr>\n");
}

/* The tour's stops from today, and the form that adds one. */
static void
write_tour(struct web_req *w, struct epn_admin *v)
{
	int	i;

	html_raw(H, "<section aria-labelledby=\"tournee\">\n"
	    "<h2 id=\"tournee\">Tournée</h2>\n");
	if (web_rows(w, Q_STOPS) == 0)
		html_raw(H, "<p>Aucune étape à venir.</p>\n");
	else {
		stops_table_begin(w, web_rows(w, Q_STOPS), "Retirer");
		for (i = 0; i < web_rows(w, Q_STOPS); i++)
			write_stop(w, v, i);
		stops_table_end(w);
	}
	html_raw(H, "<h3 id=\"ajouter-etape\">Ajouter une étape</h3>\n");
	form_summary(&v->sf);
	form_begin(w, ui_admin_epn_stops(w, v->id), "Ajouter une étape");
	html_raw(H, "<input type=\"hidden\" name=\"action\" value=\"ajouter\">\n");
	form_input(&v->sf, "commune_etape", "Commune", "text", v->s.commune,
	    NULL, NULL, 1);
	form_input(&v->sf, "lieu", "Lieu", "text", v->s.place, "Par exemple "
	    "« parking de la salle des fêtes ».", NULL, 1);
	/*
	 * Text, not type="date" or "time": a refused value is written back
	 * as it was typed, which those types cannot hold.
	 */
	form_input(&v->sf, "date", "Date", "text", v->s.day,
	    "Sous la forme AAAA-MM-JJ, par exemple 2026-12-08.", NULL, 1);
	form_input(&v->sf, "debut", "Heure de début", "text", v->s.starts,
	    "Sous la forme HH:MM, par exemple 09:30.", NULL, 1);
	form_input(&v->sf, "fin", "Heure de fin", "text", v->s.ends,
	    "Sous la forme HH:MM, par exemple 12:00.", NULL, 1);
	form_end(w, "Ajouter l'étape");
	html_raw(H, "</section>\n");
}

int
epn_edit_page(struct web_req *w, struct epn_admin *v, int status)
{
	static const struct ui_crumb	 up[] = {
		{ UI_ADMIN_EPN, "Espaces publics numériques" } };
	struct epn_fields		 stored;
	const char			*name;

	if (web_rows(w, Q_EPN) != 1)
		return (web_error(w, 404, "Cet EPN n'existe pas."));
	epn_fields_stored(w, &stored);
	/* A stop posted for a fixed EPN (no such form on its page). */
	if (!stored.mobile && v->sf.nerrors > 0)
		return (web_error(w, 409, vocab_epn_result[EPR_NOT_MOBILE].label));
	name = stored.name;
	page_begin(w, web_printf(w, "EPN %s", name));
	ui_crumbs(w, up, 1, name);
	html_raw(H, "<h1>");
	html_text(H, name);
	html_raw(H, "</h1>\n");
	form_summary(&v->f);
	epn_form_write(w, &v->f, v->typed ? &v->e : &stored, v->id);
	if (stored.mobile)
		write_tour(w, v);
	else
		html_raw(H, "<p>Un EPN fixe n'a pas de tournée : cochez « EPN "
		    "mobile » et enregistrez pour lui en donner une.</p>\n");
	epn_mediators_write(w, v);
	page_end(w);
	return (web_send(w, status));
}
