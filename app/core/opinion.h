/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The opinion map ("carte des opinions"): groups of opinion among the
 * voters of a theme or a consultation, the statements that set each group
 * apart, and the statements every group supports. The method is Pol.is's
 * (README, "Opinion map — method"), computed over the sparse vote matrix:
 * nothing here ever holds a participants x statements array.
 *
 *  1. Participation: a participant steers the map only with at least
 *     min_votes votes (7), or a vote on every statement when fewer than
 *     that received votes. The others are projected, never clustered.
 *  2. A missing vote counts as the statement's mean vote among the
 *     steering participants (Pol.is's column mean), so that after
 *     centring the matrix stays sparse: y = vote - mean where a vote
 *     exists, 0 elsewhere.
 *  3. Two principal components of that matrix by block subspace iteration
 *     (Rayleigh-Ritz) over the sparse votes.
 *  4. Every participant with a vote is projected on them, scaled for
 *     sparsity as Pol.is does (sqrt(statements / votes of the person)).
 *  5. k-means for k = 2..5 on the steering participants' positions, seeded
 *     k-means++ with restarts; the k with the best silhouette is kept.
 *  6. Per group and statement: Pol.is's representativeness statistics
 *     (pseudocounts, two-proportion z-test against the other groups) and
 *     group-aware consensus (product over groups of the smoothed share of
 *     "d'accord").
 *
 * The same input gives the same output, bit for bit, whatever the order of
 * the votes in it. Pure C, no I/O, no kore: unit-tested in
 * test/unit/test_opinion*.c, checked against Pol.is's own groups by
 * test/opinion/polis_check.c, measured by test/bench/opinion_bench.c.
 */

#ifndef AGORA_CORE_OPINION_H
#define AGORA_CORE_OPINION_H

#include <stddef.h>
#include <stdint.h>

#define OPINION_MIN_VOTES	7	/* votes to steer the map (Pol.is) */
#define OPINION_K_MIN		2	/* fewest groups tried */
#define OPINION_K_MAX		5	/* most groups tried (Pol.is) */
#define OPINION_NOT_CLUSTERED	(-1)	/* group of a non-steering person */

/* A vote's value, as stored for d'accord / mitigé / pas d'accord. */
enum opinion_value {
	OPINION_DISAGREE = -1,		/* pas d'accord */
	OPINION_PASS = 0,		/* mitigé */
	OPINION_AGREE = 1		/* d'accord */
};

/* One vote: who, on what, which value. At most one per pair. */
struct opinion_vote {
	uint32_t	participant;	/* 0 .. nparticipants - 1 */
	uint32_t	statement;	/* 0 .. nstatements - 1 */
	int8_t		value;		/* enum opinion_value */
};

/* The vote matrix, as sparse triples; borrowed for the computation. */
struct opinion_input {
	const struct opinion_vote *votes;	/* nvotes triples, any order */
	size_t		 nvotes;
	uint32_t	 nparticipants;	/* participants, voters or not */
	uint32_t	 nstatements;	/* statements, voted on or not */
};

/* How participants' positions are scaled for how much they voted. */
enum opinion_scaling {
	OPINION_SCALE_POLIS,	/* x sqrt(statements voted on / own votes) */
	OPINION_SCALE_NONE	/* the plain projection */
};

/*
 * Settings; opinion_params_default() gives the ones the README describes.
 * Tools change them to compare variants; the application should not.
 */
struct opinion_params {
	unsigned	 min_votes;	/* OPINION_MIN_VOTES */
	unsigned	 k_min, k_max;	/* 2, 5 (clamped to that range) */
	uint64_t	 seed;		/* start vectors, k-means++, samples */
	enum opinion_scaling scaling;	/* OPINION_SCALE_POLIS */
	/*
	 * Statements counted as voted on by everyone in the Pol.is scaling:
	 * 0 for Agora. Pol.is zeroes moderated-out comments' columns, which
	 * then count as a vote of every participant (polis_check sets this).
	 */
	unsigned	 scale_extra;
	unsigned	 pca_block;	/* subspace size, 2..16 (8) */
	unsigned	 pca_max_iter;	/* 500 */
	double		 pca_tol;	/* relative Ritz residual, 1e-10 */
	unsigned	 min_group;	/* fewest people in a group, 10 */
	double		 k_margin;	/* silhouette a larger k must add, 0.02 */
	unsigned	 kmeans_restarts;	/* 16 */
	unsigned	 kmeans_max_iter;	/* 100 */
	unsigned	 silhouette_sample;	/* exact up to this many, 4000 */
	unsigned	 repness_max;	/* statements kept per group, 5 */
	unsigned	 consensus_max;	/* consensus statements kept, 5 */
	/* Called now and then with a stage name and its share done (0..1). */
	void		(*progress)(void *, const char *, double);
	void		*progress_arg;
};

/* Why no map was drawn (OPINION_MAPPED when one was). */
enum opinion_reason {
	OPINION_MAPPED,
	OPINION_NO_VOTES,		/* nobody voted */
	OPINION_ONE_VOTER,		/* a single person voted */
	OPINION_ONE_STATEMENT,		/* votes on a single statement */
	OPINION_TOO_FEW_VOTES,		/* nobody reached min_votes */
	OPINION_TOO_FEW_VOTERS,		/* fewer steering people than needed */
	OPINION_IDENTICAL,		/* everyone voted the same way */
	OPINION_REASON__MAX
};

/* Which way a statement sets a group apart. */
enum opinion_side {
	OPINION_SIDE_AGREE,		/* the group agrees more than the rest */
	OPINION_SIDE_DISAGREE		/* the group disagrees more */
};

/*
 * A statement that represents a group (Pol.is's repness). With na, nd, ns
 * the group's d'accord, pas d'accord and all votes on it, and the same
 * summed over the other groups: p = (1 + na) / (2 + ns) on the agree side;
 * p_test = 2 sqrt(ns + 1) ((na + 1) / (ns + 1) - 1/2); repness = p / the
 * same p of the rest; repness_test = two-proportion z of the group against
 * the rest (each count + 1). The disagree side uses nd.
 */
struct opinion_repness {
	uint32_t	statement;
	enum opinion_side side;
	uint32_t	n_success;	/* group's votes on that side */
	uint32_t	n_trials;	/* group's votes on the statement */
	uint32_t	rest_success;	/* the other groups' votes on that side */
	uint32_t	rest_trials;	/* the other groups' votes */
	double		p_success;	/* smoothed share on that side */
	double		p_test;		/* z: is that share above 1/2? */
	double		repness;	/* p_success / the rest's */
	double		repness_test;	/* z: group against the rest */
	int		significant;	/* both z above 1.2816 (90 %, one side) */
};

/* One group of opinion. */
struct opinion_group {
	uint32_t	 size;		/* steering participants in it */
	double		 center[2];	/* mean position */
	struct opinion_repness *repness;	/* nrepness, agree side first */
	size_t		 nrepness;
};

/*
 * A statement every group supports: in each group more than half agree
 * (smoothed share above 1/2 with z above 1.2816). score is the group-aware
 * consensus, the product over groups of (1 + agree) / (2 + votes).
 */
struct opinion_consensus {
	uint32_t	statement;
	double		score;
	uint32_t	agree[OPINION_K_MAX];	/* per group */
	uint32_t	trials[OPINION_K_MAX];	/* votes per group */
};

/* The map. Every array is owned; opinion_map_free() releases them. */
struct opinion_map {
	enum opinion_reason reason;	/* OPINION_MAPPED, or why not */
	const char	*reason_text;	/* French sentence, NULL when mapped */

	uint32_t	 nparticipants, nstatements;	/* as given */
	size_t		 nvotes;	/* votes read */
	uint32_t	 nvoters;	/* participants with a vote */
	uint32_t	 nvoted_statements;	/* statements with a vote */
	uint32_t	 nsteering;	/* participants who steer the map */
	unsigned	 min_votes;	/* the threshold applied: min(7, nvoted) */
	uint32_t	*votes_of;	/* nparticipants: votes per participant */

	/* Components (set only when mapped). */
	double		*mean;		/* nstatements: imputed value */
	double		*component[2];	/* nstatements each, unit norm */
	double		 eigenvalue[2];	/* variance along each (sum of y^2) */
	double		 total_variance;	/* sum of all y^2 */
	unsigned	 pca_iterations;
	int		 pca_converged;	/* 0: stopped at pca_max_iter */

	/* Participants. */
	enum opinion_scaling scaling;	/* as computed */
	unsigned	 scale_extra;	/* as computed */
	double		*x, *y;		/* nparticipants; 0, 0 without votes */
	int		*group;		/* nparticipants; OPINION_NOT_CLUSTERED */

	/* Groups, numbered by decreasing size. */
	unsigned	 k;
	double		 silhouette;	/* of the kept k */
	double		 silhouette_k[OPINION_K_MAX + 1];	/* per k tried, else NAN */
	struct opinion_group groups[OPINION_K_MAX];

	/* Statements. */
	double		*consensus_score;	/* nstatements: group-aware */
	struct opinion_consensus *consensus;	/* best first */
	size_t		 nconsensus;
};

/* The settings described in the README. */
void	opinion_params_default(struct opinion_params *);

/*
 * Computes the map of in into *map (which it initialises). Returns 0 when
 * the input was valid: then map->reason says whether a map was drawn and
 * map->reason_text why not. Returns -1 on an invalid input (an index out of
 * range, a value outside -1..1, two votes of one participant on one
 * statement) or when memory runs out, with an English message in err;
 * *map then holds nothing to free, but opinion_map_free() is harmless.
 * params may be NULL (the defaults).
 */
int	opinion_map_compute(const struct opinion_input *,
	    const struct opinion_params *, struct opinion_map *, char *, size_t);
/* Releases what the map owns; it may be computed again afterwards. */
void	opinion_map_free(struct opinion_map *);

/* The French sentence shown instead of a map, NULL for OPINION_MAPPED. */
const char *opinion_reason_text(enum opinion_reason);

/*
 * Projects a person's own votes (statement, value; other fields ignored)
 * on a computed map, as the map projects its participants; for someone who
 * voted since. Votes on statements beyond map->nstatements are ignored.
 * Returns -1 when the map was not drawn or no vote counts.
 */
int	opinion_map_project(const struct opinion_map *,
	    const struct opinion_vote *, size_t, double *, double *);
/* The group whose centre is closest to (x, y); -1 when not mapped. */
int	opinion_map_nearest_group(const struct opinion_map *, double, double);

/*
 * Mean silhouette of a partition of n points (xs[i], ys[i]) into groups
 * label[i] in 0..k-1 (a negative label leaves the point out): for each
 * point, (b - a) / max(a, b) with a its mean distance to its own group and
 * b the smallest mean distance to another; 0 for a point alone in its
 * group. Exact when at most sample points count (sample 0: always exact),
 * else over a seeded sample of that many points, each measured against
 * every point. NAN when fewer than two groups are present.
 */
double	opinion_silhouette(const double *, const double *, const int *,
	    size_t, unsigned, unsigned, uint64_t);
/*
 * Adjusted Rand index (Hubert and Arabie) between two labellings of n
 * items; items with a negative label in either are left out. 1 for the
 * same partition, about 0 for unrelated ones; NAN with fewer than 2 items.
 */
double	opinion_adjusted_rand(const int *, const int *, size_t);

#endif
