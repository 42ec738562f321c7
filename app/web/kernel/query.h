/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* The dispatcher's side of query.c. */

#ifndef AGORA_WEB_QUERY_H
#define AGORA_WEB_QUERY_H

struct web_req;

enum poll {
	POLL_WAIT,		/* nothing yet: kore wakes the request */
	POLL_READY,		/* every queued query has its rows */
	POLL_FAIL		/* an error page was sent */
};

/* Sends what is queued, reads what arrived. */
enum poll	queries_poll(struct web_req *);
/* 1 while queries or a transaction's end wait for the database. */
int		queries_pending(struct web_req *);
/*
 * Ends the request's transaction (w->tx), if one began: with the key's
 * record (the handler redirected) then COMMIT, else COMMIT alone. A
 * transaction begins again at the next query. queries_poll() says when
 * it is over; queries_tx_conflict() then tells whether the same key was
 * recorded by a concurrent twin (this one was rolled back).
 */
void		queries_tx_end(struct web_req *, int);
int		queries_tx_conflict(struct web_req *);
/* Queues the lookup of the key's earlier outcome (idem.c). */
int		queries_idem_lookup(struct web_req *);
struct db_rows	*queries_idem_rows(struct web_req *);
/* Releases the connections and the results (the request ends). */
void		queries_free(struct web_req *);

#endif
