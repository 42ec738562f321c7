/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* A growing output buffer for the harnesses' writers (html_out, csv_out). */

#ifndef AGORA_FUZZ_GROW_H
#define AGORA_FUZZ_GROW_H

#include <stdlib.h>
#include <string.h>

struct grow {
	char	*data;
	size_t	 len, cap;
};

static void
grow_write(void *arg, const void *p, size_t len)
{
	struct grow	*g = arg;

	if (g->len + len + 1 > g->cap) {
		g->cap = (g->len + len + 1) * 2;
		if ((g->data = realloc(g->data, g->cap)) == NULL)
			abort();
	}
	memcpy(g->data + g->len, p, len);
	g->len += len;
}

#endif
