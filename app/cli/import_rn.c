/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora import republique-numerique DIR: the 2015 national consultation on
 * the "République numérique" bill (opinions.csv, arguments.csv; see
 * ../shared/data/README.md) into an archived consultation of its own. The
 * 18 sections become themes, opinions become proposals, arguments keep
 * their position and their opinion; the platform's ids go to
 * contributions.source_id and its counts to imported_tallies (they are not
 * votes of people here).
 *
 * Cross-checks: each opinion declares its arguments (arguments_yes_count,
 * arguments_no_count) and its votes_total (votes_ok + votes_mitige +
 * votes_nok); an arguments.csv cut at a record boundary, or any other
 * mismatch, is refused at the opinion's line.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "import.h"

#define RN_SLUG		"republique-numerique-2015"
#define RN_SOURCE	"republique-numerique-2015"
#define RN_MAX_SECTIONS	64

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

static const char rn_title[] =
    "Projet de loi pour une République numérique (2015)";
static const char rn_summary[] =
    "La consultation nationale sur le projet de loi pour une République "
    "numérique, ouverte par le Gouvernement en septembre et octobre 2015 : "
    "les articles du Gouvernement, les propositions de nouveaux articles et "
    "leurs arguments, avec les votes comptés sur la plateforme d'origine.";
static const char rn_body[] =
    "Données importées des fichiers publics de la plateforme "
    "republique-numerique.fr (collecte du 18 octobre 2015, jour de la "
    "clôture). Les noms des contributeurs ne sont pas repris. Les votes "
    "affichés sont ceux de la plateforme d'origine : ils ne sont pas des "
    "avis déposés ici.";
/* Also in migrations/0130_archives.sql, for imports made before it. */
static const char rn_name[] = "republique-numerique.fr";
static const char rn_url[] =
    "https://www.republique-numerique.fr/consultations/projet-de-loi-numerique";
static const char rn_licence[] =
    "Les mêmes contributions sont publiées en données ouvertes par l'État "
    "sur data.gouv.fr sous Licence Ouverte (fichier "
    "projet-de-loi-numerique-consultation-anonyme.csv, contributeurs "
    "anonymisés). Les fichiers importés ici viennent d'un relevé de l'API "
    "publique de la plateforme fait le 18 octobre 2015, jour de la clôture "
    "(dépôt github.com/Lucas-C/republique-numerique-stats, sans licence "
    "déclarée) ; les noms des contributeurs n'y sont pas repris.";

static const struct import_source rn_source = {
	RN_SLUG, RN_SOURCE, rn_title, rn_summary, rn_body, rn_name, rn_url,
	rn_licence
};

static int
cmp_long(const void *a, const void *b)
{
	long	x = *(const long *)a, y = *(const long *)b;

	return (x < y ? -1 : x > y);
}

/* Checks every opinion row alone; fills the sorted section type ids. */
static size_t
check_opinions(const struct import_file *op, long *types)
{
	static const int counts[] = { O_SECTION_TYPE, O_OK, O_MITIGE, O_NOK,
	    O_TOTAL, O_ARGS_YES, O_ARGS_NO };
	size_t		 i, k, t, ntypes = 0;
	long		 type, sum;

	for (i = 0; i < op->nrows; i++) {
		for (k = 0; k < sizeof(counts) / sizeof(counts[0]); k++)
			if (!import_is_count(import_get(op, i, counts[k])))
				import_fail(NULL, op->name, import_line(op, i),
				    "colonne « %s » : « %s » n'est pas un "
				    "nombre", opinion_cols[counts[k]],
				    import_get(op, i, counts[k]));
		if (*import_get(op, i, O_TITLE) == '\0')
			import_fail(NULL, op->name, import_line(op, i),
			    "titre vide");
		sum = atol(import_get(op, i, O_OK)) +
		    atol(import_get(op, i, O_MITIGE)) +
		    atol(import_get(op, i, O_NOK));
		if (sum != atol(import_get(op, i, O_TOTAL)))
			import_fail(NULL, op->name, import_line(op, i),
			    "votes_total vaut %s mais votes_ok + votes_mitige "
			    "+ votes_nok font %ld", import_get(op, i, O_TOTAL),
			    sum);
		type = atol(import_get(op, i, O_SECTION_TYPE));
		for (t = 0; t < ntypes && types[t] != type; t++)
			;
		if (t == ntypes) {
			if (ntypes == RN_MAX_SECTIONS)
				import_fail(NULL, op->name, import_line(op, i),
				    "plus de %d sections", RN_MAX_SECTIONS);
			types[ntypes++] = type;
		}
	}
	qsort(types, ntypes, sizeof(types[0]), cmp_long);
	return (ntypes);
}

static void
check_arguments(const struct import_file *ar)
{
	const char	*v;
	size_t		 i;

	for (i = 0; i < ar->nrows; i++) {
		v = import_get(ar, i, A_POSITION);
		if (strcmp(v, "pour") != 0 && strcmp(v, "contre") != 0)
			import_fail(NULL, ar->name, import_line(ar, i),
			    "position « %s » inconnue (pour ou contre)", v);
		if (!import_is_count(import_get(ar, i, A_VOTES)))
			import_fail(NULL, ar->name, import_line(ar, i),
			    "votes_count « %s » n'est pas un nombre",
			    import_get(ar, i, A_VOTES));
		if (*import_get(ar, i, A_CREATED) == '\0')
			import_fail(NULL, ar->name, import_line(ar, i),
			    "created_at vide");
	}
}

/* Themes, in the order of the sections' type ids on the platform. */
static void
plan_themes(struct import_plan *pl, const struct import_file *op,
    const long *types, size_t ntypes, size_t *theme_of_type)
{
	size_t	t, row;

	for (t = 0; t < ntypes; t++) {
		for (row = 0; atol(import_get(op, row, O_SECTION_TYPE)) !=
		    types[t]; row++)
			;
		theme_of_type[t] = import_plan_theme(pl,
		    import_get(op, row, O_SUBTITLE), import_get(op, row,
		    O_SECTION), op->name, import_line(op, row));
	}
}

static void
plan_opinions(struct import_plan *pl, const struct import_file *op,
    const long *types, size_t ntypes, const size_t *theme_of_type)
{
	struct import_item	*it;
	char			 sid[48];
	size_t			 i, t;
	long			 type;

	for (i = 0; i < op->nrows; i++) {
		type = atol(import_get(op, i, O_SECTION_TYPE));
		for (t = 0; t < ntypes && types[t] != type; t++)
			;
		snprintf(sid, sizeof(sid), "opinion/%s",
		    import_get(op, i, O_ID));
		it = import_plan_item(pl, IMPORT_PROPOSAL, 0, sid,
		    import_get(op, i, O_BODY), op->name, import_line(op, i));
		it->theme = theme_of_type[t];
		it->title = import_get(op, i, O_TITLE);
		it->hidden = strcmp(import_get(op, i, O_TRASHED), "1") == 0;
		it->created = import_get(op, i, O_CREATED);
		if (*import_get(op, i, O_UPDATED) != '\0')
			it->updated = import_get(op, i, O_UPDATED);
		it->tally[IT_AGREE] = import_get(op, i, O_OK);
		it->tally[IT_MIXED] = import_get(op, i, O_MITIGE);
		it->tally[IT_DISAGREE] = import_get(op, i, O_NOK);
		it->tally[IT_VOTES] = import_get(op, i, O_TOTAL);
		it->tally[IT_ARGS_YES] = import_get(op, i, O_ARGS_YES);
		it->tally[IT_ARGS_NO] = import_get(op, i, O_ARGS_NO);
		if (*import_get(op, i, O_URL) != '\0')
			it->url = import_get(op, i, O_URL);
	}
}

/*
 * Arguments under their opinion (the first op->nrows items); counts them
 * per opinion and position into found[2 * opinion + (contre)].
 */
static void
plan_arguments(struct import_plan *pl, const struct import_file *ar,
    size_t *found)
{
	struct import_item	*it;
	char			 sid[48];
	size_t			 i, parent;

	for (i = 0; i < ar->nrows; i++) {
		snprintf(sid, sizeof(sid), "opinion/%s",
		    import_get(ar, i, A_OPINION));
		if ((parent = import_plan_find(pl, sid)) == 0 ||
		    pl->items[parent - 1].kind != IMPORT_PROPOSAL)
			import_fail(NULL, ar->name, import_line(ar, i),
			    "l'opinion %s de cet argument n'est pas dans "
			    "opinions.csv", import_get(ar, i, A_OPINION));
		/* Opinion and argument ids are two id spaces: prefixed. */
		snprintf(sid, sizeof(sid), "argument/%s",
		    import_get(ar, i, A_ID));
		it = import_plan_item(pl, IMPORT_ARGUMENT, parent, sid,
		    import_get(ar, i, A_BODY), ar->name, import_line(ar, i));
		it->position = strcmp(import_get(ar, i, A_POSITION), "pour")
		    == 0 ? "pour" : "contre";
		it->hidden = strcmp(import_get(ar, i, A_TRASHED), "1") == 0 ||
		    strcmp(import_get(ar, i, A_ENABLED), "0") == 0;
		it->created = import_get(ar, i, A_CREATED);
		it->tally[IT_VOTES] = import_get(ar, i, A_VOTES);
		found[2 * (parent - 1) + (it->position[0] == 'c')]++;
	}
}

/* Each opinion's declared arguments against the arguments read. */
static void
cross_check(const struct import_file *op, const size_t *found)
{
	static const int	 cols[2] = { O_ARGS_YES, O_ARGS_NO };
	static const char *const pos[2] = { "pour", "contre" };
	size_t			 i, k, first = 0, others = 0, fk = 0;

	for (i = 0; i < op->nrows; i++)
		for (k = 0; k < 2; k++)
			if ((size_t)atol(import_get(op, i, cols[k])) !=
			    found[2 * i + k]) {
				if (others++ == 0) {
					first = i;
					fk = k;
				}
				break;
			}
	if (others == 0)
		return;
	if (others == 1)
		import_fail(NULL, op->name, import_line(op, first), "l'opinion "
		    "%s déclare %s arguments %s (%s), arguments.csv en "
		    "contient %zu ; fichier arguments.csv tronqué ou "
		    "incomplet ?", import_get(op, first, O_ID),
		    import_get(op, first, cols[fk]), pos[fk],
		    opinion_cols[cols[fk]], found[2 * first + fk]);
	import_fail(NULL, op->name, import_line(op, first), "l'opinion %s "
	    "déclare %s arguments %s (%s), arguments.csv en contient %zu, et "
	    "%zu autres opinions ne correspondent pas non plus ; fichier "
	    "arguments.csv tronqué ou incomplet ?", import_get(op, first,
	    O_ID), import_get(op, first, cols[fk]), pos[fk],
	    opinion_cols[cols[fk]], found[2 * first + fk], others - 1);
}

int
import_republique_numerique(const char *dir)
{
	struct import_file	 op, ar;
	struct import_plan	 pl;
	long			 types[RN_MAX_SECTIONS];
	size_t			 theme_of_type[RN_MAX_SECTIONS], ntypes, i;
	size_t			*found, nargs[2] = { 0, 0 };

	import_load(&op, dir, "opinions.csv", ',', opinion_cols);
	import_load(&ar, dir, "arguments.csv", ',', argument_cols);
	ntypes = check_opinions(&op, types);
	check_arguments(&ar);

	import_plan_init(&pl, &rn_source);
	plan_themes(&pl, &op, types, ntypes, theme_of_type);
	plan_opinions(&pl, &op, types, ntypes, theme_of_type);
	if ((found = calloc(2 * op.nrows + 1, sizeof(*found))) == NULL)
		import_fail(NULL, NULL, 0, "mémoire insuffisante");
	plan_arguments(&pl, &ar, found);
	cross_check(&op, found);
	for (i = 0; i < op.nrows; i++) {
		nargs[0] += found[2 * i];
		nargs[1] += found[2 * i + 1];
	}

	import_plan_write(&pl);
	printf("République numérique 2015 importée (consultation « %s ») : "
	    "%zu thèmes, %zu propositions, %zu arguments (%zu pour, %zu "
	    "contre).\n", RN_SLUG, pl.nthemes, op.nrows, ar.nrows, nargs[0],
	    nargs[1]);
	free(found);
	import_plan_free(&pl);
	import_free(&op);
	import_free(&ar);
	return (0);
}
