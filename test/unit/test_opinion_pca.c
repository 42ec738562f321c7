/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The opinion map's components against a reference computed another way:
 * test/unit/opinion_svd.py builds the dense imputed matrix and takes its
 * SVD with numpy (Debian's python3-numpy, at /usr/bin/python3 or
 * $OPINION_PYTHON). Components, eigenvalues and every participant's
 * projection must agree within 1e-6 (components up to their sign).
 */

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../app/core/opinion.h"

#define TOL	1e-6

/* A small deterministic generator of the test's own (not the core's). */
static uint64_t
lcg(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (*s >> 33);
}

/*
 * n participants, m statements; participant i votes on each statement with
 * probability density (some only on a few: they do not steer), the value
 * drawn from two planted factors plus noise.
 */
static size_t
make_votes(struct opinion_vote *v, uint32_t n, uint32_t m, double density,
    uint64_t seed)
{
	uint64_t	s = seed;
	size_t		k = 0;
	uint32_t	i, j;
	double		f1, f2, l1, l2, z, dens;

	for (i = 0; i < n; i++) {
		f1 = (i % 3 == 0) ? 1 : -1;
		f2 = (i % 5 < 2) ? 1 : -1;
		dens = i % 9 == 4 ? 4.0 / m : density;	/* ~4 votes */
		for (j = 0; j < m; j++) {
			if ((lcg(&s) % 1000) / 1000.0 >= dens)
				continue;
			l1 = (j % 4 < 2) ? 1 : -1;
			l2 = (j % 3 == 0) ? 1 : -0.5;
			z = f1 * l1 + 0.6 * f2 * l2 +
			    ((double)(lcg(&s) % 1000) / 500.0 - 1) * 1.2;
			v[k].participant = i;
			v[k].statement = j;
			v[k++].value = z > 0.5 ? 1 : z < -0.5 ? -1 : 0;
		}
	}
	return (k);
}

/* Runs the numpy reference on the votes; its numbers into ref. */
static void
reference(const struct opinion_vote *v, size_t nv, uint32_t n, uint32_t m,
    double *ref, size_t nref)
{
	char		 in[] = "/tmp/opinion-svd-in-XXXXXX", out[64], cmd[512];
	const char	*py = getenv("OPINION_PYTHON");
	FILE		*f;
	size_t		 i;
	int		 fd;

	if (py == NULL)
		py = "/usr/bin/python3";
	assert_true((fd = mkstemp(in)) >= 0);
	assert_non_null(f = fdopen(fd, "w"));
	fprintf(f, "%u %u %d\n", n, m, OPINION_MIN_VOTES);
	for (i = 0; i < nv; i++)
		fprintf(f, "%u %u %d\n", v[i].participant, v[i].statement,
		    v[i].value);
	fclose(f);
	snprintf(out, sizeof(out), "%s.out", in);
	snprintf(cmd, sizeof(cmd), "%s test/unit/opinion_svd.py %s %s", py, in,
	    out);
	if (system(cmd) != 0)
		fail_msg("the numpy reference did not run: %s (is "
		    "python3-numpy installed? make deps)", cmd);
	assert_non_null(f = fopen(out, "r"));
	for (i = 0; i < nref; i++)
		assert_int_equal(fscanf(f, "%lf", &ref[i]), 1);
	fclose(f);
	unlink(in);
	unlink(out);
}

/* Components, eigenvalues and projections of one vote set vs numpy. */
static void
against_numpy(uint32_t n, uint32_t m, double density, uint64_t seed)
{
	struct opinion_vote	*v;
	struct opinion_input	 in;
	struct opinion_map	 map;
	double			*ref, sign[2], d;
	size_t			 nv, nref = 2 * (size_t)m + 2 + 2 * (size_t)n;
	uint32_t		 i, j, c;
	char			 err[128];

	assert_non_null(v = calloc((size_t)n * m, sizeof(*v)));
	assert_non_null(ref = calloc(nref, sizeof(*ref)));
	nv = make_votes(v, n, m, density, seed);
	in.votes = v;
	in.nvotes = nv;
	in.nparticipants = n;
	in.nstatements = m;
	assert_int_equal(opinion_map_compute(&in, NULL, &map, err,
	    sizeof(err)), 0);
	assert_int_equal(map.reason, OPINION_MAPPED);
	assert_true(map.pca_converged);
	assert_true(map.nsteering < n);	/* some only projected */
	reference(v, nv, n, m, ref, nref);
	for (c = 0; c < 2; c++) {
		d = 0;
		for (j = 0; j < m; j++)
			d += map.component[c][j] * ref[c * m + j];
		sign[c] = d < 0 ? -1 : 1;
		for (j = 0; j < m; j++)
			if (fabs(map.component[c][j] - sign[c] *
			    ref[c * m + j]) > TOL)
				fail_msg("component %u, statement %u: %.9f, "
				    "numpy %.9f", c, j, map.component[c][j],
				    sign[c] * ref[c * m + j]);
		d = ref[2 * m + c];
		if (fabs(map.eigenvalue[c] - d) > TOL * d)
			fail_msg("eigenvalue %u: %.9f, numpy %.9f", c,
			    map.eigenvalue[c], d);
	}
	for (i = 0; i < n; i++) {
		const double *r = ref + 2 * m + 2 + 2 * (size_t)i;
		if (fabs(map.x[i] - sign[0] * r[0]) > TOL ||
		    fabs(map.y[i] - sign[1] * r[1]) > TOL)
			fail_msg("participant %u: (%.9f, %.9f), numpy (%.9f, "
			    "%.9f)", i, map.x[i], map.y[i], sign[0] * r[0],
			    sign[1] * r[1]);
	}
	opinion_map_free(&map);
	free(v);
	free(ref);
}

/* opinion-pca-numpy: 80 people x 30 statements, 60 % voted. */
static void
opinion_pca_numpy(void **state)
{
	against_numpy(80, 30, 0.6, 1);
}

/* opinion-pca-numpy-sparse: 300 x 120, 15 % voted, many below 7 votes. */
static void
opinion_pca_numpy_sparse(void **state)
{
	against_numpy(300, 120, 0.15, 2);
}

/* opinion-pca-numpy-wide: more statements than people (40 x 200). */
static void
opinion_pca_numpy_wide(void **state)
{
	against_numpy(40, 200, 0.5, 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(opinion_pca_numpy),
		cmocka_unit_test(opinion_pca_numpy_sparse),
		cmocka_unit_test(opinion_pca_numpy_wide),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
