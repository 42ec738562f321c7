/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The routing and authorisation table: every URL the application answers,
 * the methods it takes, and who may use it. The dispatcher checks the allow
 * mask before any handler runs; handlers only check ownership (is this my
 * contribution?). The first matching pattern wins.
 */

#include "web.h"

int	assets_serve(struct web_req *);
int	health_show(struct web_req *);
int	home_show(struct web_req *);
int	pages_show(struct web_req *);
int	themes_show(struct web_req *);
/* Accounts (accounts.c, recovery.c). */
int	signup_form(struct web_req *);
int	signup_submit(struct web_req *);
int	verify_show(struct web_req *);
int	verify_resend(struct web_req *);
int	signin_form(struct web_req *);
int	signin_submit(struct web_req *);
int	signout_submit(struct web_req *);
int	forgot_form(struct web_req *);
int	forgot_submit(struct web_req *);
int	reset_form(struct web_req *);
int	reset_submit(struct web_req *);
int	password_form(struct web_req *);
int	password_submit(struct web_req *);
int	email_form(struct web_req *);
int	email_submit(struct web_req *);

const struct route routes[] = {
	/* pattern		methods		allow		handler */
	{ "/",			METHOD_GET,	ALLOW_ALL,	home_show },
	{ "/themes/:slug",	METHOD_GET,	ALLOW_ALL,	themes_show },
	{ "/charte",		METHOD_GET,	ALLOW_ALL,	pages_show },
	{ "/confidentialite",	METHOD_GET,	ALLOW_ALL,	pages_show },
	{ "/accessibilite",	METHOD_GET,	ALLOW_ALL,	pages_show },
	{ "/healthz",		METHOD_GET,	ALLOW_ALL,	health_show },
	{ "/static/:file",	METHOD_GET,	ALLOW_ALL,	assets_serve },

	/* Accounts: sign-up, links sent by e-mail, sign-in, passwords. */
	{ "/inscription",	METHOD_GET,	ALLOW_ALL,	signup_form },
	{ "/inscription",	METHOD_POST,	ALLOW_ANON,	signup_submit },
	{ "/verification",	METHOD_GET,	ALLOW_ALL,	verify_show },
	{ "/verification/renvoi", METHOD_POST,	ALLOW_USER,	verify_resend },
	{ "/connexion",		METHOD_GET,	ALLOW_ALL,	signin_form },
	{ "/connexion",		METHOD_POST,	ALLOW_ALL,	signin_submit },
	{ "/deconnexion",	METHOD_POST,	ALLOW_SIGNED_IN, signout_submit },
	{ "/mot-de-passe-oublie", METHOD_GET,	ALLOW_ALL,	forgot_form },
	{ "/mot-de-passe-oublie", METHOD_POST,	ALLOW_ALL,	forgot_submit },
	{ "/reinitialisation",	METHOD_GET,	ALLOW_ALL,	reset_form },
	{ "/reinitialisation",	METHOD_POST,	ALLOW_ALL,	reset_submit },
	{ "/compte/mot-de-passe", METHOD_GET,	ALLOW_SIGNED_IN, password_form },
	{ "/compte/mot-de-passe", METHOD_POST,	ALLOW_SIGNED_IN, password_submit },
	{ "/compte/adresse",	METHOD_GET,	ALLOW_SIGNED_IN, email_form },
	{ "/compte/adresse",	METHOD_POST,	ALLOW_SIGNED_IN, email_submit },
};

const size_t nroutes = sizeof(routes) / sizeof(routes[0]);
