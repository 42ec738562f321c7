/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Matching a request path against a route pattern (routes.def). */

#ifndef AGORA_CORE_ROUTE_H
#define AGORA_CORE_ROUTE_H

#include <stddef.h>

/*
 * Matches path against pattern, where ":name" captures one non-empty path
 * segment ("/themes/:slug"). The captures are copied, NUL-terminated, into
 * buf (bufsz bytes) and pointed to from args (at most maxargs; the others
 * are left alone). 1 on a match, 0 otherwise (also when the captures do
 * not fit).
 */
int	route_match(const char *pattern, const char *path, char *buf,
	    size_t bufsz, const char **args, int maxargs);

/*
 * s when it is a path of this site a visitor may be sent back to: starts
 * with one '/' (not "//" nor "/\\", which browsers read as another host),
 * UTF-8, at most 512 bytes, no control character and no backslash. NULL
 * otherwise (also for NULL).
 */
const char	*route_local_path(const char *s);
/*
 * The path part of a Referer URL ("https://host/path?q" gives "/path?q")
 * when route_local_path() accepts it; NULL otherwise.
 */
const char	*route_referer_path(const char *referer);

#endif
