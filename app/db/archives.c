/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "archives.h"

/* Published counts of consultation k, from the report rollups. */
#define COUNTS \
    " LEFT JOIN LATERAL (SELECT" \
    "  sum(r.n) FILTER (WHERE r.kind = 'proposal') AS p," \
    "  sum(r.n) FILTER (WHERE r.kind = 'argument') AS a," \
    "  sum(r.n) FILTER (WHERE r.kind = 'comment') AS c" \
    "  FROM report_counts r JOIN themes t ON t.id = r.theme_id" \
    "  WHERE t.consultation_id = k.id AND r.is_public) n ON true"

const char sql_archive_list[] =
    "SELECT k.slug, k.title, k.summary, k.is_primary,"
    " coalesce(k.source_name, ''), fr_date(k.opens_at),"
    " fr_date(k.closes_at - interval '1 second'),"
    " (SELECT count(*) FROM themes t WHERE t.consultation_id = k.id),"
    " coalesce(n.p, 0), coalesce(n.a, 0) + coalesce(n.c, 0)"
    " FROM consultations k" COUNTS
    " ORDER BY k.is_primary DESC, k.opens_at DESC, k.id";

const char sql_archive_titles[] =
    "SELECT k.slug, k.title, coalesce(k.source_name, '')"
    " FROM consultations k WHERE NOT k.is_primary"
    " ORDER BY k.opens_at DESC, k.id";

const char sql_archive_consultation[] =
    "SELECT k.id, k.slug, k.title, k.summary, k.body, k.is_primary,"
    " consultation_archived(k), coalesce(k.source_name, ''),"
    " coalesce(k.source_url, ''), coalesce(k.source_licence, ''),"
    " fr_date(k.opens_at), fr_date(k.closes_at - interval '1 second'),"
    " fr_date(k.created_at), coalesce(n.p, 0), coalesce(n.a, 0),"
    " coalesce(n.c, 0)"
    " FROM consultations k" COUNTS
    " WHERE k.slug = $1";

const char sql_archive_themes[] =
    "SELECT t.slug, t.title, t.summary,"
    " coalesce(sum(r.n) FILTER (WHERE r.kind = 'proposal'), 0),"
    " coalesce(sum(r.n) FILTER (WHERE r.kind = 'argument'), 0),"
    " coalesce(sum(r.n) FILTER (WHERE r.kind = 'comment'), 0),"
    " coalesce(s.votes, 0)"
    " FROM themes t LEFT JOIN report_counts r"
    "  ON r.theme_id = t.id AND r.is_public"
    " LEFT JOIN report_source_tallies s ON s.theme_id = t.id"
    " WHERE t.consultation_id = $1::bigint"
    " GROUP BY t.id, s.votes ORDER BY t.position";

/* Theme slugs repeat across consultations: always with the consultation. */
const char sql_archive_theme[] =
    "SELECT t.id, t.slug, t.title, t.summary, t.body, t.position,"
    " consultation_phase(c), fr_date(c.opens_at),"
    " fr_date(c.closes_at - interval '1 second'), c.moderation_mode,"
    " c.slug, c.title, c.is_primary, coalesce(s.split, 0) > 0,"
    " coalesce(c.source_name, '')"
    " FROM themes t JOIN consultations c ON c.id = t.consultation_id"
    " LEFT JOIN report_source_tallies s ON s.theme_id = t.id"
    " WHERE c.slug = $1 AND t.slug = $2";

const char sql_archive_list_tallies[] =
    "SELECT contribution_id, agree, mixed, disagree, votes_total, comments"
    " FROM imported_tallies WHERE contribution_id = ANY ($1::bigint[])"
    " ORDER BY contribution_id";

const char sql_archive_proposal[] =
    "SELECT k.slug, k.title, coalesce(k.source_name, ''), it.agree,"
    " it.mixed, it.disagree, it.votes_total, it.arguments_yes,"
    " it.arguments_no, it.comments, coalesce(it.url, '')"
    " FROM contributions p JOIN consultations k ON k.id = p.consultation_id"
    " LEFT JOIN imported_tallies it ON it.contribution_id = p.id"
    " WHERE p.id = $1::bigint";

/* Through the index contributions_proposal: the thread's rows only. */
const char sql_archive_thread_tallies[] =
    "SELECT it.contribution_id, it.votes_total, it.alignment"
    " FROM contributions c JOIN imported_tallies it"
    "  ON it.contribution_id = c.id"
    " WHERE c.proposal_id = $1::bigint AND c.kind <> 'proposal'"
    " ORDER BY 1";
