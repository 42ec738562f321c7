/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /consultations/: every consultation, the Region's own first, then the
 * archives (consultations imported from other platforms); and
 * /consultations/<slug>: one archive, with its source platform, dates,
 * licence and provenance, and its themes with their counts, each linked to
 * its listing and its report. The primary consultation's page is the home
 * page: /consultations/<its slug> redirects there. Counts come from the
 * report rollups.
 */

#include <string.h>

#include "../../core/text.h"
#include "../../db/archives.h"
#include "archives.h"
#include "participation.h"

int	consultations_redirect(struct web_req *);
int	consultations_index(struct web_req *);
int	consultation_show(struct web_req *);

void
archive_href(struct web_req *w, const char *slug)
{
	html_raw(H, "/consultations/");
	html_url_arg(H, slug);
}

void
archive_crumbs(struct web_req *w, const char *slug, const char *title,
    int linked)
{
	html_raw(H, "<nav aria-label=\"Fil d'Ariane\" class=\"crumbs\"><ol>"
	    "<li><a href=\"/\">Accueil</a></li>"
	    "<li><a href=\"/consultations/\">Consultations</a></li>");
	if (linked) {
		html_raw(H, "<li><a href=\"");
		archive_href(w, slug);
		html_raw(H, "\">");
	} else
		html_raw(H, "<li aria-current=\"page\">");
	html_text(H, title);
	html_raw(H, linked ? "</a></li>" : "</li>");
}

void
archive_notice(struct web_req *w, const char *source_name)
{
	html_raw(H, "<p class=\"notice phase-closed\">Consultation archivée");
	if (*source_name != '\0') {
		html_raw(H, ", importée de ");
		html_text(H, source_name);
	}
	html_raw(H, " : elle se lit ici telle qu'elle s'est tenue, en lecture "
	    "seule (ni vote, ni argument, ni commentaire, ni réponse de la "
	    "Région). Les votes et soutiens affichés sont les " 
	    ARCHIVE_TALLY_LABEL ".</p>\n");
}

void
archive_count(struct web_req *w, const char *n, const char *one,
    const char *many)
{
	html_text(H, n);
	html_raw(H, " ");
	html_raw(H, strcmp(n, "0") == 0 || strcmp(n, "1") == 0 ? one : many);
}

/* GET /consultations: the list lives at /consultations/. */
int
consultations_redirect(struct web_req *w)
{
	return (web_redirect(w, "/consultations/"));
}

/* GET /consultations/: every consultation. */
int
consultations_index(struct web_req *w)
{
	int	i, any = 0;

	if (w->step == 0)
		return (web_sql(w, sql_archive_list, 0));
	page_begin(w, "Consultations");
	html_raw(H, "<nav aria-label=\"Fil d'Ariane\" class=\"crumbs\"><ol>"
	    "<li><a href=\"/\">Accueil</a></li><li aria-current=\"page\">"
	    "Consultations</li></ol></nav>\n<h1>Consultations</h1>\n"
	    "<p class=\"lead\">La consultation de la Région, et des "
	    "consultations menées sur d'autres plateformes, importées ici "
	    "à partir de leurs données publiques pour être lues, comparées "
	    "et réutilisées.</p>\n");
	for (i = 0; i < web_nrows(w, 0); i++) {
		if (strcmp(web_value(w, 0, i, ARL_PRIMARY), "t") == 0) {
			html_raw(H, "<h2>La consultation de la Région</h2>\n"
			    "<ul class=\"consultations\">\n<li><h3><a "
			    "href=\"/\">");
		} else {
			if (!any++)
				html_raw(H, "<h2 id=\"archives\">Consultations "
				    "archivées</h2>\n<p>Importées d'autres "
				    "plateformes, en lecture seule ; leurs "
				    "votes sont les " ARCHIVE_TALLY_LABEL
				    ".</p>\n<ul class=\"consultations\">\n");
			html_raw(H, "<li><h3><a href=\"");
			archive_href(w, web_value(w, 0, i, ARL_SLUG));
			html_raw(H, "\">");
		}
		html_text(H, web_value(w, 0, i, ARL_TITLE));
		html_raw(H, "</a></h3>\n<p>");
		html_text(H, web_value(w, 0, i, ARL_SUMMARY));
		html_raw(H, "</p>\n<p class=\"meta\">");
		if (*web_value(w, 0, i, ARL_SOURCE_NAME) != '\0') {
			html_raw(H, "Plateforme d'origine : ");
			html_text(H, web_value(w, 0, i, ARL_SOURCE_NAME));
			html_raw(H, " · ");
		}
		html_raw(H, "Du ");
		html_text(H, web_value(w, 0, i, ARL_OPENS));
		html_raw(H, " au ");
		html_text(H, web_value(w, 0, i, ARL_CLOSES));
		html_raw(H, "</p>\n<p class=\"counts\">");
		archive_count(w, web_value(w, 0, i, ARL_THEMES), "thème",
		    "thèmes");
		html_raw(H, " · ");
		archive_count(w, web_value(w, 0, i, ARL_PROPOSALS),
		    "proposition", "propositions");
		html_raw(H, " · ");
		archive_count(w, web_value(w, 0, i, ARL_REPLIES),
		    "argument ou commentaire", "arguments et commentaires");
		html_raw(H, "</p></li>\n");
		if (strcmp(web_value(w, 0, i, ARL_PRIMARY), "t") == 0)
			html_raw(H, "</ul>\n");
	}
	if (any)
		html_raw(H, "</ul>\n");
	else
		html_raw(H, "<h2 id=\"archives\">Consultations archivées</h2>\n"
		    "<p>Aucune consultation n'a encore été importée.</p>\n");
	page_end(w);
	return (web_send(w, 200));
}

static void
write_facts(struct web_req *w)
{
	html_raw(H, "<dl class=\"facts\">\n");
	if (*web_value(w, 0, 0, ARC_SOURCE_NAME) != '\0') {
		html_raw(H, "<div><dt>Plateforme d'origine</dt><dd>");
		html_text(H, web_value(w, 0, 0, ARC_SOURCE_NAME));
		html_raw(H, "</dd></div>\n");
	}
	if (part_link_valid(web_value(w, 0, 0, ARC_SOURCE_URL))) {
		html_raw(H, "<div><dt>Page d'origine</dt><dd><a href=\"");
		html_text(H, web_value(w, 0, 0, ARC_SOURCE_URL));
		html_raw(H, "\" rel=\"noopener\">");
		html_text(H, web_value(w, 0, 0, ARC_SOURCE_URL));
		html_raw(H, "</a></dd></div>\n");
	}
	html_raw(H, "<div><dt>Dates</dt><dd>Du ");
	html_text(H, web_value(w, 0, 0, ARC_OPENS));
	html_raw(H, " au ");
	html_text(H, web_value(w, 0, 0, ARC_CLOSES));
	html_raw(H, " (première et dernière contribution)</dd></div>\n"
	    "<div><dt>Importée sur Agora le</dt><dd>");
	html_text(H, web_value(w, 0, 0, ARC_IMPORTED));
	html_raw(H, "</dd></div>\n<div><dt>Contributions publiées</dt><dd>");
	archive_count(w, web_value(w, 0, 0, ARC_PROPOSALS), "proposition",
	    "propositions");
	html_raw(H, ", ");
	archive_count(w, web_value(w, 0, 0, ARC_ARGUMENTS), "argument",
	    "arguments");
	html_raw(H, ", ");
	archive_count(w, web_value(w, 0, 0, ARC_COMMENTS), "commentaire",
	    "commentaires");
	html_raw(H, "</dd></div>\n");
	if (*web_value(w, 0, 0, ARC_LICENCE) != '\0') {
		html_raw(H, "<div><dt>Licence et provenance</dt><dd>");
		html_text(H, web_value(w, 0, 0, ARC_LICENCE));
		html_raw(H, "</dd></div>\n");
	}
	html_raw(H, "</dl>\n");
}

static void
write_themes(struct web_req *w, const char *slug)
{
	int	i;

	html_raw(H, "<h2 id=\"themes\">Thèmes</h2>\n<table>\n<caption>Les "
	    "thèmes de la consultation, leurs contributions publiées et leurs "
	    "votes sur la plateforme d'origine</caption>\n<thead><tr>"
	    "<th scope=\"col\">Thème</th>"
	    "<th scope=\"col\" class=\"num\">Propositions</th>"
	    "<th scope=\"col\" class=\"num\">Arguments</th>"
	    "<th scope=\"col\" class=\"num\">Commentaires</th>"
	    "<th scope=\"col\" class=\"num\">Votes ou soutiens (plateforme "
	    "d'origine)</th><th scope=\"col\">Rapport</th></tr></thead>\n"
	    "<tbody>\n");
	for (i = 0; i < web_nrows(w, 1); i++) {
		html_raw(H, "<tr><th scope=\"row\"><a href=\"");
		archive_href(w, slug);
		html_raw(H, "/themes/");
		html_url_arg(H, web_value(w, 1, i, ART_SLUG));
		html_raw(H, "\">");
		html_text(H, web_value(w, 1, i, ART_TITLE));
		html_raw(H, "</a></th><td class=\"num\">");
		html_text(H, web_value(w, 1, i, ART_PROPOSALS));
		html_raw(H, "</td><td class=\"num\">");
		html_text(H, web_value(w, 1, i, ART_ARGUMENTS));
		html_raw(H, "</td><td class=\"num\">");
		html_text(H, web_value(w, 1, i, ART_COMMENTS));
		html_raw(H, "</td><td class=\"num\">");
		html_text(H, web_value(w, 1, i, ART_SOURCE_VOTES));
		html_raw(H, "</td><td><a href=\"");
		archive_href(w, slug);
		html_raw(H, "/rapports/");
		html_url_arg(H, web_value(w, 1, i, ART_SLUG));
		html_raw(H, "\">Rapport<span class=\"visually-hidden\"> : ");
		html_text(H, web_value(w, 1, i, ART_TITLE));
		html_raw(H, "</span></a></td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
}

/*
 * GET /consultations/:consultation. Raises 404 for an unknown slug;
 * redirects the primary consultation's slug to the home page.
 */
int
consultation_show(struct web_req *w)
{
	const char	*slug;

	switch (w->step) {
	case 0:
		if (!text_slug_valid(w->args[0]))
			return (web_error(w, 404, NULL));
		return (web_sql(w, sql_archive_consultation, 1, w->args[0]));
	case 1:
		if (web_nrows(w, 0) != 1)
			return (web_error(w, 404, NULL));
		if (strcmp(web_value(w, 0, 0, ARC_PRIMARY), "t") == 0)
			return (web_redirect(w, "/"));
		return (web_sql(w, sql_archive_themes, 1,
		    web_value(w, 0, 0, ARC_ID)));
	}
	slug = web_value(w, 0, 0, ARC_SLUG);
	page_begin(w, web_value(w, 0, 0, ARC_TITLE));
	archive_crumbs(w, slug, web_value(w, 0, 0, ARC_TITLE), 0);
	html_raw(H, "</ol></nav>\n<h1>");
	html_text(H, web_value(w, 0, 0, ARC_TITLE));
	html_raw(H, "</h1>\n<p class=\"lead\">");
	html_text(H, web_value(w, 0, 0, ARC_SUMMARY));
	html_raw(H, "</p>\n");
	archive_notice(w, web_value(w, 0, 0, ARC_SOURCE_NAME));
	write_facts(w);
	html_raw(H, "<div class=\"prose\">\n");
	web_markdown(w, web_value(w, 0, 0, ARC_BODY), 1);
	html_raw(H, "</div>\n");
	write_themes(w, slug);
	html_raw(H, "<p>Les rapports de tous les thèmes : <a href=\"");
	archive_href(w, slug);
	html_raw(H, "/rapports/\">rapports de la consultation</a>. Ses "
	    "contributions publiées figurent dans les <a href=\"/export/\">"
	    "données ouvertes</a> (colonne <code>consultation</code> = "
	    "<code>");
	html_text(H, slug);
	html_raw(H, "</code>).</p>\n");
	page_end(w);
	return (web_send(w, 200));
}
