/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora routes: the routing and authorisation table of the web module, one
 * line per route: pattern, methods, who may use it, handler (tab-separated).
 * It is compiled from the same app/core/routes.def as the module, so what it
 * prints is what the dispatcher enforces. "anon" is a visitor without a
 * session, "user" a signed-in person whose e-mail is not verified yet,
 * "verified" one whose e-mail is; role names follow.
 */

#include <stdio.h>
#include <string.h>

#include "../core/roles.h"
#include "cli.h"

#define METHOD_GET	0x01
#define METHOD_POST	0x02

static const struct {
	const char	*pattern;
	int		 methods;
	unsigned int	 allow;
	const char	*handler;
} table[] = {
#define ROUTE(pattern, methods, allow, handler)	\
	{ pattern, methods, allow, #handler },
#include "../core/routes.def"
#undef ROUTE
};

int
cmd_routes(int argc, char **argv)
{
	char	allow[128];
	size_t	i;

	if (argc > 1) {
		fprintf(stderr, "usage: agora routes\n");
		return (2);
	}
	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		printf("%s\t%s\t%s\t%s\n", table[i].pattern,
		    (table[i].methods & METHOD_GET) &&
		    (table[i].methods & METHOD_POST) ? "GET,POST" :
		    (table[i].methods & METHOD_POST) ? "POST" : "GET",
		    allow_format(table[i].allow, allow, sizeof(allow)),
		    table[i].handler);
	}
	return (0);
}
