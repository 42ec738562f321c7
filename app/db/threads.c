/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * A proposal's thread in pages (issue 18, item 2). Each list (the
 * arguments pour, contre, the comments under the proposal) is read from
 * its index (migration 0400) from the cursor's key: the rows before it
 * (at most N, for "avant" and "voir") nearest first, then the rows from it
 * on, N + 1 at most. The list's position of the cursor ("rx", the rows
 * before it) and its size are counted on the same index, index-only; no
 * OFFSET anywhere (OFFSET 0 only keeps a recursive step on the parent
 * index: without it, a hash join reads the whole table). A cursor is a row id: its key is read again, so a
 * page is stable while the rows keep their keys.
 */

#include "threads.h"

/* Published, or the viewer's own (moderation's decision shown to them). */
#define VIS(t)	" (" t ".status = 'published' OR " t ".author_id = $2::bigint)"

/* "utile" order: most marks first, a withdrawn argument last. */
#define UK(t) \
    " (CASE WHEN " t ".withdrawn_at IS NULL THEN -" t ".useful ELSE 1 END)"

/* A list's rows, its key, and its orders (t: a row, x: the cursor's key). */
#define TOP_D(side) \
    " t.parent_id = $1::bigint AND coalesce(t.position, '') = '" side "'"
#define KT_D	" (t.created_at, t.id)"
#define KX_D	" (x.k1, x.k2)"
#define ASC_D	" t.created_at, t.id"
#define DESC_D	" t.created_at DESC, t.id DESC"
#define TOP_U(side) \
    " t.parent_id = $1::bigint AND t.kind = 'argument'"		\
    " AND t.position = '" side "'"
#define KT_U	" (" UK("t") ", t.created_at, t.id)"
#define KX_U	" (x.k0, x.k1, x.k2)"
#define ASC_U	UK("t") ", t.created_at, t.id"
#define DESC_U	UK("t") " DESC, t.created_at DESC, t.id DESC"

/*
 * List n of side, ordered by key KT: n_up climbs from the cursor to the
 * top-level row it is under (itself for a top-level row); n_x is that
 * row's key, the smallest key without one; n_b how many rows of the page
 * come before it ('avant': N, or all of them for the first page; 'voir':
 * the rows of its page before it, pages starting at multiples of N).
 */
#define LIST(n, side, TOP, KT, KX, ASC, DESC, mode, cur)		\
    " " n "_up AS (SELECT c.id, c.parent_id FROM contributions c"	\
    "  WHERE c.id = " cur "::bigint AND c.proposal_id = $1::bigint"	\
    "  AND c.kind <> 'proposal' UNION ALL SELECT c.id, c.parent_id"	\
    "  FROM " n "_up u, LATERAL (SELECT c.id, c.parent_id"		\
    "  FROM contributions c WHERE c.id = u.parent_id OFFSET 0) c"	\
    "  WHERE u.parent_id <> $1::bigint),"				\
    " " n "_x AS (SELECT coalesce(max(" UK("c") "), -2147483647) AS k0,"	\
    "  coalesce(max(c.created_at), '-infinity') AS k1,"		\
    "  coalesce(max(c.id), 0) AS k2 FROM " n "_up u"			\
    "  JOIN contributions c ON c.id = u.id WHERE u.parent_id = $1::bigint"\
    "  AND coalesce(c.position, '') = '" side "'),"			\
    " " n "_n AS (SELECT count(*) AS total,"				\
    "  count(*) FILTER (WHERE" KT " <" KX ") AS rx"			\
    "  FROM " n "_x x, contributions t WHERE" TOP " AND" VIS("t") "),"	\
    " " n "_b AS (SELECT n.total, n.rx, CASE " mode "::text"		\
    "  WHEN 'avant' THEN least(n.rx, $3::int)"			\
    "  WHEN 'voir' THEN n.rx % $3::int ELSE 0 END AS nb"		\
    "  FROM " n "_n n),"						\
    " " n " AS (SELECT p.id, b.rx - b.nb + 1 AS first, b.total"	\
    "  FROM " n "_x x, " n "_b b, LATERAL (SELECT t.id"		\
    "  FROM contributions t WHERE" TOP " AND" VIS("t") " AND" KT " <" KX	\
    "  ORDER BY" DESC " LIMIT b.nb) p"				\
    "  UNION ALL SELECT f.id, b.rx - b.nb + 1, b.total"		\
    "  FROM " n "_x x, " n "_b b, LATERAL (SELECT t.id"		\
    "  FROM contributions t WHERE" TOP " AND" VIS("t") " AND" KT " >=" KX	\
    "  ORDER BY" ASC " LIMIT $3::int + 1 - b.nb) f),"

/*
 * The replies under the page's top-level rows (the table's parent index,
 * level by level, the viewer's filter pruning a hidden row's subtree as
 * the page does), numbered per row oldest first: $10 of them each, $12
 * under the row ex ($11, or the one a 'voir' reply is under).
 */
#define REPLIES							\
    " tops AS (SELECT id, first, total, 0 AS list FROM lp"		\
    "  UNION ALL SELECT id, first, total, 1 FROM lc"			\
    "  UNION ALL SELECT id, first, total, 2 FROM lm),"		\
    " ex AS (SELECT coalesce($11::bigint, (SELECT u.id FROM lp_up u"	\
    "  WHERE u.parent_id = $1::bigint AND u.id <> $5::bigint"		\
    "  AND $4::text = 'voir')) AS id),"				\
    " d AS (SELECT c.id, c.created_at, tops.id AS root FROM tops"	\
    "  JOIN contributions c ON c.parent_id = tops.id WHERE" VIS("c")	\
    "  UNION ALL SELECT c.id, c.created_at, d.root FROM d,"		\
    "  LATERAL (SELECT c.id, c.created_at FROM contributions c"		\
    "  WHERE c.parent_id = d.id AND" VIS("c") " OFFSET 0) c),"		\
    " r AS (SELECT d.id, d.root, row_number() OVER (PARTITION BY d.root"\
    "  ORDER BY d.created_at, d.id) AS rn FROM d),"			\
    " nr AS (SELECT root, count(*) AS n FROM r GROUP BY root),"	\
    " page AS (SELECT tops.id, tops.list, tops.first, tops.total,"	\
    "  coalesce(nr.n, 0) AS nreplies FROM tops"			\
    "  LEFT JOIN nr ON nr.root = tops.id"				\
    "  UNION ALL SELECT r.id, 3, 0, 0, 0 FROM r, ex"			\
    "  WHERE r.rn <= CASE WHEN r.root = ex.id THEN $12::int"		\
    "  ELSE $10::int END)"

/* Each author by the users' key (OFFSET 0: never a scan of every user). */
#define THREAD_SELECT(order)						\
    " SELECT c.id, c.kind, c.position, c.parent_id, c.depth, c.body_html,"\
    " CASE WHEN c.epn_id IS NULL"					\
    "  THEN coalesce(u.display_name, 'Anonyme')"			\
    "  ELSE 'une personne, saisie assistée à l''EPN de '"		\
    "  || (SELECT e.commune FROM epns e WHERE e.id = c.epn_id) END"	\
    " AS author, fr_date(c.created_at) AS date, c.useful,"		\
    " EXISTS (SELECT 1 FROM argument_useful m WHERE m.contribution_id = c.id"\
    "  AND m.user_id = $2::bigint) AS marked, c.status,"		\
    " coalesce(c.author_id = $2::bigint, false) AS mine,"		\
    " c.withdrawn_at IS NOT NULL AS withdrawn,"			\
    " coalesce(fr_date(c.withdrawn_at), '') AS withdrawn_date,"	\
    " coalesce(c.moderation_rule, '') AS rule,"			\
    " coalesce(fr_date_time(c.edited_at), '') AS edited_date,"		\
    " now() < c.created_at + make_interval(mins => $13::int) AS editable,"\
    " page.first, page.total, page.nreplies"				\
    " FROM page CROSS JOIN LATERAL (SELECT * FROM contributions c"	\
    "  WHERE c.id = page.id OFFSET 0) c"				\
    " LEFT JOIN LATERAL (SELECT u.display_name FROM users u"		\
    "  WHERE u.id = c.author_id OFFSET 0) u ON true"			\
    " ORDER BY page.list," order " c.created_at, c.id"

#define COMMENTS \
    LIST("lm", "", TOP_D(""), KT_D, KX_D, ASC_D, DESC_D, "$8", "$9")

DB_STMT(sql_thread_page_date, 13, THREAD_PAGE_COLS, "WITH RECURSIVE"
    LIST("lp", "pour", TOP_D("pour"), KT_D, KX_D, ASC_D, DESC_D, "$4", "$5")
    LIST("lc", "contre", TOP_D("contre"), KT_D, KX_D, ASC_D, DESC_D, "$6",
    "$7") COMMENTS REPLIES THREAD_SELECT(""));

DB_STMT(sql_thread_page_useful, 13, THREAD_PAGE_COLS, "WITH RECURSIVE"
    LIST("lp", "pour", TOP_U("pour"), KT_U, KX_U, ASC_U, DESC_U, "$4", "$5")
    LIST("lc", "contre", TOP_U("contre"), KT_U, KX_U, ASC_U, DESC_U, "$6",
    "$7") COMMENTS REPLIES
    THREAD_SELECT(" CASE WHEN page.list < 2 THEN" UK("c") " END,"));

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
