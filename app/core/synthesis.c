/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "synthesis.h"

/*
 * A citation at s ("[#N]"): N in *id and its length in *len, or 0. N has
 * 1 to CITATION_ID_MAX_DIGITS digits and no leading zero.
 */
static int
citation_at(const char *s, long long *id, size_t *len)
{
	size_t		i;
	long long	n = 0;

	if (s[0] != '[' || s[1] != '#' || s[2] < '1' || s[2] > '9')
		return (0);
	for (i = 2; s[i] >= '0' && s[i] <= '9'; i++) {
		if (i - 2 >= CITATION_ID_MAX_DIGITS)
			return (0);
		n = n * 10 + (s[i] - '0');
	}
	if (s[i] != ']')
		return (0);
	*id = n;
	*len = i + 1;
	return (1);
}

/* "[synthese:SLUG]" at s: 1, SLUG's start and length, the whole length. */
static int
synthesis_cite_at(const char *s, const char **slug, size_t *slen,
    size_t *len)
{
	static const char	prefix[] = "[synthese:";
	size_t			i, n = sizeof(prefix) - 1;

	if (strncmp(s, prefix, n) != 0 || !((s[n] >= 'a' && s[n] <= 'z') ||
	    (s[n] >= '0' && s[n] <= '9')))
		return (0);
	for (i = n; (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' &&
	    s[i] <= '9') || s[i] == '-'; i++)
		if (i - n >= SYNTHESIS_CITE_SLUG_MAX)
			return (0);
	if (s[i] != ']')
		return (0);
	*slug = s + n;
	*slen = i - n;
	*len = i + 1;
	return (1);
}

size_t
synthesis_cites_parse(const char *text, struct synthesis_cite *out,
    size_t max)
{
	const char	*slug;
	size_t		 n = 0, slen, len;
	int		 line = 1;

	for (; *text != '\0'; text++) {
		if (*text == '\n')
			line++;
		if (!synthesis_cite_at(text, &slug, &slen, &len))
			continue;
		if (n < max) {
			out[n].line = line;
			memcpy(out[n].slug, slug, slen);
			out[n].slug[slen] = '\0';
		}
		n++;
		text += len - 1;
	}
	return (n);
}

size_t
citations_parse(const char *text, struct citation *out, size_t max)
{
	size_t		n = 0, len;
	int		line = 1;
	long long	id;

	while (*text != '\0') {
		if (*text == '\n') {
			line++;
			text++;
			continue;
		}
		if (!citation_at(text, &id, &len)) {
			text++;
			continue;
		}
		if (n < max) {
			out[n].line = line;
			out[n].id = id;
		}
		n++;
		text += len;
	}
	return (n);
}

static const struct citation_ref *
ref_find(const struct citation_ref *refs, size_t nrefs, long long id)
{
	size_t	i;

	for (i = 0; i < nrefs; i++)
		if (refs[i].slug == NULL && refs[i].id == id)
			return (&refs[i]);
	return (NULL);
}

static const struct citation_ref *
ref_find_slug(const struct citation_ref *refs, size_t nrefs,
    const char *slug, size_t slen)
{
	size_t	i;

	for (i = 0; i < nrefs; i++)
		if (refs[i].slug != NULL && strlen(refs[i].slug) == slen &&
		    memcmp(refs[i].slug, slug, slen) == 0)
			return (&refs[i]);
	return (NULL);
}

/* The ref of a citation at p (either kind), and its length; or NULL. */
static const struct citation_ref *
ref_at(const char *p, const struct citation_ref *refs, size_t nrefs,
    size_t *len)
{
	const char	*slug;
	size_t		 slen;
	long long	 id;

	if (citation_at(p, &id, len))
		return (ref_find(refs, nrefs, id));
	if (synthesis_cite_at(p, &slug, &slen, len))
		return (ref_find_slug(refs, nrefs, slug, slen));
	return (NULL);
}

void
citations_html(struct html_out *out, const char *html,
    const struct citation_ref *refs, size_t nrefs)
{
	const char			*p = html, *from = html;
	const struct citation_ref	*r;
	int				 in_tag = 0;
	size_t				 len;

	for (; *p != '\0'; p++) {
		if (*p == '<')
			in_tag = 1;
		else if (*p == '>')
			in_tag = 0;
		if (in_tag || (r = ref_at(p, refs, nrefs, &len)) == NULL)
			continue;
		out->write(out->arg, from, (size_t)(p - from));
		if (r->slug != NULL)
			html_raw(out, "<a class=\"citation citation-synthese\" "
			    "href=\"");
		else
			html_rawf(out, "<a class=\"citation\" data-n=\"%lld\" "
			    "href=\"", r->id);
		html_text(out, r->href);
		html_raw(out, "\">");
		html_text(out, r->title);
		html_raw(out, "</a>");
		p += len - 1;
		from = p + 1;
	}
	out->write(out->arg, from, (size_t)(p - from));
}

/* The lines of s: starts and lengths (no newline, no '\r'). */
struct lines {
	const char	**at;
	size_t		 *len;
	size_t		  n;
};

static int
lines_split(const char *s, struct lines *l)
{
	const char	*p, *e;
	size_t		 cap = 1;

	for (p = s; *p != '\0'; p++)
		if (*p == '\n')
			cap++;
	l->n = 0;
	if ((l->at = calloc(cap, sizeof(*l->at))) == NULL ||
	    (l->len = calloc(cap, sizeof(*l->len))) == NULL)
		return (-1);
	for (p = s; *p != '\0'; p = *e == '\n' ? e + 1 : e) {
		if ((e = strchr(p, '\n')) == NULL)
			e = p + strlen(p);
		l->at[l->n] = p;
		l->len[l->n] = (size_t)(e - p);
		if (l->len[l->n] > 0 && p[l->len[l->n] - 1] == '\r')
			l->len[l->n]--;
		l->n++;
	}
	return (0);
}

static void
lines_free(struct lines *l)
{
	free(l->at);
	free(l->len);
}

static int
line_eq(const struct lines *a, size_t i, const struct lines *b, size_t j)
{
	return (a->len[i] == b->len[j] &&
	    memcmp(a->at[i], b->at[j], a->len[i]) == 0);
}

static void
emit(struct diff_line *d, size_t *n, enum diff_op op, const struct lines *l,
    size_t i, size_t ia, size_t ib)
{
	d[*n].op = op;
	d[*n].text = l->at[i];
	d[*n].len = l->len[i];
	d[*n].line_a = op == DIFF_ADD ? 0 : (int)ia + 1;
	d[*n].line_b = op == DIFF_DEL ? 0 : (int)ib + 1;
	(*n)++;
}

/*
 * The middle of the diff, lines a[lo..ha) and b[lo..hb): an LCS table
 * (suffix lengths, uint16: DIFF_MAX_LINES fits), then one walk.
 */
static int
diff_middle(const struct lines *a, const struct lines *b, size_t lo,
    size_t ha, size_t hb, struct diff_line *d, size_t *n)
{
	size_t		 na = ha - lo, nb = hb - lo, i, j, w = nb + 1;
	uint16_t	*t;

	if (na > DIFF_MAX_LINES || nb > DIFF_MAX_LINES)
		return (-1);
	if ((t = calloc((na + 1) * w, sizeof(*t))) == NULL)
		return (-1);
	for (i = na; i-- > 0;)
		for (j = nb; j-- > 0;)
			t[i * w + j] = line_eq(a, lo + i, b, lo + j) ?
			    t[(i + 1) * w + j + 1] + 1 :
			    (t[(i + 1) * w + j] >= t[i * w + j + 1] ?
			    t[(i + 1) * w + j] : t[i * w + j + 1]);
	for (i = 0, j = 0; i < na || j < nb;) {
		if (i < na && j < nb && line_eq(a, lo + i, b, lo + j)) {
			emit(d, n, DIFF_SAME, b, lo + j, lo + i, lo + j);
			i++, j++;
		} else if (i < na && (j == nb ||
		    t[(i + 1) * w + j] >= t[i * w + j + 1])) {
			emit(d, n, DIFF_DEL, a, lo + i, lo + i, 0);
			i++;
		} else {
			emit(d, n, DIFF_ADD, b, lo + j, 0, lo + j);
			j++;
		}
	}
	free(t);
	return (0);
}

long
line_diff(const char *sa, const char *sb, struct diff_line **out)
{
	struct lines		 a, b;
	struct diff_line	*d = NULL;
	size_t			 lo = 0, ea, eb, n = 0, k;
	long			 rc = -1;

	*out = NULL;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	if (lines_split(sa, &a) == -1 || lines_split(sb, &b) == -1)
		goto out;
	while (lo < a.n && lo < b.n && line_eq(&a, lo, &b, lo))
		lo++;
	for (ea = a.n, eb = b.n; ea > lo && eb > lo &&
	    line_eq(&a, ea - 1, &b, eb - 1); ea--, eb--)
		;
	if ((d = calloc(a.n + b.n + 1, sizeof(*d))) == NULL)
		goto out;
	for (k = 0; k < lo; k++)
		emit(d, &n, DIFF_SAME, &b, k, k, k);
	if (diff_middle(&a, &b, lo, ea, eb, d, &n) == -1)
		goto out;
	for (k = 0; ea + k < a.n; k++)
		emit(d, &n, DIFF_SAME, &b, eb + k, ea + k, eb + k);
	*out = d;
	d = NULL;
	rc = (long)n;
out:
	free(d);
	lines_free(&a);
	lines_free(&b);
	return (rc);
}
