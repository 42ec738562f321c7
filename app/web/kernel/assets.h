/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Files from assets/, compiled into the module (build/gen/assets_data.c), so
 * a chrooted worker needs no file system and every response carries our
 * headers. Pages under assets/pages/ are Markdown rendered once per worker.
 */

#ifndef AGORA_WEB_ASSETS_H
#define AGORA_WEB_ASSETS_H

#include <stddef.h>

struct asset_file {
	const char		*name;	/* path under assets/ */
	const unsigned char	*data;	/* NUL-terminated */
	size_t			 len;	/* without the NUL */
};

extern const struct asset_file	asset_files[];
extern const size_t		asset_nfiles;

void		 assets_init(void);
/* "/static/<name>?v=<hash>": cacheable for a year, busted on change. */
const char	*assets_url(const char *);
/* The HTML of assets/pages/<name>.md, or NULL. */
const char	*assets_page(const char *);

#endif
