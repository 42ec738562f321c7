/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Indents a JSON document for a person to read (the personal-data
 * download, issue 13, item 13), keeping its keys in their order (which
 * PostgreSQL's jsonb_pretty would not). The input is well-formed JSON as
 * PostgreSQL writes it; strings are copied byte for byte.
 */

#ifndef AGORA_CORE_JSON_PRETTY_H
#define AGORA_CORE_JSON_PRETTY_H

#include <stddef.h>

/* Calls put(arg, bytes, length) for each piece of the indented text. */
void	json_pretty(const char *,
	    void (*)(void *, const char *, size_t), void *);

#endif
