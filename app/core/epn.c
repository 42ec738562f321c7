/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "epn.h"
#include "text.h"

const char *
epn_text_problem(const char *label, const char *s, size_t max, int required,
    int multiline, char *buf, size_t n)
{
	const char	*p;
	size_t		 chars;

	if (s == NULL || *s == '\0') {
		if (!required)
			return (NULL);
		snprintf(buf, n, "« %s » est obligatoire.", label);
		return (buf);
	}
	if (!text_utf8_valid(s, strlen(s))) {
		snprintf(buf, n, "« %s » contient des caractères invalides "
		    "(encodage non UTF-8).", label);
		return (buf);
	}
	for (p = s; *p != '\0'; p++) {
		if (((unsigned char)*p < 0x20 && !(multiline &&
		    (*p == '\n' || *p == '\r' || *p == '\t'))) || *p == 0x7f) {
			snprintf(buf, n, "« %s » contient des caractères de "
			    "contrôle non autorisés.", label);
			return (buf);
		}
	}
	if ((chars = text_utf8_chars(s)) > max) {
		snprintf(buf, n, "« %s » ne doit pas dépasser %zu caractères "
		    "(vous en avez saisi %zu).", label, max, chars);
		return (buf);
	}
	return (NULL);
}

/* n decimal digits at s, as a number; -1 when one is not a digit. */
static int
digits(const char *s, int n)
{
	int	v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return (-1);
		v = v * 10 + (s[i] - '0');
	}
	return (v);
}

int
epn_date_parse(const char *s, int *y, int *m, int *d)
{
	static const int	days[12] = { 31, 28, 31, 30, 31, 30, 31, 31,
				    30, 31, 30, 31 };
	int			leap, last;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return (-1);
	*y = digits(s, 4);
	*m = digits(s + 5, 2);
	*d = digits(s + 8, 2);
	if (*y < 2000 || *y > 2099 || *m < 1 || *m > 12 || *d < 1)
		return (-1);
	leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
	last = days[*m - 1] + (*m == 2 && leap);
	return (*d > last ? -1 : 0);
}

int
epn_time_parse(const char *s, int *minutes)
{
	int	h, mi;

	if (s == NULL || strlen(s) != 5 || s[2] != ':')
		return (-1);
	h = digits(s, 2);
	mi = digits(s + 3, 2);
	if (h < 0 || h > 23 || mi < 0 || mi > 59)
		return (-1);
	*minutes = h * 60 + mi;
	return (0);
}
