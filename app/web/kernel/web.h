/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The request context every handler receives, and the small API handlers use:
 * run queries (asynchronously), read their rows by name, write a page,
 * answer.
 *
 * A handler is called once per step. Step 0 is the first call. In a step it
 * validates what it was sent, then either queues queries (web_query, any
 * number of them: they run at the same time on the pool's connections) and
 * returns WEB_QUERY, to be called again, step + 1, once every one of them
 * has its rows; or it renders from the rows it gathered and ends with
 * web_send(), web_error() or web_redirect(). Each query names the slot its
 * rows go to (the handler's own enum), so adding a query renumbers nothing,
 * and rows stay until the request ends. Reading a column the statement
 * does not declare (app/db/db.h), or with another type, is logged and
 * turns the answer into a 500 rather than an empty cell.
 *
 * Memory a handler needs for the request comes from its arena
 * (web_alloc, web_printf, web_state) and is freed with the request.
 */
#ifndef AGORA_WEB_H
#define AGORA_WEB_H

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>
#include <kore/tasks.h>

#include "../../core/html.h"
#include "../../core/roles.h"
#include "../../db/db.h"

#define WEB_MAX_ARGS		4	/* captured path segments */
#define WEB_MAX_RESULTS		24	/* named results one request holds */
#define WEB_PARALLEL		4	/* queries of one step in flight */
#define WEB_MAX_PARAMS		16	/* parameters of one statement */

/* What a handler returns (never KORE_RESULT_*). */
#define WEB_DONE		1	/* the response is written */
#define WEB_QUERY		2	/* call me again with the rows */
#define WEB_TASK		3	/* call me again with w->task_out */

/* ROLE_* and ALLOW_* bits: app/core/roles.h (shared with the CLI). */

#define METHOD_GET		(HTTP_METHOD_GET | HTTP_METHOD_HEAD)
#define METHOD_POST		HTTP_METHOD_POST

struct web_session {
	long long	user_id;	/* 0: nobody signed in */
	unsigned int	roles;		/* ROLE_* bits */
	int		verified;	/* e-mail verified */
	char		name[128];	/* display name */
	char		territory[8];	/* INSEE code of the département */
	char		token[64];	/* the raw cookie value (CSRF key) */
	int		unread;		/* unread notifications (<= 100) */
};

struct web_req;

struct route {
	const char	*pattern;	/* "/themes/:slug": ':' captures */
	int		 methods;	/* METHOD_* bits */
	unsigned int	 allow;		/* ALLOW_* and ROLE_* bits */
	int		(*handler)(struct web_req *);
};

struct web_query;		/* query.c */
struct web_arena;		/* arena.c */

struct web_req {
	struct http_request	*req;
	const struct route	*route;
	const char		*args[WEB_MAX_ARGS]; /* path captures */
	struct web_session	 sess;

	int			 step;		/* handler's step */
	/* Named; then the session's and the idempotency key's (query.c). */
	struct db_rows		 rows[WEB_MAX_RESULTS + 2];
	int			 fault;		/* a read failed: answer 500 */
	const char		*bad_input;	/* a query's text not UTF-8 */
	int			 refused_form;	/* form_error(): title "Erreur" */

	struct kore_buf		*body;		/* the page being written */
	struct html_out		 html;		/* writes into body */

	char			 task_out[256];	/* a task's answer (task.c) */

	/* Dispatcher internals. */
	struct kore_task	 task;
	int			 task_live;
	char			*task_in;	/* what the task reads */
	size_t			 task_in_len;
	int			 phase;
	struct web_query	*queries;	/* query.c's slots */
	int			 nqueued;	/* queries not yet answered */
	/*
	 * A POST with an idempotency key (idem.c) runs its queries in one
	 * transaction on one connection (query.c), and its response waits
	 * for the COMMIT: deferred holds its status meanwhile.
	 */
	int			 tx;
	int			 replica;	/* reads on the replica (replica.h) */
	char			 idem[65];	/* the key's hash; "" none */
	int			 deferred;	/* status to send; 0 none */
	char			*deferred_location; /* a 303's */
	struct web_arena	*arena;
	void			*state;		/* web_state() */
	char			 pathbuf[2048];
};

/* Routing and dispatch (routes.c, dispatch.c). */
extern const struct route	routes[];
extern const size_t		nroutes;

/*
 * Queries (query.c). web_query(w, Q_NAME, &sql_x, DB_INT(id), DB_TEXT(s))
 * queues statement sql_x with its typed parameters (app/db/db.h) for the
 * slot Q_NAME, 0 .. WEB_MAX_RESULTS - 1, and returns WEB_QUERY. Queue
 * several in one step and they run together. A parameter count that does
 * not match the statement is logged and answered 500.
 */
#define web_query(w, q, st, ...)						web_query_argv((w), (q), (st), DB_ARGV(__VA_ARGS__),			    DB_NARGS(__VA_ARGS__))
int		 web_query_argv(struct web_req *, int, const struct db_stmt *,
		    const struct db_arg *, int);
/* The rows of slot q (0 when it has none), and one cell, by column name. */
int		 web_rows(struct web_req *, int);
const char	*web_text(struct web_req *, int, int, int);
long long	 web_int(struct web_req *, int, int, int);
int		 web_bool(struct web_req *, int, int, int);
int		 web_null(struct web_req *, int, int, int);
/* The session row (session.c), in its own slot. */
int		 web_query_session(struct web_req *, const struct db_stmt *,
		    const struct db_arg *, int);
struct db_rows	*web_session_rows(struct web_req *);

/*
 * The request's arena (arena.c): zeroed memory, strings and one state
 * block per handler, all freed when the request ends. Never NULL.
 */
void		*web_alloc(struct web_req *, size_t);
char		*web_strdup(struct web_req *, const char *);
char		*web_printf(struct web_req *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
/* An e-mail's text (core/mail_texts.h) with vars filled in, in the arena. */
struct mail_var;
char		*web_mail_fill(struct web_req *, const char *,
		    const struct mail_var *, size_t);
/* The handler's state: size zeroed bytes at step 0, the same block after. */
void		*web_state(struct web_req *, size_t);
void		 web_arena_free(struct web_req *);

/* Request arguments (dispatch.c). NULL when absent. */
const char	*web_arg(struct web_req *, const char *);

/* Pages and responses (layout.c). */
void		 page_begin(struct web_req *, const char *);
void		 page_end(struct web_req *);
void		 web_headers(struct http_request *, const char *);
int		 web_send(struct web_req *, int);
int		 web_send_type(struct web_req *, int, const char *);
int		 web_error(struct web_req *, int, const char *);
int		 web_redirect(struct web_req *, const char *);
/* Sends the response a keyed POST's transaction held back (dispatch.c). */
void		 web_flush(struct web_req *);
void		 web_markdown(struct web_req *, const char *, int);
/*
 * Password hashing off the event loop (task.c). Each returns WEB_TASK; the
 * handler is called again with w->task_out holding the new hash ("" when it
 * failed), or "1" / "0" for a verification.
 */
int		 web_password_hash(struct web_req *, const char *);
int		 web_password_verify(struct web_req *, const char *,
		    const char *);
int		 web_task_start(struct web_req *, int (*)(struct kore_task *),
		    const void *, size_t);

/* One-shot message for the next page, by code (flash.c). */
void		 web_flash(struct web_req *, const char *);
void		 flash_write(struct web_req *);

#define H	(&w->html)

#endif
