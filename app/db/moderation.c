/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* SQL of moderation; parameters and columns are declared in the header. */

#include "moderation.h"

DB_STMT(sql_charter_rules, 0, MOD_RULE_COLS,
    "SELECT code, title, summary FROM charter_rules ORDER BY position");

DB_STMT(sql_flag_target, 2, MOD_FLAG_TARGET_COLS,
    "SELECT c.id, c.kind, c.title, c.body, c.status, t.title AS theme,"
    " fr_date(c.created_at) AS date, u.display_name AS author, c.author_id,"
    " EXISTS (SELECT 1 FROM flags f WHERE f.contribution_id = c.id"
    "  AND f.user_id = $2::bigint) AS flagged, c.under_review,"
    " coalesce(c.proposal_id, c.id) AS proposal"
    " FROM contributions c JOIN themes t ON t.id = c.theme_id"
    " LEFT JOIN users u ON u.id = c.author_id"
    " WHERE c.id = $1::bigint");

DB_STMT(sql_flag_insert, 6, MOD_FLAG_INSERT_COLS,
    "SELECT flag_contribution($1::bigint, $2::bigint, $3::text, $4::text,"
    " $5::integer, $6::text) AS result");

/* vocab_reason's code of a queued contribution c. */
#define QUEUE_REASON \
    "CASE WHEN c.queue_reason = 'réexamen' THEN 'reexamen'" \
    " WHEN c.under_review THEN 'signalement'" \
    " WHEN c.queue_reason = 'doublon probable' THEN 'doublon'" \
    " WHEN c.queue_reason = 'compte récent' THEN 'compte'" \
    " WHEN c.queue_reason = 'modifiée' THEN 'modifiee' ELSE 'attente' END"

/* What waits, filtered: $1 theme slug, $2 reason, $3 status, or NULL. */
#define QUEUE_WHERE \
    " FROM contributions c JOIN themes t ON t.id = c.theme_id" \
    " WHERE (c.status = 'pending' OR c.under_review)" \
    " AND ($1::text IS NULL OR (t.slug = $1::text AND t.consultation_id =" \
    "  (SELECT id FROM consultations WHERE is_primary)))" \
    " AND ($2::text IS NULL OR " QUEUE_REASON " = $2::text)" \
    " AND ($3::text IS NULL OR c.status = $3::text)"

DB_STMT(sql_queue, 6, MOD_QUEUE_COLS,
    "SELECT c.id, c.kind, coalesce(c.title, left(c.body, 120)) AS title,"
    " c.status, t.title AS theme,"
    " fr_date(coalesce(c.queued_at, c.created_at)) || ' à ' ||"
    " to_char(coalesce(c.queued_at, c.created_at) AT TIME ZONE"
    " 'Europe/Paris', 'HH24:MI') AS queued, " QUEUE_REASON " AS reason,"
    " c.flag_count AS flags,"
    " EXISTS (SELECT 1 FROM appeals a WHERE a.contribution_id = c.id"
    "  AND a.status = 'pending'"
    "  AND NOT moderation_appeal_may_decide(a.id, $6::bigint)) AS appeal_own"
    QUEUE_WHERE
    " ORDER BY coalesce(c.queued_at, c.created_at), c.id"
    " OFFSET $4::integer LIMIT $5::integer");

DB_STMT(sql_queue_count, 3, MOD_QUEUE_COUNT_COLS,
    "SELECT count(*) AS n" QUEUE_WHERE);

DB_STMT(sql_queue_themes, 0, MOD_QUEUE_THEME_COLS,
    "SELECT t.slug, t.title FROM themes t JOIN consultations c"
    " ON c.id = t.consultation_id WHERE c.is_primary ORDER BY t.position");

DB_STMT(sql_item, 1, MOD_ITEM_COLS,
    "SELECT c.id, c.kind, c.title, c.body, c.status, c.decision_version,"
    " c.under_review, c.queue_reason, t.title AS theme,"
    " fr_date(c.created_at) AS date, u.display_name AS author,"
    " c.author_id, c.moderation_rule,"
    " coalesce(c.proposal_id, c.id) AS proposal"
    " FROM contributions c JOIN themes t ON t.id = c.theme_id"
    " LEFT JOIN users u ON u.id = c.author_id"
    " WHERE c.id = $1::bigint");

DB_STMT(sql_item_similar, 1, MOD_SIMILAR_COLS,
    "SELECT o.id, coalesce(o.title, left(o.body, 120)) AS title, o.status,"
    " round(similarity(o.body, me.body) * 100)::integer AS similarity"
    " FROM contributions me"
    " JOIN contributions o ON o.author_id = me.author_id AND o.id <> me.id"
    " WHERE me.id = $1::bigint AND me.queue_reason IS NOT NULL"
    " AND o.created_at > me.created_at - interval '7 days'"
    " AND o.created_at <= me.created_at"
    " AND similarity(o.body, me.body) >= 0.5"
    " ORDER BY similarity(o.body, me.body) DESC, o.id LIMIT 5");

DB_STMT(sql_item_flags, 1, MOD_ITEM_FLAG_COLS,
    "SELECT f.rule_code AS rule, r.title AS rule_title, f.note,"
    " fr_date(f.created_at) AS date"
    " FROM flags f JOIN charter_rules r ON r.code = f.rule_code"
    " WHERE f.contribution_id = $1::bigint ORDER BY f.created_at, f.id");

DB_STMT(sql_item_history, 1, MOD_HISTORY_COLS,
    "SELECT count(*) FILTER (WHERE l.to_status = 'published') AS published,"
    " count(*) FILTER (WHERE l.to_status = 'hidden') AS hidden,"
    " count(*) FILTER (WHERE l.to_status = 'rejected') AS rejected"
    " FROM contributions me"
    " JOIN contributions o ON o.author_id = me.author_id AND o.id <> me.id"
    " JOIN moderation_log l ON l.contribution_id = o.id"
    "  AND l.moderator_id IS NOT NULL"
    " WHERE me.id = $1::bigint");

DB_STMT(sql_item_log, 1, MOD_ITEM_LOG_COLS,
    "SELECT fr_date(l.at) || ' à ' || to_char(l.at AT TIME ZONE"
    " 'Europe/Paris', 'HH24:MI') AS at, l.action, l.from_status,"
    " l.to_status, l.rule_code AS rule,"
    " CASE WHEN l.form = 1 THEN l.note ELSE n.note END AS note,"
    " u.display_name AS moderator,"
    " (l.form = 1 AND l.note_erased_at IS NOT NULL)"
    "  OR (l.note_mac IS NOT NULL AND n.note IS NULL) AS note_erased"
    " FROM moderation_log l LEFT JOIN users u ON u.id = l.moderator_id"
    " LEFT JOIN moderation_notes n ON n.log_id = l.id"
    " WHERE l.contribution_id = $1::bigint ORDER BY l.id");

DB_STMT(sql_item_versions, 3, MOD_VERSION_COLS,
    "SELECT version, title, body, fr_date(edited_at) || ' à ' ||"
    " to_char(edited_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') AS replaced,"
    " count(*) OVER () AS total"
    " FROM contribution_versions WHERE contribution_id = $1::bigint"
    " ORDER BY version OFFSET $2::int LIMIT $3::int");

DB_STMT(sql_decide, 13, MOD_DECIDE_COLS,
    "SELECT moderation_decide($1::bigint, $2::bigint, $3::text, $4::text,"
    " $5::text, $6::integer, $7::text, $8::text, $9::text, $10::text,"
    " $11::text, $12::text, $13::text) AS result");

/*
 * A decision may be appealed from its notification while it is the last
 * one on the contribution, hid or refused it, is not older than the
 * delay and has no appeal yet (moderation_appeal_file() decides).
 */
#define APPEALABLE \
    " (n.kind = 'moderation' AND n.decision IN ('hide', 'reject')" \
    "  AND n.appeal_id IS NULL AND c.status IN ('hidden', 'rejected')" \
    "  AND NOT c.under_review" \
    "  AND n.created_at >= now() - make_interval(days => $2::integer)" \
    "  AND NOT EXISTS (SELECT 1 FROM notifications n2" \
    "   WHERE n2.contribution_id = n.contribution_id" \
    "   AND n2.kind = 'moderation' AND n2.id > n.id)" \
    "  AND NOT EXISTS (SELECT 1 FROM appeals a" \
    "   WHERE a.contribution_id = c.id AND a.created_at >= n.created_at))" \
    " AS appealable"

DB_STMT(sql_notifications, 2, MOD_NOTIFICATION_COLS,
    "WITH seen AS (UPDATE notifications SET read_at = now()"
    "  WHERE user_id = $1::bigint AND read_at IS NULL)"
    " SELECT n.contribution_id AS contribution,"
    " coalesce(c.title, left(c.body, 120)) AS title, n.decision, n.rule,"
    " r.title AS rule_title, n.note, fr_date(n.created_at) AS date,"
    " n.read_at IS NULL AS unread, n.kind, p.id AS proposal,"
    " p.title AS proposal_title, n.appeal_id IS NOT NULL AS on_appeal,"
    APPEALABLE ","
    " t.slug AS theme_slug, t.title AS theme_title,"
    " n.referral_id AS referral, k.question"
    " FROM notifications n LEFT JOIN contributions c"
    "  ON c.id = n.contribution_id"
    " LEFT JOIN contributions p ON p.id = coalesce(c.proposal_id, c.id)"
    " LEFT JOIN charter_rules r ON r.code = n.rule"
    " LEFT JOIN themes t ON t.id = n.theme_id"
    " LEFT JOIN council_referrals k ON k.id = n.referral_id"
    " WHERE n.user_id = $1::bigint ORDER BY n.created_at DESC, n.id DESC"
    " LIMIT 200");

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
#define DECISION_COUNTS \
    " count(DISTINCT d.contribution_id)" \
    "  FILTER (WHERE d.to_status = 'hidden') AS hidden," \
    " count(DISTINCT d.contribution_id)" \
    "  FILTER (WHERE d.to_status = 'rejected') AS rejected"
#define DECISION_WAITS \
    " count(d.wait) AS waited," \
    " fr_duration(percentile_cont(0.5) WITHIN GROUP (ORDER BY d.wait))" \
    "  AS median_wait"

DB_STMT(sql_transparency_themes, 0, MOD_TRANSPARENCY_THEME_COLS,
    "SELECT t.title," DECISION_COUNTS "," DECISION_WAITS
    " FROM themes t JOIN consultations k ON k.id = t.consultation_id"
    " LEFT JOIN (" DECISIONS " d JOIN contributions c"
    "  ON c.id = d.contribution_id) ON c.theme_id = t.id"
    " WHERE k.is_primary GROUP BY t.id ORDER BY t.position");

DB_STMT(sql_transparency_rules, 0, MOD_TRANSPARENCY_RULE_COLS,
    "SELECT r.code, r.title," DECISION_COUNTS
    " FROM charter_rules r LEFT JOIN " DECISIONS " d ON d.rule_code = r.code"
    " GROUP BY r.code ORDER BY r.position");

DB_STMT(sql_transparency_total, 0, MOD_TRANSPARENCY_TOTAL_COLS,
    "SELECT" DECISION_COUNTS "," DECISION_WAITS " FROM " DECISIONS " d");

DB_STMT(sql_consultation_modes, 0, MOD_MODE_COLS,
    "SELECT id, title, moderation_mode,"
    " coalesce(vote_requires_franceconnect::text, '') AS vote_fc"
    " FROM consultations"
    " ORDER BY is_primary DESC, opens_at DESC, id");

DB_STMT(sql_consultation_set_mode, 4, MOD_SET_MODE_COLS,
    "SELECT consultation_set_mode($1::bigint, $2::bigint, $3::text,"
    " $4::text) AS result");

/* The columns of MOD_LOG_ROW_COLS, the cursor's and --check's. */
#define LOG_ROWS \
    "SELECT l.id, l.form, l.at, l.moderator_id, l.moderator_ref," \
    " l.contribution_id, l.consultation_id, l.action, l.from_status," \
    " l.to_status, l.rule_code, l.note, l.note_mac, l.queued_at," \
    " l.prev_hash, l.hash, l.note_erased_at IS NOT NULL AS note_erased," \
    " n.note AS kept_note, l.subject, l.text_hash" \
    " FROM moderation_log l LEFT JOIN moderation_notes n ON n.log_id = l.id" \
    " ORDER BY l.id"

DB_STMT(sql_log_rows, 0, MOD_LOG_ROW_COLS, LOG_ROWS);

DB_STMT_NOROWS(sql_log_rows_open, 0,
    "DECLARE modlog_rows BINARY NO SCROLL CURSOR FOR " LOG_ROWS);

const char sql_log_rows_fetch[] =
    "FETCH 10000 FROM modlog_rows";

DB_STMT_NOROWS(sql_log_rows_close, 0,
    "CLOSE modlog_rows");

DB_STMT(sql_log_heads, 0, MOD_HEAD_COLS,
    "SELECT id, signed_text, signature FROM moderation_log_heads"
    " ORDER BY id");

DB_STMT(sql_log_head_add, 7, MOD_HEAD_ADD_COLS,
    "SELECT moderation_log_head_add($1::timestamptz, $2::bigint, $3::bigint,"
    " $4::text, $5::text, $6::text, $7::text) AS id");

DB_STMT(sql_log_head_latest, 0, MOD_HEAD_LATEST_COLS,
    "SELECT signed_text, signature, fr_date(signed_at) || ' à ' ||"
    " to_char(signed_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') AS signed"
    " FROM moderation_log_heads ORDER BY id DESC LIMIT 1");
