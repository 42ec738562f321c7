/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "participation.h"

const char sql_part_theme[] =
    "SELECT t.id, t.slug, t.title, t.summary, t.body, t.position,"
    " consultation_phase(c), fr_date(c.opens_at),"
    " fr_date(c.closes_at - interval '1 second'), c.moderation_mode"
    " FROM themes t JOIN consultations c ON c.id = t.consultation_id"
    " WHERE c.is_primary AND t.slug = $1";

const char sql_part_territories[] =
    "SELECT code, name FROM territories ORDER BY position";

/*
 * The page of ids is chosen first (index order, LIMIT), then only those 20
 * rows get their author, territory and argument count: a sort that reads
 * many rows (search, hasard) never computes them for the others. For a
 * proposal, status = 'published' is is_public (constraint
 * contributions_public_proposal, migration 0191), and it is what the
 * listing indexes are built on; replies count when is_public.
 */
#define LIST_SELECT \
    "SELECT p.id, p.title, left(p.body, 240),"				\
    " coalesce(u.display_name, 'Anonyme'), coalesce(t.name, ''),"	\
    " p.votes_agree, p.votes_mixed, p.votes_disagree,"			\
    " (SELECT count(*) FROM contributions a WHERE a.proposal_id = p.id"	\
    "   AND a.kind = 'argument' AND a.is_public),"			\
    " p.replies, fr_date(p.created_at)"					\
    " FROM unnest(ARRAY(SELECT p.id FROM contributions p"
#define LIST_WHERE \
    " WHERE p.theme_id = $1::int AND p.kind = 'proposal'"		\
    " AND p.status = 'published'"					\
    " AND ($2::text IS NULL OR p.territory_code = $2::text)"		\
    " AND ($3::text IS NULL OR"						\
    "  p.search @@ websearch_to_tsquery('fr_unaccent', $3::text))"
#define LIST_PAGE \
    " LIMIT $4::int OFFSET $5::int)) WITH ORDINALITY AS k(id, rn)"	\
    " JOIN contributions p ON p.id = k.id"				\
    " LEFT JOIN users u ON u.id = p.author_id"				\
    " LEFT JOIN territories t ON t.code = p.territory_code"		\
    " ORDER BY k.rn"

const char sql_part_list_recent[] = LIST_SELECT LIST_WHERE
    " ORDER BY p.created_at DESC, p.id DESC" LIST_PAGE;
const char sql_part_list_votes[] = LIST_SELECT LIST_WHERE
    " ORDER BY p.votes_total DESC, p.id DESC" LIST_PAGE;
const char sql_part_list_agree[] = LIST_SELECT LIST_WHERE
    " ORDER BY p.agree_score DESC, p.id DESC" LIST_PAGE;
const char sql_part_list_debate[] = LIST_SELECT LIST_WHERE
    " ORDER BY p.replies DESC, p.id DESC" LIST_PAGE;
const char sql_part_list_random[] = LIST_SELECT LIST_WHERE
    " ORDER BY ((p.id # $6::bigint) % 4294967291) * 1103515245"
    " % 4294967291, p.id" LIST_PAGE;

/* An archive's sorts: the page of ids through the tallies' indexes. */
#define LIST_SOURCE(order) LIST_SELECT					\
    " JOIN imported_tallies it ON it.contribution_id = p.id" LIST_WHERE	\
    " AND it.theme_id = $1::int AND it.kind = 'proposal'"		\
    " ORDER BY " order LIST_PAGE

const char sql_part_list_source_votes[] = LIST_SOURCE(
    "it.votes_total DESC NULLS LAST, it.contribution_id DESC");
const char sql_part_list_source_agree[] = LIST_SOURCE(
    "wilson_lower_bound(it.agree, it.agree + it.mixed + it.disagree)"
    " DESC NULLS LAST, it.contribution_id DESC");

/*
 * Without a search, the count comes from the report rollups (per theme,
 * kind, status and département), not from reading every proposal.
 */
const char sql_part_list_count[] =
    "SELECT CASE WHEN $3::text IS NULL THEN"
    " (SELECT coalesce(sum(r.n), 0)::bigint FROM report_counts r"
    "  WHERE r.theme_id = $1::int AND r.kind = 'proposal'"
    "  AND r.is_public"
    "  AND ($2::text IS NULL OR r.territory_code = $2::text))"
    " ELSE (SELECT count(*) FROM contributions p" LIST_WHERE ") END";

const char sql_part_proposal[] =
    "SELECT p.id, p.title, p.body_html, p.link, p.status, p.author_id,"
    " coalesce(u.display_name, 'Anonyme'), coalesce(t.name, ''),"
    " fr_date(p.created_at), p.votes_agree, p.votes_mixed,"
    " p.votes_disagree, v.choice, p.edited_at IS NOT NULL, th.slug,"
    " th.title, consultation_phase(c), fr_date(c.opens_at),"
    " fr_date(c.closes_at - interval '1 second'),"
    " now() < p.created_at + make_interval(mins => $3::int),"
    " p.territory_code, p.body, th.position, c.moderation_mode,"
    " p.under_review, coalesce(p.moderation_rule, ''),"
    " coalesce(p.moderation_note, ''), coalesce(r.title, ''),"
    " consultation_archived(c)"
    " FROM contributions p"
    " JOIN themes th ON th.id = p.theme_id"
    " JOIN consultations c ON c.id = p.consultation_id"
    " LEFT JOIN charter_rules r ON r.code = p.moderation_rule"
    " LEFT JOIN users u ON u.id = p.author_id"
    " LEFT JOIN territories t ON t.code = p.territory_code"
    " LEFT JOIN votes v ON v.contribution_id = p.id"
    "  AND v.user_id = $2::bigint"
    " WHERE p.id = $1::bigint AND p.kind = 'proposal'";

const char sql_part_thread[] =
    "SELECT c.id, c.kind, c.position, c.parent_id, c.depth, c.body_html,"
    " coalesce(u.display_name, 'Anonyme'), fr_date(c.created_at), c.useful,"
    " EXISTS (SELECT 1 FROM argument_useful m WHERE m.contribution_id = c.id"
    "  AND m.user_id = $2::bigint), c.status,"
    " coalesce(c.author_id = $2::bigint, false)"
    " FROM contributions c LEFT JOIN users u ON u.id = c.author_id"
    " WHERE c.proposal_id = $1::bigint AND c.kind <> 'proposal'"
    " AND (c.status = 'published' OR c.author_id = $2::bigint)"
    " ORDER BY c.created_at, c.id LIMIT $3::int";

const char sql_part_vote[] =
    "SELECT participation_vote($1::bigint, $2::bigint, $3::text)";

const char sql_part_useful[] =
    "SELECT participation_useful($1::bigint, $2::bigint),"
    " (SELECT proposal_id FROM contributions WHERE id = $2::bigint)";

const char sql_part_reply[] =
    "SELECT code, new_id FROM participation_reply($1::bigint, $2::bigint,"
    " $3::bigint, $4::text, $5::text, $6::text, $7::text, $8::int)";

const char sql_part_propose[] =
    "SELECT code, new_id FROM participation_propose($1::bigint, $2::text,"
    " $3::text, $4::text, $5::text, $6::text, $7::text)";

const char sql_part_edit[] =
    "SELECT participation_edit($1::bigint, $2::bigint, $3::text, $4::text,"
    " $5::text, $6::text, $7::text, $8::int)";
