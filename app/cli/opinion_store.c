/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora opinion-map's storing: a computed map replaces the scope's stored
 * one in one transaction (migration 0225): groups, each group's
 * distinctive proposals, the consensus proposals, every voted proposal's
 * components, how each group voted on each proposal (migration 0320) and
 * the chart's cells. No person's group is stored.
 */

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/opinion.h"
#include "../core/vocab.h"
#include "../db/opinion.h"
#include "cli.h"
#include "opinion_map.h"

#define OM_GRID		OPINION_GRID

void
na_add(struct num_arr *a, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	if (a->cap - a->len < 64 || a->buf == NULL) {
		a->cap = a->cap ? a->cap * 2 : 4096;
		if ((a->buf = realloc(a->buf, a->cap)) == NULL)
			exit(1);
		if (a->len == 0)
			a->buf[a->len++] = '{';
	}
	if (a->len > 1)
		a->buf[a->len++] = ',';
	va_start(ap, fmt);
	n = vsnprintf(a->buf + a->len, a->cap - a->len, fmt, ap);
	va_end(ap);
	a->len += (size_t)n;
}

/* Closes the literal ("{}" when empty) and returns it. */
const char *
na_end(struct num_arr *a)
{
	if (a->buf == NULL) {
		a->cap = 4;
		if ((a->buf = malloc(a->cap)) == NULL)
			exit(1);
		a->buf[a->len++] = '{';
	}
	a->buf[a->len++] = '}';
	a->buf[a->len] = '\0';
	return (a->buf);
}

void
na_free(struct num_arr *a, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		free(a[i].buf);
		memset(&a[i], 0, sizeof(a[i]));
	}
}

static void
store_groups(PGconn *db, long long id, const struct opinion_map *m)
{
	struct num_arr	a[4] = { { 0 } };
	unsigned	g;

	for (g = 0; g < m->k; g++) {
		na_add(&a[0], "%u", g);
		na_add(&a[1], "%u", m->groups[g].size);
		na_add(&a[2], "%.17g", m->groups[g].center[0]);
		na_add(&a[3], "%.17g", m->groups[g].center[1]);
	}
	PQclear(cli_query(db, &sql_opinion_groups_insert, DB_INT(id),
	    DB_TEXT(na_end(&a[0])), DB_TEXT(na_end(&a[1])),
	    DB_TEXT(na_end(&a[2])), DB_TEXT(na_end(&a[3]))).res);
	na_free(a, 4);
}

#define OM_BATCH	10000

static double
finite_or_0(double x)
{
	return (isfinite(x) ? x : 0);
}

/* Every voted proposal's mean and components, in batches. */
static void
store_statements(PGconn *db, long long id, const struct opinion_map *m,
    const struct om_votes *ov)
{
	struct num_arr	a[5] = { { 0 } };
	uint32_t	s;

	for (s = 0; s < m->nstatements; s++) {
		na_add(&a[0], "%lld", ov->proposals[s]);
		na_add(&a[1], "%.17g", finite_or_0(m->mean[s]));
		na_add(&a[2], "%.17g", finite_or_0(m->component[0][s]));
		na_add(&a[3], "%.17g", finite_or_0(m->component[1][s]));
		na_add(&a[4], "%.17g", finite_or_0(m->consensus_score[s]));
		if ((s + 1) % OM_BATCH != 0 && s + 1 != m->nstatements)
			continue;
		PQclear(cli_query(db, &sql_opinion_statements_insert,
		    DB_INT(id), DB_TEXT(na_end(&a[0])),
		    DB_TEXT(na_end(&a[1])), DB_TEXT(na_end(&a[2])),
		    DB_TEXT(na_end(&a[3])), DB_TEXT(na_end(&a[4]))).res);
		na_free(a, 5);
	}
}

/* One highlight row into the arrays. */
static void
highlight_add(struct num_arr *a, int grp, size_t rank, long long proposal,
    const char *side, uint32_t ns, uint32_t nt, uint32_t rs, uint32_t rt,
    double score, int sig)
{
	na_add(&a[0], "%d", grp);
	na_add(&a[1], "%zu", rank);
	na_add(&a[2], "%lld", proposal);
	na_add(&a[3], "%s", side);
	na_add(&a[4], "%u", ns);
	na_add(&a[5], "%u", nt);
	na_add(&a[6], "%u", rs);
	na_add(&a[7], "%u", rt);
	na_add(&a[8], "%.17g", isfinite(score) ? score : 0);
	na_add(&a[9], "%s", sig ? "t" : "f");
}

static void
store_highlights(PGconn *db, long long id, const struct opinion_map *m,
    const struct om_votes *ov)
{
	struct num_arr			 a[10] = { { 0 } };
	const struct opinion_repness	*r;
	const struct opinion_consensus	*c;
	uint32_t			 yes, all;
	unsigned			 g;
	size_t				 i;

	for (g = 0; g < m->k; g++)
		for (i = 0; i < m->groups[g].nrepness; i++) {
			r = &m->groups[g].repness[i];
			highlight_add(a, (int)g, i + 1,
			    ov->proposals[r->statement], r->side ==
			    OPINION_SIDE_AGREE ? "agree" : "disagree",
			    r->n_success, r->n_trials, r->rest_success,
			    r->rest_trials, r->repness, r->significant);
		}
	for (i = 0; i < m->nconsensus; i++) {
		c = &m->consensus[i];
		for (yes = all = 0, g = 0; g < m->k; g++) {
			yes += c->agree[g];
			all += c->trials[g];
		}
		highlight_add(a, -1, i + 1, ov->proposals[c->statement],
		    "agree", yes, all, 0, 0, c->score, 1);
	}
	PQclear(cli_query(db, &sql_opinion_highlights_insert, DB_INT(id),
	    DB_TEXT(na_end(&a[0])), DB_TEXT(na_end(&a[1])),
	    DB_TEXT(na_end(&a[2])), DB_TEXT(na_end(&a[3])),
	    DB_TEXT(na_end(&a[4])), DB_TEXT(na_end(&a[5])),
	    DB_TEXT(na_end(&a[6])), DB_TEXT(na_end(&a[7])),
	    DB_TEXT(na_end(&a[8])), DB_TEXT(na_end(&a[9]))).res);
	na_free(a, 10);
}

/*
 * How each group's people voted on each proposal: d'accord, mitigé, pas
 * d'accord per (proposal, group), only where the group voted.
 */
static void
store_group_votes(PGconn *db, long long id, const struct opinion_map *m,
    const struct om_votes *ov)
{
	struct num_arr	 a[5] = { { 0 } };
	uint32_t	*n, s, g;
	size_t		 i, at, rows = 0;
	int		 grp;

	n = om_calloc((size_t)m->nstatements * m->k * 3, sizeof(*n));
	for (i = 0; i < ov->n; i++) {
		grp = m->group[ov->v[i].participant];
		if (grp < 0)
			continue;
		at = ((size_t)ov->v[i].statement * m->k + (size_t)grp) * 3;
		n[at + (size_t)(1 - ov->v[i].value)]++;
	}
	for (s = 0; s < m->nstatements; s++)
		for (g = 0; g < m->k; g++) {
			at = ((size_t)s * m->k + g) * 3;
			if (n[at] + n[at + 1] + n[at + 2] == 0)
				continue;
			na_add(&a[0], "%lld", ov->proposals[s]);
			na_add(&a[1], "%u", g);
			na_add(&a[2], "%u", n[at]);
			na_add(&a[3], "%u", n[at + 1]);
			na_add(&a[4], "%u", n[at + 2]);
			if (++rows % OM_BATCH != 0)
				continue;
			PQclear(cli_query(db, &sql_opinion_group_votes_insert,
			    DB_INT(id), DB_TEXT(na_end(&a[0])),
			    DB_TEXT(na_end(&a[1])), DB_TEXT(na_end(&a[2])),
			    DB_TEXT(na_end(&a[3])), DB_TEXT(na_end(&a[4]))).res);
			na_free(a, 5);
		}
	if (rows % OM_BATCH != 0)
		PQclear(cli_query(db, &sql_opinion_group_votes_insert,
		    DB_INT(id), DB_TEXT(na_end(&a[0])), DB_TEXT(na_end(&a[1])),
		    DB_TEXT(na_end(&a[2])), DB_TEXT(na_end(&a[3])),
		    DB_TEXT(na_end(&a[4]))).res);
	na_free(a, 5);
	free(n);
}

/* The frame of the chart: every placed person's extent, never empty. */
static void
frame(const struct opinion_map *m, double f[4])
{
	uint32_t	i;
	double		pad;

	f[0] = f[2] = INFINITY;
	f[1] = f[3] = -INFINITY;
	for (i = 0; i < m->nparticipants; i++) {
		if (m->votes_of[i] == 0)
			continue;
		f[0] = fmin(f[0], m->x[i]);
		f[1] = fmax(f[1], m->x[i]);
		f[2] = fmin(f[2], m->y[i]);
		f[3] = fmax(f[3], m->y[i]);
	}
	pad = 1e-9 + 0.02 * fmax(f[1] - f[0], f[3] - f[2]);
	f[0] -= pad;
	f[1] += pad;
	f[2] -= pad;
	f[3] += pad;
}

/* How many people of each group fall in each cell of the grid. */
static void
store_cells(PGconn *db, long long id, const struct opinion_map *m,
    const double f[4])
{
	struct num_arr	 a[4] = { { 0 } };
	uint32_t	*n, i;
	size_t		 cx, cy, g, groups = m->k + 1, cell;

	n = om_calloc(OM_GRID * OM_GRID * groups, sizeof(*n));
	for (i = 0; i < m->nparticipants; i++) {
		if (m->votes_of[i] == 0)
			continue;
		cx = (size_t)((m->x[i] - f[0]) / (f[1] - f[0]) * OM_GRID);
		cy = (size_t)((m->y[i] - f[2]) / (f[3] - f[2]) * OM_GRID);
		cx = cx >= OM_GRID ? OM_GRID - 1 : cx;
		cy = cy >= OM_GRID ? OM_GRID - 1 : cy;
		g = m->group[i] < 0 ? 0 : (size_t)m->group[i] + 1;
		n[(cy * OM_GRID + cx) * groups + g]++;
	}
	for (cell = 0; cell < OM_GRID * OM_GRID; cell++)
		for (g = 0; g < groups; g++) {
			if (n[cell * groups + g] == 0)
				continue;
			na_add(&a[0], "%zu", cell % OM_GRID);
			na_add(&a[1], "%zu", cell / OM_GRID);
			na_add(&a[2], "%d", (int)g - 1);
			na_add(&a[3], "%u", n[cell * groups + g]);
		}
	PQclear(cli_query(db, &sql_opinion_cells_insert, DB_INT(id),
	    DB_TEXT(na_end(&a[0])), DB_TEXT(na_end(&a[1])),
	    DB_TEXT(na_end(&a[2])), DB_TEXT(na_end(&a[3]))).res);
	na_free(a, 4);
	free(n);
}

/* Replaces the scope's stored map, in one transaction. */
void
om_store(PGconn *db, const struct om_scope *s, const struct opinion_map *m,
    const struct om_votes *ov, double seconds)
{
	struct db_rows	 r;
	double		 f[4] = { 0, 0, 0, 0 };
	long long	 id;
	int		 mapped = m->reason == OPINION_MAPPED;
	char		 num[6][40];

	if (mapped)
		frame(m, f);
	snprintf(num[0], sizeof(num[0]), "%.17g", m->silhouette);
	snprintf(num[1], sizeof(num[1]), "%.17g", f[0]);
	snprintf(num[2], sizeof(num[2]), "%.17g", f[1]);
	snprintf(num[3], sizeof(num[3]), "%.17g", f[2]);
	snprintf(num[4], sizeof(num[4]), "%.17g", f[3]);
	snprintf(num[5], sizeof(num[5]), "%.3f", seconds);
	PQclear(cli_exec(db, "BEGIN", 0, NULL));
	PQclear(cli_query(db, &sql_opinion_map_delete, DB_INT(s->consultation),
	    DB_ID(s->theme)).res);
	r = cli_query(db, &sql_opinion_map_insert, DB_INT(s->consultation),
	    DB_ID(s->theme), DB_INT(m->nvotes), DB_INT(m->nvoters),
	    DB_INT(m->nsteering), DB_INT(m->nvoted_statements),
	    DB_TEXT(vocab_opinion_reason[m->reason].code), DB_INT(mapped ? m->k : 0),
	    mapped ? DB_TEXT(num[0]) : DB_NULL, mapped ? DB_TEXT(num[1]) :
	    DB_NULL, mapped ? DB_TEXT(num[2]) : DB_NULL, mapped ?
	    DB_TEXT(num[3]) : DB_NULL, mapped ? DB_TEXT(num[4]) : DB_NULL,
	    DB_TEXT(num[5]));
	id = db_int(&r, 0, OMI_ID);
	PQclear(r.res);
	if (mapped) {
		store_groups(db, id, m);
		store_statements(db, id, m, ov);
		store_highlights(db, id, m, ov);
		store_group_votes(db, id, m, ov);
		store_cells(db, id, m, f);
	}
	PQclear(cli_exec(db, "COMMIT", 0, NULL));
}

