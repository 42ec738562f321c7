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
#include "opinion_map.h"

#define OM_GRID		OPINION_GRID

_Static_assert((int)OMR__MAX == (int)OPINION_REASON__MAX,
    "vocab_opinion_reason follows enum opinion_reason");

void *
om_calloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n + 1, size)) == NULL) {
		fprintf(stderr, "agora opinion-map: mémoire insuffisante\n");
		exit(1);
	}
	return (p);
}

/* ------------------------------------------------------------ id maps */

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
	m->keys = om_calloc(m->cap, sizeof(*m->keys));
	m->vals = om_calloc(m->cap, sizeof(*m->vals));
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
	om_store(db, s, &m, &ov, t1 - t0);
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
