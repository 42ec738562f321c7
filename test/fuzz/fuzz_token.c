/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * libFuzzer harness of cookie and token parsing: the Cookie header split
 * as kore splits it ("; " between pairs, "=" in each), then each value
 * through the checks the dispatcher makes of a session or CSRF cookie and
 * of a form's idempotency key (token_well_formed), the stored hash
 * (token_hash_hex), the constant-time comparison and the roles of a
 * session row (roles_parse). Only a well-formed token may be hashed and
 * looked up; everything else is dropped.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../app/core/roles.h"
#include "../../app/core/token.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_token(const char *v)
{
	char	hex[TOKEN_HEX_LEN + 1], mac[TOKEN_LEN + 1];
	size_t	i;

	if (!token_well_formed(v))
		return;
	if (strlen(v) != TOKEN_LEN)
		abort();
	for (i = 0; v[i] != '\0'; i++)
		if (!((v[i] >= 'A' && v[i] <= 'Z') ||
		    (v[i] >= 'a' && v[i] <= 'z') ||
		    (v[i] >= '0' && v[i] <= '9') || v[i] == '-' ||
		    v[i] == '_'))
			abort();
	token_hash_hex(v, hex);
	if (strlen(hex) != TOKEN_HEX_LEN || strspn(hex,
	    "0123456789abcdef") != TOKEN_HEX_LEN)
		abort();
	token_mac((const unsigned char *)"k", 1, v, mac);
	if (!token_well_formed(mac) || !token_equal(v, v) ||
	    token_equal(v, mac) != (strcmp(v, mac) == 0))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*in, *pair, *next, *eq;

	if ((in = malloc(size + 1)) == NULL)
		return (0);
	memcpy(in, data, size);
	in[size] = '\0';
	(void)roles_parse(in);
	for (pair = in; pair != NULL; pair = next) {
		if ((next = strstr(pair, "; ")) != NULL) {
			*next = '\0';
			next += 2;
		}
		if ((eq = strchr(pair, '=')) == NULL)
			continue;
		*eq = '\0';
		check_token(eq + 1);
		(void)token_equal(pair, eq + 1);
	}
	free(in);
	return (0);
}
