/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Creating an account (/inscription) and confirming its address
 * (/verification, a new link on request).
 */

#include "../../core/mail_texts.h"
#include "../../core/settings.h"
#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/accounts.h"
#include "../kernel/session.h"
#include "../shared/ui.h"
#include "account.h"
#include "fc.h"
#include "profile.h"

int	signup_form(struct web_req *);
int	signup_submit(struct web_req *);
int	verify_show(struct web_req *);
int	verify_resend(struct web_req *);

#define DUPLICATE_MSG	"Un compte existe déjà avec cette adresse. " \
			"Connectez-vous, ou utilisez « Mot de passe oublié »."

/* What a sign-up keeps between its steps. */
struct signup {
	struct form	 f;
	struct profile	 p;		/* name, département, consent */
	const char	*email;
	const char	*retour;	/* where to go back, validated */
	char		 addr[ADDR_LEN];
	long long	 hours;		/* validity of the link */
	int		 taken;		/* the address has an account */
	char		 token[TOKEN_LEN + 1];	/* the new session's */
};

/* The queries of this file's handlers, by name. */
enum {
	Q_RATE,			/* sql_rate_wait, sql_rate_take */
	Q_TERRITORIES,		/* the sign-up form's choices */
	Q_TAKEN,		/* sql_email_taken */
	Q_SIGNUP,
	Q_LINK,			/* sql_link_use */
	Q_CRED,			/* sql_user_credentials */
	Q_RESEND,		/* sql_verify_resend */
	Q_SESSION,		/* sql_session_create */
	Q__MAX
};

/* Writes the sign-up form (s NULL: empty). */
static int
signup_page(struct web_req *w, struct signup *s, int status)
{
	struct form		 empty, *f = s ? &s->f : &empty;
	const char		*retour;

	if (s == NULL) {
		form_init(&empty, w);
		retour = account_local_path(web_arg(w, "retour"));
	} else
		retour = s->retour;
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
		form_hidden(w, "retour", retour);
	profile_name_write(f, s ? s->p.name : NULL, NULL);
	form_input(f, "courriel", "Adresse électronique", "email",
	    s ? s->email : NULL, "Un lien de confirmation y sera envoyé.",
	    "email", 1);
	form_input(f, "mot_de_passe", "Mot de passe", "password", NULL,
	    "Au moins 12 caractères, sans votre nom ni votre adresse. Une "
	    "phrase de plusieurs mots est un bon choix.", "new-password", 1);
	profile_territory_write(w, f, Q_TERRITORIES, s ? s->p.territory : NULL);
	profile_consent_write(f, s ? s->p.consent : 0);
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
	const char		*pw;

	profile_name_read(f, &s->p);
	if (form_text(f, "courriel", "Adresse électronique", 1,
	    ACCOUNT_EMAIL_MAX, 0, &s->email) && !account_email_valid(s->email))
		form_error(f, "courriel", ACCOUNT_EMAIL_MSG);
	/* In the form's order, so that the summary lists them so. */
	pw = web_arg(w, "mot_de_passe");
	account_password_field(f, "mot_de_passe", pw,
	    form_error_for(f, "nom") ? NULL : s->p.name,
	    form_error_for(f, "courriel") ? NULL : s->email);
	profile_territory_read(w, f, Q_TERRITORIES, &s->p);
	profile_consent_read(w, f, &s->p);
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
	body = verify_mail(w, s->p.name, url, s->hours);
	account_rate_key(RATE_SIGNUP_IP, s->addr, rk);
	web_query(w, Q_SIGNUP, &sql_signup, DB_TEXT(s->email),
	    DB_TEXT(s->p.name), DB_TEXT(w->task_out), DB_TEXT(s->p.territory),
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
