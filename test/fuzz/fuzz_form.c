/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * libFuzzer harness of the form checks outside kore's own parser: the
 * NUL check of the raw multipart body (multipart_nul_field) and the text
 * check every form field gets (textcheck_field). The input is
 * taken as a raw body and, cut at its NULs, as field values.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../app/core/multipart.h"
#include "../../app/core/text.h"
#include "../../app/core/textcheck.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_value(const char *s, size_t min, size_t max, int multiline)
{
	char		*copy, *v;
	const char	*p;
	size_t		 n;

	if ((copy = strdup(s)) == NULL)
		return;
	v = copy;
	switch (textcheck_field(&v, min, max, multiline, &n)) {
	case TC_OK:
		/* What passes is UTF-8, trimmed, within bounds, clean. */
		if (!text_utf8_valid(v, strlen(v)) || n > max ||
		    (*v != '\0' && n < min) || (min > 0 && *v == '\0'))
			abort();
		if (*v != '\0' && (v[0] == ' ' || v[strlen(v) - 1] == ' '))
			abort();
		for (p = v; *p != '\0'; p++)
			if (((unsigned char)*p < 0x20 && !(multiline &&
			    (*p == '\n' || *p == '\r' || *p == '\t'))) ||
			    *p == 0x7f)
				abort();
		break;
	case TC_NOT_UTF8:
		if (text_utf8_valid(s, strlen(s)))
			abort();
		break;
	default:
		if (v < copy || v > copy + strlen(s))
			abort();
		break;
	}
	free(copy);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*in, name[64];
	const char	*p, *nul;
	size_t		 min, max;

	if ((in = malloc(size + 1)) == NULL)
		return (0);
	memcpy(in, data, size);
	in[size] = '\0';
	nul = memchr(in, '\0', size);
	if (multipart_nul_field(in, size, name, sizeof(name)) != (nul != NULL))
		abort();
	if (nul != NULL && strlen(name) >= sizeof(name))
		abort();
	min = size > 0 ? data[0] % 8 : 0;
	max = size > 1 ? data[1] % 64 : 0;
	for (p = in; p <= in + size; p += strlen(p) + 1) {
		check_value(p, min, max, 0);
		check_value(p, min, max, 1);
		check_value(p, 0, 5000, 1);
	}
	free(in);
	return (0);
}
