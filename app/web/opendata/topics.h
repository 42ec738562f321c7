/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The topics' section of a theme's report ("Sujets abordés", issue 16):
 * what `agora topics` stored (app/db/topics.h), never the proposals
 * themselves: each topic's words, size, vote balance and representative
 * proposals, the method with its parameters, and the open-data file; or
 * the French sentence saying why there are no topics.
 *
 * A host handler queues the section's TOPICS_SLOTS queries, in its own
 * slots from first, in one of its steps, then writes the section.
 */

#ifndef AGORA_WEB_OPENDATA_TOPICS_H
#define AGORA_WEB_OPENDATA_TOPICS_H

#include "../kernel/web.h"

#define TOPICS_SLOTS	4

/* Queues the queries of theme id's topics; returns WEB_QUERY. */
int	topics_queue(struct web_req *, int, long long);
/* Writes the section from those slots; heading level 2. */
void	topics_write(struct web_req *, int);
/* The /export/ page's part on the topic files (topics_export.c). */
void	topics_export_doc(struct web_req *);

#endif
