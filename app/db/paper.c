/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "paper.h"

DB_STMT(sql_paper_sheets_issue, 2, PAPER_ISSUE_COLS,
    "SELECT code FROM paper_sheets_issue($1::text, $2::text[]) AS code");

DB_STMT(sql_paper_enter, 12, AS_NEW_COLS,
    "SELECT code, new_id FROM paper_enter($1::bigint, $2::bigint,"
    " $3::text, $4::text, $5::text, $6::text, $7::text, $8::text,"
    " $9::text, $10::text, $11::date, $12::integer)");

DB_STMT(sql_paper_last, 2, PAPER_LAST_COLS,
    "SELECT c.sheet_code, c.epn_id, t.slug AS theme,"
    " to_char(c.collected_on, 'YYYY-MM-DD') AS collected_on,"
    " c.status = 'pending' AS pending"
    " FROM contributions c JOIN themes t ON t.id = c.theme_id"
    " WHERE c.sheet_code = $2::text AND c.assisted_by = $1::bigint");

DB_STMT(sql_paper_sheets_purge, 0, AS_COUNT_COLS,
    "SELECT paper_sheets_purge() AS n");
