/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Passwords and addresses: forgotten password (/mot-de-passe-oublie, then
 * the link /reinitialisation), change of password (/compte/mot-de-passe)
 * and change of address confirmed from the new one (/compte/adresse).
 */

#include <string.h>
#include <strings.h>

#include "../../core/mail_texts.h"
#include "../../core/settings.h"
#include "../../core/token.h"
#include "../../core/vocab.h"
#include "../../db/accounts.h"
#include "../kernel/app.h"
#include "../kernel/session.h"
#include "../shared/ui.h"
#include "account.h"

int	forgot_form(struct web_req *);
int	forgot_submit(struct web_req *);
int	reset_form(struct web_req *);
int	reset_submit(struct web_req *);
int	password_form(struct web_req *);
int	password_submit(struct web_req *);
int	email_form(struct web_req *);
int	email_submit(struct web_req *);

#define NEW_PW_HINT	"Au moins 12 caractères, sans votre nom ni votre " \
			"adresse."

/* The queries of this file's handlers, by name. */
enum {
	Q_RATE,			/* sql_rate_wait */
	Q_REQUEST,		/* sql_reset_request */
	Q_LOOKUP,		/* sql_reset_lookup */
	Q_APPLY,		/* sql_reset_apply */
	Q_CRED,			/* sql_user_credentials */
	Q_TAKEN,		/* sql_email_taken_other */
	Q_HIT,			/* sql_rate_hit */
	Q_CHANGE,		/* sql_password_change, sql_email_change */
	Q__MAX
};

/* What a form keeps between its steps. */
struct recovery {
	struct form	 f;
	const char	*email;		/* as typed, trimmed */
	int		 email_ok;	/* of the right shape */
	char		 addr[ADDR_LEN];
	int		 failed;	/* wrong current password */
};

/* ---------------------------------------------------------------- forgot */

static int
forgot_page(struct web_req *w, struct recovery *s, int status)
{
	struct form	 empty, *f = s ? &s->f : &empty;

	if (s == NULL)
		form_init(&empty, w);
	page_begin(w, "Mot de passe oublié");
	html_raw(H, "<h1>Mot de passe oublié</h1>\n<p>Indiquez l'adresse "
	    "électronique de votre compte : nous y enverrons un lien pour "
	    "choisir un nouveau mot de passe.</p>\n");
	form_summary(f);
	form_begin(w, UI_FORGOT, "Mot de passe oublié");
	form_input(f, "courriel", "Adresse électronique", "email",
	    s ? s->email : NULL, NULL, "email", 1);
	form_end(w, "Recevoir un lien");
	page_end(w);
	return (web_send(w, status));
}

/* GET /mot-de-passe-oublie. */
int
forgot_form(struct web_req *w)
{
	return (forgot_page(w, NULL, 200));
}

/* Queues the reset link and its mail (sent only if the account exists). */
static int
forgot_queue(struct web_req *w, struct recovery *s)
{
	char		 th[TOKEN_HEX_LEN + 1], *url, *body;
	char		 ik[TOKEN_LEN + 1], mk[TOKEN_LEN + 1], ek[TOKEN_LEN + 1];
	long long	 minutes;
	struct mail_var	 v[] = { { "minutes", NULL }, { "link", NULL } };

	minutes = settings_int(SET_RESET_MINUTES);
	url = account_link(w, UI_RESET, th);
	v[0].value = web_printf(w, "%lld", minutes);
	v[1].value = url;
	body = web_mail_fill(w, mail_text_body(MT_RESET), v, 2);
	account_rate_key(RATE_RESET_IP, s->addr, ik);
	account_rate_key(RATE_RESET_EMAIL, account_net_key(w, s->email,
	    s->addr), mk);
	web_query(w, Q_REQUEST, &sql_reset_request, DB_TEXT(s->email),
	    DB_TEXT(th), DB_INT(minutes),
	    DB_TEXT(mail_text_subject(MT_RESET)), DB_TEXT(body),
	    DB_TEXT(ik), DB_TEXT(mk), DB_TEXT(account_email_key(s->email, ek)));
	account_forget(url);
	account_forget(body);
	return (WEB_QUERY);
}

/*
 * POST /mot-de-passe-oublie. The same answer whether or not an account
 * has the address. Raises 429 after too many requests, 422 for an address
 * of the wrong shape.
 */
int
forgot_submit(struct web_req *w)
{
	struct recovery	*s = web_state(w, sizeof(*s));
	long long	 wait;

	switch (w->step) {
	case 0:
		form_init(&s->f, w);
		account_client_addr(w, s->addr);
		if (form_text(&s->f, "courriel", "Adresse électronique", 1,
		    ACCOUNT_EMAIL_MAX, 0, &s->email) &&
		    !account_email_valid(s->email))
			form_error(&s->f, "courriel", ACCOUNT_EMAIL_MSG);
		if (s->f.nerrors > 0)
			return (forgot_page(w, s, 422));
		/*
		 * Per address and network: requests from elsewhere never
		 * block the owner's own (issue 14, item 4).
		 */
		return (account_rate_query(w, Q_RATE, RATE_RESET_IP, s->addr,
		    RATE_RESET_EMAIL, account_net_key(w, s->email, s->addr)));
	case 1:
		if ((wait = account_rate_wait(w, Q_RATE)) > 0)
			return (account_rate_refuse(w, wait));
		return (forgot_queue(w, s));
	}
	web_flash(w, "reset_sent");
	return (web_redirect(w, UI_SIGNIN));
}

/* ---------------------------------------------------------------- reset */

/* Queues the lookup of the reset link jeton; 400 when malformed. */
static int
reset_lookup(struct web_req *w, const char *jeton, const char *bad)
{
	char	th[TOKEN_HEX_LEN + 1];

	if (!token_well_formed(jeton))
		return (web_error(w, 400, bad));
	token_hash_hex(jeton, th);
	return (web_query(w, Q_LOOKUP, &sql_reset_lookup, DB_TEXT(th)));
}

/* Answers for a reset link that cannot be used; 0 when it can. */
static int
reset_refuse(struct web_req *w)
{
	if (web_rows(w, Q_LOOKUP) != 1)
		return (web_error(w, 400, LINK_BAD_MSG));
	switch (vocab_find(vocab_link, LINK__MAX,
	    web_text(w, Q_LOOKUP, 0, ARL_STATUS))) {
	case LINK_USED:
		return (web_error(w, 410, "Ce lien a déjà été utilisé, ou un "
		    "changement d'adresse l'a annulé : il ne fonctionne qu'une "
		    "seule fois. Demandez-en un nouveau depuis « Mot de passe "
		    "oublié »."));
	case LINK_EXPIRED:
		return (web_error(w, 410, "Ce lien a expiré. Demandez-en un "
		    "nouveau depuis « Mot de passe oublié »."));
	}
	return (0);
}

static int
reset_page(struct web_req *w, struct form *f, const char *jeton, int status)
{
	/*
	 * No address on this page: whoever holds the link (a forwarded
	 * mail, an old mailbox) must not learn where the account now
	 * receives mail (issue 14, item 2).
	 */
	page_begin(w, "Nouveau mot de passe");
	html_raw(H, "<h1>Choisir un nouveau mot de passe</h1>\n");
	form_summary(f);
	form_begin(w, UI_RESET, "Nouveau mot de passe");
	html_raw(H, "<input type=\"hidden\" name=\"jeton\" value=\"");
	html_text(H, jeton);
	html_raw(H, "\">\n");
	form_input(f, "nouveau", "Nouveau mot de passe", "password", NULL,
	    NEW_PW_HINT, "new-password", 1);
	form_end(w, "Enregistrer le mot de passe");
	page_end(w);
	return (web_send(w, status));
}

/*
 * GET /reinitialisation?jeton=... Raises 400 for an unknown link, 410 for
 * a used or expired one.
 */
int
reset_form(struct web_req *w)
{
	const char	*jeton = web_arg(w, "jeton");
	struct form	 f;
	int		 r;

	if (w->step == 0)
		return (reset_lookup(w, jeton, LINK_BAD_MSG));
	if ((r = reset_refuse(w)) != 0)
		return (r);
	form_init(&f, w);
	return (reset_page(w, &f, jeton, 200));
}

/*
 * POST /reinitialisation. Sets the password and ends every session.
 * Raises 400/410 for a bad link, 422 for a password that breaks the rules.
 */
int
reset_submit(struct web_req *w)
{
	struct recovery	*s = web_state(w, sizeof(*s));
	const char	*jeton = web_arg(w, "jeton");
	char		 th[TOKEN_HEX_LEN + 1];
	int		 r;

	switch (w->step) {
	case 0:
		form_init(&s->f, w);
		return (reset_lookup(w, jeton, "Ce lien n'est pas valide."));
	case 1:
		if ((r = reset_refuse(w)) != 0)
			return (r);
		if (!account_password_field(&s->f, "nouveau",
		    web_arg(w, "nouveau"), web_text(w, Q_LOOKUP, 0, ARL_NAME),
		    web_text(w, Q_LOOKUP, 0, ARL_EMAIL)))
			return (reset_page(w, &s->f, jeton, 422));
		return (web_password_hash(w, web_arg(w, "nouveau")));
	case 2:
		if (w->task_out[0] == '\0')
			return (web_error(w, 500, NULL));
		token_hash_hex(jeton, th);
		return (web_query(w, Q_APPLY, &sql_reset_apply, DB_TEXT(th),
		    DB_TEXT(w->task_out)));
	}
	if (web_rows(w, Q_APPLY) != 1)
		return (web_error(w, 410, "Ce lien a déjà été utilisé ou a "
		    "expiré. Demandez-en un nouveau depuis « Mot de passe "
		    "oublié »."));
	if (w->sess.user_id != 0)
		session_cookie_clear(w);
	web_flash(w, "password_reset");
	return (web_redirect(w, UI_SIGNIN));
}

/* ---------------------------------------------------------------- change */

static int
password_page(struct web_req *w, struct form *f, int status)
{
	page_begin(w, "Changer de mot de passe");
	html_raw(H, "<h1>Changer de mot de passe</h1>\n<p>Vos autres "
	    "sessions (autres appareils, autres navigateurs) seront fermées ; "
	    "celle-ci reste ouverte.</p>\n");
	form_summary(f);
	form_begin(w, UI_ACCOUNT_PASSWORD, "Changer de mot de passe");
	form_input(f, "actuel", "Mot de passe actuel", "password", NULL, NULL,
	    "current-password", 1);
	form_input(f, "nouveau", "Nouveau mot de passe", "password", NULL,
	    NEW_PW_HINT, "new-password", 1);
	form_end(w, "Changer le mot de passe");
	page_end(w);
	return (web_send(w, status));
}

/* GET /compte/mot-de-passe. */
int
password_form(struct web_req *w)
{
	struct form	f;

	form_init(&f, w);
	return (password_page(w, &f, 200));
}

/* The account's own limit on wrong passwords, keyed on its address. */
static int
own_rate(struct web_req *w, int hit)
{
	const char	*email = web_text(w, Q_CRED, 0, CRED_EMAIL);

	if (hit)
		return (account_rate_hit(w, Q_HIT, RATE_SIGNIN_ACCOUNT, email,
		    RATE_SIGNIN_ACCOUNT, email));
	return (account_rate_query(w, Q_RATE, RATE_SIGNIN_ACCOUNT, email,
	    RATE_SIGNIN_ACCOUNT, email));
}

/* The current password, as the task checks it (never a huge one). */
static int
verify_current(struct web_req *w, const char *pw)
{
	return (web_password_verify(w, strlen(pw) > 1000 ? "" : pw,
	    web_text(w, Q_CRED, 0, CRED_HASH)));
}

/* Step 1 of a change of password: the form, against the account. */
static int
password_check(struct web_req *w, struct recovery *s)
{
	const char	*cur = web_arg(w, "actuel");

	if (web_rows(w, Q_CRED) != 1)
		return (web_error(w, 403, NULL));
	if (cur == NULL || *cur == '\0')
		form_error(&s->f, "actuel", "Saisissez votre mot de passe "
		    "actuel.");
	account_password_field(&s->f, "nouveau", web_arg(w, "nouveau"),
	    web_text(w, Q_CRED, 0, CRED_NAME),
	    web_text(w, Q_CRED, 0, CRED_EMAIL));
	if (s->f.nerrors > 0)
		return (password_page(w, &s->f, 422));
	return (own_rate(w, 0));
}

/*
 * POST /compte/mot-de-passe. Raises 429 after too many wrong current
 * passwords, 422 on errors.
 */
int
password_submit(struct web_req *w)
{
	struct recovery	*s = web_state(w, sizeof(*s));
	char		 th[TOKEN_HEX_LEN + 1];
	long long	 wait;

	switch (w->step) {
	case 0:
		form_init(&s->f, w);
		return (web_query(w, Q_CRED, &sql_user_credentials,
		    DB_ID(w->sess.user_id)));
	case 1:
		return (password_check(w, s));
	case 2:
		if ((wait = account_rate_wait(w, Q_RATE)) > 0)
			return (account_rate_refuse(w, wait));
		return (verify_current(w, web_arg(w, "actuel")));
	case 3:
		if (strcmp(w->task_out, "1") != 0) {
			s->failed = 1;
			return (own_rate(w, 1));
		}
		return (web_password_hash(w, web_arg(w, "nouveau")));
	case 4:
		if (s->failed) {
			form_error(&s->f, "actuel", "Le mot de passe actuel "
			    "est incorrect.");
			return (password_page(w, &s->f, 422));
		}
		if (w->task_out[0] == '\0')
			return (web_error(w, 500, NULL));
		token_hash_hex(w->sess.token, th);
		return (web_query(w, Q_CHANGE, &sql_password_change,
		    DB_ID(w->sess.user_id), DB_TEXT(w->task_out),
		    DB_TEXT(th)));
	}
	web_flash(w, "password_changed");
	return (web_redirect(w, UI_ACCOUNT_PASSWORD));
}

static int
email_page(struct web_req *w, struct recovery *s, int status)
{
	page_begin(w, "Changer d'adresse électronique");
	html_raw(H, "<h1>Changer d'adresse électronique</h1>\n"
	    "<p>Adresse actuelle : ");
	html_text(H, web_text(w, Q_CRED, 0, CRED_EMAIL));
	html_raw(H, "</p>\n<p>Un lien de confirmation sera envoyé à la "
	    "nouvelle adresse. L'adresse actuelle reste celle du compte tant "
	    "que ce lien n'a pas été ouvert.</p>\n");
	form_summary(&s->f);
	form_begin(w, UI_ACCOUNT_EMAIL, "Changer d'adresse électronique");
	form_input(&s->f, "courriel", "Nouvelle adresse électronique",
	    "email", s->email, NULL, "email", 1);
	form_input(&s->f, "mot_de_passe", "Mot de passe actuel", "password",
	    NULL, "Pour confirmer que c'est bien vous.", "current-password",
	    1);
	form_end(w, "Envoyer le lien de confirmation");
	page_end(w);
	return (web_send(w, status));
}

/* GET /compte/adresse. */
int
email_form(struct web_req *w)
{
	struct recovery	*s = web_state(w, sizeof(*s));

	if (w->step == 0)
		return (web_query(w, Q_CRED, &sql_user_credentials,
		    DB_ID(w->sess.user_id)));
	if (web_rows(w, Q_CRED) != 1)
		return (web_error(w, 403, NULL));
	form_init(&s->f, w);
	return (email_page(w, s, 200));
}

/*
 * Step 0 of a change of address: the new address's shape, then the
 * account and, for an address of the right shape, whether another account
 * has it once normalised (the account's own address with a +tag stays
 * allowed), in one round trip.
 */
static int
email_ask(struct web_req *w, struct recovery *s)
{
	form_init(&s->f, w);
	if (form_text(&s->f, "courriel", "Nouvelle adresse électronique", 1,
	    ACCOUNT_EMAIL_MAX, 0, &s->email)) {
		if (account_email_valid(s->email))
			s->email_ok = 1;
		else
			form_error(&s->f, "courriel", ACCOUNT_EMAIL_MSG);
	}
	if (s->email_ok)
		web_query(w, Q_TAKEN, &sql_email_taken_other,
		    DB_TEXT(s->email), DB_ID(w->sess.user_id));
	return (web_query(w, Q_CRED, &sql_user_credentials,
	    DB_ID(w->sess.user_id)));
}

/* Step 1: the form against the account, then the limit. */
static int
email_check(struct web_req *w, struct recovery *s)
{
	const char	*pw = web_arg(w, "mot_de_passe");

	if (web_rows(w, Q_CRED) != 1)
		return (web_error(w, 403, NULL));
	if (s->email_ok && strcasecmp(s->email,
	    web_text(w, Q_CRED, 0, CRED_EMAIL)) == 0)
		form_error(&s->f, "courriel", "C'est déjà l'adresse de votre "
		    "compte.");
	if (pw == NULL || *pw == '\0')
		form_error(&s->f, "mot_de_passe", "Saisissez votre mot de "
		    "passe actuel.");
	if (s->f.nerrors > 0)
		return (email_page(w, s, 422));
	/*
	 * Wrong passwords, and the mails this form sends to addresses
	 * typed by whoever holds the session (it mailed 30 strangers:
	 * issue 14, item 6), limited per account like verify_resend.
	 */
	return (account_rate_query(w, Q_RATE, RATE_SIGNIN_ACCOUNT,
	    web_text(w, Q_CRED, 0, CRED_EMAIL), RATE_EMAIL_CHANGE,
	    web_printf(w, "%lld", w->sess.user_id)));
}

/* Queues the link to the new address and the notice to the current one. */
static int
email_queue(struct web_req *w, struct recovery *s)
{
	const char	*name = web_text(w, Q_CRED, 0, CRED_NAME);
	const char	*old = web_text(w, Q_CRED, 0, CRED_EMAIL);
	char		 th[TOKEN_HEX_LEN + 1], ek[TOKEN_LEN + 1], *url, *b1, *b2;
	char		 rk[TOKEN_LEN + 1];
	long long	 hours = settings_int(SET_VERIFY_HOURS);
	struct mail_var	 v1[] = {
		{ "name", name }, { "hours", NULL }, { "link", NULL },
	}, v2[] = {
		{ "name", name }, { "old_email", old },
		{ "new_email", s->email }, { "password_link", NULL },
	};

	url = account_link(w, UI_VERIFY, th);
	v1[1].value = web_printf(w, "%lld", hours);
	v1[2].value = url;
	v2[3].value = web_printf(w, "%s" UI_ACCOUNT_PASSWORD, app.base_url);
	b1 = web_mail_fill(w, mail_text_body(MT_EMAIL_CHANGE), v1, 3);
	b2 = web_mail_fill(w, mail_text_body(MT_EMAIL_CHANGE_NOTICE), v2, 4);
	account_rate_key(RATE_EMAIL_CHANGE, web_printf(w, "%lld",
	    w->sess.user_id), rk);
	web_query(w, Q_CHANGE, &sql_email_change, DB_ID(w->sess.user_id),
	    DB_TEXT(s->email), DB_TEXT(th), DB_INT(hours),
	    DB_TEXT(mail_text_subject(MT_EMAIL_CHANGE)), DB_TEXT(b1),
	    DB_TEXT(mail_text_subject(MT_EMAIL_CHANGE_NOTICE)), DB_TEXT(b2),
	    DB_TEXT(account_email_key(s->email, ek)), DB_TEXT(rk));
	account_forget(url);
	account_forget(b1);
	return (WEB_QUERY);
}

/* Queues the notice to the owner of the address typed, counted. */
static int
email_taken_queue(struct web_req *w, struct recovery *s)
{
	char	rk[TOKEN_LEN + 1];

	account_rate_key(RATE_EMAIL_CHANGE, web_printf(w, "%lld",
	    w->sess.user_id), rk);
	return (web_query(w, Q_CHANGE, &sql_email_change_taken,
	    DB_TEXT(s->email), DB_ID(w->sess.user_id),
	    DB_TEXT(mail_text_subject(MT_EMAIL_TAKEN)),
	    DB_TEXT(mail_text_body(MT_EMAIL_TAKEN)), DB_TEXT(rk)));
}

/*
 * POST /compte/adresse. Raises 429 after too many wrong passwords or
 * changes, 422 on errors. An address another account holds is answered
 * like any other.
 */
int
email_submit(struct web_req *w)
{
	struct recovery	*s = web_state(w, sizeof(*s));
	long long	 wait;

	switch (w->step) {
	case 0:
		return (email_ask(w, s));
	case 1:
		return (email_check(w, s));
	case 2:
		if ((wait = account_rate_wait(w, Q_RATE)) > 0)
			return (account_rate_refuse(w, wait));
		return (verify_current(w, web_arg(w, "mot_de_passe")));
	case 3:
		if (strcmp(w->task_out, "1") != 0) {
			s->failed = 1;
			return (own_rate(w, 1));
		}
		/*
		 * An address another account holds gets the same answer as
		 * any other (its owner is told), so this form does not
		 * reveal which addresses have accounts.
		 */
		if (web_rows(w, Q_TAKEN) > 0)
			return (email_taken_queue(w, s));
		return (email_queue(w, s));
	}
	if (s->failed) {
		form_error(&s->f, "mot_de_passe", "Le mot de passe est "
		    "incorrect.");
		return (email_page(w, s, 422));
	}
	web_flash(w, "email_change_sent");
	return (web_redirect(w, UI_ACCOUNT_EMAIL));
}
