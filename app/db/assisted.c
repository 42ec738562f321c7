/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "assisted.h"

DB_STMT(sql_epn_mediator_set, 4, AS_STATUS_COLS,
    "SELECT epn_mediator_set($1::bigint, $2::text, $3::boolean,"
    " $4::bigint) AS status");

DB_STMT(sql_epn_mediators_of, 1, AS_MEDIATOR_COLS,
    "SELECT u.id, u.display_name, u.email FROM epn_mediators m"
    " JOIN users u ON u.id = m.user_id"
    " WHERE m.epn_id = $1::bigint AND u.deleted_at IS NULL"
    " ORDER BY lower(u.display_name), u.id");

DB_STMT(sql_mediator_epns, 1, AS_EPN_COLS,
    "SELECT e.id, e.name, e.commune FROM epn_mediators m"
    " JOIN epns e ON e.id = m.epn_id"
    " WHERE m.user_id = $1::bigint AND e.active"
    " ORDER BY lower(e.name), e.id");

DB_STMT(sql_consent_current, 0, AS_CONSENT_COLS,
    "SELECT version, wording FROM consent_wordings"
    " ORDER BY introduced_at DESC, version DESC LIMIT 1");

DB_STMT(sql_mediation_themes, 0, AS_THEME_COLS,
    "SELECT t.slug, t.title FROM themes t"
    " JOIN consultations c ON c.id = t.consultation_id"
    " WHERE c.is_primary ORDER BY t.position");

DB_STMT(sql_mediation_proposal, 1, AS_PROPOSAL_COLS,
    "SELECT p.id, p.title, t.title AS theme_title,"
    " consultation_phase(c) AS phase"
    " FROM contributions p JOIN themes t ON t.id = p.theme_id"
    " JOIN consultations c ON c.id = p.consultation_id"
    " WHERE p.id = $1::bigint AND p.kind = 'proposal'"
    " AND p.status = 'published'");

DB_STMT(sql_assisted_propose, 9, AS_NEW_COLS,
    "SELECT code, new_id FROM assisted_propose($1::bigint, $2::bigint,"
    " $3::text, $4::text, $5::text, $6::text, $7::text, $8::text,"
    " $9::text)");

DB_STMT(sql_assisted_reply, 8, AS_NEW_COLS,
    "SELECT code, new_id FROM assisted_reply($1::bigint, $2::bigint,"
    " $3::bigint, $4::text, $5::text, $6::text, $7::text, $8::text)");

DB_STMT(sql_assisted_vote, 7, AS_VOTE_COLS,
    "SELECT assisted_vote($1::bigint, $2::bigint, $3::bigint, $4::text,"
    " $5::text, $6::boolean, $7::text) AS code");

DB_STMT(sql_assisted_contacts_purge, 1, AS_COUNT_COLS,
    "SELECT assisted_contacts_purge($1::int) AS n");

DB_STMT(sql_report_channels, 1, AS_CHANNEL_COLS,
    "SELECT e.id AS epn_id, e.name, e.commune,"
    " count(*) FILTER (WHERE x.what = 'epn') AS at_epn,"
    " count(*) FILTER (WHERE x.what = 'paper') AS paper,"
    " count(*) FILTER (WHERE x.what = 'vote') AS votes"
    " FROM (SELECT c.channel AS what, c.epn_id FROM contributions c"
    "  WHERE c.theme_id = $1::int AND c.epn_id IS NOT NULL AND c.is_public"
    "  UNION ALL SELECT 'vote', v.epn_id FROM votes v"
    "  JOIN contributions p ON p.id = v.contribution_id"
    "  WHERE v.epn_id IS NOT NULL AND p.theme_id = $1::int"
    "  AND p.is_public) x"
    " JOIN epns e ON e.id = x.epn_id"
    " GROUP BY e.id ORDER BY lower(e.commune), lower(e.name), e.id");
