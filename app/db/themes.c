/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "themes.h"

/*
 * The figures come from the report rollups (migrations 0070, 0090, 0191),
 * never from counting every contribution at each request; they count the
 * public contributions, the rows of the open-data files.
 */
DB_STMT(sql_home_consultation, 0, HOME_CONSULTATION_COLS,
    "SELECT c.id, c.title, c.summary, c.body, fr_date(c.opens_at) AS opens,"
    " fr_date(c.closes_at - interval '1 second') AS closes,"
    " consultation_phase(c) AS phase,"
    " coalesce((SELECT r.contributors FROM report_consultations r"
    "   WHERE r.consultation_id = c.id), 0) AS contributors,"
    " coalesce((SELECT sum(r.n) FROM report_counts r"
    "   JOIN themes t ON t.id = r.theme_id"
    "   WHERE t.consultation_id = c.id AND r.is_public),"
    "  0)::bigint AS contributions"
    " FROM consultations c WHERE c.is_primary");

DB_STMT(sql_home_themes, 1, HOME_THEME_COLS,
    "SELECT t.slug, t.title, t.summary,"
    " coalesce(sum(r.n) FILTER (WHERE r.kind = 'proposal'), 0)::bigint"
    " AS proposals,"
    " coalesce(sum(r.n) FILTER (WHERE r.kind <> 'proposal'), 0)::bigint"
    " AS replies"
    " FROM themes t LEFT JOIN report_counts r"
    "  ON r.theme_id = t.id AND r.is_public"
    " WHERE t.consultation_id = $1::bigint"
    " GROUP BY t.id ORDER BY t.position");
