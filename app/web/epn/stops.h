/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The table of a tour's stops, as the public page and the admin page both
 * write it (rows of app/db/epn.h's EPN_STOP_COLS).
 */

#ifndef AGORA_WEB_EPN_STOPS_H
#define AGORA_WEB_EPN_STOPS_H

#include "../kernel/web.h"

/* <table>, its caption (the count) and head; last: the last column's title. */
void	stops_table_begin(struct web_req *, int, const char *);
/* <tr> and the cells of row i of slot q, but the last (the caller's). */
void	stops_row_begin(struct web_req *, int, int);
/* </tbody></table>. */
void	stops_table_end(struct web_req *);

#endif
