/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The texts the mail sender's fan-out and digest give their SQL functions
 * (notify_fanout, notify_digest), as PostgreSQL text array literals built
 * once from app/core/mail_texts.def: the kinds, and for each kind its
 * subject, its body and its line in the digest.
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/mail_texts.h"
#include "notify_texts.h"

static const struct {
	const char		*kind;	/* notifications.kind */
	enum mail_text_id	 text;
	enum mail_part_id	 line;
} kinds[] = {
	{ "reply",	MT_REPLY,		MP_DIGEST_REPLY },
	{ "argument",	MT_ARGUMENT,		MP_DIGEST_ARGUMENT },
	{ "answer",	MT_ANSWER_FOLLOW,	MP_DIGEST_ANSWER },
	{ "activity",	MT_ACTIVITY,		MP_DIGEST_ACTIVITY },
	{ "theme",	MT_THEME,		MP_DIGEST_THEME },
};
#define NKINDS	(sizeof(kinds) / sizeof(kinds[0]))

static struct notify_texts	texts;

/* {"a","b"}: every element quoted, its backslashes and quotes escaped. */
static char *
text_array(const char *(*pick)(size_t))
{
	size_t		 i, len = 3;
	const char	*p;
	char		*out, *o;

	for (i = 0; i < NKINDS; i++)
		len += 2 * strlen(pick(i)) + 3;
	if ((out = malloc(len)) == NULL)
		return (NULL);
	o = out;
	*o++ = '{';
	for (i = 0; i < NKINDS; i++) {
		if (i > 0)
			*o++ = ',';
		*o++ = '"';
		for (p = pick(i); *p != '\0'; p++) {
			if (*p == '"' || *p == '\\')
				*o++ = '\\';
			*o++ = *p;
		}
		*o++ = '"';
	}
	*o++ = '}';
	*o = '\0';
	return (out);
}

static const char *pick_kind(size_t i) { return (kinds[i].kind); }
static const char *pick_subject(size_t i)
    { return (mail_text_subject(kinds[i].text)); }
static const char *pick_body(size_t i)
    { return (mail_text_body(kinds[i].text)); }
static const char *pick_line(size_t i) { return (mail_part(kinds[i].line)); }

const struct notify_texts *
notify_texts(void)
{
	if (texts.kinds != NULL)
		return (&texts);
	texts.kinds = text_array(pick_kind);
	texts.subjects = text_array(pick_subject);
	texts.bodies = text_array(pick_body);
	texts.lines = text_array(pick_line);
	texts.digest_subject = mail_text_subject(MT_DIGEST);
	texts.digest_body = mail_text_body(MT_DIGEST);
	if (texts.kinds == NULL || texts.subjects == NULL ||
	    texts.bodies == NULL || texts.lines == NULL) {
		free(texts.kinds);
		free(texts.subjects);
		free(texts.bodies);
		free(texts.lines);
		memset(&texts, 0, sizeof(texts));
		return (NULL);
	}
	return (&texts);
}
