/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * opinion_bench: the opinion map (app/core/opinion.c) on a synthetic,
 * seeded vote set with planted groups, at a share of Grand Débat scale.
 *
 *   build/bench/opinion_bench [--percent P] [--people N] [--votes V]
 *       [--statements S] [--seed X]
 *
 * At 100 %: 50 000 people, 10 000 000 votes, 500 000 statements (as `make
 * bench-scale`'s consultation); P % scales all three. Four planted groups
 * (40, 30, 20, 10 % of people); each statement has, per group, a stance
 * (mostly d'accord, mostly pas d'accord, or split); a person's number of
 * votes is heavy-tailed (log-normal: many vote a little, a few vote a lot)
 * and the statements they vote on follow a Zipf popularity, as on a
 * real platform. Prints one line: the sizes, the seconds the computation
 * took (not the generation), wall-clock and CPU (the machine is shared:
 * the CPU seconds are what the computation itself costs), the process's peak resident memory
 * (getrusage maxrss, which includes the generated votes), the groups found
 * and their adjusted Rand index against the planted ones.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "../../app/core/opinion.h"

#define GROUPS	4

static uint64_t
rng(uint64_t *s)
{
	uint64_t	z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (z ^ (z >> 31));
}

static double
unit(uint64_t *s)
{
	return ((double)(rng(s) >> 11) * 0x1.0p-53);
}

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

/* Statement j by Zipf popularity: inverse of the cumulative weights. */
static uint32_t
zipf(const double *cum, uint32_t m, uint64_t *s)
{
	double		r = unit(s) * cum[m - 1];
	uint32_t	lo = 0, hi = m - 1, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (cum[mid] < r)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo);
}

/* The planted vote of a person of group g on statement j. */
static int8_t
planted_vote(const uint8_t *stance, uint32_t j, unsigned g, uint64_t *s)
{
	static const double agree[3] = { 0.8, 0.1, 0.45 };
	static const double pass[3] = { 0.1, 0.1, 0.1 };
	double	r = unit(s);
	int	st = stance[(size_t)j * GROUPS + g];

	if (r < agree[st])
		return (1);
	if (r < agree[st] + pass[st])
		return (0);
	return (-1);
}

/* The whole vote set; truth[i] is person i's planted group. */
static struct opinion_vote *
generate(uint32_t n, uint32_t m, size_t target, uint64_t seed, size_t *nv,
    int *truth)
{
	struct opinion_vote	*v;
	double			*cum, mean = (double)target / n, w;
	uint8_t			*stance;
	uint32_t		*stamp, i, j, want, k;
	uint64_t		 s = seed;
	size_t			 cap = target + target / 2 + 1024, c, t;

	cum = calloc(m, sizeof(*cum));
	stance = calloc((size_t)m * GROUPS, 1);
	stamp = calloc(m, sizeof(*stamp));
	v = calloc(cap, sizeof(*v));
	if (cum == NULL || stance == NULL || stamp == NULL || v == NULL)
		abort();
	for (j = 0; j < m; j++) {
		cum[j] = (j ? cum[j - 1] : 0) + 1.0 / (j + 10.0);
		for (k = 0; k < GROUPS; k++)
			stance[(size_t)j * GROUPS + k] = (uint8_t)(rng(&s) % 3);
	}
	*nv = 0;
	for (i = 0; i < n; i++) {
		w = unit(&s);
		truth[i] = w < 0.4 ? 0 : w < 0.7 ? 1 : w < 0.9 ? 2 : 3;
		/* Log-normal, sigma 1.5, mean 1: median a third of the mean,
		 * 7 % below 7 votes, a long tail of heavy voters. */
		w = exp(1.5 * sqrt(-2 * log(1 - unit(&s))) *
		    cos(2 * M_PI * unit(&s)) - 1.125);
		want = (uint32_t)(mean * w + 0.5);
		if (want < 1)
			want = 1;
		if (want > m / 4)
			want = m / 4;
		for (c = 0, t = 0; c < want && t < 20 * (size_t)want &&
		    *nv < cap; t++) {
			j = zipf(cum, m, &s);
			if (stamp[j] == i + 1)
				continue;	/* one vote per statement */
			stamp[j] = i + 1;
			v[*nv].participant = i;
			v[*nv].statement = j;
			v[(*nv)++].value = planted_vote(stance, j,
			    (unsigned)truth[i], &s);
			c++;
		}
	}
	free(cum);
	free(stance);
	free(stamp);
	return (v);
}

/* With OPINION_BENCH_STAGES set: seconds spent per stage, on stderr. */
static void
stages(void *arg, const char *stage, double f)
{
	static const char	*last;
	static double		 since;
	double			 t = now();

	(void)arg;
	(void)f;
	if (last != NULL && strcmp(last, stage) == 0)
		return;
	if (last != NULL)
		fprintf(stderr, "  %-12s %7.2f s\n", last, t - since);
	last = stage;
	since = t;
}

int
main(int argc, char *argv[])
{
	struct opinion_input	 in;
	struct opinion_map	 map;
	struct opinion_params	 p;
	struct opinion_vote	*v;
	struct rusage		 ru;
	double			 pct = 100, t0, t1, c0;
	uint32_t		 people = 50000, statements = 500000, n, m;
	size_t			 votes = 10000000, nv;
	uint64_t		 seed = 2019;
	int			*truth, i;
	char			 err[256];

	for (i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--percent") == 0)
			pct = strtod(argv[i + 1], NULL);
		else if (strcmp(argv[i], "--people") == 0)
			people = (uint32_t)strtoul(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--votes") == 0)
			votes = strtoull(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--statements") == 0)
			statements = (uint32_t)strtoul(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--seed") == 0)
			seed = strtoull(argv[i + 1], NULL, 10);
		else {
			fprintf(stderr, "usage: opinion_bench [--percent P] "
			    "[--people N] [--votes V] [--statements S] "
			    "[--seed X]\n");
			return (2);
		}
	}
	n = (uint32_t)(people * pct / 100);
	m = (uint32_t)(statements * pct / 100);
	if (n < 10 || m < 10) {
		fprintf(stderr, "opinion_bench: too small\n");
		return (2);
	}
	if ((truth = calloc(n, sizeof(*truth))) == NULL)
		return (1);
	v = generate(n, m, (size_t)(votes * pct / 100), seed, &nv, truth);
	in.votes = v;
	in.nvotes = nv;
	in.nparticipants = n;
	in.nstatements = m;
	opinion_params_default(&p);
	if (getenv("OPINION_BENCH_STAGES") != NULL)
		p.progress = stages;
	getrusage(RUSAGE_SELF, &ru);
	c0 = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	    ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	t0 = now();
	if (opinion_map_compute(&in, &p, &map, err, sizeof(err)) == -1) {
		fprintf(stderr, "opinion_bench: %s\n", err);
		return (1);
	}
	t1 = now();
	getrusage(RUSAGE_SELF, &ru);
	if (map.reason != OPINION_MAPPED) {
		fprintf(stderr, "opinion_bench: %s\n", map.reason_text);
		return (1);
	}
	printf("%6.1f %8u %9u %10zu %9u %8.2f %8.2f %8.0f %3u %7.3f %6.3f "
	    "%5u\n", pct, n, m, nv, map.nsteering, t1 - t0,
	    ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	    ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6 - c0,
	    ru.ru_maxrss / 1024.0,
	    map.k, opinion_adjusted_rand(map.group, truth, n), map.silhouette,
	    map.pca_iterations);
	opinion_map_free(&map);
	free(v);
	free(truth);
	return (0);
}
