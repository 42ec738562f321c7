/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "participation.h"

/* Theme slugs repeat across consultations: always with the consultation. */
DB_STMT(sql_part_theme, 2, PART_THEME_COLS,
    "SELECT t.id, t.slug, t.title, t.summary, t.body, t.position,"
    " consultation_phase(c) AS phase, fr_date(c.opens_at) AS opens,"
    " fr_date(c.closes_at - interval '1 second') AS closes,"
    " c.moderation_mode, c.slug AS consultation,"
    " c.title AS consultation_title, c.is_primary,"
    " consultation_archived(c) AS archived,"
    " coalesce(s.split, 0) > 0 AS split,"
    " coalesce(c.source_name, '') AS source_name"
    " FROM themes t JOIN consultations c ON c.id = t.consultation_id"
    " LEFT JOIN report_source_tallies s ON s.theme_id = t.id"
    " WHERE t.slug = $2::text"
    " AND CASE WHEN $1::text IS NULL THEN c.is_primary"
    "  ELSE c.slug = $1::text END");

DB_STMT(sql_part_territories, 0, PART_TERRITORY_COLS,
    "SELECT code, name FROM territories ORDER BY position");

/*
 * Who a contribution is by, publicly: the author's name, or for an entry
 * of a mediator (issue 12) the EPN's commune, never the person.
 */
#define BY(c)								\
    " CASE WHEN " c ".epn_id IS NULL"					\
    "  THEN coalesce(u.display_name, 'Anonyme')"			\
    "  ELSE 'une personne, saisie assistée à l''EPN de '"		\
    "  || (SELECT e.commune FROM epns e WHERE e.id = " c ".epn_id) END"

/*
 * The page of ids is chosen first (index order, LIMIT), then only those 20
 * rows get their author, territory and argument count: a sort that reads
 * many rows (search, hasard) never computes them for the others. For a
 * proposal, status = 'published' is is_public (constraint
 * contributions_public_proposal, migration 0191), and it is what the
 * listing indexes are built on; replies count when is_public.
 */
#define LIST_SELECT_HEAD \
    "SELECT p.id, p.title, left(p.body, 240) AS excerpt,"		\
    BY("p") " AS author,"						\
    " coalesce(t.name, '') AS territory,"				\
    " coalesce(pv.votes_agree, 0) AS votes_agree,"			\
    " coalesce(pv.votes_mixed, 0) AS votes_mixed,"			\
    " coalesce(pv.votes_disagree, 0) AS votes_disagree,"		\
    " (SELECT count(*) FROM contributions a WHERE a.proposal_id = p.id"	\
    "   AND a.kind = 'argument' AND a.is_public) AS arguments,"	\
    " p.replies, fr_date(p.created_at) AS date,"			\
    " (SELECT oa.status FROM official_answers oa"			\
    "   WHERE oa.contribution_id = p.id) AS answer"			\
    " FROM unnest(ARRAY("
#define LIST_SELECT	LIST_SELECT_HEAD "SELECT p.id FROM contributions p"
/* Published, in the territory asked for; then matching the search. */
#define LIST_PLACE \
    " AND p.status = 'published'"					\
    " AND ($2::text IS NULL OR p.territory_code = $2::text)"
#define LIST_FILTERS LIST_PLACE \
    " AND ($3::text IS NULL OR p.search @@ search_query($3::text))"
#define LIST_THEME \
    " WHERE p.theme_id = $1::int AND p.kind = 'proposal'"
#define LIST_WHERE_BASE	LIST_THEME LIST_FILTERS
/* The Region's answer: NULL any, 'sans' none yet, else that status. */
#define LIST_ANSWER(n) \
    " AND (" n "::text IS NULL OR CASE WHEN " n "::text = 'sans'"	\
    "  THEN NOT EXISTS (SELECT 1 FROM official_answers oa"		\
    "   WHERE oa.contribution_id = p.id)"				\
    "  ELSE EXISTS (SELECT 1 FROM official_answers oa"			\
    "   WHERE oa.contribution_id = p.id AND oa.status = " n "::text) END)"
#define LIST_WHERE	LIST_WHERE_BASE LIST_ANSWER("$6")
#define LIST_PAGE \
    " LIMIT $4::int OFFSET $5::int)) WITH ORDINALITY AS k(id, rn)"	\
    " JOIN contributions p ON p.id = k.id"				\
    " LEFT JOIN proposal_votes pv ON pv.contribution_id = k.id"		\
    " LEFT JOIN users u ON u.id = p.author_id"				\
    " LEFT JOIN territories t ON t.code = p.territory_code"		\
    " ORDER BY k.rn"

DB_STMT(sql_part_list_recent, 6, PART_LIST_COLS, LIST_SELECT LIST_WHERE
    " ORDER BY p.created_at DESC, p.id DESC" LIST_PAGE);
/*
 * The orders by votes and by agreement read the page of ids from the
 * proposals' narrow vote rows (proposal_votes, migration 0380, whose
 * indexes are the only ones a vote writes), the proposal row by its key.
 */
/*
 * A proposal_votes row is a proposal's, in its theme (kept by the triggers
 * of functions/votes.sql): the theme and kind are asked of it alone. Asked
 * of both rows as well, the planner multiplied their selectivities,
 * expected a few matches, and started parallel workers for 20 rows (10 ms
 * instead of 0.3 at Grand Débat scale, issue 18).
 */
#define LIST_VOTES(order) LIST_SELECT					\
    " JOIN proposal_votes pv ON pv.contribution_id = p.id"		\
    " WHERE pv.theme_id = $1::int" LIST_FILTERS LIST_ANSWER("$6")	\
    " ORDER BY " order LIST_PAGE
DB_STMT(sql_part_list_votes, 6, PART_LIST_COLS, LIST_VOTES(
    "pv.votes_total DESC, pv.contribution_id DESC"));
DB_STMT(sql_part_list_agree, 6, PART_LIST_COLS, LIST_VOTES(
    "pv.agree_score DESC, pv.contribution_id DESC"));
DB_STMT(sql_part_list_debate, 6, PART_LIST_COLS, LIST_SELECT LIST_WHERE
    " ORDER BY p.replies DESC, p.id DESC" LIST_PAGE);
/*
 * Au hasard: the proposals in the order of their key hashint8(id) (index
 * proposals_random, migration 0360), starting at the visitor's seed (0 ..
 * 2^31 - 1 spread over the keys) and wrapping round: each half reads at
 * most one page past the offset from the index, never the whole theme.
 */
#define RANDOM_FROM	" ($7::bigint * 2 - 2147483648)::int"
#define RANDOM_HALF(half, cmp) \
    " (SELECT p.id, hashint8(p.id) AS h, " half " AS half"		\
    " FROM contributions p" LIST_WHERE " AND hashint8(p.id) " cmp	\
    RANDOM_FROM " ORDER BY hashint8(p.id), p.id LIMIT $4::int + $5::int)"
DB_STMT(sql_part_list_random, 7, PART_LIST_COLS, LIST_SELECT_HEAD
    "SELECT r.id FROM (" RANDOM_HALF("0", ">=") " UNION ALL"
    RANDOM_HALF("1", "<") ") AS r ORDER BY r.half, r.h, r.id" LIST_PAGE);

/* An archive's sorts: the page of ids through the tallies' indexes. */
#define LIST_SOURCE(order) LIST_SELECT					\
    " JOIN imported_tallies it ON it.contribution_id = p.id" LIST_WHERE	\
    " AND it.theme_id = $1::int AND it.kind = 'proposal'"		\
    " ORDER BY " order LIST_PAGE

DB_STMT(sql_part_list_source_votes, 6, PART_LIST_COLS, LIST_SOURCE(
    "it.votes_total DESC NULLS LAST, it.contribution_id DESC"));
DB_STMT(sql_part_list_source_agree, 6, PART_LIST_COLS, LIST_SOURCE(
    "wilson_lower_bound(it.agree, it.agree + it.mixed + it.disagree)"
    " DESC NULLS LAST, it.contribution_id DESC"));

/*
 * A search's capped count reads the matches one of two ways, chosen from
 * the words' frequency among the theme's SEARCH_PROBE newest proposals
 * (the planner's estimate of a query widened by search_query() is often
 * ten times off): a frequent word (a fifth of them or more) walks the
 * newest proposals until PART_SEARCH_CAP + 1 match, at most about five
 * thousand rows whatever the size of the theme; a rarer one stops after
 * PART_SEARCH_CAP + 1 rows of the full-text index's bitmap, which is
 * cheap when the matches are few. At Grand Débat scale (pgbench, one
 * client, the whole statement): "numerique" in one theme 25 ms by the
 * bitmap, 8.5 with the probe and the walk; "tiers-lieux" (7 %) 19 either
 * way, where an ordered read alone took 32. Not with a Region's answer
 * status, which may be rare among the newest.
 */
#define SEARCH_PROBE	"200"
#define SEARCH_PROBE_HITS \
    " (SELECT count(*) FROM (SELECT p.search FROM contributions p"	\
    LIST_THEME LIST_PLACE " ORDER BY p.created_at DESC, p.id DESC"	\
    " LIMIT " SEARCH_PROBE ") AS s"					\
    " WHERE s.search @@ search_query($3::text))"

/*
 * Without a search, the count comes from the report rollups (per theme,
 * kind, status and département), not from reading every proposal; with
 * an answer status, from the answers (written one by one by officials,
 * few), minus them for "sans"; with a search, the matches are counted up
 * to PART_SEARCH_CAP + 1 only ("plus de 1 000").
 */
#define LIST_ANSWERED \
    " (SELECT count(*) FROM official_answers oa"			\
    "  JOIN contributions p ON p.id = oa.contribution_id" LIST_WHERE_BASE
DB_STMT(sql_part_list_count, 4, PART_COUNT_COLS,
    "SELECT CASE WHEN $3::text IS NULL AND"
    "  ($4::text IS NULL OR $4::text = 'sans') THEN"
    " (SELECT coalesce(sum(r.n), 0)::bigint FROM report_counts r"
    "  WHERE r.theme_id = $1::int AND r.kind = 'proposal'"
    "  AND r.is_public"
    "  AND ($2::text IS NULL OR r.territory_code = $2::text))"
    " - CASE WHEN $4::text IS NULL THEN 0 ELSE" LIST_ANSWERED ") END"
    " WHEN $4::text IS NOT NULL AND $4::text <> 'sans' THEN"
    LIST_ANSWERED " AND oa.status = $4::text)"
    " ELSE (SELECT CASE WHEN ($4::text IS NULL OR $4::text = 'sans')"
    "  AND " SEARCH_PROBE_HITS " * 5 >= " SEARCH_PROBE
    " THEN (SELECT count(*) FROM (SELECT 1 FROM contributions p"
    LIST_WHERE_BASE LIST_ANSWER("$4") " ORDER BY p.created_at DESC, p.id DESC"
    " LIMIT " PART_SEARCH_CAP_SQL " + 1) AS m)"
    " ELSE (SELECT count(*) FROM (SELECT 1 FROM contributions p"
    LIST_WHERE_BASE LIST_ANSWER("$4") " LIMIT " PART_SEARCH_CAP_SQL " + 1)"
    " AS m) END) END AS n");

DB_STMT(sql_part_proposal, 3, PART_PROPOSAL_COLS,
    "SELECT p.id, p.title, p.body_html, p.link, p.status, p.author_id,"
    BY("p") " AS author,"
    " coalesce(t.name, '') AS territory, fr_date(p.created_at) AS date,"
    " coalesce(pv.votes_agree, 0) AS votes_agree,"
    " coalesce(pv.votes_mixed, 0) AS votes_mixed,"
    " coalesce(pv.votes_disagree, 0) AS votes_disagree, v.choice,"
    " p.edited_at IS NOT NULL AS edited, th.slug AS theme,"
    " th.title AS theme_title, consultation_phase(c) AS phase,"
    " fr_date(c.opens_at) AS opens,"
    " fr_date(c.closes_at - interval '1 second') AS closes,"
    " now() < p.created_at + make_interval(mins => $3::int) AS editable,"
    " p.territory_code, p.body, th.position AS theme_position,"
    " c.moderation_mode, p.under_review,"
    " coalesce(p.moderation_rule, '') AS rule,"
    " coalesce(p.moderation_note, '') AS note,"
    " coalesce(r.title, '') AS rule_title,"
    " consultation_archived(c) AS archived,"
    " p.withdrawn_at IS NOT NULL AS withdrawn,"
    " coalesce(fr_date(p.withdrawn_at), '') AS withdrawn_date"
    " FROM contributions p"
    " JOIN themes th ON th.id = p.theme_id"
    " JOIN consultations c ON c.id = p.consultation_id"
    " LEFT JOIN charter_rules r ON r.code = p.moderation_rule"
    " LEFT JOIN users u ON u.id = p.author_id"
    " LEFT JOIN territories t ON t.code = p.territory_code"
    " LEFT JOIN proposal_votes pv ON pv.contribution_id = p.id"
    " LEFT JOIN votes v ON v.contribution_id = p.id"
    "  AND v.user_id = vote_person($2::bigint)"
    " WHERE p.id = $1::bigint AND p.kind = 'proposal'");

/* COALESCE evaluates its arguments in order: no vote when refused. */
DB_STMT(sql_part_vote, 4, PART_CODE_COLS,
    "SELECT coalesce(oidc_vote_refusal($1::bigint, $2::bigint, $4::boolean),"
    " participation_vote($1::bigint, $2::bigint, $3::text)) AS code");

DB_STMT(sql_part_withdraw, 2, PART_WITHDRAW_COLS,
    "SELECT code, thread FROM participation_withdraw($1::bigint, $2::bigint)");

DB_STMT(sql_part_useful, 2, PART_USEFUL_COLS,
    "SELECT participation_useful($1::bigint, $2::bigint) AS code,"
    " (SELECT proposal_id FROM contributions WHERE id = $2::bigint)"
    " AS proposal_id");

DB_STMT(sql_part_reply, 8, PART_NEW_COLS,
    "SELECT code, new_id FROM participation_reply($1::bigint, $2::bigint,"
    " $3::bigint, $4::text, $5::text, $6::text, $7::text, $8::int)");

DB_STMT(sql_part_propose, 7, PART_NEW_COLS,
    "SELECT code, new_id FROM participation_propose($1::bigint, $2::text,"
    " $3::text, $4::text, $5::text, $6::text, $7::text)");

DB_STMT(sql_part_edit, 8, PART_CODE_COLS,
    "SELECT participation_edit($1::bigint, $2::bigint, $3::text, $4::text,"
    " $5::text, $6::text, $7::text, $8::int) AS code");

DB_STMT(sql_part_reply_get, 3, PART_REPLY_COLS,
    "SELECT c.id, c.kind, c.proposal_id, c.body, c.status,"
    " participation_refusal(c.proposal_id) AS refusal,"
    " now() < c.created_at + make_interval(mins => $3::int) AS editable"
    " FROM contributions c WHERE c.id = $1::bigint AND c.kind <> 'proposal'"
    " AND c.author_id = $2::bigint AND c.withdrawn_at IS NULL"
    " AND c.status NOT IN ('hidden', 'rejected')");

DB_STMT(sql_part_edit_reply, 5, PART_CODE_COLS,
    "SELECT participation_edit_reply($1::bigint, $2::bigint, $3::text,"
    " $4::text, $5::int) AS code");
