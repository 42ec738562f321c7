/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Turning text from other platforms into ours: slugs from French titles,
 * plain text into Markdown that renders as the same text, and the small
 * HTML fragments of Decidim exports into plain text.
 */

#ifndef AGORA_CORE_PLAINTEXT_H
#define AGORA_CORE_PLAINTEXT_H

#include <stddef.h>

/*
 * Writes into out (size outsz >= 2) a slug of the UTF-8 title: lower case,
 * French accents dropped, any other run of characters turned into one '-',
 * at most max (<= outsz - 1) bytes cut at a word boundary. Returns the
 * slug's length, 0 when nothing is left.
 */
size_t	plain_slugify(const char *title, char *out, size_t outsz, size_t max);
/*
 * Returns a malloc'd Markdown source that renders as the plain text s:
 * characters with a meaning in Markdown are backslash-escaped, blank lines
 * separate paragraphs and a single line break stays a line break. The
 * caller free()s it; NULL when out of memory.
 */
char	*plain_to_markdown(const char *s);
/*
 * Returns a malloc'd plain text of an HTML fragment: tags dropped, block
 * ends (</p>, <br>) become line breaks, the common entities decoded,
 * white space trimmed. The caller free()s it; NULL when out of memory.
 */
char	*plain_from_html(const char *s);

#endif
