/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* What the synthesis pages share (syntheses.c, synthesis_edit.c). */

#ifndef AGORA_WEB_OPENDATA_SYNTHESES_H
#define AGORA_WEB_OPENDATA_SYNTHESES_H

#include "../kernel/web.h"

/*
 * Writes Markdown body with its citations as links: refs_slot holds the
 * rows of sql_synthesis_refs (app/db/syntheses.h).
 */
void	synthesis_body_write(struct web_req *, const char *, int);

#endif
