/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The queries of a request: queued by the handler, each for a named slot,
 * sent on connections of kore's pool (up to WEB_PARALLEL of one request at
 * once, so independent queries cost one round trip), and read back by
 * column name. The dispatcher (dispatch.c) calls queries_poll() whenever
 * kore wakes the request and calls the handler again once all are in.
 */

#include <string.h>

#include "query.h"
#include "web.h"

enum qstate {
	QS_FREE,		/* nothing asked, or answered */
	QS_QUEUED,		/* waiting to be sent */
	QS_SENT			/* sent, rows on their way */
};

struct web_query {
	const struct db_stmt	*stmt;		/* what is asked */
	const char		*sql;
	int			 n;
	const char		*vals[WEB_MAX_PARAMS];	/* arena copies */
	enum qstate		 state;
	int			 pg_live;	/* pg initialised and bound */
	struct kore_pgsql	 pg;
};

#define SLOT_SESSION	WEB_MAX_RESULTS	/* the session row's own slot */

static const char *
query_name(struct web_query *q)
{
	return (q->stmt->name);
}

static void
pg_release(struct web_query *q)
{
	if (q->pg_live) {
		kore_pgsql_cleanup(&q->pg);
		q->pg_live = 0;
	}
}

static int
queue(struct web_req *w, int slot, const struct db_stmt *st, const char *sql,
    const char *const *vals, int n)
{
	struct web_query	*q;
	int			 i;

	if (slot < 0 || slot > SLOT_SESSION || n > WEB_MAX_PARAMS)
		fatal("web_query: slot %d or %d parameters out of range",
		    slot, n);
	if (w->queries == NULL)
		w->queries = web_alloc(w,
		    (SLOT_SESSION + 1) * sizeof(*w->queries));
	q = &w->queries[slot];
	if (q->state != QS_FREE)
		fatal("web_query: slot %d asked twice in one step", slot);
	if (w->rows[slot].res != NULL)
		PQclear(w->rows[slot].res);
	w->rows[slot].res = NULL;
	w->rows[slot].stmt = st;
	w->rows[slot].fault = 0;
	q->stmt = st;
	q->sql = sql;
	q->n = n;
	for (i = 0; i < n; i++)
		q->vals[i] = vals[i] != NULL ? web_strdup(w, vals[i]) : NULL;
	q->state = QS_QUEUED;
	w->nqueued++;
	return (WEB_QUERY);
}

static int
queue_args(struct web_req *w, int slot, const struct db_stmt *st,
    const struct db_arg *args, int n)
{
	const char	*vals[WEB_MAX_PARAMS];
	char		 bufs[WEB_MAX_PARAMS][24];
	int		 i;

	if (n != st->nparams || n > WEB_MAX_PARAMS) {
		kore_log(LOG_ERR, "%s: %d parameters given, %d declared",
		    st->name, n, st->nparams);
		w->fault = 1;
		return (WEB_QUERY);
	}
	for (i = 0; i < n; i++)
		vals[i] = db_arg_text(&args[i], bufs[i]);
	return (queue(w, slot, st, st->sql, vals, n));
}

int
web_query_argv(struct web_req *w, int slot, const struct db_stmt *st,
    const struct db_arg *args, int n)
{
	if (slot < 0 || slot >= WEB_MAX_RESULTS)
		fatal("web_query: slot %d out of range", slot);
	return (queue_args(w, slot, st, args, n));
}

int
web_query_session(struct web_req *w, const struct db_stmt *st,
    const struct db_arg *args, int n)
{
	return (queue_args(w, SLOT_SESSION, st, args, n));
}

struct db_rows *
web_session_rows(struct web_req *w)
{
	return (&w->rows[SLOT_SESSION]);
}

/* Gets a connection and sends q. */
static enum poll
query_send(struct web_req *w, struct web_query *q)
{
	/* Leaves kore's wait queue, if it was there, before asking again. */
	pg_release(q);
	kore_pgsql_init(&q->pg);
	kore_pgsql_bind_request(&q->pg, w->req);
	q->pg_live = 1;
	if (!kore_pgsql_setup(&q->pg, "db", KORE_PGSQL_ASYNC)) {
		if (q->pg.state == KORE_PGSQL_STATE_INIT)
			return (POLL_WAIT);	/* queued for a connection */
		kore_log(LOG_ERR, "%s %s: %s: database unavailable: %s",
		    http_method_text(w->req->method), w->req->path,
		    query_name(q), q->pg.error ? q->pg.error : "?");
		pg_release(q);
		web_error(w, 503, NULL);
		return (POLL_FAIL);
	}
	if (!kore_pgsql_query_param_fields(&q->pg, q->sql, 0, q->n,
	    q->vals, NULL, NULL)) {
		kore_log(LOG_ERR, "%s %s: %s: query not sent: %s",
		    http_method_text(w->req->method), w->req->path,
		    query_name(q), q->pg.error ? q->pg.error : "?");
		pg_release(q);
		web_error(w, 503, NULL);
		return (POLL_FAIL);
	}
	q->state = QS_SENT;
	return (POLL_WAIT);
}

/* Advances a sent query; stores its (first) result once complete. */
static enum poll
query_poll(struct web_req *w, struct web_query *q, struct db_rows *rows)
{
	const char	*state;
	int		 status;

	for (;;) {
		switch (q->pg.state) {
		case KORE_PGSQL_STATE_WAIT:
			return (POLL_WAIT);
		case KORE_PGSQL_STATE_RESULT:
			if (rows->res == NULL) {
				rows->res = q->pg.result;
				q->pg.result = NULL;
			}
			kore_pgsql_continue(&q->pg);
			break;
		case KORE_PGSQL_STATE_COMPLETE:
			pg_release(q);
			q->state = QS_FREE;
			return (POLL_READY);
		case KORE_PGSQL_STATE_ERROR:
			state = q->pg.result != NULL ? PQresultErrorField(
			    q->pg.result, PG_DIAG_SQLSTATE) : NULL;
			if (state == NULL)
				state = "08000";	/* no result: the link */
			kore_log(LOG_ERR, "%s %s: %s failed: %s",
			    http_method_text(w->req->method), w->req->path,
			    query_name(q), q->pg.error ? q->pg.error : "?");
			status = (strncmp(state, "08", 2) == 0 ||
			    strncmp(state, "57P", 3) == 0) ? 503 : 500;
			pg_release(q);
			web_error(w, status, NULL);
			return (POLL_FAIL);
		default:	/* DONE, and anything kore adds */
			kore_pgsql_continue(&q->pg);
			break;
		}
	}
}

enum poll
queries_poll(struct web_req *w)
{
	struct web_query	*q;
	int			 slot, inflight = 0, blocked = 0;
	enum poll		 r;

	for (slot = 0; slot <= SLOT_SESSION; slot++)
		if (w->queries[slot].state == QS_SENT)
			inflight++;
	for (slot = 0; slot <= SLOT_SESSION; slot++) {
		q = &w->queries[slot];
		if (q->state == QS_SENT) {
			if ((r = query_poll(w, q, &w->rows[slot])) == POLL_FAIL)
				return (POLL_FAIL);
			if (r == POLL_READY) {
				w->nqueued--;
				inflight--;
			}
		} else if (q->state == QS_QUEUED && !blocked &&
		    inflight < WEB_PARALLEL) {
			if ((r = query_send(w, q)) == POLL_FAIL)
				return (POLL_FAIL);
			if (q->state == QS_SENT)
				inflight++;
			else
				blocked = 1;	/* one in kore's queue at most */
		}
	}
	return (w->nqueued == 0 ? POLL_READY : POLL_WAIT);
}

void
queries_free(struct web_req *w)
{
	int	i;

	for (i = 0; w->queries != NULL && i <= SLOT_SESSION; i++)
		pg_release(&w->queries[i]);
	for (i = 0; i <= SLOT_SESSION; i++) {
		if (w->rows[i].res != NULL)
			PQclear(w->rows[i].res);
		w->rows[i].res = NULL;
	}
	w->nqueued = 0;
}

/* Named reads: a fault makes the dispatcher answer 500 (web_send). */
static struct db_rows *
rows_of(struct web_req *w, int slot)
{
	static struct db_rows	none;

	if (slot < 0 || slot >= WEB_MAX_RESULTS) {
		kore_log(LOG_ERR, "%s: no result slot %d", w->req->path, slot);
		w->fault = 1;
		memset(&none, 0, sizeof(none));
		return (&none);
	}
	return (&w->rows[slot]);
}

static void
note_fault(struct web_req *w, struct db_rows *r)
{
	if (r->fault)
		w->fault = 1;
}

int
web_rows(struct web_req *w, int slot)
{
	return (db_nrows(rows_of(w, slot)));
}

const char *
web_text(struct web_req *w, int slot, int row, int col)
{
	struct db_rows	*r = rows_of(w, slot);
	const char	*v = db_text(r, row, col);

	note_fault(w, r);
	return (v);
}

long long
web_int(struct web_req *w, int slot, int row, int col)
{
	struct db_rows	*r = rows_of(w, slot);
	long long	 v = db_int(r, row, col);

	note_fault(w, r);
	return (v);
}

int
web_bool(struct web_req *w, int slot, int row, int col)
{
	struct db_rows	*r = rows_of(w, slot);
	int		 v = db_bool(r, row, col);

	note_fault(w, r);
	return (v);
}

int
web_null(struct web_req *w, int slot, int row, int col)
{
	struct db_rows	*r = rows_of(w, slot);
	int		 v = db_null(r, row, col);

	note_fault(w, r);
	return (v);
}
