/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora import republique-numerique DIR: the 2015 national consultation on
 * the "République numérique" bill (opinions.csv, arguments.csv; see
 * ../shared/data/README.md) into a consultation of its own. The 18 sections
 * become themes, opinions become proposals, arguments keep their position
 * and their opinion; the platform's ids go to contributions.source_id and
 * its counts to imported_tallies (they are not votes of people here).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/markdown.h"
#include "../core/plaintext.h"
#include "../db/imports.h"
#include "cli.h"
#include "import.h"

#define RN_SLUG		"republique-numerique-2015"
#define RN_SOURCE	"republique-numerique-2015"

enum { O_ID, O_SECTION_TYPE, O_SECTION, O_SUBTITLE, O_TITLE, O_BODY,
    O_CREATED, O_UPDATED, O_TRASHED, O_OK, O_MITIGE, O_NOK, O_TOTAL,
    O_ARGS_YES, O_ARGS_NO, O_URL };
static const char *const opinion_cols[] = { "opinion_id", "section_type_id",
    "section", "section_subtitle", "title", "body", "created_at",
    "updated_at", "is_trashed", "votes_ok", "votes_mitige", "votes_nok",
    "votes_total", "arguments_yes_count", "arguments_no_count", "url", NULL };

enum { A_ID, A_OPINION, A_POSITION, A_BODY, A_VOTES, A_CREATED, A_TRASHED,
    A_ENABLED };
static const char *const argument_cols[] = { "argument_id", "opinion_id",
    "position", "body", "votes_count", "created_at", "is_trashed",
    "is_enabled", NULL };

struct rn_theme {
	long	type_id;		/* section_type_id */
	char	id[24];			/* themes.id */
};

struct rn_opinion {
	const char	*source_id;	/* opinion_id */
	char		 id[24];	/* contributions.id */
	const char	*theme;		/* themes.id */
};

/* 1 when s is a decimal number of at most 9 digits. */
static int
is_count(const char *s)
{
	size_t	i;

	for (i = 0; s[i] != '\0'; i++)
		if (s[i] < '0' || s[i] > '9' || i >= 9)
			return (0);
	return (i > 0);
}

static int
cmp_theme(const void *a, const void *b)
{
	const struct rn_theme	*x = a, *y = b;

	return (x->type_id < y->type_id ? -1 : x->type_id > y->type_id);
}

/* Inserts one contribution; returns its id in out (24 bytes). */
static void
insert(PGconn *db, const struct import_file *f, size_t row,
    const char *const p[23], char out[24])
{
	PGresult	*res;

	res = import_exec(db, f->name, import_line(f, row),
	    sql_import_contribution, 23, p);
	snprintf(out, 24, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
}

/* Markdown source and HTML of plain text t; exits when out of memory. */
static void
render(PGconn *db, const char *t, char **md, char **html)
{
	if ((*md = plain_to_markdown(t)) == NULL ||
	    (*html = markdown_render(*md, strlen(*md), 2)) == NULL)
		import_fail(db, NULL, 0, "mémoire insuffisante");
}

int
import_republique_numerique(const char *dir)
{
	struct import_file	 op, ar;
	struct rn_theme		 themes[64];
	struct rn_opinion	*ops;
	PGconn			*db;
	PGresult		*res;
	char			 cid[24], slug[65], pos[8], aid[24], *md, *html;
	char			 osid[32], *end;
	const char		*p[23], *v;
	size_t			 ntheme = 0, i, k, t, nargs[2] = { 0, 0 };
	long			 type;

	import_load(&op, dir, "opinions.csv", ',', opinion_cols);
	import_load(&ar, dir, "arguments.csv", ',', argument_cols);

	/* Checks that need no database: numbers, positions, sections. */
	for (i = 0; i < op.nrows; i++) {
		static const int counts[] = { O_SECTION_TYPE, O_OK, O_MITIGE,
		    O_NOK, O_TOTAL, O_ARGS_YES, O_ARGS_NO };
		for (k = 0; k < sizeof(counts) / sizeof(counts[0]); k++)
			if (!is_count(import_get(&op, i, counts[k])))
				import_fail(NULL, op.name, import_line(&op, i),
				    "colonne « %s » : « %s » n'est pas un "
				    "nombre", opinion_cols[counts[k]],
				    import_get(&op, i, counts[k]));
		if (*import_get(&op, i, O_TITLE) == '\0')
			import_fail(NULL, op.name, import_line(&op, i),
			    "titre vide");
		type = strtol(import_get(&op, i, O_SECTION_TYPE), &end, 10);
		for (t = 0; t < ntheme; t++)
			if (themes[t].type_id == type)
				break;
		if (t == ntheme) {
			if (ntheme == sizeof(themes) / sizeof(themes[0]))
				import_fail(NULL, op.name, import_line(&op, i),
				    "plus de %zu sections", ntheme);
			themes[ntheme++].type_id = type;
		}
	}
	for (i = 0; i < ar.nrows; i++) {
		v = import_get(&ar, i, A_POSITION);
		if (strcmp(v, "pour") != 0 && strcmp(v, "contre") != 0)
			import_fail(NULL, ar.name, import_line(&ar, i),
			    "position « %s » inconnue (pour ou contre)", v);
		if (!is_count(import_get(&ar, i, A_VOTES)))
			import_fail(NULL, ar.name, import_line(&ar, i),
			    "votes_count « %s » n'est pas un nombre",
			    import_get(&ar, i, A_VOTES));
	}
	qsort(themes, ntheme, sizeof(themes[0]), cmp_theme);

	db = cli_connect();
	import_begin(db);
	import_refuse_duplicate(db, RN_SLUG, RN_SOURCE);
	p[0] = RN_SLUG;
	p[1] = "Projet de loi pour une République numérique (2015)";
	p[2] = "La consultation nationale sur le projet de loi pour une "
	    "République numérique, ouverte par le Gouvernement en "
	    "septembre et octobre 2015 : les articles du Gouvernement, les "
	    "propositions de nouveaux articles et leurs arguments, avec les "
	    "votes comptés sur la plateforme d'origine.";
	p[3] = "Données importées des fichiers publics de la plateforme "
	    "republique-numerique.fr (collecte du 18 octobre 2015, jour de la "
	    "clôture). Les noms des contributeurs ne sont pas repris. Les "
	    "votes affichés sont ceux de la plateforme d'origine : ils ne "
	    "sont pas des avis déposés ici.";
	p[4] = RN_SOURCE;
	res = import_exec(db, NULL, 0, sql_import_consultation, 5, p);
	snprintf(cid, sizeof(cid), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);

	/* Themes, in the order of the sections on the platform. */
	for (t = 0; t < ntheme; t++) {
		char	 position[24];
		size_t	 row;

		for (row = 0; row < op.nrows; row++)
			if (strtol(import_get(&op, row, O_SECTION_TYPE), NULL,
			    10) == themes[t].type_id)
				break;
		if (plain_slugify(import_get(&op, row, O_SUBTITLE), slug,
		    sizeof(slug), 64) == 0)
			import_fail(db, op.name, import_line(&op, row),
			    "section sans titre utilisable");
		snprintf(position, sizeof(position), "%zu", t + 1);
		p[0] = cid;
		p[1] = slug;
		p[2] = position;
		p[3] = import_get(&op, row, O_SUBTITLE);
		p[4] = import_get(&op, row, O_SECTION);
		res = import_exec(db, op.name, import_line(&op, row),
		    sql_import_theme, 5, p);
		snprintf(themes[t].id, sizeof(themes[t].id), "%s",
		    PQgetvalue(res, 0, 0));
		PQclear(res);
	}

	if ((ops = calloc(op.nrows + 1, sizeof(*ops))) == NULL)
		import_fail(db, NULL, 0, "mémoire insuffisante");
	for (i = 0; i < op.nrows; i++) {
		type = strtol(import_get(&op, i, O_SECTION_TYPE), NULL, 10);
		for (t = 0; themes[t].type_id != type; t++)
			;
		render(db, import_get(&op, i, O_BODY), &md, &html);
		memset(p, 0, sizeof(p));
		p[0] = cid;
		p[1] = themes[t].id;
		p[2] = "proposal";
		p[5] = "0";
		p[6] = import_get(&op, i, O_TITLE);
		p[7] = md;
		p[8] = html;
		p[9] = strcmp(import_get(&op, i, O_TRASHED), "1") == 0 ?
		    "hidden" : "published";
		p[10] = RN_SOURCE;
		snprintf(osid, sizeof(osid), "opinion/%s",
		    import_get(&op, i, O_ID));
		p[11] = osid;
		p[12] = import_get(&op, i, O_CREATED);
		p[13] = *import_get(&op, i, O_UPDATED) != '\0' ?
		    import_get(&op, i, O_UPDATED) : p[12];
		p[14] = import_get(&op, i, O_OK);
		p[15] = import_get(&op, i, O_MITIGE);
		p[16] = import_get(&op, i, O_NOK);
		p[17] = import_get(&op, i, O_TOTAL);
		p[18] = import_get(&op, i, O_ARGS_YES);
		p[19] = import_get(&op, i, O_ARGS_NO);
		p[22] = import_get(&op, i, O_URL);
		ops[i].source_id = import_get(&op, i, O_ID);
		ops[i].theme = themes[t].id;
		insert(db, &op, i, p, ops[i].id);
		free(md);
		free(html);
		import_progress("opinions.csv", i + 1, op.nrows);
	}

	for (i = 0; i < ar.nrows; i++) {
		v = import_get(&ar, i, A_OPINION);
		for (k = 0; k < op.nrows; k++)
			if (strcmp(ops[k].source_id, v) == 0)
				break;
		if (k == op.nrows)
			import_fail(db, ar.name, import_line(&ar, i),
			    "l'opinion %s de cet argument n'est pas dans "
			    "opinions.csv", v);
		render(db, import_get(&ar, i, A_BODY), &md, &html);
		snprintf(pos, sizeof(pos), "%s", import_get(&ar, i, A_POSITION));
		nargs[pos[0] == 'c']++;
		memset(p, 0, sizeof(p));
		p[0] = cid;
		p[1] = ops[k].theme;
		p[2] = "argument";
		p[3] = ops[k].id;
		p[4] = pos;
		p[5] = "0";
		p[7] = md;
		p[8] = html;
		p[9] = strcmp(import_get(&ar, i, A_TRASHED), "1") == 0 ||
		    strcmp(import_get(&ar, i, A_ENABLED), "0") == 0 ?
		    "hidden" : "published";
		p[10] = RN_SOURCE;
		p[11] = import_get(&ar, i, A_ID);
		p[12] = import_get(&ar, i, A_CREATED);
		p[13] = p[12];
		p[17] = import_get(&ar, i, A_VOTES);
		{
			char	 sid[32];
			/* Opinion and argument ids are two id spaces of
			 * the platform: both are prefixed. */
			snprintf(sid, sizeof(sid), "argument/%s",
			    import_get(&ar, i, A_ID));
			p[11] = sid;
			insert(db, &ar, i, p, aid);
		}
		free(md);
		free(html);
		import_progress("arguments.csv", i + 1, ar.nrows);
	}
	import_commit(db, cid);
	PQfinish(db);
	printf("République numérique 2015 importée (consultation « %s ») : "
	    "%zu thèmes, %zu propositions, %zu arguments (%zu pour, %zu "
	    "contre).\n", RN_SLUG, ntheme, op.nrows, ar.nrows, nargs[0],
	    nargs[1]);
	free(ops);
	import_free(&op);
	import_free(&ar);
	return (0);
}
