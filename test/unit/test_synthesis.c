/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Unit tests of app/core/synthesis.c: citations and the line diff. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../app/core/synthesis.h"

/* citations-lines: each citation with its line, in order. */
static void
citations_lines(void **state)
{
	struct citation	c[8];
	size_t		n;

	n = citations_parse("# Titre\n\nUne idée [#12] et [#3400].\n"
	    "\n- autre [#7]\n", c, 8);
	assert_int_equal(n, 3);
	assert_int_equal(c[0].line, 3);
	assert_int_equal(c[0].id, 12);
	assert_int_equal(c[1].line, 3);
	assert_int_equal(c[1].id, 3400);
	assert_int_equal(c[2].line, 5);
	assert_int_equal(c[2].id, 7);
}

/* citations-not: what looks like one but is not. */
static void
citations_not(void **state)
{
	struct citation	c[8];

	assert_int_equal(citations_parse("[#] [#0] [#012] [# 12] [#12 ] "
	    "[12] #12 [#1234567890123] [#12a]", c, 8), 0);
	assert_int_equal(citations_parse("[[#5]]", c, 8), 1);
	assert_int_equal(c[0].id, 5);
	assert_int_equal(citations_parse("[#123456789012]", c, 8), 1);
	assert_int_equal(c[0].id, 123456789012LL);
}

/* citations-max: counted beyond max, never written beyond it. */
static void
citations_max(void **state)
{
	struct citation	c[2] = { { 0, 0 }, { 0, 0 } };

	assert_int_equal(citations_parse("[#1][#2][#3]", c, 1), 3);
	assert_int_equal(c[0].id, 1);
	assert_int_equal(c[1].id, 0);
}

struct sink {
	char	buf[1024];
	size_t	len;
};

static void
sink_write(void *arg, const void *p, size_t len)
{
	struct sink	*s = arg;

	assert_true(s->len + len < sizeof(s->buf));
	memcpy(s->buf + s->len, p, len);
	s->len += len;
	s->buf[s->len] = '\0';
}

/* citations-html: links with escaped titles, never inside a tag. */
static void
citations_links(void **state)
{
	struct sink		 s = { "", 0 };
	struct html_out		 out = { sink_write, &s };
	struct citation_ref	 refs[] = {
		{ 12, "Des <bornes> & \"prises\"", "/propositions/12", NULL },
	};

	citations_html(&out, "<p>Voir [#12], [#99].</p>"
	    "<a href=\"x[#12]\">[#12]</a>", refs, 1);
	assert_string_equal(s.buf, "<p>Voir <a class=\"citation\" "
	    "data-n=\"12\" href=\"/propositions/12\">Des &lt;bornes&gt; &amp; "
	    "&quot;prises&quot;</a>, [#99].</p><a href=\"x[#12]\">"
	    "<a class=\"citation\" data-n=\"12\" href=\"/propositions/12\">"
	    "Des &lt;bornes"
	    "&gt; &amp; &quot;prises&quot;</a></a>");
}

/* synthesis-cites: "[synthese:SLUG]", its line; not malformed ones. */
static void
synthesis_cites(void **state)
{
	struct synthesis_cite	c[3];
	char			long_slug[80];

	assert_int_equal(synthesis_cites_parse("Voir [synthese:ethique].\n"
	    "[synthese:] [synthese:-x] [synthese:A] [synthese:e t]\n"
	    "et [synthese:epn-mobile-2][#3]", c, 3), 2);
	assert_int_equal(c[0].line, 1);
	assert_string_equal(c[0].slug, "ethique");
	assert_int_equal(c[1].line, 3);
	assert_string_equal(c[1].slug, "epn-mobile-2");
	memset(long_slug, 'a', sizeof(long_slug));
	memcpy(long_slug, "[synthese:", 10);
	long_slug[10 + SYNTHESIS_CITE_SLUG_MAX] = ']';
	long_slug[11 + SYNTHESIS_CITE_SLUG_MAX] = '\0';
	assert_int_equal(synthesis_cites_parse(long_slug, c, 3), 1);
	long_slug[10 + SYNTHESIS_CITE_SLUG_MAX] = 'a';
	long_slug[11 + SYNTHESIS_CITE_SLUG_MAX] = ']';
	long_slug[12 + SYNTHESIS_CITE_SLUG_MAX] = '\0';
	assert_int_equal(synthesis_cites_parse(long_slug, c, 3), 0);
	assert_int_equal(synthesis_cites_parse("[synthese:a][synthese:b]"
	    "[synthese:c][synthese:d]", c, 3), 4);
}

/* citations-html: a synthesis's link, only for a ref of its slug. */
static void
citations_synthesis_links(void **state)
{
	struct sink		 s = { "", 0 };
	struct html_out		 out = { sink_write, &s };
	struct citation_ref	 refs[] = {
		{ 0, "synthèse du thème « <É> »", "/syntheses/ethique",
		    "ethique" },
		{ 7, "Sept", "/propositions/7", NULL },
	};

	citations_html(&out, "<p>[synthese:ethique] [synthese:autre] [#7] "
	    "[#0]</p>", refs, 2);
	assert_string_equal(s.buf, "<p><a class=\"citation citation-synthese\" "
	    "href=\"/syntheses/ethique\">synthèse du thème « &lt;É&gt; »</a> "
	    "[synthese:autre] <a class=\"citation\" data-n=\"7\" "
	    "href=\"/propositions/7\">Sept</a> [#0]</p>");
}

/* Ops of a diff as a string: ' ' same, '-' deleted, '+' added. */
static void
diff_ops(const char *a, const char *b, const char *want)
{
	struct diff_line	*d;
	long			 n, i;
	char			 got[64];

	n = line_diff(a, b, &d);
	assert_true(n >= 0 && n < 63);
	for (i = 0; i < n; i++)
		got[i] = d[i].op == DIFF_SAME ? ' ' : d[i].op == DIFF_DEL ?
		    '-' : '+';
	got[n] = '\0';
	assert_string_equal(got, want);
	free(d);
}

/* diff-basic: the usual cases. */
static void
diff_basic(void **state)
{
	diff_ops("a\nb\nc\n", "a\nb\nc\n", "   ");
	diff_ops("a\nb\nc\n", "a\nx\nc\n", " -+ ");
	diff_ops("a\nb\nc", "a\nc", " - ");
	diff_ops("a\nc", "a\nb\nc", " + ");
	diff_ops("", "x\ny\n", "++");
	diff_ops("x\ny\n", "", "--");
	diff_ops("a\r\nb\n", "a\nb", "  ");
	/* LCS: b c d kept, a and e replaced. */
	diff_ops("a\nb\nc\nd\ne", "b\nc\nx\nd", "-  + -");
}

/* diff-lines: each line's numbers on its side, and its text. */
static void
diff_numbers(void **state)
{
	struct diff_line	*d;
	long			 n;

	n = line_diff("un\ndeux\ntrois\n", "un\ntrois\nquatre\n", &d);
	assert_int_equal(n, 4);
	assert_int_equal(d[1].op, DIFF_DEL);
	assert_int_equal(d[1].line_a, 2);
	assert_int_equal(d[1].line_b, 0);
	assert_int_equal(d[1].len, 4);
	assert_memory_equal(d[1].text, "deux", 4);
	assert_int_equal(d[2].op, DIFF_SAME);
	assert_int_equal(d[2].line_a, 3);
	assert_int_equal(d[2].line_b, 2);
	assert_int_equal(d[3].op, DIFF_ADD);
	assert_int_equal(d[3].line_b, 3);
	assert_memory_equal(d[3].text, "quatre", 6);
	free(d);
}

/* diff-too-long: refused beyond DIFF_MAX_LINES, not slowed down. */
static void
diff_too_long(void **state)
{
	struct diff_line	*d;
	char			*a, *b;
	size_t			 i, n = DIFF_MAX_LINES + 10;

	a = calloc(1, 2 * n + 1);
	b = calloc(1, 2 * n + 1);
	assert_non_null(a);
	assert_non_null(b);
	for (i = 0; i < n; i++) {
		memcpy(a + 2 * i, "a\n", 2);
		memcpy(b + 2 * i, "b\n", 2);
	}
	assert_int_equal(line_diff(a, b, &d), -1);
	assert_null(d);
	/* The same long text is its common prefix: no table needed. */
	assert_int_equal(line_diff(a, a, &d), (long)n);
	free(d);
	free(a);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(citations_lines),
		cmocka_unit_test(citations_not),
		cmocka_unit_test(citations_max),
		cmocka_unit_test(citations_links),
		cmocka_unit_test(synthesis_cites),
		cmocka_unit_test(citations_synthesis_links),
		cmocka_unit_test(diff_basic),
		cmocka_unit_test(diff_numbers),
		cmocka_unit_test(diff_too_long),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
