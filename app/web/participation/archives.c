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

#include "../../core/addresses.h"
#include "../../core/text.h"
#include "../../db/archives.h"
#include "../opendata/opinion_map.h"
#include "archives.h"
#include "participation.h"

int	consultations_redirect(struct web_req *);
int	consultations_index(struct web_req *);
int	consultation_show(struct web_req *);

/* Q_OPINION: the opinion map's OPINION_MAP_SLOTS slots (opinion_map.h). */
enum { Q_LIST = 0, Q_CONSULTATION = 0, Q_THEMES, Q_OPINION };

void
archive_crumbs(struct web_req *w, const char *slug, const char *title,
    const struct ui_crumb *more, int nmore, const char *here)
{
	struct ui_crumb	steps[8];
	int		i, n = 0;

	steps[n].path = UI_CONSULTATIONS;
	steps[n++].label = "Consultations";
	steps[n].path = slug != NULL ? ui_consultation(w, slug) : NULL;
	steps[n++].label = title;
	for (i = 0; i < nmore && n < 8; i++)
		steps[n++] = more[i];
	ui_crumbs(w, steps, n, here);
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

/* GET /consultations: the list lives at /consultations/. */
int
consultations_redirect(struct web_req *w)
{
	return (web_redirect(w, UI_CONSULTATIONS));
}

/* One consultation of the list, linked to its page. */
static void
write_listed(struct web_req *w, int i)
{
	const char	*source = web_text(w, Q_LIST, i, ARL_SOURCE_NAME);

	html_raw(H, "<li><h3>");
	ui_link(w, web_bool(w, Q_LIST, i, ARL_PRIMARY) ? "/" :
	    ui_consultation(w, web_text(w, Q_LIST, i, ARL_SLUG)),
	    web_text(w, Q_LIST, i, ARL_TITLE));
	html_raw(H, "</h3>\n<p>");
	html_text(H, web_text(w, Q_LIST, i, ARL_SUMMARY));
	html_raw(H, "</p>\n<p class=\"meta\">");
	if (*source != '\0') {
		html_raw(H, "Plateforme d'origine : ");
		html_text(H, source);
		html_raw(H, " · ");
	}
	html_raw(H, "Du ");
	html_text(H, web_text(w, Q_LIST, i, ARL_OPENS));
	html_raw(H, " au ");
	html_text(H, web_text(w, Q_LIST, i, ARL_CLOSES));
	html_raw(H, "</p>\n<p class=\"counts\">");
	ui_count(w, web_int(w, Q_LIST, i, ARL_THEMES), "thème", "thèmes");
	html_raw(H, " · ");
	ui_count(w, web_int(w, Q_LIST, i, ARL_PROPOSALS), "proposition",
	    "propositions");
	html_raw(H, " · ");
	ui_count(w, web_int(w, Q_LIST, i, ARL_REPLIES),
	    "argument ou commentaire", "arguments et commentaires");
	html_raw(H, "</p></li>\n");
}

/* GET /consultations/: every consultation. */
int
consultations_index(struct web_req *w)
{
	int	i, any = 0;

	if (w->step == 0)
		return (web_query(w, Q_LIST, &sql_archive_list));
	page_begin(w, "Consultations");
	ui_crumbs(w, NULL, 0, "Consultations");
	html_raw(H, "<h1>Consultations</h1>\n"
	    "<p class=\"lead\">La consultation de la Région, et des "
	    "consultations menées sur d'autres plateformes, importées ici "
	    "à partir de leurs données publiques pour être lues, comparées "
	    "et réutilisées.</p>\n");
	for (i = 0; i < web_rows(w, Q_LIST); i++) {
		if (web_bool(w, Q_LIST, i, ARL_PRIMARY))
			html_raw(H, "<h2>La consultation de la Région</h2>\n"
			    "<ul class=\"consultations\">\n");
		else if (!any++)
			html_raw(H, "<h2 id=\"archives\">Consultations "
			    "archivées</h2>\n<p>Importées d'autres "
			    "plateformes, en lecture seule ; leurs votes sont "
			    "les " ARCHIVE_TALLY_LABEL ".</p>\n"
			    "<ul class=\"consultations\">\n");
		write_listed(w, i);
		if (web_bool(w, Q_LIST, i, ARL_PRIMARY))
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

/* "<div><dt>term</dt><dd>", closed by the caller. */
static void
fact(struct web_req *w, const char *term)
{
	html_raw(H, "<div><dt>");
	html_raw(H, term);
	html_raw(H, "</dt><dd>");
}

static void
write_facts(struct web_req *w)
{
	const char	*source = web_text(w, Q_CONSULTATION, 0,
			    ARC_SOURCE_NAME);
	const char	*url = web_text(w, Q_CONSULTATION, 0, ARC_SOURCE_URL);
	const char	*licence = web_text(w, Q_CONSULTATION, 0, ARC_LICENCE);

	html_raw(H, "<dl class=\"facts\">\n");
	if (*source != '\0') {
		fact(w, "Plateforme d'origine");
		html_text(H, source);
		html_raw(H, "</dd></div>\n");
	}
	if (text_link_valid(url)) {
		fact(w, "Page d'origine");
		html_raw(H, "<a href=\"");
		html_text(H, url);
		html_raw(H, "\" rel=\"noopener\">");
		html_text(H, url);
		html_raw(H, "</a></dd></div>\n");
	}
	fact(w, "Dates");
	html_raw(H, "Du ");
	html_text(H, web_text(w, Q_CONSULTATION, 0, ARC_OPENS));
	html_raw(H, " au ");
	html_text(H, web_text(w, Q_CONSULTATION, 0, ARC_CLOSES));
	html_raw(H, " (première et dernière contribution)</dd></div>\n");
	fact(w, "Importée sur Agora le");
	html_text(H, web_text(w, Q_CONSULTATION, 0, ARC_IMPORTED));
	html_raw(H, "</dd></div>\n");
	fact(w, "Contributions publiées");
	ui_count(w, web_int(w, Q_CONSULTATION, 0, ARC_PROPOSALS),
	    "proposition", "propositions");
	html_raw(H, ", ");
	ui_count(w, web_int(w, Q_CONSULTATION, 0, ARC_ARGUMENTS), "argument",
	    "arguments");
	html_raw(H, ", ");
	ui_count(w, web_int(w, Q_CONSULTATION, 0, ARC_COMMENTS),
	    "commentaire", "commentaires");
	html_raw(H, "</dd></div>\n");
	if (*licence != '\0') {
		fact(w, "Licence et provenance");
		html_text(H, licence);
		html_raw(H, "</dd></div>\n");
	}
	html_raw(H, "</dl>\n");
}

/* One theme's row: its listing, its counts and its report. */
static void
write_theme_row(struct web_req *w, const char *slug, int i)
{
	const char	*theme = web_text(w, Q_THEMES, i, ART_SLUG);
	const char	*title = web_text(w, Q_THEMES, i, ART_TITLE);
	static const int cols[] = { ART_PROPOSALS, ART_ARGUMENTS, ART_COMMENTS,
			    ART_SOURCE_VOTES };
	size_t		 c;

	html_raw(H, "<tr><th scope=\"row\">");
	ui_link(w, ui_theme(w, slug, theme), title);
	html_raw(H, "</th>");
	for (c = 0; c < sizeof(cols) / sizeof(cols[0]); c++) {
		html_raw(H, "<td class=\"num\">");
		ui_number(w, web_int(w, Q_THEMES, i, cols[c]));
		html_raw(H, "</td>");
	}
	html_raw(H, "<td><a href=\"");
	html_text(H, ui_report(w, slug, theme));
	html_raw(H, "\">Rapport<span class=\"visually-hidden\"> : ");
	html_text(H, title);
	html_raw(H, "</span></a></td></tr>\n");
}

static void
write_themes(struct web_req *w, const char *slug)
{
	int	i;

	html_raw(H, "<h2 id=\"themes\">Thèmes</h2>\n"
	    "<table tabindex=\"0\">\n<caption>Les "
	    "thèmes de la consultation, leurs contributions publiées et leurs "
	    "votes sur la plateforme d'origine</caption>\n<thead><tr>"
	    "<th scope=\"col\">Thème</th>"
	    "<th scope=\"col\" class=\"num\">Propositions</th>"
	    "<th scope=\"col\" class=\"num\">Arguments</th>"
	    "<th scope=\"col\" class=\"num\">Commentaires</th>"
	    "<th scope=\"col\" class=\"num\">Votes ou soutiens (plateforme "
	    "d'origine)</th><th scope=\"col\">Rapport</th></tr></thead>\n"
	    "<tbody>\n");
	for (i = 0; i < web_rows(w, Q_THEMES); i++)
		write_theme_row(w, slug, i);
	html_raw(H, "</tbody>\n</table>\n");
}

static int
consultation_render(struct web_req *w)
{
	const char	*slug = web_text(w, Q_CONSULTATION, 0, ARC_SLUG);
	const char	*title = web_text(w, Q_CONSULTATION, 0, ARC_TITLE);

	page_begin(w, title);
	archive_crumbs(w, NULL, NULL, NULL, 0, title);
	html_raw(H, "<h1>");
	html_text(H, title);
	html_raw(H, "</h1>\n<p class=\"lead\">");
	html_text(H, web_text(w, Q_CONSULTATION, 0, ARC_SUMMARY));
	html_raw(H, "</p>\n");
	archive_notice(w, web_text(w, Q_CONSULTATION, 0, ARC_SOURCE_NAME));
	write_facts(w);
	html_raw(H, "<div class=\"prose\">\n");
	web_markdown(w, web_text(w, Q_CONSULTATION, 0, ARC_BODY), 1);
	html_raw(H, "</div>\n");
	write_themes(w, slug);
	opinion_map_write(w, Q_OPINION, 1);
	html_raw(H, "<p>Les rapports de tous les thèmes : <a href=\"");
	html_text(H, ui_consultation(w, slug));
	html_raw(H, "/rapports/\">rapports de la consultation</a>. Ses "
	    "contributions publiées figurent dans les <a href=\"" UI_EXPORT "\">"
	    "données ouvertes</a> (colonne <code>consultation</code> = "
	    "<code>");
	html_text(H, slug);
	html_raw(H, "</code>).</p>\n");
	page_end(w);
	return (web_send(w, 200));
}

/*
 * GET /consultations/:consultation. Raises 404 for an unknown slug;
 * redirects the primary consultation's slug to the home page.
 */
int
consultation_show(struct web_req *w)
{
	switch (w->step) {
	case 0:
		if (!text_slug_valid(w->args[0]))
			return (web_error(w, 404, NULL));
		return (web_query(w, Q_CONSULTATION, &sql_archive_consultation,
		    DB_TEXT(w->args[0])));
	case 1:
		if (web_rows(w, Q_CONSULTATION) != 1)
			return (web_error(w, 404, NULL));
		if (web_bool(w, Q_CONSULTATION, 0, ARC_PRIMARY))
			return (web_redirect(w, "/"));
		opinion_map_queue(w, Q_OPINION, web_int(w, Q_CONSULTATION, 0,
		    ARC_ID), 0);
		return (web_query(w, Q_THEMES, &sql_archive_themes,
		    DB_INT(web_int(w, Q_CONSULTATION, 0, ARC_ID))));
	}
	return (consultation_render(w));
}
