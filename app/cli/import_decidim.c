/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora import decidim DIR: the standard Decidim open-data exports of the
 * Grand Débat National 2019 (propositions-libres.csv, debats.csv,
 * commentaires_debats.csv, commentaires_propositions_libres.csv; ';' as
 * separator) into a consultation of its own.
 *
 * Decidim categories become themes ("Sans catégorie" for proposals without
 * one). Proposals and debates both become proposals; a debate's theme is the
 * category its description names. Comments keep their Decidim alignment
 * (imported_tallies.alignment) and their depth, and are attached to the
 * debate, proposal or comment they answer. Decidim ids are unique per
 * instance and per kind, so source_id is "<host>/<kind>/<id>". A comment
 * whose commented item is not in the export (the Nancy comments: Nancy's
 * proposals were not exported) cannot be attached and is counted as skipped.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/markdown.h"
#include "../core/plaintext.h"
#include "../db/imports.h"
#include "cli.h"
#include "import.h"

#define DC_SLUG		"grand-debat-2019"
#define DC_SOURCE	"decidim-grand-debat-2019"
#define DC_NONE		"Sans catégorie"
#define DC_MAX_THEMES	32

enum { P_ID, P_CATEGORY, P_TITLE, P_BODY, P_VOTES, P_COMMENTS, P_CREATED,
    P_URL };
static const char *const proposal_cols[] = { "id", "category/name/fr",
    "title", "body", "votes", "comments", "created_at", "url", NULL };
enum { D_ID, D_TITLE, D_DESCRIPTION, D_COMMENTS, D_CREATED, D_URL };
static const char *const debate_cols[] = { "id", "title/fr", "description/fr",
    "comments", "created_at", "url", NULL };
enum { C_ID, C_CREATED, C_BODY, C_ALIGNMENT, C_DEPTH, C_COMMENTABLE_ID,
    C_COMMENTABLE_TYPE, C_ROOT_URL };
static const char *const comment_cols[] = { "id", "created_at", "body",
    "alignment", "depth", "commentable_id", "commentable_type",
    "root_commentable_url", NULL };

/* One imported item, to attach comments and inherit themes. */
struct dc_item {
	char	source_id[160];		/* "<host>/<kind>/<id>" */
	char	id[24];			/* contributions.id */
	char	theme[24];		/* themes.id */
};

struct dc_state {
	PGconn		*db;
	char		 cid[24];
	char		*theme_names[DC_MAX_THEMES];
	char		 theme_ids[DC_MAX_THEMES][24];
	size_t		 ntheme;
	struct dc_item	*items;
	size_t		 nitems, cap;
};

/* Copies the host of an http(s) URL into out; "" when there is none. */
static void
url_host(const char *url, char *out, size_t outsz)
{
	const char	*p, *e;
	size_t		 n;

	out[0] = '\0';
	if ((p = strstr(url, "://")) == NULL)
		return;
	p += 3;
	for (e = p; *e != '\0' && *e != '/' && *e != ':'; e++)
		;
	n = (size_t)(e - p) < outsz - 1 ? (size_t)(e - p) : outsz - 1;
	memcpy(out, p, n);
	out[n] = '\0';
}

static int
is_int(const char *s, int neg)
{
	size_t	i = 0;

	if (neg && s[0] == '-')
		i = 1;
	if (s[i] == '\0' || strlen(s + i) > 9)
		return (0);
	for (; s[i] != '\0'; i++)
		if (s[i] < '0' || s[i] > '9')
			return (0);
	return (1);
}

static const struct dc_item *
find_item(const struct dc_state *st, const char *source_id)
{
	size_t	i;

	for (i = 0; i < st->nitems; i++)
		if (strcmp(st->items[i].source_id, source_id) == 0)
			return (&st->items[i]);
	return (NULL);
}

static struct dc_item *
new_item(struct dc_state *st)
{
	struct dc_item	*n;

	if (st->nitems == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 256;
		if ((n = realloc(st->items, st->cap * sizeof(*n))) == NULL)
			import_fail(st->db, NULL, 0, "mémoire insuffisante");
		st->items = n;
	}
	memset(&st->items[st->nitems], 0, sizeof(*n));
	return (&st->items[st->nitems++]);
}

/* The index of theme name, added to the list when new. */
static size_t
theme_index(struct dc_state *st, const char *file, size_t line,
    const char *name)
{
	size_t	i;

	if (*name == '\0')
		name = DC_NONE;
	for (i = 0; i < st->ntheme; i++)
		if (strcmp(st->theme_names[i], name) == 0)
			return (i);
	if (st->ntheme == DC_MAX_THEMES)
		import_fail(st->db, file, line, "plus de %d catégories",
		    DC_MAX_THEMES);
	if ((st->theme_names[st->ntheme] = strdup(name)) == NULL)
		import_fail(st->db, NULL, 0, "mémoire insuffisante");
	return (st->ntheme++);
}

static int
cmp_name(const void *a, const void *b)
{
	const char	*x = *(char *const *)a, *y = *(char *const *)b;

	/* "Sans catégorie" goes last. */
	if (strcmp(x, DC_NONE) == 0)
		return (1);
	if (strcmp(y, DC_NONE) == 0)
		return (-1);
	return (strcmp(x, y));
}

/* Inserts one contribution from p (23 parameters); stores its id. */
static void
insert(struct dc_state *st, const struct import_file *f, size_t row,
    const char *const p[23], struct dc_item *it, const char *theme)
{
	PGresult	*res;

	res = import_exec(st->db, f->name, import_line(f, row),
	    sql_import_contribution, 23, p);
	snprintf(it->id, sizeof(it->id), "%s", PQgetvalue(res, 0, 0));
	snprintf(it->theme, sizeof(it->theme), "%s", theme);
	PQclear(res);
}

static void
render(struct dc_state *st, const char *t, char **md, char **html)
{
	if ((*md = plain_to_markdown(t)) == NULL ||
	    (*html = markdown_render(*md, strlen(*md), 2)) == NULL)
		import_fail(st->db, NULL, 0, "mémoire insuffisante");
}

/* Imports the comments of file f at one depth; returns how many. */
static size_t
import_comments(struct dc_state *st, const struct import_file *f,
    const char *depth, size_t *skipped)
{
	const struct dc_item	*parent;
	struct dc_item		*it;
	const char		*type, *kind, *p[23], *al;
	char			 host[128], psid[160], pid[24], ptheme[24];
	char			*md, *html;
	size_t			 i, n = 0;

	for (i = 0; i < f->nrows; i++) {
		if (strcmp(import_get(f, i, C_DEPTH), depth) != 0)
			continue;
		url_host(import_get(f, i, C_ROOT_URL), host, sizeof(host));
		type = import_get(f, i, C_COMMENTABLE_TYPE);
		if (strcmp(type, "Decidim::Debates::Debate") == 0)
			kind = "debates";
		else if (strcmp(type, "Decidim::Proposals::Proposal") == 0)
			kind = "proposals";
		else if (strcmp(type, "Decidim::Comments::Comment") == 0)
			kind = "comments";
		else
			import_fail(st->db, f->name, import_line(f, i),
			    "commentable_type « %s » inconnu", type);
		snprintf(psid, sizeof(psid), "%s/%s/%s", host, kind,
		    import_get(f, i, C_COMMENTABLE_ID));
		if ((parent = find_item(st, psid)) == NULL) {
			(*skipped)++;
			continue;
		}
		/* new_item() may move st->items: copy the parent first. */
		snprintf(pid, sizeof(pid), "%s", parent->id);
		snprintf(ptheme, sizeof(ptheme), "%s", parent->theme);
		it = new_item(st);
		snprintf(it->source_id, sizeof(it->source_id), "%s/comments/%s",
		    host, import_get(f, i, C_ID));
		render(st, import_get(f, i, C_BODY), &md, &html);
		al = import_get(f, i, C_ALIGNMENT);
		memset(p, 0, sizeof(p));
		p[0] = st->cid;
		p[1] = ptheme;
		p[2] = "comment";
		p[3] = pid;
		p[5] = depth;
		p[7] = md;
		p[8] = html;
		p[9] = "published";
		p[10] = DC_SOURCE;
		p[11] = it->source_id;
		p[12] = import_get(f, i, C_CREATED);
		p[13] = p[12];
		p[21] = al;
		insert(st, f, i, p, it, ptheme);
		free(md);
		free(html);
		n++;
	}
	return (n);
}

int
import_decidim(const char *dir)
{
	struct import_file	 pr, de, cd, cp;
	struct dc_state		 st;
	struct dc_item		*it;
	PGresult		*res;
	const char		*p[23];
	char			*desc, *md, *html, host[128], slug[65], pos[24];
	size_t			 i, t, skipped = 0, ncomments = 0;
	size_t			 debate_theme[256];
	const struct import_file *cf[2];

	import_load(&pr, dir, "propositions-libres.csv", ';', proposal_cols);
	import_load(&de, dir, "debats.csv", ';', debate_cols);
	import_load(&cd, dir, "commentaires_debats.csv", ';', comment_cols);
	import_load(&cp, dir, "commentaires_propositions_libres.csv", ';',
	    comment_cols);
	cf[0] = &cd;
	cf[1] = &cp;

	memset(&st, 0, sizeof(st));
	for (i = 0; i < pr.nrows; i++) {
		if (!is_int(import_get(&pr, i, P_VOTES), 0) ||
		    !is_int(import_get(&pr, i, P_COMMENTS), 0))
			import_fail(NULL, pr.name, import_line(&pr, i),
			    "votes ou comments n'est pas un nombre");
		if (*import_get(&pr, i, P_TITLE) == '\0')
			import_fail(NULL, pr.name, import_line(&pr, i),
			    "titre vide");
		theme_index(&st, pr.name, import_line(&pr, i),
		    import_get(&pr, i, P_CATEGORY));
	}
	if (de.nrows > sizeof(debate_theme) / sizeof(debate_theme[0]))
		import_fail(NULL, de.name, 0, "trop de débats");
	for (i = 0; i < de.nrows; i++) {
		if (!is_int(import_get(&de, i, D_COMMENTS), 0))
			import_fail(NULL, de.name, import_line(&de, i),
			    "comments n'est pas un nombre");
		if ((desc = plain_from_html(import_get(&de, i,
		    D_DESCRIPTION))) == NULL)
			import_fail(NULL, NULL, 0, "mémoire insuffisante");
		debate_theme[i] = theme_index(&st, de.name,
		    import_line(&de, i), desc);
		free(desc);
	}
	for (t = 0; t < 2; t++)
		for (i = 0; i < cf[t]->nrows; i++) {
			const char *d = import_get(cf[t], i, C_DEPTH);
			if (!is_int(import_get(cf[t], i, C_ALIGNMENT), 1) ||
			    !is_int(d, 0) || strlen(d) > 1)
				import_fail(NULL, cf[t]->name,
				    import_line(cf[t], i), "alignment ou "
				    "depth invalide");
		}

	/* Theme order: by name, "Sans catégorie" last; debates keep theirs
	 * through the names. */
	{
		char	*sorted[DC_MAX_THEMES];

		memcpy(sorted, st.theme_names, sizeof(sorted));
		qsort(sorted, st.ntheme, sizeof(sorted[0]), cmp_name);
		for (i = 0; i < de.nrows; i++) {
			const char *name = st.theme_names[debate_theme[i]];
			for (t = 0; strcmp(sorted[t], name) != 0; t++)
				;
			debate_theme[i] = t;
		}
		memcpy(st.theme_names, sorted, sizeof(sorted));
	}

	st.db = cli_connect();
	import_begin(st.db);
	import_refuse_duplicate(st.db, DC_SLUG, DC_SOURCE);
	p[0] = DC_SLUG;
	p[1] = "Grand Débat National 2019 (Métropole Européenne de Lille)";
	p[2] = "Les contributions déposées en 2019 sur la plateforme Decidim "
	    "de la Métropole Européenne de Lille pendant le Grand Débat "
	    "National : propositions libres, débats sur les questions du "
	    "Président de la République et leurs commentaires.";
	p[3] = "Données importées des exports ouverts Decidim (datathon Grand "
	    "Débat, mars 2019). Les noms des contributeurs ne sont pas "
	    "repris. Les soutiens affichés sont ceux de la plateforme "
	    "d'origine.";
	p[4] = DC_SOURCE;
	res = import_exec(st.db, NULL, 0, sql_import_consultation, 5, p);
	snprintf(st.cid, sizeof(st.cid), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	for (t = 0; t < st.ntheme; t++) {
		if (plain_slugify(st.theme_names[t], slug, sizeof(slug),
		    64) == 0)
			import_fail(st.db, NULL, 0, "catégorie « %s » sans "
			    "titre utilisable", st.theme_names[t]);
		snprintf(pos, sizeof(pos), "%zu", t + 1);
		p[0] = st.cid;
		p[1] = slug;
		p[2] = pos;
		p[3] = st.theme_names[t];
		p[4] = "Catégorie Decidim du Grand Débat National 2019.";
		res = import_exec(st.db, NULL, 0, sql_import_theme, 5, p);
		snprintf(st.theme_ids[t], sizeof(st.theme_ids[t]), "%s",
		    PQgetvalue(res, 0, 0));
		PQclear(res);
	}

	for (i = 0; i < pr.nrows; i++) {
		const char	*cat = import_get(&pr, i, P_CATEGORY);

		for (t = 0; strcmp(st.theme_names[t],
		    *cat ? cat : DC_NONE) != 0; t++)
			;
		it = new_item(&st);
		url_host(import_get(&pr, i, P_URL), host, sizeof(host));
		snprintf(it->source_id, sizeof(it->source_id),
		    "%s/proposals/%s", host, import_get(&pr, i, P_ID));
		render(&st, import_get(&pr, i, P_BODY), &md, &html);
		memset(p, 0, sizeof(p));
		p[0] = st.cid;
		p[1] = st.theme_ids[t];
		p[2] = "proposal";
		p[5] = "0";
		p[6] = import_get(&pr, i, P_TITLE);
		p[7] = md;
		p[8] = html;
		p[9] = "published";
		p[10] = DC_SOURCE;
		p[11] = it->source_id;
		p[12] = import_get(&pr, i, P_CREATED);
		p[13] = p[12];
		p[17] = import_get(&pr, i, P_VOTES);
		p[20] = import_get(&pr, i, P_COMMENTS);
		p[22] = import_get(&pr, i, P_URL);
		insert(&st, &pr, i, p, it, st.theme_ids[t]);
		free(md);
		free(html);
		import_progress(pr.name, i + 1, pr.nrows);
	}
	for (i = 0; i < de.nrows; i++) {
		t = debate_theme[i];
		it = new_item(&st);
		url_host(import_get(&de, i, D_URL), host, sizeof(host));
		snprintf(it->source_id, sizeof(it->source_id),
		    "%s/debates/%s", host, import_get(&de, i, D_ID));
		if ((desc = plain_from_html(import_get(&de, i,
		    D_DESCRIPTION))) == NULL)
			import_fail(st.db, NULL, 0, "mémoire insuffisante");
		render(&st, desc, &md, &html);
		memset(p, 0, sizeof(p));
		p[0] = st.cid;
		p[1] = st.theme_ids[t];
		p[2] = "proposal";
		p[5] = "0";
		p[6] = import_get(&de, i, D_TITLE);
		p[7] = md;
		p[8] = html;
		p[9] = "published";
		p[10] = DC_SOURCE;
		p[11] = it->source_id;
		p[12] = import_get(&de, i, D_CREATED);
		p[13] = p[12];
		p[20] = import_get(&de, i, D_COMMENTS);
		p[22] = import_get(&de, i, D_URL);
		insert(&st, &de, i, p, it, st.theme_ids[t]);
		free(desc);
		free(md);
		free(html);
		import_progress(de.name, i + 1, de.nrows);
	}
	/* Comments by depth, so a comment's parent is always in first. */
	for (t = 0; t < 2; t++) {
		char	d[2] = "0";

		for (; d[0] <= '9'; d[0]++)
			ncomments += import_comments(&st, cf[t], d, &skipped);
		import_progress(cf[t]->name, cf[t]->nrows, cf[t]->nrows);
	}
	import_commit(st.db, st.cid);
	PQfinish(st.db);
	printf("Grand Débat 2019 importé (consultation « %s ») : %zu thèmes, "
	    "%zu propositions, %zu débats, %zu commentaires.\n", DC_SLUG,
	    st.ntheme, pr.nrows, de.nrows, ncomments);
	if (skipped > 0)
		printf("%zu commentaires non importés : la contribution "
		    "commentée n'est pas dans l'export (autre instance "
		    "Decidim).\n", skipped);
	for (t = 0; t < st.ntheme; t++)
		free(st.theme_names[t]);
	free(st.items);
	import_free(&pr);
	import_free(&de);
	import_free(&cd);
	import_free(&cp);
	return (0);
}
