/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Following a proposal or a theme (issue 13, item 8): the state a page
 * shows (one indexed lookup, queued with the page's other queries) and
 * its form, a button that works without JavaScript.
 */

#ifndef AGORA_WEB_PARTICIPATION_FOLLOW_H
#define AGORA_WEB_PARTICIPATION_FOLLOW_H

#include "../kernel/web.h"

/* Queues, into slot q, whether the signed-in person follows it (none for a visitor). */
void	follow_ask_proposal(struct web_req *, int q, long long id);
void	follow_ask_theme(struct web_req *, int q, long long theme_id);
/* The state and the button (nothing for a visitor). */
void	follow_write_proposal(struct web_req *, int q, long long id);
void	follow_write_theme(struct web_req *, int q, const char *slug);

#endif
