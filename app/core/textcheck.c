/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <string.h>

#include "text.h"
#include "textcheck.h"

enum textcheck
textcheck_field(char **v, size_t min, size_t max, int multiline,
    size_t *nchars)
{
	const char	*p;
	size_t		 n;

	*nchars = 0;
	if (!text_utf8_valid(*v, strlen(*v)))
		return (TC_NOT_UTF8);
	*v = text_trim(*v);
	if (**v == '\0')
		return (min == 0 ? TC_OK : TC_EMPTY);
	for (p = *v; *p != '\0'; p++) {
		if (((unsigned char)*p < 0x20 && !(multiline &&
		    (*p == '\n' || *p == '\r' || *p == '\t'))) || *p == 0x7f)
			return (TC_CONTROL);
	}
	*nchars = n = text_utf8_chars(*v);
	if (n > max)
		return (TC_TOO_LONG);
	if (n < min)
		return (TC_TOO_SHORT);
	return (TC_OK);
}
