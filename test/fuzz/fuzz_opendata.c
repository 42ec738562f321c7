/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * libFuzzer harness of the open-data row rewriting (app/core/opendata.c):
 * any row handed to opendata_csv_copy_row() is either refused or written as
 * its cells up to the author's place, the author's pseudonym (the one
 * computed without the cache), the OD_AFTER_AUTHOR cells that came before
 * the id in the row, and CRLF; the cache never returns another author's
 * pseudonym. Run with `make fuzz` (clang, ASan, UBSan).
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../app/core/opendata.h"
#include "grow.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct opendata_pseudonyms	 ps;
	static int				 ready;
	struct grow				 g = { 0 };
	struct csv_out				 o = { grow_write, &g };
	const char				*row = (const char *)data;
	const char				*last, *cut;
	char					 id[32], want[13];
	size_t					 idlen, head, tail;
	int					 k;

	/* One cache for the whole run, as one export shares it. */
	if (!ready && opendata_pseudonyms_init(&ps,
	    (const unsigned char *)"fuzz", 4, 1) == 0)
		ready = 1;
	if (!ready)
		abort();
	if (opendata_csv_copy_row(&o, row, size, &ps) == 0) {
		if (size == 0 || row[size - 1] != '\n')
			abort();
		/* last: the comma before the author id, last cell of the row. */
		last = memrchr(row, ',', size - 1);
		if (last == NULL)
			abort();
		idlen = size - 1 - (size_t)(last - row) - 1;
		/* Before it, the OD_AFTER_AUTHOR cells that follow the author. */
		for (cut = last, k = 0; k < OD_AFTER_AUTHOR; k++)
			if ((cut = memrchr(row, ',', (size_t)(cut - row))) ==
			    NULL)
				abort();
		head = (size_t)(cut - row) + 1;
		tail = (size_t)(last - cut) - 1;
		if (g.len != head + (idlen ? 12 : 0) +
		    (OD_AFTER_AUTHOR > 0 ? 1 + tail : 0) + 2 ||
		    memcmp(g.data, row, head) != 0 ||
		    (OD_AFTER_AUTHOR > 0 && (g.data[g.len - 3 - tail] != ',' ||
		    memcmp(g.data + g.len - 2 - tail, cut + 1, tail) != 0)) ||
		    memcmp(g.data + g.len - 2, "\r\n", 2) != 0)
			abort();
		if (idlen > 0) {
			if (idlen >= sizeof(id))
				abort();
			memcpy(id, last + 1, idlen);
			id[idlen] = '\0';
			opendata_pseudonym((const unsigned char *)"fuzz", 4,
			    id, want);
			if (memcmp(g.data + head, want, 12) != 0)
				abort();
		}
	}
	free(g.data);
	return (0);
}
