/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Messages to the moderation team (issue 13, item 11): the public form
 * (contact.c) and the moderators' list (messages.c) share the subjects.
 */

#ifndef AGORA_WEB_MODERATION_CONTACT_H
#define AGORA_WEB_MODERATION_CONTACT_H

#include "../kernel/form.h"
#include "../kernel/web.h"

#define CONTACT_SUBJECTS	5	/* after the empty choice */

/* [0] the empty choice, then code (moderation_messages.subject), label. */
extern const struct form_option	contact_subjects[CONTACT_SUBJECTS + 1];
/* The French label of a subject code (the code itself if unknown). */
const char	*contact_subject_label(const char *);

#endif
