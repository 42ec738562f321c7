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

#include "../../app/core/account_rules.h"
#include "../../app/core/roles.h"

static void
email_accepts_ordinary_addresses(void **state)
{
	assert_null(account_email_check("camille.martin@exemple.fr"));
	assert_null(account_email_check("a+tag@sous.domaine.example.org"));
	/* ASCII only: relays without SMTPUTF8 would refuse these. */
	assert_non_null(account_email_check("x@élysée.fr"));
	assert_non_null(account_email_check("zoé@exemple.fr"));
	assert_null(account_email_check("o'neil@example.co"));
}

static void
email_rejects_bad_shapes(void **state)
{
	char	 longest[300];

	assert_non_null(account_email_check(NULL));
	assert_non_null(account_email_check(""));
	assert_non_null(account_email_check("camille"));
	assert_non_null(account_email_check("camille@"));
	assert_non_null(account_email_check("@exemple.fr"));
	assert_non_null(account_email_check("a@b@exemple.fr"));
	assert_non_null(account_email_check("a b@exemple.fr"));
	assert_non_null(account_email_check("a@exemple"));
	assert_non_null(account_email_check("a@exemple.f"));
	assert_non_null(account_email_check("a@exemple.123"));
	assert_non_null(account_email_check(".a@exemple.fr"));
	assert_non_null(account_email_check("a..b@exemple.fr"));
	assert_non_null(account_email_check("a@-exemple.fr"));
	assert_non_null(account_email_check("a@exemple-.fr"));
	assert_non_null(account_email_check("a@exemple..fr"));
	assert_non_null(account_email_check("a<script>@exemple.fr"));
	assert_non_null(account_email_check("a@exe\nmple.fr"));
	assert_non_null(account_email_check("a@\xff\xfe.fr"));
	memset(longest, 'a', sizeof(longest));
	strcpy(longest + 280, "@exemple.fr");
	assert_non_null(account_email_check(longest));
	assert_non_null(strstr(account_email_check("nope"), "adresse"));
}

static void
name_rules(void **state)
{
	assert_null(account_name_check("Camille M."));
	assert_null(account_name_check("Zoé"));
	assert_non_null(account_name_check(""));
	assert_non_null(account_name_check("   "));
	assert_non_null(account_name_check("Z"));
	assert_non_null(account_name_check("a\tb"));
	assert_non_null(account_name_check("\xc3\x28x"));
	assert_non_null(account_name_check(
	    "0123456789012345678901234567890123456789012345678901234567890"));
	assert_non_null(account_name_check("Participant·e n°12"));
}

static void
password_length(void **state)
{
	assert_null(account_password_message("une phrase longue", NULL, NULL));
	assert_non_null(strstr(account_password_message("court", NULL, NULL),
	    "12 caractères"));
	/* 11 characters, 13 bytes: characters count, not bytes. */
	assert_non_null(account_password_message("ééabcdefghi", NULL, NULL));
	assert_null(account_password_message("ééabcdefghij", NULL, NULL));
	assert_non_null(account_password_message("", NULL, NULL));
	assert_non_null(account_password_message("\xff\xfe\xfd\xfc\xfb\xfa"
	    "\xf9\xf8\xf7\xf6\xf5\xf4\xf3", NULL, NULL));
}

static void
password_too_long(void **state)
{
	char	pw[300];

	memset(pw, 'k', 257);
	pw[257] = '\0';
	assert_non_null(account_password_message(pw, NULL, NULL));
	pw[256] = '\0';
	assert_null(account_password_message(pw, NULL, NULL));
}

static void
password_must_not_contain_name_or_email(void **state)
{
	const char	*name = "Camille Martin", *mail = "cmartin.tours@exemple.fr";

	assert_null(account_password_message("chevaux de Loire 1", name, mail));
	assert_non_null(strstr(account_password_message("xx Camille Martin x",
	    name, mail), "nom"));
	assert_non_null(account_password_message("monmotCAMILLE2026", name, mail));
	assert_non_null(account_password_message("martin-martin-martin", name,
	    mail));
	assert_non_null(strstr(account_password_message("zz cmartin.tours zz",
	    "Zoé Bo", mail), "adresse"));
	assert_non_null(account_password_message("TOURS tours tours", name, mail));
	/* Short words of a name are not held against the password. */
	assert_null(account_password_message("le bel été de Loire",
	    "Lé Bo", "lb@exemple.fr"));
}

static void
roles_names_and_masks(void **state)
{
	char	buf[128];

	assert_int_equal(role_bit("admin"), ROLE_ADMIN);
	assert_int_equal(role_bit("citizen"), ROLE_CITIZEN);
	assert_int_equal(role_bit("root"), 0);
	assert_string_equal(role_name(ROLE_MODERATOR), "moderator");
	assert_null(role_name(0x40));
	assert_string_equal(role_label_fr(ROLE_OFFICIAL), "élu·e");
	assert_int_equal(roles_parse("citizen,admin"), ROLE_CITIZEN | ROLE_ADMIN);
	assert_int_equal(roles_parse("citizenx,,admi"), 0);
	assert_int_equal(roles_parse(""), 0);
	assert_string_equal(allow_format(ALLOW_ALL, buf, sizeof(buf)),
	    "anon,user,verified");
	assert_string_equal(allow_format(ROLE_MODERATOR | ROLE_ADMIN, buf,
	    sizeof(buf)), "moderator,admin");
	assert_string_equal(allow_format(ALLOW_VERIFIED | ROLE_CITIZEN, buf,
	    sizeof(buf)), "verified,citizen");
	assert_string_equal(allow_format(ALLOW_ALL, buf, 6), "anon,");
	assert_int_equal(role_at(0), ROLE_CITIZEN);
	assert_int_equal(role_at(4), ROLE_ADMIN);
	assert_int_equal(role_at(5), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(email_accepts_ordinary_addresses),
		cmocka_unit_test(email_rejects_bad_shapes),
		cmocka_unit_test(name_rules),
		cmocka_unit_test(password_length),
		cmocka_unit_test(password_too_long),
		cmocka_unit_test(password_must_not_contain_name_or_email),
		cmocka_unit_test(roles_names_and_masks),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
