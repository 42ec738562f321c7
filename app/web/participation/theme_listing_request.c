/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * What a theme's listing is asked (theme_listing.h): its five sorts, the
 * query parameters, each checked (an empty value means "the default", any
 * other value that is not valid gets a French message for a 400), the seed
 * of the random order, and the address of each of its pages.
 */

#include <string.h>

#include "../../core/text.h"
#include "../../core/token.h"
#include "../../core/vocab.h"
#include "../../db/participation.h"
#include "../kernel/app.h"
#include "../kernel/session.h"
#include "../shared/ui.h"
#include "theme_listing.h"

#define PAGE_MAX	100000
#define Q_MAX		200

const struct listing_sort listing_sorts[LISTING_NSORTS] = {
	{ "recent",	"Les plus récentes",	&sql_part_list_recent,
	    NULL, NULL },
	{ "votes",	"Les plus votées",	&sql_part_list_votes,
	    "Les plus votées sur la plateforme d'origine",
	    &sql_part_list_source_votes },
	{ "accord",	"Le plus large accord",	&sql_part_list_agree,
	    "Le plus large accord sur la plateforme d'origine",
	    &sql_part_list_source_agree },
	{ "debat",	"Les plus débattues",	&sql_part_list_debate,
	    NULL, NULL },
	{ "hasard",	"Au hasard",		&sql_part_list_random,
	    NULL, NULL },
};

/* The statement of the listing's sort. */
const struct db_stmt *
listing_sql(const struct listing *l)
{
	if (l->archived && listing_sorts[l->sort].archive_sql != NULL)
		return (listing_sorts[l->sort].archive_sql);
	return (listing_sorts[l->sort].sql);
}

const char *
listing_sort_label(const struct listing *l, size_t k)
{
	if (!l->archived || listing_sorts[k].archive_label == NULL)
		return (listing_sorts[k].label);
	if (k == SORT_VOTES && !l->split)
		return ("Les plus soutenues sur la plateforme d'origine");
	return (listing_sorts[k].archive_label);
}

/* Reads tri=, page= and statut=. 0, or -1 with msg set. */
int
listing_parse_order(struct web_req *w, struct listing *l, const char **msg)
{
	const char	*v;
	size_t		 i;

	if ((v = web_arg(w, "tri")) != NULL && *v != '\0') {
		for (i = 0; i < LISTING_NSORTS; i++)
			if (strcmp(v, listing_sorts[i].value) == 0)
				break;
		if (i == LISTING_NSORTS) {
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
	if ((v = web_arg(w, "reponse")) != NULL && *v != '\0') {
		if (strcmp(v, ANSWER_NONE) != 0 &&
		    vocab_find(vocab_answer, ANS__MAX, v) < 0) {
			*msg = "La réponse demandée (paramètre « reponse ») "
			    "n'existe pas. Choisissez-la dans la liste.";
			return (-1);
		}
		l->answer = v;
	}
	return (0);
}

/* Reads territoire= and q=. 0, or -1 with msg set. */
int
listing_parse_filters(struct web_req *w, struct listing *l, const char **msg)
{
	const char	*v;
	char		*s, *e;

	if ((v = web_arg(w, "territoire")) != NULL && *v != '\0') {
		if (strlen(v) > 3) {
			*msg = "Le département demandé (paramètre "
			    "« territoire ») n'existe pas.";
			return (-1);
		}
		l->territory = v;	/* checked against the list later */
	}
	if ((v = web_arg(w, "q")) == NULL)
		return (0);
	if (strlen(v) > 4 * Q_MAX || !text_utf8_valid(v, strlen(v))) {
		*msg = "La recherche (paramètre « q ») n'est pas valide : "
		    "texte UTF-8 de 200 caractères au plus.";
		return (-1);
	}
	for (s = web_strdup(w, v); *s == ' ' || *s == '\t'; s++)
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
		*msg = "La recherche (paramètre « q ») ne doit pas dépasser "
		    "200 caractères.";
		return (-1);
	}
	if (*s != '\0')
		l->q = s;
	return (0);
}

/* A seed stable for one visitor (session or anonymous cookie), keyed. */
void
listing_seed(struct web_req *w, struct listing *l)
{
	char		*v, msg[96], mac[TOKEN_LEN + 1];
	char		 fresh[TOKEN_LEN + 1];
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
		http_response_header(w->req, "set-cookie", web_printf(w,
		    ANON_COOKIE "=%s; Path=/; Max-Age=86400; HttpOnly; "
		    "SameSite=Lax%s", fresh, app.cookie_secure ?
		    "; Secure" : ""));
		snprintf(msg, sizeof(msg), "seed:%s", fresh);
	} else
		snprintf(msg, sizeof(msg), "seed:anonymous");
	token_mac(app.secret, app.secret_len, msg, mac);
	for (i = 0; mac[i] != '\0'; i++)
		h = h * 31 + (unsigned char)mac[i];
	l->seed = h & 0x7fffffff;
}

/* The address of the listing's page n, with its filters (ui_pager). */
const char *
listing_href(struct web_req *w, void *arg, long long n)
{
	struct listing	*l = arg;
	struct kore_buf	 b;
	const char	*s;

	kore_buf_init(&b, 128);
	kore_buf_appendf(&b, "%s?tri=%s", ui_theme(w, l->consultation,
	    l->theme), listing_sorts[l->sort].value);
	if (l->territory != NULL)
		kore_buf_appendf(&b, "&territoire=%s",
		    ui_url_part(w, l->territory));
	if (l->q != NULL)
		kore_buf_appendf(&b, "&q=%s", ui_url_part(w, l->q));
	if (l->answer != NULL)
		kore_buf_appendf(&b, "&reponse=%s", ui_url_part(w, l->answer));
	kore_buf_appendf(&b, "&page=%lld", n);
	s = web_strdup(w, kore_buf_stringify(&b, NULL));
	kore_buf_cleanup(&b);
	return (s);
}
