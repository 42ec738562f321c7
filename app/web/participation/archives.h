/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * What the pages of an archived consultation share (archives.c,
 * theme_page.c, reports.c, proposal_page.c): an archive is a consultation
 * imported from another platform, shown read-only under
 * /consultations/<slug>, with the source platform's tallies labelled as
 * such.
 */

#ifndef AGORA_WEB_ARCHIVES_H
#define AGORA_WEB_ARCHIVES_H

#include "../kernel/web.h"

/* The label every source tally carries. */
#define ARCHIVE_TALLY_LABEL \
	"décomptes de la plateforme d'origine, pas des avis exprimés ici"

/* Writes the path /consultations/<slug> (slug escaped for a URL). */
void	archive_href(struct web_req *, const char *);
/*
 * Opens the breadcrumb of an archive's page: Accueil, Consultations, then
 * the consultation (a link when linked). The caller adds its own items and
 * closes with "</ol></nav>".
 */
void	archive_crumbs(struct web_req *, const char *, const char *, int);
/* The notice every archive page shows: read-only, imported from name. */
void	archive_notice(struct web_req *, const char *);
/* Writes n with "singular" or "plural" after it, as French counts. */
void	archive_count(struct web_req *, const char *, const char *,
	    const char *);

#endif
