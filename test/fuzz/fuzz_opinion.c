/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * libFuzzer harness of the opinion map's input path: the bytes read as a
 * Pol.is votes.csv (app/core/polis.c), whose votes, when read, go through
 * opinion_map_compute(); and the same bytes read as raw triples. Every
 * input must end in a map, a reason or a refusal, never in a crash, a
 * leak, a read out of bounds or a NaN position.
 */

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../app/core/opinion.h"
#include "../../app/core/polis.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
run(const struct opinion_vote *v, size_t n, uint32_t np, uint32_t ns)
{
	struct opinion_input	in = { v, n, np, ns };
	struct opinion_params	p;
	struct opinion_map	map;
	char			err[256];
	uint32_t		i;

	opinion_params_default(&p);
	p.min_group = 2;	/* reach the clustering with small inputs */
	p.pca_max_iter = 50;
	if (opinion_map_compute(&in, &p, &map, err, sizeof(err)) == -1)
		return;
	if ((map.reason == 0) != (map.reason_text == NULL))
		abort();
	if (map.reason == OPINION_MAPPED) {
		if (map.k < 2 || map.k > OPINION_K_MAX)
			abort();
		for (i = 0; i < np; i++)
			if (isnan(map.x[i]) || isnan(map.y[i]) ||
			    map.group[i] >= (int)map.k)
				abort();
	}
	opinion_map_free(&map);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct polis_vote	*pv;
	struct opinion_vote	*v;
	size_t			 n, i;
	char			 err[256];

	if (polis_votes_read((const char *)data, size, &pv, &n, err,
	    sizeof(err)) == 0) {
		if ((v = calloc(n + 1, sizeof(*v))) == NULL)
			abort();
		for (i = 0; i < n; i++) {
			v[i].participant = pv[i].voter % 64;
			v[i].statement = pv[i].comment % 32;
			v[i].value = pv[i].value;
		}
		run(v, n, 64, 32);	/* duplicates after % are refused */
		free(v);
		free(pv);
	}
	/* Raw triples: 3 bytes each, values outside -1..1 included. */
	if ((v = calloc(size / 3 + 1, sizeof(*v))) == NULL)
		abort();
	for (i = 0; i + 3 <= size; i += 3) {
		v[i / 3].participant = data[i] % 40;
		v[i / 3].statement = data[i + 1] % 24;
		v[i / 3].value = (int8_t)((int)(data[i + 2] % 4) - 1 -
		    (data[i + 2] == 255));
	}
	run(v, size / 3, 40, 24);
	free(v);
	return (0);
}
