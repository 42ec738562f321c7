/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "themes.h"

const char sql_home_consultation[] =
    "SELECT c.id, c.title, c.summary, c.body, fr_date(c.opens_at),"
    " fr_date(c.closes_at - interval '1 second'), consultation_phase(c),"
    " (SELECT count(DISTINCT author_id) FROM contributions"
    "   WHERE consultation_id = c.id AND status = 'published'),"
    " (SELECT count(*) FROM contributions"
    "   WHERE consultation_id = c.id AND status = 'published')"
    " FROM consultations c WHERE c.is_primary";

const char sql_home_themes[] =
    "SELECT t.slug, t.title, t.summary,"
    " count(c.id) FILTER (WHERE c.kind = 'proposal'),"
    " count(c.id) FILTER (WHERE c.kind <> 'proposal')"
    " FROM themes t LEFT JOIN contributions c"
    "  ON c.theme_id = t.id AND c.status = 'published'"
    " WHERE t.consultation_id = $1::bigint"
    " GROUP BY t.id ORDER BY t.position";

const char sql_theme_by_slug[] =
    "SELECT t.id, t.slug, t.title, t.summary, t.body, t.position,"
    " consultation_phase(c), c.id"
    " FROM themes t JOIN consultations c ON c.id = t.consultation_id"
    " WHERE c.is_primary AND t.slug = $1";
