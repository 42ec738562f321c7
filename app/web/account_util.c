/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <arpa/inet.h>
#include <sys/socket.h>

#include <string.h>

#include <openssl/crypto.h>

#include "../core/route.h"
#include "../core/settings.h"
#include "../core/text.h"
#include "../core/token.h"
#include "../db/accounts.h"
#include "account.h"
#include "app.h"

static const struct {
	const char	*bucket;
	long long	 max;
	long long	 minutes;
} rate_defaults[RATE__MAX] = {
	{ "signin_account",	5,	15 },	/* RATE_SIGNIN_ACCOUNT */
	{ "signin_ip",		20,	15 },	/* RATE_SIGNIN_IP */
	{ "signup_ip",		5,	60 },	/* RATE_SIGNUP_IP */
	{ "reset_ip",		5,	60 },	/* RATE_RESET_IP */
	{ "reset_email",	3,	60 },	/* RATE_RESET_EMAIL */
	{ "verify_resend",	3,	60 },	/* RATE_VERIFY_RESEND */
};

static int
addr_parse(const char *s, char out[ADDR_LEN])
{
	unsigned char	buf[sizeof(struct in6_addr)];

	if (inet_pton(AF_INET, s, buf) == 1)
		return (inet_ntop(AF_INET, buf, out, ADDR_LEN) != NULL);
	if (inet_pton(AF_INET6, s, buf) == 1)
		return (inet_ntop(AF_INET6, buf, out, ADDR_LEN) != NULL);
	return (0);
}

void
account_client_addr(struct web_req *w, char out[ADDR_LEN])
{
	struct connection	*c = w->req->owner;
	const char		*xff, *last;
	char			 tmp[ADDR_LEN];
	size_t			 len;

	snprintf(out, ADDR_LEN, "unknown");
	if (settings_get_int("trust_proxy", 0, 0, 1) == 1 &&
	    http_request_header(w->req, "x-forwarded-for", &xff)) {
		last = strrchr(xff, ',');
		last = last ? last + 1 : xff;
		while (*last == ' ' || *last == '\t')
			last++;
		len = strcspn(last, " \t");
		if (len > 0 && len < sizeof(tmp)) {
			memcpy(tmp, last, len);
			tmp[len] = '\0';
			if (addr_parse(tmp, out))
				return;
		}
	}
	if (c == NULL)
		return;
	if (c->family == AF_INET)
		inet_ntop(AF_INET, &c->addr.ipv4.sin_addr, out, ADDR_LEN);
	else if (c->family == AF_INET6)
		inet_ntop(AF_INET6, &c->addr.ipv6.sin6_addr, out, ADDR_LEN);
}

void
account_setting(const char *key, long long def, long long min, long long max,
    char out[24])
{
	snprintf(out, 24, "%lld", settings_get_int(key, def, min, max));
}

void
account_rate(enum rate_kind kind, struct rate_limit *r)
{
	char	key[64];

	r->bucket = rate_defaults[kind].bucket;
	snprintf(key, sizeof(key), "limit_%s_max", r->bucket);
	snprintf(r->max, sizeof(r->max), "%lld",
	    settings_get_int(key, rate_defaults[kind].max, 1, 1000000));
	snprintf(key, sizeof(key), "limit_%s_minutes", r->bucket);
	snprintf(r->minutes, sizeof(r->minutes), "%lld",
	    settings_get_int(key, rate_defaults[kind].minutes, 1, 60 * 24));
}

int
account_rate_query(struct web_req *w, enum rate_kind a, const char *akey,
    enum rate_kind b, const char *bkey)
{
	struct rate_limit	ra, rb;

	account_rate(a, &ra);
	account_rate(b, &rb);
	return (web_sql(w, sql_rate_wait, 8, ra.bucket, akey, ra.max,
	    ra.minutes, rb.bucket, bkey, rb.max, rb.minutes));
}

int
account_rate_refuse(struct web_req *w, long long seconds)
{
	char		 msg[256], hdr[24];
	long long	 minutes = (seconds + 59) / 60;

	if (minutes < 1)
		minutes = 1;
	snprintf(hdr, sizeof(hdr), "%lld", seconds);
	http_response_header(w->req, "retry-after", hdr);
	snprintf(msg, sizeof(msg), "Vous avez fait trop de tentatives en peu "
	    "de temps. Par sécurité, cette action est suspendue. Réessayez "
	    "dans %lld minute%s.", minutes, minutes > 1 ? "s" : "");
	return (web_error(w, 429, msg));
}

int
account_password_field(struct form *f, const char *field, const char *pw,
    const char *name, const char *email)
{
	if (pw == NULL || *pw == '\0') {
		form_error(f, field, "Choisissez un mot de passe.");
		return (0);
	}
	switch (account_password_check(pw, name, email)) {
	case ACCOUNT_PW_OK:
		return (1);
	case ACCOUNT_PW_SHORT:
		form_error(f, field, "Le mot de passe doit contenir au moins "
		    "%d caractères.", ACCOUNT_PASSWORD_MIN);
		break;
	case ACCOUNT_PW_LONG:
		form_error(f, field, "Le mot de passe ne doit pas dépasser "
		    "%d caractères.", ACCOUNT_PASSWORD_MAX);
		break;
	case ACCOUNT_PW_ENCODING:
		form_error(f, field, "Le mot de passe contient des caractères "
		    "invalides (encodage non UTF-8 ou caractères de "
		    "contrôle).");
		break;
	case ACCOUNT_PW_NAME:
		form_error(f, field, "Le mot de passe ne doit pas contenir "
		    "votre nom d'affichage.");
		break;
	case ACCOUNT_PW_EMAIL:
		form_error(f, field, "Le mot de passe ne doit pas contenir "
		    "votre adresse électronique (la partie avant « @ »).");
		break;
	}
	return (0);
}

char *
account_link(const char *path, char tok_hash[65])
{
	char		 tok[TOKEN_LEN + 1];
	struct kore_buf	 b;
	char		*url;

	if (token_random(tok) == -1)
		fatal("account_link: no randomness");
	token_hash_hex(tok, tok_hash);
	kore_buf_init(&b, 256);
	kore_buf_appendf(&b, "%s%s?jeton=%s", app.base_url, path, tok);
	url = kore_strdup(kore_buf_stringify(&b, NULL));
	kore_buf_cleanup(&b);
	OPENSSL_cleanse(tok, sizeof(tok));
	return (url);
}

const char *
account_local_path(const char *s)
{
	return (route_local_path(s));	/* app/core/route.c, fuzzed */
}
