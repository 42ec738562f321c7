/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Unit tests of app/core/json_pretty.c (the personal-data download). */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../app/core/json_pretty.h"

struct sbuf {
	char	data[4096];
	size_t	len;
};

static void
put(void *arg, const char *s, size_t n)
{
	struct sbuf	*b = arg;

	assert_true(b->len + n < sizeof(b->data));
	memcpy(b->data + b->len, s, n);
	b->data[b->len += n] = '\0';
}

static const char *
pretty(struct sbuf *b, const char *in)
{
	b->len = 0;
	b->data[0] = '\0';
	json_pretty(in, put, b);
	return (b->data);
}

static void
json_pretty_indents_and_keeps_order(void **state)
{
	struct sbuf	b;

	(void)state;
	assert_string_equal(pretty(&b, "{\"zéro\" : 1, \"a\": [true, null], "
	    "\"vide\": [], \"o\": {}}"),
	    "{\n  \"zéro\": 1,\n  \"a\": [\n    true,\n    null\n  ],\n"
	    "  \"vide\": [],\n  \"o\": {}\n}\n");
}

static void
json_pretty_copies_strings_as_they_are(void **state)
{
	struct sbuf	b;

	(void)state;
	assert_string_equal(pretty(&b, "[\"a, b: {c} [d]\", \"\\\"x\\\\\", "
	    "\"é à\"]"),
	    "[\n  \"a, b: {c} [d]\",\n  \"\\\"x\\\\\",\n  \"é à\"\n]\n");
	/* Not well-formed: nothing read past the end. */
	assert_string_equal(pretty(&b, "[\"abc"), "[\n  \"abc\n");
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(json_pretty_indents_and_keeps_order),
		cmocka_unit_test(json_pretty_copies_strings_as_they_are),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
