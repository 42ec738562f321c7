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
/* Releases the connections and the results (the request ends). */
void		queries_free(struct web_req *);

#endif
