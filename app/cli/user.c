/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora user create|role|list: accounts from the command line (the first
 * administrator, officials and mediators before the site opens). Each
 * subcommand lives in its own file; this one dispatches and holds what they
 * share.
 */

#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>

#include "../core/password.h"
#include "../core/settings.h"
#include "cli.h"

static void
user_usage(void)
{
	fprintf(stderr,
	    "usage: agora user create --email E --name N [--territory CODE]\n"
	    "                         [--role ROLE]... [--verified]\n"
	    "         (password from $AGORA_NEW_PASSWORD, else one line of "
	    "stdin)\n"
	    "       agora user role EMAIL +ROLE|-ROLE...\n"
	    "       agora user list [--role ROLE]\n"
	    "roles: citizen mediator moderator official admin conseil\n");
}

int
cmd_user(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "create") == 0)
		return (cmd_user_create(argc - 1, argv + 1));
	if (argc >= 2 && strcmp(argv[1], "role") == 0)
		return (cmd_user_role(argc - 1, argv + 1));
	if (argc >= 2 && strcmp(argv[1], "list") == 0)
		return (cmd_user_list(argc - 1, argv + 1));
	user_usage();
	return (2);
}

int
cli_password_read(char *buf, size_t len)
{
	const char	*env;
	size_t		 n;

	if ((env = getenv("AGORA_NEW_PASSWORD")) != NULL) {
		if (strlen(env) >= len)
			return (-1);
		memcpy(buf, env, strlen(env) + 1);
		return (0);
	}
	if (fgets(buf, (int)len, stdin) == NULL) {
		buf[0] = '\0';
		return (0);
	}
	n = strlen(buf);
	if (n == len - 1 && buf[n - 1] != '\n') {
		OPENSSL_cleanse(buf, len);
		return (-1);
	}
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	return (0);
}

int
cli_password_cost(void)
{
	return ((int)settings_int(SET_PASSWORD_SCRYPT_LN));
}
