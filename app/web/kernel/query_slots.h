/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Inside query.c and query_conn.c: a request's queries, their slots and
 * their connections. Nothing else includes this.
 */

#ifndef AGORA_WEB_QUERY_SLOTS_H
#define AGORA_WEB_QUERY_SLOTS_H

#include <sys/queue.h>

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
	int			 on_replica;	/* its connection is the replica's */
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

/* query_conn.c: the connection of one query (or of a transaction). */
const char	*query_name(struct web_query *);
enum poll	 pgconn_get(struct web_req *, struct web_query *);
int		 pgconn_send(struct web_req *, struct web_query *,
		    struct web_query *);
int		 pgconn_broken(struct web_query *);
void		 pgconn_drop(struct web_query *);
void		 pgconn_release(struct web_query *);

#endif
