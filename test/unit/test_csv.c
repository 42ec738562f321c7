/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Unit tests of app/core/csv.c and app/core/plaintext.c. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../app/core/csv.h"
#include "../../app/core/markdown.h"
#include "../../app/core/plaintext.h"

/* Reads all records of s; returns the status of the last csv_read. */
static int
read_all(const char *s, char sep, struct csv_record *recs, size_t max,
    size_t *n, char *err, size_t errsz)
{
	struct csv_reader	r;
	int			rc;

	csv_reader_init(&r, s, strlen(s), sep);
	*n = 0;
	memset(recs, 0, (max + 1) * sizeof(*recs));
	rc = 0;
	while (*n < max && (rc = csv_read(&r, &recs[*n], err, errsz)) == 1)
		(*n)++;
	return (rc);
}

static void
free_all(struct csv_record *recs, size_t n)
{
	size_t	i;

	for (i = 0; i <= n; i++)
		csv_record_free(&recs[i]);
}

static void
csv_reads_simple_records(void **state)
{
	struct csv_record	rec[8];
	size_t			n;
	char			err[128];

	assert_int_equal(read_all("a,b,c\n1,,3\n", ',', rec, 7, &n, err,
	    sizeof(err)), 0);
	assert_int_equal(n, 2);
	assert_int_equal(rec[0].nfields, 3);
	assert_string_equal(rec[1].fields[0], "1");
	assert_string_equal(rec[1].fields[1], "");
	assert_string_equal(rec[1].fields[2], "3");
	assert_int_equal(rec[1].line, 2);
	free_all(rec, n);
}

static void
csv_reads_quoted_newlines_and_doubled_quotes(void **state)
{
	struct csv_record	rec[8];
	size_t			n;
	char			err[128];

	assert_int_equal(read_all("id;body\r\n1;\"il dit \"\"oui\"\";\r\n"
	    "non\"\r\n2;x", ';', rec, 7, &n, err, sizeof(err)), 0);
	assert_int_equal(n, 3);
	assert_string_equal(rec[1].fields[1], "il dit \"oui\";\r\nnon");
	assert_int_equal(rec[2].line, 4);
	assert_string_equal(rec[2].fields[1], "x");
	free_all(rec, n);
}

static void
csv_skips_bom_and_keeps_empty_last_field(void **state)
{
	struct csv_record	rec[8];
	size_t			n;
	char			err[128];

	assert_int_equal(read_all("\xef\xbb\xbf" "a,b\nx,\n", ',', rec, 7, &n,
	    err, sizeof(err)), 0);
	assert_string_equal(rec[0].fields[0], "a");
	assert_int_equal(rec[1].nfields, 2);
	assert_string_equal(rec[1].fields[1], "");
	free_all(rec, n);
}

static void
csv_unterminated_quote_bad(void **state)
{
	struct csv_record	rec[8];
	size_t			n;
	char			err[128];

	assert_int_equal(read_all("a,b\n1,2\n3,\"tronq\nué", ',', rec, 7, &n,
	    err, sizeof(err)), -1);
	assert_non_null(strstr(err, "ligne 3"));
	assert_non_null(strstr(err, "jamais fermé"));
	free_all(rec, n);
}

static void
csv_text_after_quote_bad(void **state)
{
	struct csv_record	rec[8];
	size_t			n;
	char			err[128];

	assert_int_equal(read_all("a\n\"x\"y\n", ',', rec, 7, &n, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "ligne 2"));
	free_all(rec, n);
	assert_int_equal(read_all("a\nx\"y\n", ',', rec, 7, &n, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "ligne 2"));
	free_all(rec, n);
}

static void
csv_header_index_by_name(void **state)
{
	struct csv_record	rec[8];
	size_t			n;
	char			err[128];

	read_all("id;title/fr;body\n", ';', rec, 7, &n, err, sizeof(err));
	assert_int_equal(csv_header_index(&rec[0], "title/fr"), 1);
	assert_int_equal(csv_header_index(&rec[0], "title"), -1);
	free_all(rec, n);
}

static void
csv_utf8_check_gives_line(void **state)
{
	const char	ok[] = "a\né\n", bad[] = "a\nb\nc\xe9t\xe9\n";

	assert_int_equal(csv_utf8_check(ok, sizeof(ok) - 1), 0);
	assert_int_equal(csv_utf8_check(bad, sizeof(bad) - 1), 3);
}

struct sbuf {
	char	data[1024];
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
csv_writer_quotes_and_guards(void **state)
{
	struct sbuf	b = { .len = 0 };
	struct csv_out	o = { sbuf_write, &b };

	csv_field(&o, "plain");
	csv_sep(&o);
	csv_field(&o, "a,b");
	csv_sep(&o);
	csv_field(&o, "dit \"oui\"\nfin");
	csv_sep(&o);
	csv_field(&o, "=HYPERLINK(\"x\")");
	csv_sep(&o);
	csv_field(&o, "-1");
	csv_sep(&o);
	csv_field(&o, NULL);
	csv_eol(&o);
	assert_string_equal(b.data, "plain,\"a,b\",\"dit \"\"oui\"\"\nfin\","
	    "\"'=HYPERLINK(\"\"x\"\")\",'-1,\r\n");
}

/* Every formula starter, full-width and small forms included, is guarded;
 * a text that already starts with quotes and a starter gets one more. */
static void
csv_writer_guards_lookalikes_and_quoted_starters(void **state)
{
	static const char *const guarded[] = { "=1", "+1", "-1", "@x",
	    "\tx", "\rx", "＝1+1", "＋33", "－2", "＠SUM(A1)", "﹦1", "﹢1",
	    "﹣1", "﹫x", "−5", "'=1", "''＝1", "'-", "'''@" };
	static const char *const plain[] = { "", "x=1", "'", "''", "'x",
	    "''abc", " =1", "–5", "—x", "\n=1", "'\n=", "ｘ", "\xef\xbc" };
	struct sbuf	b;
	struct csv_out	o = { sbuf_write, &b };
	size_t		i;

	for (i = 0; i < sizeof(guarded) / sizeof(guarded[0]); i++) {
		b.len = 0;
		b.data[0] = '\0';
		csv_field(&o, guarded[i]);
		assert_true(csv_needs_guard(guarded[i], strlen(guarded[i])));
		/* \r is quoted too: the guard sits inside the quotes. */
		assert_true(b.data[0] == '\'' || (b.data[0] == '"' &&
		    b.data[1] == '\''));
		assert_string_equal(b.data + (b.data[0] == '"') + 1,
		    b.data[0] == '"' ? "\rx\"" : guarded[i]);
	}
	for (i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
		assert_false(csv_needs_guard(plain[i], strlen(plain[i])));
		b.len = 0;
		b.data[0] = '\0';
		csv_field(&o, plain[i]);
		if (strchr(plain[i], '\n') == NULL)
			assert_string_equal(b.data, plain[i]);
	}
	b.len = 0;
	csv_field(&o, "'=HYPERLINK(\"x\")");
	assert_string_equal(b.data, "\"''=HYPERLINK(\"\"x\"\")\"");
}

static void
csv_writer_output_reads_back(void **state)
{
	struct sbuf		b = { .len = 0 };
	struct csv_out		o = { sbuf_write, &b };
	struct csv_record	rec[8];
	size_t			n;
	char			err[128];

	csv_field(&o, "x\r\ny,\"z\"");
	csv_sep(&o);
	csv_field(&o, "");
	csv_eol(&o);
	assert_int_equal(read_all(b.data, ',', rec, 7, &n, err, sizeof(err)),
	    0);
	assert_int_equal(n, 1);
	assert_string_equal(rec[0].fields[0], "x\r\ny,\"z\"");
	assert_string_equal(rec[0].fields[1], "");
	free_all(rec, n);
}

static void
plain_slugify_french_titles(void **state)
{
	char	s[65];

	plain_slugify("Ouverture des données publiques", s, sizeof(s), 64);
	assert_string_equal(s, "ouverture-des-donnees-publiques");
	plain_slugify("Données d’intérêt général", s, sizeof(s), 64);
	assert_string_equal(s, "donnees-d-interet-general");
	plain_slugify("Organisation de l’Etat et des collectivités publiques",
	    s, sizeof(s), 64);
	assert_string_equal(s,
	    "organisation-de-l-etat-et-des-collectivites-publiques");
	plain_slugify("Accessibilité des personnes handicapées aux services "
	    "téléphoniques", s, sizeof(s), 64);
	assert_string_equal(s,
	    "accessibilite-des-personnes-handicapees-aux-services");
	assert_int_equal(plain_slugify("« ! »", s, sizeof(s), 64), 0);
}

static void
plain_to_markdown_renders_the_same_text(void **state)
{
	char	*md, *html;

	md = plain_to_markdown("# Pas un titre\n1. pas une liste\n"
	    "a *b* <i>c</i>\n\nfin");
	assert_non_null(md);
	html = markdown_render(md, strlen(md), 2);
	assert_non_null(html);
	assert_null(strstr(html, "<h"));
	assert_null(strstr(html, "<ol"));
	assert_null(strstr(html, "<em>"));
	assert_non_null(strstr(html, "# Pas un titre<br />"));
	assert_non_null(strstr(html, "a *b* &lt;i&gt;c&lt;/i&gt;</p>"));
	assert_non_null(strstr(html, "<p>fin</p>"));
	free(md);
	free(html);
}

static void
plain_from_html_strips_tags(void **state)
{
	char	*s;

	s = plain_from_html("<p> <strong>Transition écologique&nbsp;"
	    "</strong></p>");
	assert_string_equal(s, "Transition écologique");
	free(s);
	s = plain_from_html("<p>a &amp; b</p><p>c</p>");
	assert_string_equal(s, "a & b\nc");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_reads_simple_records),
		cmocka_unit_test(csv_reads_quoted_newlines_and_doubled_quotes),
		cmocka_unit_test(csv_skips_bom_and_keeps_empty_last_field),
		cmocka_unit_test(csv_unterminated_quote_bad),
		cmocka_unit_test(csv_text_after_quote_bad),
		cmocka_unit_test(csv_header_index_by_name),
		cmocka_unit_test(csv_utf8_check_gives_line),
		cmocka_unit_test(csv_writer_quotes_and_guards),
		cmocka_unit_test(csv_writer_guards_lookalikes_and_quoted_starters),
		cmocka_unit_test(csv_writer_output_reads_back),
		cmocka_unit_test(plain_slugify_french_titles),
		cmocka_unit_test(plain_to_markdown_renders_the_same_text),
		cmocka_unit_test(plain_from_html_strips_tags),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
