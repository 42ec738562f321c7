/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Unit tests of app/core/linediff.c. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../app/core/linediff.h"

/* The diff as "=a-b+c" (one sign and one line per operation). */
static void
diff_text(const char *old, const char *new, char *out, size_t outsz)
{
	static const char	 sign[] = { '=', '-', '+' };
	struct linediff_op	*ops;
	size_t			 n, i, at = 0;

	assert_int_equal(linediff(old, new, &ops, &n), 0);
	for (i = 0; i < n; i++)
		at += snprintf(out + at, outsz - at, "%c%.*s", sign[ops[i].kind],
		    (int)ops[i].len, ops[i].line);
	free(ops);
}

static void
linediff_same_texts_keep_every_line(void **state)
{
	char	out[256];

	(void)state;
	diff_text("a\nb\nc\n", "a\nb\nc\n", out, sizeof(out));
	assert_string_equal(out, "=a=b=c");
}

static void
linediff_says_removed_then_added(void **state)
{
	char	out[256];

	(void)state;
	diff_text("titre\nun\ndeux\nfin", "titre\nun\ntrois\nfin\nplus", out,
	    sizeof(out));
	assert_string_equal(out, "=titre=un-deux+trois=fin+plus");
	diff_text("", "nouveau\r\n", out, sizeof(out));
	assert_string_equal(out, "+nouveau");
	diff_text("ancien", "", out, sizeof(out));
	assert_string_equal(out, "-ancien");
}

static void
linediff_too_many_lines_bad(void **state)
{
	struct linediff_op	*ops;
	size_t			 n;
	char			*big;
	int			 i;

	(void)state;
	big = malloc(2 * (LINEDIFF_MAX_LINES + 1) + 1);
	assert_non_null(big);
	for (i = 0; i <= LINEDIFF_MAX_LINES; i++)
		memcpy(big + 2 * i, "x\n", 2);
	big[2 * (LINEDIFF_MAX_LINES + 1)] = '\0';
	assert_int_equal(linediff(big, "x", &ops, &n), -1);
	assert_null(ops);
	free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(linediff_same_texts_keep_every_line),
		cmocka_unit_test(linediff_says_removed_then_added),
		cmocka_unit_test(linediff_too_many_lines_bad),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
