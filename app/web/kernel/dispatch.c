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

#include "../../core/fields.h"
#include "../../core/multipart.h"
#include "../../core/route.h"
#include "../../core/text.h"
#include "../../db/sessions.h"
#include "idem.h"
#include "query.h"
#include "replica.h"
#include "session.h"
#include "web.h"

#define PATH_MAX_LEN	1024	/* longer URLs get 414 */

enum phase {
	PHASE_SESSION,		/* waiting for the session row */
	PHASE_HANDLER,		/* running the route's handler */
	PHASE_END,		/* a keyed POST's COMMIT, then its response */
	PHASE_REPLAY		/* its twin won: that one's outcome */
};

int	agora_dispatch(struct http_request *);

static int	web_run(struct web_req *);
static int	web_start(struct web_req *);
static const struct field_def *field_too_long(struct http_request *);
static int	body_has_nul(struct web_req *);
static int	one_click_post(const struct web_req *);
/* The one-click unsubscribe (app/web/mail/unsubscribe.c). */
int	unsubscribe_submit(struct web_req *);

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

	/*
	 * A request may end asleep: a step that sent one query (kore puts the
	 * request to sleep until its answer) and then failed on another (no
	 * connection while PostgreSQL restarts) answers 503 there and then.
	 * Kore 4.1's http_request_free() then unlinks it from the list of
	 * awake requests although it is on the list of sleeping ones, which
	 * corrupts both: a later request is found asleep among the awake and
	 * the worker exits ("http_process: sleeping request on list", seen by
	 * test_fault under load). Woken here, it is unlinked from the right
	 * list (a no-op for a request that is awake).
	 */
	http_request_wakeup(req);
	if ((w = http_state_get(req)) == NULL)
		return;
	/* kore may call onfree more than once (pending tasks): be idempotent. */
	queries_free(w);
	if (w->task_in != NULL) {
		OPENSSL_cleanse(w->task_in, w->task_in_len);
		kore_free(w->task_in);
		w->task_in = NULL;
	}
	OPENSSL_cleanse(w->task_out, sizeof(w->task_out));
	if (w->body != NULL)
		kore_buf_free(w->body);
	w->body = NULL;
	web_arena_free(w);
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

/*
 * First call: size checks, route, method, arguments, then either the session
 * query or straight to the handler.
 */
static int
web_start(struct web_req *w)
{
	struct http_request	*req = w->req;
	const struct route	*r;
	const struct field_def	*f;
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
		if (!route_match(r->pattern, req->path, w->pathbuf,
		    sizeof(w->pathbuf), w->args, WEB_MAX_ARGS))
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
		else if (!one_click_post(w))
			return (web_error(w, 415, NULL));
		if (body_has_nul(w))
			return (WEB_DONE);
	} else
		http_populate_get(req);

	if ((f = field_too_long(req)) != NULL)
		return (web_error(w, 413, web_printf(w, "Le champ « %s » "
		    "dépasse la taille permise : rien n'a été enregistré.",
		    f->label)));

	/*
	 * The key's earlier outcome, read with the session. Both are read
	 * before the handler's step 0: without a session, the lookup alone
	 * (an anonymous keyed form, a sign-up or a sign-in from a browser)
	 * must not count as the handler's step 0, which ran the handler
	 * first at step 1 with nothing read and crashed the worker.
	 */
	if (idem_begin(w))
		w->phase = PHASE_SESSION;
	http_populate_cookies(req);
	replica_choose(w);
	if (http_request_cookie(req, SESSION_COOKIE, (char **)&cookie) &&
	    session_token_valid(cookie)) {
		snprintf(w->sess.token, sizeof(w->sess.token), "%s", cookie);
		w->phase = PHASE_SESSION;
		return (session_query(w));
	}
	return (WEB_QUERY);
}

/* The first field longer than fields.def allows (kore kept only those). */
static const struct field_def *
field_too_long(struct http_request *req)
{
	const struct field_def	*f;
	struct http_arg		*a;

	TAILQ_FOREACH(a, &req->arguments, list) {
		if ((f = field_find(a->name)) != NULL && a->s_value != NULL &&
		    strlen(a->s_value) > f->max)
			return (f);
	}
	return (NULL);
}

/*
 * Kore keeps each form value as a C string: a NUL byte would cut it there
 * and the rest be published as if it were all. Refused whole, with the
 * field's name (raises HTTP 400; 1 when answered).
 */
static int
body_has_nul(struct web_req *w)
{
	const struct field_def	*f;
	struct kore_buf		*b = w->req->http_body;
	char			 name[64];

	if (b == NULL || !multipart_nul_field((const char *)b->data,
	    b->offset, name, sizeof(name)))
		return (0);
	f = field_find(name);
	web_error(w, 400, web_printf(w, "Le champ « %s » contient un "
	    "caractère nul, qu'aucun texte ne contient : rien n'a été "
	    "enregistré.", f != NULL ? f->label : "?"));
	return (1);
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

/* Forgets the response headers set so far (kore 4.1 has no call for it). */
static void
resp_headers_clear(struct http_request *req)
{
	struct http_header	*hdr;

	while ((hdr = TAILQ_FIRST(&req->resp_headers)) != NULL) {
		TAILQ_REMOVE(&req->resp_headers, hdr, list);
		kore_free(hdr->header);
		kore_free(hdr->value);
		kore_pool_put(&http_header_pool, hdr);
	}
}

/*
 * A keyed POST's handler is done: its transaction ends with the key's
 * record when it redirected (layout.c deferred the response), then the
 * response goes out. 0 while the database works.
 */
static int
web_end(struct web_req *w)
{
	if (w->phase == PHASE_HANDLER) {
		w->phase = PHASE_END;
		queries_tx_end(w, w->deferred == 303 && w->idem[0] != '\0');
		if (queries_pending(w))
			return (0);
	}
	if (w->phase == PHASE_END && queries_tx_conflict(w)) {
		/*
		 * The same form, sent twice at once: the first one counts.
		 * This one's changes were rolled back: so are its headers.
		 */
		resp_headers_clear(w->req);
		replica_wrote(w);
		w->tx = 0;
		w->phase = PHASE_REPLAY;
		queries_idem_lookup(w);
		return (0);
	}
	if (w->phase == PHASE_REPLAY) {
		if (!idem_replay(w))
			web_error(w, 409, NULL);
		return (1);
	}
	w->tx = 0;
	web_flush(w);
	return (1);
}

/*
 * The one POST without a CSRF token: RFC 8058's one-click unsubscribe
 * (app/web/mail/unsubscribe.c). A mail client sends it with no cookie,
 * no form of ours and "List-Unsubscribe=One-Click" urlencoded (whose
 * fields nobody reads). What authorises it is the URL's token, signed
 * with the server secret for one person and one kind of mail: a forged
 * page cannot know it, and all it can do is stop that kind's mails.
 */
static int
one_click_post(const struct web_req *w)
{
	return (w->route->handler == unsubscribe_submit);
}

/* Step 0's checks, then the handler. */
static int
web_call(struct web_req *w)
{
	if (w->step == 0 && !web_allowed(w))
		return (session_refuse(w));
	if (w->step == 0 && w->req->method == HTTP_METHOD_POST) {
		/* Every POST changes something: no exception but one. */
		if (!one_click_post(w) && !csrf_valid(w))
			return (web_error(w, 403, "Le formulaire a expiré ou "
			    "ne vient pas de ce site : rien n'a été "
			    "enregistré. Rechargez la page et réessayez."));
		replica_wrote(w);
		if (idem_replay(w))
			return (WEB_DONE);
		w->tx = w->idem[0] != '\0';
	}
	return (w->route->handler(w));
}

static int
web_run(struct web_req *w)
{
	int	r;

	for (;;) {
		if (queries_pending(w)) {
			switch (queries_poll(w)) {
			case POLL_WAIT:
				return (KORE_RESULT_RETRY);
			case POLL_FAIL:
				return (KORE_RESULT_OK);
			case POLL_READY:
				break;
			}
			if (w->phase == PHASE_END || w->phase == PHASE_REPLAY) {
				if (web_end(w))
					return (KORE_RESULT_OK);
				continue;
			}
			if (w->task_live)
				continue;	/* committed before its task */
			if (w->phase == PHASE_HANDLER)
				w->step++;
		} else if (w->task_live) {
			if (!kore_task_finished(&w->task))
				return (KORE_RESULT_RETRY);
			memset(w->task_out, 0, sizeof(w->task_out));
			kore_task_channel_read(&w->task, w->task_out,
			    sizeof(w->task_out) - 1);
			kore_task_destroy(&w->task);
			w->task_live = 0;
			w->step++;
		}
		if (w->phase == PHASE_SESSION) {
			w->phase = PHASE_HANDLER;
			session_fill(w);
			if (w->sess.user_id == 0 && w->sess.token[0] != '\0')
				session_cookie_clear(w);
		}
		r = web_call(w);
		if (r == WEB_DONE) {
			if (!w->tx || web_end(w))
				return (KORE_RESULT_OK);
			continue;
		}
		if (r == WEB_TASK && w->task_live) {
			/* What came before the task commits now. */
			if (w->tx)
				queries_tx_end(w, 0);
			if (queries_pending(w))
				continue;
			return (KORE_RESULT_RETRY);
		}
		if (w->fault || w->nqueued == 0) {
			kore_log(LOG_ERR, "%s: %s", w->req->path, w->fault ?
			    "a query was asked wrongly" :
			    "handler returned without query");
			w->tx = 0;
			web_error(w, 500, NULL);
			return (KORE_RESULT_OK);
		}
	}
}

const char *
web_arg(struct web_req *w, const char *name)
{
	char	*v;

	if (!http_argument_get_string(w->req, name, &v))
		return (NULL);
	return (v);
}
