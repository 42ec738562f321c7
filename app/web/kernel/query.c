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

#include <sys/queue.h>

#include <poll.h>
#include <string.h>

#include "../../core/text.h"
#include "../../db/idem.h"
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
	int			 waiting;	/* in kore's queue: on waiters */
	/* SLOT_TX only: the request's transaction on its connection. */
	int			 txstate;	/* TX_* */
	int			 txcur;		/* the slot being answered */
	int			 ending;	/* 0, END_COMMIT or END_RECORD */
	int			 conflict;	/* the key was recorded meanwhile */
	struct web_req		*w;
	TAILQ_ENTRY(web_query)	 wait_entry;
	struct kore_pgsql	 pg;
};

#define SLOT_SESSION	WEB_MAX_RESULTS	/* the session row's own slot */
#define SLOT_IDEM	(WEB_MAX_RESULTS + 1)	/* the idempotency key's */
#define SLOT_TX		(WEB_MAX_RESULTS + 2)	/* a transaction's link */
#define NSLOTS		(WEB_MAX_RESULTS + 3)

enum txstate {
	TX_NONE,		/* no transaction, no connection */
	TX_BEGIN,		/* BEGIN sent */
	TX_IDLE,		/* in the transaction, nothing sent */
	TX_BUSY,		/* a query sent (txcur) */
	TX_END			/* COMMIT or ROLLBACK sent */
};

#define END_COMMIT	1
#define END_RECORD	2

/*
 * The queries of this worker waiting in kore's queue for a connection.
 * Kore wakes one when a connection goes back to its pool, but not when one
 * is dropped (conn_drop): those are woken here instead, or they would
 * sleep until some other query ends.
 */
static TAILQ_HEAD(, web_query)	waiters = TAILQ_HEAD_INITIALIZER(waiters);

static void
waiters_wake(void)
{
	struct web_query	*q;

	TAILQ_FOREACH(q, &waiters, wait_entry)
		http_request_wakeup(q->w->req);
}

static const char *
query_name(struct web_query *q)
{
	return (q->stmt->name);
}

/*
 * Kore 4.1 never checks a pooled connection (issue 14): once PostgreSQL
 * restarts, an idle connection is dead, and kore_pgsql_cleanup() would put
 * it back in the pool after each failure (every later query on it fails:
 * "no connection to the server"), or, for a query whose socket libpq has
 * closed, ask epoll to forget that socket, which is fatal to the worker
 * ("kore_platform_disable_read: Bad file descriptor"). A connection that
 * failed is dropped instead: kore_pgsql_handle(conn, 1) is kore's own way
 * to close one (pgsql_conn_cleanup: out of the pool, PQfinish, one less
 * counted), with the scheduled flag cleared first; closing the socket
 * takes it out of epoll.
 */
static void
conn_drop(struct web_query *q)
{
	if (q->pg.conn == NULL)
		return;
	q->pg.flags &= ~KORE_PGSQL_SCHEDULED;
	kore_pgsql_handle(q->pg.conn, 1);
	q->pg.conn = NULL;
	waiters_wake();
}

/* 1 when q's connection is broken, as far as libpq knows. */
static int
conn_broken(struct web_query *q)
{
	return (q->pg.conn != NULL && (PQstatus(q->pg.conn->db) !=
	    CONNECTION_OK || PQsocket(q->pg.conn->db) < 0));
}

/*
 * 1 when the idle connection kore just handed out still works. An idle
 * connection has nothing to read: a readable socket means the server spoke
 * (its shutdown message, which libpq would only print as a notice) or
 * closed it. A parameter report after a reload would look the same; it
 * costs one new connection, so it is not told apart.
 */
static int
conn_alive(struct web_query *q)
{
	struct pollfd	pfd;

	if (conn_broken(q))
		return (0);
	pfd.fd = PQsocket(q->pg.conn->db);
	pfd.events = POLLIN | POLLRDHUP;
	pfd.revents = 0;
	return (poll(&pfd, 1, 0) == 0);
}

static void
wait_leave(struct web_query *q)
{
	if (q->waiting) {
		TAILQ_REMOVE(&waiters, q, wait_entry);
		q->waiting = 0;
	}
}

static void
pg_release(struct web_query *q)
{
	wait_leave(q);
	if (q->pg_live) {
		/*
		 * Nor one inside a transaction, or busy in one (the request
		 * ended, its client gone): the server rolls it back.
		 */
		if (conn_broken(q) || (q->pg.conn != NULL &&
		    (PQtransactionStatus(q->pg.conn->db) == PQTRANS_INTRANS ||
		    (q->txstate != TX_NONE && PQtransactionStatus(
		    q->pg.conn->db) != PQTRANS_IDLE))))
			conn_drop(q);
		kore_pgsql_cleanup(&q->pg);
		q->pg_live = 0;
	}
}

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
 * Gets a live connection for q's kore_pgsql. A dead idle connection is
 * dropped and the next one tried (at most every connection of the pool,
 * then a new one). POLL_WAIT when queued for one.
 */
static enum poll
conn_get(struct web_req *w, struct web_query *q)
{
	int	tries = pgsql_conn_max + 2;

	for (;;) {
		/* Leaves kore's wait queue, if it was there, before asking. */
		pg_release(q);
		kore_pgsql_init(&q->pg);
		kore_pgsql_bind_request(&q->pg, w->req);
		q->pg_live = 1;
		if (!kore_pgsql_setup(&q->pg, "db", KORE_PGSQL_ASYNC)) {
			if (q->pg.state == KORE_PGSQL_STATE_INIT) {
				q->w = w;	/* queued for a connection */
				TAILQ_INSERT_TAIL(&waiters, q, wait_entry);
				q->waiting = 1;
				return (POLL_WAIT);
			}
			kore_log(LOG_ERR, "%s %s: %s: database unavailable: %s",
			    http_method_text(w->req->method), w->req->path,
			    query_name(q), q->pg.error ? q->pg.error : "?");
			break;
		}
		if (conn_alive(q))
			return (POLL_READY);
		conn_drop(q);
		if (--tries == 0) {
			kore_log(LOG_ERR, "%s %s: %s: no live connection",
			    http_method_text(w->req->method), w->req->path,
			    query_name(q));
			break;
		}
	}
	pg_release(q);
	return (POLL_FAIL);
}

/* Sends q's statement on the connection of link (q itself, or SLOT_TX). */
static int
send_on(struct web_req *w, struct web_query *link, struct web_query *q)
{
	if (kore_pgsql_query_param_fields(&link->pg, q->sql, 0, q->n,
	    q->vals, NULL, NULL))
		return (1);
	kore_log(LOG_ERR, "%s %s: %s: query not sent: %s",
	    http_method_text(w->req->method), w->req->path,
	    query_name(q), link->pg.error ? link->pg.error : "?");
	conn_drop(link);
	return (0);
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
		if ((r = conn_get(w, q)) == POLL_WAIT)
			return (POLL_WAIT);
		if (r == POLL_FAIL)
			break;
		if (send_on(w, q, q)) {
			q->state = QS_SENT;
			return (POLL_WAIT);
		}
	}
	pg_release(q);
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
			pg_release(q);
			q->state = QS_FREE;
			return (POLL_READY);
		case KORE_PGSQL_STATE_ERROR:
			status = query_fail_status(w, q, q);
			/*
			 * Sent, then the link failed: whether the server ran
			 * it is unknown, so it is not sent again (a form's
			 * idempotency key covers a person's resubmission).
			 */
			pg_release(q);
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
		conn_drop(t);
	pg_release(t);
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
			return (tx_fail(w, t, 0, status));
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
			if ((r = conn_get(w, t)) == POLL_WAIT)
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
			pg_release(t);		/* idle: back to the pool */
			t->txstate = TX_NONE;
			t->ending = 0;
			break;
		case TX_IDLE:
			if ((slot = tx_next(w)) != -1) {
				q = &w->queries[slot];
				if (!send_on(w, t, q))
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
		    "invalides (encodage non UTF-8) : rien n'a été enregistré.");
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
		pg_release(&w->queries[i]);
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
