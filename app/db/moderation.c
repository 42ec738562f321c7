/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* SQL of moderation; parameters and columns are documented in the header. */

#include "moderation.h"

const char sql_charter_rules[] =
    "SELECT code, title, summary FROM charter_rules ORDER BY position";

const char sql_flag_target[] =
    "SELECT c.id, c.kind, c.title, c.body, c.status, t.title,"
    " fr_date(c.created_at), u.display_name, c.author_id,"
    " EXISTS (SELECT 1 FROM flags f WHERE f.contribution_id = c.id"
    "  AND f.user_id = $2::bigint), c.under_review,"
    " coalesce(c.proposal_id, c.id)"
    " FROM contributions c JOIN themes t ON t.id = c.theme_id"
    " LEFT JOIN users u ON u.id = c.author_id"
    " WHERE c.id = $1::bigint";

const char sql_flag_insert[] =
    "SELECT flag_contribution($1::bigint, $2::bigint, $3, $4,"
    " $5::integer, $6)";

#define QUEUE_REASON \
    "CASE WHEN c.under_review THEN 'signalement'" \
    " WHEN c.queue_reason = 'doublon probable' THEN 'doublon'" \
    " WHEN c.queue_reason = 'compte récent' THEN 'compte' ELSE 'attente' END"

const char sql_queue[] =
    "SELECT c.id, c.kind, coalesce(c.title, left(c.body, 120)), c.status,"
    " t.title, fr_date(coalesce(c.queued_at, c.created_at)) || ' à ' ||"
    " to_char(coalesce(c.queued_at, c.created_at) AT TIME ZONE"
    " 'Europe/Paris', 'HH24:MI'), " QUEUE_REASON ", c.flag_count,"
    " count(*) OVER ()"
    " FROM contributions c JOIN themes t ON t.id = c.theme_id"
    " WHERE (c.status = 'pending' OR c.under_review)"
    " AND ($1 = '' OR (t.slug = $1 AND t.consultation_id ="
    "  (SELECT id FROM consultations WHERE is_primary)))"
    " AND ($2 = '' OR " QUEUE_REASON " = $2)"
    " AND ($3 = '' OR c.status = $3)"
    " ORDER BY coalesce(c.queued_at, c.created_at), c.id"
    " OFFSET $4::integer LIMIT $5::integer";

const char sql_queue_themes[] =
    "SELECT t.slug, t.title FROM themes t JOIN consultations c"
    " ON c.id = t.consultation_id WHERE c.is_primary ORDER BY t.position";

const char sql_item[] =
    "SELECT c.id, c.kind, c.title, c.body, c.status, c.decision_version,"
    " c.under_review, c.queue_reason, t.title, fr_date(c.created_at),"
    " u.display_name, c.author_id, c.moderation_rule, c.moderation_note,"
    " c.flag_count, coalesce(c.proposal_id, c.id)"
    " FROM contributions c JOIN themes t ON t.id = c.theme_id"
    " LEFT JOIN users u ON u.id = c.author_id"
    " WHERE c.id = $1::bigint";

const char sql_item_similar[] =
    "SELECT o.id, coalesce(o.title, left(o.body, 120)), o.status,"
    " round(similarity(o.body, me.body) * 100)"
    " FROM contributions me"
    " JOIN contributions o ON o.author_id = me.author_id AND o.id <> me.id"
    " WHERE me.id = $1::bigint AND me.queue_reason IS NOT NULL"
    " AND o.created_at > me.created_at - interval '7 days'"
    " AND o.created_at <= me.created_at"
    " AND similarity(o.body, me.body) >= 0.5"
    " ORDER BY similarity(o.body, me.body) DESC, o.id LIMIT 5";

const char sql_item_flags[] =
    "SELECT f.rule_code, r.title, f.note, fr_date(f.created_at)"
    " FROM flags f JOIN charter_rules r ON r.code = f.rule_code"
    " WHERE f.contribution_id = $1::bigint ORDER BY f.created_at, f.id";

const char sql_item_history[] =
    "SELECT count(*) FILTER (WHERE l.to_status = 'published'),"
    " count(*) FILTER (WHERE l.to_status = 'hidden'),"
    " count(*) FILTER (WHERE l.to_status = 'rejected')"
    " FROM contributions me"
    " JOIN contributions o ON o.author_id = me.author_id AND o.id <> me.id"
    " JOIN moderation_log l ON l.contribution_id = o.id"
    "  AND l.moderator_id IS NOT NULL"
    " WHERE me.id = $1::bigint";

const char sql_item_log[] =
    "SELECT fr_date(l.at) || ' à ' || to_char(l.at AT TIME ZONE"
    " 'Europe/Paris', 'HH24:MI'), l.action, l.from_status, l.to_status,"
    " l.rule_code, CASE WHEN l.form = 1 THEN l.note ELSE n.note END,"
    " u.display_name,"
    " (l.form = 1 AND l.note_erased_at IS NOT NULL)"
    "  OR (l.note_mac IS NOT NULL AND n.note IS NULL)"
    " FROM moderation_log l LEFT JOIN users u ON u.id = l.moderator_id"
    " LEFT JOIN moderation_notes n ON n.log_id = l.id"
    " WHERE l.contribution_id = $1::bigint ORDER BY l.id";

const char sql_decide[] =
    "SELECT moderation_decide($1::bigint, $2::bigint, $3, $4, $5,"
    " $6::integer, $7, $8, $9, $10)";

const char sql_notifications[] =
    "WITH seen AS (UPDATE notifications SET read_at = now()"
    "  WHERE user_id = $1::bigint AND read_at IS NULL)"
    " SELECT n.contribution_id, coalesce(c.title, left(c.body, 120)),"
    " n.decision, n.rule, r.title, n.note, fr_date(n.created_at),"
    " n.read_at IS NULL"
    " FROM notifications n JOIN contributions c ON c.id = n.contribution_id"
    " LEFT JOIN charter_rules r ON r.code = n.rule"
    " WHERE n.user_id = $1::bigint ORDER BY n.created_at DESC, n.id DESC"
    " LIMIT 200";

/*
 * Human decisions, and the wait of those that took an item off the queue.
 * The transparency figures start from them (a few thousand rows), never
 * from every contribution.
 */
#define DECISIONS \
    "(SELECT l.contribution_id, l.to_status, l.rule_code," \
    "  extract(epoch FROM l.at - l.queued_at) AS wait" \
    "  FROM moderation_log l WHERE l.moderator_id IS NOT NULL" \
    "  AND l.contribution_id IS NOT NULL" \
    "  AND l.action IN ('publish', 'hide', 'reject', 'restore'))"

const char sql_transparency_themes[] =
    "SELECT t.title,"
    " count(DISTINCT d.contribution_id) FILTER (WHERE d.to_status = 'hidden'),"
    " count(DISTINCT d.contribution_id)"
    "  FILTER (WHERE d.to_status = 'rejected'),"
    " count(d.wait),"
    " fr_duration(percentile_cont(0.5) WITHIN GROUP (ORDER BY d.wait))"
    " FROM themes t JOIN consultations k ON k.id = t.consultation_id"
    " LEFT JOIN (" DECISIONS " d JOIN contributions c"
    "  ON c.id = d.contribution_id) ON c.theme_id = t.id"
    " WHERE k.is_primary GROUP BY t.id ORDER BY t.position";

const char sql_transparency_rules[] =
    "SELECT r.code, r.title,"
    " count(DISTINCT d.contribution_id) FILTER (WHERE d.to_status = 'hidden'),"
    " count(DISTINCT d.contribution_id)"
    "  FILTER (WHERE d.to_status = 'rejected')"
    " FROM charter_rules r LEFT JOIN " DECISIONS " d ON d.rule_code = r.code"
    " GROUP BY r.code ORDER BY r.position";

const char sql_transparency_total[] =
    "SELECT count(DISTINCT d.contribution_id) FILTER (WHERE d.to_status = 'hidden'),"
    " count(DISTINCT d.contribution_id)"
    "  FILTER (WHERE d.to_status = 'rejected'),"
    " count(d.wait),"
    " fr_duration(percentile_cont(0.5) WITHIN GROUP (ORDER BY d.wait))"
    " FROM " DECISIONS " d";

const char sql_consultation_modes[] =
    "SELECT id, title, moderation_mode FROM consultations"
    " ORDER BY is_primary DESC, opens_at DESC, id";

const char sql_consultation_set_mode[] =
    "SELECT consultation_set_mode($1::bigint, $2::bigint, $3, $4)";

/* The columns in the order of LOGROW_*. */
const char sql_log_rows_open[] =
    "DECLARE modlog_rows BINARY NO SCROLL CURSOR FOR"
    " SELECT l.id, l.form, l.at, l.moderator_id, l.moderator_ref,"
    " l.contribution_id, l.consultation_id, l.action, l.from_status,"
    " l.to_status, l.rule_code, l.note, l.note_mac, l.queued_at,"
    " l.prev_hash, l.hash, l.note_erased_at IS NOT NULL, n.note"
    " FROM moderation_log l LEFT JOIN moderation_notes n ON n.log_id = l.id"
    " ORDER BY l.id";

const char sql_log_rows_fetch[] =
    "FETCH 10000 FROM modlog_rows";

const char sql_log_rows_close[] =
    "CLOSE modlog_rows";

const char sql_log_heads[] =
    "SELECT id, signed_text, signature FROM moderation_log_heads"
    " ORDER BY id";

const char sql_log_head_add[] =
    "SELECT moderation_log_head_add($1::timestamptz, $2::bigint, $3::bigint,"
    " $4, $5, $6, $7)";

const char sql_log_head_latest[] =
    "SELECT signed_text, signature, fr_date(signed_at) || ' à ' ||"
    " to_char(signed_at AT TIME ZONE 'Europe/Paris', 'HH24:MI')"
    " FROM moderation_log_heads ORDER BY id DESC LIMIT 1";

const char sql_item_versions[] =
    "SELECT version, title, body, fr_date(edited_at) || ' à ' ||"
    " to_char(edited_at AT TIME ZONE 'Europe/Paris', 'HH24:MI')"
    " FROM contribution_versions WHERE contribution_id = $1::bigint"
    " ORDER BY version";
