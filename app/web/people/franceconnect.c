/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Signing in with FranceConnect: GET /connexion/franceconnect starts the
 * flow (POST /compte/franceconnect, linking a signed-in account, too): a
 * fresh state, nonce and PKCE verifier kept in oidc_requests, the state
 * also in a cookie that binds it to this browser, and a redirect to the
 * provider. GET /connexion/franceconnect/retour is the callback: the
 * request taken (deleted) at once, so a state is never accepted twice;
 * the code exchanged, the ID token verified and the userinfo read in a
 * task (fc_task.c); then the linked account signed in, the signed-in
 * account linked, or the first-time form (fc_signup.c).
 */

#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "../../core/token.h"
#include "../../db/accounts.h"
#include "../../db/franceconnect.h"
#include "../kernel/session.h"
#include "fc.h"

int	fc_start(struct web_req *);
int	fc_link_start(struct web_req *);
int	fc_callback(struct web_req *);

enum {
	Q_REQUEST,		/* sql_fc_request_new, sql_fc_request_take */
	Q_FIND,			/* sql_fc_link_find */
	Q_LINK,			/* sql_fc_link */
	Q_SESSION,		/* sql_session_create, sql_fc_signup_new */
	Q__MAX
};

struct fc_flow {
	struct fc_job	*job;
	long long	 link_user;	/* linking: the account; 0: sign-in */
	int		 found;		/* the identity has an account */
	char		 token[TOKEN_LEN + 1];	/* session or sign-up */
};

/* Step 0 of a start: a new request and its authorization URL (task). */
static int
start_run(struct web_req *w, struct fc_flow *s)
{
	if (!fc_enabled())
		return (web_error(w, 404, NULL));
	if ((s->job = calloc(1, sizeof(*s->job))) == NULL)
		return (web_error(w, 500, NULL));
	s->job->kind = FC_JOB_START;
	if (oidc_request_new(&s->job->req) != OIDC_OK) {
		fc_job_free(s->job);
		s->job = NULL;
		return (web_error(w, 500, NULL));
	}
	return (fc_job_run(w, s->job));
}

static int
start_steps(struct web_req *w, struct fc_flow *s)
{
	struct fc_job	*j = s->job;
	int		 r;

	switch (w->step) {
	case 0:
		return (start_run(w, s));
	case 1:
		if (j->err != OIDC_OK) {
			r = fc_refuse(w, j->err, "start");
			fc_job_free(j);
			s->job = NULL;
			return (r);
		}
		return (web_query(w, Q_REQUEST, &sql_fc_request_new,
		    DB_TEXT(j->req.state), DB_TEXT(j->req.nonce),
		    DB_TEXT(j->req.verifier), DB_ID(s->link_user),
		    DB_INT(FC_REQUEST_MINUTES)));
	}
	fc_cookie(w, FC_STATE_COOKIE, j->req.state, "/connexion/franceconnect",
	    FC_REQUEST_MINUTES * 60);
	r = fc_redirect_out(w, j->url);
	fc_job_free(j);
	s->job = NULL;
	return (r);
}

/* GET /connexion/franceconnect: to the provider. */
int
fc_start(struct web_req *w)
{
	return (start_steps(w, web_state(w, sizeof(struct fc_flow))));
}

/* POST /compte/franceconnect: the same, to link the signed-in account. */
int
fc_link_start(struct web_req *w)
{
	struct fc_flow	*s = web_state(w, sizeof(*s));

	s->link_user = w->sess.user_id;
	return (start_steps(w, s));
}

/* Step 1 of the callback: the request taken, checked, then the task. */
static int
callback_check(struct web_req *w, struct fc_flow *s)
{
	struct oidc_request	 r;
	const char		*state = web_arg(w, "state");
	const char		*cookie = fc_cookie_get(w, FC_STATE_COOKIE);
	const char		*code = web_arg(w, "code");
	enum oidc_err		 e;

	fc_cookie(w, FC_STATE_COOKIE, "", "/connexion/franceconnect", 0);
	if (web_rows(w, Q_REQUEST) != 1 || !web_bool(w, Q_REQUEST, 0, FRQ_LIVE)
	    || cookie == NULL || !token_equal(cookie, state))
		return (fc_refuse(w, OIDC_ERR_STATE, "callback"));
	memset(&r, 0, sizeof(r));
	snprintf(r.state, sizeof(r.state), "%s", state);
	if ((e = oidc_callback_check(&r, state, web_arg(w, "error"))) !=
	    OIDC_OK)
		return (fc_refuse(w, e, "callback"));
	s->link_user = web_int(w, Q_REQUEST, 0, FRQ_LINK_USER);
	if (s->link_user != 0 && s->link_user != w->sess.user_id)
		return (fc_refuse(w, OIDC_ERR_STATE, "callback"));
	if (code == NULL || *code == '\0' || strlen(code) >= 512)
		return (fc_refuse(w, OIDC_ERR_RESPONSE, "callback"));
	if ((s->job = calloc(1, sizeof(*s->job))) == NULL)
		return (web_error(w, 500, NULL));
	s->job->kind = FC_JOB_CALLBACK;
	snprintf(s->job->code, sizeof(s->job->code), "%s", code);
	snprintf(s->job->verifier, sizeof(s->job->verifier), "%s",
	    web_text(w, Q_REQUEST, 0, FRQ_VERIFIER));
	snprintf(s->job->nonce, sizeof(s->job->nonce), "%s",
	    web_text(w, Q_REQUEST, 0, FRQ_NONCE));
	return (fc_job_run(w, s->job));
}

/* Step 2: the identity known; linked, found, or new. */
static int
callback_identity(struct web_req *w, struct fc_flow *s)
{
	struct fc_job	*j = s->job;

	if (j->err != OIDC_OK)
		return (fc_refuse(w, j->err, "callback"));
	if (s->link_user != 0)
		return (web_query(w, Q_LINK, &sql_fc_link, DB_INT(s->link_user),
		    DB_TEXT(j->issuer), DB_TEXT(j->sub), DB_TEXT(j->hash),
		    DB_TEXT(j->acr)));
	return (web_query(w, Q_FIND, &sql_fc_link_find, DB_TEXT(j->issuer),
	    DB_TEXT(j->sub)));
}

/* The French page of oidc_link()'s refusal code. */
static const char *
link_refusal(const char *code)
{
	if (strcmp(code, "taken") == 0)
		return ("Cette identité FranceConnect est déjà liée à un "
		    "autre compte : connectez-vous avec FranceConnect pour "
		    "utiliser celui-là.");
	if (strcmp(code, "bound") == 0)
		return ("Votre compte a déjà été vérifié par FranceConnect "
		    "pour une autre personne, dont il porte les votes : il ne "
		    "peut pas être lié à une autre identité. Rien n'a été "
		    "changé.");
	return ("Votre compte est déjà lié à une autre identité "
	    "FranceConnect.");
}

/* Step 3: the account linked; or a session, or the first-time sign-up. */
static int
callback_account(struct web_req *w, struct fc_flow *s)
{
	struct fc_job	*j = s->job;
	const char	*code;
	char		 th[TOKEN_HEX_LEN + 1], old[TOKEN_HEX_LEN + 1];

	if (s->link_user != 0) {
		code = web_rows(w, Q_LINK) == 1 ?
		    web_text(w, Q_LINK, 0, FCO_CODE) : "";
		if (strcmp(code, "ok") != 0)
			return (web_error(w, 409, link_refusal(code)));
		web_flash(w, "fc_linked");
		return (web_redirect(w, "/compte/"));
	}
	if (token_random(s->token) == -1)
		return (web_error(w, 500, NULL));
	token_hash_hex(s->token, th);
	/* A session already open in this browser ends (as at sign-in). */
	if (w->sess.user_id != 0)
		token_hash_hex(w->sess.token, old);
	if ((s->found = web_rows(w, Q_FIND) == 1))
		return (web_query(w, Q_SESSION, &sql_session_create,
		    DB_INT(web_int(w, Q_FIND, 0, FAC_ID)), DB_TEXT(th),
		    DB_TEXT(w->sess.user_id != 0 ? old : NULL)));
	return (web_query(w, Q_SESSION, &sql_fc_signup_new, DB_TEXT(th),
	    DB_TEXT(j->issuer), DB_TEXT(j->sub), DB_TEXT(j->hash),
	    DB_TEXT(j->acr), DB_INT(FC_SIGNUP_MINUTES)));
}

/* Step 4: the cookies. The ID token waits for the sign-out. */
static int
callback_done(struct web_req *w, struct fc_flow *s)
{
	fc_cookie(w, FC_IDT_COOKIE, s->job->id_token, "/deconnexion",
	    24 * 3600);
	if (s->found) {
		session_cookie_set(w, s->token);
		OPENSSL_cleanse(s->token, sizeof(s->token));
		web_flash(w, "fc_signed_in");
		return (web_redirect(w, "/"));
	}
	fc_cookie(w, FC_SIGNUP_COOKIE, s->token, "/connexion/franceconnect",
	    FC_SIGNUP_MINUTES * 60);
	OPENSSL_cleanse(s->token, sizeof(s->token));
	return (web_redirect(w, "/connexion/franceconnect/inscription"));
}

/* GET /connexion/franceconnect/retour?code&state (or error). */
int
fc_callback(struct web_req *w)
{
	struct fc_flow	*s = web_state(w, sizeof(*s));
	const char	*state = web_arg(w, "state");
	int		 r;

	switch (w->step) {
	case 0:
		if (!fc_enabled())
			return (web_error(w, 404, NULL));
		if (state == NULL || !token_well_formed(state))
			return (fc_refuse(w, OIDC_ERR_STATE, "callback"));
		return (web_query(w, Q_REQUEST, &sql_fc_request_take,
		    DB_TEXT(state)));
	case 1:
		return (callback_check(w, s));
	case 2:
		r = callback_identity(w, s);
		break;
	case 3:
		r = callback_account(w, s);
		break;
	default:
		r = callback_done(w, s);
		break;
	}
	if (r == WEB_DONE) {
		fc_job_free(s->job);
		s->job = NULL;
	}
	return (r);
}
