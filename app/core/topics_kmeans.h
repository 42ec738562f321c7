/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * What topics.c (the term vectors, labels, results) and topics_kmeans.c
 * (the clustering) share; not for other callers, who use topics.h.
 */

#ifndef AGORA_CORE_TOPICS_KMEANS_H
#define AGORA_CORE_TOPICS_KMEANS_H

#include <stddef.h>
#include <stdint.h>

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

/* Doc d's vector dotted with centre c (a dense vector of x->v terms). */
double	topics_dot(const struct vecs *, size_t, const double *);
/* The number of docs assigned to each of c's topics, into size[k]. */
void	topics_sizes(const struct vecs *, const struct clustering *,
	    uint32_t *);
/*
 * Every k from p->k_min, the best of p->restarts runs, the highest mean
 * silhouette kept in best (its centre and assign allocated by the caller
 * for p->k_max topics) and r->silhouette. -1 when out of memory.
 */
int	topics_kmeans(const struct vecs *, const struct topics_params *,
	    struct topics_result *, struct clustering *);

#endif
