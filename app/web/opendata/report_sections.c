/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The sections of a theme's report (/rapports/<slug>, and an archive's),
 * from the rows reports.c gathered: charts with the same figures in a
 * table, the vote tables, the most debated proposals, the recurring terms,
 * the near-duplicate groups and the official answers. Each section says
 * how its figures are computed, so that they can be recounted from the
 * open data.
 */

#include <string.h>

#include "../../core/svg_chart.h"
#include "../../core/vocab.h"
#include "../../db/reports.h"
#include "../participation/archives.h"
#include "../shared/ui.h"
#include "report.h"

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

/* <tr><th scope="row"><a href="/propositions/<id>">title</a></th> */
static void
proposal_row(struct web_req *w, long long id, const char *title)
{
	html_raw(H, "<tr><th scope=\"row\">");
	ui_link(w, ui_proposal(w, id), title);
	html_raw(H, "</th>");
}

/* <td class="num">text</td> */
static void
num_cell(struct web_req *w, const char *text)
{
	html_raw(H, "<td class=\"num\">");
	html_text(H, text);
	html_raw(H, "</td>");
}

/* A section's start: <section> and its <h2>. */
static void
section_open(struct web_req *w, const char *id, const char *title)
{
	html_raw(H, "<section aria-labelledby=\"");
	html_text(H, id);
	html_raw(H, "\">\n<h2 id=\"");
	html_text(H, id);
	html_raw(H, "\">");
	html_text(H, title);
	html_raw(H, "</h2>\n");
}

/* The text chart_and_table() gives the chart's <desc>: "a : 1, b : 2." */
static const char *
bars_desc(struct web_req *w, const struct svg_bar *bars, int n)
{
	size_t	 len = 2;
	char	*desc, *p;
	int	 i;

	for (i = 0; i < n; i++)
		len += strlen(bars[i].label) + strlen(bars[i].value_text) + 5;
	p = desc = web_alloc(w, len);
	for (i = 0; i < n; i++) {
		if (i > 0)
			p = stpcpy(p, ", ");
		p = stpcpy(stpcpy(stpcpy(p, bars[i].label), " : "),
		    bars[i].value_text);
	}
	strcpy(p, ".");
	return (desc);
}

/*
 * A chart and the same figures in a table; extra (NULL: no such column)
 * holds a third column's cells.
 */
static void
chart_and_table(struct web_req *w, const char *id, const char *title,
    const char *head, const char *value_head, const struct svg_bar *bars,
    int n, const char *extra_head, const char *const *extra)
{
	const char	*cols[3] = { head, value_head, extra_head };
	int		 i;

	/*
	 * Below its width the chart scrolls inside its frame rather than
	 * shrink its labels out of reading (320 px: 6 px letters before).
	 */
	html_raw(H, "<div class=\"chart-frame\" tabindex=\"0\" role=\"group\" "
	    "aria-label=\"");
	html_text(H, title);
	html_raw(H, " (graphique)\">\n");
	svg_bar_chart(H, id, title, bars_desc(w, bars, n), bars, n);
	html_raw(H, "</div>\n");
	table_open(w, title, cols, extra_head ? 3 : 2);
	for (i = 0; i < n; i++) {
		html_raw(H, "<tr><th scope=\"row\">");
		html_text(H, bars[i].label);
		html_raw(H, "</th>");
		num_cell(w, bars[i].value_text);
		if (extra_head != NULL)
			num_cell(w, extra[i]);
		html_raw(H, "</tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
}

/* The bars of slot q: label and count columns, one bar a row. */
static struct svg_bar *
bars_of(struct web_req *w, int q, int label, int count)
{
	struct svg_bar	*bars;
	int		 i, n = web_rows(w, q);

	bars = web_alloc(w, (n ? n : 1) * sizeof(*bars));
	for (i = 0; i < n; i++) {
		bars[i].label = web_text(w, q, i, label);
		bars[i].value = (double)web_int(w, q, i, count);
		bars[i].value_text = web_text(w, q, i, count);
	}
	return (bars);
}

void
report_weeks(struct web_req *w)
{
	section_open(w, "semaines", "Contributions par semaine");
	if (web_rows(w, Q_WEEKS) == 0)
		html_raw(H, "<p>Aucune contribution publiée.</p>\n");
	else
		chart_and_table(w, "c-semaines",
		    "Contributions publiées par semaine", "Semaine du",
		    "Contributions", bars_of(w, Q_WEEKS, RW_LABEL,
		    RW_CONTRIBUTIONS), web_rows(w, Q_WEEKS), NULL, NULL);
	html_raw(H, "</section>\n");
}

void
report_territories(struct web_req *w)
{
	const char	**rates;
	int		  i, n = web_rows(w, Q_TERR);

	section_open(w, "departements", "Contributions par département");
	html_raw(H, "<p>Selon le département déclaré par chaque contributeur. "
	    "Taux pour 10 000 habitants : population municipale INSEE, "
	    "millésime ");
	for (i = 0; i < n; i++)
		if (!web_null(w, Q_TERR, i, RTE_VINTAGE)) {
			html_text(H, web_text(w, Q_TERR, i, RTE_VINTAGE));
			break;
		}
	html_raw(H, ".</p>\n");
	rates = web_alloc(w, (n ? n : 1) * sizeof(*rates));
	for (i = 0; i < n; i++)
		rates[i] = web_null(w, Q_TERR, i, RTE_RATE) ? "—" :
		    web_text(w, Q_TERR, i, RTE_RATE);
	chart_and_table(w, "c-departements",
	    "Contributions publiées par département", "Département",
	    "Contributions", bars_of(w, Q_TERR, RTE_NAME, RTE_CONTRIBUTIONS),
	    n, "Pour 10 000 habitants", rates);
	html_raw(H, "</section>\n");
}

/* The vote tables (consensus, divided): rows of REPORT_VOTES_COLS. */
static void
vote_table(struct web_req *w, int q, const char *id, const char *title,
    const char *caption, const char *method)
{
	static const char *const cols[] = { "Proposition", "D'accord",
	    "Mitigé", "Pas d'accord", "Indice (%)", "Réponse" };
	int	i;

	section_open(w, id, title);
	html_raw(H, "<p>");
	html_text(H, method);
	html_raw(H, "</p>\n");
	if (web_rows(w, q) == 0) {
		html_raw(H, "<p>Pas encore assez de votes.</p>\n</section>\n");
		return;
	}
	table_open(w, caption, cols, 6);
	for (i = 0; i < web_rows(w, q); i++) {
		proposal_row(w, web_int(w, q, i, RV_ID),
		    web_text(w, q, i, RV_TITLE));
		num_cell(w, web_text(w, q, i, RV_AGREE));
		num_cell(w, web_text(w, q, i, RV_MIXED));
		num_cell(w, web_text(w, q, i, RV_DISAGREE));
		num_cell(w, web_text(w, q, i, RV_SCORE));
		html_raw(H, "<td>");
		html_text(H, web_null(w, q, i, RV_ANSWER) ? "—" :
		    web_text(w, q, i, RV_ANSWER));
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n</section>\n");
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
	if (web_rows(w, Q_CONSENSUS) == 0) {
		html_raw(H, "<p>Aucun soutien.</p>\n</section>\n");
		return;
	}
	table_open(w, "Les 10 propositions les plus soutenues", cols, 2);
	for (i = 0; i < web_rows(w, Q_CONSENSUS); i++) {
		proposal_row(w, web_int(w, Q_CONSENSUS, i, RV_ID),
		    web_text(w, Q_CONSENSUS, i, RV_TITLE));
		num_cell(w, web_text(w, Q_CONSENSUS, i, RV_AGREE));
		html_raw(H, "</tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n</section>\n");
}

void
report_votes(struct web_req *w, const struct report *r)
{
	if (r->archived && !r->split) {
		supported_table(w);
		return;
	}
	vote_table(w, Q_CONSENSUS, "consensus", "Propositions qui rassemblent",
	    "Les 10 propositions à l'accord le plus large",
	    r->archived ? "Votes de la plateforme d'origine ("
	    ARCHIVE_TALLY_LABEL "). En tête, les propositions qui recueillent "
	    "le plus de « d'accord », en tenant compte du nombre de votes "
	    "(voir la méthode en fin de rapport)." :
	    "En tête, les propositions qui recueillent le plus de « d'accord », "
	    "en tenant compte du nombre de votes : une proposition approuvée "
	    "par beaucoup de votants passe devant une proposition approuvée "
	    "par très peu. L'indice va de 0 à 100 (voir la méthode en fin de "
	    "rapport).");
	vote_table(w, Q_DIVIDED, "divisent", "Propositions qui divisent",
	    "Les 10 propositions les plus partagées",
	    r->archived ? "Votes de la plateforme d'origine ("
	    ARCHIVE_TALLY_LABEL "). En tête, les propositions où « d'accord » "
	    "et « pas d'accord » s'équilibrent le mieux, sur un nombre "
	    "suffisant de votes (voir la méthode en fin de rapport)." :
	    "En tête, les propositions où « d'accord » et « pas d'accord » "
	    "s'équilibrent le mieux, sur un nombre suffisant de votes. "
	    "L'indice va de 0 à 50 : 50 pour un partage égal (voir la méthode "
	    "en fin de rapport).");
}

void
report_debated(struct web_req *w)
{
	static const char *const cols[] = { "Proposition", "Arguments pour",
	    "Arguments contre", "Commentaires", "Total" };
	int	i;

	section_open(w, "debattues", "Propositions les plus débattues");
	if (web_rows(w, Q_DEBATED) == 0) {
		html_raw(H, "<p>Aucun argument ni commentaire publié.</p>\n"
		    "</section>\n");
		return;
	}
	table_open(w, "Les 10 propositions qui ont reçu le plus d'arguments "
	    "et de commentaires", cols, 5);
	for (i = 0; i < web_rows(w, Q_DEBATED); i++) {
		proposal_row(w, web_int(w, Q_DEBATED, i, RD_ID),
		    web_text(w, Q_DEBATED, i, RD_TITLE));
		num_cell(w, web_text(w, Q_DEBATED, i, RD_POUR));
		num_cell(w, web_text(w, Q_DEBATED, i, RD_CONTRE));
		num_cell(w, web_text(w, Q_DEBATED, i, RD_COMMENTS));
		num_cell(w, web_text(w, Q_DEBATED, i, RD_TOTAL));
		html_raw(H, "</tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n</section>\n");
}

/*
 * When the analyses (terms, near duplicates) were computed: a big theme's
 * come from the cache that `agora refresh-reports` fills, and say so.
 */
static void
analysis_note(struct web_req *w)
{
	int	src = vocab_find(vocab_analysis, AN__MAX,
		    web_text(w, Q_ANALYSIS, 0, RAN_SOURCE));

	if (src == AN_LIVE)
		return;
	html_raw(H, "<p class=\"note\">");
	if (src == AN_NONE) {
		html_raw(H, "Analyse pas encore calculée pour cet enjeu : elle "
		    "est faite périodiquement en arrière-plan.</p>\n");
		return;
	}
	html_raw(H, "Calculé le ");
	html_text(H, web_text(w, Q_ANALYSIS, 0, RAN_DATE));
	html_raw(H, " à ");
	html_text(H, web_text(w, Q_ANALYSIS, 0, RAN_TIME));
	if (web_bool(w, Q_ANALYSIS, 0, RAN_STALE))
		html_raw(H, " ; <strong>à actualiser</strong> : des "
		    "contributions ont été publiées, modifiées ou masquées "
		    "depuis, le prochain calcul les prendra en compte");
	html_raw(H, ".</p>\n");
}

void
report_terms(struct web_req *w, const struct report *r)
{
	const char	*consultation = r->archived ? r->consultation : NULL;
	const char	*word;
	int		 i;

	html_raw(H, "<section aria-labelledby=\"termes\">\n<h2 id=\"termes\">"
	    "Termes récurrents</h2>\n<p>Les mots les plus fréquents des titres "
	    "et des textes (sans les mots courants comme « le », « et » ou "
	    "« pour »), avec le nombre de fois où ils apparaissent. Chaque mot mène aux contributions qui "
	    "l'emploient.</p>\n");
	analysis_note(w);
	if (web_rows(w, Q_TERMS) == 0) {
		html_raw(H, "<p>Pas encore de texte à analyser.</p>\n"
		    "</section>\n");
		return;
	}
	html_raw(H, "<ul class=\"terms\">\n");
	for (i = 0; i < web_rows(w, Q_TERMS); i++) {
		word = web_text(w, Q_TERMS, i, RTM_WORD);
		html_raw(H, "<li>");
		ui_link(w, ui_theme_search(w, consultation, r->theme, word),
		    word);
		html_raw(H, " (");
		html_text(H, web_text(w, Q_TERMS, i, RTM_OCCURRENCES));
		html_raw(H, ")</li>\n");
	}
	html_raw(H, "</ul>\n</section>\n");
}

/* The proposals of the similar pairs, each once, and their groups. */
struct groups {
	long long	*ids;
	const char	**titles;
	int		*parent;	/* union-find forest over ids */
	int		 n;
};

/* The representative of x. */
static int
uf_find(const int *parent, int x)
{
	while (parent[x] != x)
		x = parent[x];
	return (x);
}

/* The index of id in g, added (with its title) when first seen. */
static int
group_index(struct groups *g, long long id, const char *title)
{
	int	i;

	for (i = 0; i < g->n && g->ids[i] != id; i++)
		;
	if (i == g->n) {
		g->ids[i] = id;
		g->titles[i] = title;
		g->parent[i] = i;
		g->n++;
	}
	return (i);
}

/*
 * Groups the similar pairs (Q_SIMILAR) into connected groups, each rooted
 * at its proposal seen first (the pairs come by ids).
 */
static void
groups_build(struct web_req *w, struct groups *g)
{
	int	i, a, b, n = web_rows(w, Q_SIMILAR);

	g->ids = web_alloc(w, 2 * n * sizeof(*g->ids));
	g->titles = web_alloc(w, 2 * n * sizeof(*g->titles));
	g->parent = web_alloc(w, 2 * n * sizeof(*g->parent));
	for (i = 0; i < n; i++) {
		a = uf_find(g->parent, group_index(g, web_int(w, Q_SIMILAR, i,
		    RS_A_ID), web_text(w, Q_SIMILAR, i, RS_A_TITLE)));
		b = uf_find(g->parent, group_index(g, web_int(w, Q_SIMILAR, i,
		    RS_B_ID), web_text(w, Q_SIMILAR, i, RS_B_TITLE)));
		if (a != b)
			g->parent[a < b ? b : a] = a < b ? a : b;
	}
}

void
report_similar(struct web_req *w)
{
	struct groups	g = { NULL, NULL, NULL, 0 };
	int		r, j, ngroups = 0;

	html_raw(H, "<section aria-labelledby=\"doublons\">\n<h2 id=\"doublons\">"
	    "Propositions proches</h2>\n<p>Propositions dont les titres se "
	    "ressemblent beaucoup (au moins la moitié de leurs suites de trois "
	    "lettres en commun), regroupées : elles pourraient être lues ou "
	    "traitées ensemble.</p>\n");
	analysis_note(w);
	if (web_rows(w, Q_SIMILAR) == 0) {
		html_raw(H, "<p>Aucun groupe de propositions proches.</p>\n"
		    "</section>\n");
		return;
	}
	groups_build(w, &g);
	html_raw(H, "<ol class=\"groups\">\n");
	for (r = 0; r < g.n; r++) {
		if (uf_find(g.parent, r) != r)
			continue;
		ngroups++;
		html_raw(H, "<li><ul>\n");
		for (j = 0; j < g.n; j++) {
			if (uf_find(g.parent, j) != r)
				continue;
			html_raw(H, "<li>");
			ui_link(w, ui_proposal(w, g.ids[j]), g.titles[j]);
			html_raw(H, "</li>\n");
		}
		html_raw(H, "</ul></li>\n");
	}
	html_raw(H, "</ol>\n");
	html_rawf(H, "<p>%d groupe%s.</p>\n</section>\n", ngroups,
	    ngroups > 1 ? "s" : "");
}

void
report_answers(struct web_req *w)
{
	int	i, a, counts[ANS__MAX] = { 0 }, n = web_rows(w, Q_ANSWERS);

	section_open(w, "reponses", "Réponses officielles");
	for (i = 0; i < n; i++)
		if ((a = vocab_find(vocab_answer, ANS__MAX,
		    web_text(w, Q_ANSWERS, i, RAS_STATUS))) >= 0)
			counts[a]++;
	html_raw(H, "<p>");
	ui_count(w, n, "réponse", "réponses");
	html_raw(H, NBSP ": ");
	ui_count(w, counts[ANS_ADOPTED], "retenue", "retenues");
	html_raw(H, ", ");
	ui_number(w, counts[ANS_STUDIED]);
	html_raw(H, NBSP "à l'étude, ");
	ui_count(w, counts[ANS_DECLINED], "non retenue", "non retenues");
	html_raw(H, ", ");
	ui_number(w, counts[ANS_ONGOING]);
	html_raw(H, NBSP "déjà en cours.</p>\n");
	if (n == 0) {
		html_raw(H, "</section>\n");
		return;
	}
	html_raw(H, "<ul>\n");
	for (i = 0; i < n; i++) {
		html_raw(H, "<li>");
		ui_link(w, ui_proposal(w, web_int(w, Q_ANSWERS, i, RAS_ID)),
		    web_text(w, Q_ANSWERS, i, RAS_TITLE));
		html_raw(H, " : <strong>");
		html_text(H, web_text(w, Q_ANSWERS, i, RAS_LABEL));
		html_raw(H, "</strong> (");
		html_text(H, web_text(w, Q_ANSWERS, i, RAS_DATE));
		html_raw(H, ")</li>\n");
	}
	html_raw(H, "</ul>\n</section>\n");
}

/*
 * How the figures are computed, in the words of statistics and of the
 * database, for whoever recounts them: the sections above say it in plain
 * French and point here.
 */
void
report_method(struct web_req *w, const struct report *r)
{
	section_open(w, "methode", "Méthode");
	html_raw(H, "<dl class=\"method\">\n"
	    "<dt>Indice des propositions qui rassemblent</dt>\n<dd>Borne basse "
	    "de l'intervalle de confiance de Wilson à 95 % de la part de "
	    "« d'accord » parmi tous les votes (d'accord, mitigé, pas "
	    "d'accord), en pour cent.</dd>\n"
	    "<dt>Indice des propositions qui divisent</dt>\n<dd>Borne basse de "
	    "Wilson à 95 % de la part minoritaire entre « d'accord » et « pas "
	    "d'accord » (les votes « mitigé » ne comptent pas), en pour "
	    "cent.</dd>\n"
	    "<dt>Propositions proches</dt>\n<dd>Similarité de trigrammes des "
	    "titres (extension pg_trgm de PostgreSQL) d'au moins 50 %, paires "
	    "regroupées quand elles se touchent.</dd>\n"
	    "<dt>Termes récurrents</dt>\n<dd>Lexèmes de la recherche plein "
	    "texte en français des titres et des textes publiés, mots vides "
	    "exclus, comptés par occurrence.</dd>\n");
	if (!r->archived)
		html_raw(H, "<dt>Départements</dt>\n<dd>Département déclaré par "
		    "le contributeur ; taux pour 10 000 habitants de la "
		    "population municipale INSEE. La vue d'un département "
		    "(paramètre territoire) compte ses contributions par "
		    "semaine et par type à partir des mêmes totaux.</dd>\n");
	html_raw(H, "<dt>Semaines</dt>\n<dd>Du lundi au dimanche, heure de "
	    "Paris.</dd>\n</dl>\n</section>\n");
}
