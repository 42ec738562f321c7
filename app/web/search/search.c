/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * GET /recherche?q=...&tri=...&page=...: the site-wide search, across the
 * themes and the published proposals of every consultation, the archives
 * included, with the words found marked. A GET form, no JavaScript.
 *
 * ts_headline's output is not safe HTML (it copies the text as it is):
 * the statements mark the words found between two control characters no
 * stored text holds (forms refuse them), and the page escapes every
 * piece, writing <mark> itself around the marked ones.
 */

#include <string.h>

#include "../../core/text.h"
#include "../../db/search.h"
#include "../kernel/web.h"
#include "../shared/ui.h"

int	search_show(struct web_req *);

#define PAGE_SIZE	20
#define Q_MAX		200
#define MARK_OPEN	'\002'
#define MARK_CLOSE	'\003'

/* ts_headline's options: the marks, and the length of an excerpt. */
#define HEADLINE_EXCERPT						\
	"StartSel=\002, StopSel=\003, MaxWords=35, MinWords=15, "	\
	"MaxFragments=2, FragmentDelimiter=\" … \""
#define HEADLINE_WHOLE	"StartSel=\002, StopSel=\003, HighlightAll=true"

enum { Q_THEMES, Q_LIST, Q_SUGGEST, Q__MAX };

static const struct {
	const char	*value;		/* tri=... */
	const char	*label;		/* the select's */
	const char	*title;		/* the <title>'s */
} sorts[] = {
	{ "pertinence",	"Pertinence",		"par pertinence" },
	{ "date",	"Les plus récentes",	"les plus récentes d'abord" },
};
#define NSORTS	(sizeof(sorts) / sizeof(sorts[0]))

/* What the steps share (web_state). */
struct search {
	const char	*q;		/* NULL: nothing asked yet */
	size_t		 sort;
	long long	 page;
};

/* q= as typed, checked and cleaned; NULL when empty. 0, or -1 with msg. */
static int
parse_q(struct web_req *w, struct search *s, const char **msg)
{
	const char	*v = web_arg(w, "q");
	char		*t, *e;

	if (v == NULL)
		return (0);
	if (strlen(v) > 4 * Q_MAX || !text_utf8_valid(v, strlen(v))) {
		*msg = "La recherche (paramètre « q ») n'est pas valide : "
		    "texte UTF-8 de 200 caractères au plus.";
		return (-1);
	}
	t = web_strdup(w, v);
	for (e = t; *e != '\0'; e++)
		if ((unsigned char)*e < 0x20)
			*e = ' ';
	text_search_clean(t);
	t = text_trim(t);
	if (text_utf8_chars(t) > Q_MAX) {
		*msg = "La recherche ne doit pas dépasser 200 caractères.";
		return (-1);
	}
	if (*t != '\0')
		s->q = t;
	return (0);
}

/* tri= and page=. 0, or -1 with msg set. */
static int
parse_order(struct web_req *w, struct search *s, const char **msg)
{
	const char	*v;
	size_t		 i;

	s->page = 1;
	if ((v = web_arg(w, "tri")) != NULL && *v != '\0') {
		for (i = 0; i < NSORTS; i++)
			if (strcmp(v, sorts[i].value) == 0)
				break;
		if (i == NSORTS) {
			*msg = "Le tri demandé (paramètre « tri ») n'existe "
			    "pas : « pertinence » ou « date ».";
			return (-1);
		}
		s->sort = i;
	}
	if ((v = web_arg(w, "page")) != NULL && *v != '\0' &&
	    (!text_parse_id(v, &s->page) ||
	    s->page > SEARCH_CAP / PAGE_SIZE)) {
		*msg = "Le numéro de page (paramètre « page ») doit être un "
		    "nombre entier de 1 à 50.";
		return (-1);
	}
	return (0);
}

/* Writes text escaped, the parts between the marks inside <mark>. */
static void
write_marked(struct web_req *w, const char *text)
{
	char	*t = web_strdup(w, text), *p, *next;
	int	 in = 0;

	for (p = t; p != NULL; p = next) {
		next = strpbrk(p, "\002\003");
		if (next != NULL) {
			in = *next == MARK_OPEN;
			*next++ = '\0';
		}
		html_text(H, p);	/* escaped; drops control bytes */
		if (next != NULL)
			html_raw(H, in ? "<mark>" : "</mark>");
	}
}

/* The address of results page n (ui_pager). */
static const char *
search_href(struct web_req *w, void *arg, long long n)
{
	struct search	*s = arg;

	return (ui_search(w, s->q, sorts[s->sort].value, n));
}

static void
write_form(struct web_req *w, const struct search *s)
{
	size_t	k;

	html_raw(H, "<form method=\"get\" action=\"" UI_SEARCH "\" "
	    "role=\"search\" class=\"filters\" aria-label=\"Rechercher sur "
	    "Agora\">\n<div class=\"field\"><label for=\"f-q\">Mots "
	    "recherchés</label>\n<input type=\"search\" id=\"f-q\" name=\"q\" "
	    "maxlength=\"200\" value=\"");
	html_text(H, s->q ? s->q : "");
	html_raw(H, "\"></div>\n<div class=\"field\"><label for=\"f-tri\">"
	    "Trier par</label>\n<select id=\"f-tri\" name=\"tri\">\n");
	for (k = 0; k < NSORTS; k++) {
		html_raw(H, "<option value=\"");
		html_text(H, sorts[k].value);
		html_raw(H, k == s->sort ? "\" selected>" : "\">");
		html_text(H, sorts[k].label);
		html_raw(H, "</option>\n");
	}
	html_raw(H, "</select></div>\n<p><button type=\"submit\">Rechercher"
	    "</button></p>\n</form>\n");
}

/* "Thème « x » de la consultation « y » (archive)" under a result. */
static void
write_where(struct web_req *w, const char *consultation, int archived)
{
	html_raw(H, " · ");
	html_text(H, consultation);
	if (archived)
		html_raw(H, " (consultation archivée)");
}

static void
write_themes(struct web_req *w)
{
	const char	*cons;
	int		 r;

	html_raw(H, "<h2 id=\"themes\">Thèmes</h2>\n<ul class=\"results\">\n");
	for (r = 0; r < web_rows(w, Q_THEMES); r++) {
		cons = web_bool(w, Q_THEMES, r, SRT_PRIMARY) ? NULL :
		    web_text(w, Q_THEMES, r, SRT_CONSULTATION);
		html_raw(H, "<li>\n<h3>");
		ui_link(w, ui_theme(w, cons, web_text(w, Q_THEMES, r,
		    SRT_SLUG)), web_text(w, Q_THEMES, r, SRT_TITLE));
		html_raw(H, "</h3>\n<p class=\"excerpt\">");
		write_marked(w, web_text(w, Q_THEMES, r, SRT_EXCERPT));
		html_raw(H, "</p>\n<p class=\"meta\">Thème");
		write_where(w, web_text(w, Q_THEMES, r, SRT_CONS_TITLE),
		    web_bool(w, Q_THEMES, r, SRT_ARCHIVED));
		html_raw(H, "</p>\n</li>\n");
	}
	html_raw(H, "</ul>\n");
}

static void
write_proposal(struct web_req *w, int r)
{
	const char	*cons = web_bool(w, Q_LIST, r, SRP_PRIMARY) ? NULL :
	    web_text(w, Q_LIST, r, SRP_CONSULTATION);

	html_raw(H, "<li>\n<h3><a href=\"");
	html_text(H, ui_proposal(w, web_int(w, Q_LIST, r, SRP_ID)));
	html_raw(H, "\">");
	write_marked(w, web_text(w, Q_LIST, r, SRP_TITLE));
	html_raw(H, "</a></h3>\n<p class=\"excerpt\">");
	write_marked(w, web_text(w, Q_LIST, r, SRP_EXCERPT));
	html_raw(H, "</p>\n<p class=\"meta\">Proposition du ");
	html_text(H, web_text(w, Q_LIST, r, SRP_DATE));
	html_raw(H, " · thème ");
	ui_link(w, ui_theme(w, cons, web_text(w, Q_LIST, r, SRP_THEME)),
	    web_text(w, Q_LIST, r, SRP_THEME_TITLE));
	write_where(w, web_text(w, Q_LIST, r, SRP_CONS_TITLE),
	    web_bool(w, Q_LIST, r, SRP_ARCHIVED));
	html_raw(H, "</p>\n</li>\n");
}

/* Nothing found: what to try, and where to go instead. */
static void
write_nothing(struct web_req *w, const struct search *s)
{
	int	r;

	html_raw(H, "<h2>Aucun résultat pour « ");
	html_text(H, s->q);
	html_raw(H, " »</h2>\n<p>Quelques pistes :</p>\n<ul>\n"
	    "<li>vérifiez l'orthographe des mots ;</li>\n"
	    "<li>essayez moins de mots, ou un mot plus général (« transport » "
	    "plutôt que « ligne de bus ») ;</li>\n"
	    "<li>les accents et les majuscules ne comptent pas : « ecole » "
	    "trouve aussi « École » ;</li>\n"
	    "<li>cherchez une expression exacte entre guillemets, ou écartez "
	    "un mot avec un tiret devant (« école -maternelle »).</li>\n"
	    "</ul>\n<h2>Parcourir les thèmes de la consultation</h2>\n<ul>\n");
	for (r = 0; r < web_rows(w, Q_SUGGEST); r++) {
		html_raw(H, "<li>");
		ui_link(w, ui_theme(w, NULL, web_text(w, Q_SUGGEST, r,
		    SRS_SLUG)), web_text(w, Q_SUGGEST, r, SRS_TITLE));
		html_raw(H, "</li>\n");
	}
	html_raw(H, "</ul>\n<p>");
	ui_link(w, UI_CONSULTATIONS, "Les consultations archivées");
	html_raw(H, "</p>\n");
}

/* The <title>: what was searched, in which order, which page. */
static const char *
search_title(struct web_req *w, const struct search *s, long long last)
{
	if (s->q == NULL)
		return ("Rechercher sur Agora");
	if (last > 1)
		return (web_printf(w, "Recherche « %s », %s, page %lld sur "
		    "%lld", s->q, sorts[s->sort].title, s->page, last));
	return (web_printf(w, "Recherche « %s », %s", s->q,
	    sorts[s->sort].title));
}

/* The count line (a live region: it changes with each search). */
static void
write_count(struct web_req *w, const struct search *s, long long n)
{
	html_raw(H, "<p class=\"results\" role=\"status\">");
	if (n > SEARCH_CAP)
		html_raw(H, "Plus de 1 000 propositions");
	else
		ui_count(w, n, "proposition", "propositions");
	html_raw(H, " et ");
	ui_count(w, web_rows(w, Q_THEMES), "thème", "thèmes");
	html_raw(H, " pour « ");
	html_text(H, s->q);
	html_raw(H, " ».");
	if (n > SEARCH_CAP)
		html_raw(H, " Les résultats sont choisis parmi les 1 000 "
		    "propositions les plus récentes : précisez la "
		    "recherche avec d'autres mots.");
	html_raw(H, "</p>\n");
}

static int
search_render(struct web_req *w, struct search *s)
{
	long long	n = 0, last = 1;
	int		r, rows = 0;

	if (s->q != NULL) {
		/* At least one row; past the last page its id is NULL. */
		n = web_int(w, Q_LIST, 0, SRP_MATCHES);
		if (!web_null(w, Q_LIST, 0, SRP_ID))
			rows = web_rows(w, Q_LIST);
		last = ((n > SEARCH_CAP ? SEARCH_CAP : n) + PAGE_SIZE - 1) /
		    PAGE_SIZE;
	}
	page_begin(w, search_title(w, s, last));
	html_raw(H, "<h1>Rechercher sur Agora</h1>\n<p class=\"lead\">Dans les "
	    "thèmes et les propositions de toutes les consultations, "
	    "archives comprises.</p>\n");
	write_form(w, s);
	if (s->q == NULL) {
		page_end(w);
		return (web_send(w, 200));
	}
	write_count(w, s, n);
	if (n == 0 && web_rows(w, Q_THEMES) == 0)
		write_nothing(w, s);
	if (s->page == 1 && web_rows(w, Q_THEMES) > 0)
		write_themes(w);
	if (n > 0) {
		html_raw(H, "<h2 id=\"propositions\">Propositions</h2>\n");
		if (rows == 0)
			html_raw(H, "<p>Aucune proposition sur cette page.</p>\n");
		html_raw(H, "<ol class=\"results\">\n");
		for (r = 0; r < rows; r++)
			write_proposal(w, r);
		html_raw(H, "</ol>\n");
		ui_pager(w, "Pages de résultats", s->page, last, search_href,
		    s);
	}
	page_end(w);
	return (web_send(w, 200));
}

/* GET /recherche. 400 in French for a parameter that is not valid. */
int
search_show(struct web_req *w)
{
	struct search	*s = web_state(w, sizeof(*s));
	const char	*msg = NULL;

	if (w->step > 0)
		return (search_render(w, s));
	if (parse_q(w, s, &msg) == -1 || parse_order(w, s, &msg) == -1)
		return (web_error(w, 400, msg));
	if (s->q == NULL)
		return (search_render(w, s));
	web_query(w, Q_THEMES, &sql_search_themes, DB_TEXT(s->q),
	    DB_TEXT(HEADLINE_EXCERPT));
	web_query(w, Q_SUGGEST, &sql_search_suggest);
	return (web_query(w, Q_LIST, &sql_search_proposals, DB_TEXT(s->q),
	    DB_TEXT(HEADLINE_EXCERPT), DB_TEXT(HEADLINE_WHOLE),
	    DB_TEXT(sorts[s->sort].value), DB_INT(PAGE_SIZE),
	    DB_INT((s->page - 1) * PAGE_SIZE)));
}
