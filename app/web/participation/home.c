/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* The home page: the consultation and its themes (theme_page.c: one theme). */

#include <string.h>

#include "../../db/archives.h"
#include "../../db/themes.h"
#include "../kernel/web.h"

int	home_show(struct web_req *);

/* Writes the sentence that says whether one can still take part. */
static void
write_phase(struct web_req *w, const char *phase, const char *opens,
    const char *closes)
{
	html_raw(H, "<p class=\"phase phase-");
	html_text(H, phase);
	html_raw(H, "\">");
	if (strcmp(phase, "upcoming") == 0) {
		html_raw(H, "La consultation ouvrira le ");
		html_text(H, opens);
		html_raw(H, ". Vous pouvez déjà lire les thèmes.");
	} else if (strcmp(phase, "closed") == 0) {
		html_raw(H, "La consultation est close depuis le ");
		html_text(H, closes);
		html_raw(H, ". Tout reste consultable ; il n'est plus possible "
		    "de contribuer.");
	} else {
		html_raw(H, "Consultation ouverte du ");
		html_text(H, opens);
		html_raw(H, " au ");
		html_text(H, closes);
		html_raw(H, " inclus.");
	}
	html_raw(H, "</p>\n");
}

static void
write_count(struct web_req *w, const char *n, const char *one,
    const char *many)
{
	html_text(H, n);
	html_raw(H, " ");
	html_raw(H, strcmp(n, "0") == 0 || strcmp(n, "1") == 0 ? one : many);
}

/* The archived consultations (imported, read-only), when there are some. */
static void
write_archives(struct web_req *w)
{
	int	i;

	if (web_nrows(w, 2) == 0)
		return;
	html_raw(H, "<h2 id=\"consultations\">Consultations archivées</h2>\n"
	    "<p>Menées sur d'autres plateformes et importées ici en lecture "
	    "seule, avec leurs thèmes, leurs rapports et les votes comptés "
	    "sur leur plateforme d'origine :</p>\n<ul>\n");
	for (i = 0; i < web_nrows(w, 2); i++) {
		html_raw(H, "<li><a href=\"/consultations/");
		html_url_arg(H, web_value(w, 2, i, ATI_SLUG));
		html_raw(H, "\">");
		html_text(H, web_value(w, 2, i, ATI_TITLE));
		html_raw(H, "</a>");
		if (*web_value(w, 2, i, ATI_SOURCE_NAME) != '\0') {
			html_raw(H, ", importée de ");
			html_text(H, web_value(w, 2, i, ATI_SOURCE_NAME));
		}
		html_raw(H, "</li>\n");
	}
	html_raw(H, "</ul>\n<p><a href=\"/consultations/\">Toutes les "
	    "consultations</a></p>\n");
}

/* GET /. Raises 503 when the database does not answer. */
int
home_show(struct web_req *w)
{
	int	i;

	switch (w->step) {
	case 0:
		return (web_sql(w, sql_home_consultation, 0));
	case 1:
		if (web_nrows(w, 0) != 1)
			return (web_error(w, 500, "Aucune consultation n'est "
			    "publiée : appliquez les migrations."));
		return (web_sql(w, sql_home_themes, 1, web_value(w, 0, 0, 0)));
	case 2:
		return (web_sql(w, sql_archive_titles, 0));
	}

	page_begin(w, web_value(w, 0, 0, 1));
	html_raw(H, "<h1>");
	html_text(H, web_value(w, 0, 0, 1));
	html_raw(H, "</h1>\n<p class=\"lead\">");
	html_text(H, web_value(w, 0, 0, 2));
	html_raw(H, "</p>\n");
	write_phase(w, web_value(w, 0, 0, 6), web_value(w, 0, 0, 4),
	    web_value(w, 0, 0, 5));
	html_raw(H, "<p class=\"stats\">Participation à ce jour : ");
	write_count(w, web_value(w, 0, 0, 7), "participant", "participants");
	html_raw(H, ", ");
	write_count(w, web_value(w, 0, 0, 8), "contribution publiée",
	    "contributions publiées");
	html_raw(H, ".</p>\n<div class=\"prose\">\n");
	web_markdown(w, web_value(w, 0, 0, 3), 1);
	html_raw(H, "</div>\n<h2 id=\"enjeux\">Les ");
	html_rawf(H, "%d", web_nrows(w, 1));
	html_raw(H, " enjeux</h2>\n<ol class=\"themes\">\n");
	for (i = 0; i < web_nrows(w, 1); i++) {
		html_raw(H, "<li><h3><a href=\"/themes/");
		html_url_arg(H, web_value(w, 1, i, 0));
		html_raw(H, "\">");
		html_text(H, web_value(w, 1, i, 1));
		html_raw(H, "</a></h3>\n<p>");
		html_text(H, web_value(w, 1, i, 2));
		html_raw(H, "</p>\n<p class=\"counts\">");
		write_count(w, web_value(w, 1, i, 3), "proposition",
		    "propositions");
		html_raw(H, " · ");
		write_count(w, web_value(w, 1, i, 4), "argument ou commentaire",
		    "arguments et commentaires");
		html_raw(H, "</p></li>\n");
	}
	html_raw(H, "</ol>\n");
	write_archives(w);
	page_end(w);
	return (web_send(w, 200));
}
