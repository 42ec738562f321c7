/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* The paper sheets' references (app/core/sheet.c). */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../../app/core/sheet.h"

static const char	alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

static void
fresh_codes_read_back(void **state)
{
	char	code[SHEET_CODE_LEN + 1], back[SHEET_CODE_LEN + 1];
	int	i;

	for (i = 0; i < 200; i++) {
		assert_int_equal(sheet_code_new(code), 0);
		assert_int_equal(strlen(code), SHEET_CODE_LEN);
		assert_int_equal(strspn(code, alphabet), SHEET_CODE_LEN);
		assert_int_equal(sheet_code_read(code, back), SHEET_OK);
		assert_string_equal(code, back);
	}
}

static void
reading_is_lenient(void **state)
{
	char	code[SHEET_CODE_LEN + 1], typed[32], back[SHEET_CODE_LEN + 1];
	char	shown[SHEET_SHOWN_LEN + 1];

	/* A code whose payload holds 0 and 1, typed as O and l. */
	unsigned char	v[7] = { 0, 1, 10, 11, 12, 13, 14 };
	snprintf(code, sizeof(code), "01ABCDE%c", alphabet[sheet_check(v, 7)]);
	assert_int_equal(sheet_code_read(code, back), SHEET_OK);
	sheet_code_show(code, shown);
	assert_int_equal(strlen(shown), 9);
	assert_int_equal(shown[4], '-');
	snprintf(typed, sizeof(typed), " ol%c%c-%c%c%c%c ", 'a', 'b', 'c', 'd',
	    'e', code[7] >= 'A' ? code[7] - 'A' + 'a' : code[7]);
	assert_int_equal(sheet_code_read(typed, back), SHEET_OK);
	assert_string_equal(back, code);
}

static void
every_single_typo_and_swap_is_caught(void **state)
{
	char		code[SHEET_CODE_LEN + 1], bad[SHEET_CODE_LEN + 1];
	char		back[SHEET_CODE_LEN + 1], t;
	size_t		i, j;

	assert_int_equal(sheet_code_new(code), 0);
	for (i = 0; i < SHEET_CODE_LEN; i++)
		for (j = 0; j < 32; j++) {
			if (alphabet[j] == code[i])
				continue;
			memcpy(bad, code, sizeof(bad));
			bad[i] = alphabet[j];
			assert_int_equal(sheet_code_read(bad, back), SHEET_CHECK);
		}
	for (i = 0; i + 1 < SHEET_CODE_LEN; i++) {
		if (code[i] == code[i + 1])
			continue;
		memcpy(bad, code, sizeof(bad));
		t = bad[i];
		bad[i] = bad[i + 1];
		bad[i + 1] = t;
		assert_int_equal(sheet_code_read(bad, back), SHEET_CHECK);
	}
}

static void
wrong_shapes_bad(void **state)
{
	char	back[SHEET_CODE_LEN + 1];

	assert_int_equal(sheet_code_read("", back), SHEET_EMPTY);
	assert_int_equal(sheet_code_read(" - ", back), SHEET_EMPTY);
	assert_int_equal(sheet_code_read("ABC", back), SHEET_SHAPE);
	assert_int_equal(sheet_code_read("ABCDEFGHJ", back), SHEET_SHAPE);
	assert_int_equal(sheet_code_read("ABCD-EFGU", back), SHEET_SHAPE);
	assert_int_equal(sheet_code_read("ABCD_EFGH", back), SHEET_SHAPE);
	assert_int_equal(sheet_code_read("ABCD\xc3\xa9" "FGH", back),
	    SHEET_SHAPE);
	assert_string_equal(back, "");
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(fresh_codes_read_back),
		cmocka_unit_test(reading_is_lenient),
		cmocka_unit_test(every_single_typo_and_swap_is_caught),
		cmocka_unit_test(wrong_shapes_bad),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
