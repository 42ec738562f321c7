/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * A request's arena: what a handler allocates lives as long as the request
 * and is freed with it, in one place, whatever path the handler took. A
 * bump allocator over chunks; a block larger than a chunk gets its own.
 */

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../../core/mail_texts.h"
#include "web.h"

#define ARENA_CHUNK	8192

struct web_arena {
	struct web_arena	*next;
	size_t			 used;
	size_t			 size;
	max_align_t		 data[];	/* size bytes */
};

static struct web_arena *
chunk_new(struct web_req *w, size_t size)
{
	struct web_arena	*c;

	c = kore_malloc(sizeof(*c) + size);
	c->next = w->arena;
	c->used = 0;
	c->size = size;
	w->arena = c;
	return (c);
}

void *
web_alloc(struct web_req *w, size_t len)
{
	struct web_arena	*c = w->arena;
	size_t			 align = sizeof(max_align_t);
	void			*p;

	len = (len + align - 1) / align * align;
	if (len == 0)
		len = align;
	if (len > ARENA_CHUNK / 4) {
		/* Big: a chunk of its own, kept behind the one in use. */
		c = kore_malloc(sizeof(*c) + len);
		c->used = c->size = len;
		if (w->arena == NULL) {
			c->next = NULL;
			w->arena = c;
		} else {
			c->next = w->arena->next;
			w->arena->next = c;
		}
		memset(c->data, 0, len);
		return (c->data);
	}
	if (c == NULL || c->size - c->used < len)
		c = chunk_new(w, ARENA_CHUNK);
	p = (char *)c->data + c->used;
	c->used += len;
	memset(p, 0, len);
	return (p);
}

char *
web_strdup(struct web_req *w, const char *s)
{
	size_t	 n = strlen(s) + 1;
	char	*p = web_alloc(w, n);

	memcpy(p, s, n);
	return (p);
}

char *
web_printf(struct web_req *w, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		fatal("web_printf: bad format");
	p = web_alloc(w, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return (p);
}

void *
web_state(struct web_req *w, size_t len)
{
	if (w->state == NULL)
		w->state = web_alloc(w, len);
	return (w->state);
}

void
web_arena_free(struct web_req *w)
{
	struct web_arena	*c, *next;

	for (c = w->arena; c != NULL; c = next) {
		next = c->next;
		kore_free(c);
	}
	w->arena = NULL;
	w->state = NULL;
}

char *
web_mail_fill(struct web_req *w, const char *tmpl, const struct mail_var *vars,
    size_t n)
{
	size_t	 len = mail_fill(NULL, 0, tmpl, vars, n);
	char	*s = web_alloc(w, len + 1);

	mail_fill(s, len + 1, tmpl, vars, n);
	return (s);
}
