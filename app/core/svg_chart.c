/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdio.h>

#include "svg_chart.h"

#define CHART_W		640	/* viewBox width */
#define LABEL_W		190	/* room for the labels */
#define VALUE_W		70	/* room for the value after the longest bar */
#define ROW_H		24	/* one bar and its gap */
#define BAR_H		16

void
svg_bar_chart(struct html_out *o, const char *id, const char *title,
    const char *desc, const struct svg_bar *bars, size_t n)
{
	double	max = 0, w;
	size_t	i;
	int	height = (int)n * ROW_H + 8;

	for (i = 0; i < n; i++)
		if (bars[i].value > max)
			max = bars[i].value;
	html_rawf(o, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
	    "aria-labelledby=\"", CHART_W, height);
	html_text(o, id);
	html_raw(o, "-t ");
	html_text(o, id);
	html_raw(o, "-d\">\n<title id=\"");
	html_text(o, id);
	html_raw(o, "-t\">");
	html_text(o, title);
	html_raw(o, "</title>\n<desc id=\"");
	html_text(o, id);
	html_raw(o, "-d\">");
	html_text(o, desc);
	html_raw(o, "</desc>\n");
	html_rawf(o, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"#555555\" stroke-width=\"1\"/>\n", LABEL_W, LABEL_W,
	    height - 4);
	for (i = 0; i < n; i++) {
		w = max > 0 ? bars[i].value / max *
		    (CHART_W - LABEL_W - VALUE_W) : 0;
		html_rawf(o, "<g><text x=\"%d\" y=\"%d\" text-anchor=\"end\" "
		    "font-size=\"13\" fill=\"#1b1b1b\">", LABEL_W - 6,
		    (int)i * ROW_H + 17);
		html_text(o, bars[i].label);
		html_rawf(o, "</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" "
		    "height=\"%d\" fill=\"#1f5f8b\"/>", LABEL_W + 1,
		    (int)i * ROW_H + 4, w, BAR_H);
		html_rawf(o, "<text x=\"%.1f\" y=\"%d\" font-size=\"13\" "
		    "fill=\"#1b1b1b\">", LABEL_W + w + 6, (int)i * ROW_H + 17);
		html_text(o, bars[i].value_text);
		html_raw(o, "</text></g>\n");
	}
	html_raw(o, "</svg>\n");
}
