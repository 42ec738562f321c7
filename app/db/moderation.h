/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Moderation: charter rules, flags, the queue, decisions, the log. */

#ifndef AGORA_DB_MODERATION_H
#define AGORA_DB_MODERATION_H

/* No parameters. The charter rules in order: code, title, summary. */
extern const char	sql_charter_rules[];

/*
 * $1 contribution id, $2 user id. Zero or one row: id, kind, title (or
 * NULL), body (Markdown), status, theme title, created (French date),
 * author display name (or NULL), author id (or NULL), already flagged by
 * $2 ('t'/'f'), under review ('t'/'f'), id of its proposal (itself for a
 * proposal).
 */
extern const char	sql_flag_target[];
/*
 * $1 contribution, $2 user, $3 rule code, $4 note, $5 threshold,
 * $6 threshold action ('review' or 'hide'). One row: 'ok', 'queued',
 * 'duplicate' or 'not_found' (flag_contribution()).
 */
extern const char	sql_flag_insert[];

/*
 * $1 theme slug or '', $2 reason ('attente', 'signalement', 'doublon') or
 * '', $3 status or '', $4 offset, $5 limit. The queue, oldest first: id,
 * kind, title or excerpt, status, theme title, queued (French date and
 * time), reason code, open flags, total rows (same in every row).
 */
extern const char	sql_queue[];
/* $1 consultation (primary). Themes for the filter: slug, title. */
extern const char	sql_queue_themes[];

/*
 * $1 contribution id. Zero or one row: id, kind, title, body (Markdown),
 * status, decision_version, under_review ('t'/'f'), queue_reason, theme
 * title, created (French date), author display name, author id,
 * moderation_rule, moderation_note, flag_count, id of its proposal.
 */
extern const char	sql_item[];
/*
 * $1 contribution id. When it is held as a probable duplicate, the
 * author's other texts that resemble it (at most 5): id, title or excerpt,
 * status, similarity in percent.
 */
extern const char	sql_item_similar[];
/* $1 contribution id. Its flags: rule code, rule title, note, date. */
extern const char	sql_item_flags[];
/*
 * $1 contribution id. One row: the author's earlier decisions on other
 * contributions: published, hidden, rejected (counts).
 */
extern const char	sql_item_history[];
/*
 * $1 contribution id. The log rows of this contribution, in order: date,
 * action, from, to, rule code, note (NULL when none or erased), moderator
 * display name (or NULL), 't' when its note was erased.
 */
enum {
	ITEMLOG_WHEN, ITEMLOG_ACTION, ITEMLOG_FROM, ITEMLOG_TO, ITEMLOG_RULE,
	ITEMLOG_NOTE, ITEMLOG_MODERATOR, ITEMLOG_ERASED, ITEMLOG__MAX
};
extern const char	sql_item_log[];
/*
 * $1 contribution, $2 moderator, $3 moderator's pseudonym
 * (modlog_pseudonym()), $4 action, $5 expected status, $6 expected
 * version, $7 rule (or NULL), $8 note (or NULL), $9 the note's commitment
 * (modlog_note_mac(), NULL without a note), $10 base URL. One row: 'ok',
 * 'not_found', 'conflict', 'own', 'rule_required', 'invalid'.
 */
extern const char	sql_decide[];

/*
 * $1 user id. The user's notifications, newest first (and marks them
 * read): contribution id, title or excerpt, decision, rule code, rule
 * title, note, date, unread ('t'/'f').
 */
extern const char	sql_notifications[];

/*
 * No parameters. Per theme, in order: title, contributions hidden,
 * rejected, decisions after a wait, median wait (French text or NULL).
 */
extern const char	sql_transparency_themes[];
/* No parameters. Per rule: code, title, hidden, rejected. */
extern const char	sql_transparency_rules[];
/* No parameters. One row: hidden, rejected, decisions, median wait. */
extern const char	sql_transparency_total[];

/* No parameters. Consultations: id, title, moderation_mode. */
extern const char	sql_consultation_modes[];
/*
 * $1 consultation, $2 admin, $3 the admin's pseudonym, $4 mode. One row:
 * 'ok', 'unchanged', 'not_found' (consultation_set_mode()).
 */
extern const char	sql_consultation_set_mode[];

/*
 * The log as agora verify-log, sign-log and the open-data file read it:
 * raw columns, never a function of the database. Inside a transaction,
 * sql_log_rows_open declares a binary cursor (app/db/modlog_read.c decodes
 * its rows) and each sql_log_rows_fetch reads the next batch: every row in
 * id order, the LOGROW_* columns.
 */
enum {
	LOGROW_ID, LOGROW_FORM, LOGROW_AT, LOGROW_MODERATOR,
	LOGROW_MODERATOR_REF, LOGROW_CONTRIBUTION, LOGROW_CONSULTATION,
	LOGROW_ACTION, LOGROW_FROM, LOGROW_TO, LOGROW_RULE, LOGROW_NOTE,
	LOGROW_NOTE_MAC, LOGROW_QUEUED, LOGROW_PREV, LOGROW_HASH,
	LOGROW_ERASED, LOGROW_KEPT_NOTE,
	LOGROW__MAX
};
extern const char	sql_log_rows_open[];
extern const char	sql_log_rows_fetch[];
extern const char	sql_log_rows_close[];

/* No parameters. The stored signed heads, oldest first: HEADROW_*. */
enum { HEADROW_ID, HEADROW_TEXT, HEADROW_SIGNATURE, HEADROW__MAX };
extern const char	sql_log_heads[];
/*
 * $1 signed at (ISO), $2 rows, $3 last id, $4 last hash, $5 key
 * fingerprint, $6 signed text, $7 signature (moderation_log_head_add()).
 * One row: the new head's id.
 */
enum { HEADADD_ID, HEADADD__MAX };
extern const char	sql_log_head_add[];
/*
 * No parameters. Zero or one row, the latest signed head: LATEST_*
 * (signed text, signature, when in French: "29 novembre 2026 à 10 h 00").
 */
enum { LATEST_TEXT, LATEST_SIGNATURE, LATEST_WHEN, LATEST__MAX };
extern const char	sql_log_head_latest[];

/*
 * $1 contribution id. The texts it had before each edit, oldest first:
 * version, title (NULL for arguments and comments), body (Markdown), when
 * it was replaced (French).
 */
extern const char	sql_item_versions[];

#endif
