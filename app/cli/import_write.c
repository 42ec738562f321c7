/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Writing an import plan (import.h) in one transaction: every check that
 * reads the database first, then the consultation, its themes, the
 * contributions and the votes in batches of array parameters. Either the
 * whole source is in, or nothing is.
 */

#include <stdlib.h>
#include <string.h>

#include "../db/imports.h"
#include "cli.h"
#include "import.h"

static const char *const kinds[] = { "proposal", "argument", "comment" };

/*
 * Runs sql inside the import transaction. On error rolls back, prints the
 * database's message with file and line, and exits 1.
 */
static struct db_rows
exec(PGconn *db, const char *file, size_t line, const struct db_stmt *st,
    int n, const char *const *vals)
{
	struct db_rows	 r;
	ExecStatusType	 status;
	char		 msg[1024];
	size_t		 len;

	if (n != st->nparams)
		import_fail(db, file, line, "%s : %d paramètres pour %d "
		    "déclarés", st->name, n, st->nparams);
	r.stmt = st;
	r.fault = 0;
	r.res = PQexecParams(db, st->sql, n, NULL, vals, NULL, NULL, 0);
	status = PQresultStatus(r.res);
	if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
		snprintf(msg, sizeof(msg), "%s", PQresultErrorMessage(r.res));
		len = strlen(msg);
		while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
			msg[--len] = '\0';
		PQclear(r.res);
		import_fail(db, file, line, "refusé par la base : %s", msg);
	}
	return (r);
}

/* Refuses with exit 1 when the consultation was already imported. */
static void
refuse_duplicate(PGconn *db, const struct import_plan *pl)
{
	struct db_rows	 r;
	const char	*p[2] = { pl->src->slug, pl->src->source };

	r = exec(db, NULL, 0, &sql_import_exists, 2, p);
	if (db_nrows(&r) > 0) {
		fprintf(stderr, "agora import: déjà importé : la consultation "
		    "« %s » existe depuis le %s. Rien n'a été modifié.\n",
		    db_text(&r, 0, IMP_EXISTS_SLUG),
		    db_text(&r, 0, IMP_EXISTS_DATE));
		PQclear(r.res);
		PQclear(PQexec(db, "ROLLBACK"));
		PQfinish(db);
		exit(1);
	}
	PQclear(r.res);
}

/* An array literal being built: "{", quoted elements or NULL, "}". */
struct arr {
	char	*buf;
	size_t	 len, cap;
};

static void
arr_init(struct arr *a)
{
	a->cap = 4096;
	a->buf = import_xrealloc(NULL, a->cap, 1);
	a->buf[0] = '{';
	a->len = 1;
}

/* Appends s quoted (NULL: an SQL NULL element). */
static void
arr_add(struct arr *a, const char *s)
{
	size_t	need = (s ? strlen(s) * 2 : 4) + 4;

	if (a->len + need + 2 > a->cap) {
		a->cap = (a->cap + need) * 2;
		a->buf = import_xrealloc(a->buf, a->cap, 1);
	}
	if (a->len > 1)
		a->buf[a->len++] = ',';
	if (s == NULL) {
		memcpy(a->buf + a->len, "NULL", 4);
		a->len += 4;
	} else {
		a->buf[a->len++] = '"';
		for (; *s != '\0'; s++) {
			if (*s == '"' || *s == '\\')
				a->buf[a->len++] = '\\';
			a->buf[a->len++] = *s;
		}
		a->buf[a->len++] = '"';
	}
	a->buf[a->len] = '\0';
}

/* Closes the literal; the text is a->buf (free it with arr_free). */
static const char *
arr_end(struct arr *a)
{
	a->buf = import_xrealloc(a->buf, a->len + 2, 1);
	a->buf[a->len++] = '}';
	a->buf[a->len] = '\0';
	return (a->buf);
}

static void
arr_free(struct arr *a)
{
	free(a->buf);
	memset(a, 0, sizeof(*a));
}

/*
 * Has PostgreSQL read every date of the plan (two per item: created,
 * updated) before anything is inserted; refuses the first it cannot.
 */
static void
check_dates(PGconn *db, const struct import_plan *pl)
{
	struct db_rows		 r;
	const struct import_item *it;
	struct arr		 a;
	const char		*p[1];
	size_t			 i;
	long			 bad;

	arr_init(&a);
	for (i = 0; i < pl->nitems; i++) {
		it = &pl->items[i];
		arr_add(&a, it->created);
		arr_add(&a, it->updated ? it->updated : it->created);
	}
	p[0] = arr_end(&a);
	r = exec(db, NULL, 0, &sql_import_check_dates, 1, p);
	bad = db_int(&r, 0, IMP_BAD_DATE);
	PQclear(r.res);
	arr_free(&a);
	if (bad > 0) {
		it = &pl->items[(bad - 1) / 2];
		import_fail(db, it->file, it->line, "date « %s » illisible : "
		    "une date ISO 8601 (AAAA-MM-JJ, puis l'heure) est "
		    "attendue", bad % 2 ? it->created : (it->updated ?
		    it->updated : it->created));
	}
}

/* Inserts the consultation and its themes; stores their ids. */
static void
write_themes(PGconn *db, struct import_plan *pl, char cid[24])
{
	struct db_rows	 r;
	const char	*p[8];
	char		 pos[24];
	size_t		 t;

	p[0] = pl->src->slug;
	p[1] = pl->src->title;
	p[2] = pl->src->summary;
	p[3] = pl->src->body;
	p[4] = pl->src->source;
	p[5] = pl->src->name;
	p[6] = pl->src->url;
	p[7] = pl->src->licence;
	r = exec(db, NULL, 0, &sql_import_consultation, 8, p);
	snprintf(cid, 24, "%lld", db_int(&r, 0, IMP_ID));
	PQclear(r.res);
	for (t = 0; t < pl->nthemes; t++) {
		snprintf(pos, sizeof(pos), "%zu", t + 1);
		p[0] = cid;
		p[1] = pl->themes[t].slug;
		p[2] = pos;
		p[3] = pl->themes[t].title;
		p[4] = pl->themes[t].summary;
		r = exec(db, NULL, 0, &sql_import_theme, 5, p);
		snprintf(pl->themes[t].id, sizeof(pl->themes[t].id), "%lld",
		    db_int(&r, 0, IMP_ID));
		PQclear(r.res);
	}
}

static int
cmp_id(const void *a, const void *b)
{
	long long	x = *(const long long *)a, y = *(const long long *)b;

	return (x < y ? -1 : x > y);
}

/* Takes one contribution id per item, in item order (ascending). */
static void
take_ids(PGconn *db, struct import_plan *pl)
{
	struct db_rows	 r;
	const char	*p[1];
	char		 n[24];
	long long	*ids;
	size_t		 i;

	snprintf(n, sizeof(n), "%zu", pl->nitems);
	p[0] = n;
	r = exec(db, NULL, 0, &sql_import_ids, 1, p);
	if ((size_t)db_nrows(&r) != pl->nitems)
		import_fail(db, NULL, 0, "la base n'a pas donné %zu "
		    "identifiants", pl->nitems);
	ids = import_xrealloc(NULL, pl->nitems + 1, sizeof(*ids));
	for (i = 0; i < pl->nitems; i++)
		ids[i] = db_int(&r, (int)i, IMP_ID);
	PQclear(r.res);
	/* Ascending in item order, as the files (exports go by id). */
	qsort(ids, pl->nitems, sizeof(*ids), cmp_id);
	for (i = 0; i < pl->nitems; i++)
		snprintf(pl->items[i].id, sizeof(pl->items[i].id), "%lld",
		    ids[i]);
	free(ids);
}

#define BATCH		500
#define NCOLS		14	/* arrays of sql_import_contributions */

/* Inserts items [from, to) and their tallies, in two statements. */
static void
write_batch(PGconn *db, struct import_plan *pl, const char *cid, size_t from,
    size_t to)
{
	struct arr		 c[NCOLS], t[IT__MAX + 2];
	const struct import_item *it;
	const char		*p[16];
	char			 depth[24];
	size_t			 i;
	int			 k;

	for (k = 0; k < NCOLS; k++)
		arr_init(&c[k]);
	for (k = 0; k < IT__MAX + 2; k++)
		arr_init(&t[k]);
	for (i = from; i < to; i++) {
		it = &pl->items[i];
		snprintf(depth, sizeof(depth), "%d", it->depth);
		arr_add(&c[0], it->id);
		arr_add(&c[1], pl->themes[it->theme].id);
		arr_add(&c[2], kinds[it->kind]);
		arr_add(&c[3], it->parent ? pl->items[it->parent - 1].id :
		    NULL);
		arr_add(&c[4], pl->items[it->root].id);
		arr_add(&c[5], it->position);
		arr_add(&c[6], depth);
		arr_add(&c[7], it->title);
		arr_add(&c[8], it->md);
		arr_add(&c[9], it->html);
		arr_add(&c[10], it->hidden ? "hidden" : "published");
		arr_add(&c[11], it->source_id);
		arr_add(&c[12], it->created);
		arr_add(&c[13], it->updated ? it->updated : it->created);
		arr_add(&t[0], it->id);
		for (k = 0; k < IT__MAX; k++)
			arr_add(&t[1 + k], it->tally[k]);
		arr_add(&t[IT__MAX + 1], it->url);
	}
	p[0] = cid;
	p[1] = pl->src->source;
	for (k = 0; k < NCOLS; k++)
		p[2 + k] = arr_end(&c[k]);
	it = &pl->items[from];
	PQclear(exec(db, it->file, it->line, &sql_import_contributions, 16,
	    p).res);
	p[0] = pl->src->source;
	for (k = 0; k < IT__MAX + 2; k++)
		p[1 + k] = arr_end(&t[k]);
	PQclear(exec(db, it->file, it->line, &sql_import_tallies, IT__MAX + 3,
	    p).res);
	for (k = 0; k < NCOLS; k++)
		arr_free(&c[k]);
	for (k = 0; k < IT__MAX + 2; k++)
		arr_free(&t[k]);
}

/* Takes one imported_participants id per participant, in order. */
static void
take_participant_ids(PGconn *db, struct import_plan *pl)
{
	struct db_rows	 r;
	const char	*p[1];
	char		 n[24];
	size_t		 i;

	snprintf(n, sizeof(n), "%zu", pl->npeople);
	p[0] = n;
	r = exec(db, NULL, 0, &sql_import_participant_ids, 1, p);
	if ((size_t)db_nrows(&r) != pl->npeople)
		import_fail(db, NULL, 0, "la base n'a pas donné %zu "
		    "identifiants de participants", pl->npeople);
	for (i = 0; i < pl->npeople; i++)
		snprintf(pl->people[i].id, sizeof(pl->people[i].id), "%lld",
		    db_int(&r, (int)i, IMP_ID));
	PQclear(r.res);
}

#define VOTE_BATCH	5000

/* The participants, then their votes in batches (imported_votes). */
static void
write_votes(PGconn *db, struct import_plan *pl, const char *cid)
{
	struct arr		 a[4];
	const struct import_vote *v;
	const char		*p[4];
	char			 ms[24];
	size_t			 i, j, end;
	int			 k;

	if (pl->npeople == 0)
		return;
	take_participant_ids(db, pl);
	for (i = 0; i < pl->npeople; i += VOTE_BATCH) {
		end = i + VOTE_BATCH < pl->npeople ? i + VOTE_BATCH :
		    pl->npeople;
		arr_init(&a[0]);
		arr_init(&a[1]);
		for (j = i; j < end; j++) {
			arr_add(&a[0], pl->people[j].id);
			arr_add(&a[1], pl->people[j].source_id);
		}
		p[0] = cid;
		p[1] = pl->src->source;
		p[2] = arr_end(&a[0]);
		p[3] = arr_end(&a[1]);
		PQclear(exec(db, NULL, 0, &sql_import_participants, 4, p).res);
		arr_free(&a[0]);
		arr_free(&a[1]);
	}
	for (i = 0; i < pl->nvotes; i += VOTE_BATCH) {
		end = i + VOTE_BATCH < pl->nvotes ? i + VOTE_BATCH :
		    pl->nvotes;
		for (k = 0; k < 4; k++)
			arr_init(&a[k]);
		for (j = i; j < end; j++) {
			v = &pl->votes[j];
			snprintf(ms, sizeof(ms), "%lld", v->ms);
			arr_add(&a[0], pl->people[v->participant].id);
			arr_add(&a[1], pl->items[v->item].id);
			arr_add(&a[2], v->choice);
			arr_add(&a[3], ms);
		}
		for (k = 0; k < 4; k++)
			p[k] = arr_end(&a[k]);
		PQclear(exec(db, NULL, 0, &sql_import_votes, 4, p).res);
		for (k = 0; k < 4; k++)
			arr_free(&a[k]);
		import_progress("votes", end, pl->nvotes);
	}
}

void
import_plan_write(struct import_plan *pl)
{
	PGconn		*db;
	PGresult	*res;
	const char	*p[1];
	char		 cid[24];
	size_t		 i;

	db = cli_connect();
	res = PQexec(db, "BEGIN");
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		import_fail(db, NULL, 0, "%s", PQerrorMessage(db));
	PQclear(res);
	/* Every check that reads the database, before the first id. */
	refuse_duplicate(db, pl);
	check_dates(db, pl);

	/* Every check has passed: only now are ids taken. */
	write_themes(db, pl, cid);
	take_ids(db, pl);
	for (i = 0; i < pl->nitems; i += BATCH) {
		write_batch(db, pl, cid, i, i + BATCH < pl->nitems ?
		    i + BATCH : pl->nitems);
		import_progress("contributions", i + BATCH < pl->nitems ?
		    i + BATCH : pl->nitems, pl->nitems);
	}
	write_votes(db, pl, cid);
	p[0] = cid;
	PQclear(exec(db, NULL, 0, &sql_import_dates, 1, p).res);
	res = PQexec(db, "COMMIT");
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		import_fail(db, NULL, 0, "%s", PQerrorMessage(db));
	PQclear(res);
	PQfinish(db);
}
