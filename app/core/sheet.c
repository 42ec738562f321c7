/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <string.h>

#include <openssl/rand.h>

#include "sheet.h"

static const char	alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/* The value of symbol c (Crockford's reading rules), or -1. */
static int
symbol(int c)
{
	const char	*p;

	if (c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	if (c == 'I' || c == 'L')
		c = '1';
	else if (c == 'O')
		c = '0';
	if (c == '\0' || (p = strchr(alphabet, c)) == NULL)
		return (-1);
	return ((int)(p - alphabet));
}

/* Luhn mod 32: every other symbol from the right doubled, digits summed. */
static int
luhn_sum(const unsigned char *v, size_t n, int factor)
{
	int	sum = 0, a;
	size_t	i;

	for (i = n; i > 0; i--) {
		a = factor * v[i - 1];
		sum += a / 32 + a % 32;
		factor = factor == 2 ? 1 : 2;
	}
	return (sum % 32);
}

int
sheet_check(const unsigned char *v, size_t n)
{
	return ((32 - luhn_sum(v, n, 2)) % 32);
}

int
sheet_code_new(char out[SHEET_CODE_LEN + 1])
{
	unsigned char	v[SHEET_CODE_LEN - 1];
	size_t		i;

	if (RAND_bytes(v, sizeof(v)) != 1)
		return (-1);
	for (i = 0; i < sizeof(v); i++) {
		v[i] &= 31;		/* 256 = 8 x 32: still uniform */
		out[i] = alphabet[v[i]];
	}
	out[sizeof(v)] = alphabet[sheet_check(v, sizeof(v))];
	out[SHEET_CODE_LEN] = '\0';
	return (0);
}

enum sheet_err
sheet_code_read(const char *in, char out[SHEET_CODE_LEN + 1])
{
	unsigned char	v[SHEET_CODE_LEN];
	size_t		n = 0;
	int		x;

	out[0] = '\0';
	for (; *in != '\0'; in++) {
		if (*in == '-' || *in == ' ')
			continue;
		if (n == SHEET_CODE_LEN || (x = symbol(*in)) == -1)
			return (SHEET_SHAPE);
		v[n++] = (unsigned char)x;
	}
	if (n == 0)
		return (SHEET_EMPTY);
	if (n != SHEET_CODE_LEN)
		return (SHEET_SHAPE);
	if (luhn_sum(v, n, 1) != 0)
		return (SHEET_CHECK);
	for (n = 0; n < SHEET_CODE_LEN; n++)
		out[n] = alphabet[v[n]];
	out[SHEET_CODE_LEN] = '\0';
	return (SHEET_OK);
}

void
sheet_code_show(const char *code, char out[SHEET_SHOWN_LEN + 1])
{
	size_t	n = strlen(code);

	if (n != SHEET_CODE_LEN) {
		memcpy(out, code, n > SHEET_SHOWN_LEN ? SHEET_SHOWN_LEN : n);
		out[n > SHEET_SHOWN_LEN ? SHEET_SHOWN_LEN : n] = '\0';
		return;
	}
	memcpy(out, code, 4);
	out[4] = '-';
	memcpy(out + 5, code + 4, 4);
	out[SHEET_SHOWN_LEN] = '\0';
}
