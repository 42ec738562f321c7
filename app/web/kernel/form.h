/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Forms: reading and validating fields with French messages, and writing
 * accessible fields (label tied to the field, hint and error tied with
 * aria-describedby, an error summary that links to each field). A form that
 * fails validation is written again with what the person typed.
 */

#ifndef AGORA_WEB_FORM_H
#define AGORA_WEB_FORM_H

#include <stddef.h>

#include "web.h"

#define FORM_MAX_ERRORS	16

struct form {
	struct web_req	*w;
	int		 nerrors;
	int		 mark_required;	/* 1: "(obligatoire)" on required labels */
	const char	*autofocus;	/* the field that takes focus, or NULL */
	struct {
		char	field[32];	/* field name, or "" for the form */
		char	msg[256];	/* French, plain text */
	} errors[FORM_MAX_ERRORS];
};

struct form_option {
	const char	*value;
	const char	*label;
};

void		 form_init(struct form *, struct web_req *);
void		 form_error(struct form *, const char *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
const char	*form_error_for(struct form *, const char *);

/*
 * Reads a text field into *out ("" when absent). Checks UTF-8, length in
 * characters (min 0: optional), and, unless multiline, control characters.
 * Leading and trailing white space is removed in place. 1 if valid, else 0
 * with an error recorded under name.
 */
int	form_text(struct form *, const char *, const char *, size_t, size_t,
	    int, const char **);
/* Reads a field whose value must be one of opts (required if req). */
int	form_choice(struct form *, const char *, const char *,
	    const struct form_option *, size_t, int, const char **);

/* Writing. Every value is escaped. */
void	form_begin(struct web_req *, const char *, const char *);
void	form_summary(struct form *);
void	form_input(struct form *, const char *, const char *, const char *,
	    const char *, const char *, const char *, int);
void	form_textarea(struct form *, const char *, const char *, const char *,
	    const char *, int, int);
void	form_select(struct form *, const char *, const char *,
	    const struct form_option *, size_t, const char *, const char *, int);
void	form_checkbox(struct form *, const char *, const char *, int,
	    const char *);
/* The same, required (required, aria-required, marked if mark_required). */
void	form_checkbox_required(struct form *, const char *, const char *, int,
	    const char *);
void	form_hidden(struct web_req *, const char *, const char *);
void	form_end(struct web_req *, const char *);

#endif
