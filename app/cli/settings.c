/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora settings: the effective value of every setting and where it comes
 * from (the file's line, the environment, the default), secrets hidden;
 * with --markdown, the README's settings table, from app/core/settings.def.
 */

#include <stdio.h>
#include <string.h>

#include "../core/settings.h"
#include "cli.h"

int
cmd_settings(int argc, char **argv)
{
	if (argc == 1) {
		settings_print(stdout);
		return (0);
	}
	if (argc == 2 && strcmp(argv[1], "--markdown") == 0) {
		settings_markdown(stdout);
		return (0);
	}
	fprintf(stderr, "usage: agora settings [--markdown]\n");
	return (2);
}
