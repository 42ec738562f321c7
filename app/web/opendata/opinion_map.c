/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* The opinion map's section of a page: see opinion_map.h. */

#include <stdio.h>

#include "../../core/opinion.h"
#include "../../core/svg_chart.h"
#include "../../core/vocab.h"
#include "../../db/opinion.h"
#include "../kernel/web.h"
#include "../shared/ui.h"
#include "opinion_map.h"

/* The section's slots, from the host's first one. */
enum { OM_Q_MAP, OM_Q_GROUPS, OM_Q_HIGHLIGHTS, OM_Q_CELLS };

/* How each group is drawn (svg_scatter's series), for the text too. */
static const char *const group_mark[SVG_SERIES_MAX] = {
	"disques bleus", "carrés orange", "triangles verts", "losanges "
	"violets", "cercles gris foncé"
};

int
opinion_map_queue(struct web_req *w, int first, long long consultation,
    long long theme)
{
	web_query(w, first + OM_Q_MAP, &sql_opinion_map_of, DB_INT(consultation),
	    DB_ID(theme));
	web_query(w, first + OM_Q_GROUPS, &sql_opinion_groups_of,
	    DB_INT(consultation), DB_ID(theme));
	web_query(w, first + OM_Q_HIGHLIGHTS, &sql_opinion_highlights_of,
	    DB_INT(consultation), DB_ID(theme));
	return (web_query(w, first + OM_Q_CELLS, &sql_opinion_cells_of,
	    DB_INT(consultation), DB_ID(theme)));
}

/* "n %" of a share, rounded; "—" without votes. */
static void
write_share(struct web_req *w, long long n, long long of)
{
	if (of <= 0)
		html_raw(H, "—");
	else
		html_rawf(H, "%lld %%", (n * 100 + of / 2) / of);
}

/* "Groupe 1" etc. */
static const char *
group_name(struct web_req *w, long long grp)
{
	return (web_printf(w, "Groupe %lld", grp + 1));
}

/*
 * When it was computed and on how many votes. (Not the votes since: that
 * count reads every proposal of the scope, too much for a public page;
 * the refresh job compares them.)
 */
static void
write_computed(struct web_req *w, int q)
{
	html_raw(H, "<p class=\"hint\">Calculée le ");
	html_text(H, web_text(w, q, 0, OMM_DATE));
	html_raw(H, " à ");
	html_text(H, web_text(w, q, 0, OMM_TIME));
	html_raw(H, " sur ");
	ui_count(w, web_int(w, q, 0, OMM_VOTES), "vote", "votes");
	html_raw(H, " de ");
	ui_count(w, web_int(w, q, 0, OMM_VOTERS), "personne", "personnes");
	html_raw(H, " ; elle est recalculée quand de nouveaux votes "
	    "arrivent.</p>\n");
}

/* The scatter, with a description that says what it shows. */
static void
write_chart(struct web_req *w, int first)
{
	int			 qg = first + OM_Q_GROUPS, qc = first + OM_Q_CELLS;
	int			 i, n = web_rows(w, qc), k = web_rows(w, qg);
	struct svg_point	*pts = web_alloc(w, (n + 1) * sizeof(*pts));
	const char		*names[SVG_SERIES_MAX], *desc;

	for (i = 0; i < n; i++) {
		pts[i].cx = (int)web_int(w, qc, i, OMC_CX);
		pts[i].cy = (int)web_int(w, qc, i, OMC_CY);
		pts[i].series = (int)web_int(w, qc, i, OMC_GRP);
		pts[i].count = (unsigned)web_int(w, qc, i, OMC_PEOPLE);
	}
	desc = web_printf(w, "Nuage de points : chaque personne qui a voté est "
	    "placée selon ses votes, deux personnes proches ayant voté de "
	    "façon semblable ; la taille d'une marque dit combien de "
	    "personnes se trouvent au même endroit.");
	for (i = 0; i < k && i < SVG_SERIES_MAX; i++) {
		names[i] = group_name(w, web_int(w, qg, i, OMG_GRP));
		desc = web_printf(w, "%s %s : %s, %lld personnes.", desc,
		    names[i], group_mark[i], web_int(w, qg, i, OMG_SIZE));
	}
	desc = web_printf(w, "%s Petits disques gris : personnes placées avec "
	    "moins de 7 votes, qui ne forment pas les groupes. Le tableau "
	    "qui suit donne les mêmes groupes.", desc);
	svg_scatter(H, "c-opinions", "Carte des opinions", desc, OPINION_GRID,
	    pts, (size_t)n, names, (size_t)(k < SVG_SERIES_MAX ? k :
	    SVG_SERIES_MAX), "Moins de 7 votes");
}

/* The table of the groups: the chart's figures as text. */
static void
write_groups_table(struct web_req *w, int first)
{
	int		q = first + OM_Q_GROUPS, i, k = web_rows(w, q);
	long long	total = 0;

	for (i = 0; i < k; i++)
		total += web_int(w, q, i, OMG_SIZE);
	html_raw(H, "<table tabindex=\"0\">\n<caption>Groupes d'opinion</caption>\n<thead><tr>"
	    "<th scope=\"col\">Groupe</th><th scope=\"col\">Marque sur la "
	    "carte</th><th scope=\"col\">Personnes</th><th scope=\"col\">Part "
	    "des personnes classées</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < k; i++) {
		html_raw(H, "<tr><th scope=\"row\">");
		html_text(H, group_name(w, web_int(w, q, i, OMG_GRP)));
		html_raw(H, "</th><td>");
		html_text(H, i < SVG_SERIES_MAX ? group_mark[i] : "");
		html_raw(H, "</td><td>");
		ui_number(w, web_int(w, q, i, OMG_SIZE));
		html_raw(H, "</td><td>");
		write_share(w, web_int(w, q, i, OMG_SIZE), total);
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
}

/* One listed proposal: its link, then its shares. */
static void
write_highlight(struct web_req *w, int q, int i, int consensus)
{
	int	side = vocab_find(vocab_opinion_side, OMSIDE__MAX,
		    web_text(w, q, i, OMH_SIDE));

	html_raw(H, "<li>");
	ui_link(w, ui_proposal(w, web_int(w, q, i, OMH_PROPOSAL)),
	    web_text(w, q, i, OMH_TITLE));
	html_raw(H, " — ");
	write_share(w, web_int(w, q, i, OMH_SUCCESS), web_int(w, q, i,
	    OMH_TRIALS));
	html_raw(H, side == OMSIDE_DISAGREE ? " pas d'accord" : " d'accord");
	if (consensus)
		html_raw(H, " dans l'ensemble des groupes");
	else {
		html_raw(H, " dans ce groupe, ");
		write_share(w, web_int(w, q, i, OMH_REST_SUCCESS),
		    web_int(w, q, i, OMH_REST_TRIALS));
		html_raw(H, " chez les autres (");
		html_text(H, side == -1 ? "" : vocab_opinion_side[side].label);
		html_raw(H, ")");
	}
	html_raw(H, "</li>\n");
}

/* Each group's distinctive proposals, then those that bring all together. */
static void
write_lists(struct web_req *w, int first)
{
	int		qg = first + OM_Q_GROUPS, qh = first + OM_Q_HIGHLIGHTS;
	int		g, i, k = web_rows(w, qg), n = web_rows(w, qh), shown;
	long long	grp;

	for (g = 0; g < k; g++) {
		grp = web_int(w, qg, g, OMG_GRP);
		html_raw(H, "<h3>");
		html_text(H, group_name(w, grp));
		html_raw(H, " (");
		ui_count(w, web_int(w, qg, g, OMG_SIZE), "personne",
		    "personnes");
		html_raw(H, ") : les propositions qui le distinguent</h3>\n<ul>\n");
		for (shown = 0, i = 0; i < n; i++)
			if (web_int(w, qh, i, OMH_GRP) == grp) {
				write_highlight(w, qh, i, 0);
				shown++;
			}
		if (shown == 0)
			html_raw(H, "<li>Aucune proposition publique ne le "
			    "distingue nettement.</li>\n");
		html_raw(H, "</ul>\n");
	}
	html_raw(H, "<h3>Les propositions qui rassemblent</h3>\n");
	for (shown = 0, i = 0; i < n; i++)
		if (web_int(w, qh, i, OMH_GRP) == -1) {
			html_raw(H, shown++ == 0 ? "<p>Une majorité de chaque "
			    "groupe est d'accord avec :</p>\n<ul>\n" : "");
			write_highlight(w, qh, i, 1);
		}
	html_raw(H, shown ? "</ul>\n" : "<p>Aucune proposition ne recueille "
	    "l'accord d'une majorité de chacun des groupes.</p>\n");
}

void
opinion_map_write(struct web_req *w, int first, int archived)
{
	int	q = first + OM_Q_MAP, reason;

	html_raw(H, "<section aria-labelledby=\"carte-opinions\">\n<h2 "
	    "id=\"carte-opinions\">Carte des opinions</h2>\n");
	if (archived && (web_rows(w, q) != 1 || vocab_find(
	    vocab_opinion_reason, OMR__MAX, web_text(w, q, 0, OMM_REASON)) ==
	    OMR_NO_VOTES)) {
		html_raw(H, "<p>La plateforme d'origine n'a pas publié les votes "
		    "de chaque participant : sans eux, pas de carte des "
		    "opinions.</p>\n</section>\n");
		return;
	}
	if (web_rows(w, q) != 1) {
		html_raw(H, "<p>La carte des opinions n'a pas encore été "
		    "calculée ici.</p>\n</section>\n");
		return;
	}
	reason = vocab_find(vocab_opinion_reason, OMR__MAX,
	    web_text(w, q, 0, OMM_REASON));
	if (reason != OMR_MAPPED || web_rows(w, first + OM_Q_GROUPS) < 2) {
		html_raw(H, "<p>");
		html_text(H, reason > OMR_MAPPED ?
		    opinion_reason_text((enum opinion_reason)reason) :
		    opinion_reason_text(OPINION_TOO_FEW_VOTERS));
		html_raw(H, "</p>\n");
		write_computed(w, q);
		html_raw(H, "</section>\n");
		return;
	}
	html_raw(H, "<p>Les personnes sont placées sur la carte selon leurs "
	    "votes : deux personnes proches ont voté de façon semblable. "
	    "Celles qui ont voté sur au moins 7 propositions forment ");
	ui_count(w, web_rows(w, first + OM_Q_GROUPS), "groupe", "groupes");
	html_raw(H, " d'opinion (la méthode de Pol.is). Aucun groupe de moins "
	    "de 10 personnes n'est montré, et le groupe d'une personne n'est "
	    "jamais publié : chacun voit le sien dans son compte (<a href=\""
	    UI_PRIVACY "\">données personnelles</a>).</p>\n");
	write_computed(w, q);
	write_chart(w, first);
	write_groups_table(w, first);
	write_lists(w, first);
	html_raw(H, "</section>\n");
}
