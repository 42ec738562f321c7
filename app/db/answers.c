/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "answers.h"

DB_STMT(sql_answer_for_proposal, 1, ANSWER_COLS,
    "SELECT a.status, official_answer_label(a.status) AS label, a.body_html,"
    " fr_date(a.updated_at) AS date, u.display_name AS official"
    " FROM official_answers a JOIN users u ON u.id = a.official_id"
    " WHERE a.contribution_id = $1::bigint");

DB_STMT(sql_answer_proposal, 1, ANSWER_PROPOSAL_COLS,
    "SELECT c.title, c.body_html, t.slug AS theme, t.title AS theme_title,"
    " a.status, a.body, fr_date(a.updated_at) AS date,"
    " consultation_archived(k) AS archived"
    " FROM contributions c JOIN themes t ON t.id = c.theme_id"
    " JOIN consultations k ON k.id = c.consultation_id"
    " LEFT JOIN official_answers a ON a.contribution_id = c.id"
    " WHERE c.id = $1::bigint AND c.kind = 'proposal'"
    " AND c.status = 'published'");

/*
 * Who is told of an answer, and when (the rule the form states): the
 * first answer tells the proposal's author and its voters; a correction
 * that keeps the status tells nobody (a typo fixed must not send dozens of
 * e-mails again); a correction that changes the status tells them again.
 * Only people whose e-mail mode for answers is immediate are mailed at
 * once (notify_mode: a digest or no mail is what the others chose,
 * functions/notifications.sql). The snapshot of a WITH sees the answer as
 * it was before the upsert.
 */
#define ANSWER_MAIL_DUE							\
    " NOT EXISTS (SELECT 1 FROM official_answers x"			\
    "  WHERE x.contribution_id = $1::bigint AND x.status = $2::text)"
#define ANSWER_RECIPIENTS						\
    " SELECT u.id, u.email FROM users u"				\
    "  WHERE u.email IS NOT NULL AND u.deleted_at IS NULL AND"		\
    "  notify_mode(u.id, 'answer') = 'immediate' AND"			\
    "  (u.id = (SELECT author_id FROM p) OR u.id IN (SELECT v.user_id"	\
    "   FROM votes v WHERE v.contribution_id = $1::bigint))"

DB_STMT(sql_answer_save, 9, ANSWER_SAVE_COLS,
    "WITH p AS (SELECT c.id, c.author_id, c.title FROM contributions c"
    "  JOIN consultations k ON k.id = c.consultation_id"
    "  WHERE c.id = $1::bigint AND c.kind = 'proposal'"
    "  AND c.status = 'published' AND NOT consultation_archived(k)),"
    " a AS (INSERT INTO official_answers (contribution_id, status, body,"
    "   body_html, official_id)"
    "  SELECT id, $2, $3, $4, $5::bigint FROM p"
    "  ON CONFLICT (contribution_id) DO UPDATE SET status = EXCLUDED.status,"
    "   body = EXCLUDED.body, body_html = EXCLUDED.body_html,"
    "   official_id = EXCLUDED.official_id, updated_at = now()"
    "  RETURNING contribution_id),"
    " r AS (" ANSWER_RECIPIENTS " AND" ANSWER_MAIL_DUE "),"
    " o AS (INSERT INTO outbox (user_id, recipient, subject, body, kind)"
    "  SELECT r.id, r.email,"
    "   mail_fill($7::text, ARRAY['title'], ARRAY[p.title]),"
    "   mail_fill($8::text, ARRAY['title', 'status', 'answer', 'link'],"
    "   ARRAY[p.title, official_answer_label($2), $9::text,"
    "   $6 || '/propositions/' || p.id]),"
    "   'answer' FROM r, p, a RETURNING 1)"
    " SELECT (SELECT count(*) FROM a) AS written,"
    " (SELECT count(*) FROM o) AS mails");

DB_STMT(sql_answer_preview, 2, ANSWER_PREVIEW_COLS,
    "WITH p AS (SELECT c.author_id FROM contributions c"
    "  WHERE c.id = $1::bigint)"
    " SELECT EXISTS (SELECT 1 FROM official_answers x"
    "  WHERE x.contribution_id = $1::bigint) AS correction,"
    " CASE WHEN" ANSWER_MAIL_DUE " THEN"
    "  (SELECT count(*) FROM (" ANSWER_RECIPIENTS ") r) ELSE 0 END AS mails");
