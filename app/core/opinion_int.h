/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * What the opinion_*.c files share and nobody else needs: the vote matrix
 * by statement, the seeded generator, and each step of opinion_map_compute.
 */

#ifndef AGORA_CORE_OPINION_INT_H
#define AGORA_CORE_OPINION_INT_H

#include <stddef.h>
#include <stdint.h>

#include "opinion.h"

/*
 * The votes by statement (compressed sparse columns): the votes on
 * statement j are row[colptr[j] .. colptr[j + 1] - 1], by increasing
 * participant, with their values in val. Built whatever the input order.
 */
struct opinion_csc {
	uint32_t	 m, n;		/* statements, participants */
	size_t		*colptr;	/* m + 1 */
	uint32_t	*row;		/* nnz participants */
	int8_t		*val;		/* nnz values */
};

/* splitmix64 (Steele, Lea, Flood 2014): small, seedable, portable. */
static inline uint64_t
opinion_rng_next(uint64_t *s)
{
	uint64_t	z;

	z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (z ^ (z >> 31));
}

/* A double in [0, 1). */
static inline double
opinion_rng_unit(uint64_t *s)
{
	return ((double)(opinion_rng_next(s) >> 11) * 0x1.0p-53);
}

/* Reports progress when the caller asked for it. */
static inline void
opinion_progress(const struct opinion_params *p, const char *stage, double f)
{
	if (p->progress != NULL)
		p->progress(p->progress_arg, stage, f);
}

/*
 * Checks in and builds *csc and votes_of (n counts). 0, or -1 with a
 * message in err (invalid input, out of memory).
 */
int	opinion_csc_build(const struct opinion_input *, struct opinion_csc *,
	    uint32_t *, char *, size_t);
void	opinion_csc_free(struct opinion_csc *);

/*
 * The two leading principal components of the centred matrix
 * y[i][j] = val - mean[j] over the rows with steer[i] set. Writes comp[0],
 * comp[1] (m each), their eigenvalues, the iterations run and whether the
 * residuals met the tolerance. 0, or -1 when out of memory.
 */
int	opinion_pca(const struct opinion_csc *, const unsigned char *,
	    const double *, const struct opinion_params *, double *[2],
	    double[2], unsigned *, int *);

/*
 * Lloyd's k-means over n points, seeded k-means++ with restarts; keeps the
 * restart with the least inertia among those whose groups all hold at
 * least min_group points. Writes label (n) and centres (2 k). 0; 1 when no
 * restart gave such groups; -1 when out of memory.
 */
int	opinion_kmeans(const double *, const double *, size_t, unsigned,
	    const struct opinion_params *, uint64_t, int *, double *);

/*
 * Silhouettes of nlab labellings of the same points at once (label[t] in
 * 0..k[t]-1), sharing the distances: out[t]. Same rules as
 * opinion_silhouette(). 0, or -1 when out of memory.
 */
int	opinion_silhouette_many(const double *, const double *, size_t,
	    const int *const *, const unsigned *, unsigned, unsigned, uint64_t,
	    double *);

/*
 * Representative statements of each group and consensus statements, from
 * the votes of the steering participants (group >= 0) into map. 0, or -1
 * when out of memory.
 */
int	opinion_stats(const struct opinion_csc *, const struct opinion_params *,
	    struct opinion_map *);

/* Pol.is's tests (polismath.math.stats): one proportion, two proportions. */
double	opinion_prop_test(double, double);
double	opinion_two_prop_test(double, double, double, double);

#define OPINION_Z90	1.2816	/* one-sided 90 % normal quantile */

#endif
