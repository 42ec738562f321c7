/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * libFuzzer harness of the CSV reader (app/core/csv.c): every input must be
 * read to its end or refused with a message naming a line, without a crash,
 * a leak or a read outside the buffer; what is read must round-trip through
 * the writer. Run with `make fuzz` (clang, ASan, UBSan).
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../app/core/csv.h"
#include "grow.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * The re-user's rule of /export/, written here again on purpose: a cell
 * that starts with a quote, then any quotes, then a formula starter was
 * guarded; dropping exactly one quote gives the text back.
 */
static const char *
unguard(const char *cell)
{
	static const char *const starters[] = { "=", "+", "-", "@", "\t",
	    "\r", "\xef\xbc\x9d", "\xef\xbc\x8b", "\xef\xbc\x8d",
	    "\xef\xbc\xa0", "\xef\xb9\xa6", "\xef\xb9\xa2", "\xef\xb9\xa3",
	    "\xef\xb9\xab", "\xe2\x88\x92" };
	const char	*p = cell;
	size_t		 i;

	if (*p != '\'')
		return (cell);
	while (*p == '\'')
		p++;
	for (i = 0; i < sizeof(starters) / sizeof(starters[0]); i++)
		if (strncmp(p, starters[i], strlen(starters[i])) == 0)
			return (cell + 1);
	return (cell);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_reader	 r, r2;
	struct csv_record	 rec = { 0 }, back = { 0 };
	struct grow		 g = { 0 };
	struct csv_out		 o = { grow_write, &g };
	char			 err[256], err2[256];
	size_t			 i;
	char			 sep = size > 0 && (data[0] & 1) ? ';' : ',';
	int			 rc;

	(void)csv_utf8_check((const char *)data, size);
	csv_reader_init(&r, (const char *)data, size, sep);
	while ((rc = csv_read(&r, &rec, err, sizeof(err))) == 1) {
		if (rec.line < 1 || r.pos > size)
			abort();
		/* Write it back (with ',') and read it again: the same
		 * fields once unguarded as a re-user would. */
		g.len = 0;
		for (i = 0; i < rec.nfields; i++) {
			if (i > 0)
				csv_sep(&o);
			csv_field(&o, rec.fields[i]);
		}
		csv_eol(&o);
		csv_reader_init(&r2, g.data, g.len, ',');
		r2.pos = 0;	/* a field may begin with a BOM: keep it */
		if (csv_read(&r2, &back, err2, sizeof(err2)) != 1 ||
		    back.nfields != rec.nfields)
			abort();
		for (i = 0; i < rec.nfields; i++)
			if (strcmp(rec.fields[i], unguard(back.fields[i])) != 0)
				abort();
	}
	if (rc == -1 && strstr(err, "ligne ") == NULL)
		abort();
	csv_record_free(&rec);
	csv_record_free(&back);
	free(g.data);
	return (0);
}
