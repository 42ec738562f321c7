/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /participer-pres-de-chez-vous: where people without a computer or a
 * connection can take part (issue 12): the active EPNs by département,
 * the mobile EPN's next stops, and the tour as an iCalendar feed a phone
 * can subscribe to (/participer-pres-de-chez-vous/tournee.ics). Two small
 * queries, whatever the number of contributions; printable (agora.css).
 */

#include <string.h>

#include "../../core/ical.h"
#include "../../core/vocab.h"
#include "../../db/epn.h"
#include "../kernel/app.h"
#include "../kernel/web.h"
#include "../shared/ui.h"
#include "stops.h"

#define PAGE_STOPS	30	/* next stops on the page */
#define FEED_STOPS	500	/* in the feed: months of a busy tour */

int	epn_directory_show(struct web_req *);
int	epn_tour_feed(struct web_req *);

enum { Q_EPNS, Q_STOPS, Q__MAX };

/* The next stops, as a table (dates read as a person says them). */
static void
write_stops(struct web_req *w)
{
	int	i;

	html_raw(H, "<section aria-labelledby=\"tournee\">\n"
	    "<h2 id=\"tournee\">Les prochaines étapes de l'EPN mobile</h2>\n");
	if (web_rows(w, Q_STOPS) == 0)
		html_raw(H, "<p>Aucune étape n'est prévue pour le moment.</p>\n");
	else {
		stops_table_begin(w, web_rows(w, Q_STOPS), "EPN");
		for (i = 0; i < web_rows(w, Q_STOPS); i++) {
			stops_row_begin(w, Q_STOPS, i);
			html_text(H, web_text(w, Q_STOPS, i, ES_EPN_NAME));
			html_raw(H, "</td></tr>\n");
		}
		stops_table_end(w);
	}
	html_raw(H, "<p class=\"epn-feed\"><a href=\"" UI_EPN_TOUR_FEED "\">"
	    "S'abonner au calendrier de la tournée</a> (format iCalendar : "
	    "ajoutez cette adresse à l'agenda de votre téléphone pour "
	    "recevoir les nouvelles étapes).</p>\n</section>\n");
}

/* One EPN of the directory. */
static void
write_epn(struct web_req *w, int i)
{
	const char	*s;

	html_raw(H, "<li><h4>");
	html_text(H, web_text(w, Q_EPNS, i, EL_NAME));
	html_raw(H, "</h4>\n<p>");
	if (vocab_find(vocab_epn_kind, EPN__MAX, web_text(w, Q_EPNS, i,
	    EL_KIND)) == EPN_MOBILE)
		html_raw(H, "<strong>EPN mobile</strong>, basé à ");
	html_text(H, web_text(w, Q_EPNS, i, EL_COMMUNE));
	if (*(s = web_text(w, Q_EPNS, i, EL_ADDRESS)) != '\0') {
		html_raw(H, "<br>");
		html_text(H, s);
	}
	html_raw(H, "</p>\n");
	if (*(s = web_text(w, Q_EPNS, i, EL_HOURS)) != '\0') {
		html_raw(H, "<p class=\"epn-hours\"><span class=\"label\">"
		    "Horaires :</span> ");
		html_text(H, s);
		html_raw(H, "</p>\n");
	}
	html_raw(H, "</li>\n");
}

/* The EPNs, one section per département (rows come in that order). */
static void
write_directory(struct web_req *w)
{
	const char	*code, *prev = "";
	int		 i;

	html_raw(H, "<section aria-labelledby=\"annuaire\">\n"
	    "<h2 id=\"annuaire\">Les EPN par département</h2>\n");
	if (web_rows(w, Q_EPNS) == 0)
		html_raw(H, "<p>Aucun EPN n'est encore inscrit.</p>\n");
	for (i = 0; i < web_rows(w, Q_EPNS); i++) {
		code = web_text(w, Q_EPNS, i, EL_TERRITORY);
		if (strcmp(code, prev) != 0) {
			if (*prev != '\0')
				html_raw(H, "</ul>\n");
			html_raw(H, "<h3 id=\"departement-");
			html_text(H, code);
			html_raw(H, "\">");
			html_text(H, web_text(w, Q_EPNS, i, EL_TERRITORY_NAME));
			html_raw(H, " (");
			html_text(H, code);
			html_raw(H, ")</h3>\n<ul class=\"epn-list\">\n");
			prev = code;
		}
		write_epn(w, i);
	}
	if (*prev != '\0')
		html_raw(H, "</ul>\n");
	html_raw(H, "</section>\n");
}

/*
 * GET /participer-pres-de-chez-vous: the active EPNs by département and
 * the next 30 stops of the tour, from today.
 */
int
epn_directory_show(struct web_req *w)
{
	if (w->step == 0) {
		web_query(w, Q_EPNS, &sql_epn_list, DB_BOOL(1));
		return (web_query(w, Q_STOPS, &sql_epn_next_stops,
		    DB_INT(PAGE_STOPS)));
	}
	page_begin(w, "Participer près de chez vous");
	ui_crumbs(w, NULL, 0, "Participer près de chez vous");
	html_raw(H, "<h1>Participer près de chez vous</h1>\n"
	    "<p class=\"lead\">Pas d'ordinateur, pas de connexion, ou besoin "
	    "d'un coup de main ? Les espaces publics numériques (EPN) de la "
	    "région vous accueillent, et l'EPN mobile se rend dans les "
	    "communes les plus éloignées. Sur place, une personne peut vous "
	    "aider à lire les propositions et à donner votre avis.</p>\n");
	write_stops(w);
	write_directory(w);
	page_end(w);
	return (web_send(w, 200));
}

/* The host of base_url ("consultation.example.fr"): the UIDs' domain. */
static const char *
feed_domain(struct web_req *w)
{
	const char	*p = strstr(app.base_url, "://");
	size_t		 n;

	p = p != NULL ? p + 3 : app.base_url;
	n = strcspn(p, ":/");
	return (n > 0 ? web_printf(w, "%.*s", (int)n, p) : "agora.invalid");
}

/*
 * GET /participer-pres-de-chez-vous/tournee.ics: the tour from today, one
 * VEVENT per stop, its UID made of the stop's id (stable across requests,
 * so a subscribed calendar updates rather than duplicates).
 */
int
epn_tour_feed(struct web_req *w)
{
	struct ical_event	 e;
	const char		*domain;
	int			 i;

	if (w->step == 0)
		return (web_query(w, Q_STOPS, &sql_epn_next_stops,
		    DB_INT(FEED_STOPS)));
	domain = feed_domain(w);
	ical_begin(H, "-//Région Centre-Val de Loire//Agora, tournée des EPN"
	    "//FR", "Tournée de l'EPN mobile");
	for (i = 0; i < web_rows(w, Q_STOPS); i++) {
		memset(&e, 0, sizeof(e));
		e.uid = web_printf(w, "etape-%lld@%s",
		    web_int(w, Q_STOPS, i, ES_ID), domain);
		e.stamp = web_text(w, Q_STOPS, i, ES_STAMP);
		e.day = web_text(w, Q_STOPS, i, ES_DAY);
		e.starts = web_text(w, Q_STOPS, i, ES_STARTS);
		e.ends = web_text(w, Q_STOPS, i, ES_ENDS);
		e.summary = web_printf(w, "%s à %s",
		    web_text(w, Q_STOPS, i, ES_EPN_NAME),
		    web_text(w, Q_STOPS, i, ES_COMMUNE));
		e.location = web_printf(w, "%s, %s",
		    web_text(w, Q_STOPS, i, ES_PLACE),
		    web_text(w, Q_STOPS, i, ES_COMMUNE));
		e.description = web_printf(w, "Étape de l'EPN mobile : une "
		    "personne vous aide à participer à la consultation.\n%s%s",
		    app.base_url, UI_EPN_DIRECTORY);
		if (ical_event(H, &e) == -1)
			kore_log(LOG_WARNING, "epn: stop %lld not in the feed",
			    web_int(w, Q_STOPS, i, ES_ID));
	}
	ical_end(H);
	return (web_send_type(w, 200, "text/calendar; charset=utf-8"));
}
