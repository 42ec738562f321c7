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

static size_t
occurrences(const char *s, const char *needle)
{
	size_t	n = 0;

	for (; (s = strstr(s, needle)) != NULL; s++)
		n++;
	return (n);
}

static void
svg_scatter_shapes_each_group_and_escapes(void **state)
{
	struct sbuf		b = { .len = 0 };
	struct html_out		o = { sbuf_write, &b };
	struct svg_point	pts[] = {
		{ 0, 0, 0, 4 },		/* group 1: discs */
		{ 39, 39, 1, 1 },	/* group 2: squares */
		{ 20, 10, 2, 2 },	/* group 3: triangles */
		{ 5, 5, -1, 3 },	/* too few votes: grey */
	};
	const char *const	names[] = { "Groupe <1>", "Groupe 2", "Groupe 3" };

	svg_scatter(&o, "c-op", "Carte", "Trois groupes", 40, pts, 4, names,
	    3, "Moins de 7 votes");
	assert_non_null(strstr(b.data, "role=\"img\""));
	assert_non_null(strstr(b.data, "aria-labelledby=\"c-op-t c-op-d\""));
	assert_non_null(strstr(b.data, "<desc id=\"c-op-d\">Trois groupes"));
	assert_non_null(strstr(b.data, "Groupe &lt;1&gt;"));
	assert_null(strstr(b.data, "Groupe <1>"));
	assert_null(strstr(b.data, "style="));
	/* A mark per point and per legend entry, each group its own shape. */
	assert_int_equal(occurrences(b.data, "<rect x="), 1 + 1 + 1);
	assert_int_equal(occurrences(b.data, "<polygon"), 1 + 1);
	assert_int_equal(occurrences(b.data, "#9e9e9e"), 2);
	/* The largest count fills most of its cell; y grows upwards. */
	assert_non_null(strstr(b.data, "<circle cx=\"6.0\" cy=\"474.0\" "
	    "r=\"10.8\""));
	assert_non_null(strstr(b.data, "Moins de 7 votes"));
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
opendata_copy_row_gets_pseudonym_and_crlf(void **state)
{
	struct sbuf			 b = { .len = 0 };
	struct csv_out			 o = { sbuf_write, &b };
	struct opendata_pseudonyms	 ps;
	char				 pseudo[13], want[128];
	const char			*row =
	    "7,x,\"a,\n\"\"b\",'@import,12,pour,papier,5,2026-12-01,42\n";

	assert_int_equal(opendata_pseudonyms_init(&ps,
	    (const unsigned char *)"key", 3, 1), 0);
	opendata_pseudonym((const unsigned char *)"key", 3, "42", pseudo);
	assert_int_equal(opendata_csv_copy_row(&o, row, strlen(row), &ps), 0);
	/* The author's pseudonym goes back before the columns after it. */
	snprintf(want, sizeof(want), "7,x,\"a,\n\"\"b\",'@import,%s,12,pour,"
	    "papier,5,2026-12-01\r\n", pseudo);
	assert_string_equal(b.data, want);
	/* The same author again comes from the cache, still right. */
	b.len = 0;
	assert_int_equal(opendata_csv_copy_row(&o, row, strlen(row), &ps), 0);
	assert_string_equal(b.data, want);
	/* No author: the cell stays empty. */
	b.len = 0;
	assert_int_equal(opendata_csv_copy_row(&o, "8,y,,,,,,\n", 10, &ps), 0);
	assert_string_equal(b.data, "8,y,,,,,,\r\n");
	b.len = 0;
	assert_int_equal(opendata_csv_copy_row(&o, "8,y,,contre,web,,,\n", 19,
	    &ps), 0);
	assert_string_equal(b.data, "8,y,,,contre,web,,\r\n");
	/* Rows of another shape are refused, never published half-done. */
	assert_int_equal(opendata_csv_copy_row(&o, "8,y,1,,42", 9, &ps), -1);
	assert_int_equal(opendata_csv_copy_row(&o, "8,y,1,,4a\n", 10, &ps),
	    -1);
	assert_int_equal(opendata_csv_copy_row(&o, "42\n", 3, &ps), -1);
	assert_int_equal(opendata_csv_copy_row(&o, "8,y,42\n", 7, &ps), -1);
	assert_int_equal(opendata_csv_copy_row(&o, "8,\"y,1\",42\n", 11,
	    &ps), -1);
	opendata_pseudonyms_free(&ps);
}

static void
opendata_pseudonym_cache_keeps_colliding_ids_apart(void **state)
{
	struct opendata_pseudonyms	 ps;
	char				 a[13], b[13], id[24];

	assert_int_equal(opendata_pseudonyms_init(&ps,
	    (const unsigned char *)"key", 3, 1), 0);
	/* 5 and 5 + slots share a slot. */
	snprintf(id, sizeof(id), "%d", 5 + OD_PSEUDONYM_SLOTS);
	opendata_pseudonym((const unsigned char *)"key", 3, "5", a);
	opendata_pseudonym((const unsigned char *)"key", 3, id, b);
	assert_string_equal(opendata_pseudonym_of(&ps, "5", 1), a);
	assert_string_equal(opendata_pseudonym_of(&ps, id, strlen(id)), b);
	assert_string_equal(opendata_pseudonym_of(&ps, "5", 1), a);
	assert_null(opendata_pseudonym_of(&ps, "", 0));
	/* "05" would share 5's slot with another text: refused. */
	assert_null(opendata_pseudonym_of(&ps, "05", 2));
	assert_null(opendata_pseudonym_of(&ps, "-5", 2));
	assert_null(opendata_pseudonym_of(&ps, "18446744073709551621", 20));
	opendata_pseudonyms_free(&ps);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(svg_chart_is_accessible_and_escaped),
		cmocka_unit_test(svg_chart_all_zero),
		cmocka_unit_test(svg_scatter_shapes_each_group_and_escapes),
		cmocka_unit_test(opendata_pseudonym_is_hmac_prefix),
		cmocka_unit_test(opendata_copy_row_gets_pseudonym_and_crlf),
		cmocka_unit_test(opendata_pseudonym_cache_keeps_colliding_ids_apart),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
