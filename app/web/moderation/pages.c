/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The public side of moderation and its settings: the charter (its text
 * and the table of rule codes), the transparency page, an author's
 * notifications, and the administrators' choice of moderation mode.
 */

#include <stdio.h>
#include <string.h>

#include "../../core/modlog.h"
#include "../../core/text.h"
#include "../../db/moderation.h"
#include "../kernel/app.h"
#include "../kernel/assets.h"
#include "../kernel/session.h"
#include "moderation.h"

int	charter_show(struct web_req *);
int	transparency_show(struct web_req *);
int	notifications_show(struct web_req *);
int	admin_consultation(struct web_req *);

/* GET /charte: the charter text, then the rules and their codes. */
int
charter_show(struct web_req *w)
{
	const char	*html;
	int		 i;

	if (w->step == 0)
		return (web_sql(w, sql_charter_rules, 0));
	page_begin(w, "Charte de modération");
	html_raw(H, "<div class=\"prose\">\n");
	if ((html = assets_page("charte")) != NULL)
		html_raw(H, html);
	else
		html_raw(H, "<h1>Charte de modération</h1>\n");
	html_raw(H, "</div>\n<h2 id=\"regles\">Règles et codes</h2>\n"
	    "<p>Chaque décision de modération cite l'un de ces codes ; le "
	    "décompte des décisions par règle est public sur la "
	    "<a href=\"/moderation/transparence\">page de transparence</a>."
	    "</p>\n<table class=\"rules\">\n<caption>Règles de la charte"
	    "</caption>\n<thead><tr><th scope=\"col\">Code</th>"
	    "<th scope=\"col\">Règle</th><th scope=\"col\">En bref</th>"
	    "</tr></thead>\n<tbody>\n");
	for (i = 0; i < web_nrows(w, 0); i++) {
		html_raw(H, "<tr><th scope=\"row\">");
		html_text(H, web_value(w, 0, i, 0));
		html_raw(H, "</th><td>");
		html_text(H, web_value(w, 0, i, 1));
		html_raw(H, "</td><td>");
		html_text(H, web_value(w, 0, i, 2));
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
	page_end(w);
	return (web_send(w, 200));
}

static void
wait_cell(struct web_req *w, int slot, int row, int col)
{
	html_raw(H, "<td>");
	html_text(H, web_isnull(w, slot, row, col) ? "—" :
	    web_value(w, slot, row, col));
	html_raw(H, "</td>");
}

/* GET /moderation/transparence (public): counts and waiting times. */
int
transparency_show(struct web_req *w)
{
	int	i;

	switch (w->step) {
	case 0:
		return (web_sql(w, sql_transparency_themes, 0));
	case 1:
		return (web_sql(w, sql_transparency_rules, 0));
	case 2:
		return (web_sql(w, sql_transparency_total, 0));
	case 3:
		return (web_sql(w, sql_log_head_latest, 0));
	}
	page_begin(w, "Transparence de la modération");
	html_raw(H, "<h1>Transparence de la modération</h1>\n<p>Combien de "
	    "contributions ont été masquées ou refusées, pour quelle règle de "
	    "la <a href=\"/charte\">charte</a>, et combien de temps elles ont "
	    "attendu une décision (durée médiane entre l'entrée dans la file "
	    "de modération, au dépôt ou au seuil de signalements, et la "
	    "décision). Une contribution masquée puis rétablie reste comptée "
	    "parmi les masquées. Rien n'est jamais supprimé : chaque décision "
	    "est inscrite dans un <a href=\"#journal\">journal chaîné et "
	    "vérifiable</a>.</p>\n");
	html_raw(H, "<p>En tout : ");
	html_text(H, web_value(w, 2, 0, 0));
	html_raw(H, " contribution(s) masquée(s), ");
	html_text(H, web_value(w, 2, 0, 1));
	html_raw(H, " refusée(s) ; attente médiane : ");
	html_text(H, web_isnull(w, 2, 0, 3) ? "aucune décision encore" :
	    web_value(w, 2, 0, 3));
	html_raw(H, ".</p>\n");

	html_raw(H, "<h2>Par thème</h2>\n<table class=\"stats\">\n<caption>"
	    "Décisions de modération par thème</caption>\n<thead><tr>"
	    "<th scope=\"col\">Thème</th><th scope=\"col\">Masquées</th>"
	    "<th scope=\"col\">Refusées</th>"
	    "<th scope=\"col\">Décisions après attente</th>"
	    "<th scope=\"col\">Attente médiane</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < web_nrows(w, 0); i++) {
		html_raw(H, "<tr><th scope=\"row\">");
		html_text(H, web_value(w, 0, i, 0));
		html_raw(H, "</th><td>");
		html_text(H, web_value(w, 0, i, 1));
		html_raw(H, "</td><td>");
		html_text(H, web_value(w, 0, i, 2));
		html_raw(H, "</td><td>");
		html_text(H, web_value(w, 0, i, 3));
		html_raw(H, "</td>");
		wait_cell(w, 0, i, 4);
		html_raw(H, "</tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");

	html_raw(H, "<h2>Par règle de la charte</h2>\n<table class=\"stats\">"
	    "\n<caption>Contributions masquées ou refusées par règle"
	    "</caption>\n<thead><tr><th scope=\"col\">Code</th>"
	    "<th scope=\"col\">Règle</th><th scope=\"col\">Masquées</th>"
	    "<th scope=\"col\">Refusées</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < web_nrows(w, 1); i++) {
		html_raw(H, "<tr><th scope=\"row\">");
		html_text(H, web_value(w, 1, i, 0));
		html_raw(H, "</th><td>");
		html_text(H, web_value(w, 1, i, 1));
		html_raw(H, "</td><td>");
		html_text(H, web_value(w, 1, i, 2));
		html_raw(H, "</td><td>");
		html_text(H, web_value(w, 1, i, 3));
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
	modlog_transparency(w, 3);
	page_end(w);
	return (web_send(w, 200));
}

static const char *
decision_sentence(const char *d)
{
	if (strcmp(d, "publish") == 0)
		return ("a été publiée");
	if (strcmp(d, "restore") == 0)
		return ("a été rétablie");
	if (strcmp(d, "hide") == 0)
		return ("a été masquée : elle reste visible pour vous seul·e");
	if (strcmp(d, "reject") == 0)
		return ("a été refusée");
	return ("");
}

/* GET /compte/notifications (signed in): decisions on my contributions. */
int
notifications_show(struct web_req *w)
{
	char	uid[24];
	int	i;

	if (w->step == 0) {
		snprintf(uid, sizeof(uid), "%lld", w->sess.user_id);
		return (web_sql(w, sql_notifications, 1, uid));
	}
	page_begin(w, "Mes notifications");
	html_raw(H, "<nav aria-label=\"Fil d'Ariane\" class=\"crumbs\"><ol>"
	    "<li><a href=\"/compte/\">Mon compte</a></li>"
	    "<li aria-current=\"page\">Notifications</li></ol></nav>\n"
	    "<h1>Mes notifications</h1>\n");
	if (web_nrows(w, 0) == 0) {
		html_raw(H, "<p>Aucune notification : les décisions de "
		    "modération sur vos contributions apparaîtront ici.</p>\n");
		page_end(w);
		return (web_send(w, 200));
	}
	html_raw(H, "<ul class=\"notifications\">\n");
	for (i = 0; i < web_nrows(w, 0); i++) {
		html_raw(H, "<li>");
		if (strcmp(web_value(w, 0, i, 7), "t") == 0)
			html_raw(H, "<strong>Nouveau</strong> — ");
		html_text(H, web_value(w, 0, i, 6));
		html_raw(H, " — Votre contribution « ");
		html_text(H, web_value(w, 0, i, 1));
		html_raw(H, " » ");
		html_text(H, decision_sentence(web_value(w, 0, i, 2)));
		html_raw(H, ".");
		if (!web_isnull(w, 0, i, 3)) {
			html_raw(H, " Règle de la charte : <a href=\"/charte"
			    "#regles\">");
			html_text(H, web_value(w, 0, i, 3));
			html_raw(H, " — ");
			html_text(H, web_value(w, 0, i, 4));
			html_raw(H, "</a>.");
		}
		if (!web_isnull(w, 0, i, 5)) {
			html_raw(H, " Note du modérateur : ");
			html_text(H, web_value(w, 0, i, 5));
		}
		html_raw(H, "</li>\n");
	}
	html_raw(H, "</ul>\n");
	page_end(w);
	return (web_send(w, 200));
}

static const struct form_option mode_opts[] = {
	{ "a_priori", "A priori : chaque contribution attend la validation "
	    "d'un modérateur" },
	{ "a_posteriori", "A posteriori : publication immédiate, modération "
	    "après coup (signalements)" },
};

static const char *
mode_label(const char *m)
{
	return (strcmp(m, "a_priori") == 0 ? "a priori" : "a posteriori");
}

/* Writes one form per consultation. */
static int
admin_page(struct web_req *w, struct form *f, const char *which,
    const char *mode, int status)
{
	char		 action[32], name[40];
	const char	*other;
	int		 i;

	page_begin(w, "Mode de modération");
	html_raw(H, "<h1>Mode de modération des consultations</h1>\n");
	form_summary(f);
	html_raw(H, "<p>En mode a priori, les nouvelles contributions "
	    "attendent dans la <a href=\"/moderation/\">file de modération"
	    "</a> ; en mode a posteriori elles sont publiées tout de suite et "
	    "les participants peuvent les signaler. Chaque changement est "
	    "inscrit au journal de modération.</p>\n");
	for (i = 0; i < web_nrows(w, 0); i++) {
		html_raw(H, "<section>\n<h2>");
		html_text(H, web_value(w, 0, i, 1));
		html_raw(H, "</h2>\n<p>Mode actuel : <strong>");
		html_text(H, mode_label(web_value(w, 0, i, 2)));
		html_raw(H, "</strong>.</p>\n");
		snprintf(action, sizeof(action), "/admin/consultation");
		snprintf(name, sizeof(name), "Mode de la consultation %s",
		    web_value(w, 0, i, 0));
		form_begin(w, action, name);
		html_raw(H, "<input type=\"hidden\" name=\"consultation\" "
		    "value=\"");
		html_text(H, web_value(w, 0, i, 0));
		html_raw(H, "\">\n");
		/* One button per consultation: ids stay unique on the page. */
		other = strcmp(web_value(w, 0, i, 2), "a_priori") == 0 ?
		    "a_posteriori" : "a_priori";
		html_raw(H, "<input type=\"hidden\" name=\"mode\" value=\"");
		html_text(H, other);
		html_raw(H, "\">\n");
		form_end(w, strcmp(other, "a_priori") == 0 ?
		    "Passer en modération a priori" :
		    "Passer en modération a posteriori");
		html_raw(H, "</section>\n");
	}
	page_end(w);
	return (web_send(w, status));
}

/*
 * GET and POST /admin/consultation (administrators). Raises 403 for a bad
 * CSRF token, 422 for an unknown mode, 404 for an unknown consultation.
 */
int
admin_consultation(struct web_req *w)
{
	struct form	 f;
	const char	*mode, *which, *r;
	char		 uid[24], ref[13];
	long long	 id;

	form_init(&f, w);
	switch (w->step) {
	case 0:
		if (w->req->method == HTTP_METHOD_POST && !csrf_valid(w))
			return (web_error(w, 403, "Le formulaire a expiré ou "
			    "n'a pas été envoyé depuis Agora. Rechargez la page "
			    "et recommencez."));
		return (web_sql(w, sql_consultation_modes, 0));
	case 1:
		if (w->req->method != HTTP_METHOD_POST)
			return (admin_page(w, &f, "", "", 200));
		which = web_arg(w, "consultation");
		if (which == NULL || !text_parse_id(which, &id))
			return (web_error(w, 404, "Cette consultation "
			    "n'existe pas."));
		form_choice(&f, "mode", "Mode de modération", mode_opts, 2, 1,
		    &mode);
		if (f.nerrors > 0)
			return (admin_page(w, &f, which, "", 422));
		snprintf(uid, sizeof(uid), "%lld", w->sess.user_id);
		modlog_pseudonym(app.secret, app.secret_len, w->sess.user_id,
		    ref);
		return (web_sql(w, sql_consultation_set_mode, 4, which, uid,
		    ref, mode));
	}
	r = web_value(w, 1, 0, 0);
	if (strcmp(r, "not_found") == 0)
		return (web_error(w, 404, "Cette consultation n'existe pas."));
	web_flash(w, strcmp(r, "ok") == 0 ? "mode_changed" : "mode_unchanged");
	return (web_redirect(w, "/admin/consultation"));
}
