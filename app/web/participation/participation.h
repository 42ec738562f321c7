/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * What the participation pages share (theme_listing.c, proposal_*.c,
 * votes_replies.c, archives.c): limits from the settings, the French
 * refusals, the sentence that says why forms are not shown.
 */

#ifndef AGORA_WEB_PARTICIPATION_H
#define AGORA_WEB_PARTICIPATION_H

#include "../kernel/form.h"
#include "../kernel/web.h"

/* Limits, from the settings file (see README, "Participation"). */
struct part_limits {
	int	title_min, title_max;	/* proposal_title_{min,max} */
	int	body_min, body_max;	/* proposal_body_{min,max} */
	int	argument_max;		/* argument_max */
	int	comment_max;		/* comment_max */
	int	max_depth;		/* comment_max_depth */
	int	edit_window;		/* edit_window_minutes */
};

void	part_limits(struct part_limits *);

/*
 * Answers a refusal code from the database ('missing', 'archived',
 * 'upcoming', 'closed', 'unpublished', 'no_parent', 'too_deep',
 * 'not_author', 'too_late') with its status (404, 409, 403, 422) and
 * French page.
 */
int	part_refuse(struct web_req *, const char *);
/* Writes why the forms are not shown when phase is not 'open'. 0 if open. */
int	part_phase_notice(struct web_req *, const char *, const char *,
	    const char *);

#endif
