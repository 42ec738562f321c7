/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The connection under each query of a request: taken from kore's pool
 * and checked (a pooled connection may have died with a PostgreSQL
 * restart), dropped when it fails, given back when the query ends.
 */

#include <sys/queue.h>

#include <poll.h>

#include "query_slots.h"
#include "replica.h"

/*
 * The queries of this worker waiting in kore's queue for a connection.
 * Kore wakes one when a connection goes back to its pool, but not when one
 * is dropped (pgconn_drop): those are woken here instead, or they would
 * sleep until some other query ends.
 */
static TAILQ_HEAD(, web_query)	waiters = TAILQ_HEAD_INITIALIZER(waiters);

static void
pgconn_waiters_wake(void)
{
	struct web_query	*q;

	TAILQ_FOREACH(q, &waiters, wait_entry)
		http_request_wakeup(q->w->req);
}

/*
 * The statement's name, for the log. A transaction's link (SLOT_TX) has
 * none: when PostgreSQL was down as a keyed POST asked for its connection,
 * reading it was a NULL dereference that took the worker down
 * (test_fault's workers, issue 14, item 1).
 */
const char *
query_name(struct web_query *q)
{
	return (q->stmt != NULL ? q->stmt->name : "transaction");
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
void
pgconn_drop(struct web_query *q)
{
	if (q->pg.conn == NULL)
		return;
	q->pg.flags &= ~KORE_PGSQL_SCHEDULED;
	kore_pgsql_handle(q->pg.conn, 1);
	q->pg.conn = NULL;
	pgconn_waiters_wake();
}

/* 1 when q's connection is broken, as far as libpq knows. */
int
pgconn_broken(struct web_query *q)
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
pgconn_alive(struct web_query *q)
{
	struct pollfd	pfd;

	if (pgconn_broken(q))
		return (0);
	pfd.fd = PQsocket(q->pg.conn->db);
	pfd.events = POLLIN | POLLRDHUP;
	pfd.revents = 0;
	return (poll(&pfd, 1, 0) == 0);
}

static void
pgconn_wait_leave(struct web_query *q)
{
	if (q->waiting) {
		TAILQ_REMOVE(&waiters, q, wait_entry);
		q->waiting = 0;
	}
}

void
pgconn_release(struct web_query *q)
{
	pgconn_wait_leave(q);
	if (q->pg_live) {
		/*
		 * Nor one inside a transaction, or busy in one (the request
		 * ended, its client gone): the server rolls it back.
		 */
		if (pgconn_broken(q) || (q->pg.conn != NULL &&
		    (PQtransactionStatus(q->pg.conn->db) == PQTRANS_INTRANS ||
		    (q->txstate != TX_NONE && PQtransactionStatus(
		    q->pg.conn->db) != PQTRANS_IDLE))))
			pgconn_drop(q);
		kore_pgsql_cleanup(&q->pg);
		q->pg_live = 0;
	}
}

/*
 * The handler's own slots of a request routed to the replica read there;
 * the session's and the key's rows (they write), and a transaction, never.
 */
static int
pgconn_on_replica(struct web_req *w, struct web_query *q)
{
	return (w->replica && !w->tx && q >= w->queries &&
	    q < w->queries + WEB_MAX_RESULTS);
}

/*
 * Gets a live connection for q's kore_pgsql. A dead idle connection is
 * dropped and the next one tried (at most every connection of the pool,
 * then a new one). POLL_WAIT when queued for one.
 */
enum poll
pgconn_get(struct web_req *w, struct web_query *q)
{
	int	tries = pgsql_conn_max + 2;

	for (;;) {
		/* Leaves kore's wait queue, if it was there, before asking. */
		pgconn_release(q);
		kore_pgsql_init(&q->pg);
		kore_pgsql_bind_request(&q->pg, w->req);
		q->pg_live = 1;
		q->on_replica = pgconn_on_replica(w, q);
		if (!kore_pgsql_setup(&q->pg, q->on_replica ? REPLICA_DB :
		    "db", KORE_PGSQL_ASYNC)) {
			if (q->pg.state == KORE_PGSQL_STATE_INIT) {
				q->w = w;	/* queued for a connection */
				TAILQ_INSERT_TAIL(&waiters, q, wait_entry);
				q->waiting = 1;
				return (POLL_WAIT);
			}
			if (q->on_replica) {
				/* The replica is down: the primary answers. */
				replica_failed(NULL, q->pg.error);
				w->replica = 0;
				continue;
			}
			kore_log(LOG_ERR, "%s %s: %s: database unavailable: %s",
			    http_method_text(w->req->method), w->req->path,
			    query_name(q), q->pg.error ? q->pg.error : "?");
			break;
		}
		if (pgconn_alive(q))
			return (POLL_READY);
		pgconn_drop(q);
		if (--tries == 0) {
			kore_log(LOG_ERR, "%s %s: %s: no live connection",
			    http_method_text(w->req->method), w->req->path,
			    query_name(q));
			break;
		}
	}
	pgconn_release(q);
	return (POLL_FAIL);
}

/* Sends q's statement on the connection of link (q itself, or SLOT_TX). */
int
pgconn_send(struct web_req *w, struct web_query *link, struct web_query *q)
{
	if (kore_pgsql_query_param_fields(&link->pg, q->sql, 0, q->n,
	    q->vals, NULL, NULL))
		return (1);
	kore_log(LOG_ERR, "%s %s: %s: query not sent: %s",
	    http_method_text(w->req->method), w->req->path,
	    query_name(q), link->pg.error ? link->pg.error : "?");
	pgconn_drop(link);
	return (0);
}
