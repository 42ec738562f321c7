/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * What the moderation pages share (flags.c, decision*.c): the charter's
 * rules as the options of a form's select.
 */

#ifndef AGORA_WEB_MODERATION_H
#define AGORA_WEB_MODERATION_H

#include <stddef.h>

#include "../kernel/form.h"
#include "../kernel/web.h"

/*
 * The rules of slot q (sql_charter_rules' rows) as options, in the
 * request's arena: first ("", label first), then one per rule, "R1 —
 * Insultes...". *n gets how many options there are, first included.
 */
struct form_option	*mod_rule_options(struct web_req *, int, const char *,
			    size_t *);

#endif
