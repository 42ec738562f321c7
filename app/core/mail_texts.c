/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <string.h>

#include "mail_texts.h"

static const struct {
	const char	*kind;
	const char	*subject;
	const char	*body;
} texts[MT__MAX] = {
#define MAIL_TEXT(id, kind, subject, body)	\
	{ #kind, subject, body },	/* MT_##id */
#define MAIL_PART(id, text)
#include "mail_texts.def"
#undef MAIL_TEXT
#undef MAIL_PART
};

static const char *const parts[MP__MAX] = {
#define MAIL_TEXT(id, kind, subject, body)
#define MAIL_PART(id, text)	text,	/* MP_##id */
#include "mail_texts.def"
#undef MAIL_TEXT
#undef MAIL_PART
};

const char *
mail_part(enum mail_part_id id)
{
	return (id < MP__MAX ? parts[id] : NULL);
}

const char *
mail_text_kind(enum mail_text_id id)
{
	return (id < MT__MAX ? texts[id].kind : NULL);
}

const char *
mail_text_subject(enum mail_text_id id)
{
	return (id < MT__MAX ? texts[id].subject : NULL);
}

const char *
mail_text_body(enum mail_text_id id)
{
	return (id < MT__MAX ? texts[id].body : NULL);
}

enum mail_text_id
mail_text_find(const char *kind)
{
	int	i;

	for (i = 0; i < MT__MAX; i++)
		if (strcmp(texts[i].kind, kind) == 0)
			return ((enum mail_text_id)i);
	return (MT__MAX);
}

/* Appends n bytes of s at *len, within cap. */
static void
put(char *out, size_t cap, size_t *len, const char *s, size_t n)
{
	size_t	room;

	if (cap > 0 && *len < cap - 1) {
		room = cap - 1 - *len;
		memcpy(out + *len, s, n < room ? n : room);
	}
	*len += n;
}

size_t
mail_fill(char *out, size_t cap, const char *tmpl,
    const struct mail_var *vars, size_t nvars)
{
	const char	*p = tmpl, *open, *close;
	size_t		 len = 0, i, n;

	while ((open = strchr(p, '{')) != NULL &&
	    (close = strchr(open, '}')) != NULL) {
		put(out, cap, &len, p, (size_t)(open - p));
		n = (size_t)(close - open - 1);
		for (i = 0; i < nvars; i++)
			if (strlen(vars[i].name) == n &&
			    strncmp(vars[i].name, open + 1, n) == 0)
				break;
		if (i < nvars)
			put(out, cap, &len, vars[i].value,
			    strlen(vars[i].value));
		else
			put(out, cap, &len, open, n + 2);
		p = close + 1;
	}
	put(out, cap, &len, p, strlen(p));
	if (cap > 0)
		out[len < cap ? len : cap - 1] = '\0';
	return (len);
}
