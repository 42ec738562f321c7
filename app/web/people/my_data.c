/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * GET /compte/donnees: my data as a page a person reads and prints
 * (issue 13, item 13), beside the JSON download (my_account.c): my
 * account, every text I wrote with its earlier versions, my votes.
 */

#include "../../core/vocab.h"
#include "../../db/people.h"
#include "../kernel/web.h"
#include "../shared/ui.h"
#include "account.h"

int	account_data_show(struct web_req *);

enum { Q_SUMMARY, Q_TEXTS, Q_VOTES, Q__MAX };

/* A code in words (its French label), an unknown one as it is. */
static void
write_label(struct web_req *w, const struct vocab *v, int n,
    const char *code)
{
	int	i = vocab_find(v, n, code);

	html_text(H, i == -1 ? code : v[i].label);
}

static void
write_item(struct web_req *w, const char *term, const char *text)
{
	html_raw(H, "<dt>");
	html_text(H, term);
	html_raw(H, "</dt><dd>");
	html_text(H, *text != '\0' ? text : "non renseigné");
	html_raw(H, "</dd>\n");
}

static void
write_account(struct web_req *w)
{
	html_raw(H, "<h2>Mon compte</h2>\n<dl class=\"account\">\n");
	write_item(w, "Nom affiché", web_text(w, Q_SUMMARY, 0, PSU_NAME));
	write_item(w, "Adresse électronique",
	    web_text(w, Q_SUMMARY, 0, PSU_EMAIL));
	write_item(w, "Département",
	    web_text(w, Q_SUMMARY, 0, PSU_TERRITORY_NAME));
	html_raw(H, "<dt>Rôles</dt><dd>");
	account_roles_write(w, web_text(w, Q_SUMMARY, 0, PSU_ROLES));
	html_raw(H, "</dd>\n");
	write_item(w, "Compte créé le", web_text(w, Q_SUMMARY, 0, PSU_CREATED));
	write_item(w, "Adresse confirmée le",
	    web_text(w, Q_SUMMARY, 0, PSU_VERIFIED));
	write_item(w, "Notice « Données personnelles » acceptée le",
	    web_text(w, Q_SUMMARY, 0, PSU_CONSENTED));
	write_item(w, "Dernière connexion le",
	    web_text(w, Q_SUMMARY, 0, PSU_SIGNIN));
	html_raw(H, "</dl>\n");
}

/* Row i of Q_TEXTS: a heading for a current text, then the text. */
static void
write_text(struct web_req *w, int i)
{
	const char	*title = web_text(w, Q_TEXTS, i, PDT_TITLE);
	long long	 version = web_int(w, Q_TEXTS, i, PDT_VERSION);

	if (version == 0) {
		html_raw(H, "<h3>");
		write_label(w, vocab_kind, KIND__MAX,
		    web_text(w, Q_TEXTS, i, PDT_KIND));
		html_rawf(H, " n° %lld", web_int(w, Q_TEXTS, i, PDT_ID));
		html_raw(H, "</h3>\n<p>Date de dépôt : ");
		html_text(H, web_text(w, Q_TEXTS, i, PDT_CREATED));
		html_raw(H, " ; statut : ");
		write_label(w, vocab_status_own, ST__MAX,
		    web_text(w, Q_TEXTS, i, PDT_STATUS));
		html_raw(H, ".</p>\n<h4>Texte actuel</h4>\n");
	} else {
		html_rawf(H, "<h4>Version %lld, remplacée le ", version);
		html_text(H, web_text(w, Q_TEXTS, i, PDT_REPLACED));
		html_raw(H, "</h4>\n");
	}
	if (*title != '\0') {
		html_raw(H, "<p><strong>");
		html_text(H, title);
		html_raw(H, "</strong></p>\n");
	}
	/* The Markdown source as it was typed, not rendered. */
	html_raw(H, "<pre class=\"source\">");
	html_text(H, web_text(w, Q_TEXTS, i, PDT_BODY));
	html_raw(H, "</pre>\n");
}

static void
write_votes(struct web_req *w)
{
	int	i, n = web_rows(w, Q_VOTES);

	html_raw(H, "<h2>Mes votes</h2>\n");
	if (n == 0) {
		html_raw(H, "<p>Aucun vote.</p>\n");
		return;
	}
	html_raw(H, "<table tabindex=\"0\">\n<caption>Mes votes, du plus "
	    "ancien au plus récent</caption>\n<thead><tr>"
	    "<th scope=\"col\">Proposition</th><th scope=\"col\">Avis</th>"
	    "<th scope=\"col\">Date</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		html_raw(H, "<tr><td>");
		ui_link(w, ui_proposal(w, web_int(w, Q_VOTES, i, PDV_ID)),
		    web_text(w, Q_VOTES, i, PDV_TITLE));
		html_raw(H, "</td><td>");
		write_label(w, vocab_choice, CHOICE__MAX,
		    web_text(w, Q_VOTES, i, PDV_CHOICE));
		html_raw(H, "</td><td>");
		html_text(H, web_text(w, Q_VOTES, i, PDV_CREATED));
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
}

/* Raises 401 without a session (routes table), 404 for a deleted account. */
int
account_data_show(struct web_req *w)
{
	int	i;

	if (w->step == 0) {
		web_query(w, Q_SUMMARY, &sql_account_summary,
		    DB_ID(w->sess.user_id));
		web_query(w, Q_TEXTS, &sql_data_texts, DB_ID(w->sess.user_id));
		return (web_query(w, Q_VOTES, &sql_data_votes,
		    DB_ID(w->sess.user_id)));
	}
	if (web_rows(w, Q_SUMMARY) != 1)
		return (web_error(w, 404, NULL));
	page_begin(w, "Mes données");
	html_raw(H, "<h1>Mes données</h1>\n<p>Tout ce que la plateforme "
	    "conserve sur vous, à lire ou à imprimer. Le même contenu existe "
	    "en fichier : <a href=\"" UI_ACCOUNT_DATA "\" download>télécharger "
	    "mes données (JSON)</a>. Retour à <a href=\"" UI_ACCOUNT "\">mon "
	    "compte</a>.</p>\n");
	write_account(w);
	html_raw(H, "<h2>Mes textes</h2>\n");
	if (web_rows(w, Q_TEXTS) == 0)
		html_raw(H, "<p>Aucun texte.</p>\n");
	for (i = 0; i < web_rows(w, Q_TEXTS); i++)
		write_text(w, i);
	write_votes(w);
	page_end(w);
	http_response_header(w->req, "cache-control", "private, no-store");
	return (web_send(w, 200));
}
