/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The clustering of topics.c: k-means++ seeding from a fixed seed,
 * Lloyd's iterations on the sphere, the best of several restarts per k,
 * and k chosen by the mean silhouette (topics.h states each rule, so that
 * an independent implementation finds the same assignment).
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "topics.h"
#include "topics_kmeans.h"

static uint64_t
splitmix64(uint64_t *s)
{
	uint64_t	z;

	z = (*s += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return (z ^ (z >> 31));
}

/* Uniform in [0, 1). */
static double
uniform(uint64_t *s)
{
	return ((double)(splitmix64(s) >> 11) * 0x1.0p-53);
}

static void
progress(const struct topics_params *p, const char *stage, double share)
{
	if (p->progress != NULL)
		p->progress(p->arg, stage, share);
}

double
topics_dot(const struct vecs *x, size_t d, const double *c)
{
	double	s = 0;
	size_t	i;

	for (i = x->start[d]; i < x->start[d + 1]; i++)
		s += x->val[i] * c[x->term[i]];
	return (s);
}

/* The centre of highest cosine, lowest number on ties. */
static int
nearest(const struct vecs *x, size_t d, const double *centre, unsigned k,
    double *best)
{
	unsigned	j;
	int		b = 0;
	double		s;

	*best = topics_dot(x, d, centre);
	for (j = 1; j < k; j++)
		if ((s = topics_dot(x, d, centre + (size_t)j * x->v)) > *best) {
			*best = s;
			b = (int)j;
		}
	return (b);
}

/* Centre j := doc d's vector. */
static void
set_centre(const struct vecs *x, double *c, size_t d)
{
	size_t	i;

	memset(c, 0, x->v * sizeof(*c));
	for (i = x->start[d]; i < x->start[d + 1]; i++)
		c[x->term[i]] = x->val[i];
}

/* k-means++ seeding over the classified docs, d = 1 - cos, weight d^2. */
static void
seed_centres(const struct vecs *x, unsigned k, uint64_t *rng, double *centre,
    double *dist)
{
	size_t		 d, first, pick, nth, last;
	unsigned	 j;
	double		 total, target, acc, s;

	nth = (size_t)(uniform(rng) * (double)x->nok);
	for (first = 0, d = 0; d < x->n; d++)
		if (x->ok[d] && nth-- == 0) {
			first = d;
			break;
		}
	set_centre(x, centre, first);
	for (d = 0; d < x->n; d++)
		dist[d] = x->ok[d] ? 1 - topics_dot(x, d, centre) : 0;
	for (j = 1; j < k; j++) {
		for (total = 0, d = 0; d < x->n; d++)
			total += dist[d] * dist[d];
		target = uniform(rng) * total;
		pick = x->n;
		for (acc = 0, last = x->n, d = 0; d < x->n; d++) {
			if (!x->ok[d] || dist[d] * dist[d] <= 0)
				continue;
			last = d;
			acc += dist[d] * dist[d];
			if (acc > target) {
				pick = d;
				break;
			}
		}
		if (pick == x->n)
			pick = last;
		if (pick == x->n)	/* every doc on a centre: the first */
			pick = first;
		set_centre(x, centre + (size_t)j * x->v, pick);
		for (d = 0; d < x->n; d++) {
			if (!x->ok[d])
				continue;
			s = 1 - topics_dot(x, d, centre + (size_t)j * x->v);
			if (s < dist[d])
				dist[d] = s;
		}
	}
}

/* Lloyd's iterations from the seeded centres. */
static void
lloyd(const struct vecs *x, struct clustering *c, unsigned max_iter,
    uint32_t *size)
{
	unsigned	 it, j;
	size_t		 d, i, t, moved;
	double		 best, norm, *cj;
	int		 a;

	for (d = 0; d < x->n; d++)
		c->assign[d] = -1;
	for (it = 0; it < max_iter; it++) {
		for (moved = 0, d = 0; d < x->n; d++) {
			if (!x->ok[d])
				continue;
			a = nearest(x, d, c->centre, c->k, &best);
			if (a != c->assign[d]) {
				c->assign[d] = a;
				moved++;
			}
		}
		if (moved == 0)
			break;
		memset(size, 0, c->k * sizeof(*size));
		for (d = 0; d < x->n; d++)
			if (x->ok[d])
				size[c->assign[d]]++;
		for (j = 0; j < c->k; j++) {
			if (size[j] == 0)
				continue;
			cj = c->centre + (size_t)j * x->v;
			memset(cj, 0, x->v * sizeof(*cj));
		}
		for (d = 0; d < x->n; d++) {
			if (!x->ok[d])
				continue;
			cj = c->centre + (size_t)c->assign[d] * x->v;
			for (i = x->start[d]; i < x->start[d + 1]; i++)
				cj[x->term[i]] += x->val[i];
		}
		for (j = 0; j < c->k; j++) {
			if (size[j] == 0)
				continue;
			cj = c->centre + (size_t)j * x->v;
			for (norm = 0, t = 0; t < x->v; t++)
				norm += cj[t] * cj[t];
			norm = sqrt(norm);
			if (norm > 0)
				for (t = 0; t < x->v; t++)
					cj[t] /= norm;
		}
	}
	for (c->objective = 0, d = 0; d < x->n; d++)
		if (x->ok[d])
			c->objective += topics_dot(x, d, c->centre + (size_t)c->assign[d] *
			    x->v);
}

/*
 * Mean silhouette of a clustering with the cosine distance 1 - x.y: the
 * mean distance from x to a set C is 1 - x.S / |C| with S the sum of C's
 * vectors, so the exact silhouette costs one pass (x itself left out of
 * its own cluster: (x.S - x.x) / (|C| - 1)). s = 0 for a proposal alone
 * in its topic, or when no other topic is non-empty.
 */
static double
silhouette(const struct vecs *x, const struct clustering *c,
    const uint32_t *size, double *sum)
{
	size_t		 d, i;
	unsigned	 j;
	double		 a, b, s, self, total = 0, m;
	int		 own;

	memset(sum, 0, (size_t)c->k * x->v * sizeof(*sum));
	for (d = 0; d < x->n; d++) {
		if (!x->ok[d])
			continue;
		for (i = x->start[d]; i < x->start[d + 1]; i++)
			sum[(size_t)c->assign[d] * x->v + x->term[i]] +=
			    x->val[i];
	}
	for (d = 0; d < x->n; d++) {
		if (!x->ok[d] || size[own = c->assign[d]] < 2)
			continue;
		for (self = 0, i = x->start[d]; i < x->start[d + 1]; i++)
			self += x->val[i] * x->val[i];
		a = 1 - (topics_dot(x, d, sum + (size_t)own * x->v) - self) /
		    (double)(size[own] - 1);
		b = INFINITY;
		for (j = 0; j < c->k; j++) {
			if ((int)j == own || size[j] == 0)
				continue;
			s = 1 - topics_dot(x, d, sum + (size_t)j * x->v) /
			    (double)size[j];
			if (s < b)
				b = s;
		}
		if (!isfinite(b))
			continue;
		m = a > b ? a : b;
		if (m > 0)
			total += (b - a) / m;
	}
	return (total / (double)x->nok);
}

void
topics_sizes(const struct vecs *x, const struct clustering *c, uint32_t *size)
{
	size_t	d;

	memset(size, 0, c->k * sizeof(*size));
	for (d = 0; d < x->n; d++)
		if (x->ok[d])
			size[c->assign[d]]++;
}

/* The best of `restarts` runs for k; rng advances for every run. */
static int
best_for_k(const struct vecs *x, unsigned k, const struct topics_params *p,
    uint64_t *rng, struct clustering *best, uint32_t *size, double *dist)
{
	struct clustering	c;
	unsigned		r;

	c.k = k;
	c.centre = calloc((size_t)k * x->v + 1, sizeof(*c.centre));
	c.assign = calloc(x->n + 1, sizeof(*c.assign));
	if (c.centre == NULL || c.assign == NULL) {
		free(c.centre);
		free(c.assign);
		return (-1);
	}
	for (r = 0; r < p->restarts; r++) {
		seed_centres(x, k, rng, c.centre, dist);
		lloyd(x, &c, p->max_iter, size);
		if (r > 0 && !(c.objective > best->objective))
			continue;
		best->k = k;
		best->objective = c.objective;
		memcpy(best->centre, c.centre, (size_t)k * x->v *
		    sizeof(*c.centre));
		memcpy(best->assign, c.assign, x->n * sizeof(*c.assign));
	}
	free(c.centre);
	free(c.assign);
	return (0);
}

/* Every k, the best silhouette kept in *best. */
int
topics_kmeans(const struct vecs *x, const struct topics_params *p,
    struct topics_result *r, struct clustering *best)
{
	struct clustering	 c;
	uint64_t		 rng = p->seed;
	uint32_t		*size;
	double			*dist, *sum = NULL, s;
	unsigned		 k, kmax = p->k_max, found = 0;
	int			 rc = -1;

	if (kmax > x->nok / 3)
		kmax = (unsigned)(x->nok / 3);
	if (kmax < p->k_min)
		kmax = p->k_min;
	c.centre = calloc((size_t)kmax * x->v + 1, sizeof(*c.centre));
	c.assign = calloc(x->n + 1, sizeof(*c.assign));
	size = calloc(kmax + 1, sizeof(*size));
	dist = calloc(x->n + 1, sizeof(*dist));
	sum = calloc((size_t)kmax * x->v + 1, sizeof(*sum));
	if (c.centre == NULL || c.assign == NULL || size == NULL ||
	    dist == NULL || sum == NULL)
		goto out;
	for (k = p->k_min; k <= kmax; k++) {
		progress(p, "regroupement", (double)(k - p->k_min) /
		    (kmax - p->k_min + 1));
		if (best_for_k(x, k, p, &rng, &c, size, dist) == -1)
			goto out;
		topics_sizes(x, &c, size);
		s = silhouette(x, &c, size, sum);
		if (found && !(s > r->silhouette))
			continue;
		found = 1;
		r->silhouette = s;
		best->k = k;
		best->objective = c.objective;
		memcpy(best->centre, c.centre, (size_t)k * x->v *
		    sizeof(*c.centre));
		memcpy(best->assign, c.assign, x->n * sizeof(*c.assign));
	}
	progress(p, "regroupement", 1);
	rc = 0;
out:
	free(c.centre);
	free(c.assign);
	free(size);
	free(dist);
	free(sum);
	return (rc);
}
