/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <arpa/inet.h>
#include <sys/socket.h>

#include <string.h>

#include <openssl/crypto.h>

#include "../../core/keyed_hash.h"
#include "../../core/netaddr.h"
#include "../../core/roles.h"
#include "../../core/route.h"
#include "../../core/settings.h"
#include "../../core/text.h"
#include "../../core/token.h"
#include "../../db/accounts.h"
#include "../kernel/app.h"
#include "account.h"

/* Each bucket and its two settings (limit_<bucket>_max, _minutes). */
static const struct {
	const char	*bucket;
	enum setting_id	 max;
	enum setting_id	 minutes;
} rate_defaults[RATE__MAX] = {
	{ "signin_account", SET_LIMIT_SIGNIN_ACCOUNT_MAX,
	  SET_LIMIT_SIGNIN_ACCOUNT_MINUTES },	/* RATE_SIGNIN_ACCOUNT */
	{ "signin_ip", SET_LIMIT_SIGNIN_IP_MAX,
	  SET_LIMIT_SIGNIN_IP_MINUTES },	/* RATE_SIGNIN_IP */
	{ "signup_ip", SET_LIMIT_SIGNUP_IP_MAX,
	  SET_LIMIT_SIGNUP_IP_MINUTES },	/* RATE_SIGNUP_IP */
	{ "reset_ip", SET_LIMIT_RESET_IP_MAX,
	  SET_LIMIT_RESET_IP_MINUTES },		/* RATE_RESET_IP */
	{ "reset_email", SET_LIMIT_RESET_EMAIL_MAX,
	  SET_LIMIT_RESET_EMAIL_MINUTES },	/* RATE_RESET_EMAIL */
	{ "verify_resend", SET_LIMIT_VERIFY_RESEND_MAX,
	  SET_LIMIT_VERIFY_RESEND_MINUTES },	/* RATE_VERIFY_RESEND */
	{ "email_change", SET_LIMIT_EMAIL_CHANGE_MAX,
	  SET_LIMIT_EMAIL_CHANGE_MINUTES },	/* RATE_EMAIL_CHANGE */
	{ "contact_ip", SET_LIMIT_CONTACT_IP_MAX,
	  SET_LIMIT_CONTACT_IP_MINUTES },	/* RATE_CONTACT_IP */
	{ "paper_ip", SET_LIMIT_PAPER_IP_MAX,
	  SET_LIMIT_PAPER_IP_MINUTES },		/* RATE_PAPER_IP */
};

void
account_client_addr(struct web_req *w, char out[ADDR_LEN])
{
	struct connection	*c = w->req->owner;
	const char		*xff, *last;
	char			 tmp[ADDR_LEN];
	size_t			 len;

	snprintf(out, ADDR_LEN, "unknown");
	if (settings_int(SET_TRUST_PROXY) == 1 &&
	    http_request_header(w->req, "x-forwarded-for", &xff)) {
		last = strrchr(xff, ',');
		last = last ? last + 1 : xff;
		while (*last == ' ' || *last == '\t')
			last++;
		len = strcspn(last, " \t");
		if (len > 0 && len < sizeof(tmp)) {
			memcpy(tmp, last, len);
			tmp[len] = '\0';
			if (netaddr_bucket(tmp, out) == 0)
				return;
		}
	}
	if (c == NULL)
		return;
	if (c->family == AF_INET)
		inet_ntop(AF_INET, &c->addr.ipv4.sin_addr, tmp, sizeof(tmp));
	else if (c->family == AF_INET6)
		inet_ntop(AF_INET6, &c->addr.ipv6.sin6_addr, tmp, sizeof(tmp));
	else
		return;
	if (netaddr_bucket(tmp, out) == -1)
		snprintf(out, ADDR_LEN, "unknown");
}

/* The limit of kind: limit_<bucket>_max and _minutes (settings.def). */
static void
rate_limit(enum rate_kind kind, long long *max, long long *minutes)
{
	*max = settings_int(rate_defaults[kind].max);
	*minutes = settings_int(rate_defaults[kind].minutes);
}

void
account_rate_key(enum rate_kind kind, const char *raw, char out[TOKEN_LEN + 1])
{
	keyed_rate(app.secret, app.secret_len, rate_defaults[kind].bucket, raw,
	    out);
}

const char *
account_email_key(const char *email, char out[TOKEN_LEN + 1])
{
	keyed_email(app.secret, app.secret_len, email, out);
	return (out[0] != '\0' ? out : NULL);
}

/* Queues st (sql_rate_wait or sql_rate_take) for limits a and b. */
static int
rate_pair(struct web_req *w, int q, const struct db_stmt *st,
    enum rate_kind a, const char *akey, enum rate_kind b, const char *bkey)
{
	long long	amax, amin, bmax, bmin;
	char		ka[TOKEN_LEN + 1], kb[TOKEN_LEN + 1];

	rate_limit(a, &amax, &amin);
	rate_limit(b, &bmax, &bmin);
	account_rate_key(a, akey, ka);
	account_rate_key(b, bkey, kb);
	return (web_query(w, q, st,
	    DB_TEXT(rate_defaults[a].bucket), DB_TEXT(ka), DB_INT(amax),
	    DB_INT(amin), DB_TEXT(rate_defaults[b].bucket), DB_TEXT(kb),
	    DB_INT(bmax), DB_INT(bmin)));
}

int
account_rate_query(struct web_req *w, int q, enum rate_kind a,
    const char *akey, enum rate_kind b, const char *bkey)
{
	return (rate_pair(w, q, &sql_rate_wait, a, akey, b, bkey));
}

int
account_rate_take(struct web_req *w, int q, enum rate_kind a,
    const char *akey, enum rate_kind b, const char *bkey)
{
	return (rate_pair(w, q, &sql_rate_take, a, akey, b, bkey));
}

int
account_rate_give(struct web_req *w, int q, enum rate_kind a,
    const char *akey, enum rate_kind b, const char *bkey, const char *at)
{
	char	ka[TOKEN_LEN + 1], kb[TOKEN_LEN + 1];

	account_rate_key(a, akey, ka);
	account_rate_key(b, bkey, kb);
	return (web_query(w, q, &sql_rate_give,
	    DB_TEXT(rate_defaults[a].bucket), DB_TEXT(ka),
	    DB_TEXT(rate_defaults[b].bucket), DB_TEXT(kb), DB_TEXT(at)));
}

const char *
account_net_key(struct web_req *w, const char *email, const char *net)
{
	return (web_printf(w, "%s|%s", email, net));
}

long long
account_rate_wait(struct web_req *w, int q)
{
	return (web_int(w, q, 0, ARW_SECONDS));
}

int
account_rate_hit(struct web_req *w, int q, enum rate_kind a, const char *akey,
    enum rate_kind b, const char *bkey)
{
	char	ka[TOKEN_LEN + 1], kb[TOKEN_LEN + 1];

	account_rate_key(a, akey, ka);
	account_rate_key(b, bkey, kb);
	return (web_query(w, q, &sql_rate_hit,
	    DB_TEXT(rate_defaults[a].bucket), DB_TEXT(ka),
	    DB_TEXT(rate_defaults[b].bucket), DB_TEXT(kb)));
}

int
account_rate_hit_one(struct web_req *w, int q, enum rate_kind a,
    const char *akey)
{
	char	ka[TOKEN_LEN + 1];

	account_rate_key(a, akey, ka);
	return (web_query(w, q, &sql_rate_hit_one,
	    DB_TEXT(rate_defaults[a].bucket), DB_TEXT(ka)));
}

int
account_rate_refuse(struct web_req *w, long long seconds)
{
	long long	minutes = (seconds + 59) / 60;

	if (minutes < 1)
		minutes = 1;
	http_response_header(w->req, "retry-after",
	    web_printf(w, "%lld", seconds));
	return (web_error(w, 429, web_printf(w, "Vous avez fait trop de "
	    "tentatives en peu de temps. Par sécurité, cette action est "
	    "suspendue. Réessayez dans %lld minute%s.", minutes,
	    minutes > 1 ? "s" : "")));
}

int
account_password_field(struct form *f, const char *field, const char *pw,
    const char *name, const char *email)
{
	const char	*msg;

	if ((msg = account_password_message(pw, name, email)) == NULL)
		return (1);
	form_error(f, field, "%s", msg);
	return (0);
}

char *
account_link(struct web_req *w, const char *path, char tok_hash[65])
{
	char	 tok[TOKEN_LEN + 1];
	char	*url;

	if (token_random(tok) == -1)
		fatal("account_link: no randomness");
	token_hash_hex(tok, tok_hash);
	url = web_printf(w, "%s%s?jeton=%s", app.base_url, path, tok);
	OPENSSL_cleanse(tok, sizeof(tok));
	return (url);
}

void
account_roles_write(struct web_req *w, const char *csv)
{
	unsigned int	bits = roles_parse(csv);
	size_t		i;
	int		n = 0;

	for (i = 0; i < ROLES_COUNT; i++) {
		if (!(bits & role_at(i)))
			continue;
		if (n++ > 0)
			html_raw(H, ", ");
		html_text(H, role_label_fr(role_at(i)));
	}
	if (n == 0)
		html_raw(H, "aucun");
}

void
account_forget(char *s)
{
	OPENSSL_cleanse(s, strlen(s));
}

const char *
account_local_path(const char *s)
{
	return (route_local_path(s));	/* app/core/route.c, fuzzed */
}
