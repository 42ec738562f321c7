-- A proposal's thread in pages (issue 18, item 2; the indexes of migration
-- 0400). One statement per order, in a plpgsql function so that each
-- connection plans it once (a generic plan, cached): sent as a plain
-- statement, it cost about 7 ms of planning at every request.
--
-- The current text of each function of the area (see shared.sql).
--
-- Each list (the arguments pour, contre, the comments under the proposal)
-- is read from its index from the cursor's key: the rows before it (at most
-- N, for 'avant' and 'voir') nearest first, then the rows from it on, N + 1
-- at most. The list's position of the cursor (rx, the rows before it) and
-- its size are counted on the same index, index-only; no OFFSET anywhere
-- (OFFSET 0 only keeps a recursive step on the parent index: without it, a
-- hash join reads the whole table). A cursor is a row id: its key is read
-- again, so a page is stable while the rows keep their keys. In each list
-- n: n_up climbs from the cursor to the top-level row it is under (itself
-- for a top-level row); n_x is that row's key, the smallest key without
-- one; n_b how many rows of the page come before it ('avant': N, or all of
-- them for the first page; 'voir': the rows of its page before it, pages
-- starting at multiples of N). Then the replies under the page's top-level
-- rows (the parent index, level by level, the viewer's filter pruning a
-- hidden row's subtree as the page does), numbered per row oldest first:
-- $10 of them each, $12 under the row ex ($11, or the one a 'voir' reply
-- is under). Each author by the users' key (OFFSET 0: never a scan of every
-- user). The order 'utile' ($14 true): most marks first, a withdrawn
-- argument last; otherwise by date.
--
-- $1 proposal, $2 the viewer or NULL, $3 rows per list and page (N),
-- $4/$5 the arguments pour's cursor: mode ('' the first page, 'de' from
-- that row, 'avant' the page before it, 'voir' the page holding that row or
-- the row its reply is under) and its row id (or NULL); $6/$7 the same for
-- contre, $8/$9 for the comments; $10 replies shown under each top-level
-- row, $11 a top-level row whose replies are all shown (up to $12), or
-- NULL; $13 the edit window (minutes); $14 the order 'utile'. Rows: as
-- app/db/threads.h says.
CREATE OR REPLACE FUNCTION thread_page(p_proposal bigint, p_viewer bigint, p_n integer,
    p_pour_mode text, p_pour bigint, p_contre_mode text, p_contre bigint,
    p_comments_mode text, p_comments bigint, p_replies integer,
    p_expanded bigint, p_expanded_replies integer, p_edit_minutes integer,
    p_useful boolean)
RETURNS TABLE (id bigint, kind text, "position" text, parent_id bigint,
    depth smallint, body_html text, author text, date text, useful integer,
    marked boolean, status text, mine boolean, withdrawn boolean,
    withdrawn_date text, rule text, edited_date text, editable boolean,
    first bigint, total bigint, nreplies bigint)
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
BEGIN
	IF p_useful THEN
		RETURN QUERY
		WITH RECURSIVE
		lp_up AS (SELECT c.id, c.parent_id FROM contributions c WHERE c.id =
		$5::bigint AND c.proposal_id = $1::bigint AND c.kind <> 'proposal' UNION
		ALL SELECT c.id, c.parent_id FROM lp_up u, LATERAL (SELECT c.id,
		c.parent_id FROM contributions c WHERE c.id = u.parent_id OFFSET 0) c
		WHERE u.parent_id <> $1::bigint),
		lp_x AS (SELECT coalesce(max( (CASE WHEN c.withdrawn_at IS NULL THEN
		-c.useful ELSE 1 END)), -2147483647) AS k0, coalesce(max(c.created_at),
		'-infinity') AS k1, coalesce(max(c.id), 0) AS k2 FROM lp_up u JOIN
		contributions c ON c.id = u.id WHERE u.parent_id = $1::bigint AND
		coalesce(c.position, '') = 'pour'),
		lp_n AS (SELECT count(*) AS total, count(*) FILTER (WHERE ( (CASE WHEN
		t.withdrawn_at IS NULL THEN -t.useful ELSE 1 END), t.created_at, t.id) <
		(x.k0, x.k1, x.k2)) AS rx FROM lp_x x, contributions t WHERE t.parent_id
		= $1::bigint AND t.kind = 'argument' AND t.position = 'pour' AND
		(t.status = 'published' OR t.author_id = $2::bigint)),
		lp_b AS (SELECT n.total, n.rx, CASE $4::text WHEN 'avant' THEN
		least(n.rx, $3::int) WHEN 'voir' THEN n.rx % $3::int ELSE 0 END AS nb
		FROM lp_n n),
		lp AS (SELECT p.id, b.rx - b.nb + 1 AS first, b.total FROM lp_x x, lp_b
		b, LATERAL (SELECT t.id FROM contributions t WHERE t.parent_id =
		$1::bigint AND t.kind = 'argument' AND t.position = 'pour' AND (t.status
		= 'published' OR t.author_id = $2::bigint) AND ( (CASE WHEN
		t.withdrawn_at IS NULL THEN -t.useful ELSE 1 END), t.created_at, t.id) <
		(x.k0, x.k1, x.k2) ORDER BY (CASE WHEN t.withdrawn_at IS NULL THEN
		-t.useful ELSE 1 END) DESC, t.created_at DESC, t.id DESC LIMIT b.nb) p
		UNION ALL SELECT f.id, b.rx - b.nb + 1, b.total FROM lp_x x, lp_b b,
		LATERAL (SELECT t.id FROM contributions t WHERE t.parent_id = $1::bigint
		AND t.kind = 'argument' AND t.position = 'pour' AND (t.status =
		'published' OR t.author_id = $2::bigint) AND ( (CASE WHEN t.withdrawn_at
		IS NULL THEN -t.useful ELSE 1 END), t.created_at, t.id) >= (x.k0, x.k1,
		x.k2) ORDER BY (CASE WHEN t.withdrawn_at IS NULL THEN -t.useful ELSE 1
		END), t.created_at, t.id LIMIT $3::int + 1 - b.nb) f),
		lc_up AS (SELECT c.id, c.parent_id FROM contributions c WHERE c.id =
		$7::bigint AND c.proposal_id = $1::bigint AND c.kind <> 'proposal' UNION
		ALL SELECT c.id, c.parent_id FROM lc_up u, LATERAL (SELECT c.id,
		c.parent_id FROM contributions c WHERE c.id = u.parent_id OFFSET 0) c
		WHERE u.parent_id <> $1::bigint),
		lc_x AS (SELECT coalesce(max( (CASE WHEN c.withdrawn_at IS NULL THEN
		-c.useful ELSE 1 END)), -2147483647) AS k0, coalesce(max(c.created_at),
		'-infinity') AS k1, coalesce(max(c.id), 0) AS k2 FROM lc_up u JOIN
		contributions c ON c.id = u.id WHERE u.parent_id = $1::bigint AND
		coalesce(c.position, '') = 'contre'),
		lc_n AS (SELECT count(*) AS total, count(*) FILTER (WHERE ( (CASE WHEN
		t.withdrawn_at IS NULL THEN -t.useful ELSE 1 END), t.created_at, t.id) <
		(x.k0, x.k1, x.k2)) AS rx FROM lc_x x, contributions t WHERE t.parent_id
		= $1::bigint AND t.kind = 'argument' AND t.position = 'contre' AND
		(t.status = 'published' OR t.author_id = $2::bigint)),
		lc_b AS (SELECT n.total, n.rx, CASE $6::text WHEN 'avant' THEN
		least(n.rx, $3::int) WHEN 'voir' THEN n.rx % $3::int ELSE 0 END AS nb
		FROM lc_n n),
		lc AS (SELECT p.id, b.rx - b.nb + 1 AS first, b.total FROM lc_x x, lc_b
		b, LATERAL (SELECT t.id FROM contributions t WHERE t.parent_id =
		$1::bigint AND t.kind = 'argument' AND t.position = 'contre' AND
		(t.status = 'published' OR t.author_id = $2::bigint) AND ( (CASE WHEN
		t.withdrawn_at IS NULL THEN -t.useful ELSE 1 END), t.created_at, t.id) <
		(x.k0, x.k1, x.k2) ORDER BY (CASE WHEN t.withdrawn_at IS NULL THEN
		-t.useful ELSE 1 END) DESC, t.created_at DESC, t.id DESC LIMIT b.nb) p
		UNION ALL SELECT f.id, b.rx - b.nb + 1, b.total FROM lc_x x, lc_b b,
		LATERAL (SELECT t.id FROM contributions t WHERE t.parent_id = $1::bigint
		AND t.kind = 'argument' AND t.position = 'contre' AND (t.status =
		'published' OR t.author_id = $2::bigint) AND ( (CASE WHEN t.withdrawn_at
		IS NULL THEN -t.useful ELSE 1 END), t.created_at, t.id) >= (x.k0, x.k1,
		x.k2) ORDER BY (CASE WHEN t.withdrawn_at IS NULL THEN -t.useful ELSE 1
		END), t.created_at, t.id LIMIT $3::int + 1 - b.nb) f),
		lm_up AS (SELECT c.id, c.parent_id FROM contributions c WHERE c.id =
		$9::bigint AND c.proposal_id = $1::bigint AND c.kind <> 'proposal' UNION
		ALL SELECT c.id, c.parent_id FROM lm_up u, LATERAL (SELECT c.id,
		c.parent_id FROM contributions c WHERE c.id = u.parent_id OFFSET 0) c
		WHERE u.parent_id <> $1::bigint),
		lm_x AS (SELECT coalesce(max( (CASE WHEN c.withdrawn_at IS NULL THEN
		-c.useful ELSE 1 END)), -2147483647) AS k0, coalesce(max(c.created_at),
		'-infinity') AS k1, coalesce(max(c.id), 0) AS k2 FROM lm_up u JOIN
		contributions c ON c.id = u.id WHERE u.parent_id = $1::bigint AND
		coalesce(c.position, '') = ''),
		lm_n AS (SELECT count(*) AS total, count(*) FILTER (WHERE (t.created_at,
		t.id) < (x.k1, x.k2)) AS rx FROM lm_x x, contributions t WHERE
		t.parent_id = $1::bigint AND coalesce(t.position, '') = '' AND (t.status
		= 'published' OR t.author_id = $2::bigint)),
		lm_b AS (SELECT n.total, n.rx, CASE $8::text WHEN 'avant' THEN
		least(n.rx, $3::int) WHEN 'voir' THEN n.rx % $3::int ELSE 0 END AS nb
		FROM lm_n n),
		lm AS (SELECT p.id, b.rx - b.nb + 1 AS first, b.total FROM lm_x x, lm_b
		b, LATERAL (SELECT t.id FROM contributions t WHERE t.parent_id =
		$1::bigint AND coalesce(t.position, '') = '' AND (t.status = 'published'
		OR t.author_id = $2::bigint) AND (t.created_at, t.id) < (x.k1, x.k2)
		ORDER BY t.created_at DESC, t.id DESC LIMIT b.nb) p UNION ALL SELECT
		f.id, b.rx - b.nb + 1, b.total FROM lm_x x, lm_b b, LATERAL (SELECT t.id
		FROM contributions t WHERE t.parent_id = $1::bigint AND
		coalesce(t.position, '') = '' AND (t.status = 'published' OR t.author_id
		= $2::bigint) AND (t.created_at, t.id) >= (x.k1, x.k2) ORDER BY
		t.created_at, t.id LIMIT $3::int + 1 - b.nb) f),
		tops AS (SELECT id, first, total, 0 AS list FROM lp UNION ALL SELECT id,
		first, total, 1 FROM lc UNION ALL SELECT id, first, total, 2 FROM lm),
		ex AS (SELECT coalesce($11::bigint, (SELECT u.id FROM lp_up u WHERE
		u.parent_id = $1::bigint AND u.id <> $5::bigint AND $4::text = 'voir'))
		AS id),
		d AS (SELECT c.id, c.created_at, tops.id AS root FROM tops JOIN
		contributions c ON c.parent_id = tops.id WHERE (c.status = 'published'
		OR c.author_id = $2::bigint) UNION ALL SELECT c.id, c.created_at, d.root
		FROM d, LATERAL (SELECT c.id, c.created_at FROM contributions c WHERE
		c.parent_id = d.id AND (c.status = 'published' OR c.author_id =
		$2::bigint) OFFSET 0) c),
		r AS (SELECT d.id, d.root, row_number() OVER (PARTITION BY d.root ORDER
		BY d.created_at, d.id) AS rn FROM d),
		nr AS (SELECT root, count(*) AS n FROM r GROUP BY root),
		page AS (SELECT tops.id, tops.list, tops.first, tops.total,
		coalesce(nr.n, 0) AS nreplies FROM tops LEFT JOIN nr ON nr.root =
		tops.id UNION ALL SELECT r.id, 3, 0, 0, 0 FROM r, ex WHERE r.rn <= CASE
		WHEN r.root = ex.id THEN $12::int ELSE $10::int END)
		SELECT c.id, c.kind, c.position, c.parent_id, c.depth, c.body_html, CASE
		WHEN c.epn_id IS NULL THEN coalesce(u.display_name, 'Anonyme') ELSE 'une
		personne, saisie assistée à l''EPN de ' || (SELECT e.commune FROM epns e
		WHERE e.id = c.epn_id) END AS author, fr_date(c.created_at) AS date,
		c.useful, EXISTS (SELECT 1 FROM argument_useful m WHERE
		m.contribution_id = c.id AND m.user_id = $2::bigint) AS marked,
		c.status, coalesce(c.author_id = $2::bigint, false) AS mine,
		c.withdrawn_at IS NOT NULL AS withdrawn,
		coalesce(fr_date(c.withdrawn_at), '') AS withdrawn_date,
		coalesce(c.moderation_rule, '') AS rule,
		coalesce(fr_date_time(c.edited_at), '') AS edited_date, now() <
		c.created_at + make_interval(mins => $13::int) AS editable, page.first,
		page.total, page.nreplies FROM page CROSS JOIN LATERAL (SELECT * FROM
		contributions c WHERE c.id = page.id OFFSET 0) c LEFT JOIN LATERAL
		(SELECT u.display_name FROM users u WHERE u.id = c.author_id OFFSET 0) u
		ON true ORDER BY page.list, CASE WHEN page.list < 2 THEN (CASE WHEN
		c.withdrawn_at IS NULL THEN -c.useful ELSE 1 END) END, c.created_at,
		c.id;
	ELSE
		RETURN QUERY
		WITH RECURSIVE
		lp_up AS (SELECT c.id, c.parent_id FROM contributions c WHERE c.id =
		$5::bigint AND c.proposal_id = $1::bigint AND c.kind <> 'proposal' UNION
		ALL SELECT c.id, c.parent_id FROM lp_up u, LATERAL (SELECT c.id,
		c.parent_id FROM contributions c WHERE c.id = u.parent_id OFFSET 0) c
		WHERE u.parent_id <> $1::bigint),
		lp_x AS (SELECT coalesce(max( (CASE WHEN c.withdrawn_at IS NULL THEN
		-c.useful ELSE 1 END)), -2147483647) AS k0, coalesce(max(c.created_at),
		'-infinity') AS k1, coalesce(max(c.id), 0) AS k2 FROM lp_up u JOIN
		contributions c ON c.id = u.id WHERE u.parent_id = $1::bigint AND
		coalesce(c.position, '') = 'pour'),
		lp_n AS (SELECT count(*) AS total, count(*) FILTER (WHERE (t.created_at,
		t.id) < (x.k1, x.k2)) AS rx FROM lp_x x, contributions t WHERE
		t.parent_id = $1::bigint AND coalesce(t.position, '') = 'pour' AND
		(t.status = 'published' OR t.author_id = $2::bigint)),
		lp_b AS (SELECT n.total, n.rx, CASE $4::text WHEN 'avant' THEN
		least(n.rx, $3::int) WHEN 'voir' THEN n.rx % $3::int ELSE 0 END AS nb
		FROM lp_n n),
		lp AS (SELECT p.id, b.rx - b.nb + 1 AS first, b.total FROM lp_x x, lp_b
		b, LATERAL (SELECT t.id FROM contributions t WHERE t.parent_id =
		$1::bigint AND coalesce(t.position, '') = 'pour' AND (t.status =
		'published' OR t.author_id = $2::bigint) AND (t.created_at, t.id) <
		(x.k1, x.k2) ORDER BY t.created_at DESC, t.id DESC LIMIT b.nb) p UNION
		ALL SELECT f.id, b.rx - b.nb + 1, b.total FROM lp_x x, lp_b b, LATERAL
		(SELECT t.id FROM contributions t WHERE t.parent_id = $1::bigint AND
		coalesce(t.position, '') = 'pour' AND (t.status = 'published' OR
		t.author_id = $2::bigint) AND (t.created_at, t.id) >= (x.k1, x.k2) ORDER
		BY t.created_at, t.id LIMIT $3::int + 1 - b.nb) f),
		lc_up AS (SELECT c.id, c.parent_id FROM contributions c WHERE c.id =
		$7::bigint AND c.proposal_id = $1::bigint AND c.kind <> 'proposal' UNION
		ALL SELECT c.id, c.parent_id FROM lc_up u, LATERAL (SELECT c.id,
		c.parent_id FROM contributions c WHERE c.id = u.parent_id OFFSET 0) c
		WHERE u.parent_id <> $1::bigint),
		lc_x AS (SELECT coalesce(max( (CASE WHEN c.withdrawn_at IS NULL THEN
		-c.useful ELSE 1 END)), -2147483647) AS k0, coalesce(max(c.created_at),
		'-infinity') AS k1, coalesce(max(c.id), 0) AS k2 FROM lc_up u JOIN
		contributions c ON c.id = u.id WHERE u.parent_id = $1::bigint AND
		coalesce(c.position, '') = 'contre'),
		lc_n AS (SELECT count(*) AS total, count(*) FILTER (WHERE (t.created_at,
		t.id) < (x.k1, x.k2)) AS rx FROM lc_x x, contributions t WHERE
		t.parent_id = $1::bigint AND coalesce(t.position, '') = 'contre' AND
		(t.status = 'published' OR t.author_id = $2::bigint)),
		lc_b AS (SELECT n.total, n.rx, CASE $6::text WHEN 'avant' THEN
		least(n.rx, $3::int) WHEN 'voir' THEN n.rx % $3::int ELSE 0 END AS nb
		FROM lc_n n),
		lc AS (SELECT p.id, b.rx - b.nb + 1 AS first, b.total FROM lc_x x, lc_b
		b, LATERAL (SELECT t.id FROM contributions t WHERE t.parent_id =
		$1::bigint AND coalesce(t.position, '') = 'contre' AND (t.status =
		'published' OR t.author_id = $2::bigint) AND (t.created_at, t.id) <
		(x.k1, x.k2) ORDER BY t.created_at DESC, t.id DESC LIMIT b.nb) p UNION
		ALL SELECT f.id, b.rx - b.nb + 1, b.total FROM lc_x x, lc_b b, LATERAL
		(SELECT t.id FROM contributions t WHERE t.parent_id = $1::bigint AND
		coalesce(t.position, '') = 'contre' AND (t.status = 'published' OR
		t.author_id = $2::bigint) AND (t.created_at, t.id) >= (x.k1, x.k2) ORDER
		BY t.created_at, t.id LIMIT $3::int + 1 - b.nb) f),
		lm_up AS (SELECT c.id, c.parent_id FROM contributions c WHERE c.id =
		$9::bigint AND c.proposal_id = $1::bigint AND c.kind <> 'proposal' UNION
		ALL SELECT c.id, c.parent_id FROM lm_up u, LATERAL (SELECT c.id,
		c.parent_id FROM contributions c WHERE c.id = u.parent_id OFFSET 0) c
		WHERE u.parent_id <> $1::bigint),
		lm_x AS (SELECT coalesce(max( (CASE WHEN c.withdrawn_at IS NULL THEN
		-c.useful ELSE 1 END)), -2147483647) AS k0, coalesce(max(c.created_at),
		'-infinity') AS k1, coalesce(max(c.id), 0) AS k2 FROM lm_up u JOIN
		contributions c ON c.id = u.id WHERE u.parent_id = $1::bigint AND
		coalesce(c.position, '') = ''),
		lm_n AS (SELECT count(*) AS total, count(*) FILTER (WHERE (t.created_at,
		t.id) < (x.k1, x.k2)) AS rx FROM lm_x x, contributions t WHERE
		t.parent_id = $1::bigint AND coalesce(t.position, '') = '' AND (t.status
		= 'published' OR t.author_id = $2::bigint)),
		lm_b AS (SELECT n.total, n.rx, CASE $8::text WHEN 'avant' THEN
		least(n.rx, $3::int) WHEN 'voir' THEN n.rx % $3::int ELSE 0 END AS nb
		FROM lm_n n),
		lm AS (SELECT p.id, b.rx - b.nb + 1 AS first, b.total FROM lm_x x, lm_b
		b, LATERAL (SELECT t.id FROM contributions t WHERE t.parent_id =
		$1::bigint AND coalesce(t.position, '') = '' AND (t.status = 'published'
		OR t.author_id = $2::bigint) AND (t.created_at, t.id) < (x.k1, x.k2)
		ORDER BY t.created_at DESC, t.id DESC LIMIT b.nb) p UNION ALL SELECT
		f.id, b.rx - b.nb + 1, b.total FROM lm_x x, lm_b b, LATERAL (SELECT t.id
		FROM contributions t WHERE t.parent_id = $1::bigint AND
		coalesce(t.position, '') = '' AND (t.status = 'published' OR t.author_id
		= $2::bigint) AND (t.created_at, t.id) >= (x.k1, x.k2) ORDER BY
		t.created_at, t.id LIMIT $3::int + 1 - b.nb) f),
		tops AS (SELECT id, first, total, 0 AS list FROM lp UNION ALL SELECT id,
		first, total, 1 FROM lc UNION ALL SELECT id, first, total, 2 FROM lm),
		ex AS (SELECT coalesce($11::bigint, (SELECT u.id FROM lp_up u WHERE
		u.parent_id = $1::bigint AND u.id <> $5::bigint AND $4::text = 'voir'))
		AS id),
		d AS (SELECT c.id, c.created_at, tops.id AS root FROM tops JOIN
		contributions c ON c.parent_id = tops.id WHERE (c.status = 'published'
		OR c.author_id = $2::bigint) UNION ALL SELECT c.id, c.created_at, d.root
		FROM d, LATERAL (SELECT c.id, c.created_at FROM contributions c WHERE
		c.parent_id = d.id AND (c.status = 'published' OR c.author_id =
		$2::bigint) OFFSET 0) c),
		r AS (SELECT d.id, d.root, row_number() OVER (PARTITION BY d.root ORDER
		BY d.created_at, d.id) AS rn FROM d),
		nr AS (SELECT root, count(*) AS n FROM r GROUP BY root),
		page AS (SELECT tops.id, tops.list, tops.first, tops.total,
		coalesce(nr.n, 0) AS nreplies FROM tops LEFT JOIN nr ON nr.root =
		tops.id UNION ALL SELECT r.id, 3, 0, 0, 0 FROM r, ex WHERE r.rn <= CASE
		WHEN r.root = ex.id THEN $12::int ELSE $10::int END)
		SELECT c.id, c.kind, c.position, c.parent_id, c.depth, c.body_html, CASE
		WHEN c.epn_id IS NULL THEN coalesce(u.display_name, 'Anonyme') ELSE 'une
		personne, saisie assistée à l''EPN de ' || (SELECT e.commune FROM epns e
		WHERE e.id = c.epn_id) END AS author, fr_date(c.created_at) AS date,
		c.useful, EXISTS (SELECT 1 FROM argument_useful m WHERE
		m.contribution_id = c.id AND m.user_id = $2::bigint) AS marked,
		c.status, coalesce(c.author_id = $2::bigint, false) AS mine,
		c.withdrawn_at IS NOT NULL AS withdrawn,
		coalesce(fr_date(c.withdrawn_at), '') AS withdrawn_date,
		coalesce(c.moderation_rule, '') AS rule,
		coalesce(fr_date_time(c.edited_at), '') AS edited_date, now() <
		c.created_at + make_interval(mins => $13::int) AS editable, page.first,
		page.total, page.nreplies FROM page CROSS JOIN LATERAL (SELECT * FROM
		contributions c WHERE c.id = page.id OFFSET 0) c LEFT JOIN LATERAL
		(SELECT u.display_name FROM users u WHERE u.id = c.author_id OFFSET 0) u
		ON true ORDER BY page.list, c.created_at, c.id;
	END IF;
END $$;
