/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "text.h"

void
csv_reader_init(struct csv_reader *r, const char *buf, size_t len, char sep)
{
	r->buf = buf;
	r->len = len;
	r->pos = 0;
	r->line = 1;
	r->sep = sep;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		r->pos = 3;
}

void
csv_record_free(struct csv_record *rec)
{
	size_t	i;

	for (i = 0; i < rec->nfields; i++)
		free(rec->fields[i]);
	free(rec->fields);
	rec->fields = NULL;
	rec->nfields = 0;
	rec->cap = 0;
}

/* Appends a copy of the field; -1 when out of memory. */
static int
record_push(struct csv_record *rec, char *field)
{
	char	**f;
	size_t	  cap;

	if (field == NULL)
		return (-1);
	if (rec->nfields == rec->cap) {
		cap = rec->cap ? rec->cap * 2 : 16;
		if ((f = realloc(rec->fields, cap * sizeof(*f))) == NULL) {
			free(field);
			return (-1);
		}
		rec->fields = f;
		rec->cap = cap;
	}
	rec->fields[rec->nfields++] = field;
	return (0);
}

/* 1 when the reader stands at a separator, an end of line or of input. */
static int
at_field_end(const struct csv_reader *r)
{
	const char	*b = r->buf;

	return (r->pos >= r->len || b[r->pos] == r->sep || b[r->pos] == '\n' ||
	    (b[r->pos] == '\r' && r->pos + 1 < r->len && b[r->pos + 1] == '\n'));
}

/*
 * Reads a quoted field (the reader stands on its opening quote), folding
 * "" into ". The field (malloc'd) in *out: 0; -1 with err set (*out NULL
 * and err empty when memory ran out).
 */
static int
read_quoted(struct csv_reader *r, char **out, char *err, size_t errsz)
{
	const char	*b = r->buf;
	size_t		 n = 0, qline = r->line;
	char		*f;

	*out = NULL;
	r->pos++;
	if ((f = malloc(r->len - r->pos + 1)) == NULL)
		return (-1);
	for (;;) {
		if (r->pos >= r->len) {
			free(f);
			snprintf(err, errsz, "ligne %zu : champ entre guillemets "
			    "jamais fermé (fichier tronqué ?)", qline);
			return (-1);
		}
		if (b[r->pos] == '"') {
			if (r->pos + 1 < r->len && b[r->pos + 1] == '"') {
				f[n++] = '"';
				r->pos += 2;
				continue;
			}
			r->pos++;
			break;
		}
		if (b[r->pos] == '\n')
			r->line++;
		f[n++] = b[r->pos++];
	}
	f[n] = '\0';
	if (!at_field_end(r)) {
		free(f);
		snprintf(err, errsz, "ligne %zu : texte après le guillemet "
		    "fermant d'un champ", r->line);
		return (-1);
	}
	*out = f;
	return (0);
}

/* Reads a field without quotes; same answers as read_quoted. */
static int
read_plain(struct csv_reader *r, char **out, char *err, size_t errsz)
{
	size_t		 start = r->pos;
	char		*f;

	*out = NULL;
	for (; !at_field_end(r); r->pos++)
		if (r->buf[r->pos] == '"') {
			snprintf(err, errsz, "ligne %zu : guillemet dans un "
			    "champ qui n'est pas entre guillemets", r->line);
			return (-1);
		}
	if ((f = malloc(r->pos - start + 1)) == NULL)
		return (-1);
	memcpy(f, r->buf + start, r->pos - start);
	f[r->pos - start] = '\0';
	*out = f;
	return (0);
}

int
csv_read(struct csv_reader *r, struct csv_record *rec, char *err, size_t errsz)
{
	const char	*b = r->buf;
	char		*f;
	int		 rc;

	csv_record_free(rec);
	if (r->pos >= r->len)
		return (0);
	rec->line = r->line;
	for (;;) {
		err[0] = '\0';
		rc = r->pos < r->len && b[r->pos] == '"' ?
		    read_quoted(r, &f, err, errsz) :
		    read_plain(r, &f, err, errsz);
		if (rc == -1 && err[0] != '\0')
			return (-1);
		if (rc == -1 || record_push(rec, f) == -1)
			break;
		/* After the field: separator, end of line or of input. */
		if (r->pos >= r->len)
			return (1);
		if (b[r->pos] == r->sep) {
			r->pos++;
			continue;
		}
		if (b[r->pos] == '\r')
			r->pos++;
		r->pos++;		/* '\n' */
		r->line++;
		return (1);
	}
	snprintf(err, errsz, "ligne %zu : mémoire insuffisante", r->line);
	return (-1);
}

int
csv_header_index(const struct csv_record *rec, const char *name)
{
	size_t	i;

	for (i = 0; i < rec->nfields; i++)
		if (strcmp(rec->fields[i], name) == 0)
			return ((int)i);
	return (-1);
}

size_t
csv_utf8_check(const char *buf, size_t len)
{
	const char	*p = buf, *nl, *end = buf + len;
	size_t		 line = 1;

	while (p < end) {
		if ((nl = memchr(p, '\n', end - p)) == NULL)
			nl = end;
		if (!text_utf8_valid(p, nl - p))
			return (line);
		line++;
		p = nl + 1;
	}
	return (0);
}

/*
 * The characters a spreadsheet may take as the start of a formula, in
 * UTF-8: = + - @ TAB CR, their full-width forms (＝ ＋ － ＠), their small
 * forms (﹦ ﹢ ﹣ ﹫) and the minus sign (−). exports.c's CSV_CELL lists the
 * same code points.
 */
static const char *const formula_starters[] = {
	"=", "+", "-", "@", "\t", "\r",
	"\xef\xbc\x9d", "\xef\xbc\x8b", "\xef\xbc\x8d", "\xef\xbc\xa0",
	"\xef\xb9\xa6", "\xef\xb9\xa2", "\xef\xb9\xa3", "\xef\xb9\xab",
	"\xe2\x88\x92",
};

int
csv_needs_guard(const char *s, size_t len)
{
	size_t	i, n;

	/* A text that already starts with quotes is guarded again. */
	for (i = 0; i < len && s[i] == '\''; i++)
		;
	for (n = 0; n < sizeof(formula_starters) /
	    sizeof(formula_starters[0]); n++) {
		size_t	k = strlen(formula_starters[n]);

		if (len - i >= k && memcmp(s + i, formula_starters[n], k) == 0)
			return (1);
	}
	return (0);
}

void
csv_field_len(const struct csv_out *o, const char *s, size_t len)
{
	size_t	i, from;
	int	quote = 0, guard;

	guard = csv_needs_guard(s, len);
	for (i = 0; i < len; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' ||
		    s[i] == '\r') {
			quote = 1;
			break;
		}
	if (quote)
		o->write(o->arg, "\"", 1);
	if (guard)
		o->write(o->arg, "'", 1);
	for (i = from = 0; i < len; i++)
		if (s[i] == '"') {
			o->write(o->arg, s + from, i - from + 1);
			o->write(o->arg, "\"", 1);
			from = i + 1;
		}
	o->write(o->arg, s + from, len - from);
	if (quote)
		o->write(o->arg, "\"", 1);
}

void
csv_field(const struct csv_out *o, const char *s)
{
	csv_field_len(o, s ? s : "", s ? strlen(s) : 0);
}

void
csv_sep(const struct csv_out *o)
{
	o->write(o->arg, ",", 1);
}

void
csv_eol(const struct csv_out *o)
{
	o->write(o->arg, "\r\n", 2);
}
