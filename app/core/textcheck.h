/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/*
 * The checks every text field of a form gets, apart from the web glue so
 * that the unit tests and the fuzzer run them (fields.def declares the
 * fields; this says whether one value is acceptable).
 */
#ifndef AGORA_TEXTCHECK_H
#define AGORA_TEXTCHECK_H

#include <stddef.h>

/* What textcheck_field() found. */
enum textcheck {
	TC_OK,
	TC_EMPTY,		/* nothing but white space, and min > 0 */
	TC_NOT_UTF8,
	TC_CONTROL,		/* a control character (or, in one line, a
				   line break or a tab) */
	TC_TOO_LONG,		/* more than max characters */
	TC_TOO_SHORT		/* fewer than min characters */
};

/*
 * The checks every text field of a form gets (app/web/kernel/form.c words them
 * in French). *v is trimmed of white space in place when it is UTF-8;
 * *nchars gets its length in characters. min 0: the field is optional.
 */
enum textcheck	textcheck_field(char **v, size_t min, size_t max,
			    int multiline, size_t *nchars);

#endif
