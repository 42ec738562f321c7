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

DB_STMT(sql_archive_list, 0, ARCHIVE_LIST_COLS,
    "SELECT k.slug, k.title, k.summary, k.is_primary,"
    " coalesce(k.source_name, '') AS source_name, fr_date(k.opens_at) AS opens,"
    " fr_date(k.closes_at - interval '1 second') AS closes,"
    " (SELECT count(*) FROM themes t WHERE t.consultation_id = k.id)"
    " AS themes, coalesce(n.p, 0)::bigint AS proposals,"
    " (coalesce(n.a, 0) + coalesce(n.c, 0))::bigint AS replies"
    " FROM consultations k" COUNTS
    " ORDER BY k.is_primary DESC, k.opens_at DESC, k.id");

DB_STMT(sql_archive_titles, 0, ARCHIVE_TITLE_COLS,
    "SELECT k.slug, k.title, coalesce(k.source_name, '') AS source_name"
    " FROM consultations k WHERE NOT k.is_primary"
    " ORDER BY k.opens_at DESC, k.id");

DB_STMT(sql_archive_consultation, 1, ARCHIVE_COLS,
    "SELECT k.id, k.slug, k.title, k.summary, k.body, k.is_primary,"
    " consultation_archived(k) AS archived,"
    " coalesce(k.source_name, '') AS source_name,"
    " coalesce(k.source_url, '') AS source_url,"
    " coalesce(k.source_licence, '') AS licence,"
    " fr_date(k.opens_at) AS opens,"
    " fr_date(k.closes_at - interval '1 second') AS closes,"
    " fr_date(k.created_at) AS imported,"
    " coalesce(n.p, 0)::bigint AS proposals,"
    " coalesce(n.a, 0)::bigint AS arguments,"
    " coalesce(n.c, 0)::bigint AS comments"
    " FROM consultations k" COUNTS
    " WHERE k.slug = $1");

DB_STMT(sql_archive_themes, 1, ARCHIVE_THEME_COLS,
    "SELECT t.slug, t.title, t.summary,"
    " coalesce(sum(r.n) FILTER (WHERE r.kind = 'proposal'), 0)::bigint"
    " AS proposals,"
    " coalesce(sum(r.n) FILTER (WHERE r.kind = 'argument'), 0)::bigint"
    " AS arguments,"
    " coalesce(sum(r.n) FILTER (WHERE r.kind = 'comment'), 0)::bigint"
    " AS comments,"
    " coalesce(s.votes, 0) AS source_votes"
    " FROM themes t LEFT JOIN report_counts r"
    "  ON r.theme_id = t.id AND r.is_public"
    " LEFT JOIN report_source_tallies s ON s.theme_id = t.id"
    " WHERE t.consultation_id = $1::bigint"
    " GROUP BY t.id, s.votes ORDER BY t.position");

DB_STMT(sql_archive_list_tallies, 1, ARCHIVE_TALLY_COLS,
    "SELECT contribution_id AS id, agree, mixed, disagree,"
    " votes_total AS votes, comments"
    " FROM imported_tallies WHERE contribution_id = ANY ($1::bigint[])"
    " ORDER BY contribution_id");

DB_STMT(sql_archive_proposal, 1, ARCHIVE_PROPOSAL_COLS,
    "SELECT k.slug AS consultation, k.title AS consultation_title,"
    " coalesce(k.source_name, '') AS source_name, it.agree,"
    " it.mixed, it.disagree, it.votes_total AS votes, it.arguments_yes,"
    " it.arguments_no, it.comments, coalesce(it.url, '') AS url"
    " FROM contributions p JOIN consultations k ON k.id = p.consultation_id"
    " LEFT JOIN imported_tallies it ON it.contribution_id = p.id"
    " WHERE p.id = $1::bigint");

/* Through the index contributions_proposal: the thread's rows only. */
DB_STMT(sql_archive_thread_tallies, 1, ARCHIVE_THREAD_COLS,
    "SELECT it.contribution_id AS id, it.votes_total AS votes, it.alignment"
    " FROM contributions c JOIN imported_tallies it"
    "  ON it.contribution_id = c.id"
    " WHERE c.proposal_id = $1::bigint AND c.kind <> 'proposal'"
    " ORDER BY 1");
