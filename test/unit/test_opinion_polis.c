/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Unit tests of the Pol.is export reader (app/core/polis.c). */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../app/core/polis.h"

#define S(x)	x, sizeof(x) - 1

/* polis-latest-vote: a revote counts, the earlier one does not. */
static void
polis_latest_vote(void **state)
{
	static const char csv[] =
	    "timestamp,datetime,comment-id,voter-id,vote\n"
	    "100,d,3,7,1\n"
	    "90,d,3,2,-1\n"
	    "300,d,3,7,-1\n"	/* 7 changes their mind */
	    "200,d,1,7,0\n";
	struct polis_vote	*v;
	size_t			 n;
	char			 err[256];

	assert_int_equal(polis_votes_read(S(csv), &v, &n, err, sizeof(err)), 0);
	assert_int_equal(n, 3);
	assert_int_equal(v[0].voter, 2);
	assert_int_equal(v[1].voter, 7);
	assert_int_equal(v[1].comment, 1);
	assert_int_equal(v[2].comment, 3);
	assert_int_equal(v[2].value, -1);
	assert_int_equal(v[2].line, 4);
	free(v);
}

/* polis-bad-vote-bad: a vote of 2 is refused with its line. */
static void
polis_bad_vote_bad(void **state)
{
	static const char csv[] =
	    "timestamp,datetime,comment-id,voter-id,vote\n"
	    "100,d,3,7,1\n"
	    "100,d,3,8,2\n";
	static const char no_col[] = "timestamp,comment-id,voter-id\n1,2,3\n";
	struct polis_vote	*v;
	size_t			 n;
	char			 err[256];

	assert_int_equal(polis_votes_read(S(csv), &v, &n, err, sizeof(err)), -1);
	assert_null(v);
	assert_non_null(strstr(err, "ligne 3"));
	assert_int_equal(polis_votes_read(S(no_col), &v, &n, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "« vote »"));
	assert_int_equal(polis_votes_read("", 0, &v, &n, err, sizeof(err)), -1);
}

/* polis-comments: moderation states read; an unknown one refused. */
static void
polis_comments(void **state)
{
	static const char ok[] =
	    "timestamp,datetime,comment-id,author-id,agrees,disagrees,"
	    "moderated,comment-body\n"
	    "1,d,4,0,3,1,-1,\"Texte, avec virgule\"\n"
	    "2,d,5,0,3,1,1,Autre\n";
	static const char bad[] =
	    "comment-id,moderated\n4,2\n";
	struct polis_comment	*c;
	size_t			 n;
	char			 err[256];

	assert_int_equal(polis_comments_read(S(ok), &c, &n, err, sizeof(err)),
	    0);
	assert_int_equal(n, 2);
	assert_int_equal(c[0].id, 4);
	assert_int_equal(c[0].moderated, -1);
	assert_int_equal(c[1].moderated, 1);
	free(c);
	assert_int_equal(polis_comments_read(S(bad), &c, &n, err, sizeof(err)),
	    -1);
	assert_non_null(strstr(err, "ligne 2"));
}

/*
 * Found by fuzz_polis (test/fuzz/regress/polis/): a cell that is not UTF-8
 * was quoted in the refusal, which was not UTF-8 either. The file is now
 * refused by its line first, as the other importers do.
 */
static void
polis_not_utf8_bad(void **state)
{
	static const char bad[] =
	    "timestamp,datetime,comment-id,voter-id,vote\n"
	    "1,x,0,0,1\n2,x,1,0,-1\n3x\xd0,0,1,0\n";
	struct polis_vote	*v;
	size_t			 n;
	char			 err[256];

	assert_int_equal(polis_votes_read(S(bad), &v, &n, err, sizeof(err)),
	    -1);
	assert_non_null(strstr(err, "ligne 4"));
	assert_non_null(strstr(err, "UTF-8"));
	assert_null(strchr(err, '\xd0'));
}

/* polis-members: group-id read, empty when not clustered. */
static void
polis_members(void **state)
{
	static const char csv[] =
	    "participant,xid,group-id,n-comments,n-votes,1,2\n"
	    "0,,1,0,2,1,-1\n"
	    "3,,,0,1,,1\n";
	struct polis_member	*m;
	size_t			 n;
	char			 err[256];

	assert_int_equal(polis_members_read(S(csv), &m, &n, err, sizeof(err)),
	    0);
	assert_int_equal(n, 2);
	assert_int_equal(m[0].group, 1);
	assert_int_equal(m[1].participant, 3);
	assert_int_equal(m[1].group, -1);
	free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(polis_latest_vote),
		cmocka_unit_test(polis_bad_vote_bad),
		cmocka_unit_test(polis_comments),
		cmocka_unit_test(polis_members),
		cmocka_unit_test(polis_not_utf8_bad),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
