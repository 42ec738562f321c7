/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /rapports/ and /rapports/<slug>: the reports for elected officials and the
 * public, one per theme of the primary consultation, printable on A4. Every
 * figure comes from one plain SQL count (app/db/reports.c) so that it can be
 * recounted from the open data; the page says how each one is computed.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/svg_chart.h"
#include "../core/text.h"
#include "../db/reports.h"
#include "web.h"

int	reports_index(struct web_req *);
int	reports_show(struct web_req *);

enum { S_THEME, S_PART, S_WEEKS, S_TERR, S_CONSENSUS, S_DIVIDED, S_DEBATED,
    S_TERMS, S_SIMILAR, S_ANSWERS, S_ANALYSIS, S__MAX };


/* GET /rapports/: the themes with their key figures. */
int
reports_index(struct web_req *w)
{
	int	i;

	switch (w->step) {
	case 0:
		return (web_query(w, sql_report_index, 0));
	}
	page_begin(w, "Rapports");
	html_raw(H, "<h1>Rapports de la consultation</h1>\n<p class=\"lead\">"
	    "Un rapport par enjeu, pour les élus et pour le public : "
	    "participation, propositions qui rassemblent ou qui divisent, "
	    "termes récurrents, réponses officielles. Chaque chiffre se "
	    "recalcule à partir des <a href=\"/export/\">données ouvertes</a>."
	    "</p>\n<table>\n<caption>Chiffres clés par enjeu</caption>\n"
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
	html_raw(H, "</tbody>\n</table>\n");
	page_end(w);
	return (web_send(w, 200));
}

/* A <table> head with the given column titles (the first is a row head). */
static void
table_open(struct web_req *w, const char *caption, const char *const *cols,
    int ncols)
{
	int	i;

	html_raw(H, "<table>\n<caption>");
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

/* GET /rapports/:slug. Raises 404 for an unknown or malformed slug. */
int
reports_show(struct web_req *w)
{
	const char	*tid, *sql = NULL;
	char		 pct[32], title[512];
	int		 i, published, assisted, counts[4] = { 0 };

	if (w->step == 0) {
		if (!text_slug_valid(w->args[0]))
			return (web_error(w, 404, NULL));
		return (web_query(w, sql_report_theme, 1, w->args[0]));
	}
	if (w->step == 1 && web_nrows(w, S_THEME) != 1)
		return (web_error(w, 404, NULL));
	tid = web_value(w, S_THEME, 0, 0);
	switch (w->step) {
	case S_PART:		sql = sql_report_participation; break;
	case S_WEEKS:		sql = sql_report_weeks; break;
	case S_TERR:		sql = sql_report_territories; break;
	case S_CONSENSUS:	sql = sql_report_consensus; break;
	case S_DIVIDED:		sql = sql_report_divided; break;
	case S_DEBATED:		sql = sql_report_debated; break;
	case S_TERMS:		sql = sql_report_terms; break;
	case S_SIMILAR:		sql = sql_report_similar; break;
	case S_ANSWERS:		sql = sql_report_answers; break;
	case S_ANALYSIS:	sql = sql_report_analysis; break;
	}
	if (sql != NULL)
		return (web_query(w, sql, 1, tid));

	snprintf(title, sizeof(title), "Rapport : %s",
	    web_value(w, S_THEME, 0, 2));
	page_begin(w, title);
	html_raw(H, "<nav aria-label=\"Fil d'Ariane\" class=\"crumbs\"><ol>"
	    "<li><a href=\"/\">Accueil</a></li><li><a href=\"/rapports/\">"
	    "Rapports</a></li><li aria-current=\"page\">Enjeu ");
	html_text(H, web_value(w, S_THEME, 0, 3));
	html_raw(H, "</li></ol></nav>\n<h1>Rapport : ");
	html_text(H, web_value(w, S_THEME, 0, 2));
	html_raw(H, "</h1>\n<p class=\"lead\">");
	html_text(H, web_value(w, S_THEME, 0, 4));
	html_raw(H, ". Contributions publiées à ce jour ; <a href=\"/themes/");
	html_url_arg(H, web_value(w, S_THEME, 0, 1));
	html_raw(H, "\">lire l'enjeu et ses contributions</a>, <a "
	    "href=\"/export/themes/");
	html_url_arg(H, web_value(w, S_THEME, 0, 1));
	html_raw(H, ".csv\">télécharger les données (CSV)</a>.</p>\n");

	/* Participation. */
	html_raw(H, "<section aria-labelledby=\"participation\">\n"
	    "<h2 id=\"participation\">Participation</h2>\n<dl class=\"figures\">\n");
	figure(w, "Contributeurs", web_value(w, S_PART, 0, 0));
	figure(w, "Votants", web_value(w, S_PART, 0, 1));
	figure(w, "Propositions", web_value(w, S_PART, 0, 2));
	figure(w, "Arguments", web_value(w, S_PART, 0, 3));
	figure(w, "Commentaires", web_value(w, S_PART, 0, 4));
	figure(w, "Votes", web_value(w, S_PART, 0, 5));
	html_raw(H, "</dl>\n");
	published = atoi(web_value(w, S_PART, 0, 7));
	assisted = atoi(web_value(w, S_PART, 0, 6));
	if (published > 0)
		snprintf(pct, sizeof(pct), "%d", (int)((assisted * 1000L /
		    published + 5) / 10));
	else
		snprintf(pct, sizeof(pct), "0");
	html_raw(H, "<p>Contributions saisies par un médiateur numérique "
	    "(EPN) pour une personne : ");
	html_text(H, web_value(w, S_PART, 0, 6));
	html_raw(H, " sur ");
	html_text(H, web_value(w, S_PART, 0, 7));
	html_raw(H, " (");
	html_text(H, pct);
	html_raw(H, " %).</p>\n<p>Modération : ");
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

	/* Per week. */
	html_raw(H, "<section aria-labelledby=\"semaines\">\n<h2 id=\"semaines\">"
	    "Contributions par semaine</h2>\n");
	if (web_nrows(w, S_WEEKS) == 0)
		html_raw(H, "<p>Aucune contribution publiée.</p>\n");
	else
		chart_and_table(w, S_WEEKS, "c-semaines",
		    "Contributions publiées par semaine", "Semaine du", 1, 2,
		    "Contributions", NULL, 0);
	html_raw(H, "</section>\n");

	/* Per département. */
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

	vote_table(w, S_CONSENSUS, "consensus", "Propositions qui rassemblent",
	    "Les 10 propositions à l'accord le plus large",
	    "Classées par la borne basse de l'intervalle de Wilson à 95 % de "
	    "la part de « d'accord » parmi tous les votes : une proposition "
	    "approuvée par beaucoup de votants passe devant une proposition "
	    "approuvée par très peu.");
	vote_table(w, S_DIVIDED, "divisent", "Propositions qui divisent",
	    "Les 10 propositions les plus partagées",
	    "Classées par la borne basse de Wilson à 95 % de la part "
	    "minoritaire entre « d'accord » et « pas d'accord » : en tête, "
	    "les propositions proches du partage égal sur un nombre suffisant "
	    "de votes.");

	/* Most debated. */
	html_raw(H, "<section aria-labelledby=\"debattues\">\n"
	    "<h2 id=\"debattues\">Propositions les plus débattues</h2>\n");
	if (web_nrows(w, S_DEBATED) == 0)
		html_raw(H, "<p>Aucun argument ni commentaire publié.</p>\n");
	else {
		static const char *const cols[] = { "Proposition",
		    "Arguments pour", "Arguments contre", "Commentaires",
		    "Total" };
		int	c;

		table_open(w, "Les 10 propositions qui ont reçu le plus "
		    "d'arguments et de commentaires", cols, 5);
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
		html_raw(H, "</tbody>\n</table>\n");
	}
	html_raw(H, "</section>\n");

	/* Recurring terms. */
	html_raw(H, "<section aria-labelledby=\"termes\">\n<h2 id=\"termes\">"
	    "Termes récurrents</h2>\n<p>Les mots les plus fréquents des titres "
	    "et des textes (mots vides du français exclus), avec leur nombre "
	    "d'occurrences. Chaque mot mène aux contributions qui "
	    "l'emploient.</p>\n");
	analysis_note(w);
	if (web_nrows(w, S_TERMS) == 0)
		html_raw(H, "<p>Pas encore de texte à analyser.</p>\n");
	else {
		html_raw(H, "<ul class=\"terms\">\n");
		for (i = 0; i < web_nrows(w, S_TERMS); i++) {
			html_raw(H, "<li><a href=\"/themes/");
			html_url_arg(H, web_value(w, S_THEME, 0, 1));
			html_raw(H, "?q=");
			html_url_arg(H, web_value(w, S_TERMS, i, 0));
			html_raw(H, "\">");
			html_text(H, web_value(w, S_TERMS, i, 0));
			html_raw(H, "</a> (");
			html_text(H, web_value(w, S_TERMS, i, 1));
			html_raw(H, ")</li>\n");
		}
		html_raw(H, "</ul>\n");
	}
	html_raw(H, "</section>\n");

	similar_groups(w);

	/* Official answers. */
	html_raw(H, "<section aria-labelledby=\"reponses\">\n"
	    "<h2 id=\"reponses\">Réponses officielles</h2>\n");
	for (i = 0; i < web_nrows(w, S_ANSWERS); i++) {
		const char *s = web_value(w, S_ANSWERS, i, 2);
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
	page_end(w);
	return (web_send(w, 200));
}
