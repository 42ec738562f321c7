/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "token.h"
#include "unsubscribe.h"

/* Outbox kind -> preference kind (unsubscribe.h). */
static const struct {
	const char	*outbox;
	const char	*pref;
} unsub_kinds[] = {
	{ "reply",		"reply" },
	{ "argument",		"argument" },
	{ "answer",		"answer" },
	{ "answer_follow",	"answer" },
	{ "activity",		"activity" },
	{ "theme",		"theme" },
	{ "council_opinion",	"theme" },	/* an opinion on a theme */
	{ "synthesis_published", "theme" },	/* a theme's synthesis */
	{ "synthesis_cited",	"activity" },	/* one's text cited in it */
	{ "council_cited",	"activity" },	/* one's text in an opinion */
	{ "digest",		"digest" },
};

const char *
unsub_kind_of(const char *outbox_kind)
{
	size_t	i;

	if (outbox_kind == NULL)
		return (NULL);
	for (i = 0; i < sizeof(unsub_kinds) / sizeof(unsub_kinds[0]); i++)
		if (strcmp(unsub_kinds[i].outbox, outbox_kind) == 0)
			return (unsub_kinds[i].pref);
	return (NULL);
}

/* The preference kinds a token may name: the pref column of the table. */
static int
pref_kind_known(const char *kind)
{
	size_t	i;

	for (i = 0; i < sizeof(unsub_kinds) / sizeof(unsub_kinds[0]); i++)
		if (strcmp(unsub_kinds[i].pref, kind) == 0)
			return (1);
	return (0);
}

static void
unsub_mac(const unsigned char *key, size_t keylen, long long uid,
    const char *kind, char mac[TOKEN_LEN + 1])
{
	char	msg[64];

	snprintf(msg, sizeof(msg), "unsubscribe:%lld:%s", uid, kind);
	token_mac(key, keylen, msg, mac);
}

int
unsub_token(const unsigned char *key, size_t keylen, long long uid,
    const char *kind, char *out, size_t outlen)
{
	char	mac[TOKEN_LEN + 1];
	int	n;

	if (uid <= 0 || kind == NULL || !pref_kind_known(kind))
		return (-1);
	unsub_mac(key, keylen, uid, kind, mac);
	n = snprintf(out, outlen, "%lld-%s-%s", uid, kind, mac);
	return (n < 0 || (size_t)n >= outlen ? -1 : 0);
}

int
unsub_parse(const unsigned char *key, size_t keylen, const char *tok,
    long long *uid, char *kind)
{
	char		 want[TOKEN_LEN + 1], *end;
	const char	*k, *m;
	long long	 id;
	size_t		 klen;

	if (tok == NULL || tok[0] < '1' || tok[0] > '9')
		return (0);
	id = strtoll(tok, &end, 10);
	if (*end != '-' || id <= 0 || end - tok > 18)
		return (0);
	k = end + 1;
	if ((m = strchr(k, '-')) == NULL)
		return (0);
	klen = (size_t)(m - k);
	if (klen == 0 || klen >= UNSUB_KIND_MAX)
		return (0);
	memcpy(kind, k, klen);
	kind[klen] = '\0';
	if (!pref_kind_known(kind) || !token_well_formed(m + 1))
		return (0);
	unsub_mac(key, keylen, id, kind, want);
	if (!token_equal(want, m + 1))
		return (0);
	*uid = id;
	return (1);
}
