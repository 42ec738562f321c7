/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Parsers of outside input (issue 14): route matching, the multipart NUL
 * check, the search text for websearch_to_tsquery, tokens. Every crash the
 * fuzzers of test/fuzz/ find becomes a case here.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../app/core/route.h"
#include "../../app/core/multipart.h"
#include "../../app/core/netaddr.h"
#include "../../app/core/text.h"
#include "../../app/core/textcheck.h"
#include "../../app/core/token.h"

static void
route_captures_segments(void **state)
{
	char		 buf[64];
	const char	*args[4] = { NULL };

	assert_true(route_match("/themes/:slug", "/themes/ethique", buf,
	    sizeof(buf), args, 4));
	assert_string_equal(args[0], "ethique");
	assert_true(route_match("/propositions/:id/vote", "/propositions/12/vote",
	    buf, sizeof(buf), args, 4));
	assert_string_equal(args[0], "12");
	assert_true(route_match("/", "/", buf, sizeof(buf), args, 4));
}

static void
route_refuses_near_misses_bad(void **state)
{
	char		 buf[64];
	const char	*args[4];

	assert_false(route_match("/themes/:slug", "/themes/", buf, sizeof(buf),
	    args, 4));
	assert_false(route_match("/themes/:slug", "/themes/a/b", buf,
	    sizeof(buf), args, 4));
	assert_false(route_match("/themes/:slug", "/themesx", buf, sizeof(buf),
	    args, 4));
	assert_false(route_match("/charte", "/charte/", buf, sizeof(buf), args,
	    4));
	assert_false(route_match("/charte", "", buf, sizeof(buf), args, 4));
}

static void
route_bounds_captures_bad(void **state)
{
	char		 buf[8];
	const char	*args[1];

	/* A capture longer than the buffer, or more captures than room. */
	assert_false(route_match("/t/:slug", "/t/abcdefghijkl", buf,
	    sizeof(buf), args, 1));
	assert_false(route_match("/:a/:b", "/x/y", buf, sizeof(buf), args, 1));
	assert_true(route_match("/t/:slug", "/t/abcdef", buf, sizeof(buf),
	    args, 1));
	assert_string_equal(args[0], "abcdef");
}

static void
multipart_finds_the_field_with_a_nul(void **state)
{
	static const char body[] =
	    "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nx\r\n"
	    "--b\r\nContent-Disposition: form-data; name=\"texte\"\r\n\r\n"
	    "avant\0apr\xc3\xa8s\r\n--b--\r\n";
	char	name[32];

	assert_true(multipart_nul_field(body, sizeof(body) - 1, name,
	    sizeof(name)));
	assert_string_equal(name, "texte");
	/* Without the NUL: nothing to say. */
	assert_false(multipart_nul_field(body, 100, name, sizeof(name)));
	assert_string_equal(name, "");
}

static void
multipart_nul_edge_cases_bad(void **state)
{
	char	name[4];

	assert_true(multipart_nul_field("\0", 1, name, sizeof(name)));
	assert_string_equal(name, "");
	/* The name is cut to the room given. */
	assert_true(multipart_nul_field("name=\"longname\"\r\n\r\n\0", 21,
	    name, sizeof(name)));
	assert_string_equal(name, "lon");
	/* An unterminated name stops at the NUL. */
	assert_true(multipart_nul_field("name=\"ab\0", 9, name, sizeof(name)));
	assert_string_equal(name, "ab");
	assert_false(multipart_nul_field(NULL, 0, name, sizeof(name)));
}

static void
search_clean_keeps_negations_of_words(void **state)
{
	char	s[128];

	strcpy(s, "-pollution e-administration -\"fracture numérique\"");
	text_search_clean(s);
	assert_string_equal(s, "-pollution e-administration "
	    "-\"fracture numérique\"");
	strcpy(s, "-\xc3\xa9" "cole");
	text_search_clean(s);
	assert_string_equal(s, "-\xc3\xa9" "cole");
}

static void
search_clean_drops_stray_dashes_bad(void **state)
{
	char	s[128];
	int	i;

	for (i = 0; i < 40; i++)
		s[i] = '-';
	s[40] = '\0';
	text_search_clean(s);
	assert_int_equal(strspn(s, " "), 40);
	strcpy(s, "- - -(a) --b a-");
	text_search_clean(s);
	assert_string_equal(s, "     (a)  -b a ");
}

static void
tokens_are_exactly_43_base64url_bad(void **state)
{
	char	t[TOKEN_LEN + 1];

	assert_int_equal(token_random(t), 0);
	assert_true(token_well_formed(t));
	t[5] = '+';
	assert_false(token_well_formed(t));
	assert_false(token_well_formed(""));
	assert_false(token_well_formed("abc"));
	assert_false(token_well_formed(
	    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));	/* 44 */
	assert_true(token_well_formed(
	    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA_"));
}

static void
local_paths_stay_on_the_site_bad(void **state)
{
	assert_string_equal(route_local_path("/themes/sante?q=x"),
	    "/themes/sante?q=x");
	assert_null(route_local_path("//evil.example/"));
	assert_null(route_local_path("/\\evil.example"));
	assert_null(route_local_path("https://evil.example/"));
	assert_null(route_local_path("/a\r\nX-Injected: 1"));
	assert_null(route_local_path("/a\\b"));
	assert_null(route_local_path("/\xff"));
	assert_null(route_local_path(""));
	assert_null(route_local_path(NULL));
	assert_string_equal(route_referer_path(
	    "https://consultation.example/propositions/3?x=1"),
	    "/propositions/3?x=1");
	assert_null(route_referer_path("https://evil.example//evil.example/"));
	assert_null(route_referer_path("https://host"));
	assert_null(route_referer_path("/sans-schema"));
}

static void
text_fields_are_checked_as_forms_say(void **state)
{
	char	 buf[64], *v;
	size_t	 n;

	strcpy(buf, "  Bonjour à tous  ");
	v = buf;
	assert_int_equal(textcheck_field(&v, 1, 20, 0, &n), TC_OK);
	assert_string_equal(v, "Bonjour à tous");
	assert_int_equal(n, 14);
	strcpy(buf, "   ");
	v = buf;
	assert_int_equal(textcheck_field(&v, 1, 20, 0, &n), TC_EMPTY);
	v = buf;
	assert_int_equal(textcheck_field(&v, 0, 20, 0, &n), TC_OK);
	strcpy(buf, "deux\nlignes");
	v = buf;
	assert_int_equal(textcheck_field(&v, 1, 20, 0, &n), TC_CONTROL);
	v = buf;
	assert_int_equal(textcheck_field(&v, 1, 20, 1, &n), TC_OK);
	strcpy(buf, "\xc3\x28");
	v = buf;
	assert_int_equal(textcheck_field(&v, 1, 20, 1, &n), TC_NOT_UTF8);
	strcpy(buf, "ééééé");
	v = buf;
	assert_int_equal(textcheck_field(&v, 1, 4, 1, &n), TC_TOO_LONG);
	assert_int_equal(n, 5);
	v = buf;
	assert_int_equal(textcheck_field(&v, 6, 10, 1, &n), TC_TOO_SHORT);
	strcpy(buf, "a\x7f");
	v = buf;
	assert_int_equal(textcheck_field(&v, 1, 10, 1, &n), TC_CONTROL);
}

/* Abuse limits count an IPv6 customer by its /64 (issue 14, item 5). */
static void
addresses_are_counted_by_network(void **state)
{
	char	out[NETADDR_LEN];

	assert_int_equal(netaddr_bucket("192.0.2.7", out), 0);
	assert_string_equal(out, "192.0.2.7");
	assert_int_equal(netaddr_bucket("::ffff:192.0.2.7", out), 0);
	assert_string_equal(out, "192.0.2.7");
	assert_int_equal(netaddr_bucket("2001:db8:1:2:3:4:5:6", out), 0);
	assert_string_equal(out, "2001:db8:1:2::/64");
	assert_int_equal(netaddr_bucket("2001:0DB8:0001:0002:ffff::1", out), 0);
	assert_string_equal(out, "2001:db8:1:2::/64");
	assert_int_equal(netaddr_bucket("2001:db8:1:3::1", out), 0);
	assert_string_equal(out, "2001:db8:1:3::/64");
	assert_int_equal(netaddr_bucket("::1", out), 0);
	assert_string_equal(out, "::/64");
	assert_int_equal(netaddr_bucket("2001:db8::1/64", out), -1);
	assert_int_equal(netaddr_bucket("unknown", out), -1);
	assert_int_equal(netaddr_bucket("", out), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(route_captures_segments),
		cmocka_unit_test(route_refuses_near_misses_bad),
		cmocka_unit_test(route_bounds_captures_bad),
		cmocka_unit_test(multipart_finds_the_field_with_a_nul),
		cmocka_unit_test(multipart_nul_edge_cases_bad),
		cmocka_unit_test(search_clean_keeps_negations_of_words),
		cmocka_unit_test(search_clean_drops_stray_dashes_bad),
		cmocka_unit_test(tokens_are_exactly_43_base64url_bad),
		cmocka_unit_test(local_paths_stay_on_the_site_bad),
		cmocka_unit_test(text_fields_are_checked_as_forms_say),
		cmocka_unit_test(addresses_are_counted_by_network),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
