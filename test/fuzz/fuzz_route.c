/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * libFuzzer harness of the URL and query parsing the dispatcher does
 * itself (kore splits the request line): the path against every pattern
 * of app/core/routes.def (route_match), the captures as an id or a slug,
 * the return paths (route_local_path, route_referer_path: no open
 * redirect may come out), and the search text (text_search_clean). The
 * input is split at its first NUL: path, then the rest as one value.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../app/core/route.h"
#include "../../app/core/text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const patterns[] = {
#define ROUTE(pattern, methods, allow, handler)	pattern,
#include "../../app/core/routes.def"
#undef ROUTE
};

static void
check_local(const char *s, const char *p)
{
	if (p == NULL)
		return;
	/* A local path only: never another host, never a header break. */
	if (p[0] != '/' || p[1] == '/' || p[1] == '\\' ||
	    strpbrk(p, "\r\n\\") != NULL || strlen(p) > 512 ||
	    !text_utf8_valid(p, strlen(p)))
		abort();
	if (s != NULL && (p < s || p > s + strlen(s)))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*in, *path, *rest, buf[2048];
	const char	*args[4];
	long long	 id;
	size_t		 i, len;
	int		 j;

	if ((in = malloc(size + 2)) == NULL)
		return (0);
	memcpy(in, data, size);
	in[size] = in[size + 1] = '\0';
	path = in;
	rest = in + strlen(in) + 1;
	if (rest > in + size)
		rest = in + size;

	for (i = 0; i < sizeof(patterns) / sizeof(patterns[0]); i++) {
		memset(args, 0, sizeof(args));
		if (!route_match(patterns[i], path, buf, sizeof(buf), args, 4))
			continue;
		for (j = 0; j < 4 && args[j] != NULL; j++) {
			len = strlen(args[j]);
			if (len == 0 || memchr(args[j], '/', len) != NULL ||
			    args[j] < buf || args[j] + len >= buf + sizeof(buf) ||
			    strstr(path, args[j]) == NULL)
				abort();
			if (text_parse_id(args[j], &id) && (id < 1 ||
			    id >= (1LL << 53)))
				abort();
			(void)text_slug_valid(args[j]);
		}
	}
	check_local(path, route_local_path(path));
	check_local(rest, route_local_path(rest));
	check_local(rest, route_referer_path(rest));

	/* The search: only spaces added, never a byte the person did not
	 * type, and no '-' left that is not before a word. */
	len = strlen(rest);
	memcpy(buf, rest, len < sizeof(buf) - 1 ? len : sizeof(buf) - 1);
	buf[len < sizeof(buf) - 1 ? len : sizeof(buf) - 1] = '\0';
	text_search_clean(buf);
	for (i = 0; buf[i] != '\0'; i++) {
		if (buf[i] != rest[i] && !(rest[i] == '-' && buf[i] == ' '))
			abort();
		if (buf[i] == '-' && (buf[i + 1] == '-' || buf[i + 1] == ' ' ||
		    buf[i + 1] == '\0'))
			abort();
	}
	free(in);
	return (0);
}
