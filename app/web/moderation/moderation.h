/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Helpers shared by the moderation pages (moderation*.c, flags.c). */

#ifndef AGORA_WEB_MODERATION_H
#define AGORA_WEB_MODERATION_H

#include "../kernel/form.h"
#include "../kernel/web.h"

/* French labels; "" for an unknown code. */
const char	*mod_status_label(const char *);
const char	*mod_kind_label(const char *);
const char	*mod_action_label(const char *);
const char	*mod_reason_label(const char *);

/* Writes Markdown source as safe HTML (cmark, raw HTML omitted). */
/*
 * Fills opts (at most max) with "" then one option per charter rule of
 * result slot ("R1 — Insultes..."); labels are kore_malloc'ed into w->data
 * free list. Returns the number of options.
 */
size_t		 mod_rule_options(struct web_req *, int, struct form_option *,
		    size_t, const char *);

#define MOD_MAX_RULES	32

/*
 * The transparency page's section on the signed log (modlog_pages.c):
 * slot holds the row of sql_log_head_latest, or none.
 */
void		 modlog_transparency(struct web_req *, int);

#endif
