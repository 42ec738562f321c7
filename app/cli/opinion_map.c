/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora opinion-map [--consultation SLUG] [--theme SLUG] [--members FILE]:
 * the opinion map (app/core/opinion.h) of a theme, of a whole
 * consultation, or, with neither, of every scope whose votes grew by
 * opinion_map_new_votes (setting, default 500) since its map (or that has
 * none): the refresh a timer runs (conf/production/agora-opinion-map.*).
 *
 * It reads the scope's votes on public proposals streaming (one row at a
 * time: never the whole result in memory twice), computes the map with a
 * progress line on stderr, and replaces the scope's stored map in one
 * transaction (migration 0225): groups with their sizes and centres, each
 * group's distinctive proposals, the consensus proposals, every voted
 * proposal's components (to place a signed-in person's own votes later),
 * and the chart's cells (how many people per cell of a 40 x 40 grid and
 * group). No person's group is stored. --members writes
 * "participant,groupe" for administrators' own checks (the source id of an
 * imported participant, the open data's pseudonym of an account; groupe
 * 1..k, empty when not clustered); keep that file to yourself: it is
 * inferred political opinion (GDPR art. 9).
 */

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "../core/opendata.h"
#include "../core/opinion.h"
#include "../core/settings.h"
#include "../core/vocab.h"
#include "../db/opinion.h"
#include "cli.h"

#define OM_GRID		OPINION_GRID

_Static_assert((int)OMR__MAX == (int)OPINION_REASON__MAX,
    "vocab_opinion_reason follows enum opinion_reason");

/* The scope being computed. */
struct om_scope {
	long long	 consultation, theme;	/* theme 0: the whole one */
	char		 label[512];
};

static void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n + 1, size)) == NULL) {
		fprintf(stderr, "agora opinion-map: mémoire insuffisante\n");
		exit(1);
	}
	return (p);
}

/* ------------------------------------------------------------ id maps */

/* Open addressing from a database id to a dense index. */
struct idmap {
	long long	*keys;
	uint32_t	*vals;
	size_t		 cap, n;
};

static size_t
id_hash(long long k)
{
	unsigned long long	x = (unsigned long long)k;

	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return ((size_t)x);
}

static void
idmap_grow(struct idmap *m)
{
	struct idmap	o = *m;
	size_t		i, j;

	m->cap = o.cap ? o.cap * 2 : 1024;
	m->keys = xcalloc(m->cap, sizeof(*m->keys));
	m->vals = xcalloc(m->cap, sizeof(*m->vals));
	for (i = 0; i < o.cap; i++) {
		if (o.vals[i] == 0)
			continue;
		for (j = id_hash(o.keys[i]) & (m->cap - 1); m->vals[j] != 0;
		    j = (j + 1) & (m->cap - 1))
			;
		m->keys[j] = o.keys[i];
		m->vals[j] = o.vals[i];
	}
	free(o.keys);
	free(o.vals);
}

/* The index of key, given the next one when new (stored as 1 + index). */
static uint32_t
idmap_index(struct idmap *m, long long key, long long **order, size_t *ocap)
{
	size_t	j;

	if (2 * (m->n + 1) > m->cap)
		idmap_grow(m);
	for (j = id_hash(key) & (m->cap - 1); m->vals[j] != 0;
	    j = (j + 1) & (m->cap - 1))
		if (m->keys[j] == key)
			return (m->vals[j] - 1);
	if (m->n == *ocap) {
		*ocap = *ocap ? *ocap * 2 : 1024;
		if ((*order = realloc(*order, *ocap * sizeof(**order))) == NULL)
			exit(1);
	}
	(*order)[m->n] = key;
	m->keys[j] = key;
	m->vals[j] = (uint32_t)++m->n;
	return ((uint32_t)(m->n - 1));
}

static void
idmap_free(struct idmap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

/* ------------------------------------------------------------ progress */

static int	progress_tty = -1;

/* The core's progress callback: one line, rewritten on a terminal. */
static void
progress(void *arg, const char *stage, double share)
{
	static char	last[64];
	size_t		width = 30, done, k;
	char		bar[31];

	(void)arg;
	if (progress_tty == -1)
		progress_tty = isatty(2);
	if (!progress_tty) {
		if (strcmp(last, stage) != 0)
			fprintf(stderr, "opinion-map: %s\n", stage);
		snprintf(last, sizeof(last), "%s", stage);
		return;
	}
	done = (size_t)(share * width);
	for (k = 0; k < width; k++)
		bar[k] = k < done ? '#' : '.';
	bar[width] = '\0';
	fprintf(stderr, "\r%-22s [%s] %3d %%", stage, bar, (int)(share * 100));
	fflush(stderr);
	snprintf(last, sizeof(last), "%s", stage);
}

/* ------------------------------------------------------------ reading */

/* The votes of a scope, as the core takes them, and who is who. */
struct om_votes {
	struct opinion_vote	*v;
	size_t			 n, cap;
	long long		*people, *proposals;	/* index -> db id */
	size_t			 pcap, scap;
	struct idmap		 pmap, smap;
};

/* Streams sql_opinion_votes row by row into *ov. */
static void
read_votes(PGconn *db, const struct om_scope *s, struct om_votes *ov)
{
	PGresult	*res;
	const char	*p[2];
	char		 cid[24], tid[24];
	long long	 who, what;
	long		 value;

	snprintf(cid, sizeof(cid), "%lld", s->consultation);
	snprintf(tid, sizeof(tid), "%lld", s->theme);
	p[0] = cid;
	p[1] = s->theme ? tid : NULL;
	if (!PQsendQueryParams(db, sql_opinion_votes.sql, 2, NULL, p, NULL,
	    NULL, 0) || !PQsetSingleRowMode(db)) {
		fprintf(stderr, "agora opinion-map: %s", PQerrorMessage(db));
		exit(1);
	}
	while ((res = PQgetResult(db)) != NULL) {
		if (PQresultStatus(res) == PGRES_SINGLE_TUPLE) {
			who = atoll(PQgetvalue(res, 0, OMV_PARTICIPANT));
			what = atoll(PQgetvalue(res, 0, OMV_PROPOSAL));
			value = atol(PQgetvalue(res, 0, OMV_VALUE));
			if (ov->n == ov->cap) {
				ov->cap = ov->cap ? ov->cap * 2 : 65536;
				if ((ov->v = realloc(ov->v, ov->cap *
				    sizeof(*ov->v))) == NULL)
					exit(1);
			}
			ov->v[ov->n].participant = idmap_index(&ov->pmap, who,
			    &ov->people, &ov->pcap);
			ov->v[ov->n].statement = idmap_index(&ov->smap, what,
			    &ov->proposals, &ov->scap);
			ov->v[ov->n++].value = (int8_t)value;
			if (ov->n % 100000 == 0)
				progress(NULL, "lecture des votes", 0);
		} else if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			fprintf(stderr, "agora opinion-map: %s",
			    PQresultErrorMessage(res));
			exit(1);
		}
		PQclear(res);
	}
}

/* ------------------------------------------------------------ storing */

/* A PostgreSQL array literal of numbers or plain words. */
struct num_arr {
	char	*buf;
	size_t	 len, cap;
};

static void
na_add(struct num_arr *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
na_add(struct num_arr *a, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	if (a->cap - a->len < 64 || a->buf == NULL) {
		a->cap = a->cap ? a->cap * 2 : 4096;
		if ((a->buf = realloc(a->buf, a->cap)) == NULL)
			exit(1);
		if (a->len == 0)
			a->buf[a->len++] = '{';
	}
	if (a->len > 1)
		a->buf[a->len++] = ',';
	va_start(ap, fmt);
	n = vsnprintf(a->buf + a->len, a->cap - a->len, fmt, ap);
	va_end(ap);
	a->len += (size_t)n;
}

/* Closes the literal ("{}" when empty) and returns it. */
static const char *
na_end(struct num_arr *a)
{
	if (a->buf == NULL) {
		a->cap = 4;
		if ((a->buf = malloc(a->cap)) == NULL)
			exit(1);
		a->buf[a->len++] = '{';
	}
	a->buf[a->len++] = '}';
	a->buf[a->len] = '\0';
	return (a->buf);
}

static void
na_free(struct num_arr *a, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		free(a[i].buf);
		memset(&a[i], 0, sizeof(a[i]));
	}
}

static void
store_groups(PGconn *db, long long id, const struct opinion_map *m)
{
	struct num_arr	a[4] = { { 0 } };
	unsigned	g;

	for (g = 0; g < m->k; g++) {
		na_add(&a[0], "%u", g);
		na_add(&a[1], "%u", m->groups[g].size);
		na_add(&a[2], "%.17g", m->groups[g].center[0]);
		na_add(&a[3], "%.17g", m->groups[g].center[1]);
	}
	PQclear(cli_query(db, &sql_opinion_groups_insert, DB_INT(id),
	    DB_TEXT(na_end(&a[0])), DB_TEXT(na_end(&a[1])),
	    DB_TEXT(na_end(&a[2])), DB_TEXT(na_end(&a[3]))).res);
	na_free(a, 4);
}

#define OM_BATCH	10000

static double
finite_or_0(double x)
{
	return (isfinite(x) ? x : 0);
}

/* Every voted proposal's mean and components, in batches. */
static void
store_statements(PGconn *db, long long id, const struct opinion_map *m,
    const struct om_votes *ov)
{
	struct num_arr	a[5] = { { 0 } };
	uint32_t	s;

	for (s = 0; s < m->nstatements; s++) {
		na_add(&a[0], "%lld", ov->proposals[s]);
		na_add(&a[1], "%.17g", finite_or_0(m->mean[s]));
		na_add(&a[2], "%.17g", finite_or_0(m->component[0][s]));
		na_add(&a[3], "%.17g", finite_or_0(m->component[1][s]));
		na_add(&a[4], "%.17g", finite_or_0(m->consensus_score[s]));
		if ((s + 1) % OM_BATCH != 0 && s + 1 != m->nstatements)
			continue;
		PQclear(cli_query(db, &sql_opinion_statements_insert,
		    DB_INT(id), DB_TEXT(na_end(&a[0])),
		    DB_TEXT(na_end(&a[1])), DB_TEXT(na_end(&a[2])),
		    DB_TEXT(na_end(&a[3])), DB_TEXT(na_end(&a[4]))).res);
		na_free(a, 5);
	}
}

/* One highlight row into the arrays. */
static void
highlight_add(struct num_arr *a, int grp, size_t rank, long long proposal,
    const char *side, uint32_t ns, uint32_t nt, uint32_t rs, uint32_t rt,
    double score, int sig)
{
	na_add(&a[0], "%d", grp);
	na_add(&a[1], "%zu", rank);
	na_add(&a[2], "%lld", proposal);
	na_add(&a[3], "%s", side);
	na_add(&a[4], "%u", ns);
	na_add(&a[5], "%u", nt);
	na_add(&a[6], "%u", rs);
	na_add(&a[7], "%u", rt);
	na_add(&a[8], "%.17g", isfinite(score) ? score : 0);
	na_add(&a[9], "%s", sig ? "t" : "f");
}

static void
store_highlights(PGconn *db, long long id, const struct opinion_map *m,
    const struct om_votes *ov)
{
	struct num_arr			 a[10] = { { 0 } };
	const struct opinion_repness	*r;
	const struct opinion_consensus	*c;
	uint32_t			 yes, all;
	unsigned			 g;
	size_t				 i;

	for (g = 0; g < m->k; g++)
		for (i = 0; i < m->groups[g].nrepness; i++) {
			r = &m->groups[g].repness[i];
			highlight_add(a, (int)g, i + 1,
			    ov->proposals[r->statement], r->side ==
			    OPINION_SIDE_AGREE ? "agree" : "disagree",
			    r->n_success, r->n_trials, r->rest_success,
			    r->rest_trials, r->repness, r->significant);
		}
	for (i = 0; i < m->nconsensus; i++) {
		c = &m->consensus[i];
		for (yes = all = 0, g = 0; g < m->k; g++) {
			yes += c->agree[g];
			all += c->trials[g];
		}
		highlight_add(a, -1, i + 1, ov->proposals[c->statement],
		    "agree", yes, all, 0, 0, c->score, 1);
	}
	PQclear(cli_query(db, &sql_opinion_highlights_insert, DB_INT(id),
	    DB_TEXT(na_end(&a[0])), DB_TEXT(na_end(&a[1])),
	    DB_TEXT(na_end(&a[2])), DB_TEXT(na_end(&a[3])),
	    DB_TEXT(na_end(&a[4])), DB_TEXT(na_end(&a[5])),
	    DB_TEXT(na_end(&a[6])), DB_TEXT(na_end(&a[7])),
	    DB_TEXT(na_end(&a[8])), DB_TEXT(na_end(&a[9]))).res);
	na_free(a, 10);
}

/* The frame of the chart: every placed person's extent, never empty. */
static void
frame(const struct opinion_map *m, double f[4])
{
	uint32_t	i;
	double		pad;

	f[0] = f[2] = INFINITY;
	f[1] = f[3] = -INFINITY;
	for (i = 0; i < m->nparticipants; i++) {
		if (m->votes_of[i] == 0)
			continue;
		f[0] = fmin(f[0], m->x[i]);
		f[1] = fmax(f[1], m->x[i]);
		f[2] = fmin(f[2], m->y[i]);
		f[3] = fmax(f[3], m->y[i]);
	}
	pad = 1e-9 + 0.02 * fmax(f[1] - f[0], f[3] - f[2]);
	f[0] -= pad;
	f[1] += pad;
	f[2] -= pad;
	f[3] += pad;
}

/* How many people of each group fall in each cell of the grid. */
static void
store_cells(PGconn *db, long long id, const struct opinion_map *m,
    const double f[4])
{
	struct num_arr	 a[4] = { { 0 } };
	uint32_t	*n, i;
	size_t		 cx, cy, g, groups = m->k + 1, cell;

	n = xcalloc(OM_GRID * OM_GRID * groups, sizeof(*n));
	for (i = 0; i < m->nparticipants; i++) {
		if (m->votes_of[i] == 0)
			continue;
		cx = (size_t)((m->x[i] - f[0]) / (f[1] - f[0]) * OM_GRID);
		cy = (size_t)((m->y[i] - f[2]) / (f[3] - f[2]) * OM_GRID);
		cx = cx >= OM_GRID ? OM_GRID - 1 : cx;
		cy = cy >= OM_GRID ? OM_GRID - 1 : cy;
		g = m->group[i] < 0 ? 0 : (size_t)m->group[i] + 1;
		n[(cy * OM_GRID + cx) * groups + g]++;
	}
	for (cell = 0; cell < OM_GRID * OM_GRID; cell++)
		for (g = 0; g < groups; g++) {
			if (n[cell * groups + g] == 0)
				continue;
			na_add(&a[0], "%zu", cell % OM_GRID);
			na_add(&a[1], "%zu", cell / OM_GRID);
			na_add(&a[2], "%d", (int)g - 1);
			na_add(&a[3], "%u", n[cell * groups + g]);
		}
	PQclear(cli_query(db, &sql_opinion_cells_insert, DB_INT(id),
	    DB_TEXT(na_end(&a[0])), DB_TEXT(na_end(&a[1])),
	    DB_TEXT(na_end(&a[2])), DB_TEXT(na_end(&a[3]))).res);
	na_free(a, 4);
	free(n);
}

/* Replaces the scope's stored map, in one transaction. */
static void
store(PGconn *db, const struct om_scope *s, const struct opinion_map *m,
    const struct om_votes *ov, double seconds)
{
	struct db_rows	 r;
	double		 f[4] = { 0, 0, 0, 0 };
	long long	 id;
	int		 mapped = m->reason == OPINION_MAPPED;
	char		 num[6][40];

	if (mapped)
		frame(m, f);
	snprintf(num[0], sizeof(num[0]), "%.17g", m->silhouette);
	snprintf(num[1], sizeof(num[1]), "%.17g", f[0]);
	snprintf(num[2], sizeof(num[2]), "%.17g", f[1]);
	snprintf(num[3], sizeof(num[3]), "%.17g", f[2]);
	snprintf(num[4], sizeof(num[4]), "%.17g", f[3]);
	snprintf(num[5], sizeof(num[5]), "%.3f", seconds);
	PQclear(cli_exec(db, "BEGIN", 0, NULL));
	PQclear(cli_query(db, &sql_opinion_map_delete, DB_INT(s->consultation),
	    DB_ID(s->theme)).res);
	r = cli_query(db, &sql_opinion_map_insert, DB_INT(s->consultation),
	    DB_ID(s->theme), DB_INT(m->nvotes), DB_INT(m->nvoters),
	    DB_INT(m->nsteering), DB_INT(m->nvoted_statements),
	    DB_TEXT(vocab_opinion_reason[m->reason].code), DB_INT(mapped ? m->k : 0),
	    mapped ? DB_TEXT(num[0]) : DB_NULL, mapped ? DB_TEXT(num[1]) :
	    DB_NULL, mapped ? DB_TEXT(num[2]) : DB_NULL, mapped ?
	    DB_TEXT(num[3]) : DB_NULL, mapped ? DB_TEXT(num[4]) : DB_NULL,
	    DB_TEXT(num[5]));
	id = db_int(&r, 0, OMI_ID);
	PQclear(r.res);
	if (mapped) {
		store_groups(db, id, m);
		store_statements(db, id, m, ov);
		store_highlights(db, id, m, ov);
		store_cells(db, id, m, f);
	}
	PQclear(cli_exec(db, "COMMIT", 0, NULL));
}

/* ------------------------------------------------------------ members */

/* The index stored for key, or -1. */
static long
idmap_find(const struct idmap *m, long long key)
{
	size_t	j;

	if (m->cap == 0)
		return (-1);
	for (j = id_hash(key) & (m->cap - 1); m->vals[j] != 0;
	    j = (j + 1) & (m->cap - 1))
		if (m->keys[j] == key)
			return ((long)m->vals[j] - 1);
	return (-1);
}

/*
 * participant,groupe for every voter of the map: an imported participant's
 * source id, or an account's public pseudonym (the open data's).
 */
static int
write_members(PGconn *db, const char *path, const struct opinion_map *m,
    const struct om_votes *ov)
{
	struct opendata_pseudonyms	 ps;
	struct num_arr			 a = { 0 };
	struct db_rows			 r;
	struct idmap			 src = { 0 };
	long long			*order = NULL;
	unsigned char			 key[64];
	size_t				 keylen, ocap = 0;
	char				 id[24];
	const char			*name;
	FILE				*f;
	uint32_t			 p;
	long				 row;

	for (p = 0; p < m->nparticipants; p++)
		if (ov->people[p] < 0)
			na_add(&a, "%lld", -ov->people[p]);
	r = cli_query(db, &sql_opinion_source_ids, DB_TEXT(na_end(&a)));
	na_free(&a, 1);
	for (row = 0; row < db_nrows(&r); row++)	/* index = row */
		idmap_index(&src, db_int(&r, (int)row, OMSRC_ID), &order,
		    &ocap);
	free(order);
	if (cli_secret_load(key, sizeof(key), &keylen) == -1 ||
	    opendata_pseudonyms_init(&ps, key, keylen, 0) == -1)
		exit(1);
	if ((f = fopen(path, "w")) == NULL) {
		fprintf(stderr, "agora opinion-map: %s : impossible d'écrire\n",
		    path);
		exit(1);
	}
	fprintf(f, "participant,groupe\n");
	for (p = 0; p < m->nparticipants; p++) {
		snprintf(id, sizeof(id), "%lld", ov->people[p]);
		if (ov->people[p] > 0)
			name = opendata_pseudonym_of(&ps, id, strlen(id));
		else if ((row = idmap_find(&src, -ov->people[p])) >= 0)
			name = db_text(&r, (int)row, OMSRC_SOURCE_ID);
		else
			name = "?";
		fprintf(f, "%s,", name);
		if (m->group != NULL && m->group[p] >= 0)
			fprintf(f, "%d", m->group[p] + 1);
		fputc('\n', f);
	}
	PQclear(r.res);
	idmap_free(&src);
	opendata_pseudonyms_free(&ps);
	OPENSSL_cleanse(key, sizeof(key));
	return (fclose(f) == 0 ? 0 : -1);
}

/* ------------------------------------------------------------ the job */

static double
now_seconds(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

/* Reads, computes, stores (and writes members) for one scope. */
static int
run_scope(PGconn *db, const struct om_scope *s, const char *members)
{
	struct om_votes		 ov = { 0 };
	struct opinion_input	 in;
	struct opinion_params	 prm;
	struct opinion_map	 m;
	char			 err[256];
	double			 t0, t1;
	int			 rc = 0;

	fprintf(stderr, "opinion-map: %s\n", s->label);
	read_votes(db, s, &ov);
	in.votes = ov.v;
	in.nvotes = ov.n;
	in.nparticipants = (uint32_t)ov.pmap.n;
	in.nstatements = (uint32_t)ov.smap.n;
	opinion_params_default(&prm);
	prm.progress = progress;
	t0 = now_seconds();
	if (opinion_map_compute(&in, &prm, &m, err, sizeof(err)) == -1) {
		fprintf(stderr, "\nagora opinion-map: %s : %s\n", s->label, err);
		rc = 1;
		goto out;
	}
	t1 = now_seconds();
	if (progress_tty == 1)
		fputc('\n', stderr);
	store(db, s, &m, &ov, t1 - t0);
	if (m.reason == OPINION_MAPPED)
		printf("opinion-map: %s : %zu votes, %u votants, %u classés, "
		    "%u groupes, silhouette %.3f, %.2f s\n", s->label, m.nvotes,
		    m.nvoters, m.nsteering, m.k, m.silhouette, t1 - t0);
	else
		printf("opinion-map: %s : %zu votes, pas de carte : %s\n",
		    s->label, m.nvotes, m.reason_text);
	if (members != NULL && write_members(db, members, &m, &ov) == -1)
		rc = 1;
	opinion_map_free(&m);
out:
	free(ov.v);
	free(ov.people);
	free(ov.proposals);
	idmap_free(&ov.pmap);
	idmap_free(&ov.smap);
	return (rc);
}

static int
usage(void)
{
	fprintf(stderr, "usage: agora opinion-map [--consultation SLUG] "
	    "[--theme SLUG] [--members FILE.csv]\n");
	return (2);
}

/* The scope named on the command line, or exits 1 when unknown. */
static void
named_scope(PGconn *db, const char *cons, const char *theme,
    struct om_scope *s)
{
	struct db_rows	r;

	if (theme != NULL)
		r = cli_query(db, &sql_opinion_theme_scope, cons ?
		    DB_TEXT(cons) : DB_NULL, DB_TEXT(theme));
	else
		r = cli_query(db, &sql_opinion_consultation_scope,
		    DB_TEXT(cons));
	if (db_nrows(&r) != 1) {
		fprintf(stderr, "agora opinion-map: %s « %s » inconnu%s\n",
		    theme ? "thème" : "consultation", theme ? theme : cons,
		    theme ? "" : "e");
		PQfinish(db);
		exit(1);
	}
	s->consultation = db_int(&r, 0, OMS_CONSULTATION);
	s->theme = db_int(&r, 0, OMS_THEME);
	snprintf(s->label, sizeof(s->label), "%s", db_text(&r, 0, OMS_LABEL));
	PQclear(r.res);
}

/* Every scope whose votes grew by the setting since its map. */
static int
run_due(PGconn *db)
{
	struct db_rows	 r;
	struct om_scope	 s;
	long long	 min;
	int		 i, rc = 0;

	min = settings_int(SET_OPINION_MAP_NEW_VOTES);
	if (min < 1)
		min = 1;
	r = cli_query(db, &sql_opinion_due_scopes, DB_INT(min));
	for (i = 0; i < db_nrows(&r); i++) {
		s.consultation = db_int(&r, i, OMS_CONSULTATION);
		s.theme = db_int(&r, i, OMS_THEME);
		snprintf(s.label, sizeof(s.label), "%s", db_text(&r, i,
		    OMS_LABEL));
		rc |= run_scope(db, &s, NULL);
	}
	if (db_nrows(&r) == 0)
		printf("opinion-map: rien à recalculer (moins de %lld "
		    "nouveaux votes partout)\n", min);
	PQclear(r.res);
	return (rc);
}

int
cmd_opinion_map(int argc, char **argv)
{
	const char	*cons = NULL, *theme = NULL, *members = NULL;
	struct om_scope	 s;
	PGconn		*db;
	int		 i, rc;

	for (i = 1; i < argc; i++) {
		if (i + 1 < argc && strcmp(argv[i], "--consultation") == 0)
			cons = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--theme") == 0)
			theme = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--members") == 0)
			members = argv[++i];
		else
			return (usage());
	}
	if (members != NULL && cons == NULL && theme == NULL)
		return (usage());
	db = cli_connect();
	if (cons == NULL && theme == NULL)
		rc = run_due(db);
	else {
		named_scope(db, cons, theme, &s);
		rc = run_scope(db, &s, members);
	}
	PQfinish(db);
	return (rc);
}
