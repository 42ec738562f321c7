/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * OpenID Connect client (relying party) for FranceConnect or any provider:
 * discovery, JWKS cache with rotation, the authorization request (state,
 * nonce, PKCE S256), the code exchange (client_secret_basic,
 * client_secret_post or private_key_jwt), ID token verification, userinfo
 * (plain JSON or a signed JWT), the end-session URL. Pure C, no kore headers:
 * JSON by libjansson, JOSE by librhonabwy, HTTP by libcurl.
 *
 * The network calls (oidc_discover, oidc_jwks_refresh, oidc_exchange_code,
 * oidc_id_token_verify when the key is unknown, oidc_userinfo) block, with
 * the timeouts of the configuration: call them from a kore task, never on
 * the event loop. A struct oidc_provider may be shared by threads: its JWKS
 * cache is guarded by a mutex.
 *
 * Every refusal is an enum oidc_err: oidc_err_code() names it for the logs,
 * oidc_err_message() says in French what the person can do. Nothing here
 * logs, and no token is ever part of an error.
 */

#ifndef AGORA_CORE_OIDC_H
#define AGORA_CORE_OIDC_H

#include <pthread.h>
#include <stddef.h>
#include <time.h>

enum oidc_err {
	OIDC_OK = 0,
	OIDC_ERR_CONFIG,	/* settings missing or invalid */
	OIDC_ERR_UNREACHABLE,	/* provider down: connection refused, DNS */
	OIDC_ERR_TIMEOUT,	/* provider too slow */
	OIDC_ERR_HTTP,		/* provider answered an HTTP error */
	OIDC_ERR_RESPONSE,	/* provider's answer malformed */
	OIDC_ERR_DISCOVERY,	/* discovery: issuer or endpoints wrong */
	OIDC_ERR_STATE,		/* state unknown, replayed or mismatched */
	OIDC_ERR_DENIED,	/* the person or the provider cancelled */
	OIDC_ERR_GRANT,		/* code refused: used, expired, PKCE mismatch */
	OIDC_ERR_ALG,		/* alg none, HS256 or anything not allowed */
	OIDC_ERR_KEY,		/* no key for this kid, even after a refetch */
	OIDC_ERR_SIGNATURE,	/* signature does not verify */
	OIDC_ERR_ISSUER,	/* iss is not the configured issuer */
	OIDC_ERR_AUDIENCE,	/* aud or azp is not this client */
	OIDC_ERR_EXPIRED,	/* exp in the past */
	OIDC_ERR_IAT,		/* iat missing or in the future */
	OIDC_ERR_NONCE,		/* nonce missing, mismatched or replayed */
	OIDC_ERR_ACR,		/* authentication level below the required */
	OIDC_ERR_CLAIM,		/* a needed claim missing or invalid */
	OIDC_ERR_SUBJECT,	/* userinfo's sub is not the ID token's */
	OIDC_ERR__MAX
};

/* A short reason code for the logs ("bad_signature"). */
const char	*oidc_err_code(enum oidc_err);
/* A French sentence that says what happened and what to do. */
const char	*oidc_err_message(enum oidc_err);

enum oidc_auth {
	OIDC_AUTH_SECRET_BASIC = 0,	/* client_secret_basic */
	OIDC_AUTH_SECRET_POST,		/* client_secret_post */
	OIDC_AUTH_PRIVATE_KEY_JWT	/* private_key_jwt */
};

/* Everything borrowed: the strings must outlive the provider. */
struct oidc_config {
	const char	*issuer;		/* exact "iss" */
	const char	*client_id;
	const char	*client_secret;		/* basic and post */
	const char	*private_key_pem;	/* private_key_jwt: the PEM */
	const char	*private_key_kid;	/* its kid, optional */
	enum oidc_auth	 auth;
	const char	*redirect_uri;
	const char	*post_logout_redirect_uri;
	const char	*scopes;		/* "openid profile email" */
	const char	*acr_values;		/* "eidas1", or NULL */
	const char	*acr_allowed;		/* space list, or NULL: any */
	const char	*claims;		/* "claims" JSON, or NULL */
	long		 timeout_ms;		/* whole request */
	long		 connect_timeout_ms;
	int		 jwks_min_interval;	/* s between two forced refetches */
	int		 clock_skew;		/* s allowed on exp and iat */
	int		 allow_http_loopback;	/* http:// to 127.0.0.1 (tests) */
};

/*
 * Reads the oidc_* settings (settings.h; README, "FranceConnect"); the
 * private_key_jwt key from oidc_client_key_file, unless
 * oidc_client_key_load() read it already.
 */
enum oidc_err	 oidc_config_from_settings(struct oidc_config *);
/*
 * Reads the private_key_jwt key (PEM) at path into this process, for
 * oidc_config_from_settings(): kore's parent calls it before the workers
 * are chrooted, where the file is out of reach.
 */
enum oidc_err	 oidc_client_key_load(const char *path);

/* The provider's metadata and the cache of its keys. */
struct oidc_provider {
	struct oidc_config	 cfg;
	char			*authorization_endpoint;
	char			*token_endpoint;
	char			*userinfo_endpoint;
	char			*jwks_uri;
	char			*end_session_endpoint;
	pthread_mutex_t		 lock;		/* guards what follows */
	void			*jwks;		/* jwks_t * of rhonabwy */
	time_t			 jwks_fetched;	/* last successful fetch */
	time_t			 jwks_tried;	/* last attempt */
};

/* Copies cfg (its strings stay borrowed). 0, or -1. */
int		 oidc_provider_init(struct oidc_provider *,
		    const struct oidc_config *);
void		 oidc_provider_cleanup(struct oidc_provider *);
/* GET <issuer>/.well-known/openid-configuration; checks issuer, endpoints. */
enum oidc_err	 oidc_discover(struct oidc_provider *);
/*
 * Fetches the JWKS. With force == 0, only when none is cached; with force,
 * at most once per jwks_min_interval (a kid unknown to the cache).
 */
enum oidc_err	 oidc_jwks_refresh(struct oidc_provider *, int force,
		    time_t now);

/* Installs a JWKS given as JSON (a provider that publishes none, tests). */
enum oidc_err	 oidc_jwks_set(struct oidc_provider *, const char *json,
		    time_t now);

#define OIDC_TOKEN_LEN	43	/* base64url of 32 random bytes */

/* The secrets of one authorization request, kept server-side. */
struct oidc_request {
	char	state[OIDC_TOKEN_LEN + 1];
	char	nonce[OIDC_TOKEN_LEN + 1];
	char	verifier[OIDC_TOKEN_LEN + 1];	/* PKCE code_verifier */
	char	challenge[OIDC_TOKEN_LEN + 1];	/* its S256 code_challenge */
};

/* Fresh state, nonce and PKCE verifier from RAND_bytes. */
enum oidc_err	 oidc_request_new(struct oidc_request *);
/* The S256 challenge of a verifier (RFC 7636). */
void		 oidc_pkce_challenge(const char *verifier,
		    char out[OIDC_TOKEN_LEN + 1]);
/* The URL to send the browser to; malloc'd (free()), NULL on error. */
char		*oidc_authorization_url(const struct oidc_provider *,
		    const struct oidc_request *);
/*
 * The callback's parameters against the stored request: error (the
 * provider's "error", or NULL), then state compared in constant time.
 * The caller must forget the stored request whatever the result, so that
 * a state is never accepted twice.
 */
enum oidc_err	 oidc_callback_check(const struct oidc_request *,
		    const char *state, const char *error);

/* What the token endpoint gave; free with oidc_tokens_cleanup(). */
struct oidc_tokens {
	char	*id_token;
	char	*access_token;
};

enum oidc_err	 oidc_exchange_code(struct oidc_provider *, const char *code,
		    const char *verifier, time_t now, struct oidc_tokens *);
void		 oidc_tokens_cleanup(struct oidc_tokens *);

#define OIDC_CLAIM_MAX	256

/* The person, from the ID token and the userinfo. Empty string: absent. */
struct oidc_identity {
	char	sub[OIDC_CLAIM_MAX];
	char	acr[64];
	char	alg[8];			/* alg of the ID token */
	time_t	auth_time;		/* 0 when absent */
	char	given_name[OIDC_CLAIM_MAX];
	char	family_name[OIDC_CLAIM_MAX];
	char	birthdate[16];
	char	birthplace[16];
	char	birthcountry[16];
	char	gender[16];
	char	preferred_username[OIDC_CLAIM_MAX];
	char	email[OIDC_CLAIM_MAX];
	int	has_birthplace;		/* claim present (may be "") */
};

/*
 * Verifies an ID token: alg in {RS256, ES256}, a key of the provider's
 * JWKS of the matching type (refetched once when the kid is unknown), the
 * signature, iss, aud (and azp when there are several audiences), exp and
 * iat within clock_skew, the nonce, the acr against acr_allowed. Fills
 * sub, acr, alg, auth_time and any identity claim present.
 */
enum oidc_err	 oidc_id_token_verify(struct oidc_provider *,
		    const char *jwt, const char *nonce, time_t now,
		    struct oidc_identity *);
/*
 * GET userinfo with the access token. A JSON body is read as is; an
 * application/jwt body is verified like an ID token's signature (alg,
 * key) and iss/aud when present. Its sub must be id->sub; its claims fill
 * id. Then the pivot claims must all be there (OIDC_ERR_CLAIM if not).
 */
enum oidc_err	 oidc_userinfo(struct oidc_provider *,
		    const char *access_token, time_t now,
		    struct oidc_identity *);
/* 1 when given_name, family_name, birthdate, gender, birthcountry and
 * (for people born in France) birthplace are present. */
int		 oidc_identity_complete(const struct oidc_identity *);
/*
 * The provider's end-session URL with id_token_hint, the configured
 * post_logout_redirect_uri and state; malloc'd, NULL without an endpoint.
 */
char		*oidc_end_session_url(const struct oidc_provider *,
		    const char *id_token, const char *state);

#endif
