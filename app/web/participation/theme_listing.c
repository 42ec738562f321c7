/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * One theme: its text, then its published proposals with full-text search,
 * filters, five sorts and pagination, through a GET form that works without
 * JavaScript. Every query parameter is checked: an empty value means "the
 * default"; any other value that is not valid gets a French 400.
 *
 * The same code lists a theme of the primary consultation (/themes/<slug>)
 * and of an archive (/consultations/<slug>/themes/<slug>: theme slugs
 * repeat across consultations). An archive is read-only; its "votes" and
 * "accord" sorts and the counts of each proposal are the source platform's
 * tallies, labelled as such, and it has no départements.
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/text.h"
#include "../../core/token.h"
#include "../../db/archives.h"
#include "../../db/participation.h"
#include "../kernel/app.h"
#include "../kernel/session.h"
#include "archives.h"
#include "participation.h"

#define PAGE_SIZE	20
#define PAGE_MAX	100000
#define Q_MAX		200

int	themes_show(struct web_req *);
int	archive_theme_show(struct web_req *);

/* The results of each step. */
enum { S_THEME, S_TERR, S_COUNT, S_LIST, S_TALLIES };

static const struct {
	const char	*value;		/* tri=... */
	const char	*label;
	const char	*sql;
	const char	*archive_label;	/* an archive's; NULL: the same */
	const char	*archive_sql;
} sorts[] = {
	{ "recent",	"Les plus récentes",	sql_part_list_recent,
	    NULL, NULL },
	{ "votes",	"Les plus votées",	sql_part_list_votes,
	    "Les plus votées sur la plateforme d'origine",
	    sql_part_list_source_votes },
	{ "accord",	"Le plus large accord",	sql_part_list_agree,
	    "Le plus large accord sur la plateforme d'origine",
	    sql_part_list_source_agree },
	{ "debat",	"Les plus débattues",	sql_part_list_debate,
	    NULL, NULL },
	{ "hasard",	"Au hasard",		sql_part_list_random,
	    NULL, NULL },
};
#define NSORTS		(sizeof(sorts) / sizeof(sorts[0]))
#define SORT_VOTES	1
#define SORT_AGREE	2

struct listing {
	const char	*consultation;	/* an archive's slug; NULL: primary */
	const char	*theme;		/* the theme's slug */
	int		 archived;	/* an archive: read-only, tallies */
	int		 split;		/* its tallies split d'accord etc. */
	size_t		 sort;
	long long	 page;
	const char	*territory;	/* NULL: all */
	const char	*q;		/* NULL: no search */
	char		 qbuf[4 * Q_MAX + 1];
	char		 seed[24];	/* decimal, 0 .. 2^31 - 1 */
	char		*ids;		/* "{id,...}" of the page (archives) */
};

static void
listing_free(void *p)
{
	struct listing	*l = p;

	kore_free(l->ids);
	kore_free(l);
}

/* The statement of the listing's sort. */
static const char *
listing_sql(const struct listing *l)
{
	if (l->archived && sorts[l->sort].archive_sql != NULL)
		return (sorts[l->sort].archive_sql);
	return (sorts[l->sort].sql);
}

static const char *
sort_label(const struct listing *l, size_t k)
{
	if (!l->archived || sorts[k].archive_label == NULL)
		return (sorts[k].label);
	if (k == SORT_VOTES && !l->split)
		return ("Les plus soutenues sur la plateforme d'origine");
	return (sorts[k].archive_label);
}

/* Writes the path of the listing, /themes/<t> or an archive's. */
static void
listing_base(struct web_req *w, const struct listing *l)
{
	if (l->consultation != NULL) {
		archive_href(w, l->consultation);
		html_raw(H, "/themes/");
	} else
		html_raw(H, "/themes/");
	html_url_arg(H, l->theme);
}

/* Reads and checks the query string. 0, or -1 with msg set. */
static int
listing_parse(struct web_req *w, struct listing *l, const char **msg)
{
	const char	*v;
	char		*s, *e;
	size_t		 i;

	l->sort = 0;
	l->page = 1;
	if ((v = web_arg(w, "tri")) != NULL && *v != '\0') {
		for (i = 0; i < NSORTS; i++)
			if (strcmp(v, sorts[i].value) == 0)
				break;
		if (i == NSORTS) {
			*msg = "Le tri demandé (paramètre « tri ») n'existe "
			    "pas. Choisissez un tri dans la liste.";
			return (-1);
		}
		l->sort = i;
	}
	if ((v = web_arg(w, "page")) != NULL && *v != '\0') {
		if (!text_parse_id(v, &l->page) || l->page > PAGE_MAX) {
			*msg = "Le numéro de page (paramètre « page ») doit "
			    "être un nombre entier positif.";
			return (-1);
		}
	}
	if ((v = web_arg(w, "statut")) != NULL && *v != '\0' &&
	    strcmp(v, "publiees") != 0) {
		*msg = "Le statut demandé (paramètre « statut ») n'existe pas.";
		return (-1);
	}
	if ((v = web_arg(w, "territoire")) != NULL && *v != '\0') {
		if (strlen(v) > 3) {
			*msg = "Le département demandé (paramètre "
			    "« territoire ») n'existe pas.";
			return (-1);
		}
		l->territory = v;	/* checked against the list later */
	}
	if ((v = web_arg(w, "q")) != NULL) {
		if (strlen(v) >= sizeof(l->qbuf) ||
		    !text_utf8_valid(v, strlen(v))) {
			*msg = "La recherche (paramètre « q ») n'est pas "
			    "valide : texte UTF-8 de 200 caractères au plus.";
			return (-1);
		}
		snprintf(l->qbuf, sizeof(l->qbuf), "%s", v);
		for (s = l->qbuf; *s == ' ' || *s == '\t'; s++)
			;
		e = s + strlen(s);
		while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			*--e = '\0';
		for (e = s; *e != '\0'; e++)
			if ((unsigned char)*e < 0x20)
				*e = ' ';
		if (text_utf8_chars(s) > Q_MAX) {
			*msg = "La recherche (paramètre « q ») ne doit pas "
			    "dépasser 200 caractères.";
			return (-1);
		}
		if (*s != '\0')
			l->q = s;
	}
	return (0);
}

/* A seed stable for one visitor (session or anonymous cookie), keyed. */
static void
listing_seed(struct web_req *w, struct listing *l)
{
	char		*v, msg[96], mac[TOKEN_LEN + 1];
	char		 fresh[TOKEN_LEN + 1], cookie[160];
	unsigned int	 h = 0;
	size_t		 i;

	if (w->sess.user_id != 0)
		snprintf(msg, sizeof(msg), "seed:%s", w->sess.token);
	else if (http_request_cookie(w->req, ANON_COOKIE, &v) &&
	    token_well_formed(v))
		snprintf(msg, sizeof(msg), "seed:%s", v);
	else if (token_random(fresh) == 0) {
		/*
		 * First visit: give the visitor the anonymous key now (the
		 * one CSRF tokens derive from, session.h), so the order stays
		 * the same on the next pages.
		 */
		snprintf(cookie, sizeof(cookie), ANON_COOKIE "=%s; Path=/; "
		    "Max-Age=86400; HttpOnly; SameSite=Lax%s", fresh,
		    app.cookie_secure ? "; Secure" : "");
		http_response_header(w->req, "set-cookie", cookie);
		snprintf(msg, sizeof(msg), "seed:%s", fresh);
	} else
		snprintf(msg, sizeof(msg), "seed:anonymous");
	token_mac(app.secret, app.secret_len, msg, mac);
	for (i = 0; mac[i] != '\0'; i++)
		h = h * 31 + (unsigned char)mac[i];
	part_itoa(h & 0x7fffffff, l->seed);
}

/* Writes the href of the listing with page p and the current filters. */
static void
listing_href(struct web_req *w, struct listing *l, long long p)
{
	listing_base(w, l);
	html_raw(H, "?tri=");
	html_url_arg(H, sorts[l->sort].value);
	if (l->territory != NULL) {
		html_raw(H, "&amp;territoire=");
		html_url_arg(H, l->territory);
	}
	if (l->q != NULL) {
		html_raw(H, "&amp;q=");
		html_url_arg(H, l->q);
	}
	html_rawf(H, "&amp;page=%lld", p);
}

static void
write_territories(struct web_req *w, struct listing *l)
{
	int	i;

	html_raw(H, "<div class=\"field\"><label for=\"f-territoire"
	    "\">Département</label>\n<select id=\"f-territoire\" "
	    "name=\"territoire\">\n<option value=\"\">Tous</option>\n");
	for (i = 0; i < web_nrows(w, S_TERR); i++) {
		html_raw(H, "<option value=\"");
		html_text(H, web_value(w, S_TERR, i, 0));
		html_raw(H, "\"");
		if (l->territory && strcmp(l->territory,
		    web_value(w, S_TERR, i, 0)) == 0)
			html_raw(H, " selected");
		html_raw(H, ">");
		html_text(H, web_value(w, S_TERR, i, 1));
		html_raw(H, "</option>\n");
	}
	html_raw(H, "</select></div>\n");
}

static void
write_filters(struct web_req *w, struct listing *l)
{
	size_t	k;

	html_raw(H, "<form method=\"get\" action=\"");
	listing_base(w, l);
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
	    "\n<option value=\"publiees\">Publiées</option>\n</select></div>\n"
	    "<div class=\"field\"><label for=\"f-tri\">Trier par</label>\n"
	    "<select id=\"f-tri\" name=\"tri\">\n");
	for (k = 0; k < NSORTS; k++) {
		/* Without a split, "accord" would order by nothing. */
		if (l->archived && k == SORT_AGREE && !l->split &&
		    k != l->sort)
			continue;
		html_raw(H, "<option value=\"");
		html_text(H, sorts[k].value);
		html_raw(H, "\"");
		if (k == l->sort)
			html_raw(H, " selected");
		html_raw(H, ">");
		html_text(H, sort_label(l, k));
		html_raw(H, "</option>\n");
	}
	html_raw(H, "</select></div>\n<p><button type=\"submit\">Afficher"
	    "</button></p>\n</form>\n");
}

/* The source tallies row of proposal id (step S_TALLIES), or -1. */
static int
tallies_row(struct web_req *w, const char *id)
{
	int	r;

	for (r = 0; r < web_nrows(w, S_TALLIES); r++)
		if (strcmp(web_value(w, S_TALLIES, r, ALT_ID), id) == 0)
			return (r);
	return (-1);
}

/* An archived proposal's counts: the source's, labelled. */
static void
write_source_counts(struct web_req *w, int r)
{
	int	t = tallies_row(w, web_value(w, S_LIST, r, 0));

	html_raw(H, "<p class=\"counts\">");
	if (t != -1 && !web_isnull(w, S_TALLIES, t, ALT_AGREE)) {
		html_raw(H, "Plateforme d'origine : ");
		html_text(H, web_value(w, S_TALLIES, t, ALT_AGREE));
		html_raw(H, " d'accord · ");
		html_text(H, web_value(w, S_TALLIES, t, ALT_MIXED));
		html_raw(H, " mitigé · ");
		html_text(H, web_value(w, S_TALLIES, t, ALT_DISAGREE));
		html_raw(H, " pas d'accord · ");
	} else if (t != -1 && !web_isnull(w, S_TALLIES, t, ALT_VOTES)) {
		html_raw(H, "Plateforme d'origine : ");
		archive_count(w, web_value(w, S_TALLIES, t, ALT_VOTES),
		    "soutien", "soutiens");
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
	char	*t = kore_strdup(md), *o = t;
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
	kore_free(t);
}

static void
write_item(struct web_req *w, const struct listing *l, int r)
{
	html_raw(H, "<li class=\"proposal\">\n<h3><a href=\"/propositions/");
	html_text(H, web_value(w, S_LIST, r, 0));
	html_raw(H, "\">");
	html_text(H, web_value(w, S_LIST, r, 1));
	html_raw(H, "</a></h3>\n<p class=\"excerpt\">");
	write_excerpt(w, web_value(w, S_LIST, r, 2));
	if (text_utf8_chars(web_value(w, S_LIST, r, 2)) >= 240)
		html_raw(H, "…");
	if (l->archived) {
		html_raw(H, "</p>\n<p class=\"meta\">Déposée le ");
		html_text(H, web_value(w, S_LIST, r, 10));
		html_raw(H, "</p>\n");
		write_source_counts(w, r);
	} else {
		html_raw(H, "</p>\n<p class=\"meta\">Par ");
		html_text(H, web_value(w, S_LIST, r, 3));
		if (*web_value(w, S_LIST, r, 4) != '\0') {
			html_raw(H, " (");
			html_text(H, web_value(w, S_LIST, r, 4));
			html_raw(H, ")");
		}
		html_raw(H, ", le ");
		html_text(H, web_value(w, S_LIST, r, 10));
		html_raw(H, "</p>\n<p class=\"counts\">");
		html_text(H, web_value(w, S_LIST, r, 5));
		html_raw(H, " d'accord · ");
		html_text(H, web_value(w, S_LIST, r, 6));
		html_raw(H, " mitigé · ");
		html_text(H, web_value(w, S_LIST, r, 7));
		html_raw(H, " pas d'accord · ");
	}
	html_text(H, web_value(w, S_LIST, r, 8));
	html_raw(H, strtoll(web_value(w, S_LIST, r, 8), NULL, 10) > 1 ?
	    " arguments · " : " argument · ");
	html_text(H, web_value(w, S_LIST, r, 9));
	html_raw(H, strtoll(web_value(w, S_LIST, r, 9), NULL, 10) > 1 ?
	    " contributions au débat</p>\n</li>\n" :
	    " contribution au débat</p>\n</li>\n");
}

static void
write_pages(struct web_req *w, struct listing *l, long long total)
{
	long long	last = (total + PAGE_SIZE - 1) / PAGE_SIZE;

	if (last <= 1)
		return;
	html_raw(H, "<nav aria-label=\"Pages de résultats\" class=\"pages\">"
	    "<ul>\n");
	if (l->page > 1) {
		html_raw(H, "<li><a rel=\"prev\" href=\"");
		listing_href(w, l, l->page - 1 > last ? last : l->page - 1);
		html_raw(H, "\">Page précédente</a></li>\n");
	}
	html_rawf(H, "<li aria-current=\"page\">Page %lld sur %lld</li>\n",
	    l->page, last);
	if (l->page < last) {
		html_raw(H, "<li><a rel=\"next\" href=\"");
		listing_href(w, l, l->page + 1);
		html_raw(H, "\">Page suivante</a></li>\n");
	}
	html_raw(H, "</ul></nav>\n");
}

/* The ids of the page's proposals as an array literal (archives). */
static void
listing_ids(struct web_req *w, struct listing *l)
{
	struct kore_buf	 b;
	int		 i;

	kore_buf_init(&b, 256);
	kore_buf_append(&b, "{", 1);
	for (i = 0; i < web_nrows(w, S_LIST); i++)
		kore_buf_appendf(&b, "%s%s", i ? "," : "",
		    web_value(w, S_LIST, i, 0));
	kore_buf_append(&b, "}", 2);		/* with the NUL */
	l->ids = kore_strdup((const char *)b.data);
	kore_buf_cleanup(&b);
}

/* The theme's first steps: the theme, then its consultation's checks. */
static int
listing_start(struct web_req *w, struct listing *l)
{
	const char	*msg = NULL;
	char		 path[160];

	if (w->step == 0) {
		if (!text_slug_valid(l->theme) || (l->consultation != NULL &&
		    !text_slug_valid(l->consultation)))
			return (web_error(w, 404, NULL));
		if (listing_parse(w, l, &msg) == -1)
			return (web_error(w, 400, msg));
		if (sorts[l->sort].sql == sql_part_list_random)
			listing_seed(w, l);
		if (l->consultation == NULL)
			return (web_sql(w, sql_part_theme, 1, l->theme));
		return (web_sql(w, sql_archive_theme, 2, l->consultation,
		    l->theme));
	}
	if (web_nrows(w, S_THEME) != 1)
		return (web_error(w, 404, NULL));
	if (l->consultation != NULL) {
		/* The primary consultation's themes live at /themes/. */
		if (strcmp(web_value(w, S_THEME, 0, ATH_PRIMARY), "t") == 0) {
			snprintf(path, sizeof(path), "/themes/%s", l->theme);
			return (web_redirect(w, path));
		}
		l->archived = 1;
		l->split = strcmp(web_value(w, S_THEME, 0, ATH_SPLIT),
		    "t") == 0;
	}
	return (web_sql(w, sql_part_territories, 0));
}

/* The heading of the page, and why one cannot take part, if so. */
static void
write_head(struct web_req *w, const struct listing *l)
{
	if (l->archived) {
		archive_crumbs(w, l->consultation, web_value(w, S_THEME, 0,
		    ATH_CONSULTATION_TITLE), 1);
		html_raw(H, "<li aria-current=\"page\">");
		html_text(H, web_value(w, S_THEME, 0, ATH_TITLE));
		html_raw(H, "</li></ol></nav>\n");
	} else {
		html_raw(H, "<nav aria-label=\"Fil d'Ariane\" class=\"crumbs\">"
		    "<ol><li><a href=\"/\">Accueil</a></li><li "
		    "aria-current=\"page\">Enjeu ");
		html_text(H, web_value(w, S_THEME, 0, ATH_POSITION));
		html_raw(H, "</li></ol></nav>\n");
	}
	html_raw(H, "<h1>");
	html_text(H, web_value(w, S_THEME, 0, ATH_TITLE));
	html_raw(H, "</h1>\n<p class=\"lead\">");
	html_text(H, web_value(w, S_THEME, 0, ATH_SUMMARY));
	html_raw(H, "</p>\n<div class=\"prose\">\n");
	web_markdown(w, web_value(w, S_THEME, 0, ATH_BODY), 1);
	html_raw(H, "</div>\n");
	if (l->archived) {
		archive_notice(w, web_value(w, S_THEME, 0, ATH_SOURCE_NAME));
		html_raw(H, "<p><a href=\"");
		archive_href(w, l->consultation);
		html_raw(H, "/rapports/");
		html_url_arg(H, l->theme);
		html_raw(H, "\">Rapport de ce thème</a></p>\n");
	}
	html_raw(H, "<h2 id=\"propositions\">Propositions</h2>\n");
	if (l->archived)
		return;
	if (!part_phase_notice(w, web_value(w, S_THEME, 0, ATH_PHASE),
	    web_value(w, S_THEME, 0, ATH_OPENS), web_value(w, S_THEME, 0,
	    ATH_CLOSES))) {
		html_raw(H, "<p class=\"action\"><a class=\"button\" "
		    "href=\"/themes/");
		html_url_arg(H, l->theme);
		html_raw(H, "/proposer\">Déposer une proposition</a></p>\n");
	}
}

/*
 * The listing of theme l->theme, steps 1 to 4 and the page. Raises 404 for
 * a malformed or unknown slug, 400 for a query parameter that is not valid.
 */
static int
listing_show(struct web_req *w, struct listing *l)
{
	const char	*tid;
	char		 lim[24], off[24];
	long long	 total;
	int		 i, found;

	if (w->step <= S_THEME + 1)
		return (listing_start(w, l));
	tid = web_value(w, S_THEME, 0, ATH_ID);
	switch (w->step) {
	case S_COUNT:
		if (l->territory != NULL) {
			for (found = 0, i = 0; i < web_nrows(w, S_TERR); i++)
				if (strcmp(web_value(w, S_TERR, i, 0),
				    l->territory) == 0)
					found = 1;
			if (!found)
				return (web_error(w, 400, "Le département "
				    "demandé (paramètre « territoire ») "
				    "n'existe pas."));
		}
		return (web_sql(w, sql_part_list_count, 3, tid,
		    l->territory, l->q));
	case S_LIST:
		part_itoa(PAGE_SIZE, lim);
		part_itoa((l->page - 1) * PAGE_SIZE, off);
		if (sorts[l->sort].sql == sql_part_list_random)
			return (web_sql(w, sql_part_list_random, 6, tid,
			    l->territory, l->q, lim, off, l->seed));
		return (web_sql(w, listing_sql(l), 5, tid, l->territory,
		    l->q, lim, off));
	case S_TALLIES:
		if (l->archived) {
			listing_ids(w, l);
			return (web_sql(w, sql_archive_list_tallies, 1,
			    l->ids));
		}
		break;
	}

	total = strtoll(web_value(w, S_COUNT, 0, 0), NULL, 10);
	page_begin(w, web_value(w, S_THEME, 0, ATH_TITLE));
	write_head(w, l);
	write_filters(w, l);
	html_raw(H, "<p class=\"results\" role=\"status\">");
	html_rawf(H, "%lld", total);
	html_raw(H, total > 1 ? " propositions" : " proposition");
	if (l->q != NULL) {
		html_raw(H, " pour la recherche « ");
		html_text(H, l->q);
		html_raw(H, " »");
	}
	html_raw(H, ".</p>\n");
	if (web_nrows(w, S_LIST) == 0) {
		html_raw(H, total > 0 ? "<p>Aucune proposition sur cette page."
		    "</p>\n" : "<p>Aucune proposition ne correspond.</p>\n");
	} else {
		html_raw(H, "<ol class=\"proposals\">\n");
		for (i = 0; i < web_nrows(w, S_LIST); i++)
			write_item(w, l, i);
		html_raw(H, "</ol>\n");
	}
	write_pages(w, l, total);
	page_end(w);
	return (web_send(w, 200));
}

static struct listing *
listing_new(struct web_req *w, const char *consultation, const char *theme)
{
	struct listing	*l = w->data;

	if (l == NULL) {
		l = w->data = kore_calloc(1, sizeof(*l));
		w->data_free = listing_free;
		l->consultation = consultation;
		l->theme = theme;
	}
	return (l);
}

/* GET /themes/:slug: a theme of the primary consultation. */
int
themes_show(struct web_req *w)
{
	return (listing_show(w, listing_new(w, NULL, w->args[0])));
}

/*
 * GET /consultations/:consultation/themes/:theme: a theme of an archive
 * (the primary consultation's are redirected to /themes/<slug>).
 */
int
archive_theme_show(struct web_req *w)
{
	return (listing_show(w, listing_new(w, w->args[0], w->args[1])));
}
