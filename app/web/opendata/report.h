/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * A theme's report, as reports.c gathers it and report_sections.c writes
 * its sections: which report, and the named results of its queries.
 */

#ifndef AGORA_WEB_OPENDATA_REPORT_H
#define AGORA_WEB_OPENDATA_REPORT_H

#include "../kernel/web.h"

/*
 * The results of a report; Q_SOURCE only for an archive, Q_CHANNELS only
 * for the primary consultation: they share one slot (the opinion map's
 * slots follow Q__MAX, and a request holds WEB_MAX_RESULTS).
 */
enum { Q_THEME, Q_PART, Q_WEEKS, Q_TERR, Q_CONSENSUS, Q_DIVIDED, Q_DEBATED,
    Q_TERMS, Q_SIMILAR, Q_ANSWERS, Q_ANALYSIS, Q_SOURCE, Q__MAX };
#define Q_CHANNELS	Q_SOURCE

/* Which report: a theme of the primary consultation, or of an archive. */
struct report {
	const char	*consultation;	/* an archive's slug; NULL: primary */
	const char	*theme;		/* the theme's slug */
	long long	 id;		/* the theme's id, once found */
	int		 archived;
	int		 split;		/* the source's tallies are split */
	const char	*territory;	/* territoire=: NULL, all of them */
	const char	*territory_name; /* once checked against Q_TERR */
};

/* The sections of the page, in order (report_sections.c). */
void	report_weeks(struct web_req *);
void	report_territories(struct web_req *);
void	report_votes(struct web_req *, const struct report *);
void	report_debated(struct web_req *);
void	report_terms(struct web_req *, const struct report *);
void	report_similar(struct web_req *);
void	report_answers(struct web_req *);
void	report_method(struct web_req *, const struct report *);
/* Participation by channel and by EPN (report_channels.c; primary only). */
void	report_channels(struct web_req *);

#endif
