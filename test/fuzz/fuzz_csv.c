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
		/* Write it back (with ',') and read it again: same fields,
		 * unless the formula guard changed a first byte. */
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
		for (i = 0; i < rec.nfields; i++) {
			const char *a = rec.fields[i], *b = back.fields[i];
			if (strchr("=+-@\t\r", a[0]) != NULL && a[0] != '\0' &&
			    b[0] == '\'')
				b++;
			if (strcmp(a, b) != 0)
				abort();
		}
	}
	if (rc == -1 && strstr(err, "ligne ") == NULL)
		abort();
	csv_record_free(&rec);
	csv_record_free(&back);
	free(g.data);
	return (0);
}
