/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "markdown.h"

static const char	link_open[] = "<a href=\"";
static const char	link_safe[] = "<a rel=\"nofollow ugc\" href=\"";

/* Replaces an image by a link with the same destination and children. */
static void
image_to_link(cmark_node *img)
{
	cmark_node	*a, *child;
	const char	*url, *title;

	if ((a = cmark_node_new(CMARK_NODE_LINK)) == NULL)
		return;
	url = cmark_node_get_url(img);
	title = cmark_node_get_title(img);
	cmark_node_set_url(a, url ? url : "");
	cmark_node_set_title(a, title ? title : "");
	while ((child = cmark_node_first_child(img)) != NULL) {
		cmark_node_unlink(child);
		cmark_node_append_child(a, child);
	}
	if (cmark_node_first_child(a) == NULL) {
		child = cmark_node_new(CMARK_NODE_TEXT);
		if (child != NULL) {
			cmark_node_set_literal(child, "image");
			cmark_node_append_child(a, child);
		}
	}
	cmark_node_insert_before(img, a);
	cmark_node_unlink(img);
	cmark_node_free(img);
}

/*
 * Collects the nodes to rewrite first: the tree must not change under the
 * iterator.
 */
static void
rewrite(cmark_node *doc, int heading_shift)
{
	cmark_iter		*it;
	cmark_event_type	 ev;
	cmark_node		*n, **imgs = NULL, **tmp;
	size_t			 nimgs = 0, cap = 0, i;
	int			 level;

	if ((it = cmark_iter_new(doc)) == NULL)
		return;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HEADING:
			level = cmark_node_get_heading_level(n) + heading_shift;
			cmark_node_set_heading_level(n, level > 6 ? 6 : level);
			break;
		case CMARK_NODE_IMAGE:
			if (nimgs == cap) {
				cap = cap ? cap * 2 : 8;
				tmp = realloc(imgs, cap * sizeof(*imgs));
				if (tmp == NULL)
					goto out;
				imgs = tmp;
			}
			imgs[nimgs++] = n;
			break;
		default:
			break;
		}
	}
out:
	cmark_iter_free(it);
	for (i = 0; i < nimgs; i++)
		image_to_link(imgs[i]);
	free(imgs);
}

/* Inserts rel="nofollow ugc" in every link cmark wrote. */
static char *
add_rel(char *html)
{
	size_t	 count = 0, len, extra;
	char	*p, *out, *w;

	for (p = html; (p = strstr(p, link_open)) != NULL; p++)
		count++;
	if (count == 0)
		return (html);
	len = strlen(html);
	extra = count * (sizeof(link_safe) - sizeof(link_open));
	if ((out = malloc(len + extra + 1)) == NULL) {
		free(html);
		return (NULL);
	}
	for (p = html, w = out; *p != '\0';) {
		if (strncmp(p, link_open, sizeof(link_open) - 1) == 0) {
			memcpy(w, link_safe, sizeof(link_safe) - 1);
			w += sizeof(link_safe) - 1;
			p += sizeof(link_open) - 1;
		} else
			*w++ = *p++;
	}
	*w = '\0';
	free(html);
	return (out);
}

char *
markdown_render(const char *src, size_t len, int heading_shift)
{
	cmark_node	*doc;
	char		*html;
	const int	 opts = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;

	if (heading_shift < 0)
		heading_shift = 0;
	if (heading_shift > 5)
		heading_shift = 5;
	if ((doc = cmark_parse_document(src, len, opts)) == NULL)
		return (NULL);
	rewrite(doc, heading_shift);
	html = cmark_render_html(doc, opts);
	cmark_node_free(doc);
	if (html == NULL)
		return (NULL);
	return (add_rel(html));
}
