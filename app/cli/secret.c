/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "../core/settings.h"
#include "cli.h"

int
cli_secret_load(unsigned char *key, size_t keysize, size_t *keylen)
{
	const char	*path = settings_text(SET_SECRET_FILE);
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY)) == -1) {
		fprintf(stderr, "agora: secret_file %s unreadable\n", path);
		return (-1);
	}
	n = read(fd, key, keysize);
	close(fd);
	if (n < 32) {
		fprintf(stderr, "agora: secret_file %s: needs at least 32 "
		    "bytes\n", path);
		return (-1);
	}
	*keylen = (size_t)n;
	return (0);
}
