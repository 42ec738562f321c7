/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <string.h>

#include "fields.h"

const struct field_def field_defs[] = {
#define FIELD(name, flags, max, label)	{ #name, flags, label, max },
#include "fields.def"
#undef FIELD
};

const size_t field_ndefs = sizeof(field_defs) / sizeof(field_defs[0]);

const struct field_def *
field_find(const char *name)
{
	size_t	i;

	for (i = 0; i < field_ndefs; i++)
		if (strcmp(field_defs[i].name, name) == 0)
			return (&field_defs[i]);
	return (NULL);
}

static void
params_block(FILE *f, const char *what, int where)
{
	size_t	i;

	fprintf(f, "\tparams %s ^/.*$ {\n", what);
	for (i = 0; i < field_ndefs; i++)
		if (field_defs[i].flags & where)
			fprintf(f, "\t\tvalidate\t%s\tv_field\n",
			    field_defs[i].name);
	fprintf(f, "\t}\n");
}

void
fields_kore_conf(FILE *f)
{
	fputs("# Included by every kore configuration of Agora (development, "
	    "tests,\n# production). Written by `agora fields` from "
	    "app/core/fields.def:\n# edit that list, then run `build/agora "
	    "fields > conf/routes.conf`\n# (a test compares the two). One "
	    "catch-all route: app/core/routes.def\n# holds the real routing "
	    "and authorisation table. Kore drops any form or\n# query field "
	    "not declared here; the dispatcher refuses one longer than its\n"
	    "# declared maximum, and the handler does the real validation, in "
	    "French.\n\nvalidator\tv_field\t\tfunction\tv_field\n\n"
	    "domain * {\n\tattach\t\tmain\n\troute\t\t^/.*$\t\tagora_dispatch\n"
	    "\n", f);
	params_block(f, "qs:get", FIELD_QS);
	fputs("\n", f);
	params_block(f, "post", FIELD_POST);
	fputs("}\n", f);
}
