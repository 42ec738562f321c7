/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <string.h>

#include "../../core/roles.h"
#include "../../core/token.h"
#include "../../db/sessions.h"
#include "app.h"
#include "idem.h"
#include "session.h"

int
session_token_valid(const char *s)
{
	return (token_well_formed(s));
}

unsigned int
session_roles_parse(const char *s)
{
	return (roles_parse(s));
}

int
session_query(struct web_req *w)
{
	char	hash[TOKEN_HEX_LEN + 1];

	token_hash_hex(w->sess.token, hash);
	return (web_query_session(w, &sql_session_lookup, DB_ARGV(
	    DB_TEXT(hash), DB_TEXT(app.idle_minutes),
	    DB_TEXT(app.absolute_minutes)), 3));
}

void
session_fill(struct web_req *w)
{
	struct db_rows	*r = web_session_rows(w);
	long long	 id;

	if (db_nrows(r) != 1 || (id = db_int(r, 0, SESS_USER_ID)) <= 0)
		return;
	w->sess.user_id = id;
	snprintf(w->sess.name, sizeof(w->sess.name), "%s",
	    db_text(r, 0, SESS_NAME));
	snprintf(w->sess.territory, sizeof(w->sess.territory), "%s",
	    db_text(r, 0, SESS_TERRITORY));
	w->sess.verified = db_bool(r, 0, SESS_VERIFIED);
	w->sess.roles = session_roles_parse(db_text(r, 0, SESS_ROLES));
	w->sess.unread = (int)db_int(r, 0, SESS_UNREAD);
}

void
session_clear(struct web_session *s)
{
	OPENSSL_cleanse(s->token, sizeof(s->token));
	s->user_id = 0;
}

static void
cookie_write(struct web_req *w, const char *name, const char *value,
    long long max_age)
{
	char	buf[256];

	snprintf(buf, sizeof(buf), "%s=%s; Path=/; Max-Age=%lld; HttpOnly;"
	    " SameSite=Lax%s", name, value, max_age,
	    app.cookie_secure ? "; Secure" : "");
	http_response_header(w->req, "set-cookie", buf);
}

/* A stale or unknown session cookie is removed so it is not sent again. */
void
session_cookie_clear(struct web_req *w)
{
	if (w->sess.token[0] != '\0') {
		cookie_write(w, SESSION_COOKIE, "", 0);
		OPENSSL_cleanse(w->sess.token, sizeof(w->sess.token));
	}
}

void
session_cookie_set(struct web_req *w, const char *token)
{
	cookie_write(w, SESSION_COOKIE, token,
	    strtoll(app.absolute_minutes, NULL, 10) * 60);
	snprintf(w->sess.token, sizeof(w->sess.token), "%s", token);
}

/*
 * Raises HTTP 403 with a French page, or 401 for a visitor without a
 * session on a page open to signed-in people. Marks the response with the
 * header x-agora-refused, which the authorisation test relies on.
 */
int
session_refuse(struct web_req *w)
{
	/* Tells a refusal by the routing table from a handler's own 403. */
	http_response_header(w->req, "x-agora-refused", "1");
	/*
	 * Signing in may be all it takes (a moderator's queue, say). A form
	 * sent once the session has expired gets its text shown back.
	 */
	if (w->sess.user_id == 0 && (w->route->allow & ~ALLOW_ANON) != 0) {
		if (w->req->method != HTTP_METHOD_POST)
			return (web_error(w, 401, NULL));
		return (web_error(w, 401, "Votre session a expiré ou "
		    "n'est pas ouverte : rien n'a été enregistré. "
		    "Connectez-vous, puis envoyez le formulaire de nouveau."));
	}
	if (w->sess.user_id != 0 && !w->sess.verified &&
	    (w->route->allow & ALLOW_VERIFIED))
		return (web_error(w, 403, "Confirmez d'abord votre adresse "
		    "électronique : le lien vous a été envoyé par courriel."));
	return (web_error(w, 403, NULL));
}

/* The key a CSRF token is derived from: the session, else an anon cookie. */
static const char *
csrf_key(struct web_req *w, int create)
{
	char		*v;
	static char	 fresh[TOKEN_LEN + 1];

	if (w->sess.user_id != 0)
		return (w->sess.token);
	if (http_request_cookie(w->req, ANON_COOKIE, &v) && token_well_formed(v))
		return (v);
	if (!create || token_random(fresh) == -1)
		return (NULL);
	cookie_write(w, ANON_COOKIE, fresh, 60 * 60 * 24);
	return (fresh);
}

static void
csrf_compute(const char *key, char out[TOKEN_LEN + 1])
{
	char	msg[96];

	snprintf(msg, sizeof(msg), "csrf:%s", key);
	token_mac(app.secret, app.secret_len, msg, out);
}

void
csrf_field(struct web_req *w)
{
	const char	*key;
	char		 tok[TOKEN_LEN + 1];

	if ((key = csrf_key(w, 1)) == NULL)
		fatal("csrf_field: no randomness");
	csrf_compute(key, tok);
	html_raw(H, "<input type=\"hidden\" name=\"csrf\" value=\"");
	html_text(H, tok);
	html_raw(H, "\">");
	/* Every form that changes anything: its idempotency key too. */
	idem_field(w);
}

int
csrf_valid(struct web_req *w)
{
	const char	*key, *sent;
	char		 tok[TOKEN_LEN + 1];

	if ((key = csrf_key(w, 0)) == NULL)
		return (0);
	if ((sent = web_arg(w, "csrf")) == NULL)
		return (0);
	csrf_compute(key, tok);
	return (token_equal(tok, sent));
}
