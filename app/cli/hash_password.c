/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora hash-password (not listed in the usage): reads one line of standard
 * input (or $AGORA_NEW_PASSWORD) and prints its scrypt hash at the cost of
 * the settings (password_scrypt_ln). For tests and for repairing an account
 * by hand; it does not apply the password policy.
 */

#include <stdio.h>

#include <openssl/crypto.h>

#include "../core/password.h"
#include "cli.h"

int
cmd_hash_password(int argc, char **argv)
{
	char	pw[1024], hash[PASSWORD_HASH_MAX];
	int	rc = 1;

	if (argc != 1) {
		fprintf(stderr, "usage: agora hash-password < password\n");
		return (2);
	}
	if (cli_password_read(pw, sizeof(pw)) == -1 || pw[0] == '\0')
		fprintf(stderr, "agora hash-password: no password, or too "
		    "long\n");
	else if (password_hash(pw, cli_password_cost(), hash) == -1)
		fprintf(stderr, "agora hash-password: hashing failed\n");
	else {
		printf("%s\n", hash);
		rc = 0;
	}
	OPENSSL_cleanse(pw, sizeof(pw));
	return (rc);
}
