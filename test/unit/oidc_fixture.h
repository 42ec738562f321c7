/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Test fixtures of test_oidc.c, made with OpenSSL alone (not with the
 * library under test): key pairs, their public JWKs, JWTs signed with them
 * (or not at all, or with HMAC), and a one-thread HTTP server on 127.0.0.1
 * that answers fixed bodies per path and counts the requests.
 */

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include "../../app/core/oidc_int.h"

static void
fx_b64(const void *in, size_t n, char *out)
{
	oidc_b64url(in, n, out);
}

static void
fx_bn(EVP_PKEY *k, const char *param, char *out)
{
	BIGNUM		*bn = NULL;
	unsigned char	 buf[600];
	int		 n;

	EVP_PKEY_get_bn_param(k, param, &bn);
	n = BN_bn2bin(bn, buf);
	fx_b64(buf, (size_t)n, out);
	BN_free(bn);
}

/* The public JWK of k (RSA or EC P-256) as JSON, with kid and alg. */
static void
fx_jwk(EVP_PKEY *k, const char *kid, const char *alg, char *out, size_t len)
{
	char		 a[800], b[800];
	unsigned char	 pt[65];
	size_t		 n = 0;

	if (EVP_PKEY_is_a(k, "RSA")) {
		fx_bn(k, OSSL_PKEY_PARAM_RSA_N, a);
		fx_bn(k, OSSL_PKEY_PARAM_RSA_E, b);
		snprintf(out, len, "{\"kty\":\"RSA\",\"kid\":\"%s\",\"alg\":\"%s\","
		    "\"use\":\"sig\",\"n\":\"%s\",\"e\":\"%s\"}", kid, alg, a, b);
		return;
	}
	EVP_PKEY_get_octet_string_param(k, OSSL_PKEY_PARAM_PUB_KEY, pt,
	    sizeof(pt), &n);
	fx_b64(pt + 1, 32, a);
	fx_b64(pt + 33, 32, b);
	snprintf(out, len, "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"%s\","
	    "\"alg\":\"%s\",\"x\":\"%s\",\"y\":\"%s\"}", kid, alg, a, b);
}

/*
 * A compact JWS of payload with header {"alg":alg,"kid":kid}: signed by k
 * (RS256, ES256), by HMAC with hkey (HS256), or unsigned ("none").
 * Returns a malloc'd string.
 */
static char *
fx_jwt(const char *alg, const char *kid, const char *payload, EVP_PKEY *k,
    const unsigned char *hkey, size_t hkeylen)
{
	char		 header[256], *h64, *p64, *out, *s64;
	unsigned char	 sig[600], raw[64];
	const unsigned char *q;
	size_t		 siglen = sizeof(sig), n;
	unsigned int	 hlen = 0;
	EVP_MD_CTX	*md;
	ECDSA_SIG	*es;

	if (kid != NULL)
		snprintf(header, sizeof(header),
		    "{\"alg\":\"%s\",\"kid\":\"%s\",\"typ\":\"JWT\"}", alg, kid);
	else
		snprintf(header, sizeof(header), "{\"alg\":\"%s\"}", alg);
	h64 = malloc(strlen(header) * 2 + 4);
	p64 = malloc(strlen(payload) * 2 + 4);
	fx_b64(header, strlen(header), h64);
	fx_b64(payload, strlen(payload), p64);
	n = strlen(h64) + strlen(p64) + 1200;
	out = malloc(n);
	snprintf(out, n, "%s.%s", h64, p64);
	s64 = malloc(1000);
	s64[0] = '\0';
	if (strcmp(alg, "HS256") == 0) {
		HMAC(EVP_sha256(), hkey, (int)hkeylen, (unsigned char *)out,
		    strlen(out), sig, &hlen);
		fx_b64(sig, hlen, s64);
	} else if (strcmp(alg, "none") != 0) {
		md = EVP_MD_CTX_new();
		EVP_DigestSignInit(md, NULL, EVP_sha256(), NULL, k);
		EVP_DigestSign(md, sig, &siglen, (unsigned char *)out,
		    strlen(out));
		EVP_MD_CTX_free(md);
		if (EVP_PKEY_is_a(k, "EC")) {
			q = sig;
			es = d2i_ECDSA_SIG(NULL, &q, (long)siglen);
			BN_bn2binpad(ECDSA_SIG_get0_r(es), raw, 32);
			BN_bn2binpad(ECDSA_SIG_get0_s(es), raw + 32, 32);
			ECDSA_SIG_free(es);
			fx_b64(raw, 64, s64);
		} else
			fx_b64(sig, siglen, s64);
	}
	strcat(out, ".");
	strcat(out, s64);
	free(h64);
	free(p64);
	free(s64);
	return (out);
}

/* The one-thread HTTP server. */
#define FX_ROUTES	6

struct fx_route {
	const char	*path;
	const char	*ctype;
	char		*body;		/* owned */
	int		 hits;
};

struct fx_server {
	int		 fd;
	int		 port;
	int		 stop;
	pthread_t	 thread;
	pthread_mutex_t	 lock;
	struct fx_route	 routes[FX_ROUTES];
};

static void
fx_route(struct fx_server *s, int i, const char *path, const char *ctype,
    const char *body)
{
	pthread_mutex_lock(&s->lock);
	free(s->routes[i].body);
	s->routes[i].path = path;
	s->routes[i].ctype = ctype;
	s->routes[i].body = strdup(body);
	pthread_mutex_unlock(&s->lock);
}

static void
fx_write(int fd, const char *s)
{
	size_t	n = strlen(s);
	ssize_t	w;

	while (n > 0 && (w = write(fd, s, n)) > 0) {
		s += w;
		n -= (size_t)w;
	}
}

static void *
fx_serve(void *arg)
{
	struct fx_server	*s = arg;
	char			 req[8192], path[512], head[256];
	ssize_t			 n;
	size_t			 got;
	int			 c, i;
	const char		*body;

	while (!s->stop) {
		if ((c = accept(s->fd, NULL, NULL)) == -1)
			continue;
		got = 0;
		while (got < sizeof(req) - 1 && (n = read(c, req + got,
		    sizeof(req) - 1 - got)) > 0) {
			got += (size_t)n;
			req[got] = '\0';
			if (strstr(req, "\r\n\r\n") != NULL)
				break;
		}
		req[got] = '\0';
		path[0] = '\0';
		sscanf(req, "%*s %511s", path);
		pthread_mutex_lock(&s->lock);
		body = NULL;
		for (i = 0; i < FX_ROUTES; i++)
			if (s->routes[i].path != NULL &&
			    strcmp(s->routes[i].path, path) == 0) {
				s->routes[i].hits++;
				body = s->routes[i].body;
				break;
			}
		if (body != NULL) {
			snprintf(head, sizeof(head), "HTTP/1.1 200 OK\r\n"
			    "Content-Type: %s\r\nContent-Length: %zu\r\n"
			    "Connection: close\r\n\r\n", s->routes[i].ctype,
			    strlen(body));
			fx_write(c, head);
			fx_write(c, body);
		} else
			fx_write(c, "HTTP/1.1 404 Not Found\r\nContent-Length:"
			    " 0\r\nConnection: close\r\n\r\n");
		pthread_mutex_unlock(&s->lock);
		close(c);
	}
	return (NULL);
}

/* A listening socket on 127.0.0.1:port; -1 on failure. */
static int
fx_listen(int port)
{
	struct sockaddr_in	sa;
	int			fd, one = 1;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		return (-1);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((unsigned short)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) == -1 ||
	    listen(fd, 8) == -1) {
		close(fd);
		return (-1);
	}
	return (fd);
}

static int
fx_server_start(struct fx_server *s, int port)
{
	memset(s, 0, sizeof(*s));
	pthread_mutex_init(&s->lock, NULL);
	s->port = port;
	if ((s->fd = fx_listen(port)) == -1)
		return (-1);
	return (pthread_create(&s->thread, NULL, fx_serve, s));
}

static int
fx_hits(struct fx_server *s, int i)
{
	int	n;

	pthread_mutex_lock(&s->lock);
	n = s->routes[i].hits;
	pthread_mutex_unlock(&s->lock);
	return (n);
}

static void
fx_server_stop(struct fx_server *s)
{
	int	i, fd;

	s->stop = 1;
	/* Wake accept() with one last connection. */
	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) != -1) {
		struct sockaddr_in sa;

		memset(&sa, 0, sizeof(sa));
		sa.sin_family = AF_INET;
		sa.sin_port = htons((unsigned short)s->port);
		sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0)
			fx_write(fd, "GET / HTTP/1.0\r\n\r\n");
		close(fd);
	}
	pthread_join(s->thread, NULL);
	close(s->fd);
	for (i = 0; i < FX_ROUTES; i++)
		free(s->routes[i].body);
	pthread_mutex_destroy(&s->lock);
}
