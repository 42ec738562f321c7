/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Shared parts of `agora import FORMAT DIR`. Every format works in the same
 * three stages, so that another one (Pol.is, ...) plugs in the same way:
 *
 * 1. load its CSV files (import_load: UTF-8, RFC 4180, field counts,
 *    columns by name) and check every row;
 * 2. build an import plan (struct import_plan): the consultation, its
 *    themes, and every contribution with its parent, its source id and the
 *    source's tallies, in an order where a parent comes before its
 *    replies; cross-check every count the files declare against the rows
 *    read (a file cut at a record boundary shows there);
 * 3. import_plan_write(): one transaction that takes no id before every
 *    check has passed (the dates are read by PostgreSQL, without
 *    inserting), then writes the plan.
 *
 * Any refusal prints a French message naming the file and the line, says
 * nothing was imported, and exits 1: the database and its sequences are
 * left as they were.
 */

#ifndef AGORA_CLI_IMPORT_H
#define AGORA_CLI_IMPORT_H

#include <stddef.h>

#include <libpq-fe.h>

#include "../core/csv.h"

#define IMPORT_MAX_COLS	24

/* A CSV file loaded, checked and parsed: every record has ncols fields. */
struct import_file {
	const char		*name;		/* "opinions.csv" */
	char			*data;		/* file contents */
	size_t			 len;
	struct csv_record	*rows;		/* data records (header excluded) */
	size_t			 nrows;
	int			 col[IMPORT_MAX_COLS]; /* index of each wanted column */
};

/*
 * Loads dir/name with separator sep; cols is a NULL-terminated list of the
 * column names needed, found by name in the header (their indices go to
 * f->col in the same order). Exits 1 with a message naming the line on a
 * missing file, invalid UTF-8, malformed CSV, a wrong field count or a
 * missing column.
 */
void	import_load(struct import_file *, const char *, const char *, char,
	    const char *const *);
void	import_free(struct import_file *);
/* The value of wanted column i of data row r. */
const char *import_get(const struct import_file *, size_t, int);
/* The source line where data row r starts. */
size_t	import_line(const struct import_file *, size_t);

/*
 * Prints "agora import: FILE, ligne N : message" (no line when 0, no file
 * when NULL), says that nothing was imported, rolls back and closes db
 * when it is not NULL, and exits 1.
 */
void	import_fail(PGconn *, const char *, size_t, const char *, ...)
	    __attribute__((format(printf, 4, 5), noreturn));

/* realloc of n elements of size, checked for overflow; exits when out of memory. */
void	*import_xrealloc(void *, size_t, size_t);

/* 1 when s is a decimal number of 1 to 9 digits (fits an integer). */
int	import_is_count(const char *);

/* The kind of an imported contribution (contributions.kind). */
enum import_kind { IMPORT_PROPOSAL, IMPORT_ARGUMENT, IMPORT_COMMENT };

/* The source platform's counts of a contribution (imported_tallies). */
enum import_tally {
	IT_AGREE,		/* agree: "d'accord" */
	IT_MIXED,		/* mixed: "mitigé" */
	IT_DISAGREE,		/* disagree: "pas d'accord" */
	IT_VOTES,		/* votes_total: all votes, or supports */
	IT_ARGS_YES,		/* arguments_yes declared by the source */
	IT_ARGS_NO,		/* arguments_no declared by the source */
	IT_COMMENTS,		/* comments declared by the source */
	IT_ALIGNMENT,		/* alignment: 1 pour, 0 neutre, -1 contre */
	IT__MAX
};

struct import_theme {
	char		 slug[65];	/* unique in the consultation */
	char		*title;		/* owned */
	char		*summary;	/* owned */
	char		 id[24];	/* themes.id once written */
};

struct import_item {
	enum import_kind kind;
	size_t		 theme;		/* index in plan->themes */
	size_t		 parent;	/* 1 + index of the parent item; 0: none */
	size_t		 root;		/* index of the thread's proposal */
	const char	*position;	/* arguments: "pour" or "contre" */
	int		 depth;		/* comment nesting, 0 otherwise */
	const char	*title;		/* proposals; borrowed */
	char		*md;		/* Markdown of the text; owned */
	char		*html;		/* its HTML; owned */
	int		 hidden;	/* removed on the source platform */
	char		*source_id;	/* unique for the source; owned */
	const char	*created;	/* ISO 8601 date and time; borrowed */
	const char	*updated;	/* or NULL: the same as created */
	const char	*tally[IT__MAX]; /* decimal or NULL; borrowed */
	const char	*url;		/* the page on the source, or NULL */
	const char	*file;		/* where it comes from, for messages */
	size_t		 line;
	char		 id[24];	/* contributions.id once written */
};

/* What a format says of the consultation it imports (its literals). */
struct import_source {
	const char	*slug;		/* consultations.slug */
	const char	*source;	/* consultations.source, contributions.source */
	const char	*title;
	const char	*summary;	/* one paragraph */
	const char	*body;		/* Markdown: provenance */
	const char	*name;		/* the platform: "republique-numerique.fr" */
	const char	*url;		/* the original consultation's page */
	const char	*licence;	/* licence and provenance of the files */
};

/*
 * A pseudonymous participant of the source whose own votes are imported
 * (Pol.is): not an account, kept in imported_participants.
 */
struct import_participant {
	char		*source_id;	/* their id on the source; owned */
	char		 id[24];	/* imported_participants.id once written */
};

/* One participant's vote on a proposal (imported_votes): the latest only. */
struct import_vote {
	size_t		 participant;	/* index in plan->people */
	size_t		 item;		/* index in plan->items: a proposal */
	const char	*choice;	/* "agree", "mixed" or "disagree" */
	long long	 ms;		/* when, milliseconds since 1970 (UTC) */
};

/* What one import writes; strings marked borrowed must outlive the plan. */
struct import_plan {
	const struct import_source *src;
	struct import_theme	*themes;
	size_t			 nthemes, tcap;
	struct import_item	*items;
	size_t			 nitems, icap;
	size_t			*slots;		/* source ids: 1 + item index */
	size_t			 nslots;
	struct import_participant *people;	/* with their votes below */
	size_t			 npeople, pcap;
	struct import_vote	*votes;
	size_t			 nvotes, vcap;
};

/* Starts an empty plan for the consultation src (borrowed). */
void	import_plan_init(struct import_plan *, const struct import_source *);
void	import_plan_free(struct import_plan *);
/*
 * The index of the theme titled title, added (with summary) when new; its
 * slug comes from the title, with "-2", "-3"... when another title gave
 * the same. Refuses a title with no usable slug, naming file and line.
 */
size_t	import_plan_theme(struct import_plan *, const char *, const char *,
	    const char *, size_t);
/*
 * Adds a contribution of kind under parent (1 + item index, 0 for a
 * proposal) with source id sid and the plain text text (rendered now), from
 * file and line. Refuses a source id seen before. The item is valid until
 * the next call; its theme is the parent's (set it for a proposal).
 */
struct import_item *import_plan_item(struct import_plan *, enum import_kind,
	    size_t, const char *, const char *, const char *, size_t);
/*
 * Adds a participant with source id sid (the caller never adds one twice);
 * returns its index.
 */
size_t	import_plan_participant(struct import_plan *, const char *);
/* Adds participant's vote choice on proposal item at ms (see above). */
void	import_plan_vote(struct import_plan *, size_t, size_t, const char *,
	    long long);
/* 1 + the index of the item with source id sid, or 0. */
size_t	import_plan_find(const struct import_plan *, const char *);
/*
 * Connects, refuses a second import of the same consultation, has
 * PostgreSQL read every date of the plan (no id taken), then writes the
 * consultation, its themes and its contributions in one transaction and
 * commits. Exits 1 on any refusal.
 */
void	import_plan_write(struct import_plan *);

/* Shows "label  i/n" with a bar on stderr when it is a terminal. */
void	import_progress(const char *, size_t, size_t);

int	import_republique_numerique(const char *);
int	import_decidim(const char *);
int	import_polis(const char *);

#endif
