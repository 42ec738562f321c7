/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../app/core/account.h"
#include "../../app/core/keyed_hash.h"
#include "../../app/core/mail.h"
#include "../../app/core/roles.h"
#include "../../app/core/unsubscribe.h"

#define CANONICAL_CASES	"test/data/email_canonical.tsv"

static void
email_valid_shapes(void **state)
{
	assert_true(account_email_valid("camille@example.org"));
	assert_true(account_email_valid("prenom.nom+tag@sous.domaine.fr"));
	assert_true(account_email_valid("A_B-c@x-y.EU"));
}

static void
email_invalid_shapes(void **state)
{
	char	long_addr[300];

	assert_false(account_email_valid(""));
	assert_false(account_email_valid("sans-arobase"));
	assert_false(account_email_valid("a@b"));
	assert_false(account_email_valid("@example.org"));
	assert_false(account_email_valid("a@@example.org"));
	assert_false(account_email_valid("a@exa mple.org"));
	assert_false(account_email_valid("a b@example.org"));
	assert_false(account_email_valid("a@-example.org"));
	assert_false(account_email_valid("a@example-.org"));
	assert_false(account_email_valid("a@example..org"));
	assert_false(account_email_valid(".a@example.org"));
	assert_false(account_email_valid("a.@example.org"));
	assert_false(account_email_valid("a..b@example.org"));
	assert_false(account_email_valid("<a>@example.org"));
	assert_false(account_email_valid("a\r\nBcc: x@example.org"));
	assert_false(account_email_valid("é@example.org"));
	assert_false(account_email_valid("a@exämple.org"));
	memset(long_addr, 'a', 65);
	strcpy(long_addr + 65, "@example.org");
	assert_false(account_email_valid(long_addr));	/* local part > 64 */
	memset(long_addr, 'b', sizeof(long_addr));
	long_addr[0] = 'a';
	long_addr[1] = '@';
	long_addr[64] = '.';
	long_addr[128] = '.';
	long_addr[192] = '.';
	strcpy(long_addr + 252, ".org");		/* 256 characters */
	assert_false(account_email_valid(long_addr));
}

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
	assert_non_null(account_name_check("Membre n°12"));
}

/* One sentence per refusal, the same for the web and the command line. */
static void
refusals_say_why_in_french(void **state)
{
	assert_string_equal(account_email_check("camille"), ACCOUNT_EMAIL_MSG);
	assert_string_equal(account_email_check(""),
	    "L'adresse électronique est obligatoire.");
	assert_string_equal(account_password_message(NULL, NULL, NULL),
	    "Choisissez un mot de passe.");
	assert_string_equal(account_password_message("court", NULL, NULL),
	    "Le mot de passe doit contenir au moins 12 caractères.");
	assert_string_equal(account_password_message("abcdefghijkl\t", NULL,
	    NULL), "Le mot de passe contient des caractères invalides "
	    "(encodage non UTF-8 ou caractères de contrôle).");
	assert_string_equal(account_password_message("zz Paulette zz zz",
	    "Paulette", NULL),
	    "Le mot de passe ne doit pas contenir votre nom d'affichage.");
	assert_string_equal(account_password_message("zz durand.tours zz",
	    NULL, "durand.tours@example.org"), "Le mot de passe ne doit pas "
	    "contenir votre adresse électronique (la partie avant « @ »).");
	assert_string_equal(account_name_check("Z"),
	    "Le nom affiché doit contenir au moins 2 caractères.");
	assert_string_equal(account_name_check(ACCOUNT_PSEUDONYM "4"),
	    "Ce nom est réservé aux comptes supprimés : choisissez-en un "
	    "autre.");
}


static void
password_rules(void **state)
{
	char	big[300];

	assert_int_equal(account_password_check("une phrase assez longue",
	    "Camille", "camille@example.org"), ACCOUNT_PW_OK);
	assert_int_equal(account_password_check("court", NULL, NULL),
	    ACCOUNT_PW_SHORT);
	/* 12 characters, 13 bytes: characters are counted, not bytes. */
	assert_int_equal(account_password_check("ééééééééééé", NULL, NULL),
	    ACCOUNT_PW_SHORT);
	assert_int_equal(account_password_check("éééééééééééé", NULL, NULL),
	    ACCOUNT_PW_OK);
	memset(big, 'x', 257);
	big[257] = '\0';
	assert_int_equal(account_password_check(big, NULL, NULL),
	    ACCOUNT_PW_LONG);
	big[256] = '\0';
	assert_int_equal(account_password_check(big, NULL, NULL),
	    ACCOUNT_PW_OK);
	assert_int_equal(account_password_check("abcdefghijkl\xff", NULL,
	    NULL), ACCOUNT_PW_ENCODING);
	assert_int_equal(account_password_check("abcdefghijkl\t", NULL,
	    NULL), ACCOUNT_PW_ENCODING);
}

static void
password_not_name_nor_email(void **state)
{
	assert_int_equal(account_password_check("mon nom est HÉLÈNE MARTIN",
	    "Hélène Martin", NULL), ACCOUNT_PW_NAME);
	assert_int_equal(account_password_check("zz PAULETTE.DURAND zz",
	    "Paulette", "paulette.durand@example.org"), ACCOUNT_PW_NAME);
	assert_int_equal(account_password_check("zz PAULETTE.DURAND zz",
	    "Autre Nom", "paulette.durand@example.org"), ACCOUNT_PW_EMAIL);
	/* Names under 3 characters are not searched for. */
	assert_int_equal(account_password_check("al et bob sont là",
	    "Al", "al@example.org"), ACCOUNT_PW_OK);
	assert_true(account_contains_folded("xxŒUVRExx", "œuvre"));
	assert_true(account_contains_folded("ÇA VA", "ça"));
	assert_false(account_contains_folded("abc", "abcd"));
	assert_false(account_contains_folded("abc", ""));
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
mail_subject_encoding(void **state)
{
	char	*s;

	s = mail_encode_header("Plain ASCII subject");
	assert_string_equal(s, "Plain ASCII subject");
	free(s);
	s = mail_encode_header("Confirmez votre adresse électronique – Agora");
	assert_non_null(strstr(s, "=?UTF-8?B?"));
	assert_non_null(strstr(s, "\r\n =?UTF-8?B?"));	/* folded */
	assert_null(strstr(s, "é"));
	free(s);
	/*
	 * "é" is two bytes: 39 bytes per word would cut the 20th in two, so
	 * the first word holds 19 of the 31, the second the other 12.
	 */
	s = mail_encode_header("ééééééééééééééééééééééééééééééé");
	assert_string_equal(s, "=?UTF-8?B?w6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6n"
	    "DqcOpw6nDqcOpw6k=?=\r\n =?UTF-8?B?w6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOp"
	    "?=");
	free(s);
}

static void
mail_message_shape(void **state)
{
	char	*m;

	m = mail_message("Agora <ne-pas-repondre@agora.invalid>",
	    "camille@example.org", "Essai", "Ligne 1\nLigne 2\r\nFin",
	    1795910400, "outbox-1.abc@agora.invalid");
	assert_non_null(m);
	assert_non_null(strstr(m, "From: Agora <ne-pas-repondre@agora.invalid>"
	    "\r\nTo: camille@example.org\r\nSubject: Essai\r\n"));
	assert_non_null(strstr(m, "Date: Sun, 29 Nov 2026 00:00:00 +0000\r\n"));
	assert_non_null(strstr(m, "Message-ID: <outbox-1.abc@agora.invalid>"));
	assert_non_null(strstr(m, "Content-Type: text/plain; charset=utf-8"));
	assert_non_null(strstr(m, "\r\n\r\nLigne 1\r\nLigne 2\r\nFin\r\n"));
	free(m);
	/* Header injection is refused. */
	assert_null(mail_message("a@b.c", "x@y.z\r\nBcc: v@w.x", "S", "B", 0,
	    "id@x"));
	assert_null(mail_message("a@b.c", "x@y.z", "S\nBcc: v@w.x", "B", 0,
	    "id@x"));
	m = mail_address("Agora <ne-pas-repondre@agora.invalid>");
	assert_string_equal(m, "ne-pas-repondre@agora.invalid");
	free(m);
	m = mail_address("nu@example.org");
	assert_string_equal(m, "nu@example.org");
	free(m);
}

/* RFC 8058: the two headers, and no way to inject a third. */
static void
mail_message_unsubscribe(void **state)
{
	char	*m;

	m = mail_message_unsub("a@b.c", "x@y.z", "S", "B", 0, "id@x",
	    "https://agora.test/desabonnement/7-reply-abc");
	assert_non_null(m);
	assert_non_null(strstr(m, "\r\nList-Unsubscribe: "
	    "<https://agora.test/desabonnement/7-reply-abc>\r\n"
	    "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
	free(m);
	m = mail_message("a@b.c", "x@y.z", "S", "B", 0, "id@x");
	assert_null(strstr(m, "List-Unsubscribe"));
	free(m);
	assert_null(mail_message_unsub("a@b.c", "x@y.z", "S", "B", 0, "id@x",
	    "https://a/\r\nBcc: v@w.x"));
	assert_null(mail_message_unsub("a@b.c", "x@y.z", "S", "B", 0, "id@x",
	    "https://a/>, <mailto:v@w.x"));
}

/* Tokens scoped to one person and one kind, checked in constant time. */
static void
unsubscribe_tokens(void **state)
{
	const unsigned char	 key[] = "0123456789abcdef0123456789abcdef";
	const unsigned char	 other[] = "fedcba9876543210fedcba9876543210";
	char			 tok[UNSUB_TOKEN_MAX], bad[UNSUB_TOKEN_MAX];
	char			 kind[UNSUB_KIND_MAX];
	long long		 uid = 0;
	char			*mac;

	assert_string_equal(unsub_kind_of("answer_follow"), "answer");
	assert_string_equal(unsub_kind_of("digest"), "digest");
	assert_null(unsub_kind_of("reset"));
	assert_null(unsub_kind_of("moderation"));
	assert_int_equal(unsub_token(key, 32, 42, "reply", tok, sizeof(tok)), 0);
	assert_int_equal(strncmp(tok, "42-reply-", 9), 0);
	assert_int_equal(strlen(tok), 9 + 43);
	assert_int_equal(unsub_parse(key, 32, tok, &uid, kind), 1);
	assert_int_equal(uid, 42);
	assert_string_equal(kind, "reply");
	assert_int_equal(unsub_parse(other, 32, tok, &uid, kind), 0);
	mac = strrchr(tok, '-') + 1;
	snprintf(bad, sizeof(bad), "43-reply-%s", mac);
	assert_int_equal(unsub_parse(key, 32, bad, &uid, kind), 0);
	snprintf(bad, sizeof(bad), "42-theme-%s", mac);
	assert_int_equal(unsub_parse(key, 32, bad, &uid, kind), 0);
	snprintf(bad, sizeof(bad), "42-verify-%s", mac);
	assert_int_equal(unsub_parse(key, 32, bad, &uid, kind), 0);
	assert_int_equal(unsub_token(key, 32, 42, "verify", tok, sizeof(tok)),
	    -1);
	assert_int_equal(unsub_parse(key, 32, "", &uid, kind), 0);
	assert_int_equal(unsub_parse(key, 32, "042-reply-x", &uid, kind), 0);
	assert_int_equal(unsub_parse(key, 32, "42-reply", &uid, kind), 0);
}

/* Every case of the file the SQL rule is checked against too. */
static void
email_canonical_cases(void **state)
{
	FILE	*f;
	char	 line[512], out[ACCOUNT_EMAIL_MAX + 1], *tab, *nl;
	int	 n = 0;

	f = fopen(CANONICAL_CASES, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f) != NULL) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if ((nl = strchr(line, '\n')) != NULL)
			*nl = '\0';
		tab = strchr(line, '\t');
		assert_non_null(tab);
		*tab++ = '\0';
		assert_int_equal(account_email_canonical(line, out, sizeof(out)),
		    0);
		assert_string_equal(out, tab);
		n++;
	}
	fclose(f);
	assert_true(n >= 10);
	/* Too small a buffer is refused, never cut. */
	assert_int_equal(account_email_canonical("camille@example.org", out, 8),
	    -1);
}

/* Vectors computed with Python's hmac module (the tests compute the same). */
static void
keyed_hashes(void **state)
{
	unsigned char	key[32];
	char		out[TOKEN_LEN + 1], other[TOKEN_LEN + 1];

	memset(key, 'k', sizeof(key));
	keyed_email(key, sizeof(key), "Camille+Agora@Example.org", out);
	assert_string_equal(out, "A9n2HfFECB7cPcBpYgt1kBxMePkmHSIXRL0JXcPlsZk");
	keyed_email(key, sizeof(key), "camille@example.org", other);
	assert_string_equal(out, other);
	keyed_rate(key, sizeof(key), "signin_account", "Camille+X@Example.ORG",
	    out);
	assert_string_equal(out, "0GnOqcGjEmp7U6AcwgJlTOmMBn9tGFO8WvnwIxzUqzw");
	keyed_rate(key, sizeof(key), "signup_ip", "10.0.0.1", out);
	assert_string_equal(out, "MD0nmIlJ1eyljeCjplUwq10orN7HKFxtFq67lfwXE6c");
	/* Another bucket, another key for the same value. */
	keyed_rate(key, sizeof(key), "signin_ip", "10.0.0.1", other);
	assert_string_not_equal(out, other);
}

static void
roles_names_and_masks(void **state)
{
	char	buf[128];

	assert_int_equal(role_bit("admin"), ROLE_ADMIN);
	assert_int_equal(role_bit("citizen"), ROLE_CITIZEN);
	assert_int_equal(role_bit("root"), 0);
	assert_string_equal(role_name(ROLE_MODERATOR), "moderator");
	assert_null(role_name(0x80));
	assert_string_equal(role_label_fr(ROLE_OFFICIAL), "réponse officielle");
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
	assert_int_equal(role_at(5), ROLE_SECRETARIAT);
	assert_int_equal(role_bit("secretariat"), ROLE_SECRETARIAT);
	assert_string_equal(role_label_fr(ROLE_SECRETARIAT), "secrétariat");
	assert_string_equal(allow_format(ROLE_SECRETARIAT, buf, sizeof(buf)),
	    "secretariat");
	assert_int_equal(role_at(6), ROLE_CONSEIL);
	assert_string_equal(role_label_fr(ROLE_CONSEIL), "conseil numérique");
	assert_int_equal(role_bit("conseil"), ROLE_CONSEIL);
	assert_int_equal(role_at(7), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(email_valid_shapes),
		cmocka_unit_test(email_invalid_shapes),
		cmocka_unit_test(email_accepts_ordinary_addresses),
		cmocka_unit_test(email_rejects_bad_shapes),
		cmocka_unit_test(name_rules),
		cmocka_unit_test(refusals_say_why_in_french),
		cmocka_unit_test(password_rules),
		cmocka_unit_test(password_not_name_nor_email),
		cmocka_unit_test(password_length),
		cmocka_unit_test(password_too_long),
		cmocka_unit_test(password_must_not_contain_name_or_email),
		cmocka_unit_test(mail_subject_encoding),
		cmocka_unit_test(mail_message_shape),
		cmocka_unit_test(mail_message_unsubscribe),
		cmocka_unit_test(unsubscribe_tokens),
		cmocka_unit_test(email_canonical_cases),
		cmocka_unit_test(keyed_hashes),
		cmocka_unit_test(roles_names_and_masks),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
