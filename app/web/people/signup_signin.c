/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Creating an account (/inscription), confirming the address
 * (/verification), signing in (/connexion) and out (/deconnexion).
 */

#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "../../core/password.h"
#include "../../core/settings.h"
#include "../../core/token.h"
#include "../../db/accounts.h"
#include "../kernel/session.h"
#include "account.h"

int	signup_form(struct web_req *);
int	signup_submit(struct web_req *);
int	verify_show(struct web_req *);
int	verify_resend(struct web_req *);
int	signin_form(struct web_req *);
int	signin_submit(struct web_req *);
int	signout_submit(struct web_req *);

#define MAX_TERRITORIES	16
#define DUPLICATE_MSG	"Un compte existe déjà avec cette adresse. " \
			"Connectez-vous, ou utilisez « Mot de passe oublié »."

/* What a sign-up keeps between its steps. */
struct signup {
	struct form	 f;
	const char	*name;		/* trimmed, as typed */
	const char	*email;
	const char	*territory;
	int		 consent;
	char		 addr[ADDR_LEN];
	char		 hours[24];
};

/* What a sign-in keeps between its steps. */
struct signin {
	struct form	 f;
	const char	*email;
	const char	*retour;
	char		 addr[ADDR_LEN];
	char		 token[TOKEN_LEN + 1];
};

static void
signin_free(void *p)
{
	struct signin	*s = p;

	OPENSSL_cleanse(s->token, sizeof(s->token));
	kore_free(s);
}

static void
hidden(struct web_req *w, const char *name, const char *value)
{
	html_raw(H, "<input type=\"hidden\" name=\"");
	html_text(H, name);
	html_raw(H, "\" value=\"");
	html_text(H, value);
	html_raw(H, "\">\n");
}

/* Writes the sign-up form; territories are the rows of slot. */
static int
signup_page(struct web_req *w, struct signup *s, int slot, int status)
{
	struct form		 empty, *f = s ? &s->f : &empty;
	struct form_option	 opts[MAX_TERRITORIES + 1];
	size_t			 n = 0;
	int			 i;

	if (s == NULL)
		form_init(&empty, w);
	opts[n].value = "";
	opts[n++].label = "Choisissez…";
	for (i = 0; i < web_nrows(w, slot) && n <= MAX_TERRITORIES; i++) {
		opts[n].value = web_value(w, slot, i, 0);
		opts[n++].label = web_value(w, slot, i, 1);
	}
	page_begin(w, "Créer un compte");
	html_raw(H, "<h1>Créer un compte</h1>\n"
	    "<p>Un compte vous permet de déposer des propositions, "
	    "d'argumenter, de commenter et de voter. Votre nom d'affichage "
	    "est public ; votre adresse électronique ne l'est jamais.</p>\n");
	form_summary(f);
	form_begin(w, "/inscription", "Créer un compte");
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
	    s ? s->territory : NULL, "Celui où vous habitez, ou « Hors "
	    "région ».", 1);
	html_raw(H, "<p><a href=\"/confidentialite\">Lire la notice « Données "
	    "personnelles »</a> (ce que nous gardons, pourquoi, combien de "
	    "temps, et vos droits).</p>\n");
	form_checkbox(f, "consentement", "J'ai lu la notice « Données "
	    "personnelles » et j'accepte que mes données soient traitées "
	    "pour participer à la consultation.", s ? s->consent : 0, NULL);
	form_end(w, "Créer mon compte");
	html_raw(H, "<p>Vous avez déjà un compte ? "
	    "<a href=\"/connexion\">Se connecter</a></p>\n");
	page_end(w);
	return (web_send(w, status));
}

/* GET /inscription. */
int
signup_form(struct web_req *w)
{
	if (w->sess.user_id != 0)
		return (web_redirect(w, "/connexion"));
	if (w->step == 0)
		return (web_sql(w, sql_territories, 0));
	return (signup_page(w, NULL, 0, 200));
}

static void
signup_read(struct web_req *w, struct signup *s)
{
	struct form		*f = &s->f;
	struct form_option	 opts[MAX_TERRITORIES];
	const char		*pw, *c;
	size_t			 n = 0;
	int			 i;

	for (i = 0; i < web_nrows(w, 1) && n < MAX_TERRITORIES; i++) {
		opts[n].value = web_value(w, 1, i, 0);
		opts[n++].label = web_value(w, 1, i, 1);
	}
	form_text(f, "nom", "Nom d'affichage", ACCOUNT_NAME_MIN,
	    ACCOUNT_NAME_MAX, 0, &s->name);
	if (form_text(f, "courriel", "Adresse électronique", 1,
	    ACCOUNT_EMAIL_MAX, 0, &s->email) && !account_email_valid(s->email))
		form_error(f, "courriel", "L'adresse électronique n'a pas la "
		    "forme attendue (par exemple : prenom.nom@exemple.fr).");
	form_choice(f, "departement", "Département", opts, n, 1,
	    &s->territory);
	c = web_arg(w, "consentement");
	s->consent = c != NULL && strcmp(c, "1") == 0;
	pw = web_arg(w, "mot_de_passe");
	account_password_field(f, "mot_de_passe", pw,
	    form_error_for(f, "nom") ? NULL : s->name,
	    form_error_for(f, "courriel") ? NULL : s->email);
	if (!s->consent)
		form_error(f, "consentement", "Pour créer un compte, acceptez "
		    "le traitement de vos données décrit dans la notice.");
}

static char *
signup_mail(const char *name, const char *url, const char *hours)
{
	struct kore_buf	b;
	char		*s;

	kore_buf_init(&b, 1024);
	kore_buf_appendf(&b, "Bonjour %s,\n\n"
	    "Vous venez de créer un compte sur Agora, la consultation "
	    "citoyenne de la Région Centre-Val de Loire.\n\n"
	    "Pour confirmer votre adresse électronique, ouvrez ce lien "
	    "(valable %s heures, une seule fois) :\n\n%s\n\n"
	    "Tant que votre adresse n'est pas confirmée, vous pouvez lire et "
	    "vous connecter, mais pas contribuer.\n\n"
	    "Si vous n'êtes pas à l'origine de cette inscription, ignorez ce "
	    "message : le compte restera inactif.\n\n"
	    "-- \nAgora, Région Centre-Val de Loire\n", name, hours, url);
	s = kore_strdup(kore_buf_stringify(&b, NULL));
	kore_buf_cleanup(&b);
	return (s);
}

/* POST /inscription. Raises 403 without a valid CSRF token, 429 when the
 * address created too many accounts, 422 on an invalid form. */
int
signup_submit(struct web_req *w)
{
	struct signup	*s = w->data;
	char		 th[TOKEN_HEX_LEN + 1], *url, *body;
	char		 rk[TOKEN_LEN + 1], ek[TOKEN_LEN + 1];
	int		 r;

	switch (w->step) {
	case 0:
		if (!csrf_valid(w))
			return (web_error(w, 403, CSRF_MSG));
		s = w->data = kore_calloc(1, sizeof(*s));
		w->data_free = kore_free;
		form_init(&s->f, w);
		account_client_addr(w, s->addr);
		account_setting("verify_hours", 48, 1, 24 * 30, s->hours);
		return (account_rate_query(w, RATE_SIGNUP_IP, s->addr,
		    RATE_SIGNUP_IP, s->addr));
	case 1:
		if (atoll(web_value(w, 0, 0, 0)) > 0)
			return (account_rate_refuse(w,
			    atoll(web_value(w, 0, 0, 0))));
		return (web_sql(w, sql_territories, 0));
	case 2:
		signup_read(w, s);
		if (s->f.nerrors > 0)
			return (signup_page(w, s, 1, 422));
		return (web_sql(w, sql_email_taken, 1, s->email));
	case 3:
		signup_read(w, s);
		if (web_nrows(w, 2) > 0) {
			form_error(&s->f, "courriel", DUPLICATE_MSG);
			return (signup_page(w, s, 1, 422));
		}
		return (web_password_hash(w, web_arg(w, "mot_de_passe")));
	case 4:
		signup_read(w, s);
		if (w->task_out[0] == '\0')
			return (web_error(w, 500, NULL));
		url = account_link("/verification", th);
		body = signup_mail(s->name, url, s->hours);
		account_rate_key(RATE_SIGNUP_IP, s->addr, rk);
		r = web_sql(w, sql_signup, 10, s->email, s->name, w->task_out,
		    s->territory, th, s->hours,
		    "Confirmez votre adresse électronique – Agora", body,
		    rk, account_email_key(s->email, ek));
		OPENSSL_cleanse(url, strlen(url));
		kore_free(url);
		kore_free(body);
		return (r);
	}
	signup_read(w, s);
	if (web_nrows(w, 4) != 1) {
		form_error(&s->f, "courriel", DUPLICATE_MSG);
		return (signup_page(w, s, 1, 422));
	}
	web_flash(w, "signup_sent");
	return (web_redirect(w, "/connexion"));
}

/* GET /verification?jeton=... Uses a verification or change-of-address
 * link once. Raises 400 for a malformed or unknown link, 410 for a used or
 * expired one, 409 when the new address was taken meanwhile. */
int
verify_show(struct web_req *w)
{
	const char	*jeton = web_arg(w, "jeton"), *status;
	char		 th[TOKEN_HEX_LEN + 1];

	if (w->step == 0) {
		/*
		 * A HEAD (link preview, scanner) must not use up the link; kore
		 * keeps no query argument for HEAD anyway.
		 */
		if (w->req->method == HTTP_METHOD_HEAD)
			return (web_send(w, 200));
		if (!token_well_formed(jeton))
			return (web_error(w, 400, "Ce lien n'est pas valide. "
			    "Vérifiez que vous avez copié l'adresse en entier "
			    "depuis le courriel."));
		token_hash_hex(jeton, th);
		return (web_sql(w, sql_link_use, 1, th));
	}
	status = web_value(w, 0, 0, 0);
	if (strcmp(status, "used") == 0)
		return (web_error(w, 410, "Ce lien a déjà été utilisé : il ne "
		    "fonctionne qu'une seule fois. Si votre adresse est "
		    "confirmée, connectez-vous simplement."));
	if (strcmp(status, "expired") == 0)
		return (web_error(w, 410, "Ce lien a expiré. Connectez-vous : "
		    "vous pourrez demander un nouveau lien de confirmation."));
	if (strcmp(status, "taken") == 0)
		return (web_error(w, 409, "Cette adresse électronique est "
		    "désormais utilisée par un autre compte : votre adresse "
		    "n'a pas été modifiée."));
	if (strcmp(status, "ok") != 0)
		return (web_error(w, 400, "Ce lien n'est pas valide. Vérifiez "
		    "que vous avez copié l'adresse en entier depuis le "
		    "courriel."));

	page_begin(w, "Adresse confirmée");
	html_raw(H, "<h1>Adresse confirmée</h1>\n<p>L'adresse ");
	html_text(H, web_value(w, 0, 0, 2));
	html_raw(H, " est confirmée.</p>\n");
	if (w->sess.user_id != 0 &&
	    w->sess.user_id == atoll(web_value(w, 0, 0, 1)))
		html_raw(H, "<p>Vous êtes connecté·e : vous pouvez maintenant "
		    "contribuer. <a href=\"/\">Aller à la consultation</a></p>"
		    "\n");
	else
		html_raw(H, "<p>Vous n'êtes pas connecté·e sur cet appareil : "
		    "<a href=\"/connexion\">connectez-vous</a> pour "
		    "contribuer.</p>\n");
	page_end(w);
	return (web_send(w, 200));
}

/* POST /verification/renvoi: a new verification link for the signed-in,
 * not yet verified account. Raises 403 without a valid CSRF token, 429
 * after too many. */
int
verify_resend(struct web_req *w)
{
	char		 uid[24], hours[24], th[TOKEN_HEX_LEN + 1], *url, *body;
	char		 rk[TOKEN_LEN + 1], ek[TOKEN_LEN + 1];
	long long	 wait;
	int		 r;

	snprintf(uid, sizeof(uid), "%lld", w->sess.user_id);
	account_setting("verify_hours", 48, 1, 24 * 30, hours);
	switch (w->step) {
	case 0:
		if (!csrf_valid(w))
			return (web_error(w, 403, CSRF_MSG));
		return (account_rate_query(w, RATE_VERIFY_RESEND, uid,
		    RATE_VERIFY_RESEND, uid));
	case 1:
		if ((wait = atoll(web_value(w, 0, 0, 0))) > 0)
			return (account_rate_refuse(w, wait));
		/* The address, for the link's e-mail key. */
		return (web_sql(w, sql_user_credentials, 1, uid));
	case 2:
		if (web_nrows(w, 1) != 1)
			return (web_error(w, 403, NULL));
		url = account_link("/verification", th);
		body = signup_mail(w->sess.name, url, hours);
		account_rate_key(RATE_VERIFY_RESEND, uid, rk);
		r = web_sql(w, sql_verify_resend, 7, uid, th, hours,
		    "Confirmez votre adresse électronique – Agora", body,
		    account_email_key(web_value(w, 1, 0, CRED_EMAIL), ek), rk);
		OPENSSL_cleanse(url, strlen(url));
		kore_free(url);
		kore_free(body);
		return (r);
	}
	web_flash(w, web_nrows(w, 2) == 1 ? "verify_resent" : "verified");
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
	form_summary(f);
	form_begin(w, "/connexion", "Se connecter");
	if (retour != NULL)
		hidden(w, "retour", retour);
	form_input(f, "courriel", "Adresse électronique", "email",
	    s ? s->email : NULL, NULL, "username", 1);
	form_input(f, "mot_de_passe", "Mot de passe", "password", NULL, NULL,
	    "current-password", 1);
	form_end(w, "Se connecter");
	html_raw(H, "<p><a href=\"/mot-de-passe-oublie\">Mot de passe "
	    "oublié ?</a></p>\n<p>Pas encore de compte ? "
	    "<a href=\"/inscription\">Créer un compte</a></p>\n");
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
	html_raw(H, "<h1>Vous êtes connecté·e</h1>\n<p>Vous êtes connecté·e "
	    "en tant que ");
	html_text(H, w->sess.name);
	html_raw(H, ".</p>\n");
	form_begin(w, "/deconnexion", "Se déconnecter partout");
	hidden(w, "partout", "1");
	form_end(w, "Se déconnecter de tous les appareils");
	page_end(w);
	return (web_send(w, 200));
}

/* POST /connexion. Raises 403 without a valid CSRF token, 429 after too
 * many failures for this address or this account, 422 when it fails. */
int
signin_submit(struct web_req *w)
{
	struct signin	*s = w->data;
	const char	*pw = web_arg(w, "mot_de_passe"), *stored;
	char		 th[TOKEN_HEX_LEN + 1], old[TOKEN_HEX_LEN + 1];
	long long	 wait;

	switch (w->step) {
	case 0:
		if (!csrf_valid(w))
			return (web_error(w, 403, CSRF_MSG));
		s = w->data = kore_calloc(1, sizeof(*s));
		w->data_free = signin_free;
		form_init(&s->f, w);
		s->retour = account_local_path(web_arg(w, "retour"));
		account_client_addr(w, s->addr);
		form_text(&s->f, "courriel", "Adresse électronique", 1,
		    ACCOUNT_EMAIL_MAX, 0, &s->email);
		if (pw == NULL || *pw == '\0')
			form_error(&s->f, "mot_de_passe", "Saisissez votre mot "
			    "de passe.");
		if (s->f.nerrors > 0)
			return (signin_page(w, s, 422));
		return (account_rate_query(w, RATE_SIGNIN_ACCOUNT, s->email,
		    RATE_SIGNIN_IP, s->addr));
	case 1:
		if ((wait = atoll(web_value(w, 0, 0, 0))) > 0)
			return (account_rate_refuse(w, wait));
		return (web_sql(w, sql_signin_lookup, 1, s->email));
	case 2:
		stored = web_nrows(w, 1) == 1 ? web_value(w, 1, 0, 1) : "";
		if (strlen(pw) > 4 * ACCOUNT_PASSWORD_MAX)
			return (web_password_verify(w, "", ""));
		return (web_password_verify(w, pw, stored));
	case 3:
		if (strcmp(w->task_out, "1") == 0 && web_nrows(w, 1) == 1) {
			if (token_random(s->token) == -1)
				return (web_error(w, 500, NULL));
			token_hash_hex(s->token, th);
			if (w->sess.user_id != 0)
				token_hash_hex(w->sess.token, old);
			return (web_sql(w, sql_session_create, 3,
			    web_value(w, 1, 0, 0), th,
			    w->sess.user_id != 0 ? old : NULL));
		}
		return (account_rate_hit(w, RATE_SIGNIN_ACCOUNT, s->email,
		    RATE_SIGNIN_IP, s->addr));
	case 4:
		/* A hash made with an older cost is replaced now. */
		if (s->token[0] != '\0' && password_needs_rehash(
		    web_value(w, 1, 0, 1), (int)settings_get_int(
		    "password_scrypt_ln", PASSWORD_LN_DEFAULT, 10, 20)))
			return (web_password_hash(w, pw));
		break;
	case 5:
		if (w->task_out[0] != '\0')
			return (web_sql(w, sql_password_rehash, 3,
			    web_value(w, 1, 0, 0), w->task_out,
			    web_value(w, 1, 0, 1)));
		break;
	}
	if (s->token[0] == '\0') {
		form_error(&s->f, "", "Adresse électronique ou mot de passe "
		    "incorrect.");
		return (signin_page(w, s, 422));
	}
	session_cookie_set(w, s->token);
	web_flash(w, strcmp(web_value(w, 1, 0, 2), "t") == 0 ? "signed_in" :
	    "signed_in_unverified");
	return (web_redirect(w, s->retour ? s->retour : "/"));
}

/* POST /deconnexion (partout=1: every session of the account). Raises 403
 * without a valid CSRF token. */
int
signout_submit(struct web_req *w)
{
	const char	*all = web_arg(w, "partout");
	char		 uid[24], th[TOKEN_HEX_LEN + 1];

	if (w->step == 0) {
		if (!csrf_valid(w))
			return (web_error(w, 403, CSRF_MSG));
		if (all != NULL && strcmp(all, "1") == 0) {
			snprintf(uid, sizeof(uid), "%lld", w->sess.user_id);
			return (web_sql(w, sql_session_end_all, 1, uid));
		}
		token_hash_hex(w->sess.token, th);
		return (web_sql(w, sql_session_end, 1, th));
	}
	session_cookie_clear(w);
	web_flash(w, "signed_out");
	return (web_redirect(w, "/"));
}
