/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Official answers of the Region to proposals. */

#ifndef AGORA_DB_ANSWERS_H
#define AGORA_DB_ANSWERS_H

#include "db.h"

/*
 * For the proposal page: $1 proposal id. Zero or one row: the answer of
 * the Region, if it gave one.
 */
#define ANSWER_COLS(C)							\
	C(OA_STATUS,		"status",		TEXT)	/* vocab_answer */\
	C(OA_LABEL,		"label",		TEXT)	/* French */\
	C(OA_BODY_HTML,	"body_html",		TEXT)	/* cmark */\
	C(OA_DATE,		"date",			TEXT)	/* French, last version */\
	C(OA_OFFICIAL,		"official",		TEXT)	/* display name */
DB_COLUMNS(ANSWER_COLS, OA__MAX);
extern const struct db_stmt	sql_answer_for_proposal;

/*
 * $1 proposal id. Zero or one row (published proposals only): the
 * proposal and the answer so far, for the answer form.
 */
#define ANSWER_PROPOSAL_COLS(C)						\
	C(AP_TITLE,		"title",		TEXT)		\
	C(AP_BODY_HTML,		"body_html",		TEXT)	/* cmark */\
	C(AP_THEME,		"theme",		TEXT)	/* slug */\
	C(AP_THEME_TITLE,	"theme_title",		TEXT)		\
	C(AP_STATUS,		"status",		TEXT)	/* or NULL */\
	C(AP_BODY,		"body",			TEXT)	/* Markdown; NULL */\
	C(AP_DATE,		"date",			TEXT)	/* French; NULL */\
	C(AP_ARCHIVED,		"archived",		BOOL)	/* not answered */
DB_COLUMNS(ANSWER_PROPOSAL_COLS, AP__MAX);
extern const struct db_stmt	sql_answer_proposal;

/*
 * $1 proposal id, $2 status, $3 body (Markdown), $4 body_html, $5 official
 * user id, $6 base URL, $7 and $8 the e-mail's subject and body
 * (app/core/mail_texts.def: MT_ANSWER; {title}, {status}, {answer} and
 * {link} filled by mail_fill()), $9 the body as plain text (for {answer}).
 * Creates or replaces the answer. The first answer, or a correction that
 * changes the status, queues one 'answer' e-mail in outbox for the
 * proposal's author and each voter (with an address) whose e-mail mode
 * for answers is immediate (notify_mode); a correction that
 * keeps the status queues none. One row: answers written (0 when the
 * proposal is not a published proposal of a consultation that is not
 * archived), e-mails queued.
 */
#define ANSWER_SAVE_COLS(C)						\
	C(AS_WRITTEN,		"written",		INT)		\
	C(AS_MAILS,		"mails",		INT)
DB_COLUMNS(ANSWER_SAVE_COLS, AS__MAX);
extern const struct db_stmt	sql_answer_save;

/*
 * The preview: $1 proposal id, $2 the status chosen. One row: whether an
 * answer exists already, and how many e-mails publishing would queue
 * (sql_answer_save's rule).
 */
#define ANSWER_PREVIEW_COLS(C)						\
	C(AV_CORRECTION,	"correction",		BOOL)		\
	C(AV_MAILS,		"mails",		INT)
DB_COLUMNS(ANSWER_PREVIEW_COLS, AV__MAX);
extern const struct db_stmt	sql_answer_preview;

#endif
