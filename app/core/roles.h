/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Roles and the allow masks of the routing table, without kore, so that the
 * web module and the agora command share one definition. A role is a bit of
 * web_session.roles and a row of user_roles ("citizen", "mediator", ...).
 */

#ifndef AGORA_CORE_ROLES_H
#define AGORA_CORE_ROLES_H

#include <stddef.h>

/* Roles, as stored in user_roles.role; bits of web_session.roles. */
#define ROLE_CITIZEN		0x01
#define ROLE_MEDIATOR		0x02
#define ROLE_MODERATOR		0x04
#define ROLE_OFFICIAL		0x08
#define ROLE_ADMIN		0x10
#define ROLE_SECRETARIAT	0x20	/* writes the syntheses */
#define ROLE_CONSEIL		0x40	/* the digital council, CR'Num */
#define ROLE_ALL		0x7f

/* Who may use a route: any of these bits in route.allow. */
#define ALLOW_ANON		0x0100	/* visitors without a session */
#define ALLOW_USER		0x0200	/* signed in, e-mail not verified */
#define ALLOW_VERIFIED		0x0400	/* signed in, e-mail verified */
#define ALLOW_SIGNED_IN		(ALLOW_USER | ALLOW_VERIFIED)
#define ALLOW_ALL		(ALLOW_ANON | ALLOW_SIGNED_IN)

#define ROLES_COUNT		7

/* The bit of a role name ("admin"), or 0 when it is not a role. */
unsigned int	 role_bit(const char *name);
/* The name of one role bit, or NULL. */
const char	*role_name(unsigned int bit);
/* The French label of one role bit ("administration"), or NULL. */
const char	*role_label_fr(unsigned int bit);
/* The i-th role (0..ROLES_COUNT-1) in display order: its bit. */
unsigned int	 role_at(size_t i);
/* ROLE_* bits of a comma-separated list ("citizen,admin"); unknowns ignored. */
unsigned int	 roles_parse(const char *csv);
/*
 * Writes an allow mask as comma-separated names: "anon", "user" (signed in,
 * unverified), "verified", then role names. Truncates to fit; returns out.
 */
char		*allow_format(unsigned int mask, char *out, size_t len);

#endif
