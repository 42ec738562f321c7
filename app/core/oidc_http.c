/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Blocking HTTP calls of the OpenID client (libcurl), with the configured
 * timeouts, no redirects, https only (http to loopback for the tests), and
 * answers capped at OIDC_BODY_MAX. Also the small helpers of oidc_int.h.
 */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "oidc_int.h"

void
oidc_buf_add(struct oidc_buf *b, const char *s, size_t n)
{
	char	*p;
	size_t	 cap;

	if (b->err)
		return;
	if (b->len + n + 1 > b->cap) {
		cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		if ((p = realloc(b->s, cap)) == NULL) {
			b->err = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
oidc_buf_str(struct oidc_buf *b, const char *s)
{
	oidc_buf_add(b, s, strlen(s));
}

static void
buf_escape(struct oidc_buf *b, const char *s)
{
	static const char	hex[] = "0123456789ABCDEF";
	char			enc[3];
	unsigned char		c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if (isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
			oidc_buf_add(b, s, 1);
		} else {
			enc[0] = '%';
			enc[1] = hex[c >> 4];
			enc[2] = hex[c & 15];
			oidc_buf_add(b, enc, 3);
		}
	}
}

void
oidc_buf_param(struct oidc_buf *b, const char *key, const char *value)
{
	if (b->len > 0 && b->s[b->len - 1] != '?')
		oidc_buf_add(b, "&", 1);
	buf_escape(b, key);
	oidc_buf_add(b, "=", 1);
	buf_escape(b, value);
}

char *
oidc_buf_take(struct oidc_buf *b)
{
	char	*s = b->s;

	if (b->err) {
		free(b->s);
		s = NULL;
	}
	memset(b, 0, sizeof(*b));
	return (s);
}

void
oidc_b64url(const unsigned char *in, size_t n, char *out)
{
	unsigned char	 tmp[4 * ((OIDC_B64_IN_MAX + 2) / 3) + 1];
	int		 len, i;

	/* EVP_EncodeBlock pads with '=' and writes a NUL after the padding,
	 * which may not fit in out: encode aside, copy what is kept. */
	if (n > OIDC_B64_IN_MAX) {
		out[0] = '\0';
		return;
	}
	len = EVP_EncodeBlock(tmp, in, (int)n);
	while (len > 0 && tmp[len - 1] == '=')
		len--;
	for (i = 0; i < len; i++)
		out[i] = tmp[i] == '+' ? '-' : tmp[i] == '/' ? '_' : (char)tmp[i];
	out[len] = '\0';
	OPENSSL_cleanse(tmp, sizeof(tmp));
}

int
oidc_equal(const char *a, const char *b)
{
	size_t	n;

	if (a == NULL || b == NULL || (n = strlen(a)) != strlen(b))
		return (0);
	return (CRYPTO_memcmp(a, b, n) == 0);
}

int
oidc_url_allowed(const struct oidc_config *cfg, const char *url)
{
	if (url == NULL)
		return (0);
	if (strncmp(url, "https://", 8) == 0)
		return (url[8] != '\0' && url[8] != '/');
	if (!cfg->allow_http_loopback)
		return (0);
	return (strncmp(url, "http://127.0.0.1:", 17) == 0 ||
	    strncmp(url, "http://127.0.0.1/", 17) == 0 ||
	    strncmp(url, "http://localhost:", 17) == 0);
}

struct sink {
	struct oidc_buf	b;
	int		too_big;
};

static size_t
on_body(char *data, size_t size, size_t n, void *arg)
{
	struct sink	*s = arg;

	if (s->b.len + size * n > OIDC_BODY_MAX) {
		s->too_big = 1;
		return (0);
	}
	oidc_buf_add(&s->b, data, size * n);
	return (s->b.err ? 0 : size * n);
}

static enum oidc_err
perform(const struct oidc_config *cfg, CURL *c, const char *url,
    struct oidc_http *r)
{
	struct sink	 s = { { NULL, 0, 0, 0 }, 0 };
	const char	*ct = NULL;
	CURLcode	 rc;
	size_t		 i;

	memset(r, 0, sizeof(*r));
	if (!oidc_url_allowed(cfg, url))
		return (OIDC_ERR_CONFIG);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR,
	    cfg->allow_http_loopback ? "http,https" : "https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, cfg->timeout_ms);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, cfg->connect_timeout_ms);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "Agora");
	rc = curl_easy_perform(c);
	if (rc != CURLE_OK) {
		free(oidc_buf_take(&s.b));
		if (rc == CURLE_OPERATION_TIMEDOUT)
			return (OIDC_ERR_TIMEOUT);
		if (rc == CURLE_WRITE_ERROR && s.too_big)
			return (OIDC_ERR_RESPONSE);
		return (OIDC_ERR_UNREACHABLE);
	}
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct);
	for (i = 0; ct != NULL && ct[i] != '\0' && ct[i] != ';' &&
	    ct[i] != ' ' && i + 1 < sizeof(r->ctype); i++)
		r->ctype[i] = (char)tolower((unsigned char)ct[i]);
	r->len = s.b.len;
	r->body = oidc_buf_take(&s.b);
	if (r->body == NULL)
		r->body = calloc(1, 1);
	return (r->body == NULL ? OIDC_ERR_RESPONSE : OIDC_OK);
}

enum oidc_err
oidc_http_get(const struct oidc_config *cfg, const char *url,
    const char *bearer, const char *accept, struct oidc_http *r)
{
	struct curl_slist	*h = NULL;
	struct oidc_buf		 auth = { NULL, 0, 0, 0 }, acc = auth;
	enum oidc_err		 err;
	CURL			*c;

	if ((c = curl_easy_init()) == NULL)
		return (OIDC_ERR_UNREACHABLE);
	if (bearer != NULL) {
		oidc_buf_str(&auth, "Authorization: Bearer ");
		oidc_buf_str(&auth, bearer);
		if (!auth.err)
			h = curl_slist_append(h, auth.s);
	}
	oidc_buf_str(&acc, "Accept: ");
	oidc_buf_str(&acc, accept ? accept : "application/json");
	if (!acc.err)
		h = curl_slist_append(h, acc.s);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	err = perform(cfg, c, url, r);
	curl_easy_cleanup(c);
	curl_slist_free_all(h);
	if (auth.s != NULL)
		OPENSSL_cleanse(auth.s, auth.len);
	free(oidc_buf_take(&auth));
	free(oidc_buf_take(&acc));
	return (err);
}

enum oidc_err
oidc_http_post(const struct oidc_config *cfg, const char *url,
    const char *form, const char *user, const char *pass,
    struct oidc_http *r)
{
	struct curl_slist	*h = NULL;
	struct oidc_buf		 u = { NULL, 0, 0, 0 }, p = u;
	enum oidc_err		 err;
	CURL			*c;

	if ((c = curl_easy_init()) == NULL)
		return (OIDC_ERR_UNREACHABLE);
	h = curl_slist_append(h, "Accept: application/json");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, form);
	if (user != NULL && pass != NULL) {
		/* RFC 6749 2.3.1: both form-encoded before Basic. */
		buf_escape(&u, user);
		buf_escape(&p, pass);
		oidc_buf_add(&u, "", 0);
		oidc_buf_add(&p, "", 0);
		if (u.err || p.err) {
			err = OIDC_ERR_CONFIG;
			goto out;
		}
		curl_easy_setopt(c, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
		curl_easy_setopt(c, CURLOPT_USERNAME, u.s);
		curl_easy_setopt(c, CURLOPT_PASSWORD, p.s);
	}
	err = perform(cfg, c, url, r);
out:
	curl_easy_cleanup(c);
	curl_slist_free_all(h);
	if (p.s != NULL)
		OPENSSL_cleanse(p.s, p.len);
	free(oidc_buf_take(&u));
	free(oidc_buf_take(&p));
	return (err);
}

void
oidc_http_cleanup(struct oidc_http *r)
{
	if (r->body != NULL) {
		OPENSSL_cleanse(r->body, r->len);
		free(r->body);
	}
	memset(r, 0, sizeof(*r));
}
