/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Server-drawn SVG bar charts for the reports: no script, no style
 * attribute (the CSP forbids inline styles; colours are SVG presentation
 * attributes), role="img" with a <title> and a <desc> so that a screen
 * reader announces them. Pages put the same figures in a <table> too.
 */

#ifndef AGORA_CORE_SVG_CHART_H
#define AGORA_CORE_SVG_CHART_H

#include <stddef.h>

#include "html.h"

struct svg_bar {
	const char	*label;		/* shown left of the bar, escaped */
	double		 value;		/* >= 0 */
	const char	*value_text;	/* shown after the bar, escaped */
};

/*
 * Writes a horizontal bar chart of n bars. id (letters, digits, '-') makes
 * the ids of <title> and <desc> unique on the page.
 */
void	svg_bar_chart(struct html_out *, const char *, const char *,
	    const char *, const struct svg_bar *, size_t);

/*
 * A scatter of counted points on a frame of cells x cells (the opinion
 * map: people per cell of a grid and group). Each series (a group; -1:
 * people placed who steer nothing) has its own colour and shape, so that
 * colour is never the only cue; the legend names them. cx, cy are cell
 * coordinates in 0 .. cells - 1, y upwards.
 */
struct svg_point {
	int		 cx, cy;	/* cell */
	int		 series;	/* 0 .. SVG_SERIES_MAX - 1, or -1 */
	unsigned	 count;		/* people: the mark's area */
};
#define SVG_SERIES_MAX	5
void	svg_scatter(struct html_out *, const char *, const char *,
	    const char *, int, const struct svg_point *, size_t,
	    const char *const *, size_t, const char *);

#endif
