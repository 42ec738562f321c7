/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The vote triples checked and sorted into columns (one per statement), by
 * two stable counting sorts: by participant, then by statement. The result
 * does not depend on the order of the input, so neither does the map, and
 * two votes of one person on one statement end up side by side, where they
 * are refused. O(votes + participants + statements) time, 10 bytes a vote.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "opinion_int.h"

/* malloc(n * size), NULL when the product overflows. */
static void *
array_alloc(size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		return (NULL);
	return (malloc(n * size == 0 ? 1 : n * size));
}

/* Checks every triple; counts votes per participant and per statement. */
static int
csc_count(const struct opinion_input *in, uint32_t *per_row,
    size_t *colptr, char *err, size_t errlen)
{
	const struct opinion_vote *v;
	size_t	i;

	for (i = 0; i < in->nvotes; i++) {
		v = &in->votes[i];
		if (v->participant >= in->nparticipants ||
		    v->statement >= in->nstatements) {
			snprintf(err, errlen, "vote %zu: participant %u or "
			    "statement %u out of range", i, v->participant,
			    v->statement);
			return (-1);
		}
		if (v->value < -1 || v->value > 1) {
			snprintf(err, errlen, "vote %zu: value %d is not -1, 0 "
			    "or 1", i, v->value);
			return (-1);
		}
		per_row[v->participant]++;
		colptr[v->statement + 1]++;
	}
	return (0);
}

/* Refuses a participant's second vote on a statement (now adjacent). */
static int
csc_no_duplicate(const struct opinion_csc *c, char *err, size_t errlen)
{
	uint32_t	j;
	size_t		e;

	for (j = 0; j < c->m; j++)
		for (e = c->colptr[j] + 1; e < c->colptr[j + 1]; e++)
			if (c->row[e] == c->row[e - 1]) {
				snprintf(err, errlen, "participant %u voted "
				    "twice on statement %u", c->row[e], j);
				return (-1);
			}
	return (0);
}

int
opinion_csc_build(const struct opinion_input *in, struct opinion_csc *c,
    uint32_t *votes_of, char *err, size_t errlen)
{
	size_t		*rowptr = NULL, *next = NULL, i, e, nnz = in->nvotes;
	uint32_t	*tcol = NULL, r, j;
	int8_t		*tval = NULL;
	int		 rc = -1;

	c->m = in->nstatements;
	c->n = in->nparticipants;
	c->row = array_alloc(nnz, sizeof(*c->row));
	c->val = array_alloc(nnz, sizeof(*c->val));
	c->colptr = calloc((size_t)c->m + 1, sizeof(*c->colptr));
	rowptr = calloc((size_t)c->n + 1, sizeof(*rowptr));
	tcol = array_alloc(nnz, sizeof(*tcol));
	tval = array_alloc(nnz, sizeof(*tval));
	next = array_alloc((size_t)c->m + 1, sizeof(*next));
	if (c->row == NULL || c->val == NULL || c->colptr == NULL ||
	    rowptr == NULL || tcol == NULL || tval == NULL || next == NULL) {
		snprintf(err, errlen, "out of memory for %zu votes", nnz);
		goto out;
	}
	for (r = 0; r < c->n; r++)
		votes_of[r] = 0;
	if (csc_count(in, votes_of, c->colptr, err, errlen) == -1)
		goto out;

	/* By participant, keeping the input order within a participant. */
	for (r = 0; r < c->n; r++)
		rowptr[r + 1] = rowptr[r] + votes_of[r];
	for (i = 0; i < nnz; i++) {
		e = rowptr[in->votes[i].participant]++;
		tcol[e] = in->votes[i].statement;
		tval[e] = in->votes[i].value;
	}
	/* rowptr[r] is now the end of row r, the start of row r + 1. */

	/* By statement, taking rows in increasing order: sorted columns. */
	for (j = 0; j < c->m; j++)
		c->colptr[j + 1] += c->colptr[j];
	for (j = 0; j <= c->m; j++)
		next[j] = c->colptr[j];
	e = 0;
	for (r = 0; r < c->n; r++)
		for (; e < rowptr[r]; e++) {
			i = next[tcol[e]]++;
			c->row[i] = r;
			c->val[i] = tval[e];
		}
	rc = csc_no_duplicate(c, err, errlen);
out:
	free(rowptr);
	free(next);
	free(tcol);
	free(tval);
	if (rc == -1)
		opinion_csc_free(c);
	return (rc);
}

void
opinion_csc_free(struct opinion_csc *c)
{
	free(c->colptr);
	free(c->row);
	free(c->val);
	c->colptr = NULL;
	c->row = NULL;
	c->val = NULL;
}
