/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * What each group says: its representative statements and the statements
 * every group supports, in one pass over the votes by statement, counting
 * only the participants in a group (as Pol.is counts its groups' members).
 *
 * The statistics are Pol.is's (polismath.math.repness and stats): shares
 * smoothed by one pseudo-vote each way (a Beta(1, 1) prior: a statement two
 * people saw is not 100 % anything), a one-proportion z against 1/2 and a
 * two-proportion z of the group against the other groups, significant
 * above 1.2816 (90 %, one-sided). A statement represents a group when both
 * z of one side pass; the kept ones are ranked by Pol.is's product
 * repness x repness_test x p x p_test. Unlike Pol.is, no statement is
 * shown for a group that has no significant one other than its single best
 * (flagged not significant), and there is no "best agree" pushed first:
 * agree-side statements simply come before disagree-side ones.
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "opinion_int.h"

double
opinion_prop_test(double succ, double n)
{
	succ += 1;
	n += 1;
	return (2 * sqrt(n) * (succ / n - 0.5));
}

double
opinion_two_prop_test(double succ_in, double succ_out, double n_in,
    double n_out)
{
	double	p1, p2, pi;

	succ_in += 1;
	succ_out += 1;
	n_in += 1;
	n_out += 1;
	p1 = succ_in / n_in;
	p2 = succ_out / n_out;
	pi = (succ_in + succ_out) / (n_in + n_out);
	if (pi >= 1)
		return (0);
	return ((p1 - p2) / sqrt(pi * (1 - pi) * (1 / n_in + 1 / n_out)));
}

/* Votes of each group on one statement. */
struct stat_counts {
	uint32_t	a[OPINION_K_MAX], d[OPINION_K_MAX], s[OPINION_K_MAX];
	uint32_t	ta, td, ts;	/* over the groups */
};

/* A kept list of at most cap items, best metric first. */
struct stat_top {
	struct opinion_repness	*item;
	double			*metric;
	size_t			 n, cap;
};

static void
top_offer(struct stat_top *t, const struct opinion_repness *r, double m)
{
	size_t	i;

	if (t->n == t->cap && (t->cap == 0 || !(m > t->metric[t->n - 1])))
		return;
	if (t->n < t->cap)
		t->n++;
	for (i = t->n - 1; i > 0 && m > t->metric[i - 1]; i--) {
		t->item[i] = t->item[i - 1];
		t->metric[i] = t->metric[i - 1];
	}
	t->item[i] = *r;
	t->metric[i] = m;
}

/* The statistics of statement j for group g on one side. */
static void
stat_side(const struct stat_counts *c, unsigned g, uint32_t j,
    enum opinion_side side, struct opinion_repness *r)
{
	uint32_t	own = side == OPINION_SIDE_AGREE ? c->a[g] : c->d[g];
	uint32_t	all = side == OPINION_SIDE_AGREE ? c->ta : c->td;
	double		rest_p;

	r->statement = j;
	r->side = side;
	r->n_success = own;
	r->n_trials = c->s[g];
	r->rest_success = all - own;
	r->rest_trials = c->ts - c->s[g];
	r->p_success = (1.0 + own) / (2.0 + c->s[g]);
	r->p_test = opinion_prop_test(own, c->s[g]);
	rest_p = (1.0 + r->rest_success) / (2.0 + r->rest_trials);
	r->repness = r->p_success / rest_p;
	r->repness_test = opinion_two_prop_test(own, r->rest_success,
	    c->s[g], r->rest_trials);
	r->significant = r->p_test > OPINION_Z90 &&
	    r->repness_test > OPINION_Z90;
}

static double
stat_metric(const struct opinion_repness *r)
{
	return (r->repness * r->repness_test * r->p_success * r->p_test);
}

/* Offers statement j to group g's lists (significant ones, best one). */
static void
stat_repness(const struct stat_counts *c, unsigned g, uint32_t j,
    struct stat_top *top, struct opinion_repness *best, double *best_z)
{
	struct opinion_repness	ag, dis, *pick;

	if (c->s[g] == 0)
		return;
	stat_side(c, g, j, OPINION_SIDE_AGREE, &ag);
	stat_side(c, g, j, OPINION_SIDE_DISAGREE, &dis);
	if (ag.significant && dis.significant)
		pick = ag.repness_test >= dis.repness_test ? &ag : &dis;
	else if (ag.significant || dis.significant)
		pick = ag.significant ? &ag : &dis;
	else
		pick = ag.repness_test >= dis.repness_test ? &ag : &dis;
	if (pick->significant)
		top_offer(top, pick, stat_metric(pick));
	if (pick->repness_test > *best_z) {
		*best_z = pick->repness_test;
		*best = *pick;
	}
}

/* Statement j as a consensus candidate: every group mostly agrees. */
static void
stat_consensus(const struct stat_counts *c, unsigned k, uint32_t j,
    struct opinion_map *map, struct opinion_consensus *cons, double *cmetric,
    size_t cap)
{
	double		score = 1;
	unsigned	g;
	int		all = 1;
	size_t		i;

	for (g = 0; g < k; g++) {
		score *= (1.0 + c->a[g]) / (2.0 + c->s[g]);
		if (!((1.0 + c->a[g]) / (2.0 + c->s[g]) > 0.5 &&
		    opinion_prop_test(c->a[g], c->s[g]) > OPINION_Z90))
			all = 0;
	}
	map->consensus_score[j] = score;
	if (!all || cap == 0 || (map->nconsensus == cap &&
	    !(score > cmetric[cap - 1])))
		return;
	if (map->nconsensus < cap)
		map->nconsensus++;
	for (i = map->nconsensus - 1; i > 0 && score > cmetric[i - 1]; i--) {
		cons[i] = cons[i - 1];
		cmetric[i] = cmetric[i - 1];
	}
	memset(&cons[i], 0, sizeof(cons[i]));
	cons[i].statement = j;
	cons[i].score = score;
	for (g = 0; g < k; g++) {
		cons[i].agree[g] = c->a[g];
		cons[i].trials[g] = c->s[g];
	}
	cmetric[i] = score;
}

/* The counts of statement j over the clustered participants. */
static void
stat_count(const struct opinion_csc *csc, const int *group, uint32_t j,
    struct stat_counts *c)
{
	size_t	e;
	int	g;

	memset(c, 0, sizeof(*c));
	for (e = csc->colptr[j]; e < csc->colptr[j + 1]; e++) {
		if ((g = group[csc->row[e]]) < 0)
			continue;
		c->s[g]++;
		c->ts++;
		if (csc->val[e] > 0) {
			c->a[g]++;
			c->ta++;
		} else if (csc->val[e] < 0) {
			c->d[g]++;
			c->td++;
		}
	}
}

/* Group g's kept list, agree side first, into map->groups[g]. */
static void
stat_finish(struct opinion_group *grp, const struct stat_top *top,
    const struct opinion_repness *best, double best_z)
{
	size_t	i, n = 0;
	int	side;

	if (top->n == 0) {
		if (best_z > -INFINITY)
			grp->repness[n++] = *best;
		grp->nrepness = n;
		return;
	}
	for (side = OPINION_SIDE_AGREE; side <= OPINION_SIDE_DISAGREE; side++)
		for (i = 0; i < top->n; i++)
			if ((int)top->item[i].side == side)
				grp->repness[n++] = top->item[i];
	grp->nrepness = n;
}

int
opinion_stats(const struct opinion_csc *csc, const struct opinion_params *p,
    struct opinion_map *map)
{
	struct stat_top		top[OPINION_K_MAX];
	struct opinion_repness	best[OPINION_K_MAX];
	struct stat_counts	c;
	double			best_z[OPINION_K_MAX], *cmetric = NULL;
	size_t			cap = p->repness_max ? p->repness_max : 1;
	unsigned		g, k = map->k;
	uint32_t		j;
	int			rc = -1;

	memset(top, 0, sizeof(top));
	map->consensus = calloc(p->consensus_max + 1, sizeof(*map->consensus));
	cmetric = calloc(p->consensus_max + 1, sizeof(*cmetric));
	if (map->consensus == NULL || cmetric == NULL)
		goto out;
	for (g = 0; g < k; g++) {
		top[g].cap = cap;
		top[g].item = calloc(cap, sizeof(*top[g].item));
		top[g].metric = calloc(cap, sizeof(*top[g].metric));
		map->groups[g].repness = calloc(cap, sizeof(struct opinion_repness));
		if (top[g].item == NULL || top[g].metric == NULL ||
		    map->groups[g].repness == NULL)
			goto out;
		best_z[g] = -INFINITY;
	}
	for (j = 0; j < csc->m; j++) {
		if (j % 65536 == 0)
			opinion_progress(p, "propositions", (double)j / csc->m);
		stat_count(csc, map->group, j, &c);
		for (g = 0; g < k; g++)
			stat_repness(&c, g, j, &top[g], &best[g], &best_z[g]);
		stat_consensus(&c, k, j, map, map->consensus, cmetric,
		    p->consensus_max);
	}
	for (g = 0; g < k; g++)
		stat_finish(&map->groups[g], &top[g], &best[g], best_z[g]);
	rc = 0;
out:
	for (g = 0; g < OPINION_K_MAX; g++) {
		free(top[g].item);
		free(top[g].metric);
	}
	free(cmetric);
	return (rc);
}
