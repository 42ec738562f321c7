/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * One theme: its text, then its published proposals with full-text search,
 * filters, five sorts and pagination, through a GET form that works without
 * JavaScript. Every query parameter is checked: an empty value means "the
 * default"; any other value that is not valid gets a French 400.
 */

#include <stdlib.h>
#include <string.h>

#include "../core/text.h"
#include "../core/token.h"
#include "../db/participation.h"
#include "app.h"
#include "participation.h"
#include "session.h"

#define PAGE_SIZE	20
#define PAGE_MAX	100000
#define Q_MAX		200

int	themes_show(struct web_req *);

static const struct {
	const char	*value;		/* tri=... */
	const char	*label;
	const char	*sql;
} sorts[] = {
	{ "recent",	"Les plus récentes",	sql_part_list_recent },
	{ "votes",	"Les plus votées",	sql_part_list_votes },
	{ "accord",	"Le plus large accord",	sql_part_list_agree },
	{ "debat",	"Les plus débattues",	sql_part_list_debate },
	{ "hasard",	"Au hasard",		sql_part_list_random },
};
#define NSORTS	(sizeof(sorts) / sizeof(sorts[0]))

struct listing {
	size_t		 sort;
	long long	 page;
	const char	*territory;	/* NULL: all */
	const char	*q;		/* NULL: no search */
	char		 qbuf[4 * Q_MAX + 1];
	char		 seed[24];	/* decimal, 0 .. 2^31 - 1 */
};

static void
listing_free(void *p)
{
	kore_free(p);
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
		text_search_clean(s);
		s = text_trim(s);
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
listing_href(struct web_req *w, const char *slug, struct listing *l,
    long long p)
{
	html_raw(H, "/themes/");
	html_url_arg(H, slug);
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
write_filters(struct web_req *w, const char *slug, struct listing *l)
{
	int	i;
	size_t	k;

	html_raw(H, "<form method=\"get\" action=\"/themes/");
	html_url_arg(H, slug);
	html_raw(H, "#propositions\" class=\"filters\" role=\"search\" "
	    "aria-label=\"Chercher et trier les propositions\">\n"
	    "<div class=\"field\"><label for=\"f-q\">Rechercher</label>\n"
	    "<input type=\"search\" id=\"f-q\" name=\"q\" maxlength=\"200\" "
	    "value=\"");
	html_text(H, l->q ? l->q : "");
	html_raw(H, "\"></div>\n<div class=\"field\"><label for=\"f-territoire"
	    "\">Département</label>\n<select id=\"f-territoire\" "
	    "name=\"territoire\">\n<option value=\"\">Tous</option>\n");
	for (i = 0; i < web_nrows(w, 1); i++) {
		html_raw(H, "<option value=\"");
		html_text(H, web_value(w, 1, i, 0));
		html_raw(H, "\"");
		if (l->territory && strcmp(l->territory,
		    web_value(w, 1, i, 0)) == 0)
			html_raw(H, " selected");
		html_raw(H, ">");
		html_text(H, web_value(w, 1, i, 1));
		html_raw(H, "</option>\n");
	}
	html_raw(H, "</select></div>\n<div class=\"field\"><label for=\""
	    "f-statut\">Statut</label>\n<select id=\"f-statut\" name=\"statut\">"
	    "\n<option value=\"publiees\">Publiées</option>\n</select></div>\n"
	    "<div class=\"field\"><label for=\"f-tri\">Trier par</label>\n"
	    "<select id=\"f-tri\" name=\"tri\">\n");
	for (k = 0; k < NSORTS; k++) {
		html_raw(H, "<option value=\"");
		html_text(H, sorts[k].value);
		html_raw(H, "\"");
		if (k == l->sort)
			html_raw(H, " selected");
		html_raw(H, ">");
		html_text(H, sorts[k].label);
		html_raw(H, "</option>\n");
	}
	html_raw(H, "</select></div>\n<p><button type=\"submit\">Afficher"
	    "</button></p>\n</form>\n");
}

static void
write_item(struct web_req *w, int r)
{
	html_raw(H, "<li class=\"proposal\">\n<h3><a href=\"/propositions/");
	html_text(H, web_value(w, 3, r, 0));
	html_raw(H, "\">");
	html_text(H, web_value(w, 3, r, 1));
	html_raw(H, "</a></h3>\n<p class=\"excerpt\">");
	html_text(H, web_value(w, 3, r, 2));
	if (text_utf8_chars(web_value(w, 3, r, 2)) >= 240)
		html_raw(H, "…");
	html_raw(H, "</p>\n<p class=\"meta\">Par ");
	html_text(H, web_value(w, 3, r, 3));
	if (*web_value(w, 3, r, 4) != '\0') {
		html_raw(H, " (");
		html_text(H, web_value(w, 3, r, 4));
		html_raw(H, ")");
	}
	html_raw(H, ", le ");
	html_text(H, web_value(w, 3, r, 10));
	html_raw(H, "</p>\n<p class=\"counts\">");
	html_text(H, web_value(w, 3, r, 5));
	html_raw(H, " d'accord · ");
	html_text(H, web_value(w, 3, r, 6));
	html_raw(H, " mitigé · ");
	html_text(H, web_value(w, 3, r, 7));
	html_raw(H, " pas d'accord · ");
	html_text(H, web_value(w, 3, r, 8));
	html_raw(H, strtoll(web_value(w, 3, r, 8), NULL, 10) > 1 ?
	    " arguments · " : " argument · ");
	html_text(H, web_value(w, 3, r, 9));
	html_raw(H, strtoll(web_value(w, 3, r, 9), NULL, 10) > 1 ?
	    " contributions au débat</p>\n</li>\n" :
	    " contribution au débat</p>\n</li>\n");
}

static void
write_pages(struct web_req *w, const char *slug, struct listing *l,
    long long total)
{
	long long	last = (total + PAGE_SIZE - 1) / PAGE_SIZE;

	if (last <= 1)
		return;
	html_raw(H, "<nav aria-label=\"Pages de résultats\" class=\"pages\">"
	    "<ul>\n");
	if (l->page > 1) {
		html_raw(H, "<li><a rel=\"prev\" href=\"");
		listing_href(w, slug, l, l->page - 1 > last ? last :
		    l->page - 1);
		html_raw(H, "\">Page précédente</a></li>\n");
	}
	html_rawf(H, "<li aria-current=\"page\">Page %lld sur %lld</li>\n",
	    l->page, last);
	if (l->page < last) {
		html_raw(H, "<li><a rel=\"next\" href=\"");
		listing_href(w, slug, l, l->page + 1);
		html_raw(H, "\">Page suivante</a></li>\n");
	}
	html_raw(H, "</ul></nav>\n");
}

/*
 * GET /themes/:slug. Raises 404 for a malformed or unknown slug, 400 for a
 * query parameter that is not valid.
 */
int
themes_show(struct web_req *w)
{
	struct listing	*l = w->data;
	const char	*msg = NULL, *slug;
	char		 lim[24], off[24];
	long long	 total;
	int		 i, found;

	switch (w->step) {
	case 0:
		if (!text_slug_valid(w->args[0]))
			return (web_error(w, 404, NULL));
		l = w->data = kore_calloc(1, sizeof(*l));
		w->data_free = listing_free;
		if (listing_parse(w, l, &msg) == -1)
			return (web_error(w, 400, msg));
		if (sorts[l->sort].sql == sql_part_list_random)
			listing_seed(w, l);
		return (web_sql(w, sql_part_theme, 1, w->args[0]));
	case 1:
		if (web_nrows(w, 0) != 1)
			return (web_error(w, 404, NULL));
		return (web_sql(w, sql_part_territories, 0));
	case 2:
		if (l->territory != NULL) {
			for (found = 0, i = 0; i < web_nrows(w, 1); i++)
				if (strcmp(web_value(w, 1, i, 0),
				    l->territory) == 0)
					found = 1;
			if (!found)
				return (web_error(w, 400, "Le département "
				    "demandé (paramètre « territoire ») "
				    "n'existe pas."));
		}
		return (web_sql(w, sql_part_list_count, 3,
		    web_value(w, 0, 0, 0), l->territory, l->q));
	case 3:
		part_itoa(PAGE_SIZE, lim);
		part_itoa((l->page - 1) * PAGE_SIZE, off);
		if (sorts[l->sort].sql == sql_part_list_random)
			return (web_sql(w, sql_part_list_random, 6,
			    web_value(w, 0, 0, 0), l->territory, l->q, lim,
			    off, l->seed));
		return (web_sql(w, sorts[l->sort].sql, 5,
		    web_value(w, 0, 0, 0), l->territory, l->q, lim, off));
	}

	slug = web_value(w, 0, 0, 1);
	total = strtoll(web_value(w, 2, 0, 0), NULL, 10);
	page_begin(w, web_value(w, 0, 0, 2));
	html_raw(H, "<nav aria-label=\"Fil d'Ariane\" class=\"crumbs\"><ol>"
	    "<li><a href=\"/\">Accueil</a></li><li aria-current=\"page\">"
	    "Enjeu ");
	html_text(H, web_value(w, 0, 0, 5));
	html_raw(H, "</li></ol></nav>\n<h1>");
	html_text(H, web_value(w, 0, 0, 2));
	html_raw(H, "</h1>\n<p class=\"lead\">");
	html_text(H, web_value(w, 0, 0, 3));
	html_raw(H, "</p>\n<div class=\"prose\">\n");
	web_markdown(w, web_value(w, 0, 0, 4), 1);
	html_raw(H, "</div>\n<h2 id=\"propositions\">Propositions</h2>\n");
	if (!part_phase_notice(w, web_value(w, 0, 0, 6), web_value(w, 0, 0, 7),
	    web_value(w, 0, 0, 8))) {
		html_raw(H, "<p class=\"action\"><a class=\"button\" "
		    "href=\"/themes/");
		html_url_arg(H, slug);
		html_raw(H, "/proposer\">Déposer une proposition</a></p>\n");
	}
	write_filters(w, slug, l);
	html_raw(H, "<p class=\"results\" role=\"status\">");
	html_rawf(H, "%lld", total);
	html_raw(H, total > 1 ? " propositions" : " proposition");
	if (l->q != NULL) {
		html_raw(H, " pour la recherche « ");
		html_text(H, l->q);
		html_raw(H, " »");
	}
	html_raw(H, ".</p>\n");
	if (web_nrows(w, 3) == 0) {
		html_raw(H, total > 0 ? "<p>Aucune proposition sur cette page."
		    "</p>\n" : "<p>Aucune proposition ne correspond.</p>\n");
	} else {
		html_raw(H, "<ol class=\"proposals\">\n");
		for (i = 0; i < web_nrows(w, 3); i++)
			write_item(w, i);
		html_raw(H, "</ol>\n");
	}
	write_pages(w, slug, l, total);
	page_end(w);
	return (web_send(w, 200));
}
