/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* The pivot identity's canonical form and hash (app/core/identity.c). */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../../app/core/identity.h"

static const unsigned char	key[] = "0123456789abcdef0123456789abcdef";
/* python3: hmac.new(key, b"identity-pivot:v1", hashlib.sha256).hexdigest() */
#define DERIVED_KEY_HEX							\
    "b13d29fe60851c65fe0a016a6ecadd2080ec95c6e4ba3c32f825dc8597c5605e"

static struct identity_pivot
camille(void)
{
	struct identity_pivot	p = { "Camille Hélène", "LEFÈVRE-DUVAL",
				    "1984-05-17", "45234", "99100", "female" };

	return (p);
}

static void
canonical_form(void **state)
{
	struct identity_pivot	p = camille();
	char			out[IDENTITY_NORM_MAX];

	assert_int_equal(identity_pivot_normalise(&p, out), IDENTITY_OK);
	assert_string_equal(out,
	    "v1|LEFEVRE DUVAL|CAMILLE HELENE|1984-05-17|45234|99100|F");
}

static void
same_person_typed_differently(void **state)
{
	struct identity_pivot	a = camille(), b = camille();
	char			ha[IDENTITY_HASH_LEN + 1], hb[sizeof(ha)];

	/* What a mediator may type from the identity card. */
	b.given_names = "  camille   HELENE ";
	b.family_name = "Lefevre Duval";
	assert_int_equal(identity_pivot_hash(key, 32, &a, ha), IDENTITY_OK);
	assert_int_equal(identity_pivot_hash(key, 32, &b, hb), IDENTITY_OK);
	assert_string_equal(ha, hb);
	/* Decomposed accents (NFD), a typographic apostrophe and hyphen. */
	b.family_name = "Lefe\xcc\x80vre\xe2\x80\x91" "Duval";
	assert_int_equal(identity_pivot_hash(key, 32, &b, hb), IDENTITY_OK);
	assert_string_equal(ha, hb);
	assert_int_equal(strlen(ha), IDENTITY_HASH_LEN);
}

static void
ligatures_and_other_letters(void **state)
{
	struct identity_pivot	p = camille();
	char			out[IDENTITY_NORM_MAX];

	p.family_name = "d’Œillet-Straße";
	p.given_names = "Zoë Łucja";
	assert_int_equal(identity_pivot_normalise(&p, out), IDENTITY_OK);
	assert_string_equal(out,
	    "v1|D OEILLET STRASSE|ZOE LUCJA|1984-05-17|45234|99100|F");
}

static void
different_people_differ(void **state)
{
	struct identity_pivot	a = camille(), b;
	char			ha[IDENTITY_HASH_LEN + 1], hb[sizeof(ha)];

	identity_pivot_hash(key, 32, &a, ha);
	b = a, b.given_names = "Camille";	/* every given name counts */
	identity_pivot_hash(key, 32, &b, hb);
	assert_string_not_equal(ha, hb);
	b = a, b.given_names = "Hélène Camille";	/* and their order */
	identity_pivot_hash(key, 32, &b, hb);
	assert_string_not_equal(ha, hb);
	b = a, b.birthdate = "1984-05-18";
	identity_pivot_hash(key, 32, &b, hb);
	assert_string_not_equal(ha, hb);
	b = a, b.birthplace = "45235";
	identity_pivot_hash(key, 32, &b, hb);
	assert_string_not_equal(ha, hb);
	b = a, b.gender = "male";
	identity_pivot_hash(key, 32, &b, hb);
	assert_string_not_equal(ha, hb);
	/* Another key, another hash. */
	identity_pivot_hash((const unsigned char *)"another key", 11, &a, hb);
	assert_string_not_equal(ha, hb);
}

static void
born_abroad(void **state)
{
	struct identity_pivot	p = { "José Luis", "IBÁÑEZ GARCÍA", "1979-11-02",
				    "", "99134", "male" };
	char			out[IDENTITY_NORM_MAX];

	assert_int_equal(identity_pivot_normalise(&p, out), IDENTITY_OK);
	assert_string_equal(out,
	    "v1|IBANEZ GARCIA|JOSE LUIS|1979-11-02||99134|M");
	p.birthplace = NULL;
	assert_int_equal(identity_pivot_normalise(&p, out), IDENTITY_OK);
}

static void
corsica_and_partial_dates(void **state)
{
	struct identity_pivot	p = camille();
	char			out[IDENTITY_NORM_MAX];

	p.birthplace = "2a004";
	p.birthdate = "1950-00-00";
	assert_int_equal(identity_pivot_normalise(&p, out), IDENTITY_OK);
	assert_non_null(strstr(out, "|1950-00-00|2A004|"));
}

static void
refusals_name_their_field(void **state)
{
	struct identity_pivot	p;
	char			out[IDENTITY_NORM_MAX];
	static const struct {
		int		 field;	/* 0 given .. 5 gender */
		const char	*value;
		enum identity_err want;
	} bad[] = {
		{ 0, "", IDENTITY_ERR_GIVEN_NAMES },
		{ 0, " - ' ", IDENTITY_ERR_GIVEN_NAMES },
		{ 0, NULL, IDENTITY_ERR_GIVEN_NAMES },
		{ 1, "", IDENTITY_ERR_FAMILY_NAME },
		{ 1, "Dupont\x01", IDENTITY_ERR_FAMILY_NAME },
		{ 1, "Dup\xc3", IDENTITY_ERR_FAMILY_NAME },	/* bad UTF-8 */
		{ 2, "17/05/1984", IDENTITY_ERR_BIRTHDATE },
		{ 2, "1984-02-30", IDENTITY_ERR_BIRTHDATE },
		{ 2, "1983-02-29", IDENTITY_ERR_BIRTHDATE },
		{ 2, "1984-13-01", IDENTITY_ERR_BIRTHDATE },
		{ 2, "1700-01-01", IDENTITY_ERR_BIRTHDATE },
		{ 3, "4523", IDENTITY_ERR_BIRTHPLACE },
		{ 3, "Orléans", IDENTITY_ERR_BIRTHPLACE },
		{ 3, "", IDENTITY_ERR_BIRTHPLACE },	/* born in France */
		{ 4, "France", IDENTITY_ERR_BIRTHCOUNTRY },
		{ 4, "12345", IDENTITY_ERR_BIRTHCOUNTRY },
		{ 5, "F", IDENTITY_ERR_GENDER },
		{ 5, NULL, IDENTITY_ERR_GENDER },
	};
	size_t			i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		p = camille();
		switch (bad[i].field) {
		case 0: p.given_names = bad[i].value; break;
		case 1: p.family_name = bad[i].value; break;
		case 2: p.birthdate = bad[i].value; break;
		case 3: p.birthplace = bad[i].value; break;
		case 4: p.birthcountry = bad[i].value; break;
		default: p.gender = bad[i].value; break;
		}
		assert_int_equal(identity_pivot_normalise(&p, out), bad[i].want);
		assert_true(strlen(identity_err_message(bad[i].want)) > 20);
		assert_true(strlen(identity_err_field(bad[i].want)) > 2);
	}
	p = camille();
	p.birthdate = "2000-02-29";
	assert_int_equal(identity_pivot_normalise(&p, out), IDENTITY_OK);
}

/*
 * The register's key: HMAC-SHA256(secret, "identity-pivot:v1"), the
 * value computed independently (python3 hmac), and a hash under it that
 * differs from one under the raw secret.
 */
static void
derived_key_is_fixed_and_its_own(void **state)
{
	struct identity_pivot	p = camille();
	unsigned char		k[IDENTITY_KEY_LEN];
	char			hex[2 * IDENTITY_KEY_LEN + 1];
	char			a[IDENTITY_HASH_LEN + 1], b[IDENTITY_HASH_LEN + 1];
	size_t			i;

	identity_key(key, sizeof(key) - 1, k);
	for (i = 0; i < sizeof(k); i++)
		snprintf(hex + 2 * i, 3, "%02x", k[i]);
	assert_string_equal(hex, DERIVED_KEY_HEX);
	assert_int_equal(identity_pivot_hash(k, sizeof(k), &p, a), IDENTITY_OK);
	assert_int_equal(identity_pivot_hash(key, sizeof(key) - 1, &p, b),
	    IDENTITY_OK);
	assert_string_not_equal(a, b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(canonical_form),
		cmocka_unit_test(same_person_typed_differently),
		cmocka_unit_test(ligatures_and_other_letters),
		cmocka_unit_test(different_people_differ),
		cmocka_unit_test(born_abroad),
		cmocka_unit_test(corsica_and_partial_dates),
		cmocka_unit_test(refusals_name_their_field),
		cmocka_unit_test(derived_key_is_fixed_and_its_own),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
