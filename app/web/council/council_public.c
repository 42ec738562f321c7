/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The council's public pages: /conseil/ (its members, its referrals and
 * where each stands), /conseil/avis/<id> (a referral, its opinion with
 * the adoption's tally, the Region's response), and the open-data file
 * /export/conseil.json (Licence Ouverte), described on /export/.
 */

#include "../../core/text.h"
#include "../../db/council.h"
#include "../shared/ui.h"
#include "council.h"

int	council_home(struct web_req *);
int	council_opinion_show(struct web_req *);
int	council_export(struct web_req *);

enum { Q_LIST, Q_MEMBERS, Q_REF, Q_EXPORT };

static void
write_members(struct web_req *w)
{
	int	i, n = web_rows(w, Q_MEMBERS);

	html_raw(H, "<section aria-labelledby=\"membres\">\n"
	    "<h2 id=\"membres\">Ses membres</h2>\n<p>Le conseil compte ");
	ui_count(w, n, "membre", "membres");
	html_raw(H, n > 0 ? "." : " pour l'instant.");
	html_raw(H, "</p>\n");
	if (n > 0) {
		html_raw(H, "<ul>\n");
		for (i = 0; i < n; i++) {
			html_raw(H, "<li>");
			html_text(H, web_text(w, Q_MEMBERS, i, CM_NAME));
			html_raw(H, "</li>\n");
		}
		html_raw(H, "</ul>\n");
	}
	html_raw(H, "</section>\n");
}

static void
write_referral_row(struct web_req *w, int i)
{
	long long	id = web_int(w, Q_LIST, i, CL_ID);

	html_raw(H, "<tr><td>");
	ui_link(w, ui_council_opinion(w, id, NULL),
	    web_text(w, Q_LIST, i, CL_QUESTION));
	html_raw(H, "</td><td>");
	html_text(H, council_kind_label(web_text(w, Q_LIST, i, CL_KIND)));
	html_raw(H, "</td><td>");
	html_text(H, web_text(w, Q_LIST, i, CL_THEMES));
	html_raw(H, "</td><td>");
	html_text(H, web_text(w, Q_LIST, i, CL_DUE));
	html_raw(H, "</td><td>");
	html_text(H, council_state_label(web_text(w, Q_LIST, i, CL_STATE)));
	html_raw(H, "</td></tr>\n");
}

static void
write_referrals(struct web_req *w)
{
	int	i;

	html_raw(H, "<section aria-labelledby=\"saisines\">\n"
	    "<h2 id=\"saisines\">Ses saisines et ses avis</h2>\n");
	if (w->sess.roles & (ROLE_OFFICIAL | ROLE_CONSEIL))
		html_raw(H, "<p><a href=\"" UI_COUNCIL_OPEN "\">Ouvrir une "
		    "saisine</a></p>\n");
	if (web_rows(w, Q_LIST) == 0) {
		html_raw(H, "<p>Aucune saisine pour l'instant.</p>\n"
		    "</section>\n");
		return;
	}
	html_raw(H, "<table tabindex=\"0\">\n<caption>Les saisines du conseil, "
	    "de la plus récente à la plus ancienne</caption>\n<thead><tr>"
	    "<th scope=\"col\">Question</th><th scope=\"col\">Origine</th>"
	    "<th scope=\"col\">Thèmes</th><th scope=\"col\">Avis attendu pour "
	    "le</th><th scope=\"col\">État</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < web_rows(w, Q_LIST); i++)
		write_referral_row(w, i);
	html_raw(H, "</tbody>\n</table>\n</section>\n");
}

/* GET /conseil/: the council, its referrals and their states. */
int
council_home(struct web_req *w)
{
	if (w->step == 0) {
		web_query(w, Q_MEMBERS, &sql_council_members);
		return (web_query(w, Q_LIST, &sql_council_list));
	}
	page_begin(w, "Le conseil numérique régional");
	ui_crumbs(w, NULL, 0, "Conseil numérique");
	html_raw(H, "<h1>Le conseil numérique régional</h1>\n"
	    "<p class=\"lead\">Le conseil numérique régional (CR'Num) rend des "
	    "avis sur la stratégie numérique de la Région : quand la Région "
	    "le saisit d'une question, ou de sa propre initiative "
	    "(auto-saisine). Chaque avis est adopté par un vote de ses "
	    "membres, dont le résultat est publié avec l'avis ; la Région y "
	    "répond publiquement.</p>\n");
	write_referrals(w);
	write_members(w);
	html_raw(H, "<p>Toutes les saisines, les avis, les votes et les "
	    "réponses de la Région sont dans les <a href=\"" UI_EXPORT
	    "#conseil\">données ouvertes</a> (<a href=\"" UI_EXPORT_COUNCIL
	    "\">conseil.json</a>).</p>\n");
	page_end(w);
	return (web_send(w, 200));
}

/* GET /conseil/avis/:id: a referral, its opinion, the Region's response. */
int
council_opinion_show(struct web_req *w)
{
	static const struct ui_crumb	up[] = {
		{ UI_COUNCIL, "Conseil numérique" } };
	long long			id;

	if (!text_parse_id(w->args[0], &id))
		return (web_error(w, 404, NULL));
	if (w->step == 0)
		return (web_query(w, Q_REF, &sql_council_referral, DB_INT(id)));
	if (web_rows(w, Q_REF) != 1)
		return (web_error(w, 404, NULL));
	page_begin(w, web_printf(w, "Avis du conseil numérique, saisine n°%lld",
	    id));
	ui_crumbs(w, up, 1, web_printf(w, "Saisine n°%lld", id));
	html_raw(H, "<h1>");
	html_text(H, web_printf(w, "Saisine n°%lld", id));
	html_raw(H, "</h1>\n");
	council_write_referral(w, Q_REF);
	if (web_null(w, Q_REF, 0, CR_OP_HTML))
		html_raw(H, "<p>Le conseil n'a pas encore rendu son avis.</p>\n");
	council_write_opinion(w, Q_REF);
	if (w->sess.roles & ROLE_CONSEIL)
		ui_link(w, ui_council_work(w, id, NULL),
		    "Travail du conseil sur cette saisine (membres)");
	if ((w->sess.roles & ROLE_OFFICIAL) &&
	    !web_null(w, Q_REF, 0, CR_OP_HTML)) {
		html_raw(H, "<p>");
		ui_link(w, ui_council_opinion(w, id, "reponse"),
		    web_null(w, Q_REF, 0, CR_RE_HTML) ? "Publier la réponse "
		    "de la Région" : "Modifier la réponse de la Région");
		html_raw(H, "</p>\n");
	}
	page_end(w);
	return (web_send(w, 200));
}

/* GET /export/conseil.json: council_export(), Licence Ouverte. */
int
council_export(struct web_req *w)
{
	if (w->step == 0)
		return (web_query(w, Q_EXPORT, &sql_council_export));
	html_raw(H, web_text(w, Q_EXPORT, 0, CX_DOC));
	html_raw(H, "\n");
	http_response_header(w->req, "content-disposition",
	    "inline; filename=\"conseil.json\"");
	http_response_header(w->req, "access-control-allow-origin", "*");
	return (web_send_type(w, 200, "application/json; charset=utf-8"));
}

void
council_export_doc(struct web_req *w)
{
	html_raw(H, "<section aria-labelledby=\"conseil\">\n"
	    "<h2 id=\"conseil\">Le conseil numérique</h2>\n<p><a href=\""
	    UI_EXPORT_COUNCIL "\">conseil.json</a> (Licence Ouverte 2.0)"
	    " : le nombre de membres du conseil numérique (<code>membres"
	    "</code>), et chaque saisine (<code>saisines</code>) avec sa "
	    "question, son origine (<code>saisine</code> par la Région ou "
	    "<code>auto_saisine</code>), ses thèmes, son échéance, son état "
	    "(<code>ouverte</code>, <code>en_cours</code>, <code>avis_rendu"
	    "</code>, <code>reponse</code>), l'avis publié avec la date de son "
	    "adoption et le vote (<code>pour</code>, <code>contre</code>, "
	    "<code>abstentions</code>) et les numéros des contributions "
	    "qu'il cite (<code>citations</code>), et la réponse de la "
	    "Région. Les "
	    "versions de travail et les commentaires des membres n'y sont "
	    "pas.</p>\n</section>\n");
}
