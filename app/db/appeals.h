/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Appeals of moderation decisions (issue 13, item 5): the author's form,
 * the queue item's appeal, the transparency counts; each statement with
 * its columns (db.h). Dates are French text.
 */

#ifndef AGORA_DB_APPEALS_H
#define AGORA_DB_APPEALS_H

#include "db.h"

/*
 * $1 contribution id, $2 the delay in days (settings appeal_days). Zero
 * or one row: the contribution, the last moderator's decision on it
 * (NULL columns when there is none: moderation_appealable()) and the
 * status of an appeal filed against that decision or decided by it.
 */
#define APPEAL_TARGET_COLS(C)						\
	C(AT_ID,		"id",			INT)		\
	C(AT_KIND,		"kind",			TEXT)		\
	C(AT_TITLE,		"title",		TEXT)	/* or NULL */ \
	C(AT_BODY,		"body",			TEXT)	/* Markdown */ \
	C(AT_STATUS,		"status",		TEXT)		\
	C(AT_UNDER_REVIEW,	"under_review",		BOOL)		\
	C(AT_THEME,		"theme",		TEXT)	/* title */ \
	C(AT_DATE,		"date",			TEXT)		\
	C(AT_AUTHOR_ID,		"author_id",		INT)	/* or NULL */ \
	C(AT_PROPOSAL,		"proposal",		INT)	/* or itself */ \
	C(AT_DECISION_STATUS,	"decision_status",	TEXT)	/* or NULL */ \
	C(AT_RULE,		"rule",			TEXT)	/* or NULL */ \
	C(AT_RULE_TITLE,	"rule_title",		TEXT)	/* or NULL */ \
	C(AT_DECIDED,		"decided",		TEXT)	/* or NULL */ \
	C(AT_DEADLINE,		"deadline",		TEXT)	/* or NULL */ \
	C(AT_IN_TIME,		"in_time",		BOOL)	/* or NULL */ \
	C(AT_APPEAL,		"appeal_status",	TEXT)	/* or NULL */
DB_COLUMNS(APPEAL_TARGET_COLS, AT__MAX);
extern const struct db_stmt	sql_appeal_target;

/*
 * $1 contribution id, $2 user id, $3 reason, $4 delay in days. One row:
 * moderation_appeal_file()'s answer (refusal_appeal, or ok).
 */
#define APPEAL_FILE_COLS(C)						\
	C(AF_RESULT,		"result",		TEXT)
DB_COLUMNS(APPEAL_FILE_COLS, AF__MAX);
extern const struct db_stmt	sql_appeal_file;

/*
 * $1 contribution id, $2 the moderator looking. Zero or one row: the
 * appeal waiting on it; own when this moderator may not decide it
 * (moderation_appeal_may_decide()).
 */
#define APPEAL_ITEM_COLS(C)						\
	C(AI_ID,		"id",			INT)		\
	C(AI_REASON,		"reason",		TEXT)	/* or NULL */ \
	C(AI_FILED,		"filed",		TEXT)		\
	C(AI_OWN,		"own",			BOOL)		\
	C(AI_DECISION,		"decision",		TEXT)	/* action */ \
	C(AI_RULE,		"rule",			TEXT)	/* or NULL */ \
	C(AI_DECIDED_BY,	"decided_by",		TEXT)	/* or NULL */
DB_COLUMNS(APPEAL_ITEM_COLS, AI__MAX);
extern const struct db_stmt	sql_item_appeal;

/* No parameters. One row: appeals filed, upheld, reversed, pending. */
#define APPEAL_COUNT_COLS(C)						\
	C(AC_FILED,		"filed",		INT)		\
	C(AC_UPHELD,		"upheld",		INT)		\
	C(AC_REVERSED,		"reversed",		INT)		\
	C(AC_PENDING,		"pending",		INT)
DB_COLUMNS(APPEAL_COUNT_COLS, AC__MAX);
extern const struct db_stmt	sql_transparency_appeals;

#endif
