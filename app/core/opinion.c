/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * opinion_map_compute(): the steps of opinion.h in order, each refusing to
 * go on, with its French sentence, when the votes cannot give a map.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opinion_int.h"

static const char *const reason_texts[OPINION_REASON__MAX] = {
	NULL,	/* OPINION_MAPPED */
	/* OPINION_NO_VOTES */
	"Personne n'a encore voté : la carte des opinions apparaîtra avec "
	"les premiers votes.",
	/* OPINION_ONE_VOTER */
	"Une seule personne a voté pour l'instant : la carte des opinions "
	"compare les votes d'au moins deux personnes.",
	/* OPINION_ONE_STATEMENT */
	"Les votes ne portent encore que sur une seule proposition : il en "
	"faut au moins deux pour situer les opinions les unes par rapport "
	"aux autres.",
	/* OPINION_TOO_FEW_VOTES */
	"Personne n'a encore voté sur au moins 7 propositions (ou sur "
	"toutes, s'il y en a moins) : la carte des opinions attend davantage "
	"de votes.",
	/* OPINION_TOO_FEW_VOTERS */
	"Trop peu de personnes ont voté sur au moins 7 propositions pour "
	"former des groupes d'opinion d'au moins 10 personnes chacun.",
	/* OPINION_IDENTICAL */
	"Tout le monde a voté de la même façon : il n'y a pas de groupes "
	"d'opinion différents à montrer.",
};

void
opinion_params_default(struct opinion_params *p)
{
	memset(p, 0, sizeof(*p));
	p->min_votes = OPINION_MIN_VOTES;
	p->k_min = OPINION_K_MIN;
	p->k_max = OPINION_K_MAX;
	p->seed = 0x41676f7261ULL;	/* "Agora" */
	p->scaling = OPINION_SCALE_POLIS;
	p->pca_block = 8;
	p->pca_max_iter = 500;
	p->pca_tol = 1e-10;
	p->min_group = 10;
	p->k_margin = 0.02;
	p->kmeans_restarts = 16;
	p->kmeans_max_iter = 100;
	p->silhouette_sample = 4000;
	p->repness_max = 5;
	p->consensus_max = 5;
}

const char *
opinion_reason_text(enum opinion_reason r)
{
	if ((int)r < 0 || r >= OPINION_REASON__MAX)
		return (NULL);
	return (reason_texts[r]);
}

static void
map_refuse(struct opinion_map *map, enum opinion_reason r)
{
	map->reason = r;
	map->reason_text = reason_texts[r];
}

/* Who votes, on what, and who steers; the first reasons not to map. */
static int
map_participation(struct opinion_map *map, const struct opinion_csc *c,
    const struct opinion_params *p, unsigned char *steer)
{
	uint32_t	i, j;

	for (i = 0; i < c->n; i++)
		map->nvoters += map->votes_of[i] > 0;
	for (j = 0; j < c->m; j++)
		map->nvoted_statements += c->colptr[j + 1] > c->colptr[j];
	map->min_votes = p->min_votes < map->nvoted_statements ?
	    p->min_votes : map->nvoted_statements;
	if (map->min_votes == 0)
		map->min_votes = 1;
	for (i = 0; i < c->n; i++) {
		steer[i] = map->votes_of[i] >= map->min_votes &&
		    map->votes_of[i] > 0;
		map->nsteering += steer[i];
	}
	if (map->nvotes == 0)
		return (OPINION_NO_VOTES);
	if (map->nvoters == 1)
		return (OPINION_ONE_VOTER);
	if (map->nvoted_statements == 1)
		return (OPINION_ONE_STATEMENT);
	if (map->nsteering == 0)
		return (OPINION_TOO_FEW_VOTES);
	if (map->nsteering < 3 || map->nsteering < 2 * p->min_group)
		return (OPINION_TOO_FEW_VOTERS);
	return (OPINION_MAPPED);
}

/* Mean vote of each statement among the steering participants. */
static void
map_means(struct opinion_map *map, const struct opinion_csc *c,
    const unsigned char *steer)
{
	uint32_t	j;
	size_t		e, cnt;
	double		sum, y;

	map->total_variance = 0;
	for (j = 0; j < c->m; j++) {
		sum = 0;
		cnt = 0;
		for (e = c->colptr[j]; e < c->colptr[j + 1]; e++)
			if (steer[c->row[e]]) {
				sum += c->val[e];
				cnt++;
			}
		map->mean[j] = cnt ? sum / (double)cnt : 0;
		for (e = c->colptr[j]; e < c->colptr[j + 1]; e++)
			if (steer[c->row[e]]) {
				y = c->val[e] - map->mean[j];
				map->total_variance += y * y;
			}
	}
}

/* Every voter's position, scaled for how much of the matrix they filled. */
static void
map_project(struct opinion_map *map, const struct opinion_csc *c)
{
	uint32_t	i, j;
	size_t		e;
	double		y;

	for (j = 0; j < c->m; j++)
		for (e = c->colptr[j]; e < c->colptr[j + 1]; e++) {
			y = c->val[e] - map->mean[j];
			map->x[c->row[e]] += y * map->component[0][j];
			map->y[c->row[e]] += y * map->component[1][j];
		}
	if (map->scaling != OPINION_SCALE_POLIS)
		return;
	for (i = 0; i < c->n; i++)
		if (map->votes_of[i] > 0) {
			y = sqrt((double)(map->nvoted_statements +
			    map->scale_extra) /
			    (map->votes_of[i] + map->scale_extra));
			map->x[i] *= y;
			map->y[i] *= y;
		}
}

/* Up to OPINION_K_MAX + 1 distinct positions among n points. */
static unsigned
map_distinct(const double *xs, const double *ys, size_t n)
{
	double		seen[2 * (OPINION_K_MAX + 1)];
	unsigned	k = 0, t;
	size_t		i;

	for (i = 0; i < n && k <= OPINION_K_MAX; i++) {
		for (t = 0; t < k; t++)
			if (seen[2 * t] == xs[i] && seen[2 * t + 1] == ys[i])
				break;
		if (t == k) {
			seen[2 * k] = xs[i];
			seen[2 * k + 1] = ys[i];
			k++;
		}
	}
	return (k);
}

/* Groups numbered by decreasing size (then by position), into the map. */
static void
map_name_groups(struct opinion_map *map, const int *lab, const double *ctr,
    const uint32_t *who, size_t n, unsigned k)
{
	uint32_t	size[OPINION_K_MAX] = { 0 };
	unsigned	order[OPINION_K_MAX], rank[OPINION_K_MAX], a, b, t;
	size_t		i;

	for (i = 0; i < n; i++)
		size[lab[i]]++;
	for (a = 0; a < k; a++)
		order[a] = a;
	for (a = 1; a < k; a++)
		for (b = a; b > 0; b--) {
			unsigned x = order[b], y = order[b - 1];
			if (size[x] > size[y] || (size[x] == size[y] &&
			    (ctr[2 * x] < ctr[2 * y] || (ctr[2 * x] ==
			    ctr[2 * y] && ctr[2 * x + 1] < ctr[2 * y + 1])))) {
				order[b] = y;
				order[b - 1] = x;
			} else
				break;
		}
	for (a = 0; a < k; a++) {
		t = order[a];
		rank[t] = a;
		map->groups[a].size = size[t];
		map->groups[a].center[0] = ctr[2 * t];
		map->groups[a].center[1] = ctr[2 * t + 1];
	}
	for (i = 0; i < n; i++)
		map->group[who[i]] = (int)rank[lab[i]];
	map->k = k;
}

/*
 * k-means for each k tried, the silhouettes of all of them at once, and
 * the best kept (the smaller k on a tie). Returns 0, 1 when no k can be
 * tried, -1 when out of memory.
 */
static int
map_cluster(struct opinion_map *map, const struct opinion_params *p,
    const unsigned char *steer)
{
	double		*xs, *ys, ctr[OPINION_K_MAX + 1][2 * OPINION_K_MAX],
			 sil[OPINION_K_MAX + 1];
	int		*lab[OPINION_K_MAX + 1] = { NULL };
	const int	*labc[OPINION_K_MAX + 1];
	unsigned	 kk[OPINION_K_MAX + 1], k, kmax, nk = 0, t, best = 0;
	uint32_t	*who, i;
	size_t		 n = 0;
	int		 rc = -1, r;

	xs = calloc(map->nsteering, sizeof(*xs));
	ys = calloc(map->nsteering, sizeof(*ys));
	who = calloc(map->nsteering, sizeof(*who));
	if (xs == NULL || ys == NULL || who == NULL)
		goto out;
	for (i = 0; i < map->nparticipants; i++)
		if (steer[i]) {
			xs[n] = map->x[i];
			ys[n] = map->y[i];
			who[n++] = i;
		}
	/* Pol.is's bound: about a dozen people per group at most. */
	kmax = p->k_max > OPINION_K_MAX ? OPINION_K_MAX : p->k_max;
	if (kmax > 2 + n / 12)
		kmax = 2 + n / 12;
	if (kmax > (t = map_distinct(xs, ys, n)))
		kmax = t;
	if (kmax >= n)
		kmax = n - 1;
	for (k = p->k_min < 2 ? 2 : p->k_min; k <= kmax; k++) {
		opinion_progress(p, "groupes", (double)(k - 1) / kmax);
		if ((lab[nk] = calloc(n, sizeof(int))) == NULL ||
		    (r = opinion_kmeans(xs, ys, n, k, p, p->seed + k, lab[nk],
		    ctr[nk])) == -1)
			goto out;
		if (r == 1) {	/* no grouping with min_group in each */
			free(lab[nk]);
			lab[nk] = NULL;
			continue;
		}
		labc[nk] = lab[nk];
		kk[nk++] = k;
	}
	rc = map_distinct(xs, ys, n) < 2 ? 1 : 2;
	if (nk == 0)
		goto out;
	rc = -1;
	if (opinion_silhouette_many(xs, ys, n, labc, kk, nk,
	    p->silhouette_sample, p->seed, sil) == -1)
		goto out;
	for (t = 0; t < nk; t++) {	/* a larger k must earn its place */
		map->silhouette_k[kk[t]] = sil[t];
		if (isnan(sil[best]) || sil[t] > sil[best] + p->k_margin)
			best = t;
	}
	map->silhouette = sil[best];
	map_name_groups(map, lab[best], ctr[best], who, n, kk[best]);
	rc = 0;
out:
	for (t = 0; t <= OPINION_K_MAX; t++)
		free(lab[t]);
	free(xs);
	free(ys);
	free(who);
	return (rc);
}

/* Components, positions, groups and statistics of a valid matrix. */
static int
map_draw(struct opinion_map *map, const struct opinion_csc *c,
    const struct opinion_params *p, const unsigned char *steer)
{
	uint32_t	i;
	int		rc;

	map->mean = calloc(c->m, sizeof(double));
	map->component[0] = calloc(c->m, sizeof(double));
	map->component[1] = calloc(c->m, sizeof(double));
	map->consensus_score = calloc(c->m, sizeof(double));
	map->x = calloc(c->n, sizeof(double));
	map->y = calloc(c->n, sizeof(double));
	map->group = calloc(c->n, sizeof(int));
	if (map->mean == NULL || map->component[0] == NULL ||
	    map->component[1] == NULL || map->consensus_score == NULL ||
	    map->x == NULL || map->y == NULL || map->group == NULL)
		return (-1);
	for (i = 0; i < c->n; i++)
		map->group[i] = OPINION_NOT_CLUSTERED;
	map_means(map, c, steer);
	if (!(map->total_variance > 1e-9)) {
		map_refuse(map, OPINION_IDENTICAL);
		return (0);
	}
	if (opinion_pca(c, steer, map->mean, p, map->component,
	    map->eigenvalue, &map->pca_iterations, &map->pca_converged) == -1)
		return (-1);
	map->scaling = p->scaling;
	map->scale_extra = p->scale_extra;
	map_project(map, c);
	if ((rc = map_cluster(map, p, steer)) == -1)
		return (-1);
	if (rc > 0) {	/* one position for all, or groups too small */
		map_refuse(map, rc == 1 ? OPINION_IDENTICAL :
		    OPINION_TOO_FEW_VOTERS);
		return (0);
	}
	map->reason = OPINION_MAPPED;
	map->reason_text = NULL;
	return (opinion_stats(c, p, map));
}

int
opinion_map_compute(const struct opinion_input *in,
    const struct opinion_params *params, struct opinion_map *map, char *err,
    size_t errlen)
{
	struct opinion_params	 defaults;
	struct opinion_csc	 c = { 0 };
	unsigned char		*steer = NULL;
	unsigned		 k;
	int			 rc = -1, why;

	if (params == NULL) {
		opinion_params_default(&defaults);
		params = &defaults;
	}
	memset(map, 0, sizeof(*map));
	for (k = 0; k <= OPINION_K_MAX; k++)
		map->silhouette_k[k] = NAN;
	map->silhouette = NAN;
	if (in == NULL || (in->votes == NULL && in->nvotes > 0)) {
		snprintf(err, errlen, "no votes given");
		return (-1);
	}
	map->nparticipants = in->nparticipants;
	map->nstatements = in->nstatements;
	map->nvotes = in->nvotes;
	map->votes_of = calloc((size_t)in->nparticipants + 1, sizeof(uint32_t));
	steer = calloc((size_t)in->nparticipants + 1, 1);
	if (map->votes_of == NULL || steer == NULL) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	opinion_progress(params, "lecture", 0);
	if (opinion_csc_build(in, &c, map->votes_of, err, errlen) == -1)
		goto out;
	if ((why = map_participation(map, &c, params, steer)) != OPINION_MAPPED)
		map_refuse(map, (enum opinion_reason)why);
	else if (map_draw(map, &c, params, steer) == -1) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	opinion_progress(params, "fin", 1);
	rc = 0;
out:
	opinion_csc_free(&c);
	free(steer);
	if (rc == -1)
		opinion_map_free(map);
	return (rc);
}

void
opinion_map_free(struct opinion_map *map)
{
	unsigned	g;

	free(map->votes_of);
	free(map->mean);
	free(map->component[0]);
	free(map->component[1]);
	free(map->consensus_score);
	free(map->x);
	free(map->y);
	free(map->group);
	free(map->consensus);
	for (g = 0; g < OPINION_K_MAX; g++)
		free(map->groups[g].repness);
	memset(map, 0, sizeof(*map));
}

int
opinion_map_project(const struct opinion_map *map,
    const struct opinion_vote *v, size_t n, double *x, double *y)
{
	size_t	i, cnt = 0;
	double	d, px = 0, py = 0;

	if (map->reason != OPINION_MAPPED || map->mean == NULL)
		return (-1);
	for (i = 0; i < n; i++) {
		if (v[i].statement >= map->nstatements || v[i].value < -1 ||
		    v[i].value > 1)
			continue;
		d = v[i].value - map->mean[v[i].statement];
		px += d * map->component[0][v[i].statement];
		py += d * map->component[1][v[i].statement];
		cnt++;
	}
	if (cnt == 0)
		return (-1);
	if (map->scaling == OPINION_SCALE_POLIS) {
		d = sqrt((double)(map->nvoted_statements + map->scale_extra) /
		    (cnt + map->scale_extra));
		px *= d;
		py *= d;
	}
	*x = px;
	*y = py;
	return (0);
}

int
opinion_map_nearest_group(const struct opinion_map *map, double x, double y)
{
	unsigned	g;
	int		best = -1;
	double		d, bd = INFINITY;

	if (map->reason != OPINION_MAPPED)
		return (-1);
	for (g = 0; g < map->k; g++) {
		d = (x - map->groups[g].center[0]) * (x - map->groups[g].center[0]) +
		    (y - map->groups[g].center[1]) * (y - map->groups[g].center[1]);
		if (d < bd) {
			bd = d;
			best = (int)g;
		}
	}
	return (best);
}
