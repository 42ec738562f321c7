/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "linediff.h"

struct line {
	const char	*p;
	size_t		 len;
};

/* Splits s into lines (a last line without newline counts); -1 if too many. */
static int
split(const char *s, struct line *out, size_t *n)
{
	const char	*e;

	*n = 0;
	while (*s != '\0') {
		if (*n == LINEDIFF_MAX_LINES)
			return (-1);
		e = strchr(s, '\n');
		out[*n].p = s;
		out[*n].len = e ? (size_t)(e - s) : strlen(s);
		if (out[*n].len > 0 && s[out[*n].len - 1] == '\r')
			out[*n].len--;
		(*n)++;
		if (e == NULL)
			break;
		s = e + 1;
	}
	return (0);
}

static int
line_eq(const struct line *a, const struct line *b)
{
	return (a->len == b->len && memcmp(a->p, b->p, a->len) == 0);
}

static void
op_add(struct linediff_op *ops, size_t *n, enum linediff_kind k,
    const struct line *l)
{
	ops[*n].kind = k;
	ops[*n].line = l->p;
	ops[*n].len = l->len;
	(*n)++;
}

/* lcs[i][j]: the common lines of a[i..] and b[j..], then the walk. */
static void
walk(const struct line *a, size_t na, const struct line *b, size_t nb,
    unsigned short *lcs, struct linediff_op *ops, size_t *nops)
{
	size_t	i, j, w = nb + 1;

	for (i = na; i-- > 0; )
		for (j = nb; j-- > 0; )
			lcs[i * w + j] = line_eq(&a[i], &b[j]) ?
			    lcs[(i + 1) * w + j + 1] + 1 :
			    (lcs[(i + 1) * w + j] > lcs[i * w + j + 1] ?
			    lcs[(i + 1) * w + j] : lcs[i * w + j + 1]);
	i = j = 0;
	while (i < na || j < nb) {
		if (i < na && j < nb && line_eq(&a[i], &b[j])) {
			op_add(ops, nops, LD_SAME, &a[i]);
			i++, j++;
		} else if (i < na && (j == nb ||
		    lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]))
			op_add(ops, nops, LD_DEL, &a[i++]);
		else
			op_add(ops, nops, LD_ADD, &b[j++]);
	}
}

int
linediff(const char *old, const char *new, struct linediff_op **ops,
    size_t *nops)
{
	struct line	*a, *b;
	unsigned short	*lcs;
	size_t		 na, nb;
	int		 rc = -1;

	*ops = NULL;
	*nops = 0;
	a = calloc(LINEDIFF_MAX_LINES, sizeof(*a));
	b = calloc(LINEDIFF_MAX_LINES, sizeof(*b));
	if (a == NULL || b == NULL)
		abort();
	if (split(old, a, &na) == -1 || split(new, b, &nb) == -1)
		goto out;
	if ((lcs = calloc((na + 1) * (nb + 1), sizeof(*lcs))) == NULL ||
	    (*ops = calloc(na + nb + 1, sizeof(**ops))) == NULL)
		abort();
	walk(a, na, b, nb, lcs, *ops, nops);
	free(lcs);
	rc = 0;
out:
	free(a);
	free(b);
	return (rc);
}
