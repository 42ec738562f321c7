/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Labels and small writers shared by the moderation pages. */

#include <stdlib.h>
#include <string.h>

#include "moderation.h"

struct label {
	const char	*code;
	const char	*text;
};

static const struct label statuses[] = {
	{ "pending",	"En attente" },
	{ "published",	"Publiée" },
	{ "hidden",	"Masquée" },
	{ "rejected",	"Refusée" },
};

static const struct label kinds[] = {
	{ "proposal",	"Proposition" },
	{ "argument",	"Argument" },
	{ "comment",	"Commentaire" },
};

static const struct label actions[] = {
	{ "publish",	"Publication" },
	{ "hide",	"Masquage" },
	{ "reject",	"Refus" },
	{ "restore",	"Rétablissement" },
	{ "threshold",	"Seuil de signalements atteint" },
	{ "mode",	"Changement de mode de modération" },
};

static const struct label reasons[] = {
	{ "attente",	"Modération a priori" },
	{ "signalement", "Signalée par des participants" },
	{ "doublon",	"Doublon probable" },
	{ "compte",	"Compte récent qui publie beaucoup" },
};

static const char *
find(const struct label *l, size_t n, const char *code)
{
	size_t	i;

	if (code == NULL)
		return ("");
	for (i = 0; i < n; i++)
		if (strcmp(l[i].code, code) == 0)
			return (l[i].text);
	return ("");
}

#define FIND(t, c)	find(t, sizeof(t) / sizeof(t[0]), c)

const char *
mod_status_label(const char *c)
{
	return (FIND(statuses, c));
}

const char *
mod_kind_label(const char *c)
{
	return (FIND(kinds, c));
}

const char *
mod_action_label(const char *c)
{
	return (FIND(actions, c));
}

const char *
mod_reason_label(const char *c)
{
	return (FIND(reasons, c));
}

/* The option labels live as long as the request: kept in w->data. */
struct rule_labels {
	size_t	 n;
	char	*text[MOD_MAX_RULES];
};

static void
rule_labels_free(void *p)
{
	struct rule_labels	*r = p;
	size_t			 i;

	for (i = 0; i < r->n; i++)
		kore_free(r->text[i]);
	kore_free(r);
}

size_t
mod_rule_options(struct web_req *w, int slot, struct form_option *opts,
    size_t max, const char *first)
{
	struct rule_labels	*r;
	size_t			 n = 0, len;
	int			 i;

	if (w->data == NULL) {
		w->data = kore_calloc(1, sizeof(*r));
		w->data_free = rule_labels_free;
	}
	r = w->data;
	opts[n].value = "";
	opts[n++].label = first;
	for (i = 0; i < web_nrows(w, slot) && n < max &&
	    r->n < MOD_MAX_RULES; i++) {
		len = strlen(web_value(w, slot, i, 0)) +
		    strlen(web_value(w, slot, i, 1)) + 8;
		r->text[r->n] = kore_malloc(len);
		snprintf(r->text[r->n], len, "%s — %s",
		    web_value(w, slot, i, 0), web_value(w, slot, i, 1));
		opts[n].value = web_value(w, slot, i, 0);
		opts[n++].label = r->text[r->n++];
	}
	return (n);
}
