/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Unit tests of app/core: escaping, text checks, Markdown, tokens, settings. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../app/core/html.h"
#include "../../app/core/mail_texts.h"
#include "../../app/core/markdown.h"
#include "../../app/core/password.h"
#include "../../app/core/settings.h"
#include "../../app/core/text.h"
#include "../../app/core/token.h"

struct sbuf {
	char	data[4096];
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

#define OUT(b)	struct sbuf b = { .len = 0 }; \
		struct html_out o = { sbuf_write, &b }; (void)o

static void
html_text_escapes_five(void **state)
{
	OUT(b);
	html_text(&o, "<a href=\"x\" title='y'>&amp;</a>");
	assert_string_equal(b.data,
	    "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
}

static void
html_text_drops_control_bytes(void **state)
{
	OUT(b);
	html_text(&o, "a\x01" "b\x7f" "c\td\ne");
	assert_string_equal(b.data, "abc\td\ne");
}

static void
html_text_keeps_utf8(void **state)
{
	OUT(b);
	html_text(&o, "Éducation — « déjà »");
	assert_string_equal(b.data, "Éducation — « déjà »");
}

static void
html_url_arg_encodes(void **state)
{
	OUT(b);
	html_url_arg(&o, "a b&c=é/\"");
	assert_string_equal(b.data, "a%20b%26c%3D%C3%A9%2F%22");
}

static void
html_json_string_escapes(void **state)
{
	OUT(b);
	html_json_string(&o, "a\"b\\c\n<x>");
	assert_string_equal(b.data, "\"a\\\"b\\\\c\\n\\u003cx\\u003e\"");
}

static void
text_utf8_valid_accepts_and_rejects(void **state)
{
	assert_true(text_utf8_valid("déjà vu ✓ 😀", strlen("déjà vu ✓ 😀")));
	assert_false(text_utf8_valid("\xff", 1));
	assert_false(text_utf8_valid("\xc3", 1));		/* truncated */
	assert_false(text_utf8_valid("\xc0\xaf", 2));		/* overlong */
	assert_false(text_utf8_valid("\xed\xa0\x80", 3));	/* surrogate */
	assert_false(text_utf8_valid("\xf4\x90\x80\x80", 4));	/* > U+10FFFF */
	assert_false(text_utf8_valid("a\0b", 3));		/* NUL */
}

static void
text_utf8_chars_counts_code_points(void **state)
{
	assert_int_equal(text_utf8_chars("été"), 3);
	assert_int_equal(text_utf8_chars(""), 0);
}

static void
text_parse_id_is_strict(void **state)
{
	long long	n;

	assert_true(text_parse_id("42", &n));
	assert_int_equal(n, 42);
	assert_false(text_parse_id("042", &n));
	assert_false(text_parse_id("-1", &n));
	assert_false(text_parse_id("1e3", &n));
	assert_false(text_parse_id("", &n));
	assert_false(text_parse_id("9999999999999999", &n));
}

static void
text_slug_valid_is_strict(void **state)
{
	assert_true(text_slug_valid("ethique"));
	assert_true(text_slug_valid("sante-2"));
	assert_false(text_slug_valid("Ethique"));
	assert_false(text_slug_valid("-x"));
	assert_false(text_slug_valid("a/b"));
	assert_false(text_slug_valid(""));
}

static void
markdown_drops_raw_html(void **state)
{
	const char	*src = "<script>alert(1)</script>\n\n"
	    "Texte <img src=x onerror=alert(1)> <span onclick=\"x\">y</span>";
	char		*h = markdown_render(src, strlen(src), 0);

	assert_non_null(h);
	assert_null(strstr(h, "<script"));
	assert_null(strstr(h, "onerror"));
	assert_null(strstr(h, "onclick"));
	free(h);
}

/* An e-mail body: no Markdown syntax, no HTML, the links' addresses kept. */
static void
markdown_plain_is_plain(void **state)
{
	const char	*src = "Nous **étudions** _cette_ idée.\n\n"
	    "- un [plan](https://example.org/plan)\n- `deux` <b>x</b>\n\n"
	    "1. A &amp; B\n2. <https://example.org/a>\n\n# Titre";
	char		*t = markdown_plain(src, strlen(src));

	assert_non_null(t);
	assert_string_equal(t, "Nous étudions cette idée.\n\n"
	    "- un plan (https://example.org/plan)\n- deux x\n\n"
	    "1. A & B\n2. https://example.org/a\n\nTitre");
	free(t);
}

static void
markdown_neutralises_dangerous_links(void **state)
{
	const char	*src = "[a](javascript:alert(1)) [b](JaVaScRiPt:x) "
	    "[c](data:text/html;base64,PHNjcmlwdD4=) [d](vbscript:x) "
	    "[e](&#106;avascript:alert(1))";
	char		*h = markdown_render(src, strlen(src), 0);

	assert_non_null(h);
	assert_null(strcasestr(h, "javascript:"));
	assert_null(strcasestr(h, "data:text"));
	assert_null(strcasestr(h, "vbscript:"));
	free(h);
}

static void
markdown_links_get_rel_and_images_become_links(void **state)
{
	const char	*src = "[site](https://example.org \"t\") "
	    "![photo](https://tracker.example/p.png)";
	char		*h = markdown_render(src, strlen(src), 0);

	assert_non_null(h);
	assert_non_null(strstr(h,
	    "<a rel=\"nofollow ugc\" href=\"https://example.org\" title=\"t\">"));
	assert_null(strstr(h, "<img"));
	assert_non_null(strstr(h,
	    "<a rel=\"nofollow ugc\" href=\"https://tracker.example/p.png\">"
	    "photo</a>"));
	free(h);
}

static void
markdown_shifts_headings(void **state)
{
	const char	*src = "# Titre\n\n###### Petit\n";
	char		*h = markdown_render(src, strlen(src), 2);

	assert_non_null(h);
	assert_non_null(strstr(h, "<h3>Titre</h3>"));
	assert_non_null(strstr(h, "<h6>Petit</h6>"));
	free(h);
}

static void
markdown_repairs_invalid_utf8(void **state)
{
	char	*h = markdown_render("a\xff" "b", 3, 0);

	assert_non_null(h);
	assert_true(text_utf8_valid(h, strlen(h)));
	free(h);
}

static void
token_random_is_well_formed_and_fresh(void **state)
{
	char	a[TOKEN_LEN + 1], b[TOKEN_LEN + 1];

	assert_int_equal(token_random(a), 0);
	assert_int_equal(token_random(b), 0);
	assert_true(token_well_formed(a));
	assert_string_not_equal(a, b);
	assert_false(token_well_formed("short"));
	a[5] = '=';
	assert_false(token_well_formed(a));
}

static void
token_hash_is_sha256_hex(void **state)
{
	char	out[TOKEN_HEX_LEN + 1];

	token_hash_hex("abc", out);
	assert_string_equal(out, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
}

static void
token_mac_depends_on_key_and_message(void **state)
{
	const unsigned char	k1[32] = { 1 }, k2[32] = { 2 };
	char			a[TOKEN_LEN + 1], b[TOKEN_LEN + 1];
	char			c[TOKEN_LEN + 1];

	token_mac(k1, sizeof(k1), "m", a);
	token_mac(k2, sizeof(k2), "m", b);
	token_mac(k1, sizeof(k1), "n", c);
	assert_true(token_well_formed(a));
	assert_false(token_equal(a, b));
	assert_false(token_equal(a, c));
	token_mac(k1, sizeof(k1), "m", b);
	assert_true(token_equal(a, b));
}

static int	settings_warnings;
static char	settings_last_warning[1024];

static void
settings_count_warning(const char *msg)
{
	settings_warnings++;
	snprintf(settings_last_warning, sizeof(settings_last_warning), "%s",
	    msg);
}

/* Loads text as a settings file; settings_load()'s return. */
static int
settings_load_text(const char *text, char *err, size_t errlen)
{
	char	 path[] = "/tmp/agora-settings-XXXXXX";
	int	 fd = mkstemp(path), rc;
	FILE	*f = fdopen(fd, "w");

	fputs(text, f);
	fclose(f);
	settings_warnings = 0;
	settings_last_warning[0] = '\0';
	settings_warn_hook = settings_count_warning;
	rc = settings_load(path, err, errlen);
	unlink(path);
	return (rc);
}

static void
settings_file_and_environment(void **state)
{
	char	 err[256];

	setenv("AGORA_COMMENT_MAX_DEPTH", "5", 1);
	assert_int_equal(settings_load_text("# comment\n database = host=x "
	    "port=1 \nedit_window_minutes = 12\nsmtp_url =\n", err,
	    sizeof(err)), 0);
	unsetenv("AGORA_COMMENT_MAX_DEPTH");
	assert_int_equal(settings_warnings, 0);
	assert_string_equal(settings_text(SET_DATABASE), "host=x port=1");
	assert_int_equal(settings_int(SET_EDIT_WINDOW_MINUTES), 12);
	assert_int_equal(settings_int(SET_COMMENT_MAX_DEPTH), 5);
	assert_int_equal(settings_int(SET_FLAG_THRESHOLD), 3);
	assert_string_equal(settings_text(SET_SMTP_URL), "");
	assert_null(settings_text(SET_MAIL_DIR));
	assert_string_equal(settings_text(SET_EXPORT_DIR), "/tmp");
	/* The old calls, kept for app/web/opendata/, read the same table. */
	assert_string_equal(settings_get("database", ""), "host=x port=1");
	assert_string_equal(settings_get("export_dir", "/tmp"), "/tmp");
	assert_string_equal(settings_get("no_such_key", "d"), "d");
	assert_int_equal(settings_get_int("edit_window_minutes", 30, 0, 100),
	    12);
	assert_int_equal(settings_get_int("edit_window_minutes", 30, 0, 10),
	    30);
	assert_int_equal(settings_load("/nonexistent/x.ini", err,
	    sizeof(err)), -1);
}

static void
settings_wrong_values_warn_and_use_the_default(void **state)
{
	char	 err[256];

	assert_int_equal(settings_load_text("flag_threshold = 3x\n", err,
	    sizeof(err)), 0);
	assert_int_equal(settings_warnings, 1);
	assert_non_null(strstr(settings_last_warning, "flag_threshold = 3x"));
	assert_non_null(strstr(settings_last_warning, "not an integer"));
	assert_int_equal(settings_int(SET_FLAG_THRESHOLD), 3);

	assert_int_equal(settings_load_text("proposal_title_max = 5000\n"
	    "cookie_secure = yes\n", err, sizeof(err)), 0);
	assert_int_equal(settings_warnings, 2);
	assert_non_null(strstr(settings_last_warning,
	    "proposal_title_max = 5000: out of range 1-1000"));
	assert_int_equal(settings_int(SET_PROPOSAL_TITLE_MAX), 140);
	assert_int_equal(settings_int(SET_COOKIE_SECURE), 1);

	assert_int_equal(settings_load_text("flag_treshold = 2\n", err,
	    sizeof(err)), 0);
	assert_int_equal(settings_warnings, 1);
	assert_non_null(strstr(settings_last_warning,
	    "unknown key flag_treshold"));
	assert_int_equal(settings_int(SET_FLAG_THRESHOLD), 3);
}

static void
settings_strict_keys_refuse_a_wrong_value(void **state)
{
	char	 err[512];

	assert_int_equal(settings_load_text("flag_threshold_action = hidden\n",
	    err, sizeof(err)), -1);
	assert_non_null(strstr(err, ":1: flag_threshold_action = hidden"));
	assert_non_null(strstr(err, "refusing to start"));
	setenv("AGORA_SESSION_IDLE_MINUTES", "2", 1);
	assert_int_equal(settings_load_text("", err, sizeof(err)), -1);
	unsetenv("AGORA_SESSION_IDLE_MINUTES");
	assert_non_null(strstr(err, "AGORA_SESSION_IDLE_MINUTES: "
	    "session_idle_minutes = 2: out of range 5-43200"));
	assert_int_equal(settings_load_text("flag_threshold_action = hide\n"
	    "smtp_starttls = 1\n", err, sizeof(err)), 0);
	assert_string_equal(settings_text(SET_FLAG_THRESHOLD_ACTION), "hide");
	assert_int_equal(settings_int(SET_SMTP_STARTTLS), 1);
}

/* Every default passes its own declaration; "Strict" said iff S_STRICT. */
static void
settings_table_is_consistent(void **state)
{
	char		 text[16384], err[256];
	size_t		 len = 0;
	int		 i;
	FILE		*f;
	char		*md = NULL;
	size_t		 mdlen = 0;

	for (i = 0; i < SET__MAX; i++)
		if (settings_default(i) != NULL)
			len += (size_t)snprintf(text + len, sizeof(text) - len,
			    "%s = %s\n", settings_key(i), settings_default(i));
	assert_true(len < sizeof(text));
	assert_int_equal(settings_load_text(text, err, sizeof(err)), 0);
	assert_int_equal(settings_warnings, 0);
	assert_int_equal(settings_int(SET_PASSWORD_SCRYPT_LN),
	    PASSWORD_LN_DEFAULT);
	f = open_memstream(&md, &mdlen);
	settings_markdown(f);
	fclose(f);
	for (i = 0; i < SET__MAX; i++) {
		char	 row[128], *p, *end;

		snprintf(row, sizeof(row), "| `%s` |", settings_key(i));
		assert_non_null(p = strstr(md, row));
		end = strchr(p, '\n');
		*end = '\0';
		assert_int_equal(strstr(p, "Strict") != NULL,
		    settings_strict(i));
		*end = '\n';
	}
	free(md);
}

static void
settings_reject_malformed_lines(void **state)
{
	char	 err[256];

	assert_int_equal(settings_load_text("no equals sign here\n", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, ":1:"));
}

static void
mail_fill_is_one_pass_and_bounded(void **state)
{
	struct mail_var	 v[] = { { "name", "{link}" }, { "link", "L" } };
	char		 out[64], small[8];

	assert_int_equal(mail_fill(out, sizeof(out), "A {name} {link} {x}{",
	    v, 2), 15);
	assert_string_equal(out, "A {link} L {x}{");
	assert_int_equal(mail_fill(small, sizeof(small), "A {name} {link}",
	    v, 2), 10);
	assert_string_equal(small, "A {link");
	assert_int_equal(mail_fill(NULL, 0, "{link}", v, 2), 1);
}

/* Every kind named once, found by its name. */
static void
mail_texts_are_declared_once(void **state)
{
	int	i, j;

	for (i = 0; i < MT__MAX; i++) {
		assert_int_equal(mail_text_find(mail_text_kind(i)), i);
		assert_true(strlen(mail_text_subject(i)) > 0 &&
		    strlen(mail_text_body(i)) > 0);
		for (j = 0; j < i; j++)
			assert_string_not_equal(mail_text_kind(i),
			    mail_text_kind(j));
	}
	assert_int_equal(mail_text_find("nope"), MT__MAX);
	assert_string_equal(mail_part(MP_DECIDED_RESTORE), "rétablie");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(html_text_escapes_five),
		cmocka_unit_test(html_text_drops_control_bytes),
		cmocka_unit_test(html_text_keeps_utf8),
		cmocka_unit_test(html_url_arg_encodes),
		cmocka_unit_test(html_json_string_escapes),
		cmocka_unit_test(text_utf8_valid_accepts_and_rejects),
		cmocka_unit_test(text_utf8_chars_counts_code_points),
		cmocka_unit_test(text_parse_id_is_strict),
		cmocka_unit_test(text_slug_valid_is_strict),
		cmocka_unit_test(markdown_drops_raw_html),
		cmocka_unit_test(markdown_neutralises_dangerous_links),
		cmocka_unit_test(markdown_plain_is_plain),
		cmocka_unit_test(markdown_links_get_rel_and_images_become_links),
		cmocka_unit_test(markdown_shifts_headings),
		cmocka_unit_test(markdown_repairs_invalid_utf8),
		cmocka_unit_test(token_random_is_well_formed_and_fresh),
		cmocka_unit_test(token_hash_is_sha256_hex),
		cmocka_unit_test(token_mac_depends_on_key_and_message),
		cmocka_unit_test(settings_file_and_environment),
		cmocka_unit_test(settings_wrong_values_warn_and_use_the_default),
		cmocka_unit_test(settings_strict_keys_refuse_a_wrong_value),
		cmocka_unit_test(settings_table_is_consistent),
		cmocka_unit_test(settings_reject_malformed_lines),
		cmocka_unit_test(mail_fill_is_one_pass_and_bounded),
		cmocka_unit_test(mail_texts_are_declared_once),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
