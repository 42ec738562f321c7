/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Unit tests of the opinion map (app/core/opinion*.c): planted groups found
 * exactly, the same votes giving the same map in any order, what each
 * group's statements and the consensus say, participants below the
 * threshold projected but not clustered, and every input that cannot give
 * a map answered with its French sentence (components: test_opinion_pca.c).
 */

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../app/core/opinion.h"

#define MAXV	20000

static struct opinion_vote	votes[MAXV];
static size_t			nvotes;

static uint64_t
lcg(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (*s >> 33);
}

static void
add(uint32_t p, uint32_t s, int v)
{
	assert_true(nvotes < MAXV);
	votes[nvotes].participant = p;
	votes[nvotes].statement = s;
	votes[nvotes++].value = (int8_t)v;
}

/*
 * groups planted groups of size people each over m statements: person p of
 * group g votes on every statement with probability 0.8; on statement j the
 * group's opinion is +1 when (j + g) % groups == 0... a pattern per group,
 * flipped to pass with probability 0.1.
 */
static void
plant(unsigned groups, uint32_t size, uint32_t m, uint64_t seed)
{
	uint64_t	s = seed;
	uint32_t	p, j;
	unsigned	g;
	int		v;

	nvotes = 0;
	for (g = 0; g < groups; g++)
		for (p = 0; p < size; p++)
			for (j = 0; j < m; j++) {
				if (lcg(&s) % 10 >= 8)
					continue;
				v = (j % groups) == g ? 1 : -1;
				if (lcg(&s) % 10 == 0)
					v = 0;
				add(g * size + p, j, v);
			}
}

static int
compute(uint32_t n, uint32_t m, struct opinion_map *map)
{
	struct opinion_input	in = { votes, nvotes, n, m };
	char			err[256];

	return (opinion_map_compute(&in, NULL, map, err, sizeof(err)));
}

/* The map's groups against the planted ones (person / size). */
static void
assert_planted(const struct opinion_map *map, unsigned groups, uint32_t size)
{
	int		truth[200];
	uint32_t	p;

	assert_int_equal(map->reason, OPINION_MAPPED);
	assert_null(map->reason_text);
	assert_int_equal(map->k, groups);
	for (p = 0; p < groups * size; p++) {
		truth[p] = (int)(p / size);
		assert_true(map->group[p] >= 0);
	}
	assert_true(opinion_adjusted_rand(map->group, truth,
	    groups * size) == 1.0);
	assert_true(map->silhouette > 0.5);
}

/* opinion-two-groups: two planted groups of 30, found exactly. */
static void
opinion_two_groups(void **state)
{
	struct opinion_map	map;

	plant(2, 30, 20, 7);
	assert_int_equal(compute(60, 20, &map), 0);
	assert_planted(&map, 2, 30);
	assert_int_equal(map.groups[0].size, 30);
	assert_int_equal(map.groups[1].size, 30);
	opinion_map_free(&map);
}

/* opinion-three-groups: three planted groups of 25, found exactly. */
static void
opinion_three_groups(void **state)
{
	struct opinion_map	map;

	plant(3, 25, 30, 11);
	assert_int_equal(compute(75, 30, &map), 0);
	assert_planted(&map, 3, 25);
	opinion_map_free(&map);
}

/* opinion-same-votes: same votes, any order, give the same map. */
static void
opinion_same_votes(void **state)
{
	struct opinion_map	a, b;
	struct opinion_vote	t;
	uint64_t		s = 3;
	size_t			i, j;

	plant(3, 25, 30, 5);
	assert_int_equal(compute(75, 30, &a), 0);
	assert_int_equal(compute(75, 30, &b), 0);
	assert_memory_equal(a.group, b.group, 75 * sizeof(int));
	assert_memory_equal(a.x, b.x, 75 * sizeof(double));
	opinion_map_free(&b);
	for (i = nvotes - 1; i > 0; i--) {	/* shuffled */
		j = lcg(&s) % (i + 1);
		t = votes[i];
		votes[i] = votes[j];
		votes[j] = t;
	}
	assert_int_equal(compute(75, 30, &b), 0);
	assert_memory_equal(a.group, b.group, 75 * sizeof(int));
	assert_memory_equal(a.x, b.x, 75 * sizeof(double));
	assert_memory_equal(a.y, b.y, 75 * sizeof(double));
	assert_true(a.silhouette == b.silhouette);
	opinion_map_free(&a);
	opinion_map_free(&b);
}

/*
 * opinion-repness: with two planted groups, each group's representative
 * statements are those it agrees with (even j for one group, odd for the
 * other), on the agree side first, significant.
 */
static void
opinion_repness(void **state)
{
	struct opinion_map	 map;
	const struct opinion_group *g;
	unsigned		 k;
	size_t			 i;
	int			 parity;

	plant(2, 30, 20, 9);
	assert_int_equal(compute(60, 20, &map), 0);
	for (k = 0; k < 2; k++) {
		g = &map.groups[k];
		assert_int_equal(g->nrepness, 5);
		/* The planted group of the group's first member. */
		for (i = 0; i < 60 && map.group[i] != (int)k; i++)
			;
		parity = (int)(i / 30);
		for (i = 0; i < g->nrepness; i++) {
			assert_true(g->repness[i].significant);
			if (g->repness[i].side == OPINION_SIDE_AGREE)
				assert_int_equal(g->repness[i].statement % 2,
				    parity);
			else
				assert_int_not_equal(g->repness[i].statement %
				    2, parity);
			if (i > 0 && g->repness[i].side == OPINION_SIDE_AGREE)
				assert_int_equal(g->repness[i - 1].side,
				    OPINION_SIDE_AGREE);
			assert_true(g->repness[i].p_success > 0.5);
			assert_true(g->repness[i].repness > 1);
		}
	}
	opinion_map_free(&map);
}

/*
 * opinion-consensus: statements 20 and 21, agreed by (nearly) everyone,
 * are the consensus; no statement that splits the groups is.
 */
static void
opinion_consensus(void **state)
{
	struct opinion_map	map;
	uint32_t		p;
	size_t			i;

	plant(2, 30, 20, 13);
	for (p = 0; p < 60; p++) {
		add(p, 20, 1);
		add(p, 21, p % 10 == 0 ? 0 : 1);
	}
	assert_int_equal(compute(60, 22, &map), 0);
	assert_int_equal(map.nconsensus, 2);
	assert_int_equal(map.consensus[0].statement, 20);
	assert_int_equal(map.consensus[1].statement, 21);
	assert_true(map.consensus[0].score > map.consensus[1].score);
	assert_int_equal(map.consensus[0].agree[0] + map.consensus[0].agree[1],
	    60);
	for (i = 0; i < 20; i++)
		assert_true(map.consensus_score[i] < map.consensus_score[21]);
	opinion_map_free(&map);
}

/*
 * opinion-below-threshold: a participant with 3 votes is projected where
 * opinion_map_project() puts the same votes, is not clustered, and is
 * closest to the group that votes like them.
 */
static void
opinion_below_threshold(void **state)
{
	struct opinion_map	map;
	double			x, y;
	uint32_t		late = 60;

	plant(2, 30, 20, 17);
	add(late, 0, 1);	/* like the first planted group (even j) */
	add(late, 2, 1);
	add(late, 1, -1);
	assert_int_equal(compute(61, 20, &map), 0);
	assert_int_equal(map.nsteering, 60);
	assert_int_equal(map.group[late], OPINION_NOT_CLUSTERED);
	assert_int_equal(map.votes_of[late], 3);
	assert_int_equal(opinion_map_project(&map, votes + nvotes - 3, 3, &x,
	    &y), 0);
	assert_true(fabs(x - map.x[late]) < 1e-12);
	assert_true(fabs(y - map.y[late]) < 1e-12);
	assert_int_equal(opinion_map_nearest_group(&map, x, y), map.group[0]);
	assert_int_equal(opinion_map_project(&map, votes, 0, &x, &y), -1);
	opinion_map_free(&map);
}

/* One degenerate input: its reason and sentence, nothing drawn. */
static void
assert_reason(uint32_t n, uint32_t m, enum opinion_reason why)
{
	struct opinion_map	map;

	assert_int_equal(compute(n, m, &map), 0);
	assert_int_equal(map.reason, why);
	assert_non_null(map.reason_text);
	assert_string_equal(map.reason_text, opinion_reason_text(why));
	assert_int_equal(map.k, 0);
	assert_int_equal(opinion_map_nearest_group(&map, 0, 0), -1);
	opinion_map_free(&map);
}

/* opinion-no-votes-bad: no votes at all, and an empty matrix. */
static void
opinion_no_votes_bad(void **state)
{
	nvotes = 0;
	assert_reason(10, 10, OPINION_NO_VOTES);
	assert_reason(0, 0, OPINION_NO_VOTES);
}

/* opinion-one-voter-bad: one person voted on everything. */
static void
opinion_one_voter_bad(void **state)
{
	uint32_t	j;

	nvotes = 0;
	for (j = 0; j < 12; j++)
		add(3, j, j % 2 ? 1 : -1);
	assert_reason(5, 12, OPINION_ONE_VOTER);
}

/* opinion-one-statement-bad: 50 people, one statement. */
static void
opinion_one_statement_bad(void **state)
{
	uint32_t	p;

	nvotes = 0;
	for (p = 0; p < 50; p++)
		add(p, 0, p % 3 - 1);
	assert_reason(50, 4, OPINION_ONE_STATEMENT);
}

/* opinion-too-few-votes-bad: 40 people with 6 votes each out of 20. */
static void
opinion_too_few_votes_bad(void **state)
{
	uint32_t	p, j;

	nvotes = 0;
	for (p = 0; p < 40; p++)
		for (j = 0; j < 6; j++)
			add(p, (p + j) % 20, (p + j) % 2 ? 1 : -1);
	assert_reason(40, 20, OPINION_TOO_FEW_VOTES);
}

/*
 * opinion-too-few-voters-bad: fewer people than two groups of 10 need
 * (2, then 15 voters), and 30 voters whose second group would hold 4.
 */
static void
opinion_too_few_voters_bad(void **state)
{
	uint32_t	p, j;

	nvotes = 0;
	for (p = 0; p < 2; p++)
		for (j = 0; j < 10; j++)
			add(p, j, p ? 1 : -1);
	assert_reason(2, 10, OPINION_TOO_FEW_VOTERS);
	plant(2, 15, 12, 1);
	assert_true(nvotes > 0);
	{
		struct opinion_map	map;
		struct opinion_input	in = { votes, nvotes, 30, 12 };
		struct opinion_params	p2;
		char			err[128];

		opinion_params_default(&p2);
		p2.min_group = 16;	/* no 2 groups of 16 among 30 */
		assert_int_equal(opinion_map_compute(&in, &p2, &map, err,
		    sizeof(err)), 0);
		assert_int_equal(map.reason, OPINION_TOO_FEW_VOTERS);
		opinion_map_free(&map);
	}
	nvotes = 0;
	for (p = 0; p < 15; p++)
		for (j = 0; j < 10; j++)
			add(p, j, (p + j) % 3 - 1);
	assert_reason(15, 10, OPINION_TOO_FEW_VOTERS);
}

/* opinion-identical-bad: everyone agrees with everything they saw. */
static void
opinion_identical_bad(void **state)
{
	uint32_t	p, j;

	nvotes = 0;
	for (p = 0; p < 50; p++)
		for (j = 0; j < 20; j++)
			if ((p + j) % 4 != 0)
				add(p, j, 1);
	assert_reason(50, 20, OPINION_IDENTICAL);
	nvotes = 0;
	for (p = 0; p < 50; p++)	/* same votes, all the same "mitigé" */
		for (j = 0; j < 8; j++)
			add(p, j, 0);
	assert_reason(50, 8, OPINION_IDENTICAL);
}

/* opinion-invalid-bad: out-of-range indices, values, duplicates. */
static void
opinion_invalid_bad(void **state)
{
	struct opinion_map	map;
	struct opinion_input	in = { votes, 0, 4, 4 };
	char			err[256];

	nvotes = 0;
	add(0, 0, 1);
	add(4, 0, 1);
	in.nvotes = nvotes;
	assert_int_equal(opinion_map_compute(&in, NULL, &map, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "out of range"));
	opinion_map_free(&map);
	votes[1].participant = 1;
	votes[1].value = 2;
	assert_int_equal(opinion_map_compute(&in, NULL, &map, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "value 2"));
	votes[1].participant = 0;
	votes[1].value = -1;
	assert_int_equal(opinion_map_compute(&in, NULL, &map, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "twice"));
	in.votes = NULL;
	assert_int_equal(opinion_map_compute(&in, NULL, &map, err,
	    sizeof(err)), -1);
	assert_int_equal(opinion_map_compute(NULL, NULL, &map, err,
	    sizeof(err)), -1);
}

/* opinion-reason-texts: every reason has a French sentence, mapped none. */
static void
opinion_reason_texts(void **state)
{
	int	r;

	assert_null(opinion_reason_text(OPINION_MAPPED));
	for (r = OPINION_NO_VOTES; r < OPINION_REASON__MAX; r++) {
		assert_non_null(opinion_reason_text(r));
		assert_true(strlen(opinion_reason_text(r)) > 40);
	}
	assert_null(opinion_reason_text(OPINION_REASON__MAX));
}

/* opinion-ari: known values (computed by hand and by scikit-learn). */
static void
opinion_ari(void **state)
{
	int	a[] = { 0, 0, 0, 1, 1, 1 }, b[] = { 1, 1, 1, 0, 0, 0 },
		c[] = { 0, 0, 1, 1, 2, 2 }, d[] = { 0, 0, 0, 1, -1, 1 };

	assert_true(opinion_adjusted_rand(a, b, 6) == 1.0);
	/* Cells 2, rows 2 x C(3,2) = 6, columns 3, 15 pairs: 0.2424... */
	assert_true(fabs(opinion_adjusted_rand(a, c, 6) -
	    (2 - 6.0 * 3 / 15) / (4.5 - 6.0 * 3 / 15)) < 1e-12);
	assert_true(opinion_adjusted_rand(a, d, 6) == 1.0);	/* -1 left out */
	assert_true(isnan(opinion_adjusted_rand(a, d, 1)));
}

/* opinion-silhouette: two tight, distant pairs; and a single group. */
static void
opinion_silhouette_known(void **state)
{
	double	xs[] = { 0, 1, 10, 11 }, ys[] = { 0, 0, 0, 0 };
	int	lab[] = { 0, 0, 1, 1 }, one[] = { 0, 0, 0, 0 };
	double	s;

	/* Point 0: a = 1, b = 10.5; point 1: a = 1, b = 9.5. */
	s = opinion_silhouette(xs, ys, lab, 4, 2, 0, 1);
	assert_true(fabs(s - (2 * (9.5 / 10.5) + 2 * (8.5 / 9.5)) / 4) < 1e-12);
	assert_true(isnan(opinion_silhouette(xs, ys, one, 4, 1, 0, 1)));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(opinion_two_groups),
		cmocka_unit_test(opinion_three_groups),
		cmocka_unit_test(opinion_same_votes),
		cmocka_unit_test(opinion_repness),
		cmocka_unit_test(opinion_consensus),
		cmocka_unit_test(opinion_below_threshold),
		cmocka_unit_test(opinion_no_votes_bad),
		cmocka_unit_test(opinion_one_voter_bad),
		cmocka_unit_test(opinion_one_statement_bad),
		cmocka_unit_test(opinion_too_few_votes_bad),
		cmocka_unit_test(opinion_too_few_voters_bad),
		cmocka_unit_test(opinion_identical_bad),
		cmocka_unit_test(opinion_invalid_bad),
		cmocka_unit_test(opinion_reason_texts),
		cmocka_unit_test(opinion_ari),
		cmocka_unit_test(opinion_silhouette_known),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
