/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Spherical k-means over TF-IDF vectors: see topics.h for the exact
 * specification (an independent implementation must find the same
 * result, so the order of every floating-point sum is fixed: documents
 * in input order, terms in increasing order).
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "topics.h"

/* The weighted, normalised vectors (same layout as the input). */
struct vecs {
	size_t		 n;
	uint32_t	 v;
	size_t		*start;
	uint32_t	*term;
	double		*val;
	int		*ok;		/* has a non-zero vector */
	size_t		 nok;
};

/* One clustering. */
struct clustering {
	unsigned	 k;
	double		*centre;	/* k x v */
	int		*assign;	/* per doc */
	double		 objective;
};

void
topics_params_default(struct topics_params *p)
{
	memset(p, 0, sizeof(*p));
	p->k_min = 2;
	p->k_max = 8;
	p->min_df = 2;
	p->min_docs = 6;
	p->restarts = 4;
	p->max_iter = 50;
	p->nlabels = 5;
	p->seed = 20151;
}

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

/* TF-IDF, terms with df >= min_df, L2-normalised. -1 on bad input. */
static int
weigh(const struct topics_input *in, unsigned min_df, struct vecs *x,
    uint32_t *kept)
{
	uint32_t	*df;
	size_t		 d, i, o;
	double		 norm, w;

	memset(x, 0, sizeof(*x));
	x->n = in->ndocs;
	x->v = in->nterms;
	df = calloc(in->nterms + 1, sizeof(*df));
	x->start = calloc(in->ndocs + 1, sizeof(*x->start));
	x->term = calloc(in->start[in->ndocs] + 1, sizeof(*x->term));
	x->val = calloc(in->start[in->ndocs] + 1, sizeof(*x->val));
	x->ok = calloc(in->ndocs + 1, sizeof(*x->ok));
	if (df == NULL || x->start == NULL || x->term == NULL ||
	    x->val == NULL || x->ok == NULL) {
		free(df);
		return (-1);
	}
	for (d = 0; d < in->ndocs; d++)
		for (i = in->start[d]; i < in->start[d + 1]; i++) {
			if (in->term[i] >= in->nterms || in->count[i] == 0 ||
			    (i > in->start[d] && in->term[i] <= in->term[i - 1])) {
				free(df);
				return (-1);
			}
			df[in->term[i]]++;
		}
	for (*kept = 0, i = 0; i < in->nterms; i++)
		*kept += df[i] >= min_df;
	for (o = 0, d = 0; d < in->ndocs; d++) {
		x->start[d] = o;
		for (norm = 0, i = in->start[d]; i < in->start[d + 1]; i++) {
			if (df[in->term[i]] < min_df)
				continue;
			w = (1 + log((double)in->count[i])) *
			    log((double)in->ndocs / (double)df[in->term[i]]);
			if (w == 0)
				continue;
			x->term[o] = in->term[i];
			x->val[o++] = w;
			norm += w * w;
		}
		if (norm > 0) {
			norm = sqrt(norm);
			for (i = x->start[d]; i < o; i++)
				x->val[i] /= norm;
			x->ok[d] = 1;
			x->nok++;
		}
	}
	x->start[in->ndocs] = o;
	free(df);
	return (0);
}

static double
dot(const struct vecs *x, size_t d, const double *c)
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

	*best = dot(x, d, centre);
	for (j = 1; j < k; j++)
		if ((s = dot(x, d, centre + (size_t)j * x->v)) > *best) {
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
		dist[d] = x->ok[d] ? 1 - dot(x, d, centre) : 0;
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
			s = 1 - dot(x, d, centre + (size_t)j * x->v);
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
			c->objective += dot(x, d, c->centre + (size_t)c->assign[d] *
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
		a = 1 - (dot(x, d, sum + (size_t)own * x->v) - self) /
		    (double)(size[own] - 1);
		b = INFINITY;
		for (j = 0; j < c->k; j++) {
			if ((int)j == own || size[j] == 0)
				continue;
			s = 1 - dot(x, d, sum + (size_t)j * x->v) /
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

static void
sizes_of(const struct vecs *x, const struct clustering *c, uint32_t *size)
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

/* Sorting by a key array (qsort_r). */
struct order_key {
	const uint32_t	*size;
	const size_t	*first;
	const double	*sim;
};

static int
by_size(const void *a, const void *b, void *arg)
{
	const struct order_key	*o = arg;
	unsigned		 i = *(const unsigned *)a, j = *(const unsigned *)b;

	if (o->size[i] != o->size[j])
		return (o->size[i] > o->size[j] ? -1 : 1);
	return (o->first[i] < o->first[j] ? -1 : o->first[i] > o->first[j]);
}

static int
by_similarity(const void *a, const void *b, void *arg)
{
	const struct order_key	*o = arg;
	size_t			 i = *(const size_t *)a, j = *(const size_t *)b;

	if (o->sim[i] != o->sim[j])
		return (o->sim[i] > o->sim[j] ? -1 : 1);
	return (i < j ? -1 : i > j);
}

/* A topic's distinctive terms: its centre's weight minus the others' mean. */
static void
label_topic(const struct vecs *x, const struct clustering *c,
    const uint32_t *size, unsigned j, unsigned nonempty, unsigned nlabels,
    struct topic *t)
{
	unsigned	 o, l, m;
	uint32_t	 term;
	double		 s, others;

	t->nlabel = 0;
	if (nlabels > 16)
		nlabels = 16;
	for (term = 0; term < x->v; term++) {
		for (others = 0, o = 0; o < c->k; o++)
			if (o != j && size[o] > 0)
				others += c->centre[(size_t)o * x->v + term];
		s = c->centre[(size_t)j * x->v + term];
		if (nonempty > 1)
			s -= others / (nonempty - 1);
		if (!(s > 0))
			continue;
		for (l = t->nlabel; l > 0 && t->label_score[l - 1] < s; l--)
			;
		if (l >= nlabels)
			continue;
		m = t->nlabel < nlabels ? t->nlabel : nlabels - 1;
		memmove(&t->label[l + 1], &t->label[l], (m - l) *
		    sizeof(t->label[0]));
		memmove(&t->label_score[l + 1], &t->label_score[l], (m - l) *
		    sizeof(t->label_score[0]));
		t->label[l] = term;
		t->label_score[l] = s;
		if (t->nlabel < nlabels)
			t->nlabel++;
	}
}

/* Numbers the kept clustering's topics, ranks and labels them. */
static int
finish(const struct vecs *x, const struct clustering *c,
    const struct topics_params *p, struct topics_result *r)
{
	struct order_key	 o;
	uint32_t		*size;
	size_t			*first, *docs, d, n;
	unsigned		*order, *newnum, j, nonempty;
	int			 rc = -1;

	size = calloc(c->k + 1, sizeof(*size));
	first = calloc(c->k + 1, sizeof(*first));
	order = calloc(c->k + 1, sizeof(*order));
	newnum = calloc(c->k + 1, sizeof(*newnum));
	docs = calloc(x->n + 1, sizeof(*docs));
	if (size == NULL || first == NULL || order == NULL || newnum == NULL ||
	    docs == NULL)
		goto out;
	sizes_of(x, c, size);
	for (j = 0; j < c->k; j++)
		first[j] = x->n;
	for (d = x->n; d-- > 0;)
		if (x->ok[d])
			first[c->assign[d]] = d;
	for (nonempty = 0, j = 0; j < c->k; j++)
		if (size[j] > 0)
			order[nonempty++] = j;
	o.size = size;
	o.first = first;
	o.sim = r->similarity;
	qsort_r(order, nonempty, sizeof(*order), by_size, &o);
	if ((r->topics = calloc(nonempty + 1, sizeof(*r->topics))) == NULL)
		goto out;
	r->k = nonempty;
	for (j = 0; j < nonempty; j++) {
		newnum[order[j]] = j;
		r->topics[j].size = size[order[j]];
		label_topic(x, c, size, order[j], nonempty, p->nlabels,
		    &r->topics[j]);
	}
	for (d = 0; d < x->n; d++) {
		if (!x->ok[d])
			continue;
		r->topic[d] = (int)newnum[c->assign[d]];
		r->similarity[d] = dot(x, d, c->centre + (size_t)c->assign[d] *
		    x->v);
	}
	for (j = 0; j < nonempty; j++) {
		for (n = 0, d = 0; d < x->n; d++)
			if (r->topic[d] == (int)j)
				docs[n++] = d;
		qsort_r(docs, n, sizeof(*docs), by_similarity, &o);
		for (d = 0; d < n; d++)
			r->rank[docs[d]] = (uint32_t)d + 1;
	}
	rc = 0;
out:
	free(size);
	free(first);
	free(order);
	free(newnum);
	free(docs);
	return (rc);
}

static void
vecs_free(struct vecs *x)
{
	free(x->start);
	free(x->term);
	free(x->val);
	free(x->ok);
}

/* Every k, the best silhouette kept in *best. */
static int
choose_k(const struct vecs *x, const struct topics_params *p,
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
		sizes_of(x, &c, size);
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

int
topics_compute(const struct topics_input *in, const struct topics_params *p,
    struct topics_result *r, char *err, size_t errlen)
{
	struct vecs		 x;
	struct clustering	 best = { 0 };
	size_t			 d;
	int			 rc = -1;

	memset(r, 0, sizeof(*r));
	if (p->k_min < 2 || p->k_max < p->k_min || p->min_docs < 3 * p->k_min) {
		snprintf(err, errlen, "paramètres invalides");
		return (-1);
	}
	r->topic = calloc(in->ndocs + 1, sizeof(*r->topic));
	r->similarity = calloc(in->ndocs + 1, sizeof(*r->similarity));
	r->rank = calloc(in->ndocs + 1, sizeof(*r->rank));
	if (r->topic == NULL || r->similarity == NULL || r->rank == NULL) {
		snprintf(err, errlen, "mémoire insuffisante");
		topics_free(r);
		return (-1);
	}
	for (d = 0; d < in->ndocs; d++)
		r->topic[d] = -1;
	if (weigh(in, p->min_df, &x, &r->kept_terms) == -1) {
		snprintf(err, errlen, "termes mal ordonnés ou mémoire "
		    "insuffisante");
		goto out;
	}
	r->classified = x.nok;
	r->reason = in->ndocs == 0 ? TOPICS_NO_PROPOSALS : x.nok < p->min_docs ?
	    TOPICS_TOO_FEW : TOPICS_FOUND;
	if (r->reason != TOPICS_FOUND) {
		rc = 0;
		goto out;
	}
	best.centre = calloc((size_t)p->k_max * x.v + 1, sizeof(*best.centre));
	best.assign = calloc(x.n + 1, sizeof(*best.assign));
	if (best.centre == NULL || best.assign == NULL ||
	    choose_k(&x, p, r, &best) == -1 || finish(&x, &best, p, r) == -1) {
		snprintf(err, errlen, "mémoire insuffisante");
		goto out;
	}
	rc = 0;
out:
	free(best.centre);
	free(best.assign);
	vecs_free(&x);
	if (rc == -1)
		topics_free(r);
	return (rc);
}

void
topics_free(struct topics_result *r)
{
	free(r->topics);
	free(r->topic);
	free(r->similarity);
	free(r->rank);
	memset(r, 0, sizeof(*r));
}
