/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "roles.h"

static const struct {
	unsigned int	 bit;
	const char	*name;	/* user_roles.role */
	const char	*label;	/* French, for pages */
} roles[ROLES_COUNT] = {
	{ ROLE_CITIZEN,		"citizen",	"participation" },
	{ ROLE_MEDIATOR,	"mediator",	"médiation" },
	{ ROLE_MODERATOR,	"moderator",	"modération" },
	{ ROLE_OFFICIAL,	"official",	"réponse officielle" },
	{ ROLE_ADMIN,		"admin",	"administration" },
	{ ROLE_SECRETARIAT,	"secretariat",	"secrétariat" },
	{ ROLE_CONSEIL,		"conseil",	"conseil numérique" },
};

unsigned int
role_bit(const char *name)
{
	size_t	i;

	for (i = 0; i < ROLES_COUNT; i++)
		if (strcmp(roles[i].name, name) == 0)
			return (roles[i].bit);
	return (0);
}

const char *
role_name(unsigned int bit)
{
	size_t	i;

	for (i = 0; i < ROLES_COUNT; i++)
		if (roles[i].bit == bit)
			return (roles[i].name);
	return (NULL);
}

const char *
role_label_fr(unsigned int bit)
{
	size_t	i;

	for (i = 0; i < ROLES_COUNT; i++)
		if (roles[i].bit == bit)
			return (roles[i].label);
	return (NULL);
}

unsigned int
role_at(size_t i)
{
	return (i < ROLES_COUNT ? roles[i].bit : 0);
}

unsigned int
roles_parse(const char *s)
{
	unsigned int	 bits = 0;
	size_t		 i, len;
	const char	*p = s, *end;

	while (p != NULL && *p != '\0') {
		end = strchr(p, ',');
		len = end ? (size_t)(end - p) : strlen(p);
		for (i = 0; i < ROLES_COUNT; i++)
			if (strlen(roles[i].name) == len &&
			    strncmp(roles[i].name, p, len) == 0)
				bits |= roles[i].bit;
		p = end ? end + 1 : NULL;
	}
	return (bits);
}

static void
append(char *out, size_t len, const char *name)
{
	size_t	used = strlen(out);

	if (used >= len)
		return;
	snprintf(out + used, len - used, "%s%s", used ? "," : "", name);
}

char *
allow_format(unsigned int mask, char *out, size_t len)
{
	size_t	i;

	if (len == 0)
		return (out);
	out[0] = '\0';
	if (mask & ALLOW_ANON)
		append(out, len, "anon");
	if (mask & ALLOW_USER)
		append(out, len, "user");
	if (mask & ALLOW_VERIFIED)
		append(out, len, "verified");
	for (i = 0; i < ROLES_COUNT; i++)
		if (mask & roles[i].bit)
			append(out, len, roles[i].name);
	return (out);
}
