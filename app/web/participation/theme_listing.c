/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * One theme: its text, then its published proposals with full-text search,
 * filters, five sorts and pagination, through a GET form that works without
 * JavaScript. Every query parameter is checked (theme_listing_request.c,
 * with the sorts, the random order's seed and the pages' addresses): an
 * empty value means "the default"; any other value that is not valid gets
 * a French 400.
 *
 * The same code lists a theme of the primary consultation (/themes/<slug>)
 * and of an archive (/consultations/<slug>/themes/<slug>: theme slugs
 * repeat across consultations). An archive is read-only; its "votes" and
 * "accord" sorts and the counts of each proposal are the source platform's
 * tallies, labelled as such, and it has no départements.
 */

#include <string.h>

#include "../../core/roles.h"
#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/archives.h"
#include "../../db/participation.h"
#include "../../db/syntheses.h"
#include "../kernel/app.h"
#include "../kernel/session.h"
#include "../shared/ui.h"
#include "archives.h"
#include "follow.h"
#include "participation.h"
#include "theme_listing.h"

int	themes_show(struct web_req *);
int	archive_theme_show(struct web_req *);

enum { Q_THEME, Q_TERR, Q_COUNT, Q_LIST, Q_TALLIES, Q_FOLLOW, Q_SYNTHESIS };

static void
write_territories(struct web_req *w, struct listing *l)
{
	const char	*code;
	int		 i;

	html_raw(H, "<div class=\"field\"><label for=\"f-territoire"
	    "\">Département</label>\n<select id=\"f-territoire\" "
	    "name=\"territoire\">\n<option value=\"\">Tous</option>\n");
	for (i = 0; i < web_rows(w, Q_TERR); i++) {
		code = web_text(w, Q_TERR, i, TERR_CODE);
		html_raw(H, "<option value=\"");
		html_text(H, code);
		html_raw(H, "\"");
		if (l->territory && strcmp(l->territory, code) == 0)
			html_raw(H, " selected");
		html_raw(H, ">");
		html_text(H, web_text(w, Q_TERR, i, TERR_NAME));
		html_raw(H, "</option>\n");
	}
	html_raw(H, "</select></div>\n");
}

static void
write_sorts(struct web_req *w, struct listing *l)
{
	size_t	k;

	html_raw(H, "<div class=\"field\"><label for=\"f-tri\">Trier par"
	    "</label>\n<select id=\"f-tri\" name=\"tri\">\n");
	for (k = 0; k < LISTING_NSORTS; k++) {
		/* Without a split, "accord" would order by nothing. */
		if (l->archived && k == SORT_AGREE && !l->split &&
		    k != l->sort)
			continue;
		html_raw(H, "<option value=\"");
		html_text(H, listing_sorts[k].value);
		html_raw(H, "\"");
		if (k == l->sort)
			html_raw(H, " selected");
		html_raw(H, ">");
		html_text(H, listing_sort_label(l, k));
		html_raw(H, "</option>\n");
	}
	html_raw(H, "</select></div>\n");
}

static void
answer_option(struct web_req *w, const struct listing *l, const char *code,
    const char *label)
{
	html_raw(H, "<option value=\"");
	html_text(H, code);
	html_raw(H, "\"");
	if ((l->answer == NULL && *code == '\0') ||
	    (l->answer != NULL && strcmp(l->answer, code) == 0))
		html_raw(H, " selected");
	html_raw(H, ">");
	html_text(H, label);
	html_raw(H, "</option>\n");
}

/* The Region's answer, as a filter (an archive has none). */
static void
write_answers(struct web_req *w, const struct listing *l)
{
	int	i;

	html_raw(H, "<div class=\"field\"><label for=\"f-reponse\">Réponse "
	    "de la Région</label>\n<select id=\"f-reponse\" name=\"reponse\">"
	    "\n");
	answer_option(w, l, "", "Toutes");
	for (i = 0; i < ANS__MAX; i++)
		answer_option(w, l, vocab_answer[i].code, vocab_answer[i].label);
	answer_option(w, l, ANSWER_NONE, "Pas encore de réponse");
	html_raw(H, "</select></div>\n");
}

static void
write_filters(struct web_req *w, struct listing *l)
{
	html_raw(H, "<form method=\"get\" action=\"");
	html_text(H, ui_theme(w, l->consultation, l->theme));
	html_raw(H, "#propositions\" class=\"filters\" role=\"search\" "
	    "aria-label=\"Chercher et trier les propositions\">\n"
	    "<div class=\"field\"><label for=\"f-q\">Rechercher</label>\n"
	    "<input type=\"search\" id=\"f-q\" name=\"q\" maxlength=\"200\" "
	    "value=\"");
	html_text(H, l->q ? l->q : "");
	html_raw(H, "\"></div>\n");
	/* Imported contributions have no département. */
	if (!l->archived || l->territory != NULL)
		write_territories(w, l);
	html_raw(H, "<div class=\"field\"><label for=\""
	    "f-statut\">Statut</label>\n<select id=\"f-statut\" name=\"statut\">"
	    "\n<option value=\"publiees\">Publiées</option>\n</select></div>\n");
	if (!l->archived)
		write_answers(w, l);
	write_sorts(w, l);
	html_raw(H, "<p><button type=\"submit\">Afficher</button></p>\n"
	    "</form>\n");
}

/* The source tallies row of proposal id, or -1. */
static int
tallies_row(struct web_req *w, long long id)
{
	int	r;

	for (r = 0; r < web_rows(w, Q_TALLIES); r++)
		if (web_int(w, Q_TALLIES, r, ALT_ID) == id)
			return (r);
	return (-1);
}

/* An archived proposal's counts: the source's, labelled. */
static void
write_source_counts(struct web_req *w, int r)
{
	int	t = tallies_row(w, web_int(w, Q_LIST, r, LI_ID));

	html_raw(H, "<p class=\"counts\">");
	if (t != -1 && !web_null(w, Q_TALLIES, t, ALT_AGREE)) {
		html_raw(H, "Plateforme d'origine : ");
		ui_number(w, web_int(w, Q_TALLIES, t, ALT_AGREE));
		html_raw(H, " d'accord · ");
		ui_number(w, web_int(w, Q_TALLIES, t, ALT_MIXED));
		html_raw(H, " mitigé · ");
		ui_number(w, web_int(w, Q_TALLIES, t, ALT_DISAGREE));
		html_raw(H, " pas d'accord · ");
	} else if (t != -1 && !web_null(w, Q_TALLIES, t, ALT_VOTES)) {
		html_raw(H, "Plateforme d'origine : ");
		ui_count(w, web_int(w, Q_TALLIES, t, ALT_VOTES), "soutien",
		    "soutiens");
		html_raw(H, " · ");
	}
}

/*
 * The start of a Markdown source as plain text: its backslash escapes
 * (a hard line break "\\" at a line's end, "\\*" for a star...) are
 * Markdown's, not the author's; imported plain text has many.
 */
static void
write_excerpt(struct web_req *w, const char *md)
{
	char	*t = web_alloc(w, strlen(md) + 1), *o = t;
	size_t	 i;

	for (i = 0; md[i] != '\0'; i++) {
		if (md[i] == '\\' && (md[i + 1] == '\n' ||
		    (md[i + 1] > ' ' && md[i + 1] < 0x7f &&
		    strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", md[i + 1]))))
			i++;		/* the escaped character, as is */
		*o++ = md[i];
	}
	*o = '\0';
	html_text(H, t);
}

/* Who proposed it and when, then its votes here. */
static void
write_byline_counts(struct web_req *w, int r)
{
	html_raw(H, "</p>\n<p class=\"meta\">Par ");
	html_text(H, web_text(w, Q_LIST, r, LI_AUTHOR));
	if (*web_text(w, Q_LIST, r, LI_TERRITORY) != '\0') {
		html_raw(H, " (");
		html_text(H, web_text(w, Q_LIST, r, LI_TERRITORY));
		html_raw(H, ")");
	}
	html_raw(H, ", le ");
	html_text(H, web_text(w, Q_LIST, r, LI_DATE));
	html_raw(H, "</p>\n<p class=\"counts\">");
	ui_number(w, web_int(w, Q_LIST, r, LI_AGREE));
	html_raw(H, " d'accord · ");
	ui_number(w, web_int(w, Q_LIST, r, LI_MIXED));
	html_raw(H, " mitigé · ");
	ui_number(w, web_int(w, Q_LIST, r, LI_DISAGREE));
	html_raw(H, " pas d'accord · ");
}

/* The Region's answer to proposal r, when it gave one. */
static void
write_answer_status(struct web_req *w, int r)
{
	int	st;

	if (web_null(w, Q_LIST, r, LI_ANSWER))
		return;
	st = vocab_find(vocab_answer, ANS__MAX, web_text(w, Q_LIST, r,
	    LI_ANSWER));
	if (st < 0)
		return;
	html_raw(H, "<p class=\"answer-status\">Réponse de la Région : "
	    "<strong>");
	html_text(H, vocab_answer[st].label);
	html_raw(H, "</strong></p>\n");
}

static void
write_item(struct web_req *w, const struct listing *l, int r)
{
	const char	*excerpt = web_text(w, Q_LIST, r, LI_EXCERPT);
	long long	 n;

	html_raw(H, "<li class=\"proposal\">\n<h3>");
	ui_link(w, ui_proposal(w, web_int(w, Q_LIST, r, LI_ID)),
	    web_text(w, Q_LIST, r, LI_TITLE));
	html_raw(H, "</h3>\n<p class=\"excerpt\">");
	write_excerpt(w, excerpt);
	if (text_utf8_chars(excerpt) >= 240)
		html_raw(H, "…");
	if (l->archived) {
		html_raw(H, "</p>\n<p class=\"meta\">Déposée le ");
		html_text(H, web_text(w, Q_LIST, r, LI_DATE));
		html_raw(H, "</p>\n");
		write_source_counts(w, r);
	} else
		write_byline_counts(w, r);
	n = web_int(w, Q_LIST, r, LI_ARGUMENTS);
	ui_number(w, n);
	html_raw(H, n > 1 ? " arguments · " : " argument · ");
	n = web_int(w, Q_LIST, r, LI_REPLIES);
	ui_number(w, n);
	html_raw(H, n > 1 ? " contributions au débat</p>\n" :
	    " contribution au débat</p>\n");
	write_answer_status(w, r);
	html_raw(H, "</li>\n");
}

/* The theme's synthesis, once published; the secretariat's draft. */
static void
synthesis_links(struct web_req *w, const char *theme)
{
	int	published = web_rows(w, Q_SYNTHESIS) == 1 &&
		    web_bool(w, Q_SYNTHESIS, 0, SE_PUBLISHED);

	if (!published && !(w->sess.roles & ROLE_SECRETARIAT))
		return;
	html_raw(H, "<p class=\"synthesis-link\">");
	if (published)
		ui_link(w, ui_synthesis(w, theme, NULL), "Lire la synthèse de ce "
		    "thème");
	if (published && (w->sess.roles & ROLE_SECRETARIAT))
		html_raw(H, " · ");
	if (w->sess.roles & ROLE_SECRETARIAT)
		ui_link(w, ui_synthesis(w, theme, "modifier"), "Rédiger la "
		    "synthèse (secrétariat)");
	html_raw(H, "</p>\n");
}

/* The heading of the page, and why one cannot take part, if so. */
static void
write_head(struct web_req *w, const struct listing *l)
{
	const char	*title = web_text(w, Q_THEME, 0, TH_TITLE);

	if (l->archived) {
		archive_crumbs(w, l->consultation, web_text(w, Q_THEME, 0,
		    TH_CONSULTATION_TITLE), NULL, 0, title);
	} else
		ui_crumbs(w, NULL, 0, web_printf(w, "Enjeu %lld",
		    web_int(w, Q_THEME, 0, TH_POSITION)));
	html_raw(H, "<h1>");
	html_text(H, title);
	html_raw(H, "</h1>\n<p class=\"lead\">");
	html_text(H, web_text(w, Q_THEME, 0, TH_SUMMARY));
	html_raw(H, "</p>\n<div class=\"prose\">\n");
	web_markdown(w, web_text(w, Q_THEME, 0, TH_BODY), 1);
	html_raw(H, "</div>\n");
	if (l->archived) {
		archive_notice(w, web_text(w, Q_THEME, 0, TH_SOURCE_NAME));
		html_raw(H, "<p>");
		ui_link(w, ui_report(w, l->consultation, l->theme),
		    "Rapport de ce thème");
		html_raw(H, "</p>\n");
	} else
		synthesis_links(w, l->theme);
	html_raw(H, "<h2 id=\"propositions\">Propositions</h2>\n");
	if (l->archived)
		return;
	if (!part_phase_notice(w, web_text(w, Q_THEME, 0, TH_PHASE),
	    web_text(w, Q_THEME, 0, TH_OPENS), web_text(w, Q_THEME, 0,
	    TH_CLOSES))) {
		html_raw(H, "<p class=\"action\"><a class=\"button\" href=\"");
		html_text(H, ui_theme_propose(w, l->theme));
		html_raw(H, "\">Déposer une proposition</a>");
		if (l->consultation == NULL) {
			html_raw(H, " ");
			ui_link(w, ui_theme_paper(w, l->theme), "Formulaire "
			    "papier à imprimer");
		}
		html_raw(H, "</p>\n");
	}
	follow_write_theme(w, Q_FOLLOW, l->theme);
}

static int
listing_render(struct web_req *w, struct listing *l)
{
	long long	total = web_int(w, Q_COUNT, 0, COUNT_N);
	int		i;

	page_begin(w, web_text(w, Q_THEME, 0, TH_TITLE));
	write_head(w, l);
	write_filters(w, l);
	html_raw(H, "<p class=\"results\" role=\"status\">");
	if (l->q != NULL && total > PART_SEARCH_CAP) {
		html_raw(H, "Plus de 1 000 propositions");
		total = PART_SEARCH_CAP;
	} else
		ui_count(w, total, "proposition", "propositions");
	if (l->q != NULL) {
		html_raw(H, " pour la recherche « ");
		html_text(H, l->q);
		html_raw(H, " »");
	}
	html_raw(H, ".</p>\n");
	if (web_rows(w, Q_LIST) == 0) {
		html_raw(H, total > 0 ? "<p>Aucune proposition sur cette page."
		    "</p>\n" : "<p>Aucune proposition ne correspond.</p>\n");
	} else {
		html_raw(H, "<ol class=\"proposals\">\n");
		for (i = 0; i < web_rows(w, Q_LIST); i++)
			write_item(w, l, i);
		html_raw(H, "</ol>\n");
	}
	ui_pager(w, "Pages de résultats", l->page,
	    (total + PAGE_SIZE - 1) / PAGE_SIZE, listing_href, l);
	page_end(w);
	return (web_send(w, 200));
}

/* Step 0: what was asked, then the theme. */
static int
listing_ask_theme(struct web_req *w, struct listing *l)
{
	const char	*msg = NULL;

	if (!text_slug_valid(l->theme) || (l->consultation != NULL &&
	    !text_slug_valid(l->consultation)))
		return (web_error(w, 404, NULL));
	l->page = 1;
	if (listing_parse_order(w, l, &msg) == -1 || listing_parse_filters(w, l, &msg) == -1)
		return (web_error(w, 400, msg));
	if (l->sort == SORT_RANDOM)
		listing_seed(w, l);
	if (l->consultation == NULL)
		web_query(w, Q_SYNTHESIS, &sql_synthesis_state,
		    DB_TEXT(l->theme));
	return (web_query(w, Q_THEME, &sql_part_theme,
	    DB_TEXT(l->consultation), DB_TEXT(l->theme)));
}

/* Step 1: the theme's territories, count and page, together. */
static int
listing_ask_page(struct web_req *w, struct listing *l)
{
	long long	tid;

	if (web_rows(w, Q_THEME) != 1)
		return (web_error(w, 404, NULL));
	/* The primary consultation's themes live at /themes/. */
	if (l->consultation != NULL && web_bool(w, Q_THEME, 0, TH_PRIMARY))
		return (web_redirect(w, ui_theme(w, NULL, l->theme)));
	l->archived = web_bool(w, Q_THEME, 0, TH_ARCHIVED);
	l->split = web_bool(w, Q_THEME, 0, TH_SPLIT);
	tid = web_int(w, Q_THEME, 0, TH_ID);
	if (!l->archived)
		follow_ask_theme(w, Q_FOLLOW, tid);
	web_query(w, Q_TERR, &sql_part_territories);
	web_query(w, Q_COUNT, &sql_part_list_count, DB_INT(tid),
	    DB_TEXT(l->territory), DB_TEXT(l->q), DB_TEXT(l->answer));
	if (l->sort == SORT_RANDOM)
		return (web_query(w, Q_LIST, &sql_part_list_random,
		    DB_INT(tid), DB_TEXT(l->territory), DB_TEXT(l->q),
		    DB_INT(PAGE_SIZE), DB_INT((l->page - 1) * PAGE_SIZE),
		    DB_TEXT(l->answer), DB_INT(l->seed)));
	return (web_query(w, Q_LIST, listing_sql(l), DB_INT(tid),
	    DB_TEXT(l->territory), DB_TEXT(l->q), DB_INT(PAGE_SIZE),
	    DB_INT((l->page - 1) * PAGE_SIZE), DB_TEXT(l->answer)));
}

/* The ids of the page's proposals as an array literal (archives). */
static const char *
listing_ids(struct web_req *w)
{
	struct kore_buf	 b;
	const char	*s;
	int		 i;

	kore_buf_init(&b, 256);
	kore_buf_append(&b, "{", 1);
	for (i = 0; i < web_rows(w, Q_LIST); i++)
		kore_buf_appendf(&b, "%s%lld", i ? "," : "",
		    web_int(w, Q_LIST, i, LI_ID));
	kore_buf_append(&b, "}", 1);
	s = web_strdup(w, kore_buf_stringify(&b, NULL));
	kore_buf_cleanup(&b);
	return (s);
}

/* Step 2: a territory that is not in the list; an archive's tallies. */
static int
listing_check(struct web_req *w, struct listing *l)
{
	int	i, found = 0;

	if (l->territory != NULL) {
		for (i = 0; i < web_rows(w, Q_TERR); i++)
			if (strcmp(web_text(w, Q_TERR, i, TERR_CODE),
			    l->territory) == 0)
				found = 1;
		if (!found)
			return (web_error(w, 400, "Le département demandé "
			    "(paramètre « territoire ») n'existe pas."));
	}
	if (l->archived)
		return (web_query(w, Q_TALLIES, &sql_archive_list_tallies,
		    DB_TEXT(listing_ids(w))));
	return (listing_render(w, l));
}

/*
 * The listing of theme l->theme. Raises 404 for a malformed or unknown
 * slug, 400 for a query parameter that is not valid.
 */
static int
listing_show(struct web_req *w, const char *consultation, const char *theme)
{
	struct listing	*l = web_state(w, sizeof(*l));

	l->consultation = consultation;
	l->theme = theme;
	switch (w->step) {
	case 0:
		return (listing_ask_theme(w, l));
	case 1:
		return (listing_ask_page(w, l));
	case 2:
		return (listing_check(w, l));
	}
	return (listing_render(w, l));
}

/* GET /themes/:slug: a theme of the primary consultation. */
int
themes_show(struct web_req *w)
{
	return (listing_show(w, NULL, w->args[0]));
}

/*
 * GET /consultations/:consultation/themes/:theme: a theme of an archive
 * (the primary consultation's are redirected to /themes/<slug>).
 */
int
archive_theme_show(struct web_req *w)
{
	return (listing_show(w, w->args[0], w->args[1]));
}
