/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "council.h"
#include "syntheses.h"

#define COUNCIL_LIST_SELECT						\
    "SELECT r.id, r.kind, r.question, fr_date(r.due_on) AS due,"	\
    " council_state(r.id) AS state,"					\
    " (SELECT string_agg(t.title, ', ' ORDER BY t.position)"		\
    "  FROM council_referral_themes x JOIN themes t ON t.id = x.theme_id"\
    "  WHERE x.referral_id = r.id) AS themes"

DB_STMT(sql_council_list, 0, COUNCIL_LIST_COLS,
    COUNCIL_LIST_SELECT " FROM council_referrals r ORDER BY r.id DESC"
    " LIMIT 500");

DB_STMT(sql_council_members, 0, COUNCIL_MEMBER_COLS,
    "SELECT u.id, u.display_name AS name FROM users u"
    " JOIN user_roles r ON r.user_id = u.id AND r.role = 'conseil'"
    " WHERE u.deleted_at IS NULL ORDER BY u.display_name, u.id");

DB_STMT(sql_council_referral, 1, COUNCIL_REFERRAL_COLS,
    COUNCIL_LIST_SELECT ","
    " o.display_name AS opener, fr_date(r.opened_at) AS opened,"
    " r.rapporteur_id AS rapporteur, ra.display_name AS rapporteur_name,"
    " council_size() AS size,"
    " to_char(now() AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS today,"
    " a.body_html AS op_html, fr_date(a.adopted_on) AS op_adopted,"
    " a.votes_for AS op_for, a.votes_against AS op_against,"
    " a.abstentions AS op_abstain, fr_date(a.published_at) AS op_published,"
    " s.body AS re_body, s.body_html AS re_html,"
    " fr_date(s.published_at) AS re_date,"
    /* The log's rows of the two acts (council_log()'s subjects). */
    " (SELECT max(l.id) FROM moderation_log l"
    "  WHERE l.subject = council_opinion_subject(a)) AS op_log,"
    " (SELECT max(l.id) FROM moderation_log l"
    "  WHERE l.subject = 'reponse:' || s.referral_id) AS re_log"
    " FROM council_referrals r JOIN users o ON o.id = r.opened_by"
    " LEFT JOIN users ra ON ra.id = r.rapporteur_id"
    " LEFT JOIN council_opinions a ON a.referral_id = r.id"
    " LEFT JOIN council_responses s ON s.referral_id = r.id"
    " WHERE r.id = $1::bigint");

DB_STMT(sql_council_drafts, 1, COUNCIL_DRAFT_COLS,
    "SELECT d.id, u.display_name AS author,"
    " fr_date(d.created_at) || ', ' || to_char(d.created_at AT TIME ZONE"
    " 'Europe/Paris', 'HH24\" h \"MI') AS date, d.body, d.body_html"
    " FROM council_drafts d JOIN users u ON u.id = d.author_id"
    " WHERE d.referral_id = $1::bigint ORDER BY d.id DESC");

DB_STMT(sql_council_comments, 1, COUNCIL_COMMENT_COLS,
    "SELECT u.display_name AS author,"
    " fr_date(c.created_at) || ', ' || to_char(c.created_at AT TIME ZONE"
    " 'Europe/Paris', 'HH24\" h \"MI') AS date, c.body"
    " FROM council_comments c JOIN users u ON u.id = c.author_id"
    " WHERE c.referral_id = $1::bigint ORDER BY c.id");

DB_STMT(sql_council_themes, 0, COUNCIL_THEME_COLS,
    "SELECT t.slug, t.title,"
    " to_char(now() AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS today"
    " FROM themes t JOIN consultations k ON k.id = t.consultation_id"
    " AND k.is_primary ORDER BY t.position");

DB_STMT(sql_council_open, 8, COUNCIL_WRITE_COLS,
    "SELECT council_referral_open($1::text, $2::text, $3::date, $4::bigint,"
    " $5::text[], $6::text, $7::text, $8::text) AS result");

DB_STMT(sql_council_draft_add, 9, COUNCIL_DRAFT_ADD_COLS,
    "SELECT result, line, contribution FROM council_draft_add($1::bigint,"
    " $2::bigint, $3::text, $4::text, $5::text, $6::text, $7::text,"
    " $8::int[], $9::bigint[])");

DB_STMT(sql_council_refs, 3, SYNTHESIS_REF_COLS,
    "SELECT c.id, " CITATION_REF_TITLE " AS title,"
    " " CITATION_REF_HREF " AS href, NULL::text AS slug"
    " FROM contributions c"
    " WHERE c.id = ANY ($2::bigint[]) AND c.is_public AND EXISTS (SELECT 1"
    "  FROM council_referral_themes t WHERE t.referral_id = $1::bigint"
    "  AND t.theme_id = c.theme_id)"
    " UNION ALL SELECT 0, 'synthèse du thème « ' || t.title || ' »',"
    " '/syntheses/' || t.slug, t.slug FROM themes t"
    " JOIN council_referral_themes x ON x.theme_id = t.id"
    " WHERE x.referral_id = $1::bigint AND t.slug = ANY ($3::text[])"
    " AND synthesis_published(t.id) IS NOT NULL");

DB_STMT(sql_council_comment_add, 3, COUNCIL_WRITE_COLS,
    "WITH i AS (INSERT INTO council_comments (referral_id, body, author_id)"
    "  SELECT r.id, $3::text, $2::bigint FROM council_referrals r"
    "  WHERE r.id = $1::bigint AND council_member($2::bigint) RETURNING 1)"
    " SELECT count(*) AS result FROM i");

DB_STMT(sql_council_rapporteur_set, 3, COUNCIL_WRITE_COLS,
    "WITH u AS (UPDATE council_referrals SET rapporteur_id = $2::bigint"
    "  WHERE id = $1::bigint AND council_member($2::bigint)"
    "  AND council_member($3::bigint) AND NOT EXISTS (SELECT 1"
    "  FROM council_opinions WHERE referral_id = $1::bigint) RETURNING 1)"
    " SELECT count(*) AS result FROM u");

DB_STMT(sql_council_publish, 12, COUNCIL_WRITE_COLS,
    "SELECT council_publish($1::bigint, $2::bigint, $3::text, $4::date,"
    " $5::int, $6::int, $7::int, $8::text, $9::text, $10::text, $11::text,"
    " $12::text) AS result");

DB_STMT(sql_council_respond, 5, COUNCIL_WRITE_COLS,
    "SELECT council_respond($1::bigint, $2::bigint, $3::text, $4::text,"
    " $5::text) AS result");

DB_STMT(sql_council_export, 0, COUNCIL_EXPORT_COLS,
    "SELECT jsonb_pretty(council_export()) AS doc");
