/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The transparency page (/moderation/transparence, public): how many
 * contributions were hidden or rejected, by theme and by charter rule,
 * how long they waited for a decision, and the signed moderation log
 * (modlog_pages.c).
 */

#include "../../db/appeals.h"
#include "../../db/moderation.h"
#include "../shared/ui.h"
#include "modlog_pages.h"

int	transparency_show(struct web_req *);

enum { Q_THEMES, Q_RULES, Q_TOTAL, Q_APPEALS, Q_HEAD };

static void
write_total(struct web_req *w)
{
	html_raw(H, "<p>En tout : ");
	ui_count(w, web_int(w, Q_TOTAL, 0, TTO_HIDDEN), "contribution masquée",
	    "contributions masquées");
	html_raw(H, ", ");
	ui_count(w, web_int(w, Q_TOTAL, 0, TTO_REJECTED), "refusée",
	    "refusées");
	html_raw(H, NNBSP "; attente médiane" NBSP ": ");
	html_text(H, web_null(w, Q_TOTAL, 0, TTO_MEDIAN) ?
	    "aucune décision encore" : web_text(w, Q_TOTAL, 0, TTO_MEDIAN));
	html_raw(H, ".</p>\n");
}

static void
write_themes(struct web_req *w)
{
	int	i;

	html_raw(H, "<h2>Par thème</h2>\n"
	    "<table tabindex=\"0\" class=\"stats\">\n<caption>"
	    "Décisions de modération par thème</caption>\n<thead><tr>"
	    "<th scope=\"col\">Thème</th><th scope=\"col\">Masquées</th>"
	    "<th scope=\"col\">Refusées</th>"
	    "<th scope=\"col\">Décisions après attente</th>"
	    "<th scope=\"col\">Attente médiane</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < web_rows(w, Q_THEMES); i++) {
		html_raw(H, "<tr><th scope=\"row\">");
		html_text(H, web_text(w, Q_THEMES, i, TTH_TITLE));
		html_raw(H, "</th><td>");
		ui_number(w, web_int(w, Q_THEMES, i, TTH_HIDDEN));
		html_raw(H, "</td><td>");
		ui_number(w, web_int(w, Q_THEMES, i, TTH_REJECTED));
		html_raw(H, "</td><td>");
		ui_number(w, web_int(w, Q_THEMES, i, TTH_WAITED));
		html_raw(H, "</td><td>");
		html_text(H, web_null(w, Q_THEMES, i, TTH_MEDIAN) ? "—" :
		    web_text(w, Q_THEMES, i, TTH_MEDIAN));
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
}

static void
write_rules(struct web_req *w)
{
	int	i;

	html_raw(H, "<h2>Par règle de la charte</h2>\n"
	    "<table tabindex=\"0\" class=\"stats\">"
	    "\n<caption>Contributions masquées ou refusées par règle"
	    "</caption>\n<thead><tr><th scope=\"col\">Code</th>"
	    "<th scope=\"col\">Règle</th><th scope=\"col\">Masquées</th>"
	    "<th scope=\"col\">Refusées</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < web_rows(w, Q_RULES); i++) {
		html_raw(H, "<tr><th scope=\"row\">");
		html_text(H, web_text(w, Q_RULES, i, TRU_CODE));
		html_raw(H, "</th><td>");
		html_text(H, web_text(w, Q_RULES, i, TRU_TITLE));
		html_raw(H, "</td><td>");
		ui_number(w, web_int(w, Q_RULES, i, TRU_HIDDEN));
		html_raw(H, "</td><td>");
		ui_number(w, web_int(w, Q_RULES, i, TRU_REJECTED));
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
}

/* Appeals of decisions (issue 13, item 5): filed, and how they ended. */
static void
write_appeals(struct web_req *w)
{
	html_raw(H, "<h2 id=\"reexamens\">Demandes de réexamen</h2>\n<p>Un "
	    "auteur peut demander le réexamen d'une décision de masquage ou "
	    "de refus ; un autre membre de l'équipe de modération que celui "
	    "qui l'a prise la maintient ou l'annule (voir la "
	    "<a href=\"" UI_CHARTER "#reexamen\">charte</a>).</p>\n"
	    "<table tabindex=\"0\" class=\"stats\">\n<caption>Demandes de "
	    "réexamen</caption>\n<thead><tr><th scope=\"col\">Déposées</th>"
	    "<th scope=\"col\">Décisions maintenues</th>"
	    "<th scope=\"col\">Décisions annulées</th>"
	    "<th scope=\"col\">En attente</th></tr></thead>\n<tbody>\n"
	    "<tr><td>");
	ui_number(w, web_int(w, Q_APPEALS, 0, AC_FILED));
	html_raw(H, "</td><td>");
	ui_number(w, web_int(w, Q_APPEALS, 0, AC_UPHELD));
	html_raw(H, "</td><td>");
	ui_number(w, web_int(w, Q_APPEALS, 0, AC_REVERSED));
	html_raw(H, "</td><td>");
	ui_number(w, web_int(w, Q_APPEALS, 0, AC_PENDING));
	html_raw(H, "</td></tr>\n</tbody>\n</table>\n");
}

/* GET /moderation/transparence (public): counts and waiting times. */
int
transparency_show(struct web_req *w)
{
	if (w->step == 0) {
		web_query(w, Q_THEMES, &sql_transparency_themes);
		web_query(w, Q_RULES, &sql_transparency_rules);
		web_query(w, Q_TOTAL, &sql_transparency_total);
		web_query(w, Q_APPEALS, &sql_transparency_appeals);
		return (web_query(w, Q_HEAD, &sql_log_head_latest));
	}
	page_begin(w, "Transparence de la modération");
	html_raw(H, "<h1>Transparence de la modération</h1>\n<p>Combien de "
	    "contributions ont été masquées ou refusées, pour quelle règle de "
	    "la <a href=\"" UI_CHARTER "\">charte</a>, et combien de temps elles ont "
	    "attendu une décision (durée médiane entre l'entrée dans la file "
	    "de modération, au dépôt ou au seuil de signalements, et la "
	    "décision). Une contribution masquée puis rétablie reste comptée "
	    "parmi les masquées. Rien n'est jamais supprimé : chaque décision "
	    "est inscrite dans un <a href=\"#journal\">journal chaîné et "
	    "vérifiable</a>.</p>\n");
	write_total(w);
	write_themes(w);
	write_rules(w);
	write_appeals(w);
	modlog_transparency(w, Q_HEAD);
	page_end(w);
	return (web_send(w, 200));
}
