/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* The moderation log's pages (modlog_pages.c), and its section elsewhere. */

#ifndef AGORA_WEB_MODERATION_MODLOG_PAGES_H
#define AGORA_WEB_MODERATION_MODLOG_PAGES_H

#include "../kernel/web.h"

/*
 * The transparency page's section on the signed log: slot q holds the row
 * of sql_log_head_latest, or none.
 */
void	modlog_transparency(struct web_req *, int);

#endif
