/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "franceconnect.h"

DB_STMT_NOROWS(sql_fc_request_new, 5,
    "INSERT INTO oidc_requests (state, nonce, verifier, link_user,"
    " expires_at) VALUES ($1, $2, $3, $4::bigint,"
    " now() + make_interval(mins => $5::int))");

DB_STMT(sql_fc_request_take, 1, FC_REQUEST_COLS,
    "DELETE FROM oidc_requests WHERE state = $1"
    " RETURNING nonce, verifier, coalesce(link_user, 0) AS link_user,"
    " expires_at > now() AS live");

DB_STMT(sql_fc_link_find, 2, FC_ACCOUNT_COLS,
    "SELECT u.id FROM oidc_links l JOIN users u ON u.id = l.user_id"
    " WHERE l.issuer = $1 AND l.subject = $2 AND u.deleted_at IS NULL");

DB_STMT(sql_fc_link, 5, FC_CODE_COLS,
    "SELECT oidc_link($1::bigint, $2::text, $3::text, $4::text, $5::text)"
    " AS code");

DB_STMT_NOROWS(sql_fc_signup_new, 6,
    "INSERT INTO oidc_signups (token_hash, issuer, subject, identity_hash,"
    " acr, expires_at) VALUES ($1, $2, $3, $4, $5,"
    " now() + make_interval(mins => $6::int))");

DB_STMT(sql_fc_signup_live, 1, FC_ACCOUNT_COLS,
    "SELECT 1::bigint AS id FROM oidc_signups WHERE token_hash = $1"
    " AND expires_at > now()");

DB_STMT(sql_fc_signup, 3, FC_ACCOUNT_COLS,
    "SELECT oidc_signup($1::text, $2::text, $3::text) AS id");

DB_STMT_NOROWS(sql_fc_unlink, 1,
    "DELETE FROM oidc_links WHERE user_id = $1::bigint");

DB_STMT(sql_fc_status, 1, FC_STATUS_COLS,
    "SELECT l.acr, fr_date(l.linked_at) AS date,"
    " u.password_hash IS NOT NULL AS has_password"
    " FROM oidc_links l JOIN users u ON u.id = l.user_id"
    " WHERE l.user_id = $1::bigint");

DB_STMT(sql_fc_account_delete, 1, FC_DELETE_COLS,
    "SELECT oidc_account_delete($1::bigint) AS status");

DB_STMT(sql_fc_consultation_vote, 4, FC_VOTE_SET_COLS,
    "SELECT consultation_set_vote_fc($1::bigint, $2::bigint, $3::text,"
    " $4::text) AS result");

DB_STMT(sql_fc_purge, 0, FC_COUNT_COLS, "SELECT oidc_purge() AS n");

/*
 * From the small side: the persons accounts are bound to (few, kept after
 * unlinking) or linked to, and those persons' votes (primary key prefix)
 * on the theme.
 */
DB_STMT(sql_fc_report_verified, 1, FC_COUNT_COLS,
    "SELECT count(DISTINCT a.user_id) AS n FROM assisted_voters a"
    " JOIN votes v ON v.user_id = a.user_id"
    " JOIN contributions p ON p.id = v.contribution_id"
    " WHERE p.theme_id = $1::bigint AND (a.user_id IN"
    "  (SELECT person_id FROM account_persons) OR a.identity_hash IN"
    "  (SELECT identity_hash FROM oidc_links))");
