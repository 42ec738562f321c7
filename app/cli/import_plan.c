/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The import plan (import.h): what a format read, checked whole before the
 * database is touched (import_write.c writes it in one transaction).
 * Nothing here knows a format: a new importer fills a plan and calls
 * import_plan_write().
 */

#include <stdlib.h>
#include <string.h>

#include "../core/markdown.h"
#include "../core/plaintext.h"
#include "../core/text.h"
#include "import.h"

void *
import_xrealloc(void *p, size_t n, size_t size)
{
	if (n != 0 && size > (size_t)-1 / n)
		import_fail(NULL, NULL, 0, "mémoire insuffisante");
	if ((p = realloc(p, n * size)) == NULL)
		import_fail(NULL, NULL, 0, "mémoire insuffisante");
	return (p);
}

static char *
xstrdup(const char *s)
{
	char	*d;

	if ((d = strdup(s)) == NULL)
		import_fail(NULL, NULL, 0, "mémoire insuffisante");
	return (d);
}

/* FNV-1a: the hash of the source ids' table. */
static size_t
hash(const char *s)
{
	size_t	h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return (h);
}

void
import_plan_init(struct import_plan *pl, const struct import_source *src)
{
	memset(pl, 0, sizeof(*pl));
	pl->src = src;
}

void
import_plan_free(struct import_plan *pl)
{
	size_t	i;

	for (i = 0; i < pl->nthemes; i++) {
		free(pl->themes[i].title);
		free(pl->themes[i].summary);
	}
	for (i = 0; i < pl->nitems; i++) {
		free(pl->items[i].md);
		free(pl->items[i].html);
		free(pl->items[i].source_id);
	}
	for (i = 0; i < pl->npeople; i++)
		free(pl->people[i].source_id);
	free(pl->themes);
	free(pl->items);
	free(pl->slots);
	free(pl->people);
	free(pl->votes);
	memset(pl, 0, sizeof(*pl));
}

size_t
import_plan_theme(struct import_plan *pl, const char *title,
    const char *summary, const char *file, size_t line)
{
	struct import_theme	*t;
	char			 base[65], slug[65];
	size_t			 i, n, len;
	int			 taken;

	for (i = 0; i < pl->nthemes; i++)
		if (strcmp(pl->themes[i].title, title) == 0)
			return (i);
	if ((len = plain_slugify(title, base, sizeof(base), 64)) == 0)
		import_fail(NULL, file, line, "thème « %s » sans titre "
		    "utilisable", title);
	/* Two titles may give one slug ("Santé" and "Sante"). */
	snprintf(slug, sizeof(slug), "%s", base);
	for (n = 2; ; n++) {
		for (taken = 0, i = 0; i < pl->nthemes; i++)
			if (strcmp(pl->themes[i].slug, slug) == 0)
				taken = 1;
		if (!taken)
			break;
		snprintf(slug, sizeof(slug), "%.*s-%zu", (int)(len < 58 ? len :
		    58), base, n);
	}
	if (!text_slug_valid(slug) || pl->nthemes >= 32000)
		import_fail(NULL, file, line, "thème « %s » : identifiant "
		    "« %s » invalide", title, slug);
	if (pl->nthemes == pl->tcap) {
		pl->tcap = pl->tcap ? pl->tcap * 2 : 16;
		pl->themes = import_xrealloc(pl->themes, pl->tcap, sizeof(*t));
	}
	t = &pl->themes[pl->nthemes];
	memset(t, 0, sizeof(*t));
	snprintf(t->slug, sizeof(t->slug), "%s", slug);
	t->title = xstrdup(title);
	t->summary = xstrdup(summary);
	return (pl->nthemes++);
}

size_t
import_plan_find(const struct import_plan *pl, const char *sid)
{
	size_t	i, k;

	if (pl->nslots == 0)
		return (0);
	for (i = hash(sid) & (pl->nslots - 1); (k = pl->slots[i]) != 0;
	    i = (i + 1) & (pl->nslots - 1))
		if (strcmp(pl->items[k - 1].source_id, sid) == 0)
			return (k);
	return (0);
}

/* Grows the table of source ids to twice the items (a power of two). */
static void
slots_grow(struct import_plan *pl)
{
	size_t	i, k, n;

	if (pl->nslots > 2 * (pl->nitems + 1))
		return;
	n = pl->nslots ? pl->nslots * 2 : 1024;
	free(pl->slots);
	if ((pl->slots = calloc(n, sizeof(*pl->slots))) == NULL)
		import_fail(NULL, NULL, 0, "mémoire insuffisante");
	pl->nslots = n;
	for (k = 0; k < pl->nitems; k++) {
		for (i = hash(pl->items[k].source_id) & (n - 1);
		    pl->slots[i] != 0; i = (i + 1) & (n - 1))
			;
		pl->slots[i] = k + 1;
	}
}

struct import_item *
import_plan_item(struct import_plan *pl, enum import_kind kind, size_t parent,
    const char *sid, const char *text, const char *file, size_t line)
{
	struct import_item	*it;
	size_t			 seen, i;

	if ((seen = import_plan_find(pl, sid)) != 0)
		import_fail(NULL, file, line, "l'identifiant « %s » figure "
		    "déjà %s, ligne %zu", sid, pl->items[seen - 1].file ==
		    file ? "plus haut" : pl->items[seen - 1].file,
		    pl->items[seen - 1].line);
	if ((kind == IMPORT_PROPOSAL) != (parent == 0) ||
	    parent > pl->nitems)
		abort();		/* a parent comes first: the format's bug */
	slots_grow(pl);
	if (pl->nitems == pl->icap) {
		pl->icap = pl->icap ? pl->icap * 2 : 1024;
		pl->items = import_xrealloc(pl->items, pl->icap, sizeof(*it));
	}
	it = &pl->items[pl->nitems];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->parent = parent;
	it->root = parent ? pl->items[parent - 1].root : pl->nitems;
	it->theme = parent ? pl->items[parent - 1].theme : 0;
	it->source_id = xstrdup(sid);
	it->file = file;
	it->line = line;
	if ((it->md = plain_to_markdown(text)) == NULL ||
	    (it->html = markdown_render(it->md, strlen(it->md), 2)) == NULL)
		import_fail(NULL, NULL, 0, "mémoire insuffisante");
	for (i = hash(sid) & (pl->nslots - 1); pl->slots[i] != 0;
	    i = (i + 1) & (pl->nslots - 1))
		;
	pl->slots[i] = ++pl->nitems;
	return (it);
}

size_t
import_plan_participant(struct import_plan *pl, const char *sid)
{
	if (pl->npeople == pl->pcap) {
		pl->pcap = pl->pcap ? pl->pcap * 2 : 256;
		pl->people = import_xrealloc(pl->people, pl->pcap,
		    sizeof(*pl->people));
	}
	memset(&pl->people[pl->npeople], 0, sizeof(*pl->people));
	pl->people[pl->npeople].source_id = xstrdup(sid);
	return (pl->npeople++);
}

void
import_plan_vote(struct import_plan *pl, size_t participant, size_t item,
    const char *choice, long long ms)
{
	struct import_vote	*v;

	if (participant >= pl->npeople || item >= pl->nitems ||
	    pl->items[item].kind != IMPORT_PROPOSAL)
		abort();		/* the format's bug */
	if (pl->nvotes == pl->vcap) {
		pl->vcap = pl->vcap ? pl->vcap * 2 : 4096;
		pl->votes = import_xrealloc(pl->votes, pl->vcap, sizeof(*pl->votes));
	}
	v = &pl->votes[pl->nvotes++];
	v->participant = participant;
	v->item = item;
	v->choice = choice;
	v->ms = ms;
}
