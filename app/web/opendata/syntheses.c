/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /syntheses/<slug>: the synthesis of a theme as the secretariat
 * published it last (issue 16, item 2), printable on A4, each citation
 * [#N] a link to the contribution with its title, with how many
 * contributions it cites and how many of the theme's public contributions
 * no citation covers. /export/syntheses.json: every published synthesis,
 * Licence Ouverte. Drafts and versions: synthesis_edit.c.
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/markdown.h"
#include "../../core/roles.h"
#include "../../core/synthesis.h"
#include "../../db/syntheses.h"
#include "../kernel/app.h"
#include "../shared/ui.h"
#include "syntheses.h"

int	synthesis_show(struct web_req *);
int	synthesis_export(struct web_req *);

enum { Q_SYNTHESIS, Q_REFS, Q_EXPORT, Q__MAX };

void
synthesis_body_write(struct web_req *w, const char *body, int refs_slot)
{
	struct citation_ref	*refs;
	char			*html;
	int			 i, n = web_rows(w, refs_slot);

	refs = web_alloc(w, sizeof(*refs) * (size_t)(n > 0 ? n : 1));
	for (i = 0; i < n; i++) {
		refs[i].id = web_int(w, refs_slot, i, SR_ID);
		refs[i].title = web_text(w, refs_slot, i, SR_TITLE);
		refs[i].href = web_text(w, refs_slot, i, SR_HREF);
		refs[i].slug = web_null(w, refs_slot, i, SR_SLUG) ? NULL :
		    web_text(w, refs_slot, i, SR_SLUG);
	}
	if ((html = markdown_render(body, strlen(body), 1)) == NULL)
		fatal("markdown_render: out of memory");
	html_raw(H, "<div class=\"prose synthesis-text\">");
	citations_html(H, html, refs, (size_t)n);
	html_raw(H, "</div>\n");
	free(html);
}

/* Version, date, who; the counts. */
static void
write_meta(struct web_req *w)
{
	long long	cited = web_int(w, Q_SYNTHESIS, 0, SY_CITED);
	long long	uncovered = web_int(w, Q_SYNTHESIS, 0, SY_UNCOVERED);

	html_raw(H, "<p class=\"synthesis-meta\">");
	html_rawf(H, "Version %lld, publiée le ",
	    web_int(w, Q_SYNTHESIS, 0, SY_NUMBER));
	html_text(H, web_text(w, Q_SYNTHESIS, 0, SY_PUBLISHED));
	html_raw(H, " par ");
	html_text(H, web_text(w, Q_SYNTHESIS, 0, SY_PUBLISHER));
	html_raw(H, " (secrétariat).");
	if (!web_null(w, Q_SYNTHESIS, 0, SY_LOG))
		ui_log_line(w, web_int(w, Q_SYNTHESIS, 0, SY_LOG));
	html_raw(H, "</p>\n<ul class=\"synthesis-"
	    "figures\">\n<li id=\"citees\">Contributions citées" NBSP ": ");
	ui_number(w, cited);
	html_raw(H, "</li>\n<li id=\"non-couvertes\">Contributions du thème "
	    "qu'aucune citation ne couvre" NBSP ": ");
	ui_number(w, uncovered);
	html_raw(H, " sur ");
	ui_count(w, web_int(w, Q_SYNTHESIS, 0, SY_CONTRIBUTIONS),
	    "contribution publique", "contributions publiques");
	html_raw(H, "</li>\n</ul>\n");
}

/* Where to go from here: the theme, its report, the open data. */
static void
write_links(struct web_req *w, const char *slug)
{
	html_raw(H, "<h2 id=\"voir-aussi\">Voir aussi</h2>\n<ul>\n<li>");
	ui_link(w, ui_theme(w, NULL, slug), "Les contributions du thème");
	html_raw(H, "</li>\n<li>");
	ui_link(w, ui_report(w, NULL, slug), "Le rapport du thème");
	html_raw(H, "</li>\n<li>");
	ui_link(w, UI_EXPORT_SYNTHESES, "Les synthèses en données ouvertes "
	    "(JSON, Licence Ouverte)");
	html_raw(H, "</li>\n");
	if (w->sess.roles & ROLE_SECRETARIAT) {
		html_raw(H, "<li>");
		ui_link(w, ui_synthesis(w, slug, "modifier"),
		    "Modifier la synthèse (secrétariat)");
		html_raw(H, "</li>\n");
	}
	html_raw(H, "</ul>\n");
}

/*
 * GET /syntheses/:slug. Raises 404 for an unknown theme, or one whose
 * synthesis is not published yet.
 */
int
synthesis_show(struct web_req *w)
{
	const char		*slug = w->args[0], *title;
	struct ui_crumb		 steps[1];

	if (w->step == 0) {
		web_query(w, Q_REFS, &sql_synthesis_refs, DB_TEXT(slug),
		    DB_INT(0));
		return (web_query(w, Q_SYNTHESIS, &sql_synthesis_public,
		    DB_TEXT(slug)));
	}
	if (web_rows(w, Q_SYNTHESIS) != 1)
		return (web_error(w, 404, NULL));
	if (web_null(w, Q_SYNTHESIS, 0, SY_NUMBER))
		return (web_error(w, 404, "La synthèse de ce thème n'est pas "
		    "encore publiée. Revenez plus tard, ou lisez les "
		    "contributions du thème."));
	title = web_text(w, Q_SYNTHESIS, 0, SY_TITLE);
	steps[0].path = ui_theme(w, NULL, slug);
	steps[0].label = title;
	page_begin(w, web_printf(w, "Synthèse" NBSP ": %s", title));
	ui_crumbs(w, steps, 1, "Synthèse");
	html_raw(H, "<article class=\"synthesis\">\n<h1>Synthèse" NBSP ": ");
	html_text(H, title);
	html_raw(H, "</h1>\n");
	write_meta(w);
	synthesis_body_write(w, web_text(w, Q_SYNTHESIS, 0, SY_BODY), Q_REFS);
	html_raw(H, "</article>\n");
	write_links(w, slug);
	page_end(w);
	return (web_send(w, 200));
}

/* GET /export/syntheses.json: every published synthesis. */
int
synthesis_export(struct web_req *w)
{
	if (w->step == 0)
		return (web_query(w, Q_EXPORT, &sql_synthesis_export));
	if (web_rows(w, Q_EXPORT) != 1)
		return (web_error(w, 500, NULL));
	html_raw(H, web_text(w, Q_EXPORT, 0, SX_JSON));
	html_raw(H, "\n");
	http_response_header(w->req, "content-disposition",
	    "inline; filename=\"syntheses.json\"");
	http_response_header(w->req, "access-control-allow-origin", "*");
	return (web_send_type(w, 200, "application/json; charset=utf-8"));
}
