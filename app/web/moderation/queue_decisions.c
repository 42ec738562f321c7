/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The moderators' queue (/moderation/) and one item (/moderation/<id>):
 * its text, flags, the author's history, its log, and the decision form.
 * A decision carries the status and version the moderator saw; the
 * database applies it only if they are still current, so two moderators
 * deciding at once never overwrite each other (the second gets 409).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/modlog.h"
#include "../../core/settings.h"
#include "../../core/text.h"
#include "../../db/moderation.h"
#include "../kernel/app.h"
#include "../kernel/session.h"
#include "moderation.h"

int	moderation_queue(struct web_req *);
int	moderation_item(struct web_req *);

#define QUEUE_PAGE	20
#define NOTE_MAX	1000

static const struct form_option reason_opts[] = {
	{ "", "Tous les motifs" },
	{ "attente", "Modération a priori" },
	{ "signalement", "Signalée par des participants" },
	{ "doublon", "Doublon probable" },
	{ "compte", "Compte récent qui publie beaucoup" },
};
#define NREASONS	(sizeof(reason_opts) / sizeof(reason_opts[0]))

static const struct form_option status_opts[] = {
	{ "", "Tous les statuts" },
	{ "pending", "En attente" },
	{ "published", "Publiée" },
	{ "hidden", "Masquée" },
};

static const struct form_option decision_opts[] = {
	{ "publish", "Publier (ou maintenir la publication)" },
	{ "hide", "Masquer (reste visible par son auteur, avec le motif)" },
	{ "reject", "Refuser" },
	{ "restore", "Rétablir" },
};

/* v if it is one of opts' values, else "". */
static const char *
pick(const char *v, const struct form_option *opts, size_t n)
{
	size_t	i;

	if (v == NULL)
		return ("");
	for (i = 0; i < n; i++)
		if (strcmp(v, opts[i].value) == 0)
			return (opts[i].value);
	return ("");
}

static void
queue_link(struct web_req *w, const char *theme, const char *reason,
    const char *status, long long page, const char *label)
{
	html_raw(H, "<a href=\"/moderation/?theme=");
	html_url_arg(H, theme);
	html_raw(H, "&amp;motif=");
	html_url_arg(H, reason);
	html_raw(H, "&amp;statut=");
	html_url_arg(H, status);
	html_rawf(H, "&amp;page=%lld\">", page);
	html_text(H, label);
	html_raw(H, "</a>");
}

/* GET /moderation/ (moderators, admins): the queue, oldest first. */
int
moderation_queue(struct web_req *w)
{
	struct form		 f;
	struct form_option	 topts[32];
	const char		*theme, *reason, *status, *pg;
	char			 off[24], lim[8];
	long long		 page = 1, total, pages;
	size_t			 nt;
	int			 i;

	reason = pick(web_arg(w, "motif"), reason_opts, NREASONS);
	status = pick(web_arg(w, "statut"), status_opts, 4);
	theme = web_arg(w, "theme");
	if (theme == NULL || !text_slug_valid(theme))
		theme = "";
	if ((pg = web_arg(w, "page")) != NULL && !text_parse_id(pg, &page))
		page = 1;
	if (page > 100000)
		page = 100000;
	switch (w->step) {
	case 0:
		return (web_sql(w, sql_queue_themes, 0));
	case 1:
		snprintf(off, sizeof(off), "%lld", (page - 1) * QUEUE_PAGE);
		snprintf(lim, sizeof(lim), "%d", QUEUE_PAGE);
		return (web_sql(w, sql_queue, 5, theme, reason, status, off,
		    lim));
	}

	form_init(&f, w);
	topts[0].value = "";
	topts[0].label = "Tous les thèmes";
	for (i = 0, nt = 1; i < web_nrows(w, 0) && nt < 32; i++, nt++) {
		topts[nt].value = web_value(w, 0, i, 0);
		topts[nt].label = web_value(w, 0, i, 1);
	}
	total = web_nrows(w, 1) > 0 ? strtoll(web_value(w, 1, 0, 8), NULL,
	    10) : 0;
	pages = (total + QUEUE_PAGE - 1) / QUEUE_PAGE;

	page_begin(w, "File de modération");
	html_raw(H, "<h1>File de modération</h1>\n<p>Les contributions en "
	    "attente, signalées au-delà du seuil, ou retenues comme doublons "
	    "probables, de la plus ancienne à la plus récente. Chaque décision "
	    "cite une règle de la <a href=\"/charte\">charte</a> et est "
	    "inscrite au journal de modération (voir la "
	    "<a href=\"/moderation/transparence\">page de transparence</a>)."
	    "</p>\n<form method=\"get\" action=\"/moderation/\" "
	    "class=\"filters\" aria-label=\"Filtrer la file\">\n");
	form_select(&f, "theme", "Thème", topts, nt, theme, NULL, 0);
	form_select(&f, "motif", "Motif", reason_opts, NREASONS, reason, NULL,
	    0);
	form_select(&f, "statut", "Statut", status_opts, 4, status, NULL, 0);
	html_raw(H, "<p><button type=\"submit\">Filtrer</button></p>\n"
	    "</form>\n");

	html_raw(H, "<p role=\"status\">");
	if (total == 0)
		html_raw(H, "Aucune contribution à modérer.");
	else
		html_rawf(H, "%lld contribution%s à modérer.", total,
		    total > 1 ? "s" : "");
	html_raw(H, "</p>\n");
	if (web_nrows(w, 1) > 0) {
		html_raw(H, "<table class=\"queue\">\n<caption>Contributions à "
		    "modérer, la plus ancienne en premier</caption>\n<thead><tr>"
		    "<th scope=\"col\">Dans la file depuis</th>"
		    "<th scope=\"col\">Contribution</th>"
		    "<th scope=\"col\">Thème</th>"
		    "<th scope=\"col\">Motif</th>"
		    "<th scope=\"col\">Statut</th>"
		    "<th scope=\"col\">Signalements</th></tr></thead>\n<tbody>\n");
		for (i = 0; i < web_nrows(w, 1); i++) {
			html_raw(H, "<tr><td>");
			html_text(H, web_value(w, 1, i, 5));
			html_raw(H, "</td><th scope=\"row\"><a href=\"/moderation/");
			html_url_arg(H, web_value(w, 1, i, 0));
			html_raw(H, "\">");
			html_text(H, mod_kind_label(web_value(w, 1, i, 1)));
			html_raw(H, " n° ");
			html_text(H, web_value(w, 1, i, 0));
			html_raw(H, " : ");
			html_text(H, web_value(w, 1, i, 2));
			html_raw(H, "</a></th><td>");
			html_text(H, web_value(w, 1, i, 4));
			html_raw(H, "</td><td>");
			html_text(H, mod_reason_label(web_value(w, 1, i, 6)));
			html_raw(H, "</td><td>");
			html_text(H, mod_status_label(web_value(w, 1, i, 3)));
			html_raw(H, "</td><td>");
			html_text(H, web_value(w, 1, i, 7));
			html_raw(H, "</td></tr>\n");
		}
		html_raw(H, "</tbody>\n</table>\n");
	}
	if (pages > 1) {
		html_raw(H, "<nav aria-label=\"Pagination\" class=\"pages\">"
		    "<ul>\n");
		if (page > 1) {
			html_raw(H, "<li>");
			queue_link(w, theme, reason, status, page - 1,
			    "Page précédente");
			html_raw(H, "</li>\n");
		}
		html_rawf(H, "<li aria-current=\"page\">Page %lld sur %lld"
		    "</li>\n", page, pages);
		if (page < pages) {
			html_raw(H, "<li>");
			queue_link(w, theme, reason, status, page + 1,
			    "Page suivante");
			html_raw(H, "</li>\n");
		}
		html_raw(H, "</ul></nav>\n");
	}
	page_end(w);
	return (web_send(w, 200));
}

/* The flags, the author's history and the log of the item. */
static void
item_context(struct web_req *w)
{
	int	i;

	html_raw(H, "<h2>Signalements</h2>\n");
	if (web_nrows(w, 1) == 0)
		html_raw(H, "<p>Aucun signalement.</p>\n");
	else {
		html_raw(H, "<ul class=\"flags\">\n");
		for (i = 0; i < web_nrows(w, 1); i++) {
			html_raw(H, "<li>");
			html_text(H, web_value(w, 1, i, 3));
			html_raw(H, " — <strong>");
			html_text(H, web_value(w, 1, i, 0));
			html_raw(H, " ");
			html_text(H, web_value(w, 1, i, 1));
			html_raw(H, "</strong>");
			if (!web_isnull(w, 1, i, 2)) {
				html_raw(H, " : ");
				html_text(H, web_value(w, 1, i, 2));
			}
			html_raw(H, "</li>\n");
		}
		html_raw(H, "</ul>\n");
	}
	html_raw(H, "<h2>Historique de l'auteur</h2>\n");
	if (web_isnull(w, 0, 0, 11))
		html_raw(H, "<p>Contribution importée : pas d'auteur sur "
		    "Agora.</p>\n");
	else {
		html_raw(H, "<p>Décisions antérieures sur ses autres "
		    "contributions : ");
		html_text(H, web_value(w, 2, 0, 0));
		html_raw(H, " publiée(s), ");
		html_text(H, web_value(w, 2, 0, 1));
		html_raw(H, " masquée(s), ");
		html_text(H, web_value(w, 2, 0, 2));
		html_raw(H, " refusée(s).</p>\n");
	}
	html_raw(H, "<h2>Journal de cette contribution</h2>\n");
	if (web_nrows(w, 4) == 0) {
		html_raw(H, "<p>Aucune décision pour l'instant.</p>\n");
		return;
	}
	html_raw(H, "<table>\n<caption>Décisions, de la plus ancienne à la "
	    "plus récente</caption>\n<thead><tr><th scope=\"col\">Date</th>"
	    "<th scope=\"col\">Action</th><th scope=\"col\">Statut</th>"
	    "<th scope=\"col\">Règle</th><th scope=\"col\">Note</th>"
	    "<th scope=\"col\">Par</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < web_nrows(w, 4); i++) {
		html_raw(H, "<tr><td>");
		html_text(H, web_value(w, 4, i, ITEMLOG_WHEN));
		html_raw(H, "</td><td>");
		html_text(H, mod_action_label(web_value(w, 4, i,
		    ITEMLOG_ACTION)));
		html_raw(H, "</td><td>");
		html_text(H, mod_status_label(web_value(w, 4, i, ITEMLOG_FROM)));
		html_raw(H, " → ");
		html_text(H, mod_status_label(web_value(w, 4, i, ITEMLOG_TO)));
		html_raw(H, "</td><td>");
		html_text(H, web_value(w, 4, i, ITEMLOG_RULE));
		html_raw(H, "</td><td>");
		if (strcmp(web_value(w, 4, i, ITEMLOG_ERASED), "t") == 0)
			html_raw(H, "<em>note effacée à la suppression du compte "
			    "de l'auteur</em>");
		else
			html_text(H, web_value(w, 4, i, ITEMLOG_NOTE));
		html_raw(H, "</td><td>");
		html_text(H, web_isnull(w, 4, i, ITEMLOG_MODERATOR) ?
		    "automatique" : web_value(w, 4, i, ITEMLOG_MODERATOR));
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
}

/* Writes the item page with its decision form. */
static int
item_page(struct web_req *w, struct form *f, const char *decision,
    const char *rule, const char *note, int status)
{
	struct form_option	 opts[MOD_MAX_RULES + 1], dopts[4];
	const char		*st = web_value(w, 0, 0, 4);
	const char		*title = web_value(w, 0, 0, 2);
	int			 review = strcmp(web_value(w, 0, 0, 6), "t") == 0;
	size_t			 n, nd = 0;
	char			 action[48];
	int			 i;

	n = mod_rule_options(w, 3, opts, MOD_MAX_RULES + 1,
	    "Aucune règle citée");
	if (strcmp(st, "pending") == 0 || strcmp(st, "published") == 0)
		dopts[nd++] = decision_opts[0];
	if (strcmp(st, "hidden") != 0 || review)
		dopts[nd++] = decision_opts[1];
	if (strcmp(st, "rejected") != 0 || review)
		dopts[nd++] = decision_opts[2];
	if (strcmp(st, "hidden") == 0 || strcmp(st, "rejected") == 0)
		dopts[nd++] = decision_opts[3];

	page_begin(w, "Modérer une contribution");
	html_raw(H, "<nav aria-label=\"Fil d'Ariane\" class=\"crumbs\"><ol>"
	    "<li><a href=\"/moderation/\">File de modération</a></li>"
	    "<li aria-current=\"page\">Contribution n° ");
	html_text(H, web_value(w, 0, 0, 0));
	html_raw(H, "</li></ol></nav>\n<h1>");
	html_text(H, mod_kind_label(web_value(w, 0, 0, 1)));
	html_raw(H, " n° ");
	html_text(H, web_value(w, 0, 0, 0));
	if (!web_isnull(w, 0, 0, 2) && *title != '\0') {
		html_raw(H, " : ");
		html_text(H, title);
	}
	html_raw(H, "</h1>\n");
	form_summary(f);
	html_raw(H, "<dl class=\"meta\">\n<dt>Statut</dt><dd>");
	html_text(H, mod_status_label(st));
	if (review)
		html_raw(H, " — signalée au-delà du seuil, en cours d'examen");
	if (!web_isnull(w, 0, 0, 7)) {
		html_raw(H, " — ");
		html_text(H, web_value(w, 0, 0, 7));
	}
	html_raw(H, "</dd>\n<dt>Thème</dt><dd>");
	html_text(H, web_value(w, 0, 0, 8));
	html_raw(H, " — <a href=\"/propositions/");
	html_url_arg(H, web_value(w, 0, 0, 15));
	html_raw(H, "\">voir le fil de discussion</a>");
	html_raw(H, "</dd>\n<dt>Déposée le</dt><dd>");
	html_text(H, web_value(w, 0, 0, 9));
	html_raw(H, "</dd>\n<dt>Auteur</dt><dd>");
	html_text(H, web_isnull(w, 0, 0, 10) ? "Contribution importée" :
	    web_value(w, 0, 0, 10));
	html_raw(H, "</dd>\n");
	if (!web_isnull(w, 0, 0, 12)) {
		html_raw(H, "<dt>Dernière règle citée</dt><dd>");
		html_text(H, web_value(w, 0, 0, 12));
		html_raw(H, "</dd>\n");
	}
	html_raw(H, "</dl>\n<h2>Texte</h2>\n<div class=\"prose submitted\">\n");
	web_markdown(w, web_value(w, 0, 0, 3), 2);
	html_raw(H, "</div>\n");
	/* Earlier texts, as the author wrote them before editing. */
	for (i = 0; i < web_nrows(w, 6); i++) {
		if (i == 0)
			html_raw(H, "<h2>Versions précédentes</h2>\n");
		html_raw(H, "<details>\n<summary>Version ");
		html_text(H, web_value(w, 6, i, 0));
		html_raw(H, ", remplacée le ");
		html_text(H, web_value(w, 6, i, 3));
		html_raw(H, "</summary>\n");
		if (!web_isnull(w, 6, i, 1)) {
			html_raw(H, "<p><strong>");
			html_text(H, web_value(w, 6, i, 1));
			html_raw(H, "</strong></p>\n");
		}
		html_raw(H, "<div class=\"prose submitted\">\n");
		web_markdown(w, web_value(w, 6, i, 2), 2);
		html_raw(H, "</div>\n</details>\n");
	}
	if (web_nrows(w, 5) > 0) {
		html_raw(H, "<h2>Textes semblables du même auteur</h2>\n<ul>\n");
		for (i = 0; i < web_nrows(w, 5); i++) {
			html_raw(H, "<li><a href=\"/moderation/");
			html_url_arg(H, web_value(w, 5, i, 0));
			html_raw(H, "\">n° ");
			html_text(H, web_value(w, 5, i, 0));
			html_raw(H, " : ");
			html_text(H, web_value(w, 5, i, 1));
			html_raw(H, "</a> (");
			html_text(H, mod_status_label(web_value(w, 5, i, 2)));
			html_raw(H, ", ");
			html_text(H, web_value(w, 5, i, 3));
			html_raw(H, " % de ressemblance)</li>\n");
		}
		html_raw(H, "</ul>\n");
	}
	item_context(w);

	html_raw(H, "<h2>Décision</h2>\n");
	snprintf(action, sizeof(action), "/moderation/%s",
	    web_value(w, 0, 0, 0));
	form_begin(w, action, "Décision de modération");
	html_raw(H, "<input type=\"hidden\" name=\"statut_vu\" value=\"");
	html_text(H, st);
	html_raw(H, "\">\n<input type=\"hidden\" name=\"version\" value=\"");
	html_text(H, web_value(w, 0, 0, 5));
	html_raw(H, "\">\n");
	form_select(f, "decision", "Décision", dopts, nd, decision, NULL, 1);
	form_select(f, "regle", "Règle de la charte", opts, n, rule,
	    "Obligatoire pour masquer ou refuser ; facultative pour publier "
	    "ou rétablir.", 0);
	form_textarea(f, "note", "Note à l'auteur", note,
	    "1000 caractères au plus. Elle est envoyée à l'auteur et inscrite "
	    "au journal.", 0, 4);
	form_end(w, "Enregistrer la décision");
	page_end(w);
	return (web_send(w, status));
}

/*
 * GET and POST /moderation/:id (moderators, admins). Raises 404 for an
 * unknown contribution, 403 for a bad CSRF token, 422 for an invalid
 * decision, 409 when another moderator decided first.
 */
int
moderation_item(struct web_req *w)
{
	struct form		 f;
	struct form_option	 opts[MOD_MAX_RULES + 1];
	const char		*decision, *rule, *note, *seen, *version, *r;
	char			 uid[24], ref[13], mac[65];
	long long		 id, v;
	size_t			 n;
	int			 post = w->req->method == HTTP_METHOD_POST;

	form_init(&f, w);
	switch (w->step) {
	case 0:
		if (post && !csrf_valid(w))
			return (web_error(w, 403, "Le formulaire a expiré ou "
			    "n'a pas été envoyé depuis Agora. Rechargez la page "
			    "et recommencez."));
		if (!text_parse_id(w->args[0], &id))
			return (web_error(w, 404, NULL));
		return (web_sql(w, sql_item, 1, w->args[0]));
	case 1:
		if (web_nrows(w, 0) != 1)
			return (web_error(w, 404, "Cette contribution "
			    "n'existe pas."));
		return (web_sql(w, sql_item_flags, 1, w->args[0]));
	case 2:
		return (web_sql(w, sql_item_history, 1, w->args[0]));
	case 3:
		return (web_sql(w, sql_charter_rules, 0));
	case 4:
		return (web_sql(w, sql_item_log, 1, w->args[0]));
	case 5:
		return (web_sql(w, sql_item_similar, 1, w->args[0]));
	case 6:
		return (web_sql(w, sql_item_versions, 1, w->args[0]));
	case 7:
		if (!post)
			return (item_page(w, &f, "", "", "", 200));
		seen = web_arg(w, "statut_vu");
		version = web_arg(w, "version");
		if (seen == NULL || version == NULL ||
		    (strcmp(version, "0") != 0 &&
		    (!text_parse_id(version, &v) || v > 2147483647LL)))
			return (web_error(w, 400, "Le formulaire de décision est "
			    "incomplet : rechargez la page."));
		form_choice(&f, "decision", "Décision", decision_opts, 4, 1,
		    &decision);
		n = mod_rule_options(w, 3, opts, MOD_MAX_RULES + 1, "");
		form_choice(&f, "regle", "Règle de la charte", opts + 1, n - 1,
		    0, &rule);
		if (*rule == '\0' && (strcmp(decision, "hide") == 0 ||
		    strcmp(decision, "reject") == 0))
			form_error(&f, "regle", "Pour masquer ou refuser une "
			    "contribution, citez la règle de la charte qu'elle "
			    "enfreint.");
		form_text(&f, "note", "Note à l'auteur", 0, NOTE_MAX, 1, &note);
		if (f.nerrors > 0) {
			r = web_arg(w, "regle");
			return (item_page(w, &f, decision, r ? r : "", note,
			    422));
		}
		/*
		 * The log chains the moderator's pseudonym and a commitment
		 * to the note, both keyed with the server's secret, which the
		 * database never sees (migration 0140).
		 */
		snprintf(uid, sizeof(uid), "%lld", w->sess.user_id);
		modlog_pseudonym(app.secret, app.secret_len, w->sess.user_id,
		    ref);
		if (*note)
			modlog_note_mac(app.secret, app.secret_len, note, mac);
		return (web_sql(w, sql_decide, 10, w->args[0], uid, ref,
		    decision, seen, version, *rule ? rule : NULL,
		    *note ? note : NULL, *note ? mac : NULL,
		    settings_get("base_url", "")));
	}
	r = web_value(w, 7, 0, 0);
	if (strcmp(r, "own") == 0)
		return (web_error(w, 403, "Vous ne pouvez pas modérer votre "
		    "propre contribution : laissez-la à un autre modérateur."));
	if (strcmp(r, "conflict") == 0)
		return (web_error(w, 409, "Cette contribution vient d'être "
		    "traitée par un autre modérateur. Rechargez sa page pour "
		    "voir la décision prise ; la vôtre n'a pas été "
		    "enregistrée."));
	if (strcmp(r, "not_found") == 0)
		return (web_error(w, 404, "Cette contribution n'existe pas."));
	if (strcmp(r, "ok") != 0) {
		decision = web_arg(w, "decision");
		rule = web_arg(w, "regle");
		note = web_arg(w, "note");
		form_error(&f, "decision", "Cette décision n'est pas possible "
		    "pour une contribution dans cet état.");
		return (item_page(w, &f, decision ? decision : "",
		    rule ? rule : "", note ? note : "", 422));
	}
	web_flash(w, "moderation_done");
	return (web_redirect(w, "/moderation/"));
}
