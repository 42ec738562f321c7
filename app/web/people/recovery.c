/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Passwords and addresses: forgotten password (/mot-de-passe-oublie, then
 * the link /reinitialisation), change of password (/compte/mot-de-passe)
 * and change of address confirmed from the new one (/compte/adresse).
 */

#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "../../core/token.h"
#include "../../db/accounts.h"
#include "../kernel/app.h"
#include "../kernel/session.h"
#include "account.h"

int	forgot_form(struct web_req *);
int	forgot_submit(struct web_req *);
int	reset_form(struct web_req *);
int	reset_submit(struct web_req *);
int	password_form(struct web_req *);
int	password_submit(struct web_req *);
int	email_form(struct web_req *);
int	email_submit(struct web_req *);

/* What a form keeps between its steps. */
struct state {
	struct form	 f;
	const char	*email;
	char		 addr[ADDR_LEN];
	char		 setting[24];
	int		 failed;	/* wrong current password */
};

static struct state *
state_new(struct web_req *w)
{
	struct state	*s;

	s = w->data = kore_calloc(1, sizeof(*s));
	w->data_free = kore_free;
	form_init(&s->f, w);
	return (s);
}

static char *
mail_text(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *
mail_text(const char *fmt, ...)
{
	struct kore_buf	 b;
	va_list		 ap;
	char		*s;

	kore_buf_init(&b, 1024);
	va_start(ap, fmt);
	kore_buf_appendv(&b, fmt, ap);
	va_end(ap);
	s = kore_strdup(kore_buf_stringify(&b, NULL));
	kore_buf_cleanup(&b);
	return (s);
}

static void
free_secret(char *s)
{
	OPENSSL_cleanse(s, strlen(s));
	kore_free(s);
}

/* ---------------------------------------------------------------- forgot */

static int
forgot_page(struct web_req *w, struct state *s, int status)
{
	struct form	 empty, *f = s ? &s->f : &empty;

	if (s == NULL)
		form_init(&empty, w);
	page_begin(w, "Mot de passe oublié");
	html_raw(H, "<h1>Mot de passe oublié</h1>\n<p>Indiquez l'adresse "
	    "électronique de votre compte : nous y enverrons un lien pour "
	    "choisir un nouveau mot de passe.</p>\n");
	form_summary(f);
	form_begin(w, "/mot-de-passe-oublie", "Mot de passe oublié");
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

/* POST /mot-de-passe-oublie. The same answer whether or not an account
 * has the address. Raises 403 without a valid CSRF token, 429 after too
 * many requests, 422 for an address of the wrong shape. */
int
forgot_submit(struct web_req *w)
{
	struct state	*s = w->data;
	char		 th[TOKEN_HEX_LEN + 1], *url, *body;
	char		 ik[TOKEN_LEN + 1], mk[TOKEN_LEN + 1], ek[TOKEN_LEN + 1];
	long long	 wait;
	int		 r;

	switch (w->step) {
	case 0:
		if (!csrf_valid(w))
			return (web_error(w, 403, CSRF_MSG));
		s = state_new(w);
		account_client_addr(w, s->addr);
		if (form_text(&s->f, "courriel", "Adresse électronique", 1,
		    ACCOUNT_EMAIL_MAX, 0, &s->email) &&
		    !account_email_valid(s->email))
			form_error(&s->f, "courriel", "L'adresse électronique "
			    "n'a pas la forme attendue (par exemple : "
			    "prenom.nom@exemple.fr).");
		if (s->f.nerrors > 0)
			return (forgot_page(w, s, 422));
		return (account_rate_query(w, RATE_RESET_IP, s->addr,
		    RATE_RESET_EMAIL, s->email));
	case 1:
		if ((wait = atoll(web_value(w, 0, 0, 0))) > 0)
			return (account_rate_refuse(w, wait));
		account_setting("reset_minutes", 60, 5, 60 * 24, s->setting);
		url = account_link("/reinitialisation", th);
		body = mail_text("Bonjour,\n\n"
		    "Quelqu'un, probablement vous, a demandé un nouveau mot de "
		    "passe pour le compte Agora lié à cette adresse.\n\n"
		    "Pour choisir un nouveau mot de passe, ouvrez ce lien "
		    "(valable %s minutes, une seule fois) :\n\n%s\n\n"
		    "Toutes les sessions ouvertes sur ce compte seront alors "
		    "fermées.\n\n"
		    "Si vous n'êtes pas à l'origine de cette demande, ignorez "
		    "ce message : votre mot de passe actuel reste valable.\n\n"
		    "-- \nAgora, Région Centre-Val de Loire\n", s->setting,
		    url);
		account_rate_key(RATE_RESET_IP, s->addr, ik);
		account_rate_key(RATE_RESET_EMAIL, s->email, mk);
		r = web_sql(w, sql_reset_request, 8, s->email, th,
		    s->setting, "Nouveau mot de passe – Agora", body, ik, mk,
		    account_email_key(s->email, ek));
		free_secret(url);
		free_secret(body);
		return (r);
	}
	web_flash(w, "reset_sent");
	return (web_redirect(w, "/connexion"));
}

/* ---------------------------------------------------------------- reset */

/* Answers for a reset link that cannot be used; 0 when it can. */
static int
reset_refuse(struct web_req *w, int slot)
{
	const char	*st = web_value(w, slot, 0, 0);

	if (web_nrows(w, slot) != 1)
		return (web_error(w, 400, "Ce lien n'est pas valide. Vérifiez "
		    "que vous avez copié l'adresse en entier depuis le "
		    "courriel."));
	if (strcmp(st, "used") == 0)
		return (web_error(w, 410, "Ce lien a déjà été utilisé : il ne "
		    "fonctionne qu'une seule fois. Demandez-en un nouveau "
		    "depuis « Mot de passe oublié »."));
	if (strcmp(st, "expired") == 0)
		return (web_error(w, 410, "Ce lien a expiré. Demandez-en un "
		    "nouveau depuis « Mot de passe oublié »."));
	return (0);
}

static int
reset_page(struct web_req *w, struct form *f, const char *jeton, int status)
{
	page_begin(w, "Nouveau mot de passe");
	html_raw(H, "<h1>Choisir un nouveau mot de passe</h1>\n<p>Compte : ");
	html_text(H, web_value(w, 0, 0, 3));
	html_raw(H, "</p>\n");
	form_summary(f);
	form_begin(w, "/reinitialisation", "Nouveau mot de passe");
	html_raw(H, "<input type=\"hidden\" name=\"jeton\" value=\"");
	html_text(H, jeton);
	html_raw(H, "\">\n");
	form_input(f, "nouveau", "Nouveau mot de passe", "password", NULL,
	    "Au moins 12 caractères, sans votre nom ni votre adresse.",
	    "new-password", 1);
	form_end(w, "Enregistrer le mot de passe");
	page_end(w);
	return (web_send(w, status));
}

/* GET /reinitialisation?jeton=... Raises 400 for an unknown link, 410 for
 * a used or expired one. */
int
reset_form(struct web_req *w)
{
	const char	*jeton = web_arg(w, "jeton");
	char		 th[TOKEN_HEX_LEN + 1];
	struct form	 f;
	int		 r;

	if (w->step == 0) {
		if (!token_well_formed(jeton))
			return (web_error(w, 400, "Ce lien n'est pas valide. "
			    "Vérifiez que vous avez copié l'adresse en entier "
			    "depuis le courriel."));
		token_hash_hex(jeton, th);
		return (web_sql(w, sql_reset_lookup, 1, th));
	}
	if ((r = reset_refuse(w, 0)) != 0)
		return (r);
	form_init(&f, w);
	return (reset_page(w, &f, jeton, 200));
}

/* POST /reinitialisation. Sets the password and ends every session.
 * Raises 403 without a valid CSRF token, 400/410 for a bad link, 422 for a
 * password that breaks the rules. */
int
reset_submit(struct web_req *w)
{
	struct state	*s = w->data;
	const char	*jeton = web_arg(w, "jeton");
	char		 th[TOKEN_HEX_LEN + 1];
	int		 r;

	switch (w->step) {
	case 0:
		if (!csrf_valid(w))
			return (web_error(w, 403, CSRF_MSG));
		if (!token_well_formed(jeton))
			return (web_error(w, 400, "Ce lien n'est pas valide."));
		state_new(w);
		token_hash_hex(jeton, th);
		return (web_sql(w, sql_reset_lookup, 1, th));
	case 1:
		if ((r = reset_refuse(w, 0)) != 0)
			return (r);
		if (!account_password_field(&s->f, "nouveau",
		    web_arg(w, "nouveau"), web_value(w, 0, 0, 2),
		    web_value(w, 0, 0, 3)))
			return (reset_page(w, &s->f, jeton, 422));
		return (web_password_hash(w, web_arg(w, "nouveau")));
	case 2:
		if (w->task_out[0] == '\0')
			return (web_error(w, 500, NULL));
		token_hash_hex(jeton, th);
		return (web_sql(w, sql_reset_apply, 2, th, w->task_out));
	}
	if (web_nrows(w, 2) != 1)
		return (web_error(w, 410, "Ce lien a déjà été utilisé ou a "
		    "expiré. Demandez-en un nouveau depuis « Mot de passe "
		    "oublié »."));
	if (w->sess.user_id != 0)
		session_cookie_clear(w);
	web_flash(w, "password_reset");
	return (web_redirect(w, "/connexion"));
}

/* ---------------------------------------------------------------- change */

static int
password_page(struct web_req *w, struct form *f, int status)
{
	page_begin(w, "Changer de mot de passe");
	html_raw(H, "<h1>Changer de mot de passe</h1>\n<p>Vos autres "
	    "sessions (autres appareils, autres navigateurs) seront fermées ; "
	    "celle-ci reste ouverte.</p>\n");
	form_summary(f);
	form_begin(w, "/compte/mot-de-passe", "Changer de mot de passe");
	form_input(f, "actuel", "Mot de passe actuel", "password", NULL, NULL,
	    "current-password", 1);
	form_input(f, "nouveau", "Nouveau mot de passe", "password", NULL,
	    "Au moins 12 caractères, sans votre nom ni votre adresse.",
	    "new-password", 1);
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

/* POST /compte/mot-de-passe. Raises 403 without a valid CSRF token, 429
 * after too many wrong current passwords, 422 on errors. */
int
password_submit(struct web_req *w)
{
	struct state	*s = w->data;
	const char	*cur = web_arg(w, "actuel");
	char		 uid[24], th[TOKEN_HEX_LEN + 1];
	long long	 wait;

	snprintf(uid, sizeof(uid), "%lld", w->sess.user_id);
	switch (w->step) {
	case 0:
		if (!csrf_valid(w))
			return (web_error(w, 403, CSRF_MSG));
		state_new(w);
		return (web_sql(w, sql_user_credentials, 1, uid));
	case 1:
		if (web_nrows(w, 0) != 1)
			return (web_error(w, 403, NULL));
		if (cur == NULL || *cur == '\0')
			form_error(&s->f, "actuel", "Saisissez votre mot de "
			    "passe actuel.");
		account_password_field(&s->f, "nouveau", web_arg(w, "nouveau"),
		    web_value(w, 0, 0, 2), web_value(w, 0, 0, 1));
		if (s->f.nerrors > 0)
			return (password_page(w, &s->f, 422));
		return (account_rate_query(w, RATE_SIGNIN_ACCOUNT,
		    web_value(w, 0, 0, CRED_EMAIL), RATE_SIGNIN_ACCOUNT,
		    web_value(w, 0, 0, CRED_EMAIL)));
	case 2:
		if ((wait = atoll(web_value(w, 1, 0, 0))) > 0)
			return (account_rate_refuse(w, wait));
		return (web_password_verify(w, strlen(cur) > 1000 ? "" : cur,
		    web_value(w, 0, 0, 0)));
	case 3:
		if (strcmp(w->task_out, "1") != 0) {
			s->failed = 1;
			return (account_rate_hit(w, RATE_SIGNIN_ACCOUNT,
			    web_value(w, 0, 0, CRED_EMAIL), RATE_SIGNIN_ACCOUNT,
			    web_value(w, 0, 0, CRED_EMAIL)));
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
		return (web_sql(w, sql_password_change, 3, uid, w->task_out,
		    th));
	}
	web_flash(w, "password_changed");
	return (web_redirect(w, "/compte/mot-de-passe"));
}

static int
email_page(struct web_req *w, struct state *s, int status)
{
	page_begin(w, "Changer d'adresse électronique");
	html_raw(H, "<h1>Changer d'adresse électronique</h1>\n"
	    "<p>Adresse actuelle : ");
	html_text(H, web_value(w, 0, 0, 1));
	html_raw(H, "</p>\n<p>Un lien de confirmation sera envoyé à la "
	    "nouvelle adresse. L'adresse actuelle reste celle du compte tant "
	    "que ce lien n'a pas été ouvert.</p>\n");
	form_summary(&s->f);
	form_begin(w, "/compte/adresse", "Changer d'adresse électronique");
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
	char	uid[24];

	if (w->step == 0) {
		snprintf(uid, sizeof(uid), "%lld", w->sess.user_id);
		return (web_sql(w, sql_user_credentials, 1, uid));
	}
	if (web_nrows(w, 0) != 1)
		return (web_error(w, 403, NULL));
	return (email_page(w, state_new(w), 200));
}

/* POST /compte/adresse. Raises 403 without a valid CSRF token, 429 after
 * too many wrong passwords, 422 on errors. */
int
email_submit(struct web_req *w)
{
	struct state	*s = w->data;
	const char	*pw = web_arg(w, "mot_de_passe"), *name, *old;
	char		 uid[24], th[TOKEN_HEX_LEN + 1], *url, *b1, *b2;
	char		 ek[TOKEN_LEN + 1];
	long long	 wait;
	int		 r;

	snprintf(uid, sizeof(uid), "%lld", w->sess.user_id);
	switch (w->step) {
	case 0:
		if (!csrf_valid(w))
			return (web_error(w, 403, CSRF_MSG));
		state_new(w);
		return (web_sql(w, sql_user_credentials, 1, uid));
	case 1:
		if (web_nrows(w, 0) != 1)
			return (web_error(w, 403, NULL));
		if (form_text(&s->f, "courriel", "Nouvelle adresse "
		    "électronique", 1, ACCOUNT_EMAIL_MAX, 0, &s->email)) {
			if (!account_email_valid(s->email))
				form_error(&s->f, "courriel", "L'adresse "
				    "électronique n'a pas la forme attendue "
				    "(par exemple : prenom.nom@exemple.fr).");
			else if (strcasecmp(s->email,
			    web_value(w, 0, 0, 1)) == 0)
				form_error(&s->f, "courriel", "C'est déjà "
				    "l'adresse de votre compte.");
		}
		if (pw == NULL || *pw == '\0')
			form_error(&s->f, "mot_de_passe", "Saisissez votre mot "
			    "de passe actuel.");
		if (s->f.nerrors > 0)
			return (email_page(w, s, 422));
		return (account_rate_query(w, RATE_SIGNIN_ACCOUNT,
		    web_value(w, 0, 0, CRED_EMAIL), RATE_SIGNIN_ACCOUNT,
		    web_value(w, 0, 0, CRED_EMAIL)));
	case 2:
		if ((wait = atoll(web_value(w, 1, 0, 0))) > 0)
			return (account_rate_refuse(w, wait));
		/*
		 * Another account with this address once normalised: the
		 * account's own address with a +tag stays allowed.
		 */
		return (web_sql(w, sql_email_taken_other, 2, s->email, uid));
	case 3:
		if (web_nrows(w, 2) > 0) {
			form_error(&s->f, "courriel", "Cette adresse est déjà "
			    "utilisée par un autre compte.");
			return (email_page(w, s, 422));
		}
		return (web_password_verify(w, strlen(pw) > 1000 ? "" : pw,
		    web_value(w, 0, 0, 0)));
	case 4:
		if (strcmp(w->task_out, "1") != 0) {
			s->failed = 1;
			return (account_rate_hit(w, RATE_SIGNIN_ACCOUNT,
			    web_value(w, 0, 0, CRED_EMAIL), RATE_SIGNIN_ACCOUNT,
			    web_value(w, 0, 0, CRED_EMAIL)));
		}
		name = web_value(w, 0, 0, 2);
		old = web_value(w, 0, 0, 1);
		account_setting("verify_hours", 48, 1, 24 * 30, s->setting);
		url = account_link("/verification", th);
		b1 = mail_text("Bonjour %s,\n\n"
		    "Vous avez demandé à utiliser cette adresse pour votre "
		    "compte Agora. Pour confirmer, ouvrez ce lien (valable %s "
		    "heures, une seule fois) :\n\n%s\n\n"
		    "Votre ancienne adresse reste celle du compte tant que ce "
		    "lien n'a pas été ouvert. Si vous n'êtes pas à l'origine "
		    "de cette demande, ignorez ce message.\n\n"
		    "-- \nAgora, Région Centre-Val de Loire\n", name,
		    s->setting, url);
		b2 = mail_text("Bonjour %s,\n\n"
		    "Une demande a été faite pour remplacer l'adresse de votre "
		    "compte Agora (%s) par %s. Elle ne prendra effet que si le "
		    "lien envoyé à cette nouvelle adresse est ouvert.\n\n"
		    "Si vous n'êtes pas à l'origine de cette demande, changez "
		    "votre mot de passe : %s/compte/mot-de-passe\n\n"
		    "-- \nAgora, Région Centre-Val de Loire\n", name, old,
		    s->email, app.base_url);
		r = web_sql(w, sql_email_change, 9, uid, s->email, th,
		    s->setting, "Confirmez votre nouvelle adresse – Agora", b1,
		    "Changement d'adresse demandé – Agora", b2,
		    account_email_key(s->email, ek));
		free_secret(url);
		free_secret(b1);
		kore_free(b2);
		return (r);
	}
	if (s->failed) {
		form_error(&s->f, "mot_de_passe", "Le mot de passe est "
		    "incorrect.");
		return (email_page(w, s, 422));
	}
	web_flash(w, "email_change_sent");
	return (web_redirect(w, "/compte/adresse"));
}
