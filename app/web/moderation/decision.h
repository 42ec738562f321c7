/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * One item of the moderation queue (/moderation/<id>): what the handler
 * (decision.c) gathers and the page (decision_page.c) shows.
 */

#ifndef AGORA_WEB_MODERATION_DECISION_H
#define AGORA_WEB_MODERATION_DECISION_H

#include "../kernel/form.h"
#include "../kernel/web.h"

/* The item's queries, all sent at once, and the decision. */
enum { Q_ITEM, Q_FLAGS, Q_HISTORY, Q_RULES, Q_LOG, Q_SIMILAR, Q_VERSIONS,
    Q_APPEAL, Q_DECIDE };

/* What the steps share (web_state). */
/* Earlier versions shown per page of the item (?page=). */
#define VERSIONS_PAGE	5

struct decision_view {
	long long	 id;
	long long	 vpage;		/* page of the earlier versions, from 1 */
	struct form	 f;
	/* What the form shows: a decision's code, a rule's code, the note. */
	const char	*decision;
	const char	*rule;
	const char	*note;
};

/*
 * The form's wording of decision d (DEC_*): a page's own, longer than
 * vocab_decision's verb.
 */
extern const char *const	decision_labels[];

/*
 * The appeal waiting on the item, if any (decision_appeal.c): its section,
 * and whether the moderator looking took the decision it contests (then
 * no decision form: moderation_appeal_may_decide()).
 */
void	decision_appeal_write(struct web_req *);
int	decision_appeal_own(struct web_req *);
int	decision_appeal_pending(struct web_req *);

/* Writes the item's page with its decision form, answers status. */
int	decision_page(struct web_req *, struct decision_view *, int);

#endif
