/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "polis.h"

/* A growing array of n items of size sz; -1 when out of memory. */
static int
grow(void **arr, size_t *cap, size_t n, size_t sz)
{
	void	*p;
	size_t	 c;

	if (n < *cap)
		return (0);
	c = *cap ? *cap * 2 : 256;
	if (c > SIZE_MAX / sz || (p = realloc(*arr, c * sz)) == NULL)
		return (-1);
	*arr = p;
	*cap = c;
	return (0);
}

/* A decimal integer in [lo, hi] filling the whole field. */
static int
parse_int(const char *s, long long lo, long long hi, long long *out)
{
	char		*end;
	long long	 v;

	if (*s == '\0' || *s == ' ')
		return (-1);
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < lo || v > hi)
		return (-1);
	*out = v;
	return (0);
}

/*
 * Reads the header and finds the named columns (n of them) into col.
 * 0, or -1 with err.
 */
static int
read_header(struct csv_reader *r, struct csv_record *rec,
    const char *const *names, int *col, size_t n, char *err, size_t errlen)
{
	size_t	i, line;
	int	rc;

	/*
	 * As the other importers: a file that is not UTF-8 is refused with
	 * its line, before a cell of it is quoted in a message (found by
	 * fuzz_polis: the refusal itself was not UTF-8).
	 */
	if ((line = csv_utf8_check(r->buf, r->len)) != 0) {
		snprintf(err, errlen, "ligne %zu : le texte n'est pas de l'UTF-8 "
		    "valide (ou contient un octet nul) ; convertissez le fichier "
		    "en UTF-8", line);
		return (-1);
	}
	if ((rc = csv_read(r, rec, err, errlen)) != 1) {
		if (rc == 0)
			snprintf(err, errlen, "ligne 1 : fichier vide, "
			    "l'en-tête manque");
		return (-1);
	}
	for (i = 0; i < n; i++)
		if ((col[i] = csv_header_index(rec, names[i])) == -1) {
			snprintf(err, errlen, "ligne 1 : la colonne « %s » "
			    "manque", names[i]);
			return (-1);
		}
	return (0);
}

/* The field of column col, or NULL (with err) when the line is short. */
static const char *
field(const struct csv_record *rec, int col, const char *name, char *err,
    size_t errlen)
{
	if ((size_t)col >= rec->nfields) {
		snprintf(err, errlen, "ligne %zu : la colonne « %s » manque",
		    rec->line, name);
		return (NULL);
	}
	return (rec->fields[col]);
}

static int
vote_order(const void *a, const void *b)
{
	const struct polis_vote *x = a, *y = b;

	if (x->voter != y->voter)
		return (x->voter < y->voter ? -1 : 1);
	if (x->comment != y->comment)
		return (x->comment < y->comment ? -1 : 1);
	if (x->timestamp != y->timestamp)
		return (x->timestamp < y->timestamp ? -1 : 1);
	return (x->line < y->line ? -1 : x->line > y->line);
}

/* One vote line into v; 0, or -1 with err. */
static int
vote_line(const struct csv_record *rec, const int *col,
    struct polis_vote *v, char *err, size_t errlen)
{
	static const char *const what[] = { "timestamp", "comment-id",
	    "voter-id", "vote" };
	long long	 x[4];
	const char	*f;
	size_t		 i;

	for (i = 0; i < 4; i++) {
		if ((f = field(rec, col[i], what[i], err, errlen)) == NULL)
			return (-1);
		if (parse_int(f, i == 3 ? -1 : 0, i == 0 ? INT64_MAX :
		    i == 3 ? 1 : UINT32_MAX, &x[i]) == -1) {
			snprintf(err, errlen, "ligne %zu : « %s » n'est pas "
			    "une valeur de %s valide%s", rec->line, f, what[i],
			    i == 3 ? " (1, 0 ou -1)" : "");
			return (-1);
		}
	}
	v->timestamp = x[0];
	v->comment = (uint32_t)x[1];
	v->voter = (uint32_t)x[2];
	v->value = (int8_t)x[3];
	v->line = rec->line;
	return (0);
}

int
polis_votes_read(const char *buf, size_t len, struct polis_vote **out,
    size_t *nout, char *err, size_t errlen)
{
	static const char *const names[] = { "timestamp", "comment-id",
	    "voter-id", "vote" };
	struct csv_reader	 r;
	struct csv_record	 rec = { 0 };
	struct polis_vote	*v = NULL;
	size_t			 n = 0, cap = 0, i, k;
	int			 col[4], rc;

	*out = NULL;
	*nout = 0;
	csv_reader_init(&r, buf, len, ',');
	if (read_header(&r, &rec, names, col, 4, err, errlen) == -1)
		goto fail;
	while ((rc = csv_read(&r, &rec, err, errlen)) == 1) {
		if (rec.nfields == 1 && rec.fields[0][0] == '\0')
			continue;	/* blank line */
		if (grow((void **)&v, &cap, n, sizeof(*v)) == -1) {
			snprintf(err, errlen, "mémoire insuffisante");
			goto fail;
		}
		if (vote_line(&rec, col, &v[n], err, errlen) == -1)
			goto fail;
		n++;
	}
	if (rc == -1)
		goto fail;
	if (n > 0)
		qsort(v, n, sizeof(*v), vote_order);
	for (i = 0, k = 0; i < n; i++) {	/* the last of each pair */
		if (i + 1 < n && v[i + 1].voter == v[i].voter &&
		    v[i + 1].comment == v[i].comment)
			continue;
		v[k++] = v[i];
	}
	csv_record_free(&rec);
	*out = v;
	*nout = k;
	return (0);
fail:
	csv_record_free(&rec);
	free(v);
	return (-1);
}

int
polis_comments_read(const char *buf, size_t len, struct polis_comment **out,
    size_t *nout, char *err, size_t errlen)
{
	static const char *const names[] = { "comment-id", "moderated" };
	struct csv_reader	 r;
	struct csv_record	 rec = { 0 };
	struct polis_comment	*c = NULL;
	const char		*f[2];
	size_t			 n = 0, cap = 0, i;
	long long		 id, mod;
	int			 col[2], rc;

	*out = NULL;
	*nout = 0;
	csv_reader_init(&r, buf, len, ',');
	if (read_header(&r, &rec, names, col, 2, err, errlen) == -1)
		goto fail;
	while ((rc = csv_read(&r, &rec, err, errlen)) == 1) {
		if (rec.nfields == 1 && rec.fields[0][0] == '\0')
			continue;
		for (i = 0; i < 2; i++)
			if ((f[i] = field(&rec, col[i], names[i], err,
			    errlen)) == NULL)
				goto fail;
		if (parse_int(f[0], 0, UINT32_MAX, &id) == -1 ||
		    parse_int(f[1], -1, 1, &mod) == -1) {
			snprintf(err, errlen, "ligne %zu : comment-id « %s » "
			    "ou moderated « %s » invalide (moderated : 1, 0 ou "
			    "-1)", rec.line, f[0], f[1]);
			goto fail;
		}
		if (grow((void **)&c, &cap, n, sizeof(*c)) == -1) {
			snprintf(err, errlen, "mémoire insuffisante");
			goto fail;
		}
		c[n].id = (uint32_t)id;
		c[n++].moderated = (int)mod;
	}
	if (rc == -1)
		goto fail;
	csv_record_free(&rec);
	*out = c;
	*nout = n;
	return (0);
fail:
	csv_record_free(&rec);
	free(c);
	return (-1);
}

int
polis_members_read(const char *buf, size_t len, struct polis_member **out,
    size_t *nout, char *err, size_t errlen)
{
	static const char *const names[] = { "participant", "group-id" };
	struct csv_reader	 r;
	struct csv_record	 rec = { 0 };
	struct polis_member	*m = NULL;
	const char		*f[2];
	size_t			 n = 0, cap = 0, i;
	long long		 id, g = -1;
	int			 col[2], rc;

	*out = NULL;
	*nout = 0;
	csv_reader_init(&r, buf, len, ',');
	if (read_header(&r, &rec, names, col, 2, err, errlen) == -1)
		goto fail;
	while ((rc = csv_read(&r, &rec, err, errlen)) == 1) {
		if (rec.nfields == 1 && rec.fields[0][0] == '\0')
			continue;
		for (i = 0; i < 2; i++)
			if ((f[i] = field(&rec, col[i], names[i], err,
			    errlen)) == NULL)
				goto fail;
		g = -1;
		if (parse_int(f[0], 0, UINT32_MAX, &id) == -1 ||
		    (f[1][0] != '\0' && parse_int(f[1], 0, 1000, &g) == -1)) {
			snprintf(err, errlen, "ligne %zu : participant « %s » "
			    "ou group-id « %s » invalide", rec.line, f[0],
			    f[1]);
			goto fail;
		}
		if (grow((void **)&m, &cap, n, sizeof(*m)) == -1) {
			snprintf(err, errlen, "mémoire insuffisante");
			goto fail;
		}
		m[n].participant = (uint32_t)id;
		m[n++].group = (int)g;
	}
	if (rc == -1)
		goto fail;
	csv_record_free(&rec);
	*out = m;
	*nout = n;
	return (0);
fail:
	csv_record_free(&rec);
	free(m);
	return (-1);
}
