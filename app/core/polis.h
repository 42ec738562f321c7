/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Reading a Pol.is conversation export (../shared/data/polis_opendata/,
 * see its README): pure functions over a file's bytes, with no I/O, so the
 * importer, the Pol.is check and a libFuzzer harness share them.
 *
 * - votes.csv (timestamp, datetime, comment-id, voter-id, vote): 1 agree,
 *   0 pass, -1 disagree. A voter may vote several times on a comment; only
 *   the latest counts (the later timestamp; on equal timestamps, the later
 *   line), as Pol.is's own vote matrix keeps it.
 * - comments.csv: comment-id and moderated (1 shown, 0 not moderated yet,
 *   -1 moderated out). Pol.is's maths leave moderated-out comments out of
 *   the components (their column is zeroed) and out of every list of
 *   representative or consensus comments.
 * - participants-votes.csv: participant and group-id (Pol.is's opinion
 *   group, empty when it did not cluster the participant).
 *
 * Every refusal is a French sentence naming the line, as for the other
 * importers; nothing is returned then.
 */

#ifndef AGORA_CORE_POLIS_H
#define AGORA_CORE_POLIS_H

#include <stddef.h>
#include <stdint.h>

struct polis_vote {
	uint32_t	voter;		/* voter-id */
	uint32_t	comment;	/* comment-id */
	int8_t		value;		/* 1, 0, -1 as in the file */
	int64_t		timestamp;	/* milliseconds, as in the file */
	size_t		line;		/* line of the vote that counts */
};

struct polis_comment {
	uint32_t	id;		/* comment-id */
	int		moderated;	/* 1, 0 or -1 */
};

struct polis_member {
	uint32_t	participant;	/* participant */
	int		group;		/* group-id, -1 when empty */
};

/*
 * The latest vote of each voter on each comment, sorted by voter then
 * comment, into *out (caller frees). Returns 0, or -1 with err.
 */
int	polis_votes_read(const char *, size_t, struct polis_vote **, size_t *,
	    char *, size_t);
/* comments.csv into *out (caller frees), in file order. 0 or -1. */
int	polis_comments_read(const char *, size_t, struct polis_comment **,
	    size_t *, char *, size_t);
/* participants-votes.csv's first columns into *out (caller frees). */
int	polis_members_read(const char *, size_t, struct polis_member **,
	    size_t *, char *, size_t);

#endif
