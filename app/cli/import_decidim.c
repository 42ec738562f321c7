/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora import decidim DIR: the standard Decidim open-data exports of the
 * Grand Débat National 2019 (propositions-libres.csv, debats.csv,
 * commentaires_debats.csv, commentaires_propositions_libres.csv; ';' as
 * separator) into an archived consultation of its own.
 *
 * Decidim categories become themes ("Sans catégorie" for proposals without
 * one). Proposals and debates both become proposals; a debate's theme is the
 * category its description names. Comments keep their Decidim alignment
 * (imported_tallies.alignment) and their depth, and are attached to the
 * debate, proposal or comment they answer. Decidim ids are unique per
 * instance and per kind, so source_id is "<host>/<kind>/<id>".
 *
 * A comment on an instance none of whose proposals or debates is in the
 * export (the Nancy comments: Nancy's proposals were not exported) cannot be
 * attached and is counted as skipped; on an exported instance, a comment
 * whose debate, proposal or parent comment is missing is refused. Each
 * debate and proposal declares its comments (column comments, replies
 * included): the count is checked whenever the comments file of its kind
 * holds comments of its instance, and a comments file with no row at all is
 * refused while its items declare comments; so is a depth or a
 * root_commentable_url that does not fit the thread.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/plaintext.h"
#include "cli.h"
#include "import.h"

#define DC_SLUG		"grand-debat-2019"
#define DC_SOURCE	"decidim-grand-debat-2019"
#define DC_NONE		"Sans catégorie"
#define DC_MAX_THEMES	32
#define DC_MAX_HOSTS	16

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

static const char dc_title[] =
    "Grand Débat National 2019 (Métropole Européenne de Lille)";
static const char dc_summary[] =
    "Les contributions déposées en 2019 sur la plateforme Decidim de la "
    "Métropole Européenne de Lille pendant le Grand Débat National : "
    "propositions libres, débats sur les questions du Président de la "
    "République et leurs commentaires.";
static const char dc_body[] =
    "Données importées des exports ouverts Decidim (datathon Grand Débat, "
    "mars 2019). Les noms des contributeurs ne sont pas repris. Les "
    "soutiens affichés sont ceux de la plateforme d'origine.";
/* Also in migrations/0130_archives.sql, for imports made before it. */
static const char dc_name[] =
    "Decidim de la Métropole Européenne de Lille "
    "(participation.lillemetropole.fr)";
static const char dc_url[] =
    "http://participation.lillemetropole.fr/processes/granddebatmel";
static const char dc_licence[] =
    "Exports ouverts standard de Decidim, publiés pour le datathon du Grand "
    "Débat de mars 2019 (dépôt github.com/OpenSourcePolitics/"
    "datathon-grand-debat, sous licence GPL-3.0 ; aucune licence propre aux "
    "données n'y est indiquée). Les noms des contributeurs ne sont pas "
    "repris.";

static const struct import_source dc_source = {
	DC_SLUG, DC_SOURCE, dc_title, dc_summary, dc_body, dc_name, dc_url,
	dc_licence
};

/* What a Decidim URL names: ".../<kind>/<id>" on a host. */
struct dc_ref {
	char	host[128];
	char	kind[16];		/* "proposals" or "debates" */
	char	id[24];
};

/* The hosts that have items in the export, and which have comments. */
struct dc_hosts {
	char	name[DC_MAX_HOSTS][128];
	int	comments[DC_MAX_HOSTS][2];	/* per comments file */
	size_t	n;
};

/* A comments file, and what its items are called in messages. */
struct dc_comments {
	const struct import_file *f;
	const char		*label;		/* "le débat", "la proposition" */
};

static int
is_int(const char *s, int neg)
{
	if (neg && s[0] == '-')
		s++;
	return (import_is_count(s));
}

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

/* Reads host, kind and id of a root_commentable_url. 0, or -1. */
static int
url_ref(const char *url, struct dc_ref *r)
{
	const char	*id, *kind;
	size_t		 n;

	url_host(url, r->host, sizeof(r->host));
	if (r->host[0] == '\0' || (id = strrchr(url, '/')) == NULL ||
	    !import_is_count(id + 1))
		return (-1);
	for (kind = id; kind > url && kind[-1] != '/'; kind--)
		;
	n = (size_t)(id - kind);
	if (!((n == 9 && strncmp(kind, "proposals", 9) == 0) ||
	    (n == 7 && strncmp(kind, "debates", 7) == 0)))
		return (-1);
	snprintf(r->kind, sizeof(r->kind), "%.*s", (int)n, kind);
	snprintf(r->id, sizeof(r->id), "%s", id + 1);
	return (0);
}

/* The index of host in h, or -1. */
static int
host_index(const struct dc_hosts *h, const char *host)
{
	size_t	i;

	for (i = 0; i < h->n; i++)
		if (strcmp(h->name[i], host) == 0)
			return ((int)i);
	return (-1);
}

static void
host_add(struct dc_hosts *h, const char *url, const char *file, size_t line)
{
	char	host[128];

	url_host(url, host, sizeof(host));
	if (host[0] == '\0')
		import_fail(NULL, file, line, "url « %s » sans nom de site",
		    url);
	if (host_index(h, host) != -1)
		return;
	if (h->n == DC_MAX_HOSTS)
		import_fail(NULL, file, line, "plus de %d sites Decidim",
		    DC_MAX_HOSTS);
	snprintf(h->name[h->n++], sizeof(h->name[0]), "%s", host);
}

static int
cmp_name(const void *a, const void *b)
{
	const char	*x = *(char *const *)a, *y = *(char *const *)b;

	/* "Sans catégorie" goes last. */
	if (strcmp(x, DC_NONE) == 0)
		return (strcmp(y, DC_NONE) != 0);
	if (strcmp(y, DC_NONE) == 0)
		return (-1);
	return (strcmp(x, y));
}

/* The theme name of a debate: the category its description names. */
static char *
debate_theme(const struct import_file *de, size_t i)
{
	char	*name;

	if ((name = plain_from_html(import_get(de, i, D_DESCRIPTION))) == NULL)
		import_fail(NULL, NULL, 0, "mémoire insuffisante");
	if (*name == '\0') {
		free(name);
		if ((name = strdup(DC_NONE)) == NULL)
			import_fail(NULL, NULL, 0, "mémoire insuffisante");
	}
	return (name);
}

/* Checks every row alone; adds the themes, by name, "Sans catégorie" last. */
static void
check_rows(struct import_plan *pl, const struct import_file *pr,
    const struct import_file *de, const struct import_file *const cf[2])
{
	char		*names[DC_MAX_THEMES + 1];
	const char	*v, *d;
	size_t		 n = 0, i, k, t;

	for (i = 0; i < pr->nrows + de->nrows; i++) {
		if (i < pr->nrows) {
			if (!is_int(import_get(pr, i, P_VOTES), 0) ||
			    !is_int(import_get(pr, i, P_COMMENTS), 0))
				import_fail(NULL, pr->name, import_line(pr, i),
				    "votes ou comments n'est pas un nombre");
			if (*import_get(pr, i, P_TITLE) == '\0')
				import_fail(NULL, pr->name, import_line(pr, i),
				    "titre vide");
			v = import_get(pr, i, P_CATEGORY);
			names[n] = strdup(*v != '\0' ? v : DC_NONE);
		} else {
			k = i - pr->nrows;
			if (!is_int(import_get(de, k, D_COMMENTS), 0))
				import_fail(NULL, de->name, import_line(de, k),
				    "comments n'est pas un nombre");
			if (*import_get(de, k, D_TITLE) == '\0')
				import_fail(NULL, de->name, import_line(de, k),
				    "titre vide");
			names[n] = debate_theme(de, k);
		}
		if (names[n] == NULL)
			import_fail(NULL, NULL, 0, "mémoire insuffisante");
		for (t = 0; t < n && strcmp(names[t], names[n]) != 0; t++)
			;
		if (t < n)
			free(names[n]);
		else if (++n > DC_MAX_THEMES)
			import_fail(NULL, NULL, 0, "plus de %d catégories",
			    DC_MAX_THEMES);
	}
	qsort(names, n, sizeof(names[0]), cmp_name);
	for (t = 0; t < n; t++) {
		import_plan_theme(pl, names[t], "Catégorie Decidim du Grand "
		    "Débat National 2019.", pr->name, 0);
		free(names[t]);
	}
	for (k = 0; k < 2; k++)
		for (i = 0; i < cf[k]->nrows; i++) {
			d = import_get(cf[k], i, C_DEPTH);
			v = import_get(cf[k], i, C_ALIGNMENT);
			if ((strcmp(v, "1") != 0 && strcmp(v, "0") != 0 &&
			    strcmp(v, "-1") != 0) || strlen(d) != 1 ||
			    !is_int(d, 0))
				import_fail(NULL, cf[k]->name,
				    import_line(cf[k], i), "alignment (1, 0 "
				    "ou -1) ou depth (0 à 9) invalide");
		}
}

/* The proposals, then the debates: one root item each, in file order. */
static void
plan_items(struct import_plan *pl, struct dc_hosts *hosts,
    const struct import_file *pr, const struct import_file *de)
{
	struct import_item	*it;
	const char		*cat;
	char			 host[128], sid[192], *desc;
	size_t			 i;

	for (i = 0; i < pr->nrows; i++) {
		host_add(hosts, import_get(pr, i, P_URL), pr->name,
		    import_line(pr, i));
		url_host(import_get(pr, i, P_URL), host, sizeof(host));
		snprintf(sid, sizeof(sid), "%s/proposals/%s", host,
		    import_get(pr, i, P_ID));
		it = import_plan_item(pl, IMPORT_PROPOSAL, 0, sid,
		    import_get(pr, i, P_BODY), pr->name, import_line(pr, i));
		cat = import_get(pr, i, P_CATEGORY);
		it->theme = import_plan_theme(pl, *cat ? cat : DC_NONE, "",
		    pr->name, import_line(pr, i));
		it->title = import_get(pr, i, P_TITLE);
		it->created = import_get(pr, i, P_CREATED);
		it->tally[IT_VOTES] = import_get(pr, i, P_VOTES);
		it->tally[IT_COMMENTS] = import_get(pr, i, P_COMMENTS);
		it->url = import_get(pr, i, P_URL);
	}
	for (i = 0; i < de->nrows; i++) {
		host_add(hosts, import_get(de, i, D_URL), de->name,
		    import_line(de, i));
		url_host(import_get(de, i, D_URL), host, sizeof(host));
		snprintf(sid, sizeof(sid), "%s/debates/%s", host,
		    import_get(de, i, D_ID));
		if ((desc = plain_from_html(import_get(de, i,
		    D_DESCRIPTION))) == NULL)
			import_fail(NULL, NULL, 0, "mémoire insuffisante");
		it = import_plan_item(pl, IMPORT_PROPOSAL, 0, sid, desc,
		    de->name, import_line(de, i));
		free(desc);
		desc = debate_theme(de, i);
		it->theme = import_plan_theme(pl, desc, "", de->name,
		    import_line(de, i));
		free(desc);
		it->title = import_get(de, i, D_TITLE);
		it->created = import_get(de, i, D_CREATED);
		it->tally[IT_COMMENTS] = import_get(de, i, D_COMMENTS);
		it->url = import_get(de, i, D_URL);
	}
}

/*
 * The parent of comment row i of c (nothing inserted yet), refused when it
 * is not in the export or does not fit: its index + 1, or 0 when the
 * comment belongs to an instance with nothing in the export (skipped).
 */
static size_t
comment_parent(const struct import_plan *pl, const struct dc_hosts *hosts,
    const struct dc_comments *c, size_t i, int depth)
{
	const struct import_file *f = c->f;
	const struct import_item *p;
	struct dc_ref		 root;
	const char		*type, *kind, *url = import_get(f, i, C_ROOT_URL);
	char			 psid[192];
	size_t			 parent, line = import_line(f, i);

	if (url_ref(url, &root) == -1)
		import_fail(NULL, f->name, line, "root_commentable_url « %s » "
		    "ne désigne ni une proposition ni un débat", url);
	if (host_index(hosts, root.host) == -1)
		return (0);
	type = import_get(f, i, C_COMMENTABLE_TYPE);
	if (strcmp(type, "Decidim::Debates::Debate") == 0)
		kind = "debates";
	else if (strcmp(type, "Decidim::Proposals::Proposal") == 0)
		kind = "proposals";
	else if (strcmp(type, "Decidim::Comments::Comment") == 0)
		kind = "comments";
	else
		import_fail(NULL, f->name, line, "commentable_type « %s » "
		    "inconnu", type);
	snprintf(psid, sizeof(psid), "%s/%s/%s", root.host, kind,
	    import_get(f, i, C_COMMENTABLE_ID));
	if ((parent = import_plan_find(pl, psid)) == 0) {
		if (strcmp(kind, "comments") == 0)
			import_fail(NULL, f->name, line, "le commentaire %s "
			    "auquel il répond n'est pas dans %s ; fichier "
			    "tronqué ?", import_get(f, i, C_COMMENTABLE_ID),
			    f->name);
		import_fail(NULL, f->name, line, "%s %s commenté%s n'est pas "
		    "dans %s ; fichier tronqué ?", strcmp(kind, "debates") == 0
		    ? "le débat" : "la proposition", import_get(f, i,
		    C_COMMENTABLE_ID), strcmp(kind, "debates") == 0 ? "" : "e",
		    strcmp(kind, "debates") == 0 ? "debats.csv" :
		    "propositions-libres.csv");
	}
	p = &pl->items[parent - 1];
	if ((p->kind == IMPORT_COMMENT) != (depth > 0) ||
	    (p->kind == IMPORT_COMMENT && p->depth != depth - 1))
		import_fail(NULL, f->name, line, "depth %d ne suit pas "
		    "l'élément commenté (%s)", depth, p->source_id);
	if (strcmp(pl->items[p->root].url, url) != 0)
		import_fail(NULL, f->name, line, "root_commentable_url « %s » "
		    "n'est pas le fil de l'élément commenté (%s)", url,
		    pl->items[p->root].url);
	return (parent);
}

/*
 * The comments of c, by depth, so that a comment's parent is always in
 * first; found[root] counts each thread's comments.
 */
static size_t
plan_comments(struct import_plan *pl, struct dc_hosts *hosts,
    const struct dc_comments *c, int which, size_t *found, size_t *skipped)
{
	const struct import_file *f = c->f;
	struct import_item	*it;
	char			 sid[192], host[128];
	size_t			 i, parent, n = 0;
	int			 depth;

	for (depth = 0; depth <= 9; depth++)
		for (i = 0; i < f->nrows; i++) {
			if (atoi(import_get(f, i, C_DEPTH)) != depth)
				continue;
			if ((parent = comment_parent(pl, hosts, c, i,
			    depth)) == 0) {
				(*skipped)++;
				continue;
			}
			url_host(import_get(f, i, C_ROOT_URL), host,
			    sizeof(host));
			hosts->comments[host_index(hosts, host)][which] = 1;
			snprintf(sid, sizeof(sid), "%s/comments/%s", host,
			    import_get(f, i, C_ID));
			it = import_plan_item(pl, IMPORT_COMMENT, parent, sid,
			    import_get(f, i, C_BODY), f->name,
			    import_line(f, i));
			it->depth = depth;
			it->created = import_get(f, i, C_CREATED);
			it->tally[IT_ALIGNMENT] = import_get(f, i,
			    C_ALIGNMENT);
			found[it->root]++;
			n++;
		}
	return (n);
}

/*
 * The comments each item of file items (its rows are the root items from
 * first on) declares, against those read from c. Returns the comments
 * declared by items whose instance c holds no comment of (unverifiable).
 */
static size_t
cross_check(const struct import_plan *pl, const struct dc_hosts *hosts,
    const struct import_file *items, int col, size_t first,
    const struct dc_comments *c, int which, const size_t *found)
{
	const struct import_item *it;
	size_t			 i, declared, unchecked = 0, total = 0;
	char			 host[128];

	for (i = 0; i < items->nrows; i++)
		total += (size_t)atol(import_get(items, i, col));
	if (c->f->nrows == 0 && total > 0)
		import_fail(NULL, c->f->name, 1, "aucun commentaire, alors que "
		    "%s en déclare %zu ; fichier tronqué ?", items->name,
		    total);
	for (i = 0; i < items->nrows; i++) {
		it = &pl->items[first + i];
		declared = (size_t)atol(import_get(items, i, col));
		url_host(it->url, host, sizeof(host));
		if (!hosts->comments[host_index(hosts, host)][which]) {
			unchecked += declared;
			continue;
		}
		if (declared != found[first + i])
			import_fail(NULL, items->name, import_line(items, i),
			    "%s %s déclare %zu commentaires (colonne "
			    "comments), %s en contient %zu ; fichier %s "
			    "tronqué ou incomplet ?", c->label,
			    import_get(items, i, 0), declared, c->f->name,
			    found[first + i], c->f->name);
	}
	return (unchecked);
}

int
import_decidim(const char *dir)
{
	struct import_file	 pr, de, cd, cp;
	struct import_plan	 pl;
	struct dc_hosts		 hosts;
	struct dc_comments	 cc[2];
	const struct import_file *cf[2];
	size_t			*found, skipped = 0, ncomments = 0, unchecked;
	int			 k;

	import_load(&pr, dir, "propositions-libres.csv", ';', proposal_cols);
	import_load(&de, dir, "debats.csv", ';', debate_cols);
	import_load(&cd, dir, "commentaires_debats.csv", ';', comment_cols);
	import_load(&cp, dir, "commentaires_propositions_libres.csv", ';',
	    comment_cols);
	cf[0] = &cd;
	cf[1] = &cp;
	cc[0] = (struct dc_comments){ &cd, "le débat" };
	cc[1] = (struct dc_comments){ &cp, "la proposition" };

	import_plan_init(&pl, &dc_source);
	memset(&hosts, 0, sizeof(hosts));
	check_rows(&pl, &pr, &de, cf);
	plan_items(&pl, &hosts, &pr, &de);
	if ((found = calloc(pl.nitems + 1, sizeof(*found))) == NULL)
		import_fail(NULL, NULL, 0, "mémoire insuffisante");
	for (k = 0; k < 2; k++)
		ncomments += plan_comments(&pl, &hosts, &cc[k], k, found,
		    &skipped);
	(void)cross_check(&pl, &hosts, &de, D_COMMENTS, pr.nrows, &cc[0], 0,
	    found);
	unchecked = cross_check(&pl, &hosts, &pr, P_COMMENTS, 0, &cc[1], 1,
	    found);

	import_plan_write(&pl);
	printf("Grand Débat 2019 importé (consultation « %s ») : %zu thèmes, "
	    "%zu propositions, %zu débats, %zu commentaires.\n", DC_SLUG,
	    pl.nthemes, pr.nrows, de.nrows, ncomments);
	if (skipped > 0)
		printf("%zu commentaires non importés : la contribution "
		    "commentée n'est pas dans l'export (autre instance "
		    "Decidim).\n", skipped);
	if (unchecked > 0)
		printf("%zu commentaires déclarés par %s ne sont pas dans "
		    "l'export (%s ne porte pas sur ces propositions) : non "
		    "vérifiables.\n", unchecked, pr.name, cp.name);
	free(found);
	import_plan_free(&pl);
	import_free(&pr);
	import_free(&de);
	import_free(&cd);
	import_free(&cp);
	return (0);
}
