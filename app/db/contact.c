/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "contact.h"

DB_STMT(sql_contact_send, 9, CONTACT_SEND_COLS,
    "SELECT contact_send($1::bigint, $2::text, $3::text, $4::text, $5::text,"
    " $6::text, $7::text, $8::text, $9::text) AS id");

DB_STMT(sql_contact_list, 2, CONTACT_LIST_COLS,
    "SELECT m.id, fr_date_time(m.created_at) AS date, m.subject, m.body,"
    " coalesce(m.link, '') AS link,"
    " coalesce(u.display_name, '') AS sender,"
    " coalesce(u.email, m.reply_email, '') AS reply,"
    " count(*) OVER () AS total"
    " FROM moderation_messages m LEFT JOIN users u ON u.id = m.sender_id"
    " ORDER BY m.created_at DESC, m.id DESC LIMIT $1::int OFFSET $2::int");

DB_STMT(sql_contact_purge, 1, CONTACT_PURGE_COLS,
    "SELECT contact_purge($1::int) AS n");
