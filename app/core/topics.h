/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Topics of a theme (issue 16): its proposals grouped by what they say.
 * Pure C, no database: `agora topics` (app/cli/topics.c) gives each
 * proposal's stemmed terms (PostgreSQL's fr_unaccent configuration) with
 * their counts; this file weighs them by TF-IDF, normalises each vector
 * (L2), clusters them by spherical k-means and picks k. Every step is
 * specified so that test/opendata/topics_recompute.py, an independent
 * Python implementation, finds the same assignment from the open data:
 *
 * - terms kept: document frequency df >= min_df (2); weight
 *   (1 + ln count) x ln(N / df), N = proposals given (with or without
 *   terms); a proposal whose vector is zero is not classified (-1);
 * - k-means++ seeding with cosine distance d = 1 - cos, probability
 *   proportional to d^2, random numbers from splitmix64(seed); then
 *   Lloyd's iterations: each proposal to the centre of highest cosine
 *   (lowest number on ties), each centre the normalised sum of its
 *   proposals (kept when empty), until nothing moves or max_iter;
 * - restarts per k, keeping the highest sum of cosines (first on ties);
 * - k from k_min to min(k_max, classified / 3), keeping the highest mean
 *   silhouette (Rousseeuw; distance 1 - cos; a = mean distance to the
 *   other proposals of its topic, b = the least mean distance to another
 *   non-empty topic, s = (b - a) / max(a, b); 0 alone in its topic or when
 *   a = b = 0; the mean over every classified proposal), smallest k on ties;
 * - topics numbered by decreasing size, then by their first proposal.
 */

#ifndef AGORA_CORE_TOPICS_H
#define AGORA_CORE_TOPICS_H

#include <stddef.h>
#include <stdint.h>

/*
 * The input, compressed by rows: proposal d's terms are term[start[d] ..
 * start[d + 1] - 1], increasing, with their counts (>= 1). Terms are
 * numbered 0 .. nterms - 1 in the order of their stems' bytes.
 */
struct topics_input {
	size_t		 ndocs;
	uint32_t	 nterms;
	const size_t	*start;		/* ndocs + 1 */
	const uint32_t	*term;
	const uint32_t	*count;
};

struct topics_params {
	unsigned	 k_min, k_max;	/* 2, 8 */
	unsigned	 min_df;	/* 2 */
	unsigned	 min_docs;	/* classified proposals needed: 6 */
	unsigned	 restarts;	/* per k: 4 */
	unsigned	 max_iter;	/* 50 */
	unsigned	 nlabels;	/* distinctive terms per topic: 5 */
	uint64_t	 seed;		/* 20151 */
	void		(*progress)(void *, const char *, double);
	void		*arg;
};

enum topics_reason {
	TOPICS_FOUND,		/* k topics */
	TOPICS_NO_PROPOSALS,	/* nothing to group */
	TOPICS_TOO_FEW		/* fewer than min_docs proposals with terms */
};

struct topic {
	uint32_t	 size;
	uint32_t	 label[16];	/* distinctive terms, best first */
	double		 label_score[16];
	unsigned	 nlabel;
};

struct topics_result {
	enum topics_reason	 reason;
	size_t			 classified;	/* proposals with a vector */
	uint32_t		 kept_terms;	/* terms with df >= min_df */
	unsigned		 k;		/* topics (non-empty) */
	double			 silhouette;	/* mean, of the k kept */
	struct topic		*topics;	/* k, numbered 0 .. k - 1 */
	int			*topic;		/* per proposal, -1: none */
	double			*similarity;	/* cosine to its centre */
	uint32_t		*rank;		/* 1 = closest in its topic */
};

void	topics_params_default(struct topics_params *);
/* 0, or -1 when out of memory or the input is malformed (err says). */
int	topics_compute(const struct topics_input *, const struct topics_params *,
	    struct topics_result *, char *, size_t);
void	topics_free(struct topics_result *);

#endif
