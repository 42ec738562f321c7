/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * A line diff of two texts (the versions of a council opinion): the
 * longest common subsequence of their lines, as a list of lines kept,
 * removed and added, in reading order. Pure C, no allocation kept: the
 * operations point into the two texts.
 */

#ifndef AGORA_CORE_LINEDIFF_H
#define AGORA_CORE_LINEDIFF_H

#include <stddef.h>

/* Beyond this many lines on either side, linediff() declines. */
#define LINEDIFF_MAX_LINES	2000

enum linediff_kind { LD_SAME, LD_DEL, LD_ADD };

struct linediff_op {
	enum linediff_kind	 kind;
	const char		*line;	/* into the old (LD_DEL, LD_SAME) or new text */
	size_t			 len;	/* without its newline */
};

/*
 * Compares old and new (NUL-terminated). On success returns 0 with *ops
 * (malloc'd, caller free()s) and *nops; -1 when a text has more than
 * LINEDIFF_MAX_LINES lines (nothing allocated). "\r\n" ends a line as
 * "\n" does.
 */
int	linediff(const char *, const char *, struct linediff_op **, size_t *);

#endif
