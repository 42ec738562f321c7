/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * What every new account fills in, by e-mail or through FranceConnect:
 * the display name others see, the département, and the consent to the
 * privacy notice. One place, so that both sign-up forms ask the same
 * thing in the same words and refuse it with the same messages.
 */

#ifndef AGORA_WEB_PEOPLE_PROFILE_H
#define AGORA_WEB_PEOPLE_PROFILE_H

#include "../kernel/form.h"
#include "../kernel/web.h"

#define PROFILE_TERRITORIES_MAX	16	/* the region's départements, and more */

struct profile {
	const char	*name;		/* display name */
	const char	*territory;	/* a territories.code */
	int		 consent;	/* the privacy notice accepted */
};

/* Writes the display name field; hint ends its help text (or NULL). */
void	profile_name_write(struct form *, const char *, const char *);
/* Writes the département select from slot q (sql_territories). */
void	profile_territory_write(struct web_req *, struct form *, int,
	    const char *);
/* Writes the link to the privacy notice and the consent box. */
void	profile_consent_write(struct form *, int);
/* Reads and checks "nom" into p->name (errors at the field). */
void	profile_name_read(struct form *, struct profile *);
/* Reads "departement" against slot q's territories into p->territory. */
void	profile_territory_read(struct web_req *, struct form *, int,
	    struct profile *);
/* Reads "consentement" into p->consent; unticked is an error at it. */
void	profile_consent_read(struct web_req *, struct form *,
	    struct profile *);

#endif
