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
#include "topics_kmeans.h"

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
	topics_sizes(x, c, size);
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
		r->similarity[d] = topics_dot(x, d, c->centre + (size_t)c->assign[d] *
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
	    topics_kmeans(&x, p, r, &best) == -1 || finish(&x, &best, p, r) == -1) {
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
