/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The opinion map's section of a page ("Carte des opinions"): a theme's
 * report, an archived consultation's page. It reads what `agora
 * opinion-map` stored (app/db/opinion.h) and writes a server-drawn scatter
 * of people's positions coloured and shaped by group, its text
 * alternative, a table of the groups, each group's distinctive proposals
 * and the proposals every group supports; or, when no map could be drawn,
 * the French sentence saying why. Groups of fewer than 10 people are never
 * shown, and no person's group is ever written (GDPR art. 9).
 *
 * A host handler queues the section's queries in one of its steps, in
 * OPINION_MAP_SLOTS slots of its own starting at first (together with its
 * own queries: they run in the same round trip), then writes the section
 * when it renders.
 */

#ifndef AGORA_WEB_OPENDATA_OPINION_MAP_H
#define AGORA_WEB_OPENDATA_OPINION_MAP_H

#include "../kernel/web.h"

#define OPINION_MAP_SLOTS	4

/*
 * Queues the queries of the map of a theme (theme id), or of a whole
 * consultation (theme 0), into slots first .. first + 3. Returns
 * WEB_QUERY.
 */
int	opinion_map_queue(struct web_req *, int, long long, long long);
/*
 * Writes the section from those slots; heading level 2. archived: an
 * imported consultation, where no votes means the source published none
 * per participant.
 */
void	opinion_map_write(struct web_req *, int, int);

#endif
