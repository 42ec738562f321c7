/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The one kore handler. Every request comes here (conf/routes.conf has a
 * single catch-all route), is matched against the table in routes.c, gets
 * its session loaded, is checked against the route's allow mask, then runs
 * its handler step by step, each query asynchronous.
 */

#include <stdarg.h>
#include <string.h>

#include <openssl/crypto.h>

#include "../core/text.h"
#include "../db/sessions.h"
#include "session.h"
#include "web.h"

#define PATH_MAX_LEN	1024	/* longer URLs get 414 */

enum phase {
	PHASE_SESSION,		/* waiting for the session row */
	PHASE_HANDLER		/* running the route's handler */
};

enum poll {
	POLL_WAIT,		/* nothing yet: kore wakes us */
	POLL_READY,		/* the result is stored */
	POLL_FAIL		/* an error page was sent */
};

int	agora_dispatch(struct http_request *);

static int	web_run(struct web_req *);
static int	web_start(struct web_req *);

/* What the dispatcher keeps of the query it is running or has queued. */
struct pending {
	const char	*sql;
	int		 n;
	const char	*vals[16];
	int		 slot;		/* index in res[], or -1: session */
};

static struct pending	*pending_of(struct web_req *);

/*
 * kore_buf_append grows the buffer by exactly what is appended, so a page
 * written in many small pieces was copied again at each one (quadratic:
 * 170 ms for a 240 KB page). Grow geometrically instead.
 */
static void
buf_write(void *arg, const void *p, size_t len)
{
	struct kore_buf	*b = arg;
	size_t		 want;

	if (b->offset + len > b->length) {
		want = b->length * 2;
		if (want < b->offset + len)
			want = b->offset + len;
		b->data = kore_realloc(b->data, want);
		b->length = want;
	}
	kore_buf_append(b, p, len);
}

static void
web_req_free(struct http_request *req)
{
	struct web_req	*w;
	struct pending	*p;
	int		 i;

	if ((w = http_state_get(req)) == NULL)
		return;
	/* kore may call onfree more than once (pending tasks): be idempotent. */
	if (w->sql_live) {
		kore_pgsql_cleanup(&w->sql);
		w->sql_live = 0;
	}
	for (i = 0; i < WEB_MAX_RESULTS; i++) {
		if (w->res[i] != NULL)
			PQclear(w->res[i]);
		w->res[i] = NULL;
	}
	if (w->task_in != NULL) {
		OPENSSL_cleanse(w->task_in, w->task_in_len);
		kore_free(w->task_in);
		w->task_in = NULL;
	}
	OPENSSL_cleanse(w->task_out, sizeof(w->task_out));
	if ((p = w->data_pending) != NULL) {
		for (i = 0; i < p->n; i++)
			kore_free((void *)p->vals[i]);
		kore_free(p);
		w->data_pending = NULL;
	}
	if (w->data != NULL && w->data_free != NULL)
		w->data_free(w->data);
	w->data = NULL;
	if (w->body != NULL)
		kore_buf_free(w->body);
	w->body = NULL;
	session_clear(&w->sess);
}

int
agora_dispatch(struct http_request *req)
{
	struct web_req	*w;

	if (!http_state_exists(req)) {
		w = http_state_create(req, sizeof(*w), web_req_free);
		w->req = req;
		w->body = kore_buf_alloc(8192);
		w->html.write = buf_write;
		w->html.arg = w->body;
		if (web_start(w) == WEB_DONE)
			return (KORE_RESULT_OK);
	}
	w = http_state_get(req);
	return (web_run(w));
}

/* Matches path against pattern; fills captures. 1 on a match. */
static int
route_match(struct web_req *w, const char *pattern, const char *path)
{
	const char	*p = pattern, *s = path, *end;
	size_t		 len, used = 0;
	int		 nargs = 0;

	while (*p != '\0') {
		if (*p == ':') {
			end = strchr(s, '/');
			len = end ? (size_t)(end - s) : strlen(s);
			if (len == 0 || nargs == WEB_MAX_ARGS ||
			    used + len + 1 > sizeof(w->pathbuf))
				return (0);
			memcpy(w->pathbuf + used, s, len);
			w->pathbuf[used + len] = '\0';
			w->args[nargs++] = w->pathbuf + used;
			used += len + 1;
			s += len;
			while (*p != '\0' && *p != '/')
				p++;
			continue;
		}
		if (*p != *s)
			return (0);
		p++;
		s++;
	}
	return (*s == '\0');
}

/*
 * First call: size checks, route, method, arguments, then either the session
 * query or straight to the handler.
 */
static int
web_start(struct web_req *w)
{
	struct http_request	*req = w->req;
	const struct route	*r;
	size_t			 i;
	int			 path_found = 0;
	const char		*ctype, *cookie;

	w->phase = PHASE_HANDLER;
	if (strlen(req->path) > PATH_MAX_LEN ||
	    (req->query_string != NULL &&
	    strlen(req->query_string) > PATH_MAX_LEN))
		return (web_error(w, 414, NULL));
	if (!text_utf8_valid(req->path, strlen(req->path)))
		return (web_error(w, 400, NULL));

	for (i = 0; i < nroutes; i++) {
		r = &routes[i];
		memset(w->args, 0, sizeof(w->args));
		if (!route_match(w, r->pattern, req->path))
			continue;
		path_found = 1;
		if (r->methods & req->method) {
			w->route = r;
			break;
		}
	}
	if (w->route == NULL) {
		if (path_found) {
			http_response_header(req, "allow", "GET, HEAD, POST");
			return (web_error(w, 405, NULL));
		}
		return (web_error(w, 404, NULL));
	}

	if (req->method == HTTP_METHOD_POST) {
		if (http_request_header(req, "content-type", &ctype) &&
		    strncasecmp(ctype, "multipart/form-data", 19) == 0)
			http_populate_multipart_form(req);
		else
			return (web_error(w, 415, NULL));
	} else
		http_populate_get(req);

	http_populate_cookies(req);
	if (http_request_cookie(req, SESSION_COOKIE, (char **)&cookie) &&
	    session_token_valid(cookie)) {
		snprintf(w->sess.token, sizeof(w->sess.token), "%s", cookie);
		w->phase = PHASE_SESSION;
		return (session_query(w));
	}
	return (WEB_QUERY);
}

static int
web_allowed(struct web_req *w)
{
	unsigned int	mask;

	if (w->sess.user_id == 0)
		mask = ALLOW_ANON;
	else
		mask = (w->sess.verified ? ALLOW_VERIFIED : ALLOW_USER) |
		    w->sess.roles;
	return ((w->route->allow & mask) != 0);
}

static struct pending *
pending_of(struct web_req *w)
{
	return (w->data_pending);
}

/* Gets a connection and sends the pending query. */
static enum poll
db_send(struct web_req *w)
{
	struct pending	*p = pending_of(w);
	int		 status;

	if (!w->sql_live) {
		kore_pgsql_init(&w->sql);
		kore_pgsql_bind_request(&w->sql, w->req);
		w->sql_live = 1;
	}
	if (!kore_pgsql_setup(&w->sql, "db", KORE_PGSQL_ASYNC)) {
		if (w->sql.state == KORE_PGSQL_STATE_INIT)
			return (POLL_WAIT);	/* queued for a connection */
		kore_log(LOG_ERR, "%s %s: database unavailable: %s",
		    http_method_text(w->req->method), w->req->path,
		    w->sql.error ? w->sql.error : "?");
		kore_pgsql_cleanup(&w->sql);
		w->sql_live = 0;
		web_error(w, 503, NULL);
		return (POLL_FAIL);
	}
	if (!kore_pgsql_query_param_fields(&w->sql, p->sql, 0, p->n,
	    p->vals, NULL, NULL)) {
		status = 503;
		kore_log(LOG_ERR, "%s %s: query not sent: %s",
		    http_method_text(w->req->method), w->req->path,
		    w->sql.error ? w->sql.error : "?");
		kore_pgsql_cleanup(&w->sql);
		w->sql_live = 0;
		web_error(w, status, NULL);
		return (POLL_FAIL);
	}
	p->sql = NULL;		/* sent */
	return (POLL_WAIT);
}

static void
store_result(struct web_req *w, PGresult *res)
{
	struct pending	*p = pending_of(w);

	if (p->slot < 0) {
		session_fill(w, res);
		PQclear(res);
	} else if (w->res[p->slot] == NULL)
		w->res[p->slot] = res;
	else	/* a second result set: keep the first */
		PQclear(res);
}

/* Advances the running query; stores its result once complete. */
static enum poll
db_poll(struct web_req *w)
{
	struct pending	*p = pending_of(w);
	PGresult	*res;
	const char	*state;
	int		 status, i;

	if (p->sql != NULL)
		return (db_send(w));

	for (;;) {
		switch (w->sql.state) {
		case KORE_PGSQL_STATE_WAIT:
			return (POLL_WAIT);
		case KORE_PGSQL_STATE_RESULT:
			res = w->sql.result;
			w->sql.result = NULL;
			store_result(w, res);
			kore_pgsql_continue(&w->sql);
			break;
		case KORE_PGSQL_STATE_DONE:
			kore_pgsql_continue(&w->sql);
			break;
		case KORE_PGSQL_STATE_COMPLETE:
			kore_pgsql_cleanup(&w->sql);
			w->sql_live = 0;
			goto done;
		case KORE_PGSQL_STATE_ERROR:
			state = NULL;
			if (w->sql.result != NULL)
				state = PQresultErrorField(w->sql.result,
				    PG_DIAG_SQLSTATE);
			snprintf(w->sqlstate, sizeof(w->sqlstate), "%s",
			    state ? state : "08000");
			if (!w->tolerate_error || p->slot < 0 ||
			    strncmp(w->sqlstate, "08", 2) == 0) {
				kore_log(LOG_ERR, "%s %s: query failed: %s",
				    http_method_text(w->req->method),
				    w->req->path,
				    w->sql.error ? w->sql.error : "?");
			}
			kore_pgsql_cleanup(&w->sql);
			w->sql_live = 0;
			if (w->tolerate_error && p->slot >= 0 &&
			    strncmp(w->sqlstate, "08", 2) != 0)
				goto done;
			status = (strncmp(w->sqlstate, "08", 2) == 0 ||
			    strncmp(w->sqlstate, "57P", 3) == 0) ? 503 : 500;
			web_error(w, status, NULL);
			return (POLL_FAIL);
		default:
			kore_pgsql_continue(&w->sql);
			break;
		}
	}
done:
	for (i = 0; i < p->n; i++)
		kore_free((void *)p->vals[i]);
	kore_free(p);
	w->data_pending = NULL;
	return (POLL_READY);
}

static int
web_run(struct web_req *w)
{
	int	r;

	for (;;) {
		if (w->task_live) {
			if (!kore_task_finished(&w->task))
				return (KORE_RESULT_RETRY);
			memset(w->task_out, 0, sizeof(w->task_out));
			kore_task_channel_read(&w->task, w->task_out,
			    sizeof(w->task_out) - 1);
			kore_task_destroy(&w->task);
			w->task_live = 0;
			w->step++;
		} else if (w->data_pending != NULL) {
			switch (db_poll(w)) {
			case POLL_WAIT:
				return (KORE_RESULT_RETRY);
			case POLL_FAIL:
				return (KORE_RESULT_OK);
			case POLL_READY:
				break;
			}
			if (w->phase == PHASE_HANDLER)
				w->step++;
		}
		if (w->phase == PHASE_SESSION) {
			w->phase = PHASE_HANDLER;
			if (w->sess.user_id == 0)
				session_cookie_clear(w);
		}
		if (w->step == 0 && !web_allowed(w)) {
			r = session_refuse(w);
		} else if (w->step == 0 &&
		    w->req->method == HTTP_METHOD_POST && !csrf_valid(w)) {
			/* Every POST changes something: no exception. */
			r = web_error(w, 403, "Le formulaire a expiré ou "
			    "ne vient pas de ce site : rien n'a été "
			    "enregistré. Rechargez la page et réessayez.");
		} else {
			w->tolerate_error = 0;
			r = w->route->handler(w);
		}
		if (r == WEB_DONE)
			return (KORE_RESULT_OK);
		if (r == WEB_TASK && w->task_live)
			return (KORE_RESULT_RETRY);
		if (w->data_pending == NULL) {
			kore_log(LOG_ERR, "%s: handler returned without query",
			    w->req->path);
			web_error(w, 500, NULL);
			return (KORE_RESULT_OK);
		}
	}
}

static int
queue_query(struct web_req *w, const char *sql, int n, const char **vals,
    int slot)
{
	struct pending	*p;
	int		 i;

	if (n > 16 || slot >= WEB_MAX_RESULTS)
		fatal("web_query: too many parameters or queries");
	p = kore_calloc(1, sizeof(*p));
	p->sql = sql;
	p->n = n;
	p->slot = slot;
	for (i = 0; i < n; i++)
		p->vals[i] = vals[i] ? kore_strdup(vals[i]) : NULL;
	w->data_pending = p;
	return (WEB_QUERY);
}

int
web_queryv(struct web_req *w, const char *sql, int n, const char **vals)
{
	return (queue_query(w, sql, n, vals, w->step));
}

int
web_query(struct web_req *w, const char *sql, int n, ...)
{
	va_list		 ap;
	const char	*vals[16];
	int		 i;

	if (n > 16)
		fatal("web_query: too many parameters");
	va_start(ap, n);
	for (i = 0; i < n; i++)
		vals[i] = va_arg(ap, const char *);
	va_end(ap);
	return (queue_query(w, sql, n, vals, w->step));
}

/* Used by session.c for the session row, which has no step of its own. */
int
web_query_session(struct web_req *w, const char *sql, int n,
    const char **vals)
{
	return (queue_query(w, sql, n, vals, -1));
}

PGresult *
web_result(struct web_req *w, int slot)
{
	if (slot < 0 || slot >= WEB_MAX_RESULTS)
		return (NULL);
	return (w->res[slot]);
}

int
web_nrows(struct web_req *w, int slot)
{
	PGresult	*r = web_result(w, slot);

	return (r ? PQntuples(r) : 0);
}

const char *
web_value(struct web_req *w, int slot, int row, int col)
{
	PGresult	*r = web_result(w, slot);

	if (r == NULL || row >= PQntuples(r) || col >= PQnfields(r))
		return ("");
	return (PQgetvalue(r, row, col));
}

int
web_isnull(struct web_req *w, int slot, int row, int col)
{
	PGresult	*r = web_result(w, slot);

	if (r == NULL || row >= PQntuples(r) || col >= PQnfields(r))
		return (1);
	return (PQgetisnull(r, row, col));
}

const char *
web_arg(struct web_req *w, const char *name)
{
	char	*v;

	if (!http_argument_get_string(w->req, name, &v))
		return (NULL);
	return (v);
}
