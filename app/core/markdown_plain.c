/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Markdown to plain text for e-mail bodies: a mail client shows text as it
 * is, so "**étudions**" or "[la carte](https://…)" would reach people as
 * Markdown syntax. The document is walked through cmark's tree and written
 * as a person would type a plain-text letter: paragraphs separated by a
 * blank line, list items as "- " or "1. ", a link's address in brackets
 * after its text, emphasis and code marks dropped, raw HTML left out.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "markdown.h"

struct plain {
	char	*s;
	size_t	 len, cap;
	int	 oom;
	int	 depth;		/* list nesting, for indentation */
};

static void
put(struct plain *p, const char *s, size_t n)
{
	char	*t;
	size_t	 cap;

	if (p->oom)
		return;
	if (p->len + n + 1 > p->cap) {
		cap = (p->len + n + 1) * 2;
		if ((t = realloc(p->s, cap)) == NULL) {
			p->oom = 1;
			return;
		}
		p->s = t;
		p->cap = cap;
	}
	memcpy(p->s + p->len, s, n);
	p->len += n;
	p->s[p->len] = '\0';
}

static void
puts_(struct plain *p, const char *s)
{
	if (s != NULL)
		put(p, s, strlen(s));
}

/* Ends the current block: one blank line, none at the very start. */
static void
block_end(struct plain *p, cmark_node *n)
{
	cmark_node	*list = cmark_node_parent(cmark_node_parent(n));

	while (p->len > 0 && p->s[p->len - 1] == ' ')
		p->s[--p->len] = '\0';
	/* A tight list's paragraphs are its items' lines. */
	if (list != NULL && cmark_node_get_type(list) == CMARK_NODE_LIST &&
	    cmark_node_get_list_tight(list))
		puts_(p, "\n");
	else
		puts_(p, "\n\n");
}

/* "- " or "3. " before an item, indented by its list's depth. */
static void
item_mark(struct plain *p, cmark_node *item)
{
	cmark_node	*list = cmark_node_parent(item), *c;
	char		 num[24];
	int		 i, k = cmark_node_get_list_start(list);

	for (i = 1; i < p->depth; i++)
		puts_(p, "  ");
	if (cmark_node_get_list_type(list) != CMARK_ORDERED_LIST) {
		puts_(p, "- ");
		return;
	}
	for (c = cmark_node_first_child(list); c != NULL && c != item;
	    c = cmark_node_next(c))
		k++;
	snprintf(num, sizeof(num), "%d. ", k);
	puts_(p, num);
}

/* A link's or an image's address after its text, unless it is the text. */
static void
link_end(struct plain *p, cmark_node *n, size_t text_start)
{
	const char	*url = cmark_node_get_url(n);

	if (url == NULL || *url == '\0')
		return;
	if (p->len - text_start == strlen(url) &&
	    memcmp(p->s + text_start, url, strlen(url)) == 0)
		return;
	puts_(p, " (");
	puts_(p, url);
	puts_(p, ")");
}

static void
visit(struct plain *p, cmark_node *n, cmark_event_type ev, size_t *mark)
{
	int	enter = ev == CMARK_EVENT_ENTER;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		puts_(p, cmark_node_get_literal(n));
		break;
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
		puts_(p, "\n");
		break;
	case CMARK_NODE_CODE_BLOCK:
		puts_(p, cmark_node_get_literal(n));
		puts_(p, "\n");
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		puts_(p, "----\n\n");
		break;
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		if (!enter)
			block_end(p, n);
		break;
	case CMARK_NODE_LIST:
		p->depth += enter ? 1 : -1;
		if (!enter && p->depth == 0 && p->len > 0 &&
		    cmark_node_get_list_tight(n))
			puts_(p, "\n");
		break;
	case CMARK_NODE_ITEM:
		if (enter)
			item_mark(p, n);
		break;
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:
		if (enter)
			*mark = p->len;
		else
			link_end(p, n, *mark);
		break;
	default:		/* emphasis, block quotes: their text only */
		break;		/* raw HTML: never (safe mode) */
	}
}

char *
markdown_plain(const char *src, size_t len)
{
	struct plain		 p;
	cmark_node		*doc;
	cmark_iter		*it;
	cmark_event_type	 ev;
	size_t			 mark = 0;

	memset(&p, 0, sizeof(p));
	if ((doc = cmark_parse_document(src, len, CMARK_OPT_DEFAULT |
	    CMARK_OPT_VALIDATE_UTF8)) == NULL)
		return (NULL);
	if ((it = cmark_iter_new(doc)) == NULL) {
		cmark_node_free(doc);
		return (NULL);
	}
	puts_(&p, "");
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		visit(&p, cmark_iter_get_node(it), ev, &mark);
	cmark_iter_free(it);
	cmark_node_free(doc);
	if (p.oom) {
		free(p.s);
		return (NULL);
	}
	while (p.len > 0 && (p.s[p.len - 1] == '\n' || p.s[p.len - 1] == ' '))
		p.s[--p.len] = '\0';
	return (p.s);
}
