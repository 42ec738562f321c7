/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The open-data files of contributions, in CSV and JSON. The web export
 * (/export/...) and the command line (agora export) run the same SQL
 * (app/db/exports.c) and write through these functions, so both produce
 * byte-identical files. PostgreSQL writes the CSV cells (COPY); these
 * functions replace the author id by its pseudonym and end lines in CRLF.
 * Column names and meanings are documented on /export/
 * (app/web/opendata/exports.c); keep the two in step.
 */

#ifndef AGORA_CORE_OPENDATA_H
#define AGORA_CORE_OPENDATA_H

#include <stddef.h>

#include "csv.h"
#include "html.h"

/* The columns of the export (app/db/exports.h), in order. */
enum opendata_col {
	OD_ID, OD_CONSULTATION, OD_THEME, OD_TYPE, OD_PARENT, OD_POSITION,
	OD_TERRITORY, OD_STATUS, OD_CREATED, OD_UPDATED, OD_TITLE, OD_BODY,
	OD_AGREE, OD_MIXED, OD_DISAGREE, OD_ORIGIN, OD_ORIGIN_ID,
	OD_ANSWER_STATUS, OD_ANSWER_DATE, OD_AUTHOR_ID,
	OD_ORIGIN_VOTES,	/* votes_origine: the source's votes/supports */
	OD_ORIGIN_ALIGNMENT,	/* alignement_origine: pour, neutre, contre */
	OD_CHANNEL,		/* canal: web, epn, papier (issue 12) */
	OD_EPN,			/* epn: the EPN's number, or empty */
	OD_COLLECTED,		/* recueilli_le: a paper sheet's collection day */
	OD__MAX
};

/*
 * The columns after the author's, added later (never renamed, never moved):
 * numbers and fixed words, which a CSV writer never quotes.
 */
#define OD_AFTER_AUTHOR	(OD__MAX - 1 - OD_AUTHOR_ID)

/* The published column names (OD_AUTHOR_ID is published as "auteur"). */
extern const char *const opendata_names[OD__MAX];

/*
 * The public pseudonym of user id (decimal text): the first 12 hex digits of
 * HMAC-SHA256(key, "author:" id). Stable, not reversible without the key.
 */
void	opendata_pseudonym(const unsigned char *, size_t, const char *,
	    char out[13]);

/*
 * Pseudonyms of one export. With a cache (an export meets the same authors
 * again and again), each user id is hashed once per cache slot; without, at
 * each call.
 */
#define OD_PSEUDONYM_SLOTS	65536	/* a power of two */
struct opendata_pseudonym_slot {
	unsigned long long	 id;
	char			 text[13];
};
struct opendata_pseudonyms {
	const unsigned char		*key;
	size_t				 keylen;
	struct opendata_pseudonym_slot	*slot;	/* NULL: no cache */
	char				 one[13];
};

/* cached: 1 to allocate the cache. 0, or -1 when out of memory. */
int	opendata_pseudonyms_init(struct opendata_pseudonyms *,
	    const unsigned char *, size_t, int);
void	opendata_pseudonyms_free(struct opendata_pseudonyms *);
/*
 * The pseudonym of the user id of len digits, or NULL when id is not a
 * positive decimal integer as PostgreSQL writes one (no sign, no leading
 * zero, at most 19 digits). Valid until the next call.
 */
const char	*opendata_pseudonym_of(struct opendata_pseudonyms *,
		    const char *, size_t);

/* The CSV header line. */
void	opendata_csv_header(const struct csv_out *);
/*
 * One CSV record from one row of PostgreSQL's CSV COPY output (len bytes
 * ending in "\n"): the row holds the columns in the file's order except
 * the author id, which comes last, after the OD_AFTER_AUTHOR columns that
 * follow it in the file. The id becomes its pseudonym, put back in its
 * place; the line ends in CRLF. 0, or -1 when the row is not of that shape.
 */
int	opendata_csv_copy_row(const struct csv_out *, const char *, size_t,
	    struct opendata_pseudonyms *);
/* "[\n" */
void	opendata_json_begin(struct html_out *);
/* One JSON object (preceded by ",\n" unless first). */
void	opendata_json_row(struct html_out *, const char *const *, int,
	    struct opendata_pseudonyms *);
/* "\n]\n" (or "]\n" when there was no row). */
void	opendata_json_end(struct html_out *, int);

#endif
