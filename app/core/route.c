/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <string.h>

#include "route.h"
#include "text.h"

int
route_match(const char *pattern, const char *path, char *buf, size_t bufsz,
    const char **args, int maxargs)
{
	const char	*p = pattern, *s = path, *end;
	size_t		 len, used = 0;
	int		 nargs = 0;

	while (*p != '\0') {
		if (*p == ':') {
			end = strchr(s, '/');
			len = end ? (size_t)(end - s) : strlen(s);
			if (len == 0 || nargs == maxargs ||
			    used + len + 1 > bufsz)
				return (0);
			memcpy(buf + used, s, len);
			buf[used + len] = '\0';
			args[nargs++] = buf + used;
			used += len + 1;
			s += len;
			while (*p != '\0' && *p != '/')
				p++;
			continue;
		}
		if (*p != *s)
			return (0);
		p++;
		s++;
	}
	return (*s == '\0');
}

const char *
route_local_path(const char *s)
{
	const char	*p;

	if (s == NULL || s[0] != '/' || s[1] == '/' || s[1] == '\\' ||
	    strlen(s) > 512 || !text_utf8_valid(s, strlen(s)))
		return (NULL);
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '\\')
			return (NULL);
	return (s);
}

const char *
route_referer_path(const char *ref)
{
	const char	*p;

	if (ref == NULL || (p = strstr(ref, "://")) == NULL ||
	    (p = strchr(p + 3, '/')) == NULL)
		return (NULL);
	return (route_local_path(p));
}
