/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The browser's side of the flow: the authorization request (state, nonce,
 * PKCE S256), the callback's check, and the end-session URL.
 */

#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include "oidc_int.h"

static int
random_token(char out[OIDC_TOKEN_LEN + 1])
{
	unsigned char	raw[32];

	if (RAND_bytes(raw, sizeof(raw)) != 1)
		return (-1);
	oidc_b64url(raw, sizeof(raw), out);
	OPENSSL_cleanse(raw, sizeof(raw));
	return (0);
}

void
oidc_pkce_challenge(const char *verifier, char out[OIDC_TOKEN_LEN + 1])
{
	unsigned char	md[SHA256_DIGEST_LENGTH];

	SHA256((const unsigned char *)verifier, strlen(verifier), md);
	oidc_b64url(md, sizeof(md), out);
}

enum oidc_err
oidc_request_new(struct oidc_request *r)
{
	memset(r, 0, sizeof(*r));
	if (random_token(r->state) == -1 || random_token(r->nonce) == -1 ||
	    random_token(r->verifier) == -1)
		return (OIDC_ERR_CONFIG);
	oidc_pkce_challenge(r->verifier, r->challenge);
	return (OIDC_OK);
}

char *
oidc_authorization_url(const struct oidc_provider *p,
    const struct oidc_request *r)
{
	struct oidc_buf		 b = { NULL, 0, 0, 0 };
	const struct oidc_config *c = &p->cfg;

	if (p->authorization_endpoint == NULL || c->client_id == NULL ||
	    c->redirect_uri == NULL)
		return (NULL);
	oidc_buf_str(&b, p->authorization_endpoint);
	oidc_buf_str(&b, strchr(p->authorization_endpoint, '?') ? "&" : "?");
	oidc_buf_param(&b, "response_type", "code");
	oidc_buf_param(&b, "client_id", c->client_id);
	oidc_buf_param(&b, "redirect_uri", c->redirect_uri);
	oidc_buf_param(&b, "scope", c->scopes ? c->scopes : "openid");
	oidc_buf_param(&b, "state", r->state);
	oidc_buf_param(&b, "nonce", r->nonce);
	oidc_buf_param(&b, "code_challenge", r->challenge);
	oidc_buf_param(&b, "code_challenge_method", "S256");
	if (c->acr_values != NULL && c->acr_values[0] != '\0')
		oidc_buf_param(&b, "acr_values", c->acr_values);
	if (c->claims != NULL && c->claims[0] != '\0')
		oidc_buf_param(&b, "claims", c->claims);
	return (oidc_buf_take(&b));
}

enum oidc_err
oidc_callback_check(const struct oidc_request *r, const char *state,
    const char *error)
{
	if (r == NULL || r->state[0] == '\0' || state == NULL ||
	    !oidc_equal(r->state, state))
		return (OIDC_ERR_STATE);
	if (error != NULL)
		return (OIDC_ERR_DENIED);
	return (OIDC_OK);
}

char *
oidc_end_session_url(const struct oidc_provider *p, const char *id_token,
    const char *state)
{
	struct oidc_buf	b = { NULL, 0, 0, 0 };

	if (p->end_session_endpoint == NULL || id_token == NULL)
		return (NULL);
	oidc_buf_str(&b, p->end_session_endpoint);
	oidc_buf_str(&b, strchr(p->end_session_endpoint, '?') ? "&" : "?");
	oidc_buf_param(&b, "id_token_hint", id_token);
	if (p->cfg.post_logout_redirect_uri != NULL)
		oidc_buf_param(&b, "post_logout_redirect_uri",
		    p->cfg.post_logout_redirect_uri);
	if (state != NULL)
		oidc_buf_param(&b, "state", state);
	return (oidc_buf_take(&b));
}
