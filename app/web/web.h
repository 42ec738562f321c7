/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The request context every handler receives, and the small API handlers use:
 * run a query (asynchronously), read its rows, write a page, answer.
 *
 * A handler is called once per step. Step 0 is the first call; each time it
 * returns web_query(...) it is called again, step + 1, once the rows are in
 * w->res[step]. Results stay until the request ends, so a later step can
 * read any earlier result. It ends by returning web_send(), web_error() or
 * web_redirect().
 */

#ifndef AGORA_WEB_H
#define AGORA_WEB_H

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>
#include <kore/tasks.h>

#include "../core/html.h"
#include "../core/roles.h"

#define WEB_MAX_ARGS		4	/* captured path segments */
#define WEB_MAX_RESULTS		12	/* queries one request may run */

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
};

struct web_req;

struct route {
	const char	*pattern;	/* "/themes/:slug": ':' captures */
	int		 methods;	/* METHOD_* bits */
	unsigned int	 allow;		/* ALLOW_* and ROLE_* bits */
	int		(*handler)(struct web_req *);
};

struct web_req {
	struct http_request	*req;
	const struct route	*route;
	const char		*args[WEB_MAX_ARGS]; /* path captures */
	struct web_session	 sess;

	int			 step;		/* handler's step */
	PGresult		*res[WEB_MAX_RESULTS]; /* owned, by step */
	int			 tolerate_error; /* handler reads errors */
	char			 sqlstate[6];	/* of a tolerated error */

	struct kore_buf		*body;		/* the page being written */
	struct html_out		 html;		/* writes into body */

	void			*data;		/* handler's own state */
	void			(*data_free)(void *);

	char			 task_out[256];	/* a task's answer (task.c) */

	/* Dispatcher internals. */
	struct kore_task	 task;
	int			 task_live;
	char			*task_in;	/* what the task reads */
	size_t			 task_in_len;
	struct kore_pgsql	 sql;
	int			 phase;
	int			 sql_live;
	void			*data_pending;	/* struct pending */
	char			 pathbuf[2048];
	char			*argbuf[WEB_MAX_ARGS];
};

/* Routing and dispatch (routes.c, dispatch.c). */
extern const struct route	routes[];
extern const size_t		nroutes;

/* Queries (dispatch.c). Parameters are text; NULL is SQL NULL. */
int		 web_query(struct web_req *, const char *, int, ...);
int		 web_queryv(struct web_req *, const char *, int,
		    const char **);
int		 web_query_session(struct web_req *, const char *, int,
		    const char **);
PGresult	*web_result(struct web_req *, int);
int		 web_nrows(struct web_req *, int);
const char	*web_value(struct web_req *, int, int, int);
int		 web_isnull(struct web_req *, int, int, int);

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
