/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Groups of positions on the map: k-means (Lloyd, seeded k-means++ starts,
 * Arthur and Vassilvitskii 2007), the silhouette that chooses k (Rousseeuw
 * 1987), and the adjusted Rand index that compares two partitions (Hubert
 * and Arabie 1985).
 *
 * Pol.is first gathers participants into 100 base clusters and runs the
 * group k-means and the silhouette on those; here the points are 2-D, so
 * k-means over the participants themselves costs O(n k) a step, and the
 * silhouette is exact up to silhouette_sample participants, or else
 * measured on a seeded sample of them against every participant.
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "opinion_int.h"

static double
dist2(double ax, double ay, double bx, double by)
{
	return ((ax - bx) * (ax - bx) + (ay - by) * (ay - by));
}

/*
 * Starting centres: k-means++ (each next centre drawn with probability
 * proportional to its squared distance to the chosen ones), or, for every
 * other restart, points drawn uniformly: k-means++ keeps picking a lone
 * far voter, whose group of one the size rule then refuses.
 */
static void
kmeans_seed(const double *xs, const double *ys, size_t n, unsigned k,
    int plusplus, uint64_t *rng, double *d2, double *ctr)
{
	size_t		i, pick;
	unsigned	c;
	double		total, r, d;

	pick = (size_t)(opinion_rng_unit(rng) * n);
	ctr[0] = xs[pick];
	ctr[1] = ys[pick];
	for (i = 0; i < n; i++)
		d2[i] = dist2(xs[i], ys[i], ctr[0], ctr[1]);
	for (c = 1; c < k; c++) {
		if (!plusplus) {	/* any point: far ones are not favoured */
			pick = (size_t)(opinion_rng_unit(rng) * n);
			ctr[2 * c] = xs[pick];
			ctr[2 * c + 1] = ys[pick];
			continue;
		}
		total = 0;
		for (i = 0; i < n; i++)
			total += d2[i];
		r = opinion_rng_unit(rng) * total;
		for (pick = 0; pick + 1 < n; pick++) {
			if (r < d2[pick] && d2[pick] > 0)
				break;
			r -= d2[pick];
		}
		ctr[2 * c] = xs[pick];
		ctr[2 * c + 1] = ys[pick];
		for (i = 0; i < n; i++) {
			d = dist2(xs[i], ys[i], ctr[2 * c], ctr[2 * c + 1]);
			if (d < d2[i])
				d2[i] = d;
		}
	}
}

/* Each point to its nearest centre (lowest index on a tie); changes. */
static size_t
kmeans_assign(const double *xs, const double *ys, size_t n, unsigned k,
    const double *ctr, int *lab, double *d2)
{
	size_t		i, changed = 0;
	unsigned	c, best;
	double		d, bd;

	for (i = 0; i < n; i++) {
		best = 0;
		bd = dist2(xs[i], ys[i], ctr[0], ctr[1]);
		for (c = 1; c < k; c++) {
			d = dist2(xs[i], ys[i], ctr[2 * c], ctr[2 * c + 1]);
			if (d < bd) {
				bd = d;
				best = c;
			}
		}
		if (lab[i] != (int)best)
			changed++;
		lab[i] = (int)best;
		d2[i] = bd;
	}
	return (changed);
}

/*
 * Centres as the means of their points; an empty group takes the point
 * farthest from its own centre. Returns the inertia.
 */
static double
kmeans_update(const double *xs, const double *ys, size_t n, unsigned k,
    double *ctr, int *lab, double *d2)
{
	double		sx[OPINION_K_MAX], sy[OPINION_K_MAX], inertia = 0;
	size_t		cnt[OPINION_K_MAX], i, far;
	unsigned	c;

	for (c = 0; c < k; c++) {
		sx[c] = sy[c] = 0;
		cnt[c] = 0;
	}
	for (i = 0; i < n; i++) {
		sx[lab[i]] += xs[i];
		sy[lab[i]] += ys[i];
		cnt[lab[i]]++;
	}
	for (c = 0; c < k; c++) {
		if (cnt[c] == 0) {
			for (far = 0, i = 1; i < n; i++)
				if (d2[i] > d2[far])
					far = i;
			cnt[lab[far]]--;
			sx[lab[far]] -= xs[far];
			sy[lab[far]] -= ys[far];
			lab[far] = (int)c;
			d2[far] = 0;
			sx[c] = xs[far];
			sy[c] = ys[far];
			cnt[c] = 1;
		}
	}
	for (c = 0; c < k; c++) {
		ctr[2 * c] = cnt[c] ? sx[c] / cnt[c] : 0;
		ctr[2 * c + 1] = cnt[c] ? sy[c] / cnt[c] : 0;
	}
	for (i = 0; i < n; i++)
		inertia += dist2(xs[i], ys[i], ctr[2 * lab[i]],
		    ctr[2 * lab[i] + 1]);
	return (inertia);
}

/* Whether every group holds at least min people. */
static int
kmeans_admissible(const int *lab, size_t n, unsigned k, unsigned min)
{
	size_t		cnt[OPINION_K_MAX] = { 0 }, i;
	unsigned	c;

	for (i = 0; i < n; i++)
		cnt[lab[i]]++;
	for (c = 0; c < k; c++)
		if (cnt[c] < min)
			return (0);
	return (1);
}

int
opinion_kmeans(const double *xs, const double *ys, size_t n, unsigned k,
    const struct opinion_params *p, uint64_t seed, int *label, double *best_ctr)
{
	double		*d2, ctr[2 * OPINION_K_MAX], inertia, best = INFINITY;
	int		*lab;
	uint64_t	 rng = seed;
	unsigned	 r, it, restarts = p->kmeans_restarts ? p->kmeans_restarts : 1;
	size_t		 i;

	if (k < 1 || k > OPINION_K_MAX || n < k)
		return (-1);
	d2 = calloc(n, sizeof(*d2));
	lab = calloc(n, sizeof(*lab));
	if (d2 == NULL || lab == NULL) {
		free(d2);
		free(lab);
		return (-1);
	}
	for (r = 0; r < restarts; r++) {
		kmeans_seed(xs, ys, n, k, r % 2 == 0, &rng, d2, ctr);
		for (i = 0; i < n; i++)
			lab[i] = -1;
		inertia = INFINITY;
		for (it = 0; it < p->kmeans_max_iter; it++) {
			if (kmeans_assign(xs, ys, n, k, ctr, lab, d2) == 0 &&
			    it > 0)
				break;
			inertia = kmeans_update(xs, ys, n, k, ctr, lab, d2);
		}
		if (inertia < best && kmeans_admissible(lab, n, k, p->min_group)) {
			best = inertia;
			memcpy(label, lab, n * sizeof(*lab));
			memcpy(best_ctr, ctr, 2 * k * sizeof(*ctr));
		}
	}
	free(d2);
	free(lab);
	return (best < INFINITY ? 0 : 1);
}

/* Mean silhouette of one point, given its summed distances per group. */
static double
silhouette_point(const double *sum, const size_t *size, unsigned k, int own)
{
	double		a, b = INFINITY, m;
	unsigned	g;

	if (size[own] < 2)
		return (0);
	a = sum[own] / (double)(size[own] - 1);
	for (g = 0; g < k; g++)
		if ((int)g != own && size[g] > 0 && sum[g] / size[g] < b)
			b = sum[g] / size[g];
	if (b == INFINITY)
		return (NAN);
	m = a > b ? a : b;
	return (m > 0 ? (b - a) / m : 0);
}

/* The points measured: all, or a seeded sample of sample of them. */
static size_t *
silhouette_pick(size_t n, unsigned sample, uint64_t seed, size_t *npick)
{
	size_t		*idx, i, j, t;
	uint64_t	 rng = seed ^ 0x73696c686f756574ULL;

	if ((idx = calloc(n ? n : 1, sizeof(*idx))) == NULL)
		return (NULL);
	for (i = 0; i < n; i++)
		idx[i] = i;
	*npick = n;
	if (sample == 0 || n <= sample)
		return (idx);
	for (i = 0; i < sample; i++) {	/* partial Fisher-Yates */
		j = i + (size_t)(opinion_rng_unit(&rng) * (n - i));
		t = idx[i];
		idx[i] = idx[j];
		idx[j] = t;
	}
	*npick = sample;
	return (idx);
}

int
opinion_silhouette_many(const double *xs, const double *ys, size_t n,
    const int *const *label, const unsigned *k, unsigned nlab,
    unsigned sample, uint64_t seed, double *out)
{
	size_t		*idx, npick, s, i, t, size[OPINION_K_MAX + 1][OPINION_K_MAX];
	double		 sum[OPINION_K_MAX + 1][OPINION_K_MAX], acc[OPINION_K_MAX + 1],
			 d, v;
	unsigned	 g, groups;

	if (nlab > OPINION_K_MAX + 1)
		return (-1);
	if ((idx = silhouette_pick(n, sample, seed, &npick)) == NULL)
		return (-1);
	for (t = 0; t < nlab; t++) {
		acc[t] = 0;
		memset(size[t], 0, sizeof(size[t]));
		for (i = 0; i < n; i++)
			size[t][label[t][i]]++;
	}
	for (s = 0; s < npick; s++) {
		memset(sum, 0, sizeof(sum));
		for (i = 0; i < n; i++) {
			d = sqrt(dist2(xs[idx[s]], ys[idx[s]], xs[i], ys[i]));
			for (t = 0; t < nlab; t++)
				sum[t][label[t][i]] += d;
		}
		for (t = 0; t < nlab; t++)
			acc[t] += silhouette_point(sum[t], size[t], k[t],
			    label[t][idx[s]]);
	}
	for (t = 0; t < nlab; t++) {
		for (groups = 0, g = 0; g < k[t]; g++)
			groups += size[t][g] > 0;
		v = npick > 0 ? acc[t] / (double)npick : NAN;
		out[t] = groups < 2 ? NAN : v;
	}
	free(idx);
	return (0);
}

double
opinion_silhouette(const double *xs, const double *ys, const int *label,
    size_t n, unsigned k, unsigned sample, uint64_t seed)
{
	double		*cx, *cy, out = NAN;
	int		*cl;
	const int	*lab[1];
	size_t		 i, m = 0;

	if (k < 1 || k > OPINION_K_MAX)
		return (NAN);
	cx = calloc(n ? n : 1, sizeof(*cx));
	cy = calloc(n ? n : 1, sizeof(*cy));
	cl = calloc(n ? n : 1, sizeof(*cl));
	if (cx != NULL && cy != NULL && cl != NULL) {
		for (i = 0; i < n; i++)
			if (label[i] >= 0 && label[i] < (int)k) {
				cx[m] = xs[i];
				cy[m] = ys[i];
				cl[m++] = label[i];
			}
		lab[0] = cl;
		if (opinion_silhouette_many(cx, cy, m, lab, &k, 1, sample, seed,
		    &out) == -1)
			out = NAN;
	}
	free(cx);
	free(cy);
	free(cl);
	return (out);
}

struct ari_pair {
	int	a, b;
};

static int
ari_by_ab(const void *x, const void *y)
{
	const struct ari_pair *p = x, *q = y;

	if (p->a != q->a)
		return (p->a < q->a ? -1 : 1);
	return (p->b < q->b ? -1 : p->b > q->b);
}

static int
ari_by_b(const void *x, const void *y)
{
	const struct ari_pair *p = x, *q = y;

	return (p->b < q->b ? -1 : p->b > q->b);
}

/* Sum of C(run, 2) over runs of equal keys (a and b, a only, or b). */
static double
ari_runs(const struct ari_pair *p, size_t n, int use_a, int use_b)
{
	double	total = 0, run = 0;
	size_t	i;

	for (i = 0; i < n; i++) {
		if (i > 0 && (!use_a || p[i].a == p[i - 1].a) &&
		    (!use_b || p[i].b == p[i - 1].b))
			run++;
		else
			run = 1;
		total += run - 1;	/* adds up to C(run, 2) */
	}
	return (total);
}

double
opinion_adjusted_rand(const int *a, const int *b, size_t n)
{
	struct ari_pair	*p;
	size_t		 i, m = 0;
	double		 cells, rows, cols, pairs, expect, top;

	if ((p = calloc(n ? n : 1, sizeof(*p))) == NULL)
		return (NAN);
	for (i = 0; i < n; i++)
		if (a[i] >= 0 && b[i] >= 0) {
			p[m].a = a[i];
			p[m++].b = b[i];
		}
	if (m < 2) {
		free(p);
		return (NAN);
	}
	qsort(p, m, sizeof(*p), ari_by_ab);
	cells = ari_runs(p, m, 1, 1);
	rows = ari_runs(p, m, 1, 0);
	qsort(p, m, sizeof(*p), ari_by_b);
	cols = ari_runs(p, m, 0, 1);
	free(p);
	pairs = (double)m * (double)(m - 1) / 2;
	expect = rows * cols / pairs;
	top = (rows + cols) / 2;
	if (top == expect)
		return (1.0);
	return ((cells - expect) / (top - expect));
}
