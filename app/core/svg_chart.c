/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <math.h>
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

#define SCATTER_W	480	/* the plot's side, viewBox units */
#define SCATTER_LEGEND	28	/* room for the legend below */

/* Colours of the groups: distinct for the common colour blindnesses. */
static const char *const series_fill[SVG_SERIES_MAX] = {
	"#0b5394", "#b45f06", "#38761d", "#741b47", "#434343"
};

/* One mark of series s, centred at (x, y), of radius r. */
static void
mark(struct html_out *o, int s, double x, double y, double r)
{
	const char	*fill = s < 0 ? "#9e9e9e" : series_fill[s];

	switch (s < 0 ? -1 : s % 5) {
	case 1:		/* square */
		html_rawf(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		    "height=\"%.1f\" fill=\"%s\" fill-opacity=\"0.75\"/>",
		    x - r * 0.886, y - r * 0.886, r * 1.772, r * 1.772, fill);
		break;
	case 2:		/* triangle */
		html_rawf(o, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" "
		    "fill=\"%s\" fill-opacity=\"0.75\"/>", x, y - r * 1.2,
		    x - r * 1.1, y + r * 0.8, x + r * 1.1, y + r * 0.8, fill);
		break;
	case 3:		/* diamond */
		html_rawf(o, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f "
		    "%.1f,%.1f\" fill=\"%s\" fill-opacity=\"0.75\"/>", x,
		    y - r * 1.25, x + r * 1.25, y, x, y + r * 1.25, x - r * 1.25,
		    y, fill);
		break;
	case 4:		/* ring */
		html_rawf(o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" "
		    "fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", x, y,
		    r, fill);
		break;
	default:	/* disc; small and grey for those who steer nothing */
		html_rawf(o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" "
		    "fill=\"%s\" fill-opacity=\"%s\"/>", x, y, r, fill,
		    s < 0 ? "0.5" : "0.75");
	}
}

void
svg_scatter(struct html_out *o, const char *id, const char *title,
    const char *desc, int cells, const struct svg_point *pts, size_t n,
    const char *const *names, size_t nseries, const char *others)
{
	unsigned	max = 1;
	double		step = (double)SCATTER_W / cells, r, x;
	size_t		i;
	int		h = SCATTER_W + SCATTER_LEGEND * (int)((nseries + 2) / 3);

	for (i = 0; i < n; i++)
		if (pts[i].count > max)
			max = pts[i].count;
	html_rawf(o, "<svg class=\"chart scatter\" xmlns=\"http://www.w3.org/"
	    "2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
	    "aria-labelledby=\"", SCATTER_W, h + 8);
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
	html_rawf(o, "</desc>\n<rect x=\"0.5\" y=\"0.5\" width=\"%d\" "
	    "height=\"%d\" fill=\"#ffffff\" stroke=\"#555555\"/>\n",
	    SCATTER_W - 1, SCATTER_W - 1);
	for (i = 0; i < n; i++) {
		/* Area proportional to the people in the cell. */
		r = 1.5 + (step * 0.9 - 1.5) * sqrt((double)pts[i].count /
		    max);
		mark(o, pts[i].series >= (int)nseries ? -1 : pts[i].series,
		    (pts[i].cx + 0.5) * step, SCATTER_W - (pts[i].cy + 0.5) *
		    step, pts[i].series < 0 ? fmin(r, 2.5) : r);
		html_raw(o, "\n");
	}
	for (i = 0; i <= nseries; i++) {
		if (i == nseries && others == NULL)
			break;
		x = 12 + (double)(i % 3) * SCATTER_W / 3;
		mark(o, i == nseries ? -1 : (int)i, x, SCATTER_W + 18 +
		    SCATTER_LEGEND * (double)(i / 3), 6);
		html_rawf(o, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"14\" "
		    "fill=\"#1b1b1b\">", x + 12, SCATTER_W + 23 +
		    SCATTER_LEGEND * (double)(i / 3));
		html_text(o, i == nseries ? others : names[i]);
		html_raw(o, "</text>\n");
	}
	html_raw(o, "</svg>\n");
}
