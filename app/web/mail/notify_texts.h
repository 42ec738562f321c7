/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* The notification texts as the fan-out's SQL takes them (notify_texts.c). */

#ifndef AGORA_WEB_MAIL_NOTIFY_TEXTS_H
#define AGORA_WEB_MAIL_NOTIFY_TEXTS_H

struct notify_texts {
	char		*kinds;		/* {"reply",...}: notification kinds */
	char		*subjects;	/* each kind's mail subject */
	char		*bodies;	/* each kind's mail body */
	char		*lines;		/* each kind's line in the digest */
	const char	*digest_subject;
	const char	*digest_body;
};

/* Built at the first call, kept for the process; NULL when out of memory. */
const struct notify_texts	*notify_texts(void);

#endif
