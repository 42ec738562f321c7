/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * libFuzzer harness of the importers' rows (app/cli/import*.c): a file as
 * `agora import` reads it (UTF-8 check, a header, rows of as many fields,
 * ';' or ',' from the first byte), then each row's cells through the
 * conversions the importers apply: a title into a slug, Decidim's HTML
 * into plain text, plain text into Markdown, Markdown into the HTML the
 * pages show. What comes out is UTF-8 and a slug is [a-z0-9-] only.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../app/core/csv.h"
#include "../../app/core/markdown.h"
#include "../../app/core/plaintext.h"
#include "../../app/core/text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
convert(const char *cell)
{
	char	 slug[96], *plain, *md, *html;
	size_t	 n, i;

	n = plain_slugify(cell, slug, sizeof(slug), 80);
	if (n != strlen(slug) || n > 80)
		abort();
	for (i = 0; i < n; i++)
		if (!((slug[i] >= 'a' && slug[i] <= 'z') ||
		    (slug[i] >= '0' && slug[i] <= '9') || slug[i] == '-'))
			abort();
	if ((plain = plain_from_html(cell)) == NULL)
		return;
	if ((md = plain_to_markdown(plain)) != NULL) {
		if ((html = markdown_render(md, strlen(md), 2)) != NULL) {
			if (!text_utf8_valid(html, strlen(html)))
				abort();
			free(html);
		}
		free(md);
	}
	free(plain);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_reader	 r;
	struct csv_record	 head = { 0 }, rec = { 0 };
	char			 err[256];
	char			 sep = size > 0 && (data[0] & 1) ? ';' : ',';
	size_t			 i, rows = 0;

	/* As import_load(): refused unless UTF-8 without NUL. */
	if (csv_utf8_check((const char *)data, size) != 0)
		return (0);
	csv_reader_init(&r, (const char *)data, size, sep);
	if (csv_read(&r, &head, err, sizeof(err)) != 1)
		goto out;
	(void)csv_header_index(&head, "title");
	while (rows++ < 64 && csv_read(&r, &rec, err, sizeof(err)) == 1) {
		if (rec.nfields != head.nfields)
			break;		/* refused, with its line */
		for (i = 0; i < rec.nfields; i++)
			convert(rec.fields[i]);
	}
out:
	csv_record_free(&head);
	csv_record_free(&rec);
	return (0);
}
