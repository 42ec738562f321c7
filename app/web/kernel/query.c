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

#include "../../core/text.h"
#include "../../db/idem.h"
#include "query_slots.h"
#include "replica.h"

static void
queries_init(struct web_req *w)
{
	if (w->queries == NULL)
		w->queries = web_alloc(w, NSLOTS * sizeof(*w->queries));
}

static int
queue(struct web_req *w, int slot, const struct db_stmt *st, const char *sql,
    const char *const *vals, int n)
{
	struct web_query	*q;
	int			 i;

	if (slot < 0 || slot > SLOT_IDEM || n > WEB_MAX_PARAMS)
		fatal("web_query: slot %d or %d parameters out of range",
		    slot, n);
	queries_init(w);
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
	for (i = 0; i < n; i++) {
		q->vals[i] = vals[i] != NULL ? web_strdup(w, vals[i]) : NULL;
		/*
		 * PostgreSQL refuses text that is not UTF-8 (a 500): a
		 * handler that sends a field it did not check (statut_vu,
		 * issue 14) gets a 400 instead, and nothing is sent.
		 */
		if (vals[i] != NULL && !text_utf8_valid(vals[i],
		    strlen(vals[i])) && w->bad_input == NULL)
			w->bad_input = query_name(q);
	}
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

/*
 * Gets a connection and sends q. A send that fails is tried once more on
 * another connection: the statement never reached the server.
 */
static enum poll
query_send(struct web_req *w, struct web_query *q)
{
	enum poll	r;
	int		attempt;

	for (attempt = 0; attempt < 2; attempt++) {
		if ((r = pgconn_get(w, q)) == POLL_WAIT)
			return (POLL_WAIT);
		if (r == POLL_FAIL)
			break;
		if (pgconn_send(w, q, q)) {
			q->state = QS_SENT;
			return (POLL_WAIT);
		}
	}
	pgconn_release(q);
	web_error(w, 503, NULL);
	return (POLL_FAIL);
}

/* The status a failed query is answered with: 503 when the link failed. */
static int
query_fail_status(struct web_req *w, struct web_query *link,
    struct web_query *q)
{
	const char	*state;

	state = link->pg.result != NULL ? PQresultErrorField(
	    link->pg.result, PG_DIAG_SQLSTATE) : NULL;
	if (state == NULL)
		state = "08000";	/* no result: the link */
	kore_log(LOG_ERR, "%s %s: %s failed: %s",
	    http_method_text(w->req->method), w->req->path,
	    query_name(q), link->pg.error ? link->pg.error : "?");
	return ((strncmp(state, "08", 2) == 0 ||
	    strncmp(state, "57P", 3) == 0) ? 503 : 500);
}

/*
 * A read that failed on the replica is read again on the primary, and
 * the rest of the request too: a replica that stopped or was cancelled
 * by recovery must not cost the visitor an error page.
 */
static enum poll
query_retry_primary(struct web_req *w, struct web_query *q,
    struct db_rows *rows)
{
	replica_failed(q->pg.result != NULL ? PQresultErrorField(
	    q->pg.result, PG_DIAG_SQLSTATE) : NULL, q->pg.error);
	w->replica = 0;
	if (rows->res != NULL)
		PQclear(rows->res);
	rows->res = NULL;
	pgconn_drop(q);
	pgconn_release(q);
	q->state = QS_QUEUED;
	return (query_send(w, q) == POLL_FAIL ? POLL_FAIL : POLL_WAIT);
}

/* Advances a sent query; stores its (first) result once complete. */
static enum poll
query_poll(struct web_req *w, struct web_query *q, struct db_rows *rows)
{
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
			pgconn_release(q);
			q->state = QS_FREE;
			return (POLL_READY);
		case KORE_PGSQL_STATE_ERROR:
			if (q->on_replica)
				return (query_retry_primary(w, q, rows));
			status = query_fail_status(w, q, q);
			/*
			 * Sent, then the link failed: whether the server ran
			 * it is unknown, so it is not sent again (a form's
			 * idempotency key covers a person's resubmission).
			 * A link error (503) drops the connection: behind
			 * pgbouncer the socket stays up while its server is
			 * gone, and each later query on it would fail too.
			 */
			if (status == 503)
				pgconn_drop(q);
			pgconn_release(q);
			web_error(w, status, NULL);
			return (POLL_FAIL);
		default:	/* DONE, and anything kore adds */
			kore_pgsql_continue(&q->pg);
			break;
		}
	}
}

/* Ends a transaction that failed (rolled back) and answers status. */
static enum poll
tx_fail(struct web_req *w, struct web_query *t, int drop, int status)
{
	w->tx = 0;		/* the error page goes out now */
	if (drop)
		pgconn_drop(t);
	pgconn_release(t);
	t->txstate = TX_NONE;
	t->ending = 0;
	web_error(w, status, NULL);
	return (POLL_FAIL);
}

/*
 * A transaction's statement on its connection, to its end: the first
 * result into rows (NULL: none kept). Unlike query_poll(), the connection
 * stays with the request when the statement is done.
 */
static enum poll
tx_step(struct web_req *w, struct web_query *t, struct web_query *q,
    struct db_rows *rows)
{
	PGresult	*res;
	int		 status;

	for (;;) {
		switch (t->pg.state) {
		case KORE_PGSQL_STATE_WAIT:
			return (POLL_WAIT);
		case KORE_PGSQL_STATE_RESULT:
			if (rows != NULL && rows->res == NULL) {
				rows->res = t->pg.result;
				t->pg.result = NULL;
			}
			kore_pgsql_continue(&t->pg);
			break;
		case KORE_PGSQL_STATE_DONE:
			/*
			 * A command's result (BEGIN, COMMIT, an UPDATE) ends
			 * in DONE before libpq has read the end of it: wait
			 * for that, as kore's own release would not.
			 */
			if (t->pg.result != NULL) {
				PQclear(t->pg.result);
				t->pg.result = NULL;
			}
			if (PQisBusy(t->pg.conn->db)) {
				t->pg.state = KORE_PGSQL_STATE_WAIT;
				return (POLL_WAIT);
			}
			while ((res = PQgetResult(t->pg.conn->db)) != NULL)
				PQclear(res);
			return (POLL_READY);
		case KORE_PGSQL_STATE_ERROR:
			/* Rolled back by the server, or by kore's pool. */
			status = query_fail_status(w, t, q);
			return (tx_fail(w, t, status == 503, status));
		default:
			kore_pgsql_continue(&t->pg);
			break;
		}
	}
}

/* The next queued slot, in order; -1 when none. */
static int
tx_next(struct web_req *w)
{
	int	slot;

	for (slot = 0; slot <= SLOT_IDEM; slot++)
		if (w->queries[slot].state == QS_QUEUED)
			return (slot);
	return (-1);
}

/*
 * A keyed POST's queries, one after the other on one connection inside
 * one transaction, then its end (queries_tx_end).
 */
static enum poll
tx_poll(struct web_req *w)
{
	struct web_query	*t = &w->queries[SLOT_TX], *q;
	enum poll		 r;
	int			 slot;
	const char		*end;

	for (;;) {
		switch (t->txstate) {
		case TX_NONE:
			if (w->nqueued == 0)
				return (POLL_READY);
			if ((r = pgconn_get(w, t)) == POLL_WAIT)
				return (r);
			if (r == POLL_FAIL)
				return (tx_fail(w, t, 0, 503));
			if (!kore_pgsql_query(&t->pg, "BEGIN"))
				return (tx_fail(w, t, 1, 503));
			t->txstate = TX_BEGIN;
			break;
		case TX_BEGIN:
		case TX_END:
			if ((r = tx_step(w, t, t, NULL)) != POLL_READY)
				return (r);
			if (t->txstate == TX_BEGIN) {
				t->txstate = TX_IDLE;
				break;
			}
			pgconn_release(t);		/* idle: back to the pool */
			t->txstate = TX_NONE;
			t->ending = 0;
			break;
		case TX_IDLE:
			if ((slot = tx_next(w)) != -1) {
				q = &w->queries[slot];
				if (!pgconn_send(w, t, q))
					return (tx_fail(w, t, 0, 503));
				q->state = QS_SENT;
				t->txcur = slot;
				t->txstate = TX_BUSY;
				break;
			}
			if (!t->ending)
				return (POLL_READY);
			t->conflict = t->ending == END_RECORD &&
			    db_nrows(&w->rows[SLOT_IDEM]) != 1;
			end = t->conflict ? "ROLLBACK" : "COMMIT";
			if (!kore_pgsql_query(&t->pg, end))
				return (tx_fail(w, t, 1, 503));
			t->txstate = TX_END;
			break;
		case TX_BUSY:
			q = &w->queries[t->txcur];
			if ((r = tx_step(w, t, q, &w->rows[t->txcur])) !=
			    POLL_READY)
				return (r);
			q->state = QS_FREE;
			w->nqueued--;
			t->txstate = TX_IDLE;
			break;
		}
	}
}

int
queries_pending(struct web_req *w)
{
	return (w->nqueued > 0 || (w->queries != NULL &&
	    w->queries[SLOT_TX].txstate != TX_NONE &&
	    w->queries[SLOT_TX].ending));
}

void
queries_tx_end(struct web_req *w, int record)
{
	struct web_query	*t;

	queries_init(w);
	t = &w->queries[SLOT_TX];
	t->conflict = 0;
	if (record) {
		queue_args(w, SLOT_IDEM, &sql_idem_record, DB_ARGV(
		    DB_TEXT(w->idem), DB_TEXT(w->req->path),
		    DB_TEXT(w->deferred_location)), 3);
		t->ending = END_RECORD;
	} else if (t->txstate != TX_NONE)
		t->ending = END_COMMIT;
}

int
queries_tx_conflict(struct web_req *w)
{
	return (w->queries != NULL && w->queries[SLOT_TX].conflict);
}

int
queries_idem_lookup(struct web_req *w)
{
	return (queue_args(w, SLOT_IDEM, &sql_idem_lookup,
	    DB_ARGV(DB_TEXT(w->idem)), 1));
}

struct db_rows *
queries_idem_rows(struct web_req *w)
{
	return (&w->rows[SLOT_IDEM]);
}

enum poll
queries_poll(struct web_req *w)
{
	struct web_query	*q;
	int			 slot, inflight = 0, blocked = 0;
	enum poll		 r;

	queries_init(w);
	if (w->bad_input != NULL) {
		kore_log(LOG_NOTICE, "%s %.200s: %s: a parameter is not UTF-8",
		    http_method_text(w->req->method), w->req->path,
		    w->bad_input);
		w->tx = 0;
		web_error(w, 400, "Ce qui a été envoyé contient des caractères "
		    "invalides (encodage non UTF-8) : rien n'a été enregistré.");
		return (POLL_FAIL);
	}
	if (w->tx)
		return (tx_poll(w));

	for (slot = 0; slot <= SLOT_IDEM; slot++)
		if (w->queries[slot].state == QS_SENT)
			inflight++;
	for (slot = 0; slot <= SLOT_IDEM; slot++) {
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

	for (i = 0; w->queries != NULL && i < NSLOTS; i++)
		pgconn_release(&w->queries[i]);
	/*
	 * The slots live in the request's arena, which the caller frees next:
	 * kore calls onfree again for a request whose task was still running
	 * (web_req_free), and must not find them (found by make test
	 * SANITIZE=1: a freed slot unlinked from the waiters).
	 */
	w->queries = NULL;
	for (i = 0; i <= SLOT_IDEM; i++) {
		if (w->rows[i].res != NULL)
			PQclear(w->rows[i].res);
		w->rows[i].res = NULL;
	}
	w->nqueued = 0;
}
