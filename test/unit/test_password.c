/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../app/core/password.h"

static void
password_roundtrip(void **state)
{
	char	h[PASSWORD_HASH_MAX];

	assert_int_equal(password_hash("correct horse battery", 10, h), 0);
	assert_non_null(strstr(h, "$scrypt$ln=10,r=8,p=1$"));
	assert_true(password_verify("correct horse battery", h));
	assert_false(password_verify("correct horse batterY", h));
	assert_false(password_verify("", h));
}

static void
password_salts_differ(void **state)
{
	char	a[PASSWORD_HASH_MAX], b[PASSWORD_HASH_MAX];

	assert_int_equal(password_hash("même mot de passe", 10, a), 0);
	assert_int_equal(password_hash("même mot de passe", 10, b), 0);
	assert_string_not_equal(a, b);
}

static void
password_rejects_malformed_hashes(void **state)
{
	assert_false(password_verify("x", NULL));
	assert_false(password_verify("x", ""));
	assert_false(password_verify("x", "$scrypt$ln=99,r=8,p=1$AAAA$AAAA"));
	assert_false(password_verify("x", "$2y$10$abcdefghijklmnopqrstuv"));
	assert_false(password_verify("x", "$scrypt$ln=10,r=8,p=1$$"));
}

static void
password_rehash_when_cost_changes(void **state)
{
	char	h[PASSWORD_HASH_MAX];

	assert_int_equal(password_hash("un mot de passe", 10, h), 0);
	assert_false(password_needs_rehash(h, 10));
	assert_true(password_needs_rehash(h, 11));
	assert_true(password_needs_rehash("garbage", 10));
	assert_int_equal(password_hash("x", 9, h), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(password_roundtrip),
		cmocka_unit_test(password_salts_differ),
		cmocka_unit_test(password_rejects_malformed_hashes),
		cmocka_unit_test(password_rehash_when_cost_changes),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
