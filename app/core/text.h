/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Checks on text that citizens type: encoding, length, emptiness. */

#ifndef AGORA_CORE_TEXT_H
#define AGORA_CORE_TEXT_H

#include <stddef.h>

/* 1 when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
int	text_utf8_valid(const char *s, size_t len);
/* The number of code points in a valid UTF-8 string. */
size_t	text_utf8_chars(const char *s);
/* Removes leading and trailing white space in place; returns the start. */
char	*text_trim(char *s);
/* 1 when s holds nothing but white space. */
int	text_blank(const char *s);
/*
 * 1 when s is a plain decimal id in [1, 2^53) with no sign, no leading zero
 * and at most 15 digits; stores it in *out.
 */
int	text_parse_id(const char *s, long long *out);
/* 1 when s is a slug: 1 to 64 of [a-z0-9-], not starting with '-'. */
int	text_slug_valid(const char *s);
/*
 * Prepares a search for websearch_to_tsquery(), in place: a '-' is a
 * negation only right before a word or a quoted phrase; any other '-'
 * (a run of them, one before a space or a bracket) becomes a space, since
 * PostgreSQL stacks one operator per '-' and 33 of them in a row overflow
 * its stack ("tsquery stack too small", a 500: issue 14, item 7).
 */
void	text_search_clean(char *s);
/*
 * 1 when s is an absolute http(s) URL with a host, no space, no quote or
 * angle bracket or backslash, at most 500 bytes: a link we may print.
 */
int	text_link_valid(const char *s);

#endif
