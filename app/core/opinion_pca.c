/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The two leading principal components of the centred vote matrix Y
 * (y = vote - mean of the statement where a vote exists, 0 where none:
 * the column-mean imputation, centred), never built: Y^T Y V is computed
 * as Y^T (Y V) from the votes by statement, so the only random accesses go
 * to a participants x b array that stays in cache.
 *
 * Block subspace iteration with Rayleigh-Ritz (Saad, "Numerical methods for
 * large eigenvalue problems", ch. 5): b = 8 orthonormal vectors V, Z = A V,
 * the b x b problem V^T Z solved by Jacobi, Ritz vectors V Q whose
 * residuals |A v - theta v| decide convergence, then V = orth(Z Q) by
 * Cholesky QR done twice. The error of the two leading vectors shrinks as
 * (lambda_9 / lambda_2)^iterations, far faster than Pol.is's single-vector
 * power iteration with deflation, which needs lambda_2 / lambda_1 small.
 * Start vectors come from the seed: same votes, same components.
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "opinion_int.h"

#define PCA_BMAX	16

struct pca_work {
	const struct opinion_csc *c;
	const unsigned char *steer;
	const double	*mean;
	size_t		 m, n, b;
	double		*v, *z, *t, *u;	/* m b, m b, m b, n b */
	uint64_t	 rng;
};

/*
 * The hot loops take b as an argument and are always inlined, so that the
 * calls with the constant PCA_B (the usual case) are compiled for it: the
 * accumulators stay in registers and the loops over t are vectorised
 * (about 7 times faster than with b read at run time).
 */
#define PCA_B		8
#define PCA_HOT		static inline __attribute__((always_inline))

/* u = Y v (n x b), then z = Y^T u (m x b). */
PCA_HOT void
pca_multiply_b(struct pca_work *w, const size_t b)
{
	const struct opinion_csc *c = w->c;
	size_t		 j, e, t;
	double		 y, acc[PCA_BMAX], *ui;
	const double	*vj;

	memset(w->u, 0, w->n * b * sizeof(double));
	for (j = 0; j < w->m; j++) {
		vj = w->v + j * b;
		for (e = c->colptr[j]; e < c->colptr[j + 1]; e++) {
			if (!w->steer[c->row[e]])
				continue;
			y = c->val[e] - w->mean[j];
			ui = w->u + (size_t)c->row[e] * b;
			for (t = 0; t < b; t++)
				ui[t] += y * vj[t];
		}
	}
	for (j = 0; j < w->m; j++) {
		for (t = 0; t < b; t++)
			acc[t] = 0;
		for (e = c->colptr[j]; e < c->colptr[j + 1]; e++) {
			if (!w->steer[c->row[e]])
				continue;
			y = c->val[e] - w->mean[j];
			ui = w->u + (size_t)c->row[e] * b;
			for (t = 0; t < b; t++)
				acc[t] += y * ui[t];
		}
		for (t = 0; t < b; t++)
			w->z[j * b + t] = acc[t];
	}
}

static void
pca_multiply(struct pca_work *w)
{
	if (w->b == PCA_B)
		pca_multiply_b(w, PCA_B);
	else
		pca_multiply_b(w, w->b);
}

/* g = a^T c for two m x b arrays (g is b x b). */
PCA_HOT void
pca_gram_b(const double *a, const double *c, size_t m, const size_t b,
    double *g)
{
	size_t	j, s, t;

	memset(g, 0, b * b * sizeof(double));
	for (j = 0; j < m; j++)
		for (s = 0; s < b; s++)
			for (t = 0; t < b; t++)
				g[s * b + t] += a[j * b + s] * c[j * b + t];
}

static void
pca_gram(const double *a, const double *c, size_t m, size_t b, double *g)
{
	if (b == PCA_B)
		pca_gram_b(a, c, m, PCA_B, g);
	else
		pca_gram_b(a, c, m, b, g);
}

/* out = a q for an m x b array and a b x b matrix. */
PCA_HOT void
pca_rotate_b(const double *a, const double *q, size_t m, const size_t b,
    double *out)
{
	size_t	j, s, t;
	double	row[PCA_BMAX];

	for (j = 0; j < m; j++) {
		for (t = 0; t < b; t++) {
			row[t] = 0;
			for (s = 0; s < b; s++)
				row[t] += a[j * b + s] * q[s * b + t];
		}
		memcpy(out + j * b, row, b * sizeof(double));
	}
}

static void
pca_rotate(const double *a, const double *q, size_t m, size_t b,
    double *out)
{
	if (b == PCA_B)
		pca_rotate_b(a, q, m, PCA_B, out);
	else
		pca_rotate_b(a, q, m, b, out);
}

/*
 * Jacobi eigenvalues of the symmetric b x b matrix h (destroyed): theta in
 * decreasing order, eigenvectors in the columns of q.
 */
static void
pca_jacobi(double *h, size_t b, double *theta, double *q)
{
	double	 qq[PCA_BMAX * PCA_BMAX], d[PCA_BMAX], off, tau, tn, cs, sn,
		 x, y;
	size_t	 i, j, r, s, sweep, order[PCA_BMAX];

	memset(qq, 0, sizeof(qq));
	for (i = 0; i < b; i++)
		qq[i * b + i] = 1;
	for (sweep = 0; sweep < 100; sweep++) {
		off = 0;
		for (r = 0; r < b; r++)
			for (s = r + 1; s < b; s++)
				off += h[r * b + s] * h[r * b + s];
		if (off == 0)
			break;
		for (r = 0; r < b; r++)
			for (s = r + 1; s < b; s++) {
				if (h[r * b + s] == 0)
					continue;
				tau = (h[s * b + s] - h[r * b + r]) /
				    (2 * h[r * b + s]);
				tn = (tau >= 0 ? 1 : -1) /
				    (fabs(tau) + sqrt(1 + tau * tau));
				cs = 1 / sqrt(1 + tn * tn);
				sn = tn * cs;
				for (i = 0; i < b; i++) {	/* columns r, s */
					x = h[i * b + r];
					y = h[i * b + s];
					h[i * b + r] = cs * x - sn * y;
					h[i * b + s] = sn * x + cs * y;
				}
				for (i = 0; i < b; i++) {	/* rows r, s */
					x = h[r * b + i];
					y = h[s * b + i];
					h[r * b + i] = cs * x - sn * y;
					h[s * b + i] = sn * x + cs * y;
				}
				for (i = 0; i < b; i++) {
					x = qq[i * b + r];
					y = qq[i * b + s];
					qq[i * b + r] = cs * x - sn * y;
					qq[i * b + s] = sn * x + cs * y;
				}
			}
	}
	for (i = 0; i < b; i++) {
		d[i] = h[i * b + i];
		order[i] = i;
	}
	for (i = 1; i < b; i++)		/* stable insertion, decreasing */
		for (j = i; j > 0 && d[order[j]] > d[order[j - 1]]; j--) {
			r = order[j];
			order[j] = order[j - 1];
			order[j - 1] = r;
		}
	for (j = 0; j < b; j++) {
		theta[j] = d[order[j]];
		for (i = 0; i < b; i++)
			q[i * b + j] = qq[i * b + order[j]];
	}
}

/* Column t of the m x b array v filled with seeded values in [-1, 1). */
static void
pca_fill(struct pca_work *w, double *v, size_t t)
{
	size_t	j;

	for (j = 0; j < w->m; j++)
		v[j * w->b + t] = 2 * opinion_rng_unit(&w->rng) - 1;
}

/*
 * Columns scaled to unit length, so that the Gram matrix below is close to
 * the identity even when their norms (the eigenvalues, for A V) span many
 * orders of magnitude; a column that is numerically zero is refilled.
 */
static void
pca_normalise(struct pca_work *w, double *v)
{
	double	norm[PCA_BMAX], top = 0;
	size_t	b = w->b, j, t;

	for (t = 0; t < b; t++)
		norm[t] = 0;
	for (j = 0; j < w->m; j++)
		for (t = 0; t < b; t++)
			norm[t] += v[j * b + t] * v[j * b + t];
	for (t = 0; t < b; t++)
		if (norm[t] > top)
			top = norm[t];
	for (t = 0; t < b; t++) {
		if (!(norm[t] > 1e-28 * top) || norm[t] == 0) {
			pca_fill(w, v, t);
			norm[t] = 0;
			for (j = 0; j < w->m; j++)
				norm[t] += v[j * b + t] * v[j * b + t];
		}
		norm[t] = 1 / sqrt(norm[t]);
	}
	for (j = 0; j < w->m; j++)
		for (t = 0; t < b; t++)
			v[j * b + t] *= norm[t];
}

/*
 * One Cholesky QR pass: g = v^T v = R^T R, v = v R^-1. A column that
 * depends on the previous ones (tiny pivot) is refilled and the pass
 * starts again. Returns 0, or -1 when a column could not be made
 * independent (b larger than the rank m).
 */
static int
pca_cholqr(struct pca_work *w, double *v)
{
	double	g[PCA_BMAX * PCA_BMAX], r[PCA_BMAX * PCA_BMAX], d, row[PCA_BMAX];
	size_t	b = w->b, i, j, k, t, tries;

	for (tries = 0; tries < 4 * b; tries++) {
		pca_normalise(w, v);
		pca_gram(v, v, w->m, b, g);
		memset(r, 0, sizeof(r));
		for (t = 0; t < b; t++) {
			d = g[t * b + t];
			for (k = 0; k < t; k++)
				d -= r[k * b + t] * r[k * b + t];
			if (!(d > 1e-20))	/* unit columns: sin < 1e-10 */
				break;
			r[t * b + t] = sqrt(d);
			for (j = t + 1; j < b; j++) {
				d = g[t * b + j];
				for (k = 0; k < t; k++)
					d -= r[k * b + t] * r[k * b + j];
				r[t * b + j] = d / r[t * b + t];
			}
		}
		if (t < b) {
			pca_fill(w, v, t);
			continue;
		}
		for (i = 0; i < w->m; i++) {	/* row * R^-1, forward */
			for (t = 0; t < b; t++) {
				d = v[i * b + t];
				for (k = 0; k < t; k++)
					d -= row[k] * r[k * b + t];
				row[t] = d / r[t * b + t];
			}
			memcpy(v + i * b, row, b * sizeof(double));
		}
		return (0);
	}
	return (-1);
}

/* Orthonormal columns: Cholesky QR twice ("twice is enough"). */
static int
pca_orth(struct pca_work *w, double *v)
{
	if (pca_cholqr(w, v) == -1)
		return (-1);
	return (pca_cholqr(w, v));
}

/* The largest coordinate of each component made positive. */
static void
pca_sign(double *comp, size_t m)
{
	size_t	j, best = 0;

	for (j = 1; j < m; j++)
		if (fabs(comp[j]) > fabs(comp[best]))
			best = j;
	if (comp[best] < 0)
		for (j = 0; j < m; j++)
			comp[j] = -comp[j];
}

/* Residuals of the two leading Ritz pairs (t: vectors, z: A vectors). */
static int
pca_converged(const struct pca_work *w, const double *theta, double tol)
{
	double	r[2] = { 0, 0 }, d;
	size_t	j, s;

	for (j = 0; j < w->m; j++)
		for (s = 0; s < 2; s++) {
			d = w->z[j * w->b + s] - theta[s] * w->t[j * w->b + s];
			r[s] += d * d;
		}
	return (sqrt(r[0]) <= tol * theta[0] && sqrt(r[1]) <= tol * theta[0]);
}

/* Subspace iteration; the two leading Ritz vectors end in w->t. */
static int
pca_iterate(struct pca_work *w, const struct opinion_params *p,
    double theta[PCA_BMAX], unsigned *iters, int *converged)
{
	double		 h[PCA_BMAX * PCA_BMAX], q[PCA_BMAX * PCA_BMAX], *x;
	unsigned	 it;
	size_t		 t, b = w->b;

	for (t = 0; t < b; t++)
		pca_fill(w, w->v, t);
	if (pca_orth(w, w->v) == -1)
		return (-1);
	*converged = 0;
	for (it = 1; it <= p->pca_max_iter; it++) {
		pca_multiply(w);
		pca_gram(w->v, w->z, w->m, b, h);
		for (t = 0; t < b * b; t++)	/* symmetric part */
			h[t] = (h[t] + h[(t % b) * b + t / b]) / 2;
		pca_jacobi(h, b, theta, q);
		pca_rotate(w->v, q, w->m, b, w->t);	/* Ritz vectors */
		pca_rotate(w->z, q, w->m, b, w->v);	/* A Ritz vectors */
		x = w->z;				/* z <-> v */
		w->z = w->v;
		w->v = x;
		*iters = it;
		opinion_progress(p, "composantes",
		    (double)it / p->pca_max_iter);
		if (pca_converged(w, theta, p->pca_tol)) {
			*converged = 1;
			break;
		}
		memcpy(w->v, w->z, w->m * b * sizeof(double));
		if (pca_orth(w, w->v) == -1)
			return (-1);
	}
	return (0);
}

int
opinion_pca(const struct opinion_csc *c, const unsigned char *steer,
    const double *mean, const struct opinion_params *p, double *comp[2],
    double eig[2], unsigned *iters, int *converged)
{
	struct pca_work	 w;
	double		 theta[PCA_BMAX];
	size_t		 j, s;
	int		 rc = -1;

	memset(&w, 0, sizeof(w));
	w.c = c;
	w.steer = steer;
	w.mean = mean;
	w.m = c->m;
	w.n = c->n;
	w.b = p->pca_block < 2 ? 2 : p->pca_block > PCA_BMAX ? PCA_BMAX :
	    p->pca_block;
	if (w.b > w.m)
		w.b = w.m;
	w.rng = p->seed ^ 0x70636120636f6d70ULL;
	w.v = calloc(w.m * w.b, sizeof(double));
	w.z = calloc(w.m * w.b, sizeof(double));
	w.t = calloc(w.m * w.b, sizeof(double));
	w.u = calloc(w.n * w.b, sizeof(double));
	*iters = 0;
	if (w.v == NULL || w.z == NULL || w.t == NULL || w.u == NULL)
		goto out;
	if (pca_iterate(&w, p, theta, iters, converged) == -1)
		goto out;
	for (s = 0; s < 2; s++) {
		for (j = 0; j < w.m; j++)
			comp[s][j] = w.t[j * w.b + s];
		eig[s] = theta[s] > 0 ? theta[s] : 0;
		pca_sign(comp[s], w.m);
	}
	/* Votes along a single direction: no second axis to show. */
	if (eig[1] <= 1e-12 * eig[0]) {
		eig[1] = 0;
		memset(comp[1], 0, w.m * sizeof(double));
	}
	rc = 0;
out:
	free(w.v);
	free(w.z);
	free(w.t);
	free(w.u);
	return (rc);
}
