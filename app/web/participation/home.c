/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The home page: the primary consultation, its themes and the archived
 * consultations (theme_listing.c: one theme).
 */

#include "../../core/vocab.h"
#include "../../db/archives.h"
#include "../../db/themes.h"
#include "../kernel/web.h"
#include "../shared/ui.h"

int	home_show(struct web_req *);

enum { Q_CONSULTATION, Q_ARCHIVES, Q_THEMES };

/* Writes the sentence that says whether one can still take part. */
static void
write_phase(struct web_req *w)
{
	const char	*code = web_text(w, Q_CONSULTATION, 0, HC_PHASE);

	html_raw(H, "<p class=\"phase phase-");
	html_text(H, code);
	html_raw(H, "\">");
	switch (vocab_find(vocab_phase, PHASE__MAX, code)) {
	case PHASE_UPCOMING:
		html_raw(H, "La consultation ouvrira le ");
		html_text(H, web_text(w, Q_CONSULTATION, 0, HC_OPENS));
		html_raw(H, ". Vous pouvez déjà lire les thèmes.");
		break;
	case PHASE_CLOSED:
		html_raw(H, "La consultation est close depuis le ");
		html_text(H, web_text(w, Q_CONSULTATION, 0, HC_CLOSES));
		html_raw(H, ". Tout reste consultable ; il n'est plus possible "
		    "de contribuer.");
		break;
	default:
		html_raw(H, "Consultation ouverte du ");
		html_text(H, web_text(w, Q_CONSULTATION, 0, HC_OPENS));
		html_raw(H, " au ");
		html_text(H, web_text(w, Q_CONSULTATION, 0, HC_CLOSES));
		html_raw(H, " inclus.");
	}
	html_raw(H, "</p>\n");
}

static void
write_themes(struct web_req *w)
{
	int	i;

	html_rawf(H, "<h2 id=\"enjeux\">Les %d enjeux</h2>\n"
	    "<ol class=\"themes\">\n", web_rows(w, Q_THEMES));
	for (i = 0; i < web_rows(w, Q_THEMES); i++) {
		html_raw(H, "<li><h3>");
		ui_link(w, ui_theme(w, NULL, web_text(w, Q_THEMES, i,
		    HT_SLUG)), web_text(w, Q_THEMES, i, HT_TITLE));
		html_raw(H, "</h3>\n<p>");
		html_text(H, web_text(w, Q_THEMES, i, HT_SUMMARY));
		html_raw(H, "</p>\n<p class=\"counts\">");
		ui_count(w, web_int(w, Q_THEMES, i, HT_PROPOSALS),
		    "proposition", "propositions");
		html_raw(H, " · ");
		ui_count(w, web_int(w, Q_THEMES, i, HT_REPLIES),
		    "argument ou commentaire", "arguments et commentaires");
		html_raw(H, "</p></li>\n");
	}
	html_raw(H, "</ol>\n");
}

/* The archived consultations (imported, read-only), when there are some. */
static void
write_archives(struct web_req *w)
{
	int	i;

	if (web_rows(w, Q_ARCHIVES) == 0)
		return;
	html_raw(H, "<h2 id=\"consultations\">Consultations archivées</h2>\n"
	    "<p>Menées sur d'autres plateformes et importées ici en lecture "
	    "seule, avec leurs thèmes, leurs rapports et les votes comptés "
	    "sur leur plateforme d'origine :</p>\n<ul>\n");
	for (i = 0; i < web_rows(w, Q_ARCHIVES); i++) {
		html_raw(H, "<li>");
		ui_link(w, ui_consultation(w, web_text(w, Q_ARCHIVES, i,
		    ATI_SLUG)), web_text(w, Q_ARCHIVES, i, ATI_TITLE));
		if (*web_text(w, Q_ARCHIVES, i, ATI_SOURCE_NAME) != '\0') {
			html_raw(H, ", importée de ");
			html_text(H, web_text(w, Q_ARCHIVES, i,
			    ATI_SOURCE_NAME));
		}
		html_raw(H, "</li>\n");
	}
	html_raw(H, "</ul>\n<p><a href=\"" UI_CONSULTATIONS "\">Toutes les "
	    "consultations</a></p>\n");
}

/* The site-wide search (app/web/search/), above the themes. */
static void
write_search(struct web_req *w)
{
	html_raw(H, "<form method=\"get\" action=\"" UI_SEARCH "\" "
	    "role=\"search\" class=\"site-search\" aria-label=\"Rechercher "
	    "sur Agora\">\n<label for=\"f-recherche\">Rechercher dans les "
	    "thèmes et les propositions</label>\n<input type=\"search\" "
	    "id=\"f-recherche\" name=\"q\" maxlength=\"200\">\n"
	    "<button type=\"submit\">Rechercher</button>\n</form>\n");
}

static int
home_render(struct web_req *w)
{
	const char	*title = web_text(w, Q_CONSULTATION, 0, HC_TITLE);

	page_begin(w, title);
	html_raw(H, "<h1>");
	html_text(H, title);
	html_raw(H, "</h1>\n<p class=\"lead\">");
	html_text(H, web_text(w, Q_CONSULTATION, 0, HC_SUMMARY));
	html_raw(H, "</p>\n");
	write_phase(w);
	html_raw(H, "<p class=\"stats\">Participation à ce jour : ");
	ui_count(w, web_int(w, Q_CONSULTATION, 0, HC_CONTRIBUTORS),
	    "participant", "participants");
	html_raw(H, ", ");
	ui_count(w, web_int(w, Q_CONSULTATION, 0, HC_CONTRIBUTIONS),
	    "contribution publiée", "contributions publiées");
	html_raw(H, ".</p>\n<p>Pas d'ordinateur ou pas de connexion ? "
	    "<a href=\"" UI_EPN_DIRECTORY "\">Participez près de chez vous"
	    "</a>, dans un espace public numérique ou à une étape de l'EPN "
	    "mobile.</p>\n<div class=\"prose\">\n");
	web_markdown(w, web_text(w, Q_CONSULTATION, 0, HC_BODY), 1);
	html_raw(H, "</div>\n");
	write_search(w);
	write_themes(w);
	write_archives(w);
	page_end(w);
	return (web_send(w, 200));
}

/* GET /. Raises 503 when the database does not answer. */
int
home_show(struct web_req *w)
{
	switch (w->step) {
	case 0:
		web_query(w, Q_CONSULTATION, &sql_home_consultation);
		return (web_query(w, Q_ARCHIVES, &sql_archive_titles));
	case 1:
		if (web_rows(w, Q_CONSULTATION) != 1)
			return (web_error(w, 500, "Aucune consultation n'est "
			    "publiée : appliquez les migrations."));
		return (web_query(w, Q_THEMES, &sql_home_themes,
		    DB_INT(web_int(w, Q_CONSULTATION, 0, HC_ID))));
	}
	return (home_render(w));
}
