/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Unit tests of app/core/ranking.c. */

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../../app/core/ranking.h"

static void
close_to(double a, double b)
{
	if (fabs(a - b) > 1e-6)
		fail_msg("%.9f is not %.9f", a, b);
}

/* ranking-zero: no votes, no score. */
static void
ranking_zero(void **state)
{
	close_to(ranking_wilson_lower(0, 0), 0.0);
	close_to(ranking_wilson_lower(5, 0), 0.0);
	close_to(ranking_wilson_lower(0, -3), 0.0);
}

/* ranking-known: values computed independently (and by PostgreSQL). */
static void
ranking_known(void **state)
{
	close_to(ranking_wilson_lower(5, 10), 0.236589594);
	close_to(ranking_wilson_lower(100, 100), 0.963005193);
	close_to(ranking_wilson_lower(1, 1), 0.206543291);
	close_to(ranking_wilson_lower(0, 10), 0.0);
}

/* ranking-volume: 95/100 beats 1/1 although its raw ratio is lower. */
static void
ranking_volume(void **state)
{
	assert_true(ranking_wilson_lower(95, 100) > ranking_wilson_lower(1, 1));
	assert_true(ranking_wilson_lower(60, 100) > ranking_wilson_lower(6, 10));
	assert_true(ranking_wilson_lower(10, 10) > ranking_wilson_lower(9, 10));
}

/* ranking-clamp-bad: agree outside [0, total] is clamped. */
static void
ranking_clamp_bad(void **state)
{
	close_to(ranking_wilson_lower(20, 10), ranking_wilson_lower(10, 10));
	close_to(ranking_wilson_lower(-4, 10), 0.0);
}

/* ranking-bounds: always within [0, 1). */
static void
ranking_bounds(void **state)
{
	long long	a, n;
	double		v;

	for (n = 1; n < 200; n += 7)
		for (a = 0; a <= n; a++) {
			v = ranking_wilson_lower(a, n);
			assert_true(v >= 0.0 && v < 1.0);
			if (a > 0)
				assert_true(v > ranking_wilson_lower(a - 1, n));
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ranking_zero),
		cmocka_unit_test(ranking_known),
		cmocka_unit_test(ranking_volume),
		cmocka_unit_test(ranking_clamp_bad),
		cmocka_unit_test(ranking_bounds),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
