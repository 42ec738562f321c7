/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * CSV (RFC 4180) reading and writing, with no I/O of its own.
 *
 * The reader is a pure function over a buffer: it accepts quoted fields with
 * embedded separators, newlines and doubled quotes, CRLF or LF line ends,
 * and a configurable one-byte separator. It refuses what RFC 4180 refuses
 * (an unterminated quoted field, text after a closing quote, a quote inside
 * an unquoted field) with the line number where the problem is, so that an
 * import never guesses. The shape suits a libFuzzer harness.
 *
 * The writer quotes a field when it holds the separator, a quote, CR or LF,
 * and guards against formula injection in spreadsheets: a cell whose text,
 * after any leading single quotes, begins with = + - @ TAB CR, one of
 * their full-width or small forms (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫) or the minus
 * sign (−) gets one more leading single quote. So a reader gets the text
 * back by removing exactly one quote from every cell that starts with a
 * quote, then any quotes, then one of those characters (documented on
 * /export/); a text that starts with "'=" is written "''=", never mistaken
 * for the guarded "=".
 */

#ifndef AGORA_CORE_CSV_H
#define AGORA_CORE_CSV_H

#include <stddef.h>

struct csv_reader {
	const char	*buf;		/* the whole input, borrowed */
	size_t		 len;		/* its length */
	size_t		 pos;		/* next byte to read */
	size_t		 line;		/* 1-based line of buf[pos] */
	char		 sep;		/* field separator: ',' or ';' */
};

struct csv_record {
	char		**fields;	/* NUL-terminated, unescaped; owned */
	size_t		 nfields;	/* number of fields */
	size_t		 cap;		/* allocated slots */
	size_t		 line;		/* line where the record starts */
};

/* Starts reading len bytes of buf (skips a UTF-8 byte-order mark). */
void	csv_reader_init(struct csv_reader *, const char *, size_t, char);
/*
 * Reads the next record into rec (its previous fields are freed). Returns 1
 * when a record was read, 0 at the end of the input, -1 on malformed input
 * with a French message in err (which names the line).
 */
int	csv_read(struct csv_reader *, struct csv_record *, char *, size_t);
/* Frees the fields of rec; it may be reused afterwards. */
void	csv_record_free(struct csv_record *);
/* The index of the field equal to name in a header record, or -1. */
int	csv_header_index(const struct csv_record *, const char *);
/*
 * Checks that buf is UTF-8 with no NUL byte. Returns 0, or the 1-based line
 * of the first invalid sequence.
 */
size_t	csv_utf8_check(const char *, size_t);

/* Where the writer sends its bytes (as for struct html_out). */
struct csv_out {
	void	(*write)(void *, const void *, size_t);
	void	 *arg;
};

/* 1 when a cell holding these len bytes gets the formula guard. */
int	csv_needs_guard(const char *, size_t);
/* Writes one field: quoted when needed, formula-guarded. */
void	csv_field(const struct csv_out *, const char *);
/* Writes one field of len bytes (may hold NUL-free binary-safe text). */
void	csv_field_len(const struct csv_out *, const char *, size_t);
/* Writes the separator ','. */
void	csv_sep(const struct csv_out *);
/* Ends a record with CRLF, as RFC 4180 says. */
void	csv_eol(const struct csv_out *);

#endif
