/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* SQL of appeals; parameters and columns are declared in the header. */

#include "appeals.h"

DB_STMT(sql_appeal_target, 2, APPEAL_TARGET_COLS,
    "SELECT c.id, c.kind, c.title, c.body, c.status, c.under_review,"
    " t.title AS theme, fr_date(c.created_at) AS date, c.author_id,"
    " coalesce(c.proposal_id, c.id) AS proposal,"
    " d.to_status AS decision_status, d.rule_code AS rule,"
    " r.title AS rule_title, fr_date(d.at) AS decided,"
    " fr_date(d.at + make_interval(days => $2::integer)) AS deadline,"
    " d.at >= now() - make_interval(days => $2::integer) AS in_time,"
    " (SELECT a.status FROM appeals a WHERE a.contribution_id = c.id"
    "  AND (a.status = 'pending' OR a.decision_log_id = d.log_id"
    "  OR a.resolved_log_id = d.log_id)"
    "  ORDER BY a.id DESC LIMIT 1) AS appeal_status"
    " FROM contributions c JOIN themes t ON t.id = c.theme_id"
    " LEFT JOIN LATERAL moderation_appealable(c.id) d ON true"
    " LEFT JOIN charter_rules r ON r.code = d.rule_code"
    " WHERE c.id = $1::bigint");

DB_STMT(sql_appeal_file, 4, APPEAL_FILE_COLS,
    "SELECT moderation_appeal_file($1::bigint, $2::bigint, $3::text,"
    " $4::integer) AS result");

DB_STMT(sql_item_appeal, 2, APPEAL_ITEM_COLS,
    "SELECT a.id, a.reason, fr_date(a.created_at) AS filed,"
    " NOT moderation_appeal_may_decide(a.id, $2::bigint) AS own,"
    " l.action AS decision, l.rule_code AS rule,"
    " u.display_name AS decided_by"
    " FROM appeals a JOIN moderation_log l ON l.id = a.decision_log_id"
    " LEFT JOIN users u ON u.id = a.decided_by"
    " WHERE a.contribution_id = $1::bigint AND a.status = 'pending'");

DB_STMT(sql_transparency_appeals, 0, APPEAL_COUNT_COLS,
    "SELECT count(*) AS filed,"
    " count(*) FILTER (WHERE status = 'upheld') AS upheld,"
    " count(*) FILTER (WHERE status = 'reversed') AS reversed,"
    " count(*) FILTER (WHERE status = 'pending') AS pending"
    " FROM appeals");
