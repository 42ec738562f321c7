/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The OpenID client's checks (app/core/oidc*.c) with tokens signed here by
 * keys generated here (oidc_fixture.h: OpenSSL only), and the network paths
 * against a small HTTP server on 127.0.0.1:9051 (keys, rotation, userinfo,
 * discovery), a port that accepts and never answers (9052) and one where
 * nothing listens (9053).
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <cmocka.h>

#include "oidc_fixture.h"

#define ISS	"https://fc.example.gouv.fr/api/v2"
#define CLIENT	"agora-test"
#define NONCE	"n0nce-0123456789"
#define SRV	"http://127.0.0.1:9051"

static EVP_PKEY	*rsa, *ec, *ec2;
static char	 jwks[4096], jwk_rsa[2048], jwk_ec[512], jwk_ec2[512];
static time_t	 now;

static struct oidc_config	cfg = {
	.issuer = ISS, .client_id = CLIENT, .client_secret = "s3cret",
	.auth = OIDC_AUTH_SECRET_POST,
	.redirect_uri = "https://agora.example/connexion/franceconnect/retour",
	.post_logout_redirect_uri = "https://agora.example/",
	.scopes = "openid given_name family_name", .acr_values = "eidas1",
	.timeout_ms = 400, .connect_timeout_ms = 300,
	.jwks_min_interval = 60, .clock_skew = 60, .allow_http_loopback = 1,
};

static int
setup(void **state)
{
	rsa = EVP_RSA_gen(2048);
	ec = EVP_EC_gen("P-256");
	ec2 = EVP_EC_gen("P-256");
	fx_jwk(rsa, "k-rsa", "RS256", jwk_rsa, sizeof(jwk_rsa));
	fx_jwk(ec, "k-ec", "ES256", jwk_ec, sizeof(jwk_ec));
	fx_jwk(ec2, "k-ec2", "ES256", jwk_ec2, sizeof(jwk_ec2));
	snprintf(jwks, sizeof(jwks), "{\"keys\":[%s,%s]}", jwk_rsa, jwk_ec);
	now = time(NULL);
	return (rsa == NULL || ec == NULL || ec2 == NULL);
}

static int
teardown(void **state)
{
	EVP_PKEY_free(rsa);
	EVP_PKEY_free(ec);
	EVP_PKEY_free(ec2);
	return (0);
}

/* An ID token payload; "extra" is inserted as is (",\"acr\":\"eidas1\""). */
static char *
payload(const char *iss, const char *aud, long exp, long iat,
    const char *nonce, const char *extra)
{
	static char	buf[2048];

	snprintf(buf, sizeof(buf), "{\"iss\":\"%s\",\"sub\":\"sub-42\","
	    "\"aud\":%s,\"exp\":%ld,\"iat\":%ld%s%s%s%s}", iss, aud, exp, iat,
	    nonce ? ",\"nonce\":\"" : "", nonce ? nonce : "",
	    nonce ? "\"" : "", extra ? extra : "");
	return (buf);
}

static const char *
good(void)
{
	return (payload(ISS, "\"" CLIENT "\"", now + 300, now, NONCE,
	    ",\"acr\":\"eidas1\",\"given_name\":\"Camille\","
	    "\"birthcountry\":\"99100\""));
}

static enum oidc_err
verify(const char *jwt, struct oidc_identity *id)
{
	struct oidc_provider	p;
	enum oidc_err		err;

	assert_int_equal(oidc_provider_init(&p, &cfg), 0);
	assert_int_equal(oidc_jwks_set(&p, jwks, now), OIDC_OK);
	err = oidc_id_token_verify(&p, jwt, NONCE, now, id);
	oidc_provider_cleanup(&p);
	return (err);
}

static enum oidc_err
verify_signed(EVP_PKEY *k, const char *alg, const char *kid, const char *pl)
{
	struct oidc_identity	id;
	char			*jwt = fx_jwt(alg, kid, pl, k, NULL, 0);
	enum oidc_err		 err = verify(jwt, &id);

	free(jwt);
	return (err);
}

static void
id_token_rs256_accepted(void **state)
{
	struct oidc_identity	 id;
	char			*jwt = fx_jwt("RS256", "k-rsa", good(), rsa,
				    NULL, 0);

	assert_int_equal(verify(jwt, &id), OIDC_OK);
	assert_string_equal(id.sub, "sub-42");
	assert_string_equal(id.acr, "eidas1");
	assert_string_equal(id.alg, "RS256");
	assert_string_equal(id.given_name, "Camille");
	assert_string_equal(id.birthcountry, "99100");
	free(jwt);
}

static void
id_token_es256_accepted(void **state)
{
	assert_int_equal(verify_signed(ec, "ES256", "k-ec", good()), OIDC_OK);
}

static void
id_token_without_kid_uses_the_only_key_of_its_type(void **state)
{
	assert_int_equal(verify_signed(ec, "ES256", NULL, good()), OIDC_OK);
	assert_int_equal(verify_signed(rsa, "RS256", NULL, good()), OIDC_OK);
}

static void
id_token_bad_signature(void **state)
{
	struct oidc_identity	 id;
	char			*jwt = fx_jwt("ES256", "k-ec", good(), ec, NULL,
				    0), *dot = strrchr(jwt, '.');

	/* Another byte in the signature. */
	dot[5] = dot[5] == 'A' ? 'B' : 'A';
	assert_int_equal(verify(jwt, &id), OIDC_ERR_SIGNATURE);
	assert_string_equal(id.sub, "");
	free(jwt);
	/* Signed by another key under this key's kid. */
	assert_int_equal(verify_signed(ec2, "ES256", "k-ec", good()),
	    OIDC_ERR_SIGNATURE);
}

static void
id_token_payload_altered(void **state)
{
	struct oidc_identity	 id;
	char			*jwt = fx_jwt("RS256", "k-rsa", good(), rsa,
				    NULL, 0), *a = fx_jwt("RS256", "k-rsa",
				    payload(ISS, "\"" CLIENT "\"", now + 300,
				    now, NONCE, ",\"sub\":\"other\""), rsa,
				    NULL, 0);
	char			*p1 = strchr(jwt, '.') + 1, *p2 = strchr(a, '.');
	char			 mixed[8192];

	/* The header and signature of one token, the payload of another. */
	snprintf(mixed, sizeof(mixed), "%.*s%.*s%s", (int)(p1 - jwt), jwt,
	    (int)(strchr(p2 + 1, '.') - p2 - 1), p2 + 1, strrchr(jwt, '.'));
	assert_int_equal(verify(mixed, &id), OIDC_ERR_SIGNATURE);
	free(jwt);
	free(a);
}

static void
id_token_alg_none_refused(void **state)
{
	struct oidc_identity	 id;
	char			*jwt = fx_jwt("none", "k-rsa", good(), NULL,
				    NULL, 0);

	assert_int_equal(verify(jwt, &id), OIDC_ERR_ALG);
	free(jwt);
	jwt = fx_jwt("none", NULL, good(), NULL, NULL, 0);
	assert_int_equal(verify(jwt, &id), OIDC_ERR_ALG);
	free(jwt);
}

static void
id_token_hs256_with_public_key_refused(void **state)
{
	struct oidc_identity	 id;
	char			*jwt;

	/* The classic confusion: the public JWK used as an HMAC secret. */
	jwt = fx_jwt("HS256", "k-rsa", good(), NULL,
	    (const unsigned char *)jwk_rsa, strlen(jwk_rsa));
	assert_int_equal(verify(jwt, &id), OIDC_ERR_ALG);
	free(jwt);
	jwt = fx_jwt("RS512", "k-rsa", good(), rsa, NULL, 0);
	assert_int_equal(verify(jwt, &id), OIDC_ERR_ALG);
	free(jwt);
}

static void
id_token_key_of_the_wrong_type(void **state)
{
	/* ES256 in the header, kid of the RSA key. */
	assert_int_equal(verify_signed(ec, "ES256", "k-rsa", good()),
	    OIDC_ERR_KEY);
	assert_int_equal(verify_signed(rsa, "RS256", "k-ec", good()),
	    OIDC_ERR_KEY);
}

static void
id_token_wrong_issuer(void **state)
{
	assert_int_equal(verify_signed(ec, "ES256", "k-ec", payload(
	    "https://evil.example", "\"" CLIENT "\"", now + 300, now, NONCE,
	    NULL)), OIDC_ERR_ISSUER);
	assert_int_equal(verify_signed(ec, "ES256", "k-ec", payload(
	    ISS "/", "\"" CLIENT "\"", now + 300, now, NONCE, NULL)),
	    OIDC_ERR_ISSUER);
}

static void
id_token_wrong_audience(void **state)
{
	assert_int_equal(verify_signed(ec, "ES256", "k-ec", payload(ISS,
	    "\"other-client\"", now + 300, now, NONCE, NULL)),
	    OIDC_ERR_AUDIENCE);
	/* Several audiences without azp. */
	assert_int_equal(verify_signed(ec, "ES256", "k-ec", payload(ISS,
	    "[\"" CLIENT "\",\"other\"]", now + 300, now, NONCE, NULL)),
	    OIDC_ERR_AUDIENCE);
	/* azp naming another client. */
	assert_int_equal(verify_signed(ec, "ES256", "k-ec", payload(ISS,
	    "[\"" CLIENT "\",\"other\"]", now + 300, now, NONCE,
	    ",\"azp\":\"other\"")), OIDC_ERR_AUDIENCE);
	assert_int_equal(verify_signed(ec, "ES256", "k-ec", payload(ISS,
	    "[\"" CLIENT "\",\"other\"]", now + 300, now, NONCE,
	    ",\"azp\":\"" CLIENT "\"")), OIDC_OK);
}

static void
id_token_expired(void **state)
{
	assert_int_equal(verify_signed(ec, "ES256", "k-ec", payload(ISS,
	    "\"" CLIENT "\"", now - 61, now - 400, NONCE, NULL)),
	    OIDC_ERR_EXPIRED);
	/* Within the clock skew. */
	assert_int_equal(verify_signed(ec, "ES256", "k-ec", payload(ISS,
	    "\"" CLIENT "\"", now - 30, now - 400, NONCE, NULL)), OIDC_OK);
}

static void
id_token_issued_in_the_future(void **state)
{
	assert_int_equal(verify_signed(ec, "ES256", "k-ec", payload(ISS,
	    "\"" CLIENT "\"", now + 900, now + 120, NONCE, NULL)),
	    OIDC_ERR_IAT);
	assert_int_equal(verify_signed(ec, "ES256", "k-ec", payload(ISS,
	    "\"" CLIENT "\"", now + 900, now + 30, NONCE, NULL)), OIDC_OK);
}

static void
id_token_nonce(void **state)
{
	assert_int_equal(verify_signed(ec, "ES256", "k-ec", payload(ISS,
	    "\"" CLIENT "\"", now + 300, now, "another-nonce", NULL)),
	    OIDC_ERR_NONCE);
	assert_int_equal(verify_signed(ec, "ES256", "k-ec", payload(ISS,
	    "\"" CLIENT "\"", now + 300, now, NULL, NULL)), OIDC_ERR_NONCE);
}

static void
id_token_acr(void **state)
{
	struct oidc_config	saved = cfg;

	cfg.acr_allowed = "eidas2 eidas3";
	assert_int_equal(verify_signed(ec, "ES256", "k-ec", good()),
	    OIDC_ERR_ACR);
	cfg.acr_allowed = "eidas1 eidas2";
	assert_int_equal(verify_signed(ec, "ES256", "k-ec", good()), OIDC_OK);
	/* A required level and no acr at all. */
	assert_int_equal(verify_signed(ec, "ES256", "k-ec", payload(ISS,
	    "\"" CLIENT "\"", now + 300, now, NONCE, NULL)), OIDC_ERR_ACR);
	cfg = saved;
}

static void
id_token_garbage(void **state)
{
	struct oidc_identity	id;

	assert_int_equal(verify("not a token", &id), OIDC_ERR_RESPONSE);
	assert_int_equal(verify("e30.e30.", &id), OIDC_ERR_ALG);
	assert_int_equal(verify("", &id), OIDC_ERR_RESPONSE);
}

static void
pkce_rfc7636_vector(void **state)
{
	char	c[OIDC_TOKEN_LEN + 1];

	/* RFC 7636, appendix B. */
	oidc_pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", c);
	assert_string_equal(c, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

static void
request_and_authorization_url(void **state)
{
	struct oidc_provider	 p;
	struct oidc_request	 a, b;
	char			*url, want[128];

	assert_int_equal(oidc_request_new(&a), OIDC_OK);
	assert_int_equal(oidc_request_new(&b), OIDC_OK);
	assert_int_equal(strlen(a.state), OIDC_TOKEN_LEN);
	assert_string_not_equal(a.state, b.state);
	assert_string_not_equal(a.nonce, b.nonce);
	assert_string_not_equal(a.verifier, b.verifier);
	assert_string_not_equal(a.state, a.nonce);
	oidc_provider_init(&p, &cfg);
	assert_null(oidc_authorization_url(&p, &a));	/* no discovery yet */
	p.authorization_endpoint = strdup(ISS "/authorize");
	url = oidc_authorization_url(&p, &a);
	assert_non_null(strstr(url, ISS "/authorize?response_type=code&"));
	assert_non_null(strstr(url, "&client_id=" CLIENT "&"));
	assert_non_null(strstr(url, "&redirect_uri=https%3A%2F%2Fagora.example"
	    "%2Fconnexion%2Ffranceconnect%2Fretour&"));
	assert_non_null(strstr(url, "&scope=openid%20given_name%20family_name"));
	assert_non_null(strstr(url, "&code_challenge_method=S256"));
	assert_non_null(strstr(url, "&acr_values=eidas1"));
	snprintf(want, sizeof(want), "&code_challenge=%s&", a.challenge);
	assert_non_null(strstr(url, want));
	snprintf(want, sizeof(want), "&state=%s&nonce=%s&", a.state, a.nonce);
	assert_non_null(strstr(url, want));
	assert_null(strstr(url, a.verifier));
	free(url);
	oidc_provider_cleanup(&p);
}

static void
callback_state(void **state)
{
	struct oidc_request	r;

	oidc_request_new(&r);
	assert_int_equal(oidc_callback_check(&r, r.state, NULL), OIDC_OK);
	assert_int_equal(oidc_callback_check(&r, "forged", NULL),
	    OIDC_ERR_STATE);
	assert_int_equal(oidc_callback_check(&r, NULL, NULL), OIDC_ERR_STATE);
	/* No stored request (already used): any state is a replay. */
	assert_int_equal(oidc_callback_check(NULL, r.state, NULL),
	    OIDC_ERR_STATE);
	assert_int_equal(oidc_callback_check(&r, r.state, "access_denied"),
	    OIDC_ERR_DENIED);
	/* An error with a forged state is a state error first. */
	assert_int_equal(oidc_callback_check(&r, "x", "access_denied"),
	    OIDC_ERR_STATE);
}

static void
end_session_url(void **state)
{
	struct oidc_provider	 p;
	char			*url;

	oidc_provider_init(&p, &cfg);
	assert_null(oidc_end_session_url(&p, "a.b.c", "st"));
	p.end_session_endpoint = strdup(ISS "/session/end");
	url = oidc_end_session_url(&p, "a.b.c", "st");
	assert_string_equal(url, ISS "/session/end?id_token_hint=a.b.c&"
	    "post_logout_redirect_uri=https%3A%2F%2Fagora.example%2F&state=st");
	free(url);
	oidc_provider_cleanup(&p);
}

static void
every_refusal_has_a_code_and_a_french_sentence(void **state)
{
	int	e;

	for (e = 1; e < OIDC_ERR__MAX; e++) {
		assert_true(strlen(oidc_err_code(e)) > 2);
		assert_true(strlen(oidc_err_message(e)) > 40);
		assert_non_null(strstr(oidc_err_message(e), "."));
	}
	assert_string_equal(oidc_err_code(OIDC_ERR_SIGNATURE), "bad_signature");
}

/* A provider whose endpoints are the test server's. */
static void
provider_on_server(struct oidc_provider *p)
{
	oidc_provider_init(p, &cfg);
	p->jwks_uri = strdup(SRV "/jwks");
	p->userinfo_endpoint = strdup(SRV "/userinfo");
	p->token_endpoint = strdup(SRV "/token");
}

static void
jwks_rotation_refetches_once(void **state)
{
	struct fx_server	 s;
	struct oidc_provider	 p;
	struct oidc_identity	 id;
	char			 one[1024], two[4096], *jwt;

	snprintf(one, sizeof(one), "{\"keys\":[%s]}", jwk_ec);
	snprintf(two, sizeof(two), "{\"keys\":[%s,%s]}", jwk_ec, jwk_ec2);
	assert_int_equal(fx_server_start(&s, 9051), 0);
	fx_route(&s, 0, "/jwks", "application/json", one);
	provider_on_server(&p);
	jwt = fx_jwt("ES256", "k-ec", good(), ec, NULL, 0);
	assert_int_equal(oidc_id_token_verify(&p, jwt, NONCE, now, &id),
	    OIDC_OK);
	free(jwt);
	assert_int_equal(fx_hits(&s, 0), 1);
	/* The provider rotates: a new kid makes the client refetch once. */
	fx_route(&s, 0, "/jwks", "application/json", two);
	jwt = fx_jwt("ES256", "k-ec2", good(), ec2, NULL, 0);
	assert_int_equal(oidc_id_token_verify(&p, jwt, NONCE, now + 61, &id),
	    OIDC_OK);
	free(jwt);
	assert_int_equal(fx_hits(&s, 0), 2);
	/* An unknown kid soon after: no new fetch, refused. */
	jwt = fx_jwt("ES256", "k-unknown", good(), ec2, NULL, 0);
	assert_int_equal(oidc_id_token_verify(&p, jwt, NONCE, now + 70, &id),
	    OIDC_ERR_KEY);
	assert_int_equal(fx_hits(&s, 0), 2);
	/* After the interval, one more fetch, still refused. */
	assert_int_equal(oidc_id_token_verify(&p, jwt, NONCE, now + 130, &id),
	    OIDC_ERR_KEY);
	assert_int_equal(fx_hits(&s, 0), 3);
	free(jwt);
	oidc_provider_cleanup(&p);
	fx_server_stop(&s);
}

static void
userinfo_plain_and_signed(void **state)
{
	struct fx_server	 s;
	struct oidc_provider	 p;
	struct oidc_identity	 id;
	const char		*claims = "{\"sub\":\"sub-42\",\"given_name\":"
				    "\"Camille Hélène\",\"family_name\":\"LEFÈVRE\","
				    "\"birthdate\":\"1984-05-17\",\"gender\":"
				    "\"female\",\"birthplace\":\"45234\","
				    "\"birthcountry\":\"99100\",\"iss\":\"" ISS
				    "\",\"aud\":\"" CLIENT "\"}";
	char			*jwt;

	assert_int_equal(fx_server_start(&s, 9051), 0);
	fx_route(&s, 0, "/jwks", "application/json", jwks);
	fx_route(&s, 1, "/userinfo", "application/json", claims);
	provider_on_server(&p);
	memset(&id, 0, sizeof(id));
	strcpy(id.sub, "sub-42");
	assert_int_equal(oidc_userinfo(&p, "at", now, &id), OIDC_OK);
	assert_string_equal(id.family_name, "LEFÈVRE");
	assert_true(oidc_identity_complete(&id));
	/* Signed (FranceConnect v2). */
	jwt = fx_jwt("ES256", "k-ec", claims, ec, NULL, 0);
	fx_route(&s, 1, "/userinfo", "application/jwt", jwt);
	memset(&id, 0, sizeof(id));
	strcpy(id.sub, "sub-42");
	assert_int_equal(oidc_userinfo(&p, "at", now, &id), OIDC_OK);
	assert_string_equal(id.birthplace, "45234");
	free(jwt);
	/* Signed by another key. */
	jwt = fx_jwt("ES256", "k-ec", claims, ec2, NULL, 0);
	fx_route(&s, 1, "/userinfo", "application/jwt", jwt);
	assert_int_equal(oidc_userinfo(&p, "at", now, &id), OIDC_ERR_SIGNATURE);
	free(jwt);
	/* Unsigned. */
	jwt = fx_jwt("none", NULL, claims, NULL, NULL, 0);
	fx_route(&s, 1, "/userinfo", "application/jwt", jwt);
	assert_int_equal(oidc_userinfo(&p, "at", now, &id), OIDC_ERR_ALG);
	free(jwt);
	/* Another person. */
	strcpy(id.sub, "sub-43");
	fx_route(&s, 1, "/userinfo", "application/json", claims);
	assert_int_equal(oidc_userinfo(&p, "at", now, &id), OIDC_ERR_SUBJECT);
	/* A claim missing. */
	memset(&id, 0, sizeof(id));
	strcpy(id.sub, "sub-42");
	fx_route(&s, 1, "/userinfo", "application/json", "{\"sub\":\"sub-42\","
	    "\"given_name\":\"Camille\",\"family_name\":\"X\",\"gender\":"
	    "\"female\",\"birthplace\":\"45234\",\"birthcountry\":\"99100\"}");
	assert_int_equal(oidc_userinfo(&p, "at", now, &id), OIDC_ERR_CLAIM);
	/* Born abroad: an empty birthplace is complete. */
	memset(&id, 0, sizeof(id));
	strcpy(id.sub, "sub-42");
	fx_route(&s, 1, "/userinfo", "application/json", "{\"sub\":\"sub-42\","
	    "\"given_name\":\"José\",\"family_name\":\"IBÁÑEZ\",\"gender\":"
	    "\"male\",\"birthdate\":\"1979-11-02\",\"birthplace\":\"\","
	    "\"birthcountry\":\"99134\"}");
	assert_int_equal(oidc_userinfo(&p, "at", now, &id), OIDC_OK);
	oidc_provider_cleanup(&p);
	fx_server_stop(&s);
}

static void
discovery_checks_the_issuer(void **state)
{
	struct fx_server	 s;
	struct oidc_provider	 p;
	struct oidc_config	 c = cfg;
	char			 doc[1024];

	c.issuer = SRV;
	assert_int_equal(fx_server_start(&s, 9051), 0);
	snprintf(doc, sizeof(doc), "{\"issuer\":\"%s\",\"authorization_endpoint"
	    "\":\"%s/a\",\"token_endpoint\":\"%s/t\",\"jwks_uri\":\"%s/j\","
	    "\"end_session_endpoint\":\"%s/e\"}", SRV, SRV, SRV, SRV, SRV);
	fx_route(&s, 0, "/.well-known/openid-configuration", "application/json",
	    doc);
	oidc_provider_init(&p, &c);
	assert_int_equal(oidc_discover(&p), OIDC_OK);
	assert_string_equal(p.token_endpoint, SRV "/t");
	assert_string_equal(p.end_session_endpoint, SRV "/e");
	assert_null(p.userinfo_endpoint);
	oidc_provider_cleanup(&p);
	/* Another issuer in the document. */
	snprintf(doc, sizeof(doc), "{\"issuer\":\"https://evil.example\","
	    "\"authorization_endpoint\":\"%s/a\",\"token_endpoint\":\"%s/t\","
	    "\"jwks_uri\":\"%s/j\"}", SRV, SRV, SRV);
	fx_route(&s, 0, "/.well-known/openid-configuration", "application/json",
	    doc);
	oidc_provider_init(&p, &c);
	assert_int_equal(oidc_discover(&p), OIDC_ERR_DISCOVERY);
	oidc_provider_cleanup(&p);
	/* Plain http is refused unless the loopback exception is on. */
	c.allow_http_loopback = 0;
	oidc_provider_init(&p, &c);
	assert_int_equal(oidc_discover(&p), OIDC_ERR_CONFIG);
	oidc_provider_cleanup(&p);
	fx_server_stop(&s);
}

static void
provider_down_and_slow(void **state)
{
	struct oidc_provider	 p;
	struct oidc_tokens	 t;
	struct oidc_config	 c = cfg;
	struct timespec		 a, b;
	long			 ms;
	int			 silent;

	/* Nothing listens on 9053. */
	c.issuer = "http://127.0.0.1:9053";
	oidc_provider_init(&p, &c);
	assert_int_equal(oidc_discover(&p), OIDC_ERR_UNREACHABLE);
	oidc_provider_cleanup(&p);
	/* 9052 accepts (the kernel's backlog) and never answers. */
	assert_true((silent = fx_listen(9052)) != -1);
	c.issuer = "http://127.0.0.1:9052";
	oidc_provider_init(&p, &c);
	clock_gettime(CLOCK_MONOTONIC, &a);
	assert_int_equal(oidc_discover(&p), OIDC_ERR_TIMEOUT);
	p.token_endpoint = strdup("http://127.0.0.1:9052/token");
	assert_int_equal(oidc_exchange_code(&p, "code", "verifier", now, &t),
	    OIDC_ERR_TIMEOUT);
	clock_gettime(CLOCK_MONOTONIC, &b);
	ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
	assert_true(ms >= 2 * 390 && ms < 2 * 1500);
	oidc_provider_cleanup(&p);
	close(silent);
}

static void
token_endpoint_answers(void **state)
{
	struct fx_server	 s;
	struct oidc_provider	 p;
	struct oidc_tokens	 t;

	assert_int_equal(fx_server_start(&s, 9051), 0);
	provider_on_server(&p);
	fx_route(&s, 0, "/token", "application/json", "{\"access_token\":"
	    "\"at\",\"token_type\":\"Bearer\",\"id_token\":\"a.b.c\"}");
	assert_int_equal(oidc_exchange_code(&p, "c", "v", now, &t), OIDC_OK);
	assert_string_equal(t.id_token, "a.b.c");
	assert_string_equal(t.access_token, "at");
	oidc_tokens_cleanup(&t);
	assert_null(t.id_token);
	fx_route(&s, 0, "/token", "application/json", "{\"access_token\":"
	    "\"at\",\"token_type\":\"Bearer\"}");
	assert_int_equal(oidc_exchange_code(&p, "c", "v", now, &t),
	    OIDC_ERR_RESPONSE);
	assert_int_equal(oidc_exchange_code(&p, "", "v", now, &t),
	    OIDC_ERR_GRANT);
	oidc_provider_cleanup(&p);
	fx_server_stop(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(id_token_rs256_accepted),
		cmocka_unit_test(id_token_es256_accepted),
		cmocka_unit_test(id_token_without_kid_uses_the_only_key_of_its_type),
		cmocka_unit_test(id_token_bad_signature),
		cmocka_unit_test(id_token_payload_altered),
		cmocka_unit_test(id_token_alg_none_refused),
		cmocka_unit_test(id_token_hs256_with_public_key_refused),
		cmocka_unit_test(id_token_key_of_the_wrong_type),
		cmocka_unit_test(id_token_wrong_issuer),
		cmocka_unit_test(id_token_wrong_audience),
		cmocka_unit_test(id_token_expired),
		cmocka_unit_test(id_token_issued_in_the_future),
		cmocka_unit_test(id_token_nonce),
		cmocka_unit_test(id_token_acr),
		cmocka_unit_test(id_token_garbage),
		cmocka_unit_test(pkce_rfc7636_vector),
		cmocka_unit_test(request_and_authorization_url),
		cmocka_unit_test(callback_state),
		cmocka_unit_test(end_session_url),
		cmocka_unit_test(every_refusal_has_a_code_and_a_french_sentence),
		cmocka_unit_test(jwks_rotation_refetches_once),
		cmocka_unit_test(userinfo_plain_and_signed),
		cmocka_unit_test(discovery_checks_the_issuer),
		cmocka_unit_test(provider_down_and_slow),
		cmocka_unit_test(token_endpoint_answers),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
