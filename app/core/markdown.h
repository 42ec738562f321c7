/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Markdown to HTML through cmark, in its safe mode: raw HTML is omitted and
 * javascript:, vbscript:, file: and most data: links are blanked. On top of
 * that, images become plain links (no page may make a third-party request),
 * every link gets rel="nofollow ugc", and headings are shifted down so that
 * what a citizen writes never competes with the page's own outline.
 */

#ifndef AGORA_CORE_MARKDOWN_H
#define AGORA_CORE_MARKDOWN_H

#include <stddef.h>

/*
 * Renders len bytes of src. heading_shift (0..5) is added to every heading
 * level (capped at 6). Returns a malloc'd NUL-terminated string the caller
 * free()s, or NULL when out of memory.
 */
char	*markdown_render(const char *src, size_t len, int heading_shift);
/*
 * Renders len bytes of src as plain text for an e-mail body (no Markdown
 * syntax left: see markdown_plain.c). Returns a malloc'd string the caller
 * free()s, or NULL when out of memory.
 */
char	*markdown_plain(const char *src, size_t len);

#endif
