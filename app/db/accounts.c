/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "accounts.h"

DB_STMT(sql_territories, 0, TERRITORY_COLS,
    "SELECT code, name FROM territories ORDER BY position");

DB_STMT(sql_rate_wait, 8, RATE_WAIT_COLS,
    "SELECT greatest(rate_wait($1::text, $2::text, $3::int, $4::int),"
    " rate_wait($5::text, $6::text, $7::int, $8::int)) AS seconds");

DB_STMT_NOROWS(sql_rate_hit, 4,
    "SELECT rate_hit($1::text, $2::text), rate_hit($3::text, $4::text)");

DB_STMT_NOROWS(sql_rate_hit_one, 2, "SELECT rate_hit($1::text, $2::text)");

DB_STMT(sql_rate_take, 8, RATE_TAKE_COLS,
    "SELECT seconds, taken_at::text AS taken_at FROM rate_take($1::text,"
    " $2::text, $3::int, $4::int, $5::text, $6::text, $7::int, $8::int)");

DB_STMT_NOROWS(sql_rate_give, 5,
    "SELECT rate_give($1::text, $2::text, $3::text, $4::text,"
    " $5::timestamptz)");

DB_STMT(sql_email_taken, 1, EMAIL_TAKEN_COLS,
    "SELECT 1 AS taken FROM users"
    " WHERE email_canonical(email) = email_canonical($1::text)"
    " AND email IS NOT NULL");

DB_STMT(sql_email_taken_other, 2, EMAIL_TAKEN_COLS,
    "SELECT 1 AS taken FROM users"
    " WHERE email_canonical(email) = email_canonical($1::text)"
    " AND email IS NOT NULL AND id <> $2::bigint");

DB_STMT(sql_signup, 10, SIGNUP_COLS,
    "WITH u AS ("
    " INSERT INTO users (email, display_name, password_hash,"
    "  territory_code, privacy_accepted_at)"
    " VALUES ($1, $2, $3, $4, now())"
    " ON CONFLICT ((email_canonical(email))) WHERE email IS NOT NULL"
    " DO NOTHING"
    " RETURNING id"
    "), r AS ("
    " INSERT INTO user_roles (user_id, role) SELECT id, 'citizen' FROM u"
    "), t AS ("
    " INSERT INTO account_tokens (kind, user_id, token_hash, expires_at,"
    "  email_key)"
    " SELECT 'verify', id, $5, now() + make_interval(hours => $6::int), $10"
    " FROM u"
    "), m AS ("
    " INSERT INTO outbox (user_id, recipient, subject, body, kind)"
    " SELECT id, $1, $7, $8, 'verify' FROM u"
    "), h AS ("
    " INSERT INTO rate_events (bucket, key) SELECT 'signup_ip', $9 FROM u"
    ")"
    " SELECT id FROM u");

DB_STMT(sql_signin_lookup, 1, SIGNIN_COLS,
    "SELECT id, coalesce(password_hash, '') AS password_hash,"
    " verified_at IS NOT NULL AS verified"
    " FROM users"
    " WHERE lower(email) = lower($1::text) AND deleted_at IS NULL");

DB_STMT_NOROWS(sql_session_create, 3,
    "WITH e AS ("
    " UPDATE sessions SET ended_at = now()"
    " WHERE token_hash = $3 AND ended_at IS NULL"
    "), l AS ("
    " UPDATE users SET last_signin_at = now(), inactivity_warned_at = NULL"
    " WHERE id = $1::bigint"
    ")"
    " INSERT INTO sessions (user_id, token_hash) VALUES ($1::bigint, $2)"
    " RETURNING id");

DB_STMT_NOROWS(sql_password_rehash, 3,
    "UPDATE users SET password_hash = $2"
    " WHERE id = $1::bigint AND password_hash = $3");

DB_STMT_NOROWS(sql_session_end, 1,
    "UPDATE sessions SET ended_at = now()"
    " WHERE token_hash = $1 AND ended_at IS NULL");

DB_STMT_NOROWS(sql_session_end_all, 1,
    "UPDATE sessions SET ended_at = now()"
    " WHERE user_id = $1::bigint AND ended_at IS NULL");

DB_STMT(sql_link_use, 1, LINK_USE_COLS,
    "SELECT status, user_id, email FROM account_link_use($1::text)");

DB_STMT_NOROWS(sql_reset_request, 8,
    "WITH u AS ("
    " SELECT id, email FROM users"
    " WHERE lower(email) = lower($1) AND deleted_at IS NULL"
    "), t AS ("
    " INSERT INTO account_tokens (kind, user_id, token_hash, expires_at,"
    "  email_key)"
    " SELECT 'reset', id, $2, now() + make_interval(mins => $3::int), $8"
    " FROM u"
    "), m AS ("
    " INSERT INTO outbox (user_id, recipient, subject, body, kind)"
    " SELECT id, email, $4, $5, 'reset' FROM u RETURNING 1"
    "), h AS ("
    " SELECT rate_hit('reset_ip', $6), rate_hit('reset_email', $7)"
    ")"
    " SELECT (SELECT count(*) FROM m), (SELECT count(*) FROM h)");

DB_STMT(sql_reset_lookup, 1, RESET_LOOKUP_COLS,
    "SELECT CASE WHEN t.used_at IS NOT NULL THEN 'used'"
    "  WHEN t.expires_at <= now() THEN 'expired' ELSE 'ok' END AS status,"
    " u.id AS user_id, u.display_name, u.email"
    " FROM account_tokens t JOIN users u ON u.id = t.user_id"
    " WHERE t.token_hash = $1 AND t.kind = 'reset'"
    "  AND u.deleted_at IS NULL");

DB_STMT(sql_reset_apply, 2, RESET_APPLY_COLS,
    "WITH t AS ("
    " UPDATE account_tokens SET used_at = now()"
    " WHERE token_hash = $1 AND kind = 'reset' AND used_at IS NULL"
    "  AND expires_at > now()"
    " RETURNING user_id, email_key"
    "), u AS ("
    " UPDATE users SET password_hash = $2,"
    "  verified_at = coalesce(verified_at, now())"
    " WHERE id IN (SELECT user_id FROM t) AND deleted_at IS NULL"
    " RETURNING id"
    "), s AS ("
    " UPDATE sessions SET ended_at = now()"
    " WHERE user_id IN (SELECT id FROM u) AND ended_at IS NULL"
    "), o AS ("
    " UPDATE account_tokens SET used_at = now()"
    " WHERE user_id IN (SELECT id FROM u) AND kind = 'reset'"
    "  AND used_at IS NULL AND token_hash <> $1"
    "), k AS ("
    /* The link proved the address: the departed account is this one. */
    " SELECT account_takeover(u.id, t.email_key) AS n"
    " FROM u JOIN t ON t.user_id = u.id"
    ")"
    " SELECT id, (SELECT count(*) FROM k) AS takeovers FROM u");

DB_STMT(sql_user_credentials, 1, CREDENTIALS_COLS,
    "SELECT coalesce(password_hash, '') AS password_hash, email,"
    " display_name FROM users"
    " WHERE id = $1::bigint AND deleted_at IS NULL");

DB_STMT_NOROWS(sql_password_change, 3,
    "WITH u AS ("
    " UPDATE users SET password_hash = $2 WHERE id = $1::bigint"
    " RETURNING id"
    "), s AS ("
    " UPDATE sessions SET ended_at = now()"
    " WHERE user_id IN (SELECT id FROM u) AND token_hash <> $3"
    "  AND ended_at IS NULL RETURNING 1"
    "), r AS ("
    " UPDATE account_tokens SET used_at = now()"
    " WHERE user_id IN (SELECT id FROM u) AND kind = 'reset'"
    "  AND used_at IS NULL"
    ")"
    " SELECT count(*) FROM s");

DB_STMT_NOROWS(sql_email_change, 10,
    "WITH u AS ("
    " SELECT id, email FROM users WHERE id = $1::bigint"
    "  AND deleted_at IS NULL"
    "), t AS ("
    " INSERT INTO account_tokens (kind, user_id, token_hash, new_email,"
    "  expires_at, email_key)"
    " SELECT 'email_change', id, $3, $2,"
    "  now() + make_interval(hours => $4::int), $9 FROM u RETURNING id"
    "), m AS ("
    " INSERT INTO outbox (user_id, recipient, subject, body, kind)"
    " SELECT id, $2, $5, $6, 'email_change' FROM u"
    "), n AS ("
    " INSERT INTO outbox (user_id, recipient, subject, body, kind)"
    " SELECT id, email, $7, $8, 'email_change_notice' FROM u"
    "), r AS ("
    /* A reset link mailed to the address being replaced ends here. */
    " UPDATE account_tokens SET used_at = now()"
    " WHERE user_id IN (SELECT id FROM u) AND kind = 'reset'"
    "  AND used_at IS NULL"
    "), h AS ("
    " INSERT INTO rate_events (bucket, key) SELECT 'email_change', $10"
    " FROM u"
    ")"
    " SELECT id FROM t");

/*
 * The change of address towards an address another account holds: a
 * notice to that account's owner and the event counted in the same
 * bucket as a real change, so the form probes no more addresses than it
 * changes (issue 14, item 7).
 */
DB_STMT_NOROWS(sql_email_change_taken, 5,
    "WITH o AS ("
    " SELECT id, email FROM users"
    " WHERE email_canonical(email) = email_canonical($1::text)"
    "  AND email IS NOT NULL AND id <> $2::bigint LIMIT 1"
    "), m AS ("
    " INSERT INTO outbox (user_id, recipient, subject, body, kind)"
    " SELECT id, email, $3, replace($4, '{email}', email), 'email_taken'"
    " FROM o"
    "), h AS ("
    " INSERT INTO rate_events (bucket, key) VALUES ('email_change', $5)"
    ")"
    " SELECT count(*) FROM o");

DB_STMT(sql_mail_claim, 2, MAIL_CLAIM_COLS,
    "UPDATE outbox SET next_attempt_at = now() +"
    " make_interval(secs => $2::int)"
    " WHERE id IN ("
    "  SELECT id FROM outbox"
    "  WHERE sent_at IS NULL AND next_attempt_at <= now()"
    "  ORDER BY next_attempt_at, id LIMIT $1::int"
    "  FOR UPDATE SKIP LOCKED)"
    " RETURNING id, recipient, subject, body,"
    "  extract(epoch FROM created_at)::bigint AS created, user_id, kind");

DB_STMT(sql_mail_sent, 1, MAIL_SENT_COLS,
    "UPDATE outbox SET sent_at = now(), attempts = attempts + 1,"
    " last_error = NULL,"
    " body = regexp_replace(body, 'jeton=[A-Za-z0-9_-]+', 'jeton=(retiré)',"
    "  'g')"
    " WHERE id = $1::bigint"
    " RETURNING id");

DB_STMT(sql_mail_erased_list, 1, MAIL_ERASED_COLS,
    "SELECT outbox_id FROM outbox_erased ORDER BY outbox_id LIMIT $1::int");

DB_STMT_NOROWS(sql_mail_erased_done, 1,
    "DELETE FROM outbox_erased WHERE outbox_id = ANY($1::bigint[])");

DB_STMT_NOROWS(sql_mail_failed, 2,
    "UPDATE outbox SET attempts = attempts + 1, last_error = $2,"
    " next_attempt_at = now() + least(interval '1 minute' *"
    "  power(2, least(attempts, 12)), interval '6 hours')"
    " WHERE id = $1::bigint");

DB_STMT(sql_verify_resend, 7, VERIFY_RESEND_COLS,
    "WITH u AS ("
    " SELECT id, email, display_name FROM users WHERE id = $1::bigint"
    "  AND verified_at IS NULL AND deleted_at IS NULL"
    "), t AS ("
    " INSERT INTO account_tokens (kind, user_id, token_hash, expires_at,"
    "  email_key)"
    " SELECT 'verify', id, $2, now() + make_interval(hours => $3::int), $6"
    " FROM u"
    "), m AS ("
    " INSERT INTO outbox (user_id, recipient, subject, body, kind)"
    " SELECT id, email, $4, $5, 'verify' FROM u"
    "), h AS ("
    " INSERT INTO rate_events (bucket, key) SELECT 'verify_resend', $7"
    " FROM u"
    ")"
    " SELECT id FROM u");
