/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* The texts of the e-mails (mail_texts.def) and their placeholders. */

#ifndef AGORA_CORE_MAIL_TEXTS_H
#define AGORA_CORE_MAIL_TEXTS_H

#include <stddef.h>

enum mail_text_id {
#define MAIL_TEXT(id, kind, subject, body)	MT_##id,
#define MAIL_PART(id, text)
#include "mail_texts.def"
#undef MAIL_TEXT
#undef MAIL_PART
	MT__MAX
};

enum mail_part_id {
#define MAIL_TEXT(id, kind, subject, body)
#define MAIL_PART(id, text)	MP_##id,
#include "mail_texts.def"
#undef MAIL_TEXT
#undef MAIL_PART
	MP__MAX
};

/* One placeholder: {name} becomes value. */
struct mail_var {
	const char	*name;
	const char	*value;
};

const char	*mail_text_kind(enum mail_text_id);
const char	*mail_text_subject(enum mail_text_id);
const char	*mail_text_body(enum mail_text_id);
const char	*mail_part(enum mail_part_id);
/* The declaration of an outbox kind, or MT__MAX. */
enum mail_text_id mail_text_find(const char *kind);

/*
 * tmpl with every {name} of vars replaced by its value, in one pass (a
 * value is copied, never searched for placeholders; an undeclared {x} is
 * kept). Writes at most cap bytes with the NUL into out (out may be NULL
 * with cap 0) and returns the length of the whole text, as snprintf.
 */
size_t		 mail_fill(char *out, size_t cap, const char *tmpl,
		    const struct mail_var *vars, size_t nvars);

#endif
