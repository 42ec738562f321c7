/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Signing in (/connexion) and out (/deconnexion), here or on every
 * device.
 */

#include "../../core/password.h"
#include "../../core/settings.h"
#include "../../db/accounts.h"
#include "../kernel/session.h"
#include "../shared/ui.h"
#include "account.h"
#include "fc.h"

int	signin_form(struct web_req *);
int	signin_submit(struct web_req *);
int	signout_submit(struct web_req *);

/* What a sign-in keeps between its steps. */
struct signin {
	struct form	 f;
	const char	*email;
	const char	*retour;
	char		 addr[ADDR_LEN];
	const char	*akey;		/* the account from this network */
	const char	*taken;		/* when the attempt was counted */
	char		 token[TOKEN_LEN + 1];	/* the new session's */
};

/* The queries of this file's handlers, by name. */
enum {
	Q_RATE,			/* sql_rate_wait, sql_rate_take */
	Q_LOOKUP,		/* sql_signin_lookup */
	Q_SESSION,		/* sql_session_create */
	Q_HIT,			/* sql_rate_hit, sql_rate_give */
	Q_REHASH,		/* sql_password_rehash */
	Q_END,			/* sql_session_end(_all) */
	Q__MAX
};

static int
signin_page(struct web_req *w, struct signin *s, int status)
{
	struct form	 empty, *f = s ? &s->f : &empty;
	const char	*retour;

	if (s == NULL) {
		form_init(&empty, w);
		retour = account_local_path(web_arg(w, "retour"));
	} else
		retour = s->retour;
	page_begin(w, "Se connecter");
	html_raw(H, "<h1>Se connecter</h1>\n");
	fc_button(w, UI_FC_START, 0);
	form_summary(f);
	form_begin(w, UI_SIGNIN, "Se connecter");
	if (retour != NULL)
		form_hidden(w, "retour", retour);
	form_input(f, "courriel", "Adresse électronique", "email",
	    s ? s->email : NULL, NULL, "username", 1);
	form_input(f, "mot_de_passe", "Mot de passe", "password", NULL, NULL,
	    "current-password", 1);
	form_end(w, "Se connecter");
	html_raw(H, "<p><a href=\"" UI_FORGOT "\">Mot de passe "
	    "oublié ?</a></p>\n<p>Pas encore de compte ? <a href=\"");
	html_text(H, ui_signup(w, retour));
	html_raw(H, "\">Créer un compte</a></p>\n");
	page_end(w);
	return (web_send(w, status));
}

/* GET /connexion[?retour=/chemin]. */
int
signin_form(struct web_req *w)
{
	if (w->sess.user_id == 0)
		return (signin_page(w, NULL, 200));
	page_begin(w, "Se connecter");
	html_raw(H, "<h1>Session ouverte</h1>\n<p>Votre session est ouverte "
	    "au nom de ");
	html_text(H, w->sess.name);
	html_raw(H, ".</p>\n");
	form_begin(w, UI_SIGNOUT, "Se déconnecter partout");
	form_hidden(w, "partout", "1");
	form_end(w, "Se déconnecter de tous les appareils");
	page_end(w);
	return (web_send(w, 200));
}

/*
 * Step 0 of a sign-in: the form, then the limits and the account. The
 * attempt is counted before the password is checked, atomically, in the
 * account's limit from this network and in the network's (sql_rate_take),
 * and given back if the password is right: concurrent guesses can never
 * all be checked against the limit (issue 14, items 4 and 5). Outside the
 * keyed POST's transaction, which would hold the count's lock through the
 * password check: a sign-in sent twice opens two sessions at worst.
 */
static int
signin_ask(struct web_req *w, struct signin *s)
{
	const char	*pw = web_arg(w, "mot_de_passe");

	w->tx = 0;
	form_init(&s->f, w);
	s->retour = account_local_path(web_arg(w, "retour"));
	account_client_addr(w, s->addr);
	form_text(&s->f, "courriel", "Adresse électronique", 1,
	    ACCOUNT_EMAIL_MAX, 0, &s->email);
	if (pw == NULL || *pw == '\0')
		form_error(&s->f, "mot_de_passe", "Saisissez votre mot de "
		    "passe.");
	if (s->f.nerrors > 0)
		return (signin_page(w, s, 422));
	s->akey = account_net_key(w, s->email, s->addr);
	account_rate_take(w, Q_RATE, RATE_SIGNIN_ACCOUNT, s->akey,
	    RATE_SIGNIN_IP, s->addr);
	return (web_query(w, Q_LOOKUP, &sql_signin_lookup,
	    DB_TEXT(s->email)));
}

static int	signin_done(struct web_req *, struct signin *);

/*
 * Once the password is checked: a new session and the attempt given back,
 * or the failure answered (it was counted before the check).
 */
static int
signin_open(struct web_req *w, struct signin *s)
{
	char	th[TOKEN_HEX_LEN + 1], old[TOKEN_HEX_LEN + 1];

	if (strcmp(w->task_out, "1") != 0 || web_rows(w, Q_LOOKUP) != 1)
		return (signin_done(w, s));
	if (token_random(s->token) == -1)
		return (web_error(w, 500, NULL));
	token_hash_hex(s->token, th);
	if (w->sess.user_id != 0)
		token_hash_hex(w->sess.token, old);
	account_rate_give(w, Q_HIT, RATE_SIGNIN_ACCOUNT, s->akey,
	    RATE_SIGNIN_IP, s->addr, s->taken);
	return (web_query(w, Q_SESSION, &sql_session_create,
	    DB_INT(web_int(w, Q_LOOKUP, 0, ASI_ID)), DB_TEXT(th),
	    DB_TEXT(w->sess.user_id != 0 ? old : NULL)));
}

/* The answer: the page again with the failure, or the session's cookie. */
static int
signin_done(struct web_req *w, struct signin *s)
{
	int	verified;

	if (s->token[0] == '\0') {
		form_error(&s->f, "", "Adresse électronique ou mot de passe "
		    "incorrect.");
		return (signin_page(w, s, 422));
	}
	verified = web_bool(w, Q_LOOKUP, 0, ASI_VERIFIED);
	session_cookie_set(w, s->token);
	OPENSSL_cleanse(s->token, sizeof(s->token));
	web_flash(w, verified ? "signed_in" : "signed_in_unverified");
	return (web_redirect(w, s->retour ? s->retour : "/"));
}

/*
 * POST /connexion. Raises 429 after too many failures for this address or
 * this account, 422 when it fails. A hash made with an older cost is
 * replaced once the password is known to be right.
 */
int
signin_submit(struct web_req *w)
{
	struct signin	*s = web_state(w, sizeof(*s));
	const char	*pw = web_arg(w, "mot_de_passe"), *stored;
	long long	 wait;
	int		 cost;

	switch (w->step) {
	case 0:
		return (signin_ask(w, s));
	case 1:
		if ((wait = web_int(w, Q_RATE, 0, ART_SECONDS)) > 0)
			return (account_rate_refuse(w, wait));
		s->taken = web_strdup(w, web_text(w, Q_RATE, 0, ART_AT));
		stored = web_rows(w, Q_LOOKUP) == 1 ?
		    web_text(w, Q_LOOKUP, 0, ASI_HASH) : "";
		if (strlen(pw) > 4 * ACCOUNT_PASSWORD_MAX)
			return (web_password_verify(w, "", ""));
		return (web_password_verify(w, pw, stored));
	case 2:
		return (signin_open(w, s));
	case 3:
		cost = (int)settings_int(SET_PASSWORD_SCRYPT_LN);
		if (s->token[0] != '\0' && password_needs_rehash(
		    web_text(w, Q_LOOKUP, 0, ASI_HASH), cost))
			return (web_password_hash(w, pw));
		break;
	case 4:
		if (w->task_out[0] != '\0')
			return (web_query(w, Q_REHASH, &sql_password_rehash,
			    DB_INT(web_int(w, Q_LOOKUP, 0, ASI_ID)),
			    DB_TEXT(w->task_out),
			    DB_TEXT(web_text(w, Q_LOOKUP, 0, ASI_HASH))));
		break;
	}
	return (signin_done(w, s));
}

/* POST /deconnexion (partout=1: every session of the account). */
int
signout_submit(struct web_req *w)
{
	const char	*all = web_arg(w, "partout");
	char		 th[TOKEN_HEX_LEN + 1];

	if (w->step == 0) {
		if (all != NULL && strcmp(all, "1") == 0)
			return (web_query(w, Q_END, &sql_session_end_all,
			    DB_ID(w->sess.user_id)));
		token_hash_hex(w->sess.token, th);
		return (web_query(w, Q_END, &sql_session_end, DB_TEXT(th)));
	}
	/* Signed in through FranceConnect: out of the provider too. */
	if (w->step == 1 && fc_signout_start(w))
		return (WEB_TASK);
	session_cookie_clear(w);
	web_flash(w, "signed_out");
	return (fc_signout_redirect(w));
}
