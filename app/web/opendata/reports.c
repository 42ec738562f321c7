/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /rapports/ and /rapports/<slug>: the reports for elected officials and the
 * public, one per theme of the primary consultation, printable on A4. Every
 * figure comes from one plain SQL count (app/db/reports.c) so that it can be
 * recounted from the open data; the page says how each one is computed.
 *
 * The same code writes the report of an archive's theme
 * (/consultations/<slug>/rapports/<slug>): there the vote tables rank by
 * the source platform's tallies and say so, and what an archive cannot
 * have (départements, mediators, official answers, people registered
 * here) is left out.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/svg_chart.h"
#include "../../core/text.h"
#include "../../db/reports.h"
#include "../kernel/web.h"
#include "../participation/archives.h"

int	reports_index(struct web_req *);
int	reports_show(struct web_req *);
int	archive_reports_index(struct web_req *);
int	archive_report_show(struct web_req *);

/* The results of each step; S_SOURCE only for an archive. */
enum { S_THEME, S_PART, S_WEEKS, S_TERR, S_CONSENSUS, S_DIVIDED, S_DEBATED,
    S_TERMS, S_SIMILAR, S_ANSWERS, S_ANALYSIS, S_SOURCE, S__MAX };

/* Which report: a theme of the primary consultation, or of an archive. */
struct report {
	const char	*consultation;	/* an archive's slug; NULL: primary */
	const char	*theme;		/* the theme's slug */
	int		 archived;
	int		 split;		/* the source's tallies are split */
};


/* GET /rapports/: the themes with their key figures. */
int
reports_index(struct web_req *w)
{
	int	i;

	switch (w->step) {
	case 0:
		return (web_sql(w, sql_report_index, 0));
	}
	page_begin(w, "Rapports");
	html_raw(H, "<h1>Rapports de la consultation</h1>\n<p class=\"lead\">"
	    "Un rapport par enjeu, pour les élus et pour le public : "
	    "participation, propositions qui rassemblent ou qui divisent, "
	    "termes récurrents, réponses officielles. Chaque chiffre se "
	    "recalcule à partir des <a href=\"/export/\">données ouvertes</a>."
	    "</p>\n"
	    "<table tabindex=\"0\">\n"
	    "<caption>Chiffres clés par enjeu</caption>\n"
	    "<thead><tr><th scope=\"col\">Enjeu</th>"
	    "<th scope=\"col\" class=\"num\">Contributeurs</th>"
	    "<th scope=\"col\" class=\"num\">Propositions</th>"
	    "<th scope=\"col\" class=\"num\">Arguments</th>"
	    "<th scope=\"col\" class=\"num\">Commentaires</th>"
	    "<th scope=\"col\" class=\"num\">Votes</th>"
	    "<th scope=\"col\" class=\"num\">Réponses officielles</th>"
	    "</tr></thead>\n<tbody>\n");
	for (i = 0; i < web_nrows(w, 0); i++) {
		int	col;

		html_raw(H, "<tr><th scope=\"row\"><a href=\"/rapports/");
		html_url_arg(H, web_value(w, 0, i, 0));
		html_raw(H, "\">");
		html_text(H, web_value(w, 0, i, 1));
		html_raw(H, "</a></th>");
		for (col = 3; col <= 8; col++) {
			html_raw(H, "<td class=\"num\">");
			html_text(H, web_value(w, 0, i, col));
			html_raw(H, "</td>");
		}
		html_raw(H, "</tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n<p>Les rapports des consultations "
	    "archivées (importées d'autres plateformes) sont sur la page de "
	    "chacune : voir les <a href=\"/consultations/\">consultations</a>."
	    "</p>\n");
	page_end(w);
	return (web_send(w, 200));
}

/* A <table> head with the given column titles (the first is a row head). */
static void
table_open(struct web_req *w, const char *caption, const char *const *cols,
    int ncols)
{
	int	i;

	html_raw(H, "<table tabindex=\"0\">\n<caption>");
	html_text(H, caption);
	html_raw(H, "</caption>\n<thead><tr>");
	for (i = 0; i < ncols; i++) {
		html_raw(H, i == 0 ? "<th scope=\"col\">" :
		    "<th scope=\"col\" class=\"num\">");
		html_text(H, cols[i]);
		html_raw(H, "</th>");
	}
	html_raw(H, "</tr></thead>\n<tbody>\n");
}

static void
proposal_link(struct web_req *w, int slot, int row)
{
	html_raw(H, "<a href=\"/propositions/");
	html_url_arg(H, web_value(w, slot, row, 0));
	html_raw(H, "\">");
	html_text(H, web_value(w, slot, row, 1));
	html_raw(H, "</a>");
}

/* The vote tables (consensus, divided): slot rows of the same shape. */
static void
vote_table(struct web_req *w, int slot, const char *id, const char *title,
    const char *caption, const char *method)
{
	static const char *const cols[] = { "Proposition", "D'accord",
	    "Mitigé", "Pas d'accord", "Indice (%)", "Réponse" };
	int	i, c;

	html_raw(H, "<section aria-labelledby=\"");
	html_text(H, id);
	html_raw(H, "\">\n<h2 id=\"");
	html_text(H, id);
	html_raw(H, "\">");
	html_text(H, title);
	html_raw(H, "</h2>\n<p>");
	html_text(H, method);
	html_raw(H, "</p>\n");
	if (web_nrows(w, slot) == 0) {
		html_raw(H, "<p>Pas encore assez de votes.</p>\n</section>\n");
		return;
	}
	table_open(w, caption, cols, 6);
	for (i = 0; i < web_nrows(w, slot); i++) {
		html_raw(H, "<tr><th scope=\"row\">");
		proposal_link(w, slot, i);
		html_raw(H, "</th>");
		for (c = 2; c <= 5; c++) {
			html_raw(H, "<td class=\"num\">");
			html_text(H, web_value(w, slot, i, c));
			html_raw(H, "</td>");
		}
		html_raw(H, "<td>");
		html_text(H, web_isnull(w, slot, i, 6) ? "—" :
		    web_value(w, slot, i, 6));
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n</section>\n");
}

/* A chart and the same figures in a table, from slot columns. */
static void
chart_and_table(struct web_req *w, int slot, const char *id,
    const char *title, const char *head, int label_col, int value_col, const char *value_head,
    const char *extra_head, int extra_col)
{
	struct svg_bar	*bars;
	struct kore_buf	 desc;
	const char	*cols[3];
	int		 i, n = web_nrows(w, slot);

	bars = kore_calloc(n ? n : 1, sizeof(*bars));
	kore_buf_init(&desc, 256);
	for (i = 0; i < n; i++) {
		bars[i].label = web_value(w, slot, i, label_col);
		bars[i].value = strtod(web_value(w, slot, i, value_col), NULL);
		bars[i].value_text = web_value(w, slot, i, value_col);
		kore_buf_appendf(&desc, "%s%s : %s", i ? ", " : "",
		    bars[i].label, bars[i].value_text);
	}
	kore_buf_append(&desc, ".", 2);		/* with the NUL */
	svg_bar_chart(H, id, title, (const char *)desc.data, bars, n);
	cols[0] = head;
	cols[1] = value_head;
	cols[2] = extra_head;
	table_open(w, title, cols, extra_head ? 3 : 2);
	for (i = 0; i < n; i++) {
		html_raw(H, "<tr><th scope=\"row\">");
		html_text(H, bars[i].label);
		html_raw(H, "</th><td class=\"num\">");
		html_text(H, bars[i].value_text);
		html_raw(H, "</td>");
		if (extra_head != NULL) {
			html_raw(H, "<td class=\"num\">");
			html_text(H, web_isnull(w, slot, i, extra_col) ? "—" :
			    web_value(w, slot, i, extra_col));
			html_raw(H, "</td>");
		}
		html_raw(H, "</tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
	kore_buf_cleanup(&desc);
	kore_free(bars);
}

static void
figure(struct web_req *w, const char *label, const char *value)
{
	html_raw(H, "<div><dt>");
	html_text(H, label);
	html_raw(H, "</dt><dd>");
	html_text(H, value);
	html_raw(H, "</dd></div>\n");
}

/*
 * When the analyses (terms, near duplicates) were computed: a big theme's
 * come from the cache that `agora refresh-reports` fills, and say so.
 */
static void
analysis_note(struct web_req *w)
{
	const char	*src = web_value(w, S_ANALYSIS, 0, 0);

	if (strcmp(src, "live") == 0)
		return;
	html_raw(H, "<p class=\"note\">");
	if (strcmp(src, "none") == 0) {
		html_raw(H, "Analyse pas encore calculée pour cet enjeu : elle "
		    "est faite périodiquement en arrière-plan.</p>\n");
		return;
	}
	html_raw(H, "Calculé le ");
	html_text(H, web_value(w, S_ANALYSIS, 0, 1));
	html_raw(H, " à ");
	html_text(H, web_value(w, S_ANALYSIS, 0, 2));
	if (strcmp(web_value(w, S_ANALYSIS, 0, 3), "t") == 0)
		html_raw(H, " ; <strong>à actualiser</strong> : des "
		    "contributions ont été publiées, modifiées ou masquées "
		    "depuis, le prochain calcul les prendra en compte");
	html_raw(H, ".</p>\n");
}

/* The representative of x in the union-find forest parent. */
static int
uf_find(const int *parent, int x)
{
	while (parent[x] != x)
		x = parent[x];
	return (x);
}

/* Groups the similar pairs (slot S_SIMILAR) into connected groups. */
static void
similar_groups(struct web_req *w)
{
	int	 n = web_nrows(w, S_SIMILAR), *parent, i, j, k, r, groups = 0;
	long	*ids;

	html_raw(H, "<section aria-labelledby=\"doublons\">\n<h2 id=\"doublons\">"
	    "Propositions proches</h2>\n<p>Propositions dont les titres se "
	    "ressemblent (similarité de trigrammes pg_trgm d'au moins 50 %), "
	    "regroupées : elles pourraient être lues ou traitées ensemble.</p>\n");
	analysis_note(w);
	if (n == 0) {
		html_raw(H, "<p>Aucun groupe de propositions proches.</p>\n"
		    "</section>\n");
		return;
	}
	/* Union-find over the ids of both columns. */
	ids = kore_calloc(2 * n, sizeof(*ids));
	parent = kore_calloc(2 * n, sizeof(*parent));
	k = 0;
	for (i = 0; i < n; i++)
		for (j = 0; j <= 2; j += 2) {
			long id = strtol(web_value(w, S_SIMILAR, i, j), NULL,
			    10);
			for (r = 0; r < k && ids[r] != id; r++)
				;
			if (r == k) {
				ids[k] = id;
				parent[k] = k;
				k++;
			}
		}
	for (i = 0; i < n; i++) {
		long a = strtol(web_value(w, S_SIMILAR, i, 0), NULL, 10);
		long b = strtol(web_value(w, S_SIMILAR, i, 2), NULL, 10);
		int ia, ib;
		for (ia = 0; ids[ia] != a; ia++)
			;
		for (ib = 0; ids[ib] != b; ib++)
			;
		ia = uf_find(parent, ia);
		ib = uf_find(parent, ib);
		if (ia != ib)
			parent[ib < ia ? ia : ib] = ib < ia ? ib : ia;
	}
	html_raw(H, "<ol class=\"groups\">\n");
	for (r = 0; r < k; r++) {
		if (uf_find(parent, r) != r)
			continue;
		groups++;
		html_raw(H, "<li><ul>\n");
		for (j = 0; j < k; j++) {
			if (uf_find(parent, j) != r)
				continue;
			/* Find a row that names ids[j] to print its title. */
			for (i = 0; i < n; i++) {
				int c = strtol(web_value(w, S_SIMILAR, i, 0),
				    NULL, 10) == ids[j] ? 0 : strtol(web_value(
				    w, S_SIMILAR, i, 2), NULL, 10) == ids[j] ?
				    2 : -1;
				if (c < 0)
					continue;
				html_raw(H, "<li><a href=\"/propositions/");
				html_url_arg(H, web_value(w, S_SIMILAR, i, c));
				html_raw(H, "\">");
				html_text(H, web_value(w, S_SIMILAR, i, c + 1));
				html_raw(H, "</a></li>\n");
				break;
			}
		}
		html_raw(H, "</ul></li>\n");
	}
	html_raw(H, "</ol>\n");
	html_rawf(H, "<p>%d groupe%s.</p>\n</section>\n", groups,
	    groups > 1 ? "s" : "");
	kore_free(ids);
	kore_free(parent);
}

/* The statement of step: the same report, an archive's tops swapped. */
static const char *
report_sql(const struct report *r, int step)
{
	switch (step) {
	case S_PART:		return (sql_report_participation);
	case S_WEEKS:		return (sql_report_weeks);
	case S_TERR:		return (sql_report_territories);
	case S_CONSENSUS:
		if (!r->archived)
			return (sql_report_consensus);
		return (r->split ? sql_report_source_consensus :
		    sql_report_source_supported);
	case S_DIVIDED:
		return (r->archived ? sql_report_source_divided :
		    sql_report_divided);
	case S_DEBATED:		return (sql_report_debated);
	case S_TERMS:		return (sql_report_terms);
	case S_SIMILAR:		return (sql_report_similar);
	case S_ANSWERS:		return (sql_report_answers);
	case S_ANALYSIS:	return (sql_report_analysis);
	case S_SOURCE:
		return (r->archived ? sql_report_source : NULL);
	}
	return (NULL);
}

/* Writes the listing path of the report's theme. */
static void
theme_href(struct web_req *w, const struct report *r)
{
	html_text(H, ui_theme(w, r->archived ? r->consultation : NULL,
	    r->theme));
}

static void
write_head(struct web_req *w, const struct report *r)
{
	if (r->archived) {
		const struct ui_crumb	theme[] = { { ui_theme(w,
					    r->consultation, r->theme),
					    web_value(w, S_THEME, 0,
					    RTA_TITLE) } };

		archive_crumbs(w, r->consultation, web_value(w, S_THEME, 0,
		    RTA_CONSULTATION_TITLE), theme, 1, "Rapport");
	} else {
		html_raw(H, "<nav aria-label=\"Fil d'Ariane\" class=\"crumbs\">"
		    "<ol><li><a href=\"/\">Accueil</a></li><li><a href=\""
		    "/rapports/\">Rapports</a></li><li aria-current=\"page\">"
		    "Enjeu ");
		html_text(H, web_value(w, S_THEME, 0, RTA_POSITION));
		html_raw(H, "</li></ol></nav>\n");
	}
	html_raw(H, "<h1>Rapport : ");
	html_text(H, web_value(w, S_THEME, 0, RTA_TITLE));
	html_raw(H, "</h1>\n<p class=\"lead\">");
	html_text(H, web_value(w, S_THEME, 0, RTA_CONSULTATION_TITLE));
	html_raw(H, ". Contributions publiées à ce jour ; <a href=\"");
	theme_href(w, r);
	html_raw(H, r->archived ? "\">lire le thème et ses contributions</a>, "
	    "<a href=\"/export/contributions.csv\">télécharger les données "
	    "(CSV, colonnes consultation et theme)</a>.</p>\n" :
	    "\">lire l'enjeu et ses contributions</a>, <a "
	    "href=\"/export/themes/");
	if (!r->archived) {
		html_url_arg(H, r->theme);
		html_raw(H, ".csv\">télécharger les données (CSV)</a>.</p>\n");
	} else
		archive_notice(w, web_value(w, S_THEME, 0, RTA_SOURCE_NAME));
}

/* The source platform's sums (archives): labelled as the source's. */
static void
write_source_figures(struct web_req *w, const struct report *r)
{
	html_raw(H, "<h3>Sur la plateforme d'origine</h3>\n<p>Votes comptés "
	    "par la plateforme d'origine sur les propositions publiées de ce "
	    "thème (" ARCHIVE_TALLY_LABEL ").</p>\n<dl class=\"figures\">\n");
	if (r->split) {
		figure(w, "Votes", web_value(w, S_SOURCE, 0, RSO_VOTES));
		figure(w, "D'accord", web_value(w, S_SOURCE, 0, RSO_AGREE));
		figure(w, "Mitigé", web_value(w, S_SOURCE, 0, RSO_MIXED));
		figure(w, "Pas d'accord", web_value(w, S_SOURCE, 0,
		    RSO_DISAGREE));
	} else
		figure(w, "Soutiens", web_value(w, S_SOURCE, 0, RSO_VOTES));
	html_raw(H, "</dl>\n<p>Les contributeurs et votants de la plateforme "
	    "d'origine ne sont pas repris : ils ne sont comptés ni comme "
	    "contributeurs ni comme votants ici.</p>\n");
}

static void
write_participation(struct web_req *w, const struct report *r)
{
	char	pct[32];
	int	published, assisted;

	html_raw(H, "<section aria-labelledby=\"participation\">\n"
	    "<h2 id=\"participation\">Participation</h2>\n<dl class=\"figures\">\n");
	if (!r->archived) {
		figure(w, "Contributeurs", web_value(w, S_PART, 0, 0));
		figure(w, "Votants", web_value(w, S_PART, 0, 1));
	}
	figure(w, "Propositions", web_value(w, S_PART, 0, 2));
	figure(w, "Arguments", web_value(w, S_PART, 0, 3));
	figure(w, "Commentaires", web_value(w, S_PART, 0, 4));
	if (!r->archived)
		figure(w, "Votes", web_value(w, S_PART, 0, 5));
	html_raw(H, "</dl>\n");
	if (r->archived)
		write_source_figures(w, r);
	published = atoi(web_value(w, S_PART, 0, 7));
	assisted = atoi(web_value(w, S_PART, 0, 6));
	if (published > 0)
		snprintf(pct, sizeof(pct), "%d", (int)((assisted * 1000L /
		    published + 5) / 10));
	else
		snprintf(pct, sizeof(pct), "0");
	if (!r->archived) {
		html_raw(H, "<p>Contributions saisies par un médiateur "
		    "numérique (EPN) pour une personne : ");
		html_text(H, web_value(w, S_PART, 0, 6));
		html_raw(H, " sur ");
		html_text(H, web_value(w, S_PART, 0, 7));
		html_raw(H, " (");
		html_text(H, pct);
		html_raw(H, " %).</p>\n");
	}
	html_raw(H, "<p>Modération : ");
	html_text(H, web_value(w, S_PART, 0, 8));
	html_raw(H, " contribution(s) masquée(s) ou refusée(s), ");
	html_text(H, web_value(w, S_PART, 0, 9));
	html_raw(H, " en attente de modération.</p>\n"
	    "<p class=\"note\" id=\"non-recalculables\">Tous les chiffres "
	    "de ce rapport se recalculent à partir des <a href=\"/export/"
	    "#recalcul\">données ouvertes</a>, sauf le nombre de votants, les "
	    "contributions saisies par un médiateur et les contributions "
	    "masquées, refusées ou en attente (<a href=\"/export/"
	    "#non-recalculables\">pourquoi</a>).</p>\n</section>\n");
}

static void
write_territories(struct web_req *w)
{
	int	i;

	html_raw(H, "<section aria-labelledby=\"departements\">\n"
	    "<h2 id=\"departements\">Contributions par département</h2>\n<p>"
	    "Selon le département déclaré par chaque contributeur. Taux pour "
	    "10 000 habitants : population municipale INSEE, millésime ");
	for (i = 0; i < web_nrows(w, S_TERR); i++)
		if (!web_isnull(w, S_TERR, i, 3)) {
			html_text(H, web_value(w, S_TERR, i, 3));
			break;
		}
	html_raw(H, ".</p>\n");
	chart_and_table(w, S_TERR, "c-departements",
	    "Contributions publiées par département", "Département", 1, 4,
	    "Contributions", "Pour 10 000 habitants", 5);
	html_raw(H, "</section>\n");
}

/* The most supported proposals of a platform of supports (archives). */
static void
supported_table(struct web_req *w)
{
	static const char *const cols[] = { "Proposition",
	    "Soutiens (plateforme d'origine)" };
	int	i;

	html_raw(H, "<section aria-labelledby=\"consensus\">\n<h2 "
	    "id=\"consensus\">Propositions les plus soutenues</h2>\n<p>"
	    "Classées par le nombre de soutiens comptés sur la plateforme "
	    "d'origine (" ARCHIVE_TALLY_LABEL ").</p>\n");
	if (web_nrows(w, S_CONSENSUS) == 0) {
		html_raw(H, "<p>Aucun soutien.</p>\n</section>\n");
		return;
	}
	table_open(w, "Les 10 propositions les plus soutenues", cols, 2);
	for (i = 0; i < web_nrows(w, S_CONSENSUS); i++) {
		html_raw(H, "<tr><th scope=\"row\">");
		proposal_link(w, S_CONSENSUS, i);
		html_raw(H, "</th><td class=\"num\">");
		html_text(H, web_value(w, S_CONSENSUS, i, 2));
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n</section>\n");
}

static void
write_votes(struct web_req *w, const struct report *r)
{
	if (r->archived && !r->split) {
		supported_table(w);
		return;
	}
	vote_table(w, S_CONSENSUS, "consensus", "Propositions qui rassemblent",
	    "Les 10 propositions à l'accord le plus large",
	    r->archived ? "Votes de la plateforme d'origine (" 
	    ARCHIVE_TALLY_LABEL "), classés par la borne basse de "
	    "l'intervalle de Wilson à 95 % de la part de « d'accord » parmi "
	    "tous les votes." :
	    "Classées par la borne basse de l'intervalle de Wilson à 95 % de "
	    "la part de « d'accord » parmi tous les votes : une proposition "
	    "approuvée par beaucoup de votants passe devant une proposition "
	    "approuvée par très peu.");
	vote_table(w, S_DIVIDED, "divisent", "Propositions qui divisent",
	    "Les 10 propositions les plus partagées",
	    r->archived ? "Votes de la plateforme d'origine (" 
	    ARCHIVE_TALLY_LABEL "), classés par la borne basse de Wilson à "
	    "95 % de la part minoritaire entre « d'accord » et « pas "
	    "d'accord »." :
	    "Classées par la borne basse de Wilson à 95 % de la part "
	    "minoritaire entre « d'accord » et « pas d'accord » : en tête, "
	    "les propositions proches du partage égal sur un nombre suffisant "
	    "de votes.");
}

static void
write_debated(struct web_req *w)
{
	static const char *const cols[] = { "Proposition", "Arguments pour",
	    "Arguments contre", "Commentaires", "Total" };
	int	i, c;

	html_raw(H, "<section aria-labelledby=\"debattues\">\n"
	    "<h2 id=\"debattues\">Propositions les plus débattues</h2>\n");
	if (web_nrows(w, S_DEBATED) == 0) {
		html_raw(H, "<p>Aucun argument ni commentaire publié.</p>\n"
		    "</section>\n");
		return;
	}
	table_open(w, "Les 10 propositions qui ont reçu le plus d'arguments "
	    "et de commentaires", cols, 5);
	for (i = 0; i < web_nrows(w, S_DEBATED); i++) {
		html_raw(H, "<tr><th scope=\"row\">");
		proposal_link(w, S_DEBATED, i);
		html_raw(H, "</th>");
		for (c = 2; c <= 5; c++) {
			html_raw(H, "<td class=\"num\">");
			html_text(H, web_value(w, S_DEBATED, i, c));
			html_raw(H, "</td>");
		}
		html_raw(H, "</tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n</section>\n");
}

static void
write_terms(struct web_req *w, const struct report *r)
{
	int	i;

	html_raw(H, "<section aria-labelledby=\"termes\">\n<h2 id=\"termes\">"
	    "Termes récurrents</h2>\n<p>Les mots les plus fréquents des titres "
	    "et des textes (mots vides du français exclus), avec leur nombre "
	    "d'occurrences. Chaque mot mène aux contributions qui "
	    "l'emploient.</p>\n");
	analysis_note(w);
	if (web_nrows(w, S_TERMS) == 0) {
		html_raw(H, "<p>Pas encore de texte à analyser.</p>\n"
		    "</section>\n");
		return;
	}
	html_raw(H, "<ul class=\"terms\">\n");
	for (i = 0; i < web_nrows(w, S_TERMS); i++) {
		html_raw(H, "<li><a href=\"");
		theme_href(w, r);
		html_raw(H, "?q=");
		html_url_arg(H, web_value(w, S_TERMS, i, 0));
		html_raw(H, "\">");
		html_text(H, web_value(w, S_TERMS, i, 0));
		html_raw(H, "</a> (");
		html_text(H, web_value(w, S_TERMS, i, 1));
		html_raw(H, ")</li>\n");
	}
	html_raw(H, "</ul>\n</section>\n");
}

static void
write_answers(struct web_req *w)
{
	int		 i, counts[4] = { 0 };
	const char	*s;

	html_raw(H, "<section aria-labelledby=\"reponses\">\n"
	    "<h2 id=\"reponses\">Réponses officielles</h2>\n");
	for (i = 0; i < web_nrows(w, S_ANSWERS); i++) {
		s = web_value(w, S_ANSWERS, i, 2);
		counts[strcmp(s, "retenue") == 0 ? 0 : strcmp(s, "a_l_etude")
		    == 0 ? 1 : strcmp(s, "non_retenue") == 0 ? 2 : 3]++;
	}
	html_rawf(H, "<p>%d réponse(s) : %d retenue(s), %d à l'étude, "
	    "%d non retenue(s), %d déjà en cours.</p>\n",
	    web_nrows(w, S_ANSWERS), counts[0], counts[1], counts[2],
	    counts[3]);
	if (web_nrows(w, S_ANSWERS) > 0) {
		html_raw(H, "<ul>\n");
		for (i = 0; i < web_nrows(w, S_ANSWERS); i++) {
			html_raw(H, "<li>");
			proposal_link(w, S_ANSWERS, i);
			html_raw(H, " : <strong>");
			html_text(H, web_value(w, S_ANSWERS, i, 3));
			html_raw(H, "</strong> (");
			html_text(H, web_value(w, S_ANSWERS, i, 4));
			html_raw(H, ")</li>\n");
		}
		html_raw(H, "</ul>\n");
	}
	html_raw(H, "</section>\n");
}

/*
 * The report of theme r->theme: its queries step by step, then the page.
 * Raises 404 for an unknown or malformed slug; an archive's report of a
 * theme of the primary consultation redirects to /rapports/<slug>.
 */
static int
report_show(struct web_req *w, struct report *r)
{
	const char	*sql;
	char		 title[512], path[160];

	if (w->step == 0) {
		if (!text_slug_valid(r->theme) || (r->consultation != NULL &&
		    !text_slug_valid(r->consultation)))
			return (web_error(w, 404, NULL));
		if (r->consultation == NULL)
			return (web_sql(w, sql_report_theme, 1, r->theme));
		return (web_sql(w, sql_report_theme_archive, 2,
		    r->consultation, r->theme));
	}
	if (w->step == 1) {
		if (web_nrows(w, S_THEME) != 1)
			return (web_error(w, 404, NULL));
		if (r->consultation != NULL && strcmp(web_value(w, S_THEME, 0,
		    RTA_PRIMARY), "t") == 0) {
			snprintf(path, sizeof(path), "/rapports/%s", r->theme);
			return (web_redirect(w, path));
		}
		r->archived = r->consultation != NULL;
		r->split = r->archived && strcmp(web_value(w, S_THEME, 0,
		    RTA_SPLIT), "t") == 0;
	}
	if (w->step < S__MAX && (sql = report_sql(r, w->step)) != NULL)
		return (web_sql(w, sql, 1, web_value(w, S_THEME, 0,
		    RTA_ID)));

	snprintf(title, sizeof(title), "Rapport : %s",
	    web_value(w, S_THEME, 0, RTA_TITLE));
	page_begin(w, title);
	write_head(w, r);
	write_participation(w, r);
	html_raw(H, "<section aria-labelledby=\"semaines\">\n<h2 id=\"semaines\">"
	    "Contributions par semaine</h2>\n");
	if (web_nrows(w, S_WEEKS) == 0)
		html_raw(H, "<p>Aucune contribution publiée.</p>\n");
	else
		chart_and_table(w, S_WEEKS, "c-semaines",
		    "Contributions publiées par semaine", "Semaine du", 1, 2,
		    "Contributions", NULL, 0);
	html_raw(H, "</section>\n");
	/* Imported contributions have no département. */
	if (!r->archived)
		write_territories(w);
	write_votes(w, r);
	write_debated(w);
	write_terms(w, r);
	similar_groups(w);
	/* The Region answers its own consultation's proposals only. */
	if (!r->archived)
		write_answers(w);
	page_end(w);
	return (web_send(w, 200));
}

static struct report *
report_new(struct web_req *w, const char *consultation, const char *theme)
{
	struct report	*r = w->data;

	if (r == NULL) {
		r = w->data = kore_calloc(1, sizeof(*r));
		w->data_free = kore_free;
		r->consultation = consultation;
		r->theme = theme;
	}
	return (r);
}

/* GET /rapports/:slug. Raises 404 for an unknown or malformed slug. */
int
reports_show(struct web_req *w)
{
	return (report_show(w, report_new(w, NULL, w->args[0])));
}

/* GET /consultations/:consultation/rapports/:theme: an archive's report. */
int
archive_report_show(struct web_req *w)
{
	return (report_show(w, report_new(w, w->args[0], w->args[1])));
}

/*
 * GET /consultations/:consultation/rapports/: an archive's reports are
 * listed, one per theme, on its page.
 */
int
archive_reports_index(struct web_req *w)
{
	char	path[128];

	if (!text_slug_valid(w->args[0]))
		return (web_error(w, 404, NULL));
	snprintf(path, sizeof(path), "/consultations/%s#themes", w->args[0]);
	return (web_redirect(w, path));
}
