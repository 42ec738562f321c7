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

#include "../../core/json_pretty.h"
#include "../../core/roles.h"
#include "../../core/vocab.h"
#include "../../db/franceconnect.h"
#include "../../db/opinion.h"
#include "../../db/people.h"
#include "../kernel/web.h"
#include "../shared/ui.h"
#include "account.h"
#include "fc.h"

int	account_redirect(struct web_req *);
int	account_show(struct web_req *);
int	account_export(struct web_req *);

enum { Q_SUMMARY, Q_CONTRIBUTIONS, Q_EXPORT, Q_OPINION, Q_FC, Q__MAX };

/* GET /compte: the account lives at /compte/. */
int
account_redirect(struct web_req *w)
{
	return (web_redirect(w, UI_ACCOUNT));
}

/* What a contribution is, as its author reads it ("Argument contre"). */
static void
write_kind(struct web_req *w, const char *kind, const char *position)
{
	switch (vocab_find(vocab_kind, KIND__MAX, kind)) {
	case KIND_PROPOSAL:
		html_text(H, vocab_kind[KIND_PROPOSAL].label);
		break;
	case KIND_ARGUMENT:
		html_text(H, vocab_kind[KIND_ARGUMENT].label);
		html_raw(H, vocab_find(vocab_position, POS__MAX, position) ==
		    POS_CONTRE ? " contre" : " pour");
		break;
	default:
		html_text(H, vocab_kind[KIND_COMMENT].label);
		break;
	}
}

/* A status as its author reads it; an unknown code as it is. */
static void
write_status(struct web_req *w, const char *status)
{
	int	st = vocab_find(vocab_status, ST__MAX, status);

	html_text(H, st == -1 ? status : vocab_status_own[st].label);
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
	html_raw(H, "<dt>Rôles</dt><dd>");
	account_roles_write(w, csv);
	html_raw(H, "</dd>\n");
}

/* One contribution: a proposal links to itself, the rest to theirs. */
static void
write_contribution(struct web_req *w, int i)
{
	html_raw(H, "<tr><td>");
	write_kind(w, web_text(w, Q_CONTRIBUTIONS, i, PCO_KIND),
	    web_text(w, Q_CONTRIBUTIONS, i, PCO_POSITION));
	html_raw(H, "</td><td>");
	if (vocab_find(vocab_kind, KIND__MAX, web_text(w, Q_CONTRIBUTIONS, i,
	    PCO_KIND)) == KIND_PROPOSAL)
		ui_link(w, ui_proposal(w, web_int(w, Q_CONTRIBUTIONS, i,
		    PCO_ID)), web_text(w, Q_CONTRIBUTIONS, i, PCO_EXCERPT));
	else {
		html_text(H, web_text(w, Q_CONTRIBUTIONS, i, PCO_EXCERPT));
		html_raw(H, "<br><span class=\"hint\">sur ");
		ui_link(w, ui_proposal(w, web_int(w, Q_CONTRIBUTIONS, i,
		    PCO_PROPOSAL)), web_text(w, Q_CONTRIBUTIONS, i,
		    PCO_PROPOSAL_TITLE));
		html_raw(H, "</span>");
	}
	html_raw(H, "</td><td>");
	html_text(H, web_text(w, Q_CONTRIBUTIONS, i, PCO_THEME));
	html_raw(H, "</td><td>");
	write_status(w, web_text(w, Q_CONTRIBUTIONS, i, PCO_STATUS));
	html_raw(H, "</td><td>");
	html_text(H, web_text(w, Q_CONTRIBUTIONS, i, PCO_CREATED));
	html_raw(H, "</td></tr>\n");
}

static void
write_contributions(struct web_req *w)
{
	int	i, n = web_rows(w, Q_CONTRIBUTIONS);

	html_raw(H, "<h2 id=\"contributions\">Mes contributions</h2>\n");
	if (n == 0) {
		html_raw(H, "<p>Vous n'avez encore déposé aucune proposition, "
		    "aucun argument ni aucun commentaire.</p>\n");
		return;
	}
	html_raw(H, "<table tabindex=\"0\">\n<caption>");
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
	for (i = 0; i < n; i++)
		write_contribution(w, i);
	html_raw(H, "</tbody>\n</table>\n");
}

/* What the platform holds about the account, and where to change it. */
static void
write_information(struct web_req *w)
{
	html_raw(H, "<h2 id=\"informations\">Mes informations</h2>\n"
	    "<p>Voici ce que la plateforme conserve sur votre compte. Votre "
	    "adresse électronique n'est jamais publiée ; votre nom affiché "
	    "accompagne vos contributions.</p>\n"
	    "<dl class=\"account\">\n");
	write_item(w, "Nom affiché", web_text(w, Q_SUMMARY, 0, PSU_NAME), "");
	if (*web_text(w, Q_SUMMARY, 0, PSU_EMAIL) != '\0')
		write_item(w, "Adresse électronique",
		    web_text(w, Q_SUMMARY, 0, PSU_EMAIL), "");
	write_item(w, "Département",
	    web_text(w, Q_SUMMARY, 0, PSU_TERRITORY_NAME), "non renseigné");
	write_roles(w, web_text(w, Q_SUMMARY, 0, PSU_ROLES));
	write_item(w, "Compte créé le",
	    web_text(w, Q_SUMMARY, 0, PSU_CREATED), "");
	if (*web_text(w, Q_SUMMARY, 0, PSU_EMAIL) != '\0')
		write_item(w, "Adresse confirmée le",
		    web_text(w, Q_SUMMARY, 0, PSU_VERIFIED),
		    "pas encore confirmée");
	write_item(w, "Politique de confidentialité acceptée le",
	    web_text(w, Q_SUMMARY, 0, PSU_CONSENTED), "non enregistré");
	/* Three years without one delete the account (agora purge). */
	write_item(w, "Dernière connexion le",
	    web_text(w, Q_SUMMARY, 0, PSU_SIGNIN), "non enregistrée");
	html_raw(H, "</dl>\n");
}

/* The account's own pages, and the ones its roles open. */
static void
write_links(struct web_req *w)
{
	long long	unread = web_int(w, Q_SUMMARY, 0, PSU_UNREAD);

	/*
	 * Both changes ask for the current password: an account opened with
	 * FranceConnect has none, nor an address (issue 17), and only such an
	 * account has no address.
	 */
	if (*web_text(w, Q_SUMMARY, 0, PSU_EMAIL) != '\0')
		html_raw(H, "<ul>\n"
		    "<li><a href=\"" UI_ACCOUNT_PASSWORD "\">Changer mon mot "
		    "de passe</a></li>\n"
		    "<li><a href=\"" UI_ACCOUNT_EMAIL "\">Changer mon adresse "
		    "électronique</a></li>\n");
	else
		html_raw(H, "<p>Votre compte s'ouvre avec FranceConnect : il "
		    "n'a ni mot de passe ni adresse électronique à "
		    "changer.</p>\n<ul>\n");
	html_raw(H, "<li><a href=\"" UI_ACCOUNT_NOTIFICATIONS "\">Mes "
	    "notifications : décisions de modération, réponses, suivis");
	if (unread != 0)
		html_rawf(H, " (%lld non lue%s)", unread, unread == 1 ? "" :
		    "s");
	html_raw(H, "</a></li>\n<li><a href=\"" UI_ACCOUNT_MAIL_PREFS "\">"
	    "Mes courriels de notification (chaque fois, résumé du jour ou "
	    "aucun)</a></li>\n");
	if (w->sess.roles & (ROLE_MODERATOR | ROLE_ADMIN))
		html_raw(H, "<li><a href=\"" UI_MODERATION "\">File de "
		    "modération</a></li>\n");
	if (w->sess.roles & ROLE_ADMIN)
		html_raw(H, "<li><a href=\"" UI_ADMIN_ROLES "\">Administration : "
		    "rôles des comptes</a></li>\n"
		    "<li><a href=\"" UI_ADMIN_CONSULTATION "\">Administration : "
		    "mode de modération</a></li>\n"
		    "<li><a href=\"" UI_ADMIN_EPN "\">Administration : "
		    "espaces publics numériques (EPN)</a></li>\n");
	html_raw(H, "</ul>\n");
}

/*
 * Where my own votes place me on each theme's opinion map: computed for
 * this page from the map's components (opinion_nearest_group()), stored
 * nowhere and shown to nobody else (inferred opinion, GDPR art. 9).
 */
static void
write_opinion(struct web_req *w)
{
	int	i, n = web_rows(w, Q_OPINION);

	html_raw(H, "<h2 id=\"opinion\">Ma place sur les cartes des "
	    "opinions</h2>\n");
	if (n == 0) {
		html_raw(H, "<p>Vos votes ne vous placent encore sur aucune "
		    "carte des opinions.</p>\n");
		return;
	}
	html_raw(H, "<p>D'après vos votes, voici le groupe d'opinion dont vous "
	    "êtes le plus proche sur la carte de chaque enjeu. Cette "
	    "information n'est montrée qu'à vous : elle n'est ni enregistrée "
	    "ni publiée.</p>\n<ul>\n");
	for (i = 0; i < n; i++) {
		html_raw(H, "<li>");
		ui_link(w, web_printf(w, "%s#carte-opinions", ui_report(w, NULL,
		    web_text(w, Q_OPINION, i, OMY_THEME_SLUG))),
		    web_text(w, Q_OPINION, i, OMY_THEME_TITLE));
		html_rawf(H, " : groupe %lld sur %lld (", web_int(w, Q_OPINION,
		    i, OMY_GRP) + 1, web_int(w, Q_OPINION, i, OMY_K));
		ui_count(w, web_int(w, Q_OPINION, i, OMY_SIZE), "personne",
		    "personnes");
		html_raw(H, "), d'après ");
		ui_count(w, web_int(w, Q_OPINION, i, OMY_VOTES), "vote", "votes");
		html_raw(H, "</li>\n");
	}
	html_raw(H, "</ul>\n");
}

/* My votes, my data, the deletion of my account. */
static void
write_votes_and_data(struct web_req *w)
{
	long long	votes = web_int(w, Q_SUMMARY, 0, PSU_VOTES);

	html_raw(H, "<h2 id=\"votes\">Mes votes</h2>\n<p>");
	if (votes == 0)
		html_raw(H, "Vous n'avez encore donné votre avis sur aucune "
		    "proposition.");
	else
		html_rawf(H, "Vous avez donné votre avis sur %lld %s.", votes,
		    votes == 1 ? "proposition" : "propositions");
	html_raw(H, "</p>\n"
	    "<h2 id=\"donnees\">Mes données</h2>\n"
	    "<p>Vous pouvez télécharger, dans un fichier JSON lisible par "
	    "d'autres logiciels, tout ce que la plateforme conserve sur vous : "
	    "votre compte, vos rôles, vos sessions de connexion, vos "
	    "contributions avec leur texte, vos votes et les messages qui vous "
	    "ont été envoyés.</p>\n"
	    "<p><a class=\"button secondary\" href=\"" UI_ACCOUNT_DATA "\" "
	    "download>Télécharger mes données (JSON)</a> "
	    "<a href=\"" UI_ACCOUNT_DATA_PAGE "\">Lire ou imprimer mes "
	    "données</a></p>\n"
	    "<p>En savoir plus : <a href=\"" UI_PRIVACY "\">données "
	    "personnelles</a>.</p>\n"
	    "<h2 id=\"suppression\">Supprimer mon compte</h2>\n"
	    "<p>La suppression efface vos données personnelles ; vos "
	    "contributions et vos votes restent, sous un pseudonyme.</p>\n"
	    "<p><a href=\"" UI_ACCOUNT_DELETE "\">Supprimer mon compte…</a>"
	    "</p>\n");
}

/* GET /compte/. Raises 401 without a session (routes table). */
int
account_show(struct web_req *w)
{
	if (w->step == 0) {
		web_query(w, Q_SUMMARY, &sql_account_summary,
		    DB_ID(w->sess.user_id));
		web_query(w, Q_OPINION, &sql_opinion_mine,
		    DB_ID(w->sess.user_id));
		web_query(w, Q_FC, &sql_fc_status, DB_ID(w->sess.user_id));
		return (web_query(w, Q_CONTRIBUTIONS,
		    &sql_account_contributions, DB_ID(w->sess.user_id)));
	}
	if (web_rows(w, Q_SUMMARY) != 1)
		return (web_error(w, 404, NULL));
	page_begin(w, "Mon compte");
	html_raw(H, "<h1>Mon compte</h1>\n");
	write_information(w);
	fc_account_section(w, Q_FC);
	write_links(w);
	write_contributions(w);
	write_opinion(w);
	write_votes_and_data(w);
	page_end(w);
	return (web_send(w, 200));
}

/* json_pretty's writer: into the response's buffer. */
static void
export_put(void *arg, const char *s, size_t n)
{
	kore_buf_append(arg, s, n);
}

/*
 * GET /compte/donnees.json: everything held about me, as an attachment.
 * Raises 401 without a session (routes table), 404 for a deleted account.
 */
int
account_export(struct web_req *w)
{
	const char	*json;

	if (w->step == 0)
		return (web_query(w, Q_EXPORT, &sql_account_export,
		    DB_ID(w->sess.user_id)));
	if (web_rows(w, Q_EXPORT) != 1)
		return (web_error(w, 404, NULL));
	json = web_text(w, Q_EXPORT, 0, PEX_DATA);
	kore_buf_reset(w->body);
	json_pretty(json, export_put, w->body);	/* for a person to read */
	http_response_header(w->req, "content-disposition",
	    "attachment; filename=\"agora-mes-donnees.json\"");
	http_response_header(w->req, "cache-control", "private, no-store");
	return (web_send_type(w, 200, "application/json; charset=utf-8"));
}
