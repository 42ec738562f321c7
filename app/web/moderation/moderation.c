/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "../../db/moderation.h"
#include "moderation.h"

struct form_option *
mod_rule_options(struct web_req *w, int q, const char *first, size_t *n)
{
	struct form_option	*opts;
	int			 i, rows = web_rows(w, q);

	opts = web_alloc(w, (size_t)(rows + 1) * sizeof(*opts));
	opts[0].value = "";
	opts[0].label = first;
	for (i = 0; i < rows; i++) {
		opts[i + 1].value = web_text(w, q, i, RULE_CODE);
		opts[i + 1].label = web_printf(w, "%s — %s",
		    opts[i + 1].value, web_text(w, q, i, RULE_TITLE));
	}
	*n = (size_t)rows + 1;
	return (opts);
}
