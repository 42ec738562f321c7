/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * What the pages of an archived consultation share (archives.c,
 * theme_listing.c, proposal_archive.c, opendata/reports.c): an archive is
 * a consultation imported from another platform, shown read-only under
 * /consultations/<slug>, with the source platform's tallies labelled as
 * such.
 */

#ifndef AGORA_WEB_ARCHIVES_H
#define AGORA_WEB_ARCHIVES_H

#include "../kernel/web.h"
#include "../shared/ui.h"

/* The label every source tally carries. */
#define ARCHIVE_TALLY_LABEL \
	"décomptes de la plateforme d'origine, pas des avis exprimés ici"

/*
 * The breadcrumb of an archive's page: Accueil, Consultations, the
 * consultation (slug, title; NULL: not shown), the more steps, then here.
 */
void	archive_crumbs(struct web_req *, const char *, const char *,
	    const struct ui_crumb *, int, const char *);
/* The notice every archive page shows: read-only, imported from name. */
void	archive_notice(struct web_req *, const char *);

#endif
