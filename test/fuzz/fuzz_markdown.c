/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * libFuzzer harness: whatever a citizen types, the rendered Markdown is valid
 * UTF-8 and never carries raw HTML, event handlers or script links.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../app/core/markdown.h"
#include "../../app/core/text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const tags[] = {
	"a", "blockquote", "br", "code", "em", "h1", "h2", "h3", "h4", "h5",
	"h6", "hr", "li", "ol", "p", "pre", "strong", "ul", NULL
};
static const char *const attrs[] = {
	"href", "title", "rel", "start", "class", NULL
};

static int
in_list(const char *const *list, const char *s, size_t n)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == n && strncmp(*list, s, n) == 0)
			return (1);
	return (0);
}

/* Every tag cmark wrote is an allowed tag with allowed attributes only. */
static void
check_tags(const char *h)
{
	const char	*p = h, *q;
	size_t		 n;

	while ((p = strchr(p, '<')) != NULL) {
		p++;
		if (strncmp(p, "!-- raw HTML omitted -->", 24) == 0)
			continue;
		if (*p == '/')
			p++;
		for (q = p; (*q >= 'a' && *q <= 'z') || (*q >= '1' && *q <= '6');)
			q++;
		if (!in_list(tags, p, (size_t)(q - p)))
			abort();
		while (*q != '>' && *q != '\0') {
			while (*q == ' ' || *q == '/')
				q++;
			if (*q == '>' || *q == '\0')
				break;
			for (p = q; *q >= 'a' && *q <= 'z';)
				q++;
			n = (size_t)(q - p);
			if (!in_list(attrs, p, n) || *q != '=' || q[1] != '"')
				abort();
			if ((q = strchr(q + 2, '"')) == NULL)
				abort();
			q++;
		}
		p = q;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char	*html;
	int	 shift;

	/* The wrapper's option: any heading shift, in range or not. */
	shift = len > 0 ? (int)(data[0] % 10) - 2 : 2;
	if ((html = markdown_render((const char *)data, len, shift)) == NULL)
		abort();
	if (!text_utf8_valid(html, strlen(html)))
		abort();
	check_tags(html);
	if (strcasestr(html, "href=\"javascript:") != NULL ||
	    strcasestr(html, "href=\"vbscript:") != NULL ||
	    strcasestr(html, "href=\"data:text") != NULL)
		abort();
	free(html);
	/* The e-mail's plain text: valid UTF-8, never a tag cmark made. */
	if ((html = markdown_plain((const char *)data, len)) == NULL)
		abort();
	if (!text_utf8_valid(html, strlen(html)))
		abort();
	free(html);
	return (0);
}
