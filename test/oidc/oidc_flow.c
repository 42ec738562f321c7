/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The whole OpenID Connect code flow of app/core/oidc*.c against the real
 * provider that make test starts (glewlwyd, test/oidc/provider.sh), for each
 * of its clients (client_secret_basic + RS256, client_secret_post + ES256,
 * private_key_jwt + ES256): discovery, authorization URL with PKCE, a test
 * person signed in by test/oidc/login.py, code exchange, ID token, userinfo,
 * pivot claims and their hash, end-session URL; then the refusals the
 * provider can produce (PKCE mismatch, replayed code, another nonce,
 * another audience, a missing claim), a provider down and a slow one.
 * Prints "oidc: N passed, N failed".
 *
 * Usage: oidc_flow var/oidc/credentials.json
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <curl/curl.h>
#include <jansson.h>

#include "../../app/core/identity.h"
#include "../../app/core/oidc.h"

static int	 passed, failed;
static json_t	*creds;

static void
check(int ok, const char *what, const char *detail)
{
	if (ok) {
		passed++;
		printf("oidc: ok %s\n", what);
	} else {
		failed++;
		printf("oidc: FAILED %s%s%s\n", what, detail ? ": " : "",
		    detail ? detail : "");
	}
}

static void
check_err(enum oidc_err got, enum oidc_err want, const char *what)
{
	char	d[128];

	snprintf(d, sizeof(d), "got %s, want %s", oidc_err_code(got),
	    oidc_err_code(want));
	check(got == want, what, got == want ? NULL : d);
}

static const char *
cred(const char *key)
{
	return (json_string_value(json_object_get(creds, key)));
}

/* The value of param in url's query, copied into out. */
static int
query_param(const char *url, const char *param, char *out, size_t len)
{
	const char	*q = strchr(url, '?'), *p;
	size_t		 n = strlen(param), v;

	for (p = q; p != NULL; p = strchr(p + 1, '&')) {
		if (strncmp(p + 1, param, n) == 0 && p[n + 1] == '=') {
			v = strcspn(p + n + 2, "&#\r\n");
			if (v >= len)
				return (-1);
			memcpy(out, p + n + 2, v);
			out[v] = '\0';
			return (0);
		}
	}
	return (-1);
}

/* Signs person in at the provider for this request: the redirect's code. */
static int
sign_in(const struct oidc_provider *p, const struct oidc_request *r,
    const char *person, char *code, size_t len)
{
	char	*url, cmd[8192], loc[4096], state[128];
	FILE	*f;
	int	 ok;

	if ((url = oidc_authorization_url(p, r)) == NULL)
		return (-1);
	snprintf(cmd, sizeof(cmd), "python3 test/oidc/login.py --user %s '%s'",
	    person, url);
	free(url);
	if ((f = popen(cmd, "r")) == NULL)
		return (-1);
	ok = fgets(loc, sizeof(loc), f) != NULL;
	pclose(f);
	if (!ok || query_param(loc, "code", code, len) == -1 ||
	    query_param(loc, "state", state, sizeof(state)) == -1)
		return (-1);
	return (oidc_callback_check(r, state, NULL) == OIDC_OK ? 0 : -1);
}

static void
config(struct oidc_config *c, const char *client, enum oidc_auth auth,
    const char *pem)
{
	memset(c, 0, sizeof(*c));
	c->issuer = cred("issuer");
	c->client_id = client;
	c->client_secret = cred("client_secret");
	c->private_key_pem = pem;
	c->private_key_kid = "agora-client-es256";	/* provider.sh */
	c->auth = auth;
	c->redirect_uri = json_string_value(json_array_get(
	    json_object_get(creds, "redirect_uris"), 0));
	c->post_logout_redirect_uri = json_string_value(json_array_get(
	    json_object_get(creds, "post_logout_redirect_uris"), 0));
	c->scopes = "openid profile email birth";
	c->acr_values = "eidas1";
	c->timeout_ms = 3000;
	c->connect_timeout_ms = 1000;
	c->jwks_min_interval = 60;
	c->clock_skew = 60;
	c->allow_http_loopback = 1;
}

/* The person's claims as the provider holds them (credentials.json). */
static int
claims_match(const struct oidc_identity *id, const char *person)
{
	json_t	*w = json_object_get(json_object_get(creds, "people"), person);

	return (strcmp(id->given_name, json_string_value(json_object_get(w,
	    "given_name"))) == 0 && strcmp(id->family_name,
	    json_string_value(json_object_get(w, "family_name"))) == 0 &&
	    strcmp(id->birthdate, json_string_value(json_object_get(w,
	    "birthdate"))) == 0 && strcmp(id->gender, json_string_value(
	    json_object_get(w, "gender"))) == 0 && strcmp(id->birthplace,
	    json_string_value(json_object_get(w, "birthplace"))) == 0 &&
	    strcmp(id->birthcountry, json_string_value(json_object_get(w,
	    "birthcountry"))) == 0 && strcmp(id->email, json_string_value(
	    json_object_get(w, "email"))) == 0);
}

/* GET url without following; 1 when the answer is a redirect to want. */
static int
redirects_to(const char *url, const char *want)
{
	CURL	*c = curl_easy_init();
	char	*loc = NULL, *enc;
	long	 status = 0;
	int	 ok;

	enc = curl_easy_escape(c, want, 0);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_NOBODY, 0L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, fwrite);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, fopen("/dev/null", "w"));
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 3000L);
	ok = curl_easy_perform(c) == CURLE_OK;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &loc);
	ok = ok && status == 302 && loc != NULL && strstr(loc, enc) != NULL;
	curl_free(enc);
	curl_easy_cleanup(c);
	return (ok);
}

/* One client through the whole flow, with camille. */
static void
flow(const char *client, enum oidc_auth auth, const char *pem,
    const char *alg)
{
	struct oidc_config	 c;
	struct oidc_provider	 p;
	struct oidc_request	 r;
	struct oidc_tokens	 t;
	struct oidc_identity	 id, other;
	struct identity_pivot	 pivot;
	char			 code[256], what[128], hash[IDENTITY_HASH_LEN + 1];
	char			*url;
	time_t			 now = time(NULL);

	config(&c, client, auth, pem);
	oidc_provider_init(&p, &c);
	snprintf(what, sizeof(what), "%s: discovery", client);
	check_err(oidc_discover(&p), OIDC_OK, what);
	oidc_request_new(&r);
	snprintf(what, sizeof(what), "%s: sign-in at the provider", client);
	check(sign_in(&p, &r, "camille", code, sizeof(code)) == 0, what, NULL);
	snprintf(what, sizeof(what), "%s: code exchange", client);
	check_err(oidc_exchange_code(&p, code, r.verifier, now, &t), OIDC_OK,
	    what);
	snprintf(what, sizeof(what), "%s: ID token verified (%s)", client, alg);
	check_err(oidc_id_token_verify(&p, t.id_token, r.nonce, now, &id),
	    OIDC_OK, what);
	check(strcmp(id.alg, alg) == 0, what, id.alg);
	snprintf(what, sizeof(what), "%s: another nonce refused", client);
	check_err(oidc_id_token_verify(&p, t.id_token, "another", now, &other),
	    OIDC_ERR_NONCE, what);
	snprintf(what, sizeof(what), "%s: userinfo", client);
	check_err(oidc_userinfo(&p, t.access_token, now, &id), OIDC_OK, what);
	snprintf(what, sizeof(what), "%s: pivot claims as the provider holds "
	    "them", client);
	check(claims_match(&id, "camille"), what, NULL);
	pivot = (struct identity_pivot){ id.given_name, id.family_name,
	    id.birthdate, id.birthplace, id.birthcountry, id.gender };
	snprintf(what, sizeof(what), "%s: pivot identity hashed", client);
	check(identity_pivot_hash((const unsigned char *)"k", 1, &pivot,
	    hash) == IDENTITY_OK && strlen(hash) == 64, what, NULL);
	snprintf(what, sizeof(what), "%s: replayed code refused", client);
	{
		struct oidc_tokens t2;

		check_err(oidc_exchange_code(&p, code, r.verifier, now, &t2),
		    OIDC_ERR_GRANT, what);
		oidc_tokens_cleanup(&t2);
	}
	snprintf(what, sizeof(what), "%s: end-session accepted", client);
	url = oidc_end_session_url(&p, t.id_token, "bye");
	check(url != NULL && redirects_to(url, c.post_logout_redirect_uri),
	    what, NULL);
	free(url);
	oidc_tokens_cleanup(&t);
	oidc_provider_cleanup(&p);
}

static void
refusals(void)
{
	struct oidc_config	 c;
	struct oidc_provider	 p, q;
	struct oidc_request	 r;
	struct oidc_tokens	 t;
	struct oidc_identity	 id;
	char			 code[256];
	time_t			 now = time(NULL);
	int			 silent, one = 1;
	struct sockaddr_in	 sa;

	config(&c, "agora-post", OIDC_AUTH_SECRET_POST, NULL);
	oidc_provider_init(&p, &c);
	oidc_discover(&p);
	/* PKCE: the verifier of another request. */
	oidc_request_new(&r);
	check(sign_in(&p, &r, "camille", code, sizeof(code)) == 0,
	    "pkce: sign-in", NULL);
	check_err(oidc_exchange_code(&p, code, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_"
	    "wW1gFWFOEjXk", now, &t), OIDC_ERR_GRANT, "pkce: other verifier "
	    "refused");
	/* Another client's ID token. */
	oidc_request_new(&r);
	sign_in(&p, &r, "jose", code, sizeof(code));
	check_err(oidc_exchange_code(&p, code, r.verifier, now, &t), OIDC_OK,
	    "jose: code exchange");
	c.client_id = "agora-basic";
	oidc_provider_init(&q, &c);
	oidc_discover(&q);
	check_err(oidc_id_token_verify(&q, t.id_token, r.nonce, now, &id),
	    OIDC_ERR_AUDIENCE, "another client's ID token refused");
	oidc_provider_cleanup(&q);
	check_err(oidc_id_token_verify(&p, t.id_token, r.nonce, now, &id),
	    OIDC_OK, "jose: ID token");
	check_err(oidc_userinfo(&p, t.access_token, now, &id), OIDC_OK,
	    "jose (born abroad): userinfo complete");
	check(strcmp(id.birthcountry, "99134") == 0 && id.birthplace[0] ==
	    '\0', "jose: empty birthplace, country 99134",
	    NULL);
	oidc_tokens_cleanup(&t);
	/* A person without a birthdate. */
	oidc_request_new(&r);
	sign_in(&p, &r, "incomplet", code, sizeof(code));
	oidc_exchange_code(&p, code, r.verifier, now, &t);
	check_err(oidc_id_token_verify(&p, t.id_token, r.nonce, now, &id),
	    OIDC_OK, "incomplet: ID token");
	check_err(oidc_userinfo(&p, t.access_token, now, &id), OIDC_ERR_CLAIM,
	    "incomplet: missing birthdate refused");
	oidc_tokens_cleanup(&t);
	oidc_provider_cleanup(&p);

	/* Down: nothing listens on 9053. */
	c.issuer = "http://127.0.0.1:9053/api/oidc";
	oidc_provider_init(&p, &c);
	check_err(oidc_discover(&p), OIDC_ERR_UNREACHABLE, "provider down");
	oidc_provider_cleanup(&p);
	/* Slow: 9052 accepts and never answers. */
	silent = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(silent, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons(9052);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	check(bind(silent, (struct sockaddr *)&sa, sizeof(sa)) == 0 &&
	    listen(silent, 4) == 0, "silent port", NULL);
	c.issuer = "http://127.0.0.1:9052/api/oidc";
	c.timeout_ms = 500;
	oidc_provider_init(&p, &c);
	check_err(oidc_discover(&p), OIDC_ERR_TIMEOUT, "provider slow");
	oidc_provider_cleanup(&p);
	close(silent);
}

/* The PEM file at path into buf (empty when unreadable); buf. */
static const char *
read_pem(const char *path, char *buf, size_t len)
{
	FILE	*f;
	size_t	 n = 0;

	if (path != NULL && (f = fopen(path, "r")) != NULL) {
		n = fread(buf, 1, len - 1, f);
		fclose(f);
	}
	buf[n] = '\0';
	return (buf);
}

/*
 * private_key_jwt signed by a key the provider does not know, under the
 * registered kid: the provider refuses the client (OIDC_ERR_CONFIG).
 */
static void
intruder(const char *pem)
{
	struct oidc_config	 c;
	struct oidc_provider	 p;
	struct oidc_request	 r;
	struct oidc_tokens	 t;
	char			 code[256];

	config(&c, "agora-jwt", OIDC_AUTH_PRIVATE_KEY_JWT, pem);
	oidc_provider_init(&p, &c);
	oidc_discover(&p);
	oidc_request_new(&r);
	check(pem[0] != '\0' && sign_in(&p, &r, "camille", code,
	    sizeof(code)) == 0, "agora-jwt, another key: sign-in", NULL);
	check_err(oidc_exchange_code(&p, code, r.verifier, time(NULL), &t),
	    OIDC_ERR_CONFIG, "agora-jwt: an assertion signed by another key "
	    "refused");
	oidc_tokens_cleanup(&t);
	oidc_provider_cleanup(&p);
}

int
main(int argc, char *argv[])
{
	char	 pem[16384], other[16384];

	if (argc != 2 || (creds = json_load_file(argv[1], 0, NULL)) == NULL) {
		fprintf(stderr, "usage: oidc_flow var/oidc/credentials.json\n");
		return (2);
	}
	read_pem(cred("client_private_key"), pem, sizeof(pem));
	flow("agora-basic", OIDC_AUTH_SECRET_BASIC, NULL, "RS256");
	flow("agora-post", OIDC_AUTH_SECRET_POST, NULL, "ES256");
	/*
	 * private_key_jwt: the client's public JWKS is a JSON object in the
	 * provider's client database (configure.py, "convert": "jwks") and
	 * the assertion names its kid, as glewlwyd requires.
	 */
	flow("agora-jwt", OIDC_AUTH_PRIVATE_KEY_JWT, pem, "ES256");
	intruder(read_pem(cred("intruder_private_key"), other, sizeof(other)));
	refusals();
	json_decref(creds);
	printf("oidc: %d passed, %d failed\n", passed, failed);
	return (failed != 0);
}
