/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The charter (/charte): its text (assets/pages/charte.md), then the table
 * of its rules and the codes every decision cites.
 */

#include "../../core/addresses.h"
#include "../../core/settings.h"
#include "../../db/moderation.h"
#include "../kernel/assets.h"
#include "../kernel/web.h"
#include "../shared/ui.h"

int	charter_show(struct web_req *);

enum { Q_RULES };

static void
write_rules(struct web_req *w)
{
	int	i;

	html_raw(H, "<h2 id=\"regles\">Règles et codes</h2>\n"
	    "<p>Chaque décision de modération cite l'un de ces codes ; le "
	    "décompte des décisions par règle est public sur la "
	    "<a href=\"" UI_TRANSPARENCY "\">page de transparence</a>."
	    "</p>\n"
	    "<table tabindex=\"0\" class=\"rules\">\n"
	    "<caption>Règles de la charte"
	    "</caption>\n<thead><tr><th scope=\"col\">Code</th>"
	    "<th scope=\"col\">Règle</th><th scope=\"col\">En bref</th>"
	    "</tr></thead>\n<tbody>\n");
	for (i = 0; i < web_rows(w, Q_RULES); i++) {
		html_raw(H, "<tr><th scope=\"row\">");
		html_text(H, web_text(w, Q_RULES, i, RULE_CODE));
		html_raw(H, "</th><td>");
		html_text(H, web_text(w, Q_RULES, i, RULE_TITLE));
		html_raw(H, "</td><td>");
		html_text(H, web_text(w, Q_RULES, i, RULE_SUMMARY));
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
}

/*
 * How to appeal a decision (issue 13, item 5), with the delay in force
 * (settings appeal_days).
 */
static void
write_appeal(struct web_req *w)
{
	html_raw(H, "<h2 id=\"reexamen\">Demander un réexamen</h2>\n<p>"
	    "L'auteur d'une contribution masquée ou refusée peut demander le "
	    "réexamen de la décision pendant ");
	ui_count(w, settings_int(SET_APPEAL_DAYS), "jour", "jours");
	html_raw(H, " après celle-ci. Connecté à son compte, il suit le lien "
	    "« Demander un réexamen » de sa notification (page « Mes "
	    "notifications ») ou de la contribution elle-même, et explique "
	    "en quelques lignes pourquoi la décision lui paraît contraire à "
	    "cette charte. Inutile de répondre au courriel : il part d'une "
	    "adresse qui ne reçoit pas de réponses.</p>\n<ul>\n"
	    "<li>La demande est inscrite au journal de modération et la "
	    "contribution revient dans la file, marquée « Réexamen ».</li>\n"
	    "<li>Elle est réexaminée par un autre membre de l'équipe de "
	    "modération que celui qui a pris la décision : celui-ci ne peut "
	    "pas la trancher.</li>\n"
	    "<li>La décision est maintenue, ou annulée et la contribution "
	    "de nouveau publiée ; cette nouvelle décision est inscrite au "
	    "journal comme toute autre, et l'auteur en est prévenu.</li>\n"
	    "<li>Une seule demande est possible par décision. Le nombre de "
	    "demandes, de décisions maintenues et annulées est public sur la "
	    "<a href=\"" UI_TRANSPARENCY "#reexamens\">page de "
	    "transparence</a>.</li>\n</ul>\n");
}

/* GET /charte: the charter text, then the rules and their codes. */
int
charter_show(struct web_req *w)
{
	const char	*html;

	if (w->step == 0)
		return (web_query(w, Q_RULES, &sql_charter_rules));
	page_begin(w, "Charte de modération");
	html_raw(H, "<div class=\"prose\">\n");
	if ((html = assets_page("charte")) != NULL)
		html_raw(H, html);	/* our own Markdown, compiled in */
	else
		html_raw(H, "<h1>Charte de modération</h1>\n");
	html_raw(H, "</div>\n");
	write_appeal(w);
	write_rules(w);
	page_end(w);
	return (web_send(w, 200));
}
