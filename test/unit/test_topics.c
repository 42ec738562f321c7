/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Unit tests of app/core/topics.c: spherical k-means over TF-IDF. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../app/core/topics.h"

#define MAXD	64
#define MAXNNZ	1024

struct corpus {
	struct topics_input	in;
	size_t			start[MAXD + 1];
	uint32_t		term[MAXNNZ], count[MAXNNZ];
	int			planted[MAXD];
};

/*
 * ntopics planted topics of per docs each: topic t owns terms 10t .. 10t+5
 * (doc i of the topic uses four of them, rotating), and every doc has the
 * shared term 200 (in every doc: its idf is 0) and, one in two, term 201.
 */
static void
plant(struct corpus *c, unsigned ntopics, unsigned per)
{
	size_t		 o = 0, d = 0;
	unsigned	 t, i, j, terms[8], n;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < per; i++)
		for (t = 0; t < ntopics; t++) {	/* interleaved */
			c->start[d] = o;
			c->planted[d] = (int)t;
			for (n = 0, j = 0; j < 4; j++)
				terms[n++] = 10 * t + (i + j) % 6;
			/* sorted insertion */
			for (j = 1; j < n; j++) {
				unsigned v = terms[j], m = j;
				while (m > 0 && terms[m - 1] > v) {
					terms[m] = terms[m - 1];
					m--;
				}
				terms[m] = v;
			}
			for (j = 0; j < n; j++) {
				c->term[o] = terms[j];
				c->count[o++] = 1 + (i + j) % 3;
			}
			c->term[o] = 200;
			c->count[o++] = 1;
			if (d % 2 == 0) {
				c->term[o] = 201;
				c->count[o++] = 2;
			}
			d++;
		}
	c->start[d] = o;
	c->in.ndocs = d;
	c->in.nterms = 202;
	c->in.start = c->start;
	c->in.term = c->term;
	c->in.count = c->count;
}

/* Same partition as planted, up to numbering. */
static void
same_partition(const struct corpus *c, const struct topics_result *r)
{
	int	map[16];
	size_t	d;

	for (d = 0; d < 16; d++)
		map[d] = -1;
	for (d = 0; d < c->in.ndocs; d++) {
		assert_true(r->topic[d] >= 0);
		if (map[c->planted[d]] == -1)
			map[c->planted[d]] = r->topic[d];
		assert_int_equal(map[c->planted[d]], r->topic[d]);
	}
}

/* topics-planted: three planted topics are found exactly, k = 3. */
static void
topics_planted(void **state)
{
	struct corpus		c;
	struct topics_params	p;
	struct topics_result	r;
	char			err[128];
	unsigned		j, l;

	plant(&c, 3, 8);
	topics_params_default(&p);
	assert_int_equal(topics_compute(&c.in, &p, &r, err, sizeof(err)), 0);
	assert_int_equal(r.reason, TOPICS_FOUND);
	assert_int_equal(r.k, 3);
	assert_int_equal(r.classified, 24);
	same_partition(&c, &r);
	for (j = 0; j < r.k; j++) {
		assert_int_equal(r.topics[j].size, 8);
		assert_int_equal(r.topics[j].nlabel, 5);
		/* labels are the topic's own terms, never the shared ones */
		for (l = 0; l < r.topics[j].nlabel; l++)
			assert_int_equal(r.topics[j].label[l] / 10,
			    /* same ten */
			    r.topics[j].label[0] / 10);
		assert_true(r.topics[j].label[0] < 200);
	}
	/* numbered by first proposal when sizes tie: doc 0 is in topic 0 */
	assert_int_equal(r.topic[0], 0);
	assert_int_equal(r.topic[1], 1);
	assert_int_equal(r.topic[2], 2);
	topics_free(&r);
}

/* topics-five: five planted topics of different sizes, k = 5. */
static void
topics_five(void **state)
{
	struct corpus		c;
	struct topics_params	p;
	struct topics_result	r;
	char			err[128];

	plant(&c, 5, 6);
	topics_params_default(&p);
	assert_int_equal(topics_compute(&c.in, &p, &r, err, sizeof(err)), 0);
	assert_int_equal(r.k, 5);
	same_partition(&c, &r);
	assert_true(r.silhouette > 0.5);
	topics_free(&r);
}

/* topics-deterministic: the same input gives the same output, bit for bit. */
static void
topics_deterministic(void **state)
{
	struct corpus		c;
	struct topics_params	p;
	struct topics_result	a, b;
	char			err[128];
	size_t			d;

	plant(&c, 4, 7);
	topics_params_default(&p);
	assert_int_equal(topics_compute(&c.in, &p, &a, err, sizeof(err)), 0);
	assert_int_equal(topics_compute(&c.in, &p, &b, err, sizeof(err)), 0);
	assert_int_equal(a.k, b.k);
	assert_memory_equal(&a.silhouette, &b.silhouette, sizeof(double));
	for (d = 0; d < c.in.ndocs; d++) {
		assert_int_equal(a.topic[d], b.topic[d]);
		assert_int_equal(a.rank[d], b.rank[d]);
		assert_memory_equal(&a.similarity[d], &b.similarity[d],
		    sizeof(double));
	}
	assert_memory_equal(a.topics, b.topics, a.k * sizeof(*a.topics));
	topics_free(&a);
	topics_free(&b);
}

/* topics-ranks: ranks 1 .. size within each topic, best similarity first. */
static void
topics_ranks(void **state)
{
	struct corpus		c;
	struct topics_params	p;
	struct topics_result	r;
	char			err[128];
	size_t			d, e;

	plant(&c, 3, 8);
	topics_params_default(&p);
	assert_int_equal(topics_compute(&c.in, &p, &r, err, sizeof(err)), 0);
	for (d = 0; d < c.in.ndocs; d++) {
		assert_true(r.rank[d] >= 1 && r.rank[d] <= 8);
		for (e = 0; e < c.in.ndocs; e++)
			if (e != d && r.topic[e] == r.topic[d] &&
			    r.rank[e] < r.rank[d])
				assert_true(r.similarity[e] >= r.similarity[d]);
	}
	topics_free(&r);
}

/* topics-too-few: 0 proposals, 5 proposals, no shared term: no topics. */
static void
topics_too_few(void **state)
{
	struct corpus		c;
	struct topics_params	p;
	struct topics_result	r;
	char			err[128];
	size_t			d;

	topics_params_default(&p);
	memset(&c, 0, sizeof(c));
	c.in.start = c.start;
	c.in.term = c.term;
	c.in.count = c.count;
	assert_int_equal(topics_compute(&c.in, &p, &r, err, sizeof(err)), 0);
	assert_int_equal(r.reason, TOPICS_NO_PROPOSALS);
	assert_int_equal(r.k, 0);
	topics_free(&r);
	plant(&c, 1, 5);
	assert_int_equal(topics_compute(&c.in, &p, &r, err, sizeof(err)), 0);
	assert_int_equal(r.reason, TOPICS_TOO_FEW);
	topics_free(&r);
	/* ten proposals, each with a term of its own: nothing is shared */
	memset(&c, 0, sizeof(c));
	for (d = 0; d < 10; d++) {
		c.start[d] = d;
		c.term[d] = (uint32_t)d;
		c.count[d] = 3;
	}
	c.start[10] = 10;
	c.in.ndocs = 10;
	c.in.nterms = 10;
	c.in.start = c.start;
	c.in.term = c.term;
	c.in.count = c.count;
	assert_int_equal(topics_compute(&c.in, &p, &r, err, sizeof(err)), 0);
	assert_int_equal(r.reason, TOPICS_TOO_FEW);
	assert_int_equal(r.classified, 0);
	for (d = 0; d < 10; d++)
		assert_int_equal(r.topic[d], -1);
	topics_free(&r);
}

/* topics-identical: identical proposals (zero distances) never crash. */
static void
topics_identical(void **state)
{
	struct corpus		c;
	struct topics_params	p;
	struct topics_result	r;
	char			err[128];
	size_t			d;

	memset(&c, 0, sizeof(c));
	for (d = 0; d < 12; d++) {	/* half with terms 0,1, half 0,2 */
		c.start[d] = 2 * d;
		c.term[2 * d] = 0;
		c.term[2 * d + 1] = d < 6 ? 1 : 2;
		c.count[2 * d] = c.count[2 * d + 1] = 1;
	}
	c.start[12] = 24;
	c.in.ndocs = 12;
	c.in.nterms = 3;
	c.in.start = c.start;
	c.in.term = c.term;
	c.in.count = c.count;
	topics_params_default(&p);
	assert_int_equal(topics_compute(&c.in, &p, &r, err, sizeof(err)), 0);
	assert_int_equal(r.reason, TOPICS_FOUND);
	assert_int_equal(r.k, 2);
	for (d = 0; d < 12; d++)
		assert_int_equal(r.topic[d], d < 6 ? 0 : 1);
	topics_free(&r);
}

/* topics-malformed: unsorted terms are refused, not read out of bounds. */
static void
topics_malformed(void **state)
{
	struct corpus		c;
	struct topics_params	p;
	struct topics_result	r;
	char			err[128];

	plant(&c, 3, 8);
	c.term[1] = c.term[0];
	topics_params_default(&p);
	assert_int_equal(topics_compute(&c.in, &p, &r, err, sizeof(err)), -1);
	plant(&c, 3, 8);
	c.term[3] = 9999;
	assert_int_equal(topics_compute(&c.in, &p, &r, err, sizeof(err)), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(topics_planted),
		cmocka_unit_test(topics_five),
		cmocka_unit_test(topics_deterministic),
		cmocka_unit_test(topics_ranks),
		cmocka_unit_test(topics_too_few),
		cmocka_unit_test(topics_identical),
		cmocka_unit_test(topics_malformed),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
