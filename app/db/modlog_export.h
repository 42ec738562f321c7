/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The moderation log in the open data (/export/journal-moderation.json,
 * built by a kore task): every row with its fields, its previous hash and
 * its hash, the moderators as pseudonyms, never a note (notes can name
 * people: only their commitment is published). A JSON array, one object
 * per row in id order; the fields are documented on /export/
 * (app/web/opendata/exports.c). A form-2 row's hash is the SHA-256 of its fields
 * joined as app/core/modlog.h says, so anyone can recompute it.
 */

#ifndef AGORA_DB_MODLOG_EXPORT_H
#define AGORA_DB_MODLOG_EXPORT_H

#include <stddef.h>

#include <libpq-fe.h>

#include "../core/html.h"

/*
 * Writes the file to o from one snapshot, with key the server's secret
 * (pseudonyms of form-1 rows' moderators). The number of rows, or -1 with
 * a message in err.
 */
long	modlog_export_run(PGconn *, const unsigned char *, size_t,
	    struct html_out *, char *, size_t);

#endif
