/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Between opinion_map.c (reading, the command) and opinion_store.c. */

#ifndef AGORA_CLI_OPINION_MAP_H
#define AGORA_CLI_OPINION_MAP_H

#include <stddef.h>
#include <stdint.h>

#include <libpq-fe.h>

#include "../core/opinion.h"

/* The scope being computed. */
struct om_scope {
	long long	 consultation, theme;	/* theme 0: the whole one */
	char		 label[512];
};

/* Open addressing from a database id to a dense index. */
struct idmap {
	long long	*keys;
	uint32_t	*vals;
	size_t		 cap, n;
};

/* The votes of a scope, as the core takes them, and who is who. */
struct om_votes {
	struct opinion_vote	*v;
	size_t			 n, cap;
	long long		*people, *proposals;	/* index -> db id */
	size_t			 pcap, scap;
	struct idmap		 pmap, smap;
};

/* A PostgreSQL array literal of numbers or plain words (opinion_store.c). */
struct num_arr {
	char	*buf;
	size_t	 len, cap;
};

void		 na_add(struct num_arr *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
/* Closes the literal ("{}" when empty) and returns it. */
const char	*na_end(struct num_arr *);
void		 na_free(struct num_arr *, int);

/* calloc of n + 1 elements, or exit 1 with a French message. */
void	*om_calloc(size_t, size_t);
/* Replaces the scope's stored map, in one transaction. */
void	 om_store(PGconn *, const struct om_scope *,
	    const struct opinion_map *, const struct om_votes *, double);

#endif
