/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Reads from a streaming replica (setting replica_database; README,
 * "Several machines"). The public read-only pages (reports, the API, open
 * data, listings: replica.c's list) read from it, with two guards:
 *   - a person who sent a POST reads from the primary for
 *     replica_max_lag_seconds + 2 s after it (cookie agora_ecrit, the
 *     time of the write), so never older than their own last write;
 *   - each worker probes the replica twice a second, without blocking its
 *     event loop, and takes it out of the rotation while it is down, not
 *     streaming, or further behind than replica_max_lag_seconds (logged).
 * Everything else (sessions, POSTs, personal pages) stays on the primary.
 */

#ifndef AGORA_WEB_REPLICA_H
#define AGORA_WEB_REPLICA_H

struct web_req;

#define REPLICA_DB	"replica"	/* kore's name for its connections */
#define WRITE_COOKIE	"agora_ecrit"

/* Parent: registers the replica's connections when the setting is set. */
void		 replica_configure(void);
/* Worker: starts the probe (a kore timer). */
void		 replica_worker_start(void);
/* After routing: whether this request reads the replica (w->replica). */
void		 replica_choose(struct web_req *);
/* A POST: the person reads the primary for the next seconds. */
void		 replica_wrote(struct web_req *);
/* A query on the replica failed (SQLSTATE or NULL): logged, maybe out. */
void		 replica_failed(const char *, const char *);
/* The connection string for a task of w (the replica's or the primary's). */
const char	*replica_dsn(int);

#endif
