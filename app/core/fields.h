/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* The fields pages receive (fields.def), shared by the module and the CLI. */

#ifndef AGORA_CORE_FIELDS_H
#define AGORA_CORE_FIELDS_H

#include <stddef.h>
#include <stdio.h>

#define FIELD_QS	0x01	/* query string of a GET */
#define FIELD_POST	0x02	/* multipart form of a POST */
#define FIELD_KEEP	0x04	/* free text shown back when a POST is refused */
/* The short forms fields.def uses. */
#define F_QS		FIELD_QS
#define F_POST		FIELD_POST
#define F_KEEP		FIELD_KEEP

struct field_def {
	const char	*name;
	int		 flags;		/* FIELD_* bits */
	const char	*label;		/* French, for messages */
	size_t		 max;		/* most bytes accepted */
};

extern const struct field_def	field_defs[];
extern const size_t		field_ndefs;

/* The declaration of name, or NULL. */
const struct field_def	*field_find(const char *);
/* Writes conf/routes.conf as it must be for these fields. */
void			 fields_kore_conf(FILE *);

#endif
