/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Checks of a raw multipart/form-data body that kore's parser cannot make:
 * it keeps each value as a C string, so a NUL byte silently cut the value
 * there and the rest was published (issue 14, item 7).
 */

#ifndef AGORA_CORE_MULTIPART_H
#define AGORA_CORE_MULTIPART_H

#include <stddef.h>

/*
 * 1 when body (len bytes) holds a NUL byte; name then gets the name of the
 * part it is in ("" when no part header precedes it), cut to namesz - 1
 * bytes. 0 when there is none. Agora's forms upload no file, so no part
 * may hold one.
 */
int	multipart_nul_field(const char *body, size_t len, char *name,
	    size_t namesz);

#endif
