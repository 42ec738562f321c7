/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * "Mon compte": what the platform holds about me, my contributions and
 * votes, and the download of all my data as JSON (built by PostgreSQL in
 * one query, so it is complete and well-formed).
 */

#include <string.h>

#include "../../core/roles.h"
#include "../../db/people.h"
#include "../kernel/web.h"

int	account_redirect(struct web_req *);
int	account_show(struct web_req *);
int	account_export(struct web_req *);

/* GET /compte: the account lives at /compte/. */
int
account_redirect(struct web_req *w)
{
	return (web_redirect(w, "/compte/"));
}

static const char *
kind_fr(const char *kind, const char *position)
{
	if (strcmp(kind, "proposal") == 0)
		return ("Proposition");
	if (strcmp(kind, "argument") == 0)
		return (strcmp(position, "contre") == 0 ? "Argument contre" :
		    "Argument pour");
	return ("Commentaire");
}

static const char *
status_fr(const char *status)
{
	if (strcmp(status, "published") == 0)
		return ("publiée");
	if (strcmp(status, "pending") == 0)
		return ("en attente de modération");
	if (strcmp(status, "hidden") == 0)
		return ("masquée par la modération");
	if (strcmp(status, "rejected") == 0)
		return ("refusée par la modération");
	return (status);
}

/* Writes a definition: term, then text (or fallback when empty). */
static void
write_item(struct web_req *w, const char *term, const char *text,
    const char *fallback)
{
	html_raw(H, "<dt>");
	html_text(H, term);
	html_raw(H, "</dt><dd>");
	html_text(H, text != NULL && *text != '\0' ? text : fallback);
	html_raw(H, "</dd>\n");
}

static void
write_roles(struct web_req *w, const char *csv)
{
	unsigned int	bits = roles_parse(csv);
	size_t		i;
	int		n = 0;

	html_raw(H, "<dt>Rôles</dt><dd>");
	for (i = 0; i < ROLES_COUNT; i++) {
		if (!(bits & role_at(i)))
			continue;
		if (n++ > 0)
			html_raw(H, ", ");
		html_text(H, role_label_fr(role_at(i)));
	}
	if (n == 0)
		html_raw(H, "aucun");
	html_raw(H, "</dd>\n");
}

static void
write_contributions(struct web_req *w, int slot)
{
	int	i, n = web_nrows(w, slot);

	html_raw(H, "<h2 id=\"contributions\">Mes contributions</h2>\n");
	if (n == 0) {
		html_raw(H, "<p>Vous n'avez encore déposé aucune proposition, "
		    "aucun argument ni aucun commentaire.</p>\n");
		return;
	}
	html_raw(H, "<table>\n<caption>");
	if (n >= 500)
		html_raw(H, "Mes 500 dernières contributions (toutes figurent "
		    "dans le téléchargement de mes données)");
	else
		html_rawf(H, "Mes %d contribution%s, de la plus récente à la "
		    "plus ancienne", n, n > 1 ? "s" : "");
	html_raw(H, "</caption>\n<thead><tr><th scope=\"col\">Type</th>"
	    "<th scope=\"col\">Titre ou extrait</th>"
	    "<th scope=\"col\">Thème</th><th scope=\"col\">Statut</th>"
	    "<th scope=\"col\">Date</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		html_raw(H, "<tr><td>");
		html_text(H, kind_fr(web_value(w, slot, i, 1),
		    web_value(w, slot, i, 2)));
		html_raw(H, "</td><td>");
		if (strcmp(web_value(w, slot, i, 1), "proposal") == 0) {
			html_raw(H, "<a href=\"/propositions/");
			html_url_arg(H, web_value(w, slot, i, 0));
			html_raw(H, "\">");
			html_text(H, web_value(w, slot, i, 3));
			html_raw(H, "</a>");
		} else {
			html_text(H, web_value(w, slot, i, 3));
			html_raw(H, "<br><span class=\"hint\">sur "
			    "<a href=\"/propositions/");
			html_url_arg(H, web_value(w, slot, i, 7));
			html_raw(H, "\">");
			html_text(H, web_value(w, slot, i, 8));
			html_raw(H, "</a></span>");
		}
		html_raw(H, "</td><td>");
		html_text(H, web_value(w, slot, i, 4));
		html_raw(H, "</td><td>");
		html_text(H, status_fr(web_value(w, slot, i, 5)));
		html_raw(H, "</td><td>");
		html_text(H, web_value(w, slot, i, 6));
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
}

/* GET /compte/. Raises 401 without a session (routes table). */
int
account_show(struct web_req *w)
{
	char		 uid[32];
	const char	*votes;

	snprintf(uid, sizeof(uid), "%lld", w->sess.user_id);
	switch (w->step) {
	case 0:
		return (web_sql(w, sql_account_summary, 1, uid));
	case 1:
		if (web_nrows(w, 0) != 1)
			return (web_error(w, 404, NULL));
		return (web_sql(w, sql_account_contributions, 1, uid));
	}

	page_begin(w, "Mon compte");
	html_raw(H, "<h1>Mon compte</h1>\n"
	    "<h2 id=\"informations\">Mes informations</h2>\n"
	    "<p>Voici ce que la plateforme conserve sur votre compte. Votre "
	    "adresse électronique n'est jamais publiée ; votre nom affiché "
	    "accompagne vos contributions.</p>\n"
	    "<dl class=\"account\">\n");
	write_item(w, "Nom affiché", web_value(w, 0, 0, 0), "");
	write_item(w, "Adresse électronique", web_value(w, 0, 0, 1), "");
	write_item(w, "Département", web_value(w, 0, 0, 3), "non renseigné");
	write_roles(w, web_value(w, 0, 0, 4));
	write_item(w, "Compte créé le", web_value(w, 0, 0, 5), "");
	write_item(w, "Adresse confirmée le", web_value(w, 0, 0, 6),
	    "pas encore confirmée");
	write_item(w, "Politique de confidentialité acceptée le",
	    web_value(w, 0, 0, 7), "non enregistré");
	/* Three years without one delete the account (agora purge). */
	write_item(w, "Dernière connexion le", web_value(w, 0, 0, 11),
	    "non enregistrée");
	html_raw(H, "</dl>\n<ul>\n"
	    "<li><a href=\"/compte/mot-de-passe\">Changer mon mot de passe"
	    "</a></li>\n"
	    "<li><a href=\"/compte/adresse\">Changer mon adresse "
	    "électronique</a></li>\n");
	html_raw(H, "<li><a href=\"/compte/notifications\">Décisions de "
	    "modération sur mes contributions");
	if (strcmp(web_value(w, 0, 0, 10), "0") != 0) {
		html_raw(H, " (");
		html_text(H, web_value(w, 0, 0, 10));
		html_raw(H, " non lue");
		html_raw(H, strcmp(web_value(w, 0, 0, 10), "1") == 0 ? ")" :
		    "s)");
	}
	html_raw(H, "</a></li>\n");
	if (w->sess.roles & (ROLE_MODERATOR | ROLE_ADMIN))
		html_raw(H, "<li><a href=\"/moderation/\">File de "
		    "modération</a></li>\n");
	if (w->sess.roles & ROLE_ADMIN)
		html_raw(H, "<li><a href=\"/admin/roles\">Administration : "
		    "rôles des comptes</a></li>\n"
		    "<li><a href=\"/admin/consultation\">Administration : "
		    "mode de modération</a></li>\n");
	html_raw(H, "</ul>\n");

	write_contributions(w, 1);

	votes = web_value(w, 0, 0, 8);
	html_raw(H, "<h2 id=\"votes\">Mes votes</h2>\n<p>");
	if (strcmp(votes, "0") == 0)
		html_raw(H, "Vous n'avez encore donné votre avis sur aucune "
		    "proposition.");
	else {
		html_raw(H, "Vous avez donné votre avis sur ");
		html_text(H, votes);
		html_raw(H, strcmp(votes, "1") == 0 ? " proposition." :
		    " propositions.");
	}
	html_raw(H, "</p>\n"
	    "<h2 id=\"donnees\">Mes données</h2>\n"
	    "<p>Vous pouvez télécharger, dans un fichier JSON lisible par "
	    "d'autres logiciels, tout ce que la plateforme conserve sur vous : "
	    "votre compte, vos rôles, vos sessions de connexion, vos "
	    "contributions avec leur texte, vos votes et les messages qui vous "
	    "ont été envoyés.</p>\n"
	    "<p><a class=\"button secondary\" href=\"/compte/donnees.json\" "
	    "download>Télécharger mes données (JSON)</a></p>\n"
	    "<p>En savoir plus : <a href=\"/confidentialite\">données "
	    "personnelles</a>.</p>\n"
	    "<h2 id=\"suppression\">Supprimer mon compte</h2>\n"
	    "<p>La suppression efface vos données personnelles ; vos "
	    "contributions et vos votes restent, sous un pseudonyme.</p>\n"
	    "<p><a href=\"/compte/suppression\">Supprimer mon compte…</a></p>\n");
	page_end(w);
	return (web_send(w, 200));
}

/*
 * GET /compte/donnees.json: everything held about me, as an attachment.
 * Raises 401 without a session (routes table), 404 for a deleted account.
 */
int
account_export(struct web_req *w)
{
	char		 uid[32];
	const char	*json;

	snprintf(uid, sizeof(uid), "%lld", w->sess.user_id);
	if (w->step == 0)
		return (web_sql(w, sql_account_export, 1, uid));
	if (web_nrows(w, 0) != 1)
		return (web_error(w, 404, NULL));
	json = web_value(w, 0, 0, 0);
	kore_buf_reset(w->body);
	kore_buf_append(w->body, json, strlen(json));
	kore_buf_append(w->body, "\n", 1);
	http_response_header(w->req, "content-disposition",
	    "attachment; filename=\"agora-mes-donnees.json\"");
	http_response_header(w->req, "cache-control", "private, no-store");
	return (web_send_type(w, 200, "application/json; charset=utf-8"));
}
