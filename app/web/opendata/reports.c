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
 *
 * A report costs two round trips: the theme, then every figure at once
 * (they all depend on the theme's id alone).
 */

#include <string.h>

#include "../../core/text.h"
#include "../../db/assisted.h"
#include "../../db/franceconnect.h"
#include "../../db/reports.h"
#include "../../db/syntheses.h"
#include "../kernel/web.h"
#include "../participation/archives.h"
#include "../shared/ui.h"
#include "report.h"
#include "opinion_map.h"
#include "topics.h"

int	reports_index(struct web_req *);
int	reports_show(struct web_req *);
int	archive_reports_index(struct web_req *);
int	archive_report_show(struct web_req *);

enum { QI_THEMES, QI__MAX };

/* Whether the theme's synthesis is published: after the topics' slots. */
#define Q_SYNTHESIS_STATE	(Q__MAX + OPINION_MAP_SLOTS + TOPICS_SLOTS)
#define Q_FC_VERIFIED		(Q_SYNTHESIS_STATE + 1)	/* FranceConnect */
/* A slot past the request's last is fatal at run time: refuse to build. */
_Static_assert(Q_SYNTHESIS_STATE < WEB_MAX_RESULTS,
    "the report page queues more results than a request holds");

#define TERRITORY_UNKNOWN	"Le département demandé (paramètre "	\
	"« territoire ») n'existe pas. Choisissez-le dans la liste."

/* GET /rapports/: the themes with their key figures. */
int
reports_index(struct web_req *w)
{
	static const int	cols[] = { RI_CONTRIBUTORS, RI_PROPOSALS,
				    RI_ARGUMENTS, RI_COMMENTS, RI_VOTES,
				    RI_ANSWERS };
	size_t			c;
	int			i;

	if (w->step == 0)
		return (web_query(w, QI_THEMES, &sql_report_index));
	page_begin(w, "Rapports");
	html_raw(H, "<h1>Rapports de la consultation</h1>\n<p class=\"lead\">"
	    "Un rapport par enjeu, pour les élus et pour le public : "
	    "participation, propositions qui rassemblent ou qui divisent, "
	    "termes récurrents, réponses officielles. Chaque chiffre se "
	    "recalcule à partir des <a href=\"" UI_EXPORT "\">données "
	    "ouvertes</a>.</p>\n<table tabindex=\"0\">\n<caption>Chiffres clés par enjeu"
	    "</caption>\n<thead><tr><th scope=\"col\">Enjeu</th>"
	    "<th scope=\"col\" class=\"num\">Contributeurs</th>"
	    "<th scope=\"col\" class=\"num\">Propositions</th>"
	    "<th scope=\"col\" class=\"num\">Arguments</th>"
	    "<th scope=\"col\" class=\"num\">Commentaires</th>"
	    "<th scope=\"col\" class=\"num\">Votes</th>"
	    "<th scope=\"col\" class=\"num\">Réponses officielles</th>"
	    "</tr></thead>\n<tbody>\n");
	for (i = 0; i < web_rows(w, QI_THEMES); i++) {
		html_raw(H, "<tr><th scope=\"row\">");
		ui_link(w, ui_report(w, NULL, web_text(w, QI_THEMES, i,
		    RI_SLUG)), web_text(w, QI_THEMES, i, RI_TITLE));
		html_raw(H, "</th>");
		for (c = 0; c < sizeof(cols) / sizeof(cols[0]); c++) {
			html_raw(H, "<td class=\"num\">");
			ui_number(w, web_int(w, QI_THEMES, i, cols[c]));
			html_raw(H, "</td>");
		}
		html_raw(H, "</tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n<p>Les rapports des consultations "
	    "archivées (importées d'autres plateformes) sont sur la page de "
	    "chacune : voir les <a href=\"" UI_CONSULTATIONS "\">"
	    "consultations</a>.</p>\n");
	page_end(w);
	return (web_send(w, 200));
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

static void
write_head(struct web_req *w, const struct report *r)
{
	const char	*title = web_text(w, Q_THEME, 0, RTA_TITLE);
	const char	*consultation = web_text(w, Q_THEME, 0,
			    RTA_CONSULTATION_TITLE);

	if (r->archived) {
		const struct ui_crumb	theme[] = { { ui_theme(w,
					    r->consultation, r->theme), title } };

		archive_crumbs(w, r->consultation, consultation, theme, 1,
		    "Rapport");
	} else {
		const struct ui_crumb	reports[] = { { UI_REPORTS,
					    "Rapports" } };

		ui_crumbs(w, reports, 1, web_printf(w, "Enjeu %s", web_text(w,
		    Q_THEME, 0, RTA_POSITION)));
	}
	html_raw(H, "<h1>Rapport : ");
	html_text(H, title);
	html_raw(H, "</h1>\n<p class=\"lead\">");
	html_text(H, consultation);
	html_raw(H, ". Contributions publiées à ce jour ; <a href=\"");
	html_text(H, ui_theme(w, r->archived ? r->consultation : NULL,
	    r->theme));
	if (r->archived) {
		html_raw(H, "\">lire le thème et ses contributions</a>, "
		    "<a href=\"" UI_EXPORT_CSV "\">télécharger les données "
		    "(CSV, colonnes consultation et theme)</a>.</p>\n");
		archive_notice(w, web_text(w, Q_THEME, 0, RTA_SOURCE_NAME));
		return;
	}
	html_raw(H, "\">lire l'enjeu et ses contributions</a>, <a href=\"");
	html_text(H, ui_export_theme(w, r->theme, "csv"));
	html_raw(H, "\">télécharger les données (CSV)</a>.</p>\n");
}

/* When the figures were read: on screen and on paper. */
static void
write_extracted(struct web_req *w)
{
	html_raw(H, "<p class=\"extracted\">Données extraites le ");
	html_text(H, web_text(w, Q_THEME, 0, RTA_EXTRACTED_DATE));
	html_raw(H, " à ");
	html_text(H, web_text(w, Q_THEME, 0, RTA_EXTRACTED_TIME));
	html_raw(H, " (heure de Paris).</p>\n");
}

/*
 * The choice of a département (a GET form, no JavaScript) and, in one
 * département's view, what it covers.
 */
static void
write_territory_choice(struct web_req *w, const struct report *r)
{
	const char	*code;
	int		 i;

	if (r->territory != NULL) {
		html_raw(H, "<p class=\"territory-view\">Vue du département : <strong>");
		html_text(H, r->territory_name);
		html_raw(H, "</strong>. La participation et les contributions "
		    "par semaine ne comptent que les contributions de ce "
		    "département ; les autres sections portent sur tout "
		    "l'enjeu. <a href=\"");
		html_text(H, ui_report(w, NULL, r->theme));
		html_raw(H, "\">Voir tout l'enjeu</a>.</p>\n");
	}
	html_raw(H, "<form method=\"get\" action=\"");
	html_text(H, ui_report(w, NULL, r->theme));
	html_raw(H, "\" class=\"filters\" aria-label=\"Rapport d'un "
	    "département\">\n<div class=\"field\"><label for=\"f-territoire\">"
	    "Département</label>\n<select id=\"f-territoire\" name=\""
	    "territoire\">\n<option value=\"\">Tous</option>\n");
	for (i = 0; i < web_rows(w, Q_TERR); i++) {
		code = web_text(w, Q_TERR, i, RTE_CODE);
		if (*code == '\0')
			continue;	/* "Non renseigné" */
		html_raw(H, "<option value=\"");
		html_text(H, code);
		html_raw(H, r->territory && strcmp(r->territory, code) == 0 ?
		    "\" selected>" : "\">");
		html_text(H, web_text(w, Q_TERR, i, RTE_NAME));
		html_raw(H, "</option>\n");
	}
	html_raw(H, "</select></div>\n<p><button type=\"submit\">Afficher"
	    "</button></p>\n</form>\n");
}

/* The source platform's sums (archives): labelled as the source's. */
static void
write_source_figures(struct web_req *w, const struct report *r)
{
	html_raw(H, "<h3>Sur la plateforme d'origine</h3>\n<p>Votes comptés "
	    "par la plateforme d'origine sur les propositions publiées de ce "
	    "thème (" ARCHIVE_TALLY_LABEL ").</p>\n<dl class=\"figures\">\n");
	if (r->split) {
		figure(w, "Votes", web_text(w, Q_SOURCE, 0, RSO_VOTES));
		figure(w, "D'accord", web_text(w, Q_SOURCE, 0, RSO_AGREE));
		figure(w, "Mitigé", web_text(w, Q_SOURCE, 0, RSO_MIXED));
		figure(w, "Pas d'accord", web_text(w, Q_SOURCE, 0,
		    RSO_DISAGREE));
	} else
		figure(w, "Soutiens", web_text(w, Q_SOURCE, 0, RSO_VOTES));
	html_raw(H, "</dl>\n<p>Les contributeurs et votants de la plateforme "
	    "d'origine ne sont pas repris : ils ne sont comptés ni comme "
	    "contributeurs ni comme votants ici.</p>\n");
}

/* Contributions entered by a mediator, and their share (primary only). */
static void
write_assisted(struct web_req *w)
{
	long long	public = web_int(w, Q_PART, 0, RP_PUBLIC);
	long long	assisted = web_int(w, Q_PART, 0, RP_ASSISTED);

	html_raw(H, "<p>Contributions saisies par un médiateur "
	    "numérique (EPN) pour une personne : ");
	ui_number(w, assisted);
	html_raw(H, " sur ");
	ui_number(w, public);
	/* Rounded to the nearest per cent, half up. */
	html_rawf(H, " (%lld %%).</p>\n", public > 0 ?
	    (assisted * 1000 / public + 5) / 10 : 0);
}

static void
write_participation(struct web_req *w, const struct report *r)
{
	/* People and votes are not counted per département (rollups). */
	int	people = !r->archived && r->territory == NULL;

	html_raw(H, "<section aria-labelledby=\"participation\">\n"
	    "<h2 id=\"participation\">Participation</h2>\n<dl class=\"figures\">\n");
	if (people) {
		figure(w, "Contributeurs", web_text(w, Q_PART, 0,
		    RP_CONTRIBUTORS));
		figure(w, "Votants", web_text(w, Q_PART, 0, RP_VOTERS));
		if (!r->archived && web_rows(w, Q_FC_VERIFIED) == 1)
			figure(w, "dont vérifiés par FranceConnect", web_text(w,
			    Q_FC_VERIFIED, 0, FCN_N));
	}
	figure(w, "Propositions", web_text(w, Q_PART, 0, RP_PROPOSALS));
	figure(w, "Arguments", web_text(w, Q_PART, 0, RP_ARGUMENTS));
	figure(w, "Commentaires", web_text(w, Q_PART, 0, RP_COMMENTS));
	if (people)
		figure(w, "Votes", web_text(w, Q_PART, 0, RP_VOTES));
	html_raw(H, "</dl>\n");
	if (r->archived)
		write_source_figures(w, r);
	else {
		write_assisted(w);
		report_channels(w);
	}
	html_raw(H, "<p>Modération : ");
	ui_count(w, web_int(w, Q_PART, 0, RP_MODERATED),
	    "contribution masquée ou refusée",
	    "contributions masquées ou refusées");
	html_raw(H, ", ");
	ui_number(w, web_int(w, Q_PART, 0, RP_PENDING));
	html_raw(H, " en attente de modération.</p>\n"
	    "<p class=\"note\" id=\"non-recalculables\">Tous les chiffres "
	    "de ce rapport se recalculent à partir des <a href=\"" UI_EXPORT
	    "#recalcul\">données ouvertes</a>, sauf le nombre de votants, les "
	    "votes par canal et les contributions "
	    "masquées, refusées ou en attente (<a href=\"" UI_EXPORT
	    "#non-recalculables\">pourquoi</a>).</p>\n</section>\n");
}

/* Step 0: the slugs, then the theme. */
static int
report_ask_theme(struct web_req *w, struct report *r)
{
	const char	*v = web_arg(w, "territoire");

	if (!text_slug_valid(r->theme) || (r->consultation != NULL &&
	    !text_slug_valid(r->consultation)))
		return (web_error(w, 404, NULL));
	if (v != NULL && *v != '\0') {
		if (r->consultation != NULL)
			return (web_error(w, 400, "Les contributions d'une "
			    "consultation archivée n'ont pas de département : "
			    "ce rapport n'a pas de vue par département "
			    "(paramètre « territoire »)."));
		if (strlen(v) > 3)
			return (web_error(w, 400, TERRITORY_UNKNOWN));
		r->territory = v;	/* checked against Q_TERR later */
	}
	if (r->consultation == NULL)
		return (web_query(w, Q_THEME, &sql_report_theme,
		    DB_TEXT(r->theme)));
	return (web_query(w, Q_THEME, &sql_report_theme_archive,
	    DB_TEXT(r->consultation), DB_TEXT(r->theme)));
}

/*
 * Step 1: every figure of the theme at once, those of an archive by the
 * source's tallies; an archive's report of a theme of the primary
 * consultation redirects to /rapports/<slug>.
 */
static int
report_ask(struct web_req *w, struct report *r)
{
	if (web_rows(w, Q_THEME) != 1)
		return (web_error(w, 404, NULL));
	if (r->consultation != NULL && web_bool(w, Q_THEME, 0, RTA_PRIMARY))
		return (web_redirect(w, ui_report(w, NULL, r->theme)));
	r->id = web_int(w, Q_THEME, 0, RTA_ID);
	r->archived = r->consultation != NULL;
	r->split = r->archived && web_bool(w, Q_THEME, 0, RTA_SPLIT);
	/* The opinion map's slots follow the report's own. */
	opinion_map_queue(w, Q__MAX, 0, r->id);
	/* The topics' slots follow the opinion map's. */
	topics_queue(w, Q__MAX + OPINION_MAP_SLOTS, r->id);
	if (r->territory != NULL) {
		web_query(w, Q_PART, &sql_report_participation_terr,
		    DB_INT(r->id), DB_TEXT(r->territory));
		web_query(w, Q_WEEKS, &sql_report_weeks_terr, DB_INT(r->id),
		    DB_TEXT(r->territory));
	} else {
		web_query(w, Q_PART, &sql_report_participation,
		    DB_INT(r->id));
		web_query(w, Q_FC_VERIFIED, &sql_fc_report_verified,
		    DB_INT(r->id));
		web_query(w, Q_WEEKS, &sql_report_weeks, DB_INT(r->id));
	}
	web_query(w, Q_DEBATED, &sql_report_debated, DB_INT(r->id));
	web_query(w, Q_TERMS, &sql_report_terms, DB_INT(r->id));
	web_query(w, Q_SIMILAR, &sql_report_similar, DB_INT(r->id));
	web_query(w, Q_ANALYSIS, &sql_report_analysis, DB_INT(r->id));
	if (!r->archived) {
		web_query(w, Q_SYNTHESIS_STATE, &sql_synthesis_state,
		    DB_TEXT(r->theme));
		web_query(w, Q_TERR, &sql_report_territories, DB_INT(r->id));
		web_query(w, Q_CONSENSUS, &sql_report_consensus,
		    DB_INT(r->id));
		web_query(w, Q_DIVIDED, &sql_report_divided, DB_INT(r->id));
		web_query(w, Q_CHANNELS, &sql_report_channels,
		    DB_INT(r->id));
		return (web_query(w, Q_ANSWERS, &sql_report_answers,
		    DB_INT(r->id)));
	}
	web_query(w, Q_SOURCE, &sql_report_source, DB_INT(r->id));
	if (!r->split)
		return (web_query(w, Q_CONSENSUS, &sql_report_source_supported,
		    DB_INT(r->id)));
	web_query(w, Q_CONSENSUS, &sql_report_source_consensus,
	    DB_INT(r->id));
	return (web_query(w, Q_DIVIDED, &sql_report_source_divided,
	    DB_INT(r->id)));
}

/* The name of territory code r->territory in Q_TERR, or NULL. */
static const char *
territory_name(struct web_req *w, const struct report *r)
{
	int	i;

	for (i = 0; i < web_rows(w, Q_TERR); i++)
		if (*r->territory != '\0' && strcmp(web_text(w, Q_TERR, i,
		    RTE_CODE), r->territory) == 0)
			return (web_text(w, Q_TERR, i, RTE_NAME));
	return (NULL);
}

/* The secretariat's synthesis of the theme, once published. */
static void
write_synthesis(struct web_req *w, const struct report *r)
{
	html_raw(H, "<section aria-labelledby=\"synthese\">\n<h2 "
	    "id=\"synthese\">Synthèse</h2>\n<p>");
	if (web_rows(w, Q_SYNTHESIS_STATE) == 1 &&
	    web_bool(w, Q_SYNTHESIS_STATE, 0, SE_PUBLISHED))
		ui_link(w, ui_synthesis(w, r->theme, NULL), "Lire la synthèse "
		    "de ce thème, rédigée par le secrétariat à partir des "
		    "contributions qu'elle cite");
	else
		html_raw(H, "La synthèse de ce thème n'est pas encore "
		    "publiée.");
	html_raw(H, "</p>\n</section>\n");
}

/* Step 2: the page. */
static int
report_render(struct web_req *w, struct report *r)
{
	const char	*title = web_printf(w, "Rapport : %s", web_text(w,
			    Q_THEME, 0, RTA_TITLE));

	if (r->territory != NULL) {
		if ((r->territory_name = territory_name(w, r)) == NULL)
			return (web_error(w, 400, TERRITORY_UNKNOWN));
		title = web_printf(w, "%s, %s", title, r->territory_name);
	}
	page_begin(w, title);
	write_head(w, r);
	write_extracted(w);
	if (!r->archived)
		write_territory_choice(w, r);
	write_participation(w, r);
	report_weeks(w);
	/* Imported contributions have no département. */
	if (!r->archived)
		report_territories(w);
	report_votes(w, r);
	opinion_map_write(w, Q__MAX, r->archived);
	topics_write(w, Q__MAX + OPINION_MAP_SLOTS);
	if (!r->archived)
		write_synthesis(w, r);
	report_debated(w);
	report_terms(w, r);
	report_similar(w);
	/* The Region answers its own consultation's proposals only. */
	if (!r->archived)
		report_answers(w);
	report_method(w, r);
	page_end(w);
	return (web_send(w, 200));
}

/*
 * The report of theme `theme` of consultation `consultation` (NULL: the
 * primary one). Raises 404 for an unknown or malformed slug.
 */
static int
report_show(struct web_req *w, const char *consultation, const char *theme)
{
	struct report	*r = web_state(w, sizeof(*r));

	switch (w->step) {
	case 0:
		r->consultation = consultation;
		r->theme = theme;
		return (report_ask_theme(w, r));
	case 1:
		return (report_ask(w, r));
	}
	return (report_render(w, r));
}

/* GET /rapports/:slug. Raises 404 for an unknown or malformed slug. */
int
reports_show(struct web_req *w)
{
	return (report_show(w, NULL, w->args[0]));
}

/* GET /consultations/:consultation/rapports/:theme: an archive's report. */
int
archive_report_show(struct web_req *w)
{
	return (report_show(w, w->args[0], w->args[1]));
}

/*
 * GET /consultations/:consultation/rapports/: an archive's reports are
 * listed, one per theme, on its page.
 */
int
archive_reports_index(struct web_req *w)
{
	if (!text_slug_valid(w->args[0]))
		return (web_error(w, 404, NULL));
	return (web_redirect(w, web_printf(w, "%s#themes",
	    ui_consultation(w, w->args[0]))));
}
