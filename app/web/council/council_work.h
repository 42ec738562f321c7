/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The members' page of a referral (council_work.c) and the rapporteur's
 * publication (council_publish.c): what both write and read.
 */

#ifndef AGORA_WEB_COUNCIL_WORK_H
#define AGORA_WEB_COUNCIL_WORK_H

#include "council.h"

#define COUNCIL_TEXT_LABEL	"Texte de l'avis"

/* The queries' slots. */
enum { CQ_REF, CQ_DRAFTS, CQ_COMMENTS, CQ_MEMBERS, CQ_WRITE, CQ_CITES };

/* What the steps of a handler share (web_state); NULL: not typed. */
struct council_work {
	long long	 id;		/* the referral */
	struct form	 f;
	const char	*text;		/* a new version, as typed */
	struct council_cites cites;	/* its citations */
	const char	*comment;
	const char	*adopted;	/* the adoption's date, tally */
	const char	*votes[3];	/* for, against, abstaining */
};

/* Queues the referral, its versions, comments, the members (step 0). */
int	council_work_load(struct web_req *, struct council_work *);
int	council_work_found(struct web_req *, struct council_work *);
int	council_work_page(struct web_req *, struct council_work *, int);
int	council_work_done(struct web_req *, struct council_work *,
	    const char *);
/* The text field of a version (council_publish.c). */
void	council_text_form(struct council_work *, const char *);
/* The rapporteur's form: the adoption and the publication. */
void	council_adoption_form(struct web_req *, struct council_work *);

#endif
