/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Syntheses (issue 16, item 2), without kore: the citations of a text
 * ("[#1234]": a published contribution of the theme, checked in SQL by
 * synthesis_save), their links in the rendered HTML, and the line diff
 * that compares two versions.
 */

#ifndef AGORA_CORE_SYNTHESIS_H
#define AGORA_CORE_SYNTHESIS_H

#include <stddef.h>

#include "html.h"

#define CITATION_ID_MAX_DIGITS	12

struct citation {
	int		 line;	/* 1-based line of the text */
	long long	 id;	/* the contribution cited */
};

/*
 * Finds every citation "[#N]" of text (N: 1 to 12 digits, no leading
 * zero) in order, writing at most max into out. Returns how many the text
 * holds (possibly more than max).
 */
size_t	citations_parse(const char *text, struct citation *out, size_t max);

/*
 * The council's opinions also cite a theme's published synthesis:
 * "[synthese:SLUG]" (SLUG as a theme's: [a-z0-9][a-z0-9-]{0,63}).
 */
#define SYNTHESIS_CITE_SLUG_MAX	64

struct synthesis_cite {
	int		 line;	/* 1-based line of the text */
	char		 slug[SYNTHESIS_CITE_SLUG_MAX + 1];
};

/* As citations_parse(), for "[synthese:SLUG]". */
size_t	synthesis_cites_parse(const char *text, struct synthesis_cite *out,
	    size_t max);

/*
 * A citation's link: the contribution's title and address, or (slug not
 * NULL) the synthesis of theme slug's.
 */
struct citation_ref {
	long long	 id;
	const char	*title;
	const char	*href;
	const char	*slug;
};

/*
 * Writes html (cmark's output) to out with every "[#N]" of its text (never
 * inside a tag) replaced by a link to refs' N with its title, escaped
 * (and data-n="N", which the printed page shows), and every
 * "[synthese:SLUG]" by a link to the ref of that slug.
 * A citation without a ref is written as it is.
 */
void	citations_html(struct html_out *out, const char *html,
	    const struct citation_ref *refs, size_t nrefs);

enum diff_op { DIFF_SAME, DIFF_DEL, DIFF_ADD };

struct diff_line {
	enum diff_op	 op;
	const char	*text;	/* into a or b; not NUL-terminated */
	size_t		 len;	/* without the newline */
	int		 line_a;	/* 1-based in a; 0 for DIFF_ADD */
	int		 line_b;	/* 1-based in b; 0 for DIFF_DEL */
};

#define DIFF_MAX_LINES	4000	/* of each side, once the common ends go */

/*
 * The line diff of a into b, from a longest common subsequence of their
 * lines (the common first and last lines taken out first). *out is a
 * malloc'd array the caller free()s. Returns the number of lines, or -1
 * when a side is too long (DIFF_MAX_LINES) or memory runs out.
 */
long	line_diff(const char *a, const char *b, struct diff_line **out);

#endif
