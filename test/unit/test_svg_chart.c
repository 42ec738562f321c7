/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Unit tests of app/core/svg_chart.c and app/core/opendata.c. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../app/core/opendata.h"
#include "../../app/core/svg_chart.h"

struct sbuf {
	char	data[8192];
	size_t	len;
};

static void
sbuf_write(void *arg, const void *p, size_t len)
{
	struct sbuf	*b = arg;

	assert_true(b->len + len < sizeof(b->data));
	memcpy(b->data + b->len, p, len);
	b->len += len;
	b->data[b->len] = '\0';
}

static void
svg_chart_is_accessible_and_escaped(void **state)
{
	struct sbuf	b = { .len = 0 };
	struct html_out	o = { sbuf_write, &b };
	struct svg_bar	bars[] = {
		{ "Cher <18>", 10, "10" },
		{ "Loiret", 20, "20" },
		{ "Indre", 0, "0" },
	};

	svg_bar_chart(&o, "dep", "Par département", "Indre 0, Loiret 20",
	    bars, 3);
	assert_non_null(strstr(b.data, "role=\"img\""));
	assert_non_null(strstr(b.data, "aria-labelledby=\"dep-t dep-d\""));
	assert_non_null(strstr(b.data, "<title id=\"dep-t\">Par département"
	    "</title>"));
	assert_non_null(strstr(b.data, "<desc id=\"dep-d\">"));
	assert_non_null(strstr(b.data, "Cher &lt;18&gt;"));
	assert_null(strstr(b.data, "style="));
	/* The largest value takes the whole width, zero takes none. */
	assert_non_null(strstr(b.data, "width=\"380.0\""));
	assert_non_null(strstr(b.data, "width=\"190.0\""));
	assert_non_null(strstr(b.data, "width=\"0.0\""));
}

static void
svg_chart_all_zero(void **state)
{
	struct sbuf	b = { .len = 0 };
	struct html_out	o = { sbuf_write, &b };
	struct svg_bar	bars[] = { { "a", 0, "0" } };

	svg_bar_chart(&o, "z", "t", "d", bars, 1);
	assert_non_null(strstr(b.data, "width=\"0.0\""));
}

static void
opendata_pseudonym_is_hmac_prefix(void **state)
{
	char	out[13];

	/* HMAC-SHA256("key", "author:42"), first 6 bytes (Python hmac). */
	opendata_pseudonym((const unsigned char *)"key", 3, "42", out);
	assert_int_equal(strlen(out), 12);
	assert_string_equal(out, "974a2bf5f65b");
}

static void
opendata_csv_row_guards_and_pseudonymises(void **state)
{
	struct sbuf	 b = { .len = 0 };
	struct csv_out	 o = { sbuf_write, &b };
	const char	*v[OD__MAX] = { 0 };
	char		 pseudo[13], want[64];

	v[OD_ID] = "7";
	v[OD_TITLE] = "@import";
	v[OD_AUTHOR_ID] = "42";
	opendata_csv_row(&o, v, (const unsigned char *)"key", 3);
	opendata_pseudonym((const unsigned char *)"key", 3, "42", pseudo);
	assert_non_null(strstr(b.data, ",'@import,"));
	snprintf(want, sizeof(want), ",%s\r\n", pseudo);
	assert_non_null(strstr(b.data, want));
	assert_null(strstr(b.data, ",42"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(svg_chart_is_accessible_and_escaped),
		cmocka_unit_test(svg_chart_all_zero),
		cmocka_unit_test(opendata_pseudonym_is_hmac_prefix),
		cmocka_unit_test(opendata_csv_row_guards_and_pseudonymises),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
