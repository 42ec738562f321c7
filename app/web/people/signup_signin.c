/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Creating an account (/inscription), confirming the address
 * (/verification), signing in (/connexion) and out (/deconnexion).
 */

#include <string.h>

#include <openssl/crypto.h>

#include "../../core/mail_texts.h"
#include "../../core/password.h"
#include "../../core/settings.h"
#include "../../core/text.h"
#include "../../core/token.h"
#include "../../core/vocab.h"
#include "../../db/accounts.h"
#include "../kernel/session.h"
#include "../shared/ui.h"
#include "account.h"
#include "fc.h"

int	signup_form(struct web_req *);
int	signup_submit(struct web_req *);
int	verify_show(struct web_req *);
int	verify_resend(struct web_req *);
int	signin_form(struct web_req *);
int	signin_submit(struct web_req *);
int	signout_submit(struct web_req *);

#define MAX_TERRITORIES	16
#define DUPLICATE_MSG	"Un compte existe déjà avec cette adresse. " \
			"Connectez-vous, ou utilisez « Mot de passe oublié »."

/* The queries of this file's handlers, by name. */
enum {
	Q_RATE,			/* sql_rate_wait, sql_rate_take */
	Q_TERRITORIES,		/* the sign-up form's choices */
	Q_TAKEN,		/* sql_email_taken */
	Q_SIGNUP,
	Q_LINK,			/* sql_link_use */
	Q_CRED,			/* sql_user_credentials */
	Q_RESEND,		/* sql_verify_resend */
	Q_LOOKUP,		/* sql_signin_lookup */
	Q_SESSION,		/* sql_session_create */
	Q_HIT,			/* sql_rate_hit, sql_rate_give */
	Q_REHASH,		/* sql_password_rehash */
	Q_END,			/* sql_session_end(_all) */
	Q__MAX
};

/* What a sign-up keeps between its steps. */
struct signup {
	struct form	 f;
	const char	*name;		/* trimmed, as typed */
	const char	*email;
	const char	*territory;
	int		 consent;
	const char	*retour;	/* where to go back, validated */
	char		 addr[ADDR_LEN];
	long long	 hours;		/* validity of the link */
	int		 taken;		/* the address has an account */
	char		 token[TOKEN_LEN + 1];	/* the new session's */
};

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

static void
hidden(struct web_req *w, const char *name, const char *value)
{
	html_raw(H, "<input type=\"hidden\" name=\"");
	html_text(H, name);
	html_raw(H, "\" value=\"");
	html_text(H, value);
	html_raw(H, "\">\n");
}

/* The territories of Q_TERRITORIES as options, max at most; how many. */
static size_t
territory_options(struct web_req *w, struct form_option *opts, size_t max)
{
	size_t	n = 0;
	int	i;

	for (i = 0; i < web_rows(w, Q_TERRITORIES) && n < max; i++) {
		opts[n].value = web_text(w, Q_TERRITORIES, i, ATE_CODE);
		opts[n++].label = web_text(w, Q_TERRITORIES, i, ATE_NAME);
	}
	return (n);
}

/* Writes the sign-up form (s NULL: empty). */
static int
signup_page(struct web_req *w, struct signup *s, int status)
{
	struct form		 empty, *f = s ? &s->f : &empty;
	struct form_option	 opts[MAX_TERRITORIES + 1];
	const char		*retour;
	size_t			 n;

	if (s == NULL) {
		form_init(&empty, w);
		retour = account_local_path(web_arg(w, "retour"));
	} else
		retour = s->retour;
	opts[0].value = "";
	opts[0].label = "Choisissez…";
	n = 1 + territory_options(w, opts + 1, MAX_TERRITORIES);
	f->mark_required = 1;
	page_begin(w, "Créer un compte");
	html_raw(H, "<h1>Créer un compte</h1>\n"
	    "<p>Un compte vous permet de déposer des propositions, "
	    "d'argumenter, de commenter et de voter. Votre nom d'affichage "
	    "est public ; votre adresse électronique ne l'est jamais.</p>\n"
	    "<p>Tous les champs sont obligatoires.</p>\n");
	fc_button(w, UI_FC_START, 0);
	form_summary(f);
	form_begin(w, UI_SIGNUP, "Créer un compte");
	if (retour != NULL)
		hidden(w, "retour", retour);
	form_input(f, "nom", "Nom d'affichage", "text", s ? s->name : NULL,
	    "Entre 2 et 60 caractères. Il apparaîtra à côté de vos "
	    "contributions.", "nickname", 1);
	form_input(f, "courriel", "Adresse électronique", "email",
	    s ? s->email : NULL, "Un lien de confirmation y sera envoyé.",
	    "email", 1);
	form_input(f, "mot_de_passe", "Mot de passe", "password", NULL,
	    "Au moins 12 caractères, sans votre nom ni votre adresse. Une "
	    "phrase de plusieurs mots est un bon choix.", "new-password", 1);
	form_select(f, "departement", "Département", opts, n,
	    s ? s->territory : NULL, "Celui où vous habitez, ou « Hors "
	    "région ».", 1);
	html_raw(H, "<p><a href=\"" UI_PRIVACY "\">Lire la notice « Données "
	    "personnelles »</a> (ce que nous gardons, pourquoi, combien de "
	    "temps, et vos droits).</p>\n");
	form_checkbox_required(f, "consentement", "J'ai lu la notice « Données "
	    "personnelles » et j'accepte que mes données soient traitées "
	    "pour participer à la consultation.", s ? s->consent : 0, NULL);
	form_end(w, "Créer mon compte");
	html_raw(H, "<p>Vous avez déjà un compte ? <a href=\"");
	html_text(H, ui_signin(w, retour));
	html_raw(H, "\">Se connecter</a></p>\n");
	page_end(w);
	return (web_send(w, status));
}

/* GET /inscription[?retour=/chemin]. */
int
signup_form(struct web_req *w)
{
	if (w->sess.user_id != 0)
		return (web_redirect(w, ui_signin(w, web_arg(w, "retour"))));
	if (w->step == 0)
		return (web_query(w, Q_TERRITORIES, &sql_territories));
	return (signup_page(w, NULL, 200));
}

/* Reads and checks the sign-up form; territories are in Q_TERRITORIES. */
static void
signup_read(struct web_req *w, struct signup *s)
{
	struct form		*f = &s->f;
	struct form_option	 opts[MAX_TERRITORIES];
	const char		*pw, *c, *msg;
	size_t			 n;

	n = territory_options(w, opts, MAX_TERRITORIES);
	/* Past form_text, only the pseudonym of deleted accounts is left. */
	if (form_text(f, "nom", "Nom d'affichage", ACCOUNT_NAME_MIN,
	    ACCOUNT_NAME_MAX, 0, &s->name) &&
	    (msg = account_name_check(s->name)) != NULL)
		form_error(f, "nom", "%s", msg);
	if (form_text(f, "courriel", "Adresse électronique", 1,
	    ACCOUNT_EMAIL_MAX, 0, &s->email) && !account_email_valid(s->email))
		form_error(f, "courriel", ACCOUNT_EMAIL_MSG);
	/* In the form's order, so that the summary lists them so. */
	pw = web_arg(w, "mot_de_passe");
	account_password_field(f, "mot_de_passe", pw,
	    form_error_for(f, "nom") ? NULL : s->name,
	    form_error_for(f, "courriel") ? NULL : s->email);
	form_choice(f, "departement", "Département", opts, n, 1,
	    &s->territory);
	c = web_arg(w, "consentement");
	s->consent = c != NULL && strcmp(c, "1") == 0;
	if (!s->consent)
		form_error(f, "consentement", "Pour créer un compte, acceptez "
		    "le traitement de vos données décrit dans la notice.");
}

/* The verification mail (sign-up and new link), in the arena. */
static char *
verify_mail(struct web_req *w, const char *name, const char *url,
    long long hours)
{
	struct mail_var	 v[] = {
		{ "name", name },
		{ "hours", web_printf(w, "%lld", hours) },
		{ "link", url },
	};

	return (web_mail_fill(w, mail_text_body(MT_VERIFY), v, 3));
}

/*
 * Step 0 of a sign-up: the limit, the territories and, for an address of
 * the right shape, whether it is taken, in one round trip. The form itself
 * is checked once the territories are in.
 */
static int
signup_ask(struct web_req *w, struct signup *s)
{
	char	*email;

	form_init(&s->f, w);
	s->retour = account_local_path(web_arg(w, "retour"));
	account_client_addr(w, s->addr);
	s->hours = settings_int(SET_VERIFY_HOURS);
	if (http_argument_get_string(w->req, "courriel", &email) &&
	    account_email_valid(email = text_trim(email)))
		web_query(w, Q_TAKEN, &sql_email_taken, DB_TEXT(email));
	web_query(w, Q_TERRITORIES, &sql_territories);
	return (account_rate_query(w, Q_RATE, RATE_SIGNUP_IP, s->addr,
	    RATE_SIGNUP_IP, s->addr));
}

/* Once the password is hashed: creates the account, its link, its mail. */
static int
signup_create(struct web_req *w, struct signup *s)
{
	char	 th[TOKEN_HEX_LEN + 1], rk[TOKEN_LEN + 1], ek[TOKEN_LEN + 1];
	char	*url, *body;

	if (w->task_out[0] == '\0')
		return (web_error(w, 500, NULL));
	url = account_link(w, UI_VERIFY, th);
	if (s->retour != NULL)		/* the link brings back there too */
		url = web_printf(w, "%s&retour=%s", url,
		    ui_url_part(w, s->retour));
	body = verify_mail(w, s->name, url, s->hours);
	account_rate_key(RATE_SIGNUP_IP, s->addr, rk);
	web_query(w, Q_SIGNUP, &sql_signup, DB_TEXT(s->email),
	    DB_TEXT(s->name), DB_TEXT(w->task_out), DB_TEXT(s->territory),
	    DB_TEXT(th), DB_INT(s->hours), DB_TEXT(mail_text_subject(MT_VERIFY)),
	    DB_TEXT(body), DB_TEXT(rk),
	    DB_TEXT(account_email_key(s->email, ek)));
	account_forget(url);
	account_forget(body);
	return (WEB_QUERY);
}

/*
 * The account exists: the person is signed in at once, with an unconfirmed
 * address (the allow mask still asks for the confirmation before any
 * contribution), in the sign-up's transaction.
 */
static int
signup_session(struct web_req *w, struct signup *s)
{
	char	th[TOKEN_HEX_LEN + 1];

	if (token_random(s->token) == -1)
		return (web_error(w, 500, NULL));
	token_hash_hex(s->token, th);
	return (web_query(w, Q_SESSION, &sql_session_create,
	    DB_INT(web_int(w, Q_SIGNUP, 0, ASU_ID)), DB_TEXT(th),
	    DB_NULL));
}

/*
 * POST /inscription. Raises 429 when the address created too many
 * accounts, 422 on an invalid form or an address already taken.
 */
int
signup_submit(struct web_req *w)
{
	struct signup	*s = web_state(w, sizeof(*s));
	long long	 wait;

	switch (w->step) {
	case 0:
		return (signup_ask(w, s));
	case 1:
		if ((wait = account_rate_wait(w, Q_RATE)) > 0)
			return (account_rate_refuse(w, wait));
		signup_read(w, s);
		if (s->f.nerrors > 0)
			return (signup_page(w, s, 422));
		/*
		 * An address that has an account is said so (the person
		 * must sign in instead), and the attempt counts in the
		 * sign-up limit, so the form is no free directory of
		 * addresses (issue 14, item 7).
		 */
		if (web_rows(w, Q_TAKEN) > 0) {
			s->taken = 1;
			return (account_rate_hit_one(w, Q_RATE,
			    RATE_SIGNUP_IP, s->addr));
		}
		return (web_password_hash(w, web_arg(w, "mot_de_passe")));
	case 2:
		if (s->taken) {
			form_error(&s->f, "courriel", DUPLICATE_MSG);
			return (signup_page(w, s, 422));
		}
		return (signup_create(w, s));
	case 3:
		if (web_rows(w, Q_SIGNUP) != 1) {
			form_error(&s->f, "courriel", DUPLICATE_MSG);
			return (signup_page(w, s, 422));
		}
		return (signup_session(w, s));
	}
	session_cookie_set(w, s->token);
	OPENSSL_cleanse(s->token, sizeof(s->token));
	web_flash(w, "signup_signed_in");
	return (web_redirect(w, s->retour ? s->retour : "/"));
}

/* The refusal for a link that cannot be used, or 0 when it was used now. */
static int
verify_refuse(struct web_req *w)
{
	int	st = -1;

	if (web_rows(w, Q_LINK) == 1)
		st = vocab_find(vocab_link, LINK__MAX,
		    web_text(w, Q_LINK, 0, ALU_STATUS));
	switch (st) {
	case LINK_OK:
		return (0);
	case LINK_USED:
		return (web_error(w, 410, "Ce lien a déjà été utilisé : il ne "
		    "fonctionne qu'une seule fois. Si votre adresse est "
		    "confirmée, connectez-vous simplement."));
	case LINK_EXPIRED:
		return (web_error(w, 410, "Ce lien a expiré. Connectez-vous : "
		    "vous pourrez demander un nouveau lien de confirmation."));
	case LINK_TAKEN:
		return (web_error(w, 409, "Cette adresse électronique est "
		    "désormais utilisée par un autre compte : votre adresse "
		    "n'a pas été modifiée."));
	}
	return (web_error(w, 400, LINK_BAD_MSG));
}

/*
 * GET /verification?jeton=... Uses a verification or change-of-address
 * link once. Raises 400 for a malformed or unknown link, 410 for a used or
 * expired one, 409 when the new address was taken meanwhile.
 */
int
verify_show(struct web_req *w)
{
	const char	*jeton = web_arg(w, "jeton");
	const char	*retour = account_local_path(web_arg(w, "retour"));
	char		 th[TOKEN_HEX_LEN + 1];
	int		 r;

	if (w->step == 0) {
		/*
		 * A HEAD (link preview, scanner) must not use up the link; kore
		 * keeps no query argument for HEAD anyway.
		 */
		if (w->req->method == HTTP_METHOD_HEAD)
			return (web_send(w, 200));
		if (!token_well_formed(jeton))
			return (web_error(w, 400, LINK_BAD_MSG));
		token_hash_hex(jeton, th);
		return (web_query(w, Q_LINK, &sql_link_use, DB_TEXT(th)));
	}
	if ((r = verify_refuse(w)) != 0)
		return (r);
	/*
	 * The session was read before the link was used: it is verified now,
	 * and the layout must not draw the "not confirmed" banner under it.
	 */
	if (w->sess.user_id != 0 &&
	    w->sess.user_id == web_int(w, Q_LINK, 0, ALU_USER))
		w->sess.verified = 1;
	page_begin(w, "Adresse confirmée");
	html_raw(H, "<h1>Adresse confirmée</h1>\n<p>L'adresse ");
	html_text(H, web_text(w, Q_LINK, 0, ALU_EMAIL));
	html_raw(H, " est confirmée.</p>\n");
	if (w->sess.user_id != 0 &&
	    w->sess.user_id == web_int(w, Q_LINK, 0, ALU_USER)) {
		html_raw(H, "<p>Votre session est ouverte : vous pouvez maintenant "
		    "contribuer. <a href=\"");
		/* Back to the page the sign-up started from (item 2). */
		html_text(H, retour ? retour : "/");
		html_raw(H, retour ? "\">Revenir à la page où vous étiez</a>"
		    "</p>\n" : "\">Aller à la consultation</a></p>\n");
	} else {
		html_raw(H, "<p>Aucune session n'est ouverte sur cet appareil : "
		    "<a href=\"");
		html_text(H, ui_signin(w, retour));
		html_raw(H, "\">connectez-vous</a> pour contribuer.</p>\n");
	}
	page_end(w);
	return (web_send(w, 200));
}

/* Queues the new link and its mail, to the address of Q_CRED. */
static int
verify_resend_queue(struct web_req *w)
{
	char		 th[TOKEN_HEX_LEN + 1], rk[TOKEN_LEN + 1];
	char		 ek[TOKEN_LEN + 1], uid[24], *url, *body;
	long long	 hours = settings_int(SET_VERIFY_HOURS);

	snprintf(uid, sizeof(uid), "%lld", w->sess.user_id);
	url = account_link(w, UI_VERIFY, th);
	body = verify_mail(w, w->sess.name, url, hours);
	account_rate_key(RATE_VERIFY_RESEND, uid, rk);
	web_query(w, Q_RESEND, &sql_verify_resend, DB_ID(w->sess.user_id),
	    DB_TEXT(th), DB_INT(hours), DB_TEXT(mail_text_subject(MT_VERIFY)), DB_TEXT(body),
	    DB_TEXT(account_email_key(web_text(w, Q_CRED, 0, CRED_EMAIL),
	    ek)), DB_TEXT(rk));
	account_forget(url);
	account_forget(body);
	return (WEB_QUERY);
}

/*
 * POST /verification/renvoi: a new verification link for the signed-in,
 * not yet verified account. Raises 429 after too many.
 */
int
verify_resend(struct web_req *w)
{
	char		 uid[24];
	long long	 wait;

	switch (w->step) {
	case 0:
		/* The limit is per account: its id, as text, is the key. */
		snprintf(uid, sizeof(uid), "%lld", w->sess.user_id);
		account_rate_query(w, Q_RATE, RATE_VERIFY_RESEND, uid,
		    RATE_VERIFY_RESEND, uid);
		/* The address, for the link's e-mail key. */
		return (web_query(w, Q_CRED, &sql_user_credentials,
		    DB_ID(w->sess.user_id)));
	case 1:
		if ((wait = account_rate_wait(w, Q_RATE)) > 0)
			return (account_rate_refuse(w, wait));
		if (web_rows(w, Q_CRED) != 1)
			return (web_error(w, 403, NULL));
		return (verify_resend_queue(w));
	}
	web_flash(w, web_rows(w, Q_RESEND) == 1 ? "verify_resent" :
	    "verified");
	return (web_redirect(w, "/"));
}

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
		hidden(w, "retour", retour);
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
	hidden(w, "partout", "1");
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
