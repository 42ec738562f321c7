/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The provider: settings, discovery document, JWKS cache with rotation, and
 * the signature check every token goes through (oidc_jws_verify).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <jansson.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <rhonabwy.h>

#include "oidc_int.h"
#include "settings.h"

#define KEY_FILE_MAX	16384

static char	key_pem[KEY_FILE_MAX];	/* oidc_client_key_load() */
static int	key_loaded;

enum oidc_err
oidc_client_key_load(const char *path)
{
	FILE	*f;
	size_t	 n;

	if (path == NULL || (f = fopen(path, "r")) == NULL)
		return (OIDC_ERR_CONFIG);
	n = fread(key_pem, 1, sizeof(key_pem) - 1, f);
	fclose(f);
	if (n == 0 || n == sizeof(key_pem) - 1) {
		OPENSSL_cleanse(key_pem, sizeof(key_pem));
		return (OIDC_ERR_CONFIG);
	}
	key_pem[n] = '\0';
	key_loaded = 1;
	return (OIDC_OK);
}

enum oidc_err
oidc_config_from_settings(struct oidc_config *c)
{
	const char	*auth;

	memset(c, 0, sizeof(*c));
	c->issuer = settings_text(SET_OIDC_ISSUER);
	c->client_id = settings_text(SET_OIDC_CLIENT_ID);
	c->client_secret = settings_text(SET_OIDC_CLIENT_SECRET);
	c->private_key_kid = settings_text(SET_OIDC_CLIENT_KEY_ID);
	c->redirect_uri = settings_text(SET_OIDC_REDIRECT_URI);
	c->post_logout_redirect_uri =
	    settings_text(SET_OIDC_POST_LOGOUT_REDIRECT_URI);
	c->scopes = settings_text(SET_OIDC_SCOPES);
	c->acr_values = settings_text(SET_OIDC_ACR_VALUES);
	c->acr_allowed = settings_text(SET_OIDC_ACR_ALLOWED);
	c->claims = settings_text(SET_OIDC_CLAIMS);
	c->timeout_ms = settings_int(SET_OIDC_TIMEOUT_MS);
	c->connect_timeout_ms = settings_int(SET_OIDC_CONNECT_TIMEOUT_MS);
	c->jwks_min_interval = (int)settings_int(SET_OIDC_JWKS_MIN_INTERVAL);
	c->clock_skew = (int)settings_int(SET_OIDC_CLOCK_SKEW);
	c->allow_http_loopback = (int)settings_int(SET_OIDC_ALLOW_HTTP_LOOPBACK);
	/* One of the three: settings_load() refuses any other word. */
	auth = settings_text(SET_OIDC_AUTH_METHOD);
	if (strcmp(auth, "client_secret_basic") == 0)
		c->auth = OIDC_AUTH_SECRET_BASIC;
	else if (strcmp(auth, "client_secret_post") == 0)
		c->auth = OIDC_AUTH_SECRET_POST;
	else if (strcmp(auth, "private_key_jwt") == 0)
		c->auth = OIDC_AUTH_PRIVATE_KEY_JWT;
	else
		return (OIDC_ERR_CONFIG);
	if (c->auth == OIDC_AUTH_PRIVATE_KEY_JWT) {
		if (!key_loaded && oidc_client_key_load(
		    settings_text(SET_OIDC_CLIENT_KEY_FILE)) != OIDC_OK)
			return (OIDC_ERR_CONFIG);
		c->private_key_pem = key_pem;
	}
	if (c->issuer == NULL || c->client_id == NULL ||
	    c->redirect_uri == NULL ||
	    (c->auth != OIDC_AUTH_PRIVATE_KEY_JWT && c->client_secret == NULL))
		return (OIDC_ERR_CONFIG);
	return (OIDC_OK);
}

int
oidc_provider_init(struct oidc_provider *p, const struct oidc_config *cfg)
{
	memset(p, 0, sizeof(*p));
	p->cfg = *cfg;
	if (p->cfg.timeout_ms <= 0)
		p->cfg.timeout_ms = 5000;
	if (p->cfg.connect_timeout_ms <= 0)
		p->cfg.connect_timeout_ms = 2000;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return (-1);
	if (pthread_mutex_init(&p->lock, NULL) != 0)
		return (-1);
	return (0);
}

void
oidc_provider_cleanup(struct oidc_provider *p)
{
	free(p->authorization_endpoint);
	free(p->token_endpoint);
	free(p->userinfo_endpoint);
	free(p->jwks_uri);
	free(p->end_session_endpoint);
	if (p->jwks != NULL)
		r_jwks_free(p->jwks);
	pthread_mutex_destroy(&p->lock);
	memset(p, 0, sizeof(*p));
}

/* Copies the endpoint key of doc into *dst; -1 when absent or not allowed. */
static int
endpoint(struct oidc_provider *p, json_t *doc, const char *key, char **dst,
    int required)
{
	const char	*v = json_string_value(json_object_get(doc, key));

	free(*dst);
	*dst = NULL;
	if (v == NULL)
		return (required ? -1 : 0);
	if (!oidc_url_allowed(&p->cfg, v))
		return (-1);
	return ((*dst = strdup(v)) == NULL ? -1 : 0);
}

enum oidc_err
oidc_discover(struct oidc_provider *p)
{
	struct oidc_buf		 url = { NULL, 0, 0, 0 };
	struct oidc_http	 r;
	enum oidc_err		 err;
	json_t			*doc;
	char			*u;
	size_t			 n;

	if (p->cfg.issuer == NULL || !oidc_url_allowed(&p->cfg, p->cfg.issuer))
		return (OIDC_ERR_CONFIG);
	n = strlen(p->cfg.issuer);
	oidc_buf_add(&url, p->cfg.issuer, n > 0 && p->cfg.issuer[n - 1] == '/' ?
	    n - 1 : n);
	oidc_buf_str(&url, "/.well-known/openid-configuration");
	if ((u = oidc_buf_take(&url)) == NULL)
		return (OIDC_ERR_CONFIG);
	err = oidc_http_get(&p->cfg, u, NULL, NULL, &r);
	free(u);
	if (err != OIDC_OK)
		return (err);
	if (r.status != 200) {
		oidc_http_cleanup(&r);
		return (OIDC_ERR_HTTP);
	}
	doc = json_loadb(r.body, r.len, 0, NULL);
	oidc_http_cleanup(&r);
	if (!json_is_object(doc)) {
		json_decref(doc);
		return (OIDC_ERR_RESPONSE);
	}
	/* OpenID Connect Discovery 1.0, 4.3: the issuer must be identical. */
	err = OIDC_ERR_DISCOVERY;
	if (!oidc_equal(json_string_value(json_object_get(doc, "issuer")),
	    p->cfg.issuer))
		goto out;
	if (endpoint(p, doc, "authorization_endpoint",
	    &p->authorization_endpoint, 1) == -1 ||
	    endpoint(p, doc, "token_endpoint", &p->token_endpoint, 1) == -1 ||
	    endpoint(p, doc, "jwks_uri", &p->jwks_uri, 1) == -1 ||
	    endpoint(p, doc, "userinfo_endpoint", &p->userinfo_endpoint, 0) ==
	    -1 || endpoint(p, doc, "end_session_endpoint",
	    &p->end_session_endpoint, 0) == -1)
		goto out;
	err = OIDC_OK;
out:
	json_decref(doc);
	return (err);
}

/* Fetches and installs the JWKS; the lock is held by the caller. */
static enum oidc_err
jwks_fetch(struct oidc_provider *p, time_t now)
{
	struct oidc_http	 r;
	enum oidc_err		 err;
	jwks_t			*jwks = NULL;

	p->jwks_tried = now;
	if (p->jwks_uri == NULL)
		return (OIDC_ERR_CONFIG);
	if ((err = oidc_http_get(&p->cfg, p->jwks_uri, NULL, NULL, &r)) !=
	    OIDC_OK)
		return (err);
	if (r.status != 200) {
		oidc_http_cleanup(&r);
		return (OIDC_ERR_HTTP);
	}
	if (r_jwks_init(&jwks) != RHN_OK ||
	    r_jwks_import_from_json_str(jwks, r.body) != RHN_OK ||
	    r_jwks_size(jwks) == 0) {
		r_jwks_free(jwks);
		oidc_http_cleanup(&r);
		return (OIDC_ERR_RESPONSE);
	}
	oidc_http_cleanup(&r);
	if (p->jwks != NULL)
		r_jwks_free(p->jwks);
	p->jwks = jwks;
	p->jwks_fetched = now;
	return (OIDC_OK);
}

enum oidc_err
oidc_jwks_set(struct oidc_provider *p, const char *json, time_t now)
{
	jwks_t	*jwks = NULL;

	if (r_jwks_init(&jwks) != RHN_OK ||
	    r_jwks_import_from_json_str(jwks, json) != RHN_OK ||
	    r_jwks_size(jwks) == 0) {
		r_jwks_free(jwks);
		return (OIDC_ERR_RESPONSE);
	}
	pthread_mutex_lock(&p->lock);
	if (p->jwks != NULL)
		r_jwks_free(p->jwks);
	p->jwks = jwks;
	p->jwks_fetched = p->jwks_tried = now;
	pthread_mutex_unlock(&p->lock);
	return (OIDC_OK);
}

enum oidc_err
oidc_jwks_refresh(struct oidc_provider *p, int force, time_t now)
{
	enum oidc_err	err = OIDC_OK;

	pthread_mutex_lock(&p->lock);
	if (p->jwks == NULL)
		err = jwks_fetch(p, now);
	else if (force && now - p->jwks_tried >= p->cfg.jwks_min_interval)
		err = jwks_fetch(p, now);
	pthread_mutex_unlock(&p->lock);
	return (err);
}

/*
 * A copy of the key named kid (or, without kid, the only key of type ktype),
 * or NULL. Takes the lock.
 */
static jwk_t *
key_lookup(struct oidc_provider *p, const char *kid, unsigned int ktype)
{
	jwk_t	*k, *found = NULL;
	size_t	 i, n;

	pthread_mutex_lock(&p->lock);
	if (p->jwks == NULL)
		goto out;
	if (kid != NULL) {
		found = r_jwks_get_by_kid(p->jwks, kid);
		goto out;
	}
	n = r_jwks_size(p->jwks);
	for (i = 0; i < n; i++) {
		k = r_jwks_get_at(p->jwks, i);
		if (k != NULL && (r_jwk_key_type(k, NULL, R_FLAG_IGNORE_REMOTE) &
		    ktype) == ktype) {
			if (found != NULL) {	/* ambiguous without kid */
				r_jwk_free(k);
				r_jwk_free(found);
				found = NULL;
				goto out;
			}
			found = k;
		} else
			r_jwk_free(k);
	}
out:
	pthread_mutex_unlock(&p->lock);
	return (found);
}

/* The protected header's alg and kid, read before rhonabwy parses it. */
static enum oidc_err
header_alg(const char *jwt, char alg[8], char *kid, size_t kidlen)
{
	const char	*dot = strchr(jwt, '.'), *a, *k;
	unsigned char	*raw;
	size_t		 n, i, rawlen = 0;
	json_t		*h;
	char		*b64;

	if (dot == NULL || (n = (size_t)(dot - jwt)) == 0 || n > 4096)
		return (OIDC_ERR_RESPONSE);
	if ((b64 = malloc(n + 4)) == NULL || (raw = malloc(n + 4)) == NULL) {
		free(b64);
		return (OIDC_ERR_RESPONSE);
	}
	for (i = 0; i < n; i++)
		b64[i] = jwt[i] == '-' ? '+' : jwt[i] == '_' ? '/' : jwt[i];
	while (i % 4)
		b64[i++] = '=';
	b64[i] = '\0';
	/* EVP_DecodeBlock counts the padding as bytes: the true length. */
	h = NULL;
	if (n % 4 != 1 && EVP_DecodeBlock(raw, (unsigned char *)b64, (int)i) >
	    0) {
		rawlen = n * 3 / 4;
		h = json_loadb((char *)raw, rawlen, 0, NULL);
	}
	free(b64);
	free(raw);
	if (!json_is_object(h)) {
		json_decref(h);
		return (OIDC_ERR_RESPONSE);
	}
	a = json_string_value(json_object_get(h, "alg"));
	k = json_string_value(json_object_get(h, "kid"));
	if (a == NULL || (strcmp(a, "RS256") != 0 && strcmp(a, "ES256") != 0)) {
		json_decref(h);
		return (OIDC_ERR_ALG);
	}
	snprintf(alg, 8, "%s", a);
	kid[0] = '\0';
	if (k != NULL && strlen(k) < kidlen)
		snprintf(kid, kidlen, "%s", k);
	else if (k != NULL) {
		json_decref(h);
		return (OIDC_ERR_KEY);
	}
	json_decref(h);
	return (OIDC_OK);
}

/* 1 when key k may verify alg: RSA of 2048 bits or more, or EC P-256. */
static int
key_fits(jwk_t *k, const char *alg)
{
	unsigned int	 bits = 0;
	int		 t = r_jwk_key_type(k, &bits, R_FLAG_IGNORE_REMOTE);
	const char	*kalg = r_jwk_get_property_str(k, "alg");
	const char	*use = r_jwk_get_property_str(k, "use");
	const char	*crv = r_jwk_get_property_str(k, "crv");

	if (!(t & R_KEY_TYPE_PUBLIC) || (kalg != NULL && strcmp(kalg, alg)) ||
	    (use != NULL && strcmp(use, "sig")))
		return (0);
	if (strcmp(alg, "RS256") == 0)
		return ((t & R_KEY_TYPE_RSA) && bits >= 2048);
	return ((t & R_KEY_TYPE_EC) && crv != NULL && strcmp(crv, "P-256") == 0);
}

enum oidc_err
oidc_jws_verify(struct oidc_provider *p, const char *jwt, time_t now,
    void **claims, char alg[8])
{
	char		 kid[128];
	unsigned int	 ktype;
	enum oidc_err	 err;
	jwt_t		*j = NULL;
	jwk_t		*k = NULL;

	*claims = NULL;
	if (jwt == NULL || strlen(jwt) > OIDC_BODY_MAX)
		return (OIDC_ERR_RESPONSE);
	if ((err = header_alg(jwt, alg, kid, sizeof(kid))) != OIDC_OK)
		return (err);
	ktype = R_KEY_TYPE_PUBLIC | (strcmp(alg, "RS256") == 0 ?
	    R_KEY_TYPE_RSA : R_KEY_TYPE_EC);
	/* No key from the token's own header (jwk, jku, x5u), no alg none. */
	if (r_jwt_init(&j) != RHN_OK ||
	    r_jwt_advanced_parse(j, jwt, R_PARSE_NONE, R_FLAG_IGNORE_REMOTE) !=
	    RHN_OK || r_jwt_get_type(j) != R_JWT_TYPE_SIGN) {
		err = OIDC_ERR_RESPONSE;
		goto out;
	}
	if ((err = oidc_jwks_refresh(p, 0, now)) != OIDC_OK)
		goto out;
	if ((k = key_lookup(p, kid[0] ? kid : NULL, ktype)) == NULL) {
		/* Rotation: the provider may have a new key; refetch once. */
		if ((err = oidc_jwks_refresh(p, 1, now)) != OIDC_OK)
			goto out;
		if ((k = key_lookup(p, kid[0] ? kid : NULL, ktype)) == NULL) {
			err = OIDC_ERR_KEY;
			goto out;
		}
	}
	if (!key_fits(k, alg)) {
		err = OIDC_ERR_KEY;
		goto out;
	}
	if (r_jwt_verify_signature(j, k, R_FLAG_IGNORE_REMOTE) != RHN_OK) {
		err = OIDC_ERR_SIGNATURE;
		goto out;
	}
	if ((*claims = r_jwt_get_full_claims_json_t(j)) == NULL)
		err = OIDC_ERR_RESPONSE;
out:
	r_jwk_free(k);
	r_jwt_free(j);
	return (err);
}
