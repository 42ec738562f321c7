/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * A proposal's thread in pages (issue 18, item 2): the statement is
 * thread_page() (migrations/functions/threads.sql), a plpgsql function so
 * that each connection plans it once; sent as it is, its planning cost
 * about 7 ms at every request.
 */

#include "threads.h"

DB_STMT(sql_thread_page, 14, THREAD_PAGE_COLS,
    "SELECT * FROM thread_page($1::bigint, $2::bigint, $3::int, $4::text,"
    " $5::bigint, $6::text, $7::bigint, $8::text, $9::bigint, $10::int,"
    " $11::bigint, $12::int, $13::int, $14::boolean)");

/*
 * The comments counted are those the comments section holds: under the
 * proposal, at any depth, public; a withdrawn one's replies count, a
 * hidden one's are not reached (as the page shows them).
 */
DB_STMT(sql_thread_counts, 1, THREAD_COUNT_COLS,
    "WITH RECURSIVE m AS (SELECT c.id, c.is_public FROM contributions c"
    " WHERE c.parent_id = $1::bigint AND c.kind = 'comment'"
    " AND c.status = 'published'"
    " UNION ALL SELECT c.id, c.is_public FROM m,"
    " LATERAL (SELECT c.id, c.is_public FROM contributions c"
    "  WHERE c.parent_id = m.id AND c.status = 'published' OFFSET 0) c)"
    " SELECT (SELECT count(*) FROM contributions a"
    "  WHERE a.parent_id = $1::bigint AND a.kind = 'argument'"
    "  AND a.position = 'pour' AND a.is_public) AS pour,"
    " (SELECT count(*) FROM contributions a"
    "  WHERE a.parent_id = $1::bigint AND a.kind = 'argument'"
    "  AND a.position = 'contre' AND a.is_public) AS contre,"
    " (SELECT count(*) FROM m WHERE m.is_public) AS comments");
