/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Shared by the oidc_*.c files only: HTTP calls, buffers, base64url. */

#ifndef AGORA_CORE_OIDC_INT_H
#define AGORA_CORE_OIDC_INT_H

#include <stddef.h>

#include "oidc.h"

#define OIDC_BODY_MAX	(1024 * 1024)	/* largest answer read */

/* A growing NUL-terminated string (malloc); on failure s->err is set. */
struct oidc_buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
	int	 err;
};

void	oidc_buf_add(struct oidc_buf *, const char *, size_t);
void	oidc_buf_str(struct oidc_buf *, const char *);
/* Appends "[&]key=value", both percent-encoded (RFC 3986). */
void	oidc_buf_param(struct oidc_buf *, const char *key, const char *value);
/* The string (caller free()s), or NULL after an error. */
char	*oidc_buf_take(struct oidc_buf *);

/* An HTTP answer. */
struct oidc_http {
	long	 status;
	char	*body;
	size_t	 len;
	char	 ctype[128];	/* media type, lower case, no parameters */
};

/* 1 when url may be called: https, or http to loopback when allowed. */
int		oidc_url_allowed(const struct oidc_config *, const char *url);
/* GET url (with "Authorization: Bearer" when bearer is set). */
enum oidc_err	oidc_http_get(const struct oidc_config *, const char *url,
		    const char *bearer, const char *accept, struct oidc_http *);
/* POST an urlencoded form, with HTTP Basic when user is set. */
enum oidc_err	oidc_http_post(const struct oidc_config *, const char *url,
		    const char *form, const char *user, const char *pass,
		    struct oidc_http *);
void		oidc_http_cleanup(struct oidc_http *);

#define OIDC_B64_IN_MAX	1024	/* largest input of oidc_b64url() */

/* base64url without padding of n <= OIDC_B64_IN_MAX bytes into out
 * (ceil(4n/3) + 1 bytes). */
void		oidc_b64url(const unsigned char *in, size_t n, char *out);
/* Constant-time equality of two strings. */
int		oidc_equal(const char *, const char *);

/*
 * Verifies the signature of a JWS with the provider's keys (alg allow-list,
 * key type, refetch once for an unknown kid). On OIDC_OK *claims holds the
 * payload (json_t *, caller json_decref()s) and alg its algorithm.
 */
enum oidc_err	oidc_jws_verify(struct oidc_provider *, const char *jwt,
		    time_t now, void **claims, char alg[8]);

#endif
