/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stddef.h>
#include <string.h>

#include "multipart.h"

int
multipart_nul_field(const char *body, size_t len, char *name, size_t namesz)
{
	static const char	 key[] = "name=\"";
	const char		*nul, *p, *q;
	size_t			 n;

	if (namesz > 0)
		name[0] = '\0';
	if (body == NULL || (nul = memchr(body, '\0', len)) == NULL)
		return (0);
	/* The last part header before it: its name="...". */
	for (p = nul; p - body >= (ptrdiff_t)(sizeof(key) - 1); p--) {
		if (memcmp(p - (sizeof(key) - 1), key, sizeof(key) - 1) != 0)
			continue;
		for (q = p; q < nul && *q != '"' && *q != '\r' && *q != '\n';
		    q++)
			;
		n = (size_t)(q - p);
		if (namesz > 0) {
			if (n >= namesz)
				n = namesz - 1;
			memcpy(name, p, n);
			name[n] = '\0';
		}
		break;
	}
	return (1);
}
