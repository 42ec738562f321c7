/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The back channel: the code exchange (with the client's authentication),
 * the ID token's checks, the userinfo and the identity claims.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <rhonabwy.h>

#include "oidc_int.h"

/* private_key_jwt (RFC 7523): a short-lived assertion signed by our key. */
static char *
client_assertion(const struct oidc_provider *p, time_t now)
{
	const struct oidc_config *c = &p->cfg;
	unsigned char		 raw[24];
	char			 jti[40], *out = NULL;
	jwk_t			*k = NULL;
	jwt_t			*j = NULL;
	int			 t;

	if (c->private_key_pem == NULL || RAND_bytes(raw, sizeof(raw)) != 1)
		return (NULL);
	oidc_b64url(raw, sizeof(raw), jti);
	if (r_jwk_init(&k) != RHN_OK || r_jwk_import_from_pem_der(k,
	    R_X509_TYPE_PRIVKEY, R_FORMAT_PEM,
	    (const unsigned char *)c->private_key_pem,
	    strlen(c->private_key_pem)) != RHN_OK || r_jwt_init(&j) != RHN_OK)
		goto out;
	t = r_jwk_key_type(k, NULL, R_FLAG_IGNORE_REMOTE);
	if (r_jwt_set_sign_alg(j, (t & R_KEY_TYPE_EC) ? R_JWA_ALG_ES256 :
	    R_JWA_ALG_RS256) != RHN_OK)
		goto out;
	if (c->private_key_kid != NULL)
		r_jwt_set_header_str_value(j, "kid", c->private_key_kid);
	if (r_jwt_set_claim_str_value(j, "iss", c->client_id) != RHN_OK ||
	    r_jwt_set_claim_str_value(j, "sub", c->client_id) != RHN_OK ||
	    r_jwt_set_claim_str_value(j, "aud", p->token_endpoint) != RHN_OK ||
	    r_jwt_set_claim_str_value(j, "jti", jti) != RHN_OK ||
	    r_jwt_set_claim_int_value(j, "iat", now) != RHN_OK ||
	    r_jwt_set_claim_int_value(j, "exp", now + 60) != RHN_OK)
		goto out;
	out = r_jwt_serialize_signed(j, k, R_FLAG_IGNORE_REMOTE);
out:
	r_jwt_free(j);
	r_jwk_free(k);
	return (out);
}

/*
 * The token endpoint's error: our credentials, or the code itself. A 401
 * or 403 without an OAuth error is the client's authentication refused
 * before the code was looked at (glewlwyd answers a private_key_jwt
 * assertion it cannot verify with an empty 403).
 */
static enum oidc_err
grant_error(const struct oidc_http *r)
{
	json_t		*doc;
	const char	*e;
	enum oidc_err	 err = OIDC_ERR_GRANT;

	if (r->status >= 500)
		return (OIDC_ERR_HTTP);
	doc = json_loadb(r->body, r->len, 0, NULL);
	e = json_string_value(json_object_get(doc, "error"));
	if (e != NULL && (strcmp(e, "invalid_client") == 0 ||
	    strcmp(e, "unauthorized_client") == 0))
		err = OIDC_ERR_CONFIG;
	if ((r->status == 401 || r->status == 403) && e == NULL)
		err = OIDC_ERR_CONFIG;
	json_decref(doc);
	return (err);
}

enum oidc_err
oidc_exchange_code(struct oidc_provider *p, const char *code,
    const char *verifier, time_t now, struct oidc_tokens *t)
{
	const struct oidc_config *c = &p->cfg;
	struct oidc_buf		 f = { NULL, 0, 0, 0 };
	struct oidc_http	 r;
	enum oidc_err		 err;
	const char		*user = NULL, *pass = NULL, *id, *at, *tt;
	char			*form, *assertion = NULL;
	json_t			*doc;

	memset(t, 0, sizeof(*t));
	if (p->token_endpoint == NULL || code == NULL || verifier == NULL ||
	    code[0] == '\0')
		return (code == NULL || code[0] == '\0' ? OIDC_ERR_GRANT :
		    OIDC_ERR_CONFIG);
	oidc_buf_param(&f, "grant_type", "authorization_code");
	oidc_buf_param(&f, "code", code);
	oidc_buf_param(&f, "redirect_uri", c->redirect_uri);
	oidc_buf_param(&f, "code_verifier", verifier);
	switch (c->auth) {
	case OIDC_AUTH_SECRET_BASIC:
		user = c->client_id;
		pass = c->client_secret;
		break;
	case OIDC_AUTH_SECRET_POST:
		oidc_buf_param(&f, "client_id", c->client_id);
		oidc_buf_param(&f, "client_secret", c->client_secret ?
		    c->client_secret : "");
		break;
	case OIDC_AUTH_PRIVATE_KEY_JWT:
		if ((assertion = client_assertion(p, now)) == NULL) {
			free(oidc_buf_take(&f));
			return (OIDC_ERR_CONFIG);
		}
		oidc_buf_param(&f, "client_id", c->client_id);
		oidc_buf_param(&f, "client_assertion_type",
		    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		oidc_buf_param(&f, "client_assertion", assertion);
		r_free(assertion);
		break;
	}
	if ((form = oidc_buf_take(&f)) == NULL)
		return (OIDC_ERR_CONFIG);
	err = oidc_http_post(c, p->token_endpoint, form, user, pass, &r);
	OPENSSL_cleanse(form, strlen(form));
	free(form);
	if (err != OIDC_OK)
		return (err);
	if (r.status != 200) {
		err = grant_error(&r);
		oidc_http_cleanup(&r);
		return (err);
	}
	doc = json_loadb(r.body, r.len, 0, NULL);
	oidc_http_cleanup(&r);
	id = json_string_value(json_object_get(doc, "id_token"));
	at = json_string_value(json_object_get(doc, "access_token"));
	tt = json_string_value(json_object_get(doc, "token_type"));
	err = OIDC_ERR_RESPONSE;
	if (id != NULL && at != NULL && tt != NULL &&
	    strcasecmp(tt, "bearer") == 0 &&
	    (t->id_token = strdup(id)) != NULL &&
	    (t->access_token = strdup(at)) != NULL)
		err = OIDC_OK;
	json_decref(doc);
	if (err != OIDC_OK)
		oidc_tokens_cleanup(t);
	return (err);
}

void
oidc_tokens_cleanup(struct oidc_tokens *t)
{
	if (t->id_token != NULL) {
		OPENSSL_cleanse(t->id_token, strlen(t->id_token));
		free(t->id_token);
	}
	if (t->access_token != NULL) {
		OPENSSL_cleanse(t->access_token, strlen(t->access_token));
		free(t->access_token);
	}
	memset(t, 0, sizeof(*t));
}

/* Copies claim key when it is a string; -1 when it is too long or not one. */
static int
claim(json_t *doc, const char *key, char *dst, size_t len, int *present)
{
	json_t	*v = json_object_get(doc, key);

	if (v == NULL || json_is_null(v))
		return (0);
	if (!json_is_string(v) || json_string_length(v) >= len ||
	    strlen(json_string_value(v)) != json_string_length(v))
		return (-1);
	snprintf(dst, len, "%s", json_string_value(v));
	if (present != NULL)
		*present = 1;
	return (0);
}

static enum oidc_err
identity_claims(json_t *doc, struct oidc_identity *id)
{
	if (claim(doc, "given_name", id->given_name, sizeof(id->given_name),
	    NULL) == -1 || claim(doc, "family_name", id->family_name,
	    sizeof(id->family_name), NULL) == -1 || claim(doc, "birthdate",
	    id->birthdate, sizeof(id->birthdate), NULL) == -1 ||
	    claim(doc, "birthplace", id->birthplace, sizeof(id->birthplace),
	    &id->has_birthplace) == -1 || claim(doc, "birthcountry",
	    id->birthcountry, sizeof(id->birthcountry), NULL) == -1 ||
	    claim(doc, "gender", id->gender, sizeof(id->gender), NULL) == -1 ||
	    claim(doc, "preferred_username", id->preferred_username,
	    sizeof(id->preferred_username), NULL) == -1 ||
	    claim(doc, "email", id->email, sizeof(id->email), NULL) == -1)
		return (OIDC_ERR_CLAIM);
	return (OIDC_OK);
}

/* aud is client_id or a list holding it; azp, when present or needed. */
static int
audience_ok(json_t *doc, const char *client_id)
{
	json_t		*aud = json_object_get(doc, "aud"), *v;
	const char	*azp = json_string_value(json_object_get(doc, "azp"));
	size_t		 i;
	int		 found = 0;

	if (json_is_string(aud))
		found = oidc_equal(json_string_value(aud), client_id);
	else if (json_is_array(aud)) {
		json_array_foreach(aud, i, v)
			if (oidc_equal(json_string_value(v), client_id))
				found = 1;
		if (json_array_size(aud) > 1 && azp == NULL)
			return (0);
	}
	if (json_object_get(doc, "azp") != NULL && !oidc_equal(azp, client_id))
		return (0);
	return (found);
}

/* 1 when acr is one of the space-separated words of allowed. */
static int
acr_ok(const char *acr, const char *allowed)
{
	size_t		 n = strlen(acr), w;
	const char	*s = allowed;

	if (allowed == NULL || allowed[0] == '\0')
		return (1);
	while (*s != '\0') {
		while (*s == ' ')
			s++;
		w = strcspn(s, " ");
		if (w == n && w > 0 && strncmp(s, acr, n) == 0)
			return (1);
		s += w;
	}
	return (0);
}

static enum oidc_err
id_token_claims(const struct oidc_config *c, json_t *doc, const char *nonce,
    time_t now, struct oidc_identity *id)
{
	json_t		*exp = json_object_get(doc, "exp");
	json_t		*iat = json_object_get(doc, "iat");
	json_t		*at = json_object_get(doc, "auth_time");

	if (!oidc_equal(json_string_value(json_object_get(doc, "iss")),
	    c->issuer))
		return (OIDC_ERR_ISSUER);
	if (!audience_ok(doc, c->client_id))
		return (OIDC_ERR_AUDIENCE);
	if (!json_is_integer(exp) || json_integer_value(exp) + c->clock_skew <
	    now)
		return (OIDC_ERR_EXPIRED);
	if (!json_is_integer(iat) || json_integer_value(iat) - c->clock_skew >
	    now)
		return (OIDC_ERR_IAT);
	if (nonce == NULL || !oidc_equal(json_string_value(
	    json_object_get(doc, "nonce")), nonce))
		return (OIDC_ERR_NONCE);
	if (claim(doc, "sub", id->sub, sizeof(id->sub), NULL) == -1 ||
	    id->sub[0] == '\0')
		return (OIDC_ERR_CLAIM);
	if (claim(doc, "acr", id->acr, sizeof(id->acr), NULL) == -1)
		return (OIDC_ERR_ACR);
	if (!acr_ok(id->acr, c->acr_allowed))
		return (OIDC_ERR_ACR);
	if (json_is_integer(at) && json_integer_value(at) > 0)
		id->auth_time = (time_t)json_integer_value(at);
	return (identity_claims(doc, id));
}

enum oidc_err
oidc_id_token_verify(struct oidc_provider *p, const char *jwt,
    const char *nonce, time_t now, struct oidc_identity *id)
{
	enum oidc_err	 err;
	void		*doc;

	memset(id, 0, sizeof(*id));
	if ((err = oidc_jws_verify(p, jwt, now, &doc, id->alg)) != OIDC_OK)
		return (err);
	err = id_token_claims(&p->cfg, doc, nonce, now, id);
	json_decref(doc);
	if (err != OIDC_OK) {
		OPENSSL_cleanse(id, sizeof(*id));
		memset(id, 0, sizeof(*id));
	}
	return (err);
}

int
oidc_identity_complete(const struct oidc_identity *id)
{
	if (id->given_name[0] == '\0' || id->family_name[0] == '\0' ||
	    id->birthdate[0] == '\0' || id->gender[0] == '\0' ||
	    id->birthcountry[0] == '\0')
		return (0);
	/* Born in France: the commune; born abroad: FranceConnect sends "",
	 * some providers leave the claim out. */
	if (strcmp(id->birthcountry, "99100") == 0)
		return (id->birthplace[0] != '\0');
	return (1);
}

/* A signed userinfo: signature as an ID token's, iss and aud if present. */
static enum oidc_err
userinfo_jwt(struct oidc_provider *p, const char *body, time_t now,
    json_t **doc)
{
	enum oidc_err	 err;
	char		 alg[8];
	void		*claims;

	if ((err = oidc_jws_verify(p, body, now, &claims, alg)) != OIDC_OK)
		return (err);
	*doc = claims;
	if (json_object_get(*doc, "iss") != NULL && !oidc_equal(
	    json_string_value(json_object_get(*doc, "iss")), p->cfg.issuer))
		return (OIDC_ERR_ISSUER);
	if (json_object_get(*doc, "aud") != NULL &&
	    !audience_ok(*doc, p->cfg.client_id))
		return (OIDC_ERR_AUDIENCE);
	return (OIDC_OK);
}

enum oidc_err
oidc_userinfo(struct oidc_provider *p, const char *access_token,
    time_t now, struct oidc_identity *id)
{
	struct oidc_http	 r;
	enum oidc_err		 err;
	json_t			*doc = NULL;
	char			 sub[OIDC_CLAIM_MAX] = "";

	if (p->userinfo_endpoint == NULL || access_token == NULL)
		return (OIDC_ERR_CONFIG);
	err = oidc_http_get(&p->cfg, p->userinfo_endpoint, access_token,
	    "application/json, application/jwt", &r);
	if (err != OIDC_OK)
		return (err);
	if (r.status != 200) {
		err = r.status == 401 || r.status == 403 ? OIDC_ERR_GRANT :
		    OIDC_ERR_HTTP;
		oidc_http_cleanup(&r);
		return (err);
	}
	if (strcmp(r.ctype, "application/jwt") == 0)
		err = userinfo_jwt(p, r.body, now, &doc);
	else if ((doc = json_loadb(r.body, r.len, 0, NULL)) == NULL ||
	    !json_is_object(doc))
		err = OIDC_ERR_RESPONSE;
	oidc_http_cleanup(&r);
	if (err == OIDC_OK) {
		if (claim(doc, "sub", sub, sizeof(sub), NULL) == -1 ||
		    !oidc_equal(sub, id->sub))
			err = OIDC_ERR_SUBJECT;
		else if ((err = identity_claims(doc, id)) == OIDC_OK &&
		    !oidc_identity_complete(id))
			err = OIDC_ERR_CLAIM;
	}
	json_decref(doc);
	return (err);
}
