/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora topics [--consultation SLUG] [--theme SLUG]: the topics
 * (app/core/topics.h) of one theme (--theme, of the primary consultation
 * unless --consultation names another), of every theme of a consultation
 * (--consultation alone), or of every theme (neither).
 *
 * For each theme it streams the stems of its public proposals
 * (topic_terms(): PostgreSQL's fr_unaccent stems, one row at a time),
 * computes the topics with a progress line on stderr, looks up the word
 * shown for each label stem (topic_words()), and replaces the theme's
 * stored run in one transaction (migration 0260): the run, its topics with
 * their vote sums, their label terms, and every proposal read with its
 * topic, closeness, rank and terms (what the open data publishes).
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../core/topics.h"
#include "../core/vocab.h"
#include "../db/topics.h"
#include "cli.h"

struct tp_theme {
	long long	 id;
	char		 label[600];	/* consultation/slug */
};

static void
oom(void)
{
	fprintf(stderr, "agora topics: mémoire insuffisante\n");
	exit(1);
}

static void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL)
		oom();
	return (p);
}

/* ------------------------------------------------------------ stems */

/* Distinct stems, open addressing, in the order first seen. */
struct stems {
	char		**str;
	size_t		 n, cap;
	uint32_t	*slot;		/* 1 + index, 0 empty */
	size_t		 slots;
};

static size_t
str_hash(const char *s)
{
	size_t	h = 1469598103934665603ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (h);
}

static void
stems_grow(struct stems *st)
{
	size_t	i, j;

	free(st->slot);
	st->slots = st->slots ? st->slots * 2 : 4096;
	if ((st->slot = calloc(st->slots, sizeof(*st->slot))) == NULL)
		oom();
	for (i = 0; i < st->n; i++) {
		for (j = str_hash(st->str[i]) & (st->slots - 1); st->slot[j];
		    j = (j + 1) & (st->slots - 1))
			;
		st->slot[j] = (uint32_t)i + 1;
	}
}

static uint32_t
stems_index(struct stems *st, const char *s)
{
	size_t	j;

	if (2 * (st->n + 1) > st->slots)
		stems_grow(st);
	for (j = str_hash(s) & (st->slots - 1); st->slot[j];
	    j = (j + 1) & (st->slots - 1))
		if (strcmp(st->str[st->slot[j] - 1], s) == 0)
			return (st->slot[j] - 1);
	if (st->n == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 4096;
		st->str = xrealloc(st->str, st->cap * sizeof(*st->str));
	}
	if ((st->str[st->n] = strdup(s)) == NULL)
		oom();
	st->slot[j] = (uint32_t)++st->n;
	return ((uint32_t)(st->n - 1));
}

/* ------------------------------------------------------------ reading */

/* A theme's proposals and their terms, as the core takes them. */
struct tp_data {
	long long	*ids;		/* per proposal */
	size_t		*start;		/* ndocs + 1 */
	size_t		 ndocs, dcap;
	uint32_t	*term, *count;	/* stems' first-seen numbers, then sorted */
	size_t		 nnz, tcap;
	struct stems	 st;
	char		**sorted;	/* term number -> stem */
};

static void
add_doc(struct tp_data *t, long long id)
{
	if (t->ndocs + 1 >= t->dcap) {
		t->dcap = t->dcap ? t->dcap * 2 : 1024;
		t->ids = xrealloc(t->ids, t->dcap * sizeof(*t->ids));
		t->start = xrealloc(t->start, (t->dcap + 1) * sizeof(*t->start));
	}
	t->ids[t->ndocs] = id;
	t->start[t->ndocs++] = t->nnz;
}

static void
add_term(struct tp_data *t, const char *stem, long n)
{
	if (t->nnz == t->tcap) {
		t->tcap = t->tcap ? t->tcap * 2 : 65536;
		t->term = xrealloc(t->term, t->tcap * sizeof(*t->term));
		t->count = xrealloc(t->count, t->tcap * sizeof(*t->count));
	}
	t->term[t->nnz] = stems_index(&t->st, stem);
	t->count[t->nnz++] = n > 0 ? (uint32_t)n : 1;
}

static int
by_stem(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/* Numbers the stems in byte order (each proposal's stay increasing). */
static void
number_stems(struct tp_data *t)
{
	uint32_t	*final;
	size_t		 i;

	t->sorted = xrealloc(NULL, (t->st.n + 1) * sizeof(*t->sorted));
	memcpy(t->sorted, t->st.str, t->st.n * sizeof(*t->sorted));
	qsort(t->sorted, t->st.n, sizeof(*t->sorted), by_stem);
	final = xrealloc(NULL, (t->st.n + 1) * sizeof(*final));
	for (i = 0; i < t->st.n; i++)
		final[stems_index(&t->st, t->sorted[i])] = (uint32_t)i;
	for (i = 0; i < t->nnz; i++)
		t->term[i] = final[t->term[i]];
	free(final);
}

/* Streams topic_terms() of the theme row by row. */
static void
read_terms(PGconn *db, long long theme, struct tp_data *t)
{
	PGresult	*res;
	const char	*p[1];
	char		 tid[24];
	long long	 id, last = 0;

	snprintf(tid, sizeof(tid), "%lld", theme);
	p[0] = tid;
	if (!PQsendQueryParams(db, sql_topic_terms.sql, 1, NULL, p, NULL, NULL,
	    0) || !PQsetSingleRowMode(db)) {
		fprintf(stderr, "agora topics: %s", PQerrorMessage(db));
		exit(1);
	}
	while ((res = PQgetResult(db)) != NULL) {
		if (PQresultStatus(res) == PGRES_SINGLE_TUPLE) {
			id = atoll(PQgetvalue(res, 0, TPT_PROPOSAL));
			if (t->ndocs == 0 || id != last)
				add_doc(t, id);
			last = id;
			if (!PQgetisnull(res, 0, TPT_STEM))
				add_term(t, PQgetvalue(res, 0, TPT_STEM),
				    atol(PQgetvalue(res, 0, TPT_COUNT)));
		} else if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			fprintf(stderr, "agora topics: %s",
			    PQresultErrorMessage(res));
			exit(1);
		}
		PQclear(res);
	}
	if (t->start == NULL)
		t->start = xrealloc(NULL, sizeof(*t->start));
	t->start[t->ndocs] = t->nnz;
	number_stems(t);
}

static void
data_free(struct tp_data *t)
{
	size_t	i;

	for (i = 0; i < t->st.n; i++)
		free(t->st.str[i]);
	free(t->st.str);
	free(t->st.slot);
	free(t->sorted);
	free(t->ids);
	free(t->start);
	free(t->term);
	free(t->count);
}

/* ------------------------------------------------------------ arrays */

/* A PostgreSQL array literal being built. */
struct arr {
	char	*buf;
	size_t	 len, cap;
};

static void
arr_bytes(struct arr *a, const char *s, size_t n)
{
	if (a->len + n + 4 > a->cap) {
		a->cap = (a->cap + n + 4) * 2;
		a->buf = xrealloc(a->buf, a->cap);
	}
	memcpy(a->buf + a->len, s, n);
	a->len += n;
}

static void
arr_sep(struct arr *a)
{
	arr_bytes(a, a->len == 0 ? "{" : ",", 1);
}

static void
arr_num(struct arr *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
arr_num(struct arr *a, const char *fmt, ...)
{
	va_list	ap;
	char	num[64];
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(num, sizeof(num), fmt, ap);
	va_end(ap);
	arr_sep(a);
	arr_bytes(a, num, (size_t)n);
}

/* A quoted element: backslash before each quote and backslash. */
static void
arr_str(struct arr *a, const char *s)
{
	arr_sep(a);
	arr_bytes(a, "\"", 1);
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			arr_bytes(a, "\\", 1);
		arr_bytes(a, s, 1);
	}
	arr_bytes(a, "\"", 1);
}

/* Closes the literal ("{}" when empty); valid until arr_reset. */
static const char *
arr_end(struct arr *a)
{
	if (a->len == 0)
		arr_bytes(a, "{", 1);
	arr_bytes(a, "}", 2);	/* and the NUL */
	return (a->buf);
}

static void
arr_reset(struct arr *a, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		free(a[i].buf);
		memset(&a[i], 0, sizeof(a[i]));
	}
}

/* ------------------------------------------------------------ storing */

#define TP_BATCH	5000

/* "stem:count stem:count" of proposal d, as read (stems in byte order). */
static void
terms_text(const struct tp_data *t, size_t d, struct arr *out)
{
	size_t	i;
	char	num[16];
	int	n;

	out->len = 0;
	for (i = t->start[d]; i < t->start[d + 1]; i++) {
		if (i > t->start[d])
			arr_bytes(out, " ", 1);
		arr_bytes(out, t->sorted[t->term[i]],
		    strlen(t->sorted[t->term[i]]));
		n = snprintf(num, sizeof(num), ":%u", t->count[i]);
		arr_bytes(out, num, (size_t)n);
	}
	arr_bytes(out, "", 1);
}

static void
store_members(PGconn *db, long long run, const struct tp_data *t,
    const struct topics_result *r)
{
	struct arr	a[5] = { { 0 } }, terms = { 0 };
	size_t		d;

	for (d = 0; d < t->ndocs; d++) {
		arr_num(&a[0], "%lld", t->ids[d]);
		if (r->topic[d] < 0) {
			arr_num(&a[1], "NULL");
			arr_num(&a[2], "NULL");
			arr_num(&a[3], "NULL");
		} else {
			arr_num(&a[1], "%d", r->topic[d]);
			arr_num(&a[2], "%.17g", r->similarity[d]);
			arr_num(&a[3], "%u", r->rank[d]);
		}
		terms_text(t, d, &terms);
		arr_str(&a[4], terms.buf);
		if ((d + 1) % TP_BATCH != 0 && d + 1 != t->ndocs)
			continue;
		PQclear(cli_query(db, &sql_topic_members_insert, DB_INT(run),
		    DB_TEXT(arr_end(&a[0])), DB_TEXT(arr_end(&a[1])),
		    DB_TEXT(arr_end(&a[2])), DB_TEXT(arr_end(&a[3])),
		    DB_TEXT(arr_end(&a[4]))).res);
		arr_reset(a, 5);
	}
	arr_reset(&terms, 1);
}

/* The word of each label stem (topic_words()), the stem itself if none. */
static const char *
word_of(struct db_rows *w, const char *stem)
{
	int	i;

	for (i = 0; i < db_nrows(w); i++)
		if (strcmp(db_text(w, i, TPW_STEM), stem) == 0)
			return (db_text(w, i, TPW_WORD));
	return (stem);
}

static void
store_topics(PGconn *db, long long run, long long theme,
    const struct tp_data *t, const struct topics_result *r)
{
	struct arr	a[5] = { { 0 } }, stems = { 0 };
	struct db_rows	words;
	unsigned	j, l;
	const char	*stem, *word;

	for (j = 0; j < r->k; j++)
		for (l = 0; l < r->topics[j].nlabel; l++)
			arr_str(&stems, t->sorted[r->topics[j].label[l]]);
	words = cli_query(db, &sql_topic_words, DB_INT(theme),
	    DB_TEXT(arr_end(&stems)));
	for (j = 0; j < r->k; j++) {
		arr_num(&a[0], "%u", j);
		arr_num(&a[1], "%u", r->topics[j].size);
	}
	PQclear(cli_query(db, &sql_topics_insert, DB_INT(run),
	    DB_TEXT(arr_end(&a[0])), DB_TEXT(arr_end(&a[1]))).res);
	arr_reset(a, 2);
	printf("topics: %u sujets\n", r->k);
	for (j = 0; j < r->k; j++) {
		printf("  sujet %u (%u propositions) :", j + 1, r->topics[j].size);
		for (l = 0; l < r->topics[j].nlabel; l++) {
			stem = t->sorted[r->topics[j].label[l]];
			word = word_of(&words, stem);
			arr_num(&a[0], "%u", j);
			arr_num(&a[1], "%u", l + 1);
			arr_str(&a[2], stem);
			arr_str(&a[3], word);
			arr_num(&a[4], "%.17g", r->topics[j].label_score[l]);
			printf("%s %s", l ? "," : "", word);
		}
		printf("\n");
	}
	PQclear(cli_query(db, &sql_topic_terms_insert, DB_INT(run),
	    DB_TEXT(arr_end(&a[0])), DB_TEXT(arr_end(&a[1])),
	    DB_TEXT(arr_end(&a[2])), DB_TEXT(arr_end(&a[3])),
	    DB_TEXT(arr_end(&a[4]))).res);
	arr_reset(a, 5);
	arr_reset(&stems, 1);
	PQclear(words.res);
}

_Static_assert((int)TOPR__MAX == 3 && (int)TOPR_TOO_FEW == (int)TOPICS_TOO_FEW,
    "vocab_topic_reason follows enum topics_reason");

/* Replaces the theme's stored run, in one transaction. */
static void
store(PGconn *db, long long theme, const struct tp_data *t,
    const struct topics_result *r, const struct topics_params *p,
    double seconds)
{
	struct db_rows	 row;
	long long	 run;
	char		 sil[40], sec[40], seed[24];
	int		 found = r->reason == TOPICS_FOUND;

	snprintf(sil, sizeof(sil), "%.17g", r->silhouette);
	snprintf(sec, sizeof(sec), "%.3f", seconds);
	snprintf(seed, sizeof(seed), "%llu", (unsigned long long)p->seed);
	PQclear(cli_exec(db, "BEGIN", 0, NULL));
	PQclear(cli_query(db, &sql_topic_run_delete, DB_INT(theme)).res);
	row = cli_query(db, &sql_topic_run_insert, DB_INT(theme),
	    DB_INT((long long)t->ndocs), DB_INT((long long)r->classified),
	    DB_INT(r->kept_terms), DB_TEXT(vocab_topic_reason[r->reason].code),
	    DB_INT(found ? r->k : 0), found ? DB_TEXT(sil) : DB_NULL,
	    DB_TEXT(seed), DB_TEXT(sec));
	run = db_int(&row, 0, TPI_ID);
	PQclear(row.res);
	store_members(db, run, t, r);
	if (found)
		store_topics(db, run, theme, t, r);
	PQclear(cli_exec(db, "COMMIT", 0, NULL));
}

/* ------------------------------------------------------------ the job */

static int	progress_tty = -1;

/* The core's progress callback: a bar rewritten on a terminal. */
static void
progress(void *arg, const char *stage, double share)
{
	size_t	width = 30, done, k;
	char	bar[31];

	(void)arg;
	if (progress_tty == -1)
		progress_tty = isatty(2);
	if (!progress_tty)
		return;
	done = (size_t)(share * width);
	for (k = 0; k < width; k++)
		bar[k] = k < done ? '#' : '.';
	bar[width] = '\0';
	fprintf(stderr, "\r%-14s [%s] %3d %%", stage, bar, (int)(share * 100));
	fflush(stderr);
}

static double
now_seconds(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

/* Reads, computes and stores one theme's topics. */
static int
run_theme(PGconn *db, const struct tp_theme *th)
{
	struct tp_data		 t = { 0 };
	struct topics_input	 in;
	struct topics_params	 p;
	struct topics_result	 r;
	char			 err[256];
	double			 t0, t1;

	fprintf(stderr, "topics: %s\n", th->label);
	read_terms(db, th->id, &t);
	in.ndocs = t.ndocs;
	in.nterms = (uint32_t)t.st.n;
	in.start = t.start;
	in.term = t.term;
	in.count = t.count;
	topics_params_default(&p);
	p.progress = progress;
	t0 = now_seconds();
	if (topics_compute(&in, &p, &r, err, sizeof(err)) == -1) {
		fprintf(stderr, "\nagora topics: %s : %s\n", th->label, err);
		data_free(&t);
		return (1);
	}
	t1 = now_seconds();
	if (progress_tty == 1 && r.reason == TOPICS_FOUND)
		fputc('\n', stderr);
	printf("topics: %s : %zu propositions, %zu classées, %u termes",
	    th->label, t.ndocs, r.classified, r.kept_terms);
	if (r.reason == TOPICS_FOUND)
		printf(", silhouette %.3f, %.2f s\n", r.silhouette, t1 - t0);
	else
		printf(", pas de sujets (trop peu de propositions)\n");
	store(db, th->id, &t, &r, &p, t1 - t0);
	topics_free(&r);
	data_free(&t);
	return (0);
}

/* Every theme of rows (sql_topic_* scope columns). */
static int
run_rows(PGconn *db, struct db_rows *rows)
{
	struct tp_theme	th;
	int		i, rc = 0;

	for (i = 0; i < db_nrows(rows); i++) {
		th.id = db_int(rows, i, TPS_THEME);
		snprintf(th.label, sizeof(th.label), "%s/%s",
		    db_text(rows, i, TPS_CONSULTATION), db_text(rows, i,
		    TPS_SLUG));
		rc |= run_theme(db, &th);
	}
	return (rc);
}

static int
usage(void)
{
	fprintf(stderr, "usage: agora topics [--consultation SLUG] "
	    "[--theme SLUG]\n");
	return (2);
}

int
cmd_topics(int argc, char **argv)
{
	const char	*cons = NULL, *theme = NULL;
	struct db_rows	 rows;
	PGconn		*db;
	int		 i, rc;

	for (i = 1; i < argc; i++) {
		if (i + 1 < argc && strcmp(argv[i], "--consultation") == 0)
			cons = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--theme") == 0)
			theme = argv[++i];
		else
			return (usage());
	}
	db = cli_connect();
	if (theme != NULL)
		rows = cli_query(db, &sql_topic_theme, cons ? DB_TEXT(cons) :
		    DB_NULL, DB_TEXT(theme));
	else if (cons != NULL)
		rows = cli_query(db, &sql_topic_consultation_themes,
		    DB_TEXT(cons));
	else
		rows = cli_query(db, &sql_topic_all_themes);
	if (db_nrows(&rows) == 0 && (theme != NULL || cons != NULL)) {
		fprintf(stderr, "agora topics: %s « %s » inconnu%s\n",
		    theme ? "thème" : "consultation", theme ? theme : cons,
		    theme ? "" : "e");
		PQclear(rows.res);
		PQfinish(db);
		return (1);
	}
	rc = run_rows(db, &rows);
	PQclear(rows.res);
	PQfinish(db);
	return (rc);
}
