/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * libFuzzer harness of the Pol.is export reader (app/core/polis.c): the
 * same bytes as votes.csv, comments.csv and participants-votes.csv. Each
 * read ends in rows or a French refusal naming a line, never a crash; the
 * votes come out sorted by voter then comment, one per pair, with a vote
 * of -1, 0 or 1. (fuzz_opinion.c takes the votes on into the map.)
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../app/core/polis.h"
#include "../../app/core/text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct polis_vote	*v = NULL;
	struct polis_comment	*c = NULL;
	struct polis_member	*m = NULL;
	size_t			 n, i;
	char			 err[256];

	err[0] = '\0';
	if (polis_votes_read((const char *)data, size, &v, &n, err,
	    sizeof(err)) == 0) {
		for (i = 0; i < n; i++) {
			if (v[i].value < -1 || v[i].value > 1)
				abort();
			if (i > 0 && (v[i - 1].voter > v[i].voter ||
			    (v[i - 1].voter == v[i].voter &&
			    v[i - 1].comment >= v[i].comment)))
				abort();
		}
		free(v);
	} else if (err[0] == '\0' || !text_utf8_valid(err, strlen(err)))
		abort();
	err[0] = '\0';
	if (polis_comments_read((const char *)data, size, &c, &n, err,
	    sizeof(err)) == 0) {
		for (i = 0; i < n; i++)
			if (c[i].moderated < -1 || c[i].moderated > 1)
				abort();
		free(c);
	} else if (err[0] == '\0')
		abort();
	err[0] = '\0';
	if (polis_members_read((const char *)data, size, &m, &n, err,
	    sizeof(err)) == 0) {
		for (i = 0; i < n; i++)
			if (m[i].group < -1)
				abort();
		free(m);
	} else if (err[0] == '\0')
		abort();
	return (0);
}
