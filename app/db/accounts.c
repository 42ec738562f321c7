/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "accounts.h"

const char sql_territories[] =
    "SELECT code, name FROM territories ORDER BY position";

const char sql_rate_wait[] =
    "SELECT greatest(rate_wait($1, $2, $3::int, $4::int),"
    " rate_wait($5, $6, $7::int, $8::int))";

const char sql_rate_hit[] =
    "SELECT rate_hit($1, $2), rate_hit($3, $4)";

const char sql_email_taken[] =
    "SELECT 1 FROM users WHERE email_canonical(email) = email_canonical($1)"
    " AND email IS NOT NULL";

const char sql_email_taken_other[] =
    "SELECT 1 FROM users WHERE email_canonical(email) = email_canonical($1)"
    " AND email IS NOT NULL AND id <> $2::bigint";

const char sql_signup[] =
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
    " SELECT id FROM u";

const char sql_signin_lookup[] =
    "SELECT id, coalesce(password_hash, ''), verified_at IS NOT NULL"
    " FROM users"
    " WHERE lower(email) = lower($1) AND deleted_at IS NULL";

const char sql_session_create[] =
    "WITH e AS ("
    " UPDATE sessions SET ended_at = now()"
    " WHERE token_hash = $3 AND ended_at IS NULL"
    "), l AS ("
    " UPDATE users SET last_signin_at = now(), inactivity_warned_at = NULL"
    " WHERE id = $1::bigint"
    ")"
    " INSERT INTO sessions (user_id, token_hash) VALUES ($1::bigint, $2)"
    " RETURNING id";

const char sql_password_rehash[] =
    "UPDATE users SET password_hash = $2"
    " WHERE id = $1::bigint AND password_hash = $3";

const char sql_session_end[] =
    "UPDATE sessions SET ended_at = now()"
    " WHERE token_hash = $1 AND ended_at IS NULL";

const char sql_session_end_all[] =
    "UPDATE sessions SET ended_at = now()"
    " WHERE user_id = $1::bigint AND ended_at IS NULL";

const char sql_link_use[] =
    "SELECT status, user_id, email FROM account_link_use($1)";

const char sql_reset_request[] =
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
    " SELECT (SELECT count(*) FROM m), (SELECT count(*) FROM h)";

const char sql_reset_lookup[] =
    "SELECT CASE WHEN t.used_at IS NOT NULL THEN 'used'"
    "  WHEN t.expires_at <= now() THEN 'expired' ELSE 'ok' END,"
    " u.id, u.display_name, u.email"
    " FROM account_tokens t JOIN users u ON u.id = t.user_id"
    " WHERE t.token_hash = $1 AND t.kind = 'reset'"
    "  AND u.deleted_at IS NULL";

const char sql_reset_apply[] =
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
    " SELECT id, (SELECT count(*) FROM k) FROM u";

const char sql_user_credentials[] =
    "SELECT coalesce(password_hash, ''), email, display_name FROM users"
    " WHERE id = $1::bigint AND deleted_at IS NULL";

const char sql_password_change[] =
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
    " SELECT count(*) FROM s";

const char sql_email_change[] =
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
    ")"
    " SELECT id FROM t";

const char sql_mail_claim[] =
    "UPDATE outbox SET next_attempt_at = now() +"
    " make_interval(secs => $2::int)"
    " WHERE id IN ("
    "  SELECT id FROM outbox"
    "  WHERE sent_at IS NULL AND next_attempt_at <= now()"
    "  ORDER BY next_attempt_at, id LIMIT $1::int"
    "  FOR UPDATE SKIP LOCKED)"
    " RETURNING id, recipient, subject, body,"
    "  extract(epoch FROM created_at)::bigint";

const char sql_mail_sent[] =
    "UPDATE outbox SET sent_at = now(), attempts = attempts + 1,"
    " last_error = NULL,"
    " body = regexp_replace(body, 'jeton=[A-Za-z0-9_-]+', 'jeton=(retiré)',"
    "  'g')"
    " WHERE id = $1::bigint"
    " RETURNING id";

const char sql_mail_erased_list[] =
    "SELECT outbox_id FROM outbox_erased ORDER BY outbox_id LIMIT $1::int";

const char sql_mail_erased_done[] =
    "DELETE FROM outbox_erased WHERE outbox_id = ANY($1::bigint[])";

const char sql_mail_failed[] =
    "UPDATE outbox SET attempts = attempts + 1, last_error = $2,"
    " next_attempt_at = now() + least(interval '1 minute' *"
    "  power(2, least(attempts, 12)), interval '6 hours')"
    " WHERE id = $1::bigint";

const char sql_verify_resend[] =
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
    " SELECT id FROM u";
