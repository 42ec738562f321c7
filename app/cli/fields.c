/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora fields: writes conf/routes.conf from app/core/fields.def, the one
 * list of the fields pages receive (kore drops undeclared ones).
 */

#include <stdio.h>

#include "../core/fields.h"
#include "cli.h"

int
cmd_fields(int argc, char **argv)
{
	if (argc > 1) {
		fprintf(stderr, "usage: agora fields > conf/routes.conf\n");
		return (2);
	}
	fields_kore_conf(stdout);
	return (0);
}
