/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* The topics' statements: see topics.h. */

#include "topics.h"

#define TP_THEME_SELECT							\
    "SELECT t.id AS theme, k.slug AS consultation, t.slug, t.title"	\
    " FROM themes t JOIN consultations k ON k.id = t.consultation_id"

DB_STMT(sql_topic_theme, 2, TP_SCOPE_COLS,
    TP_THEME_SELECT " WHERE t.slug = $2::text"
    " AND (k.slug = $1::text OR ($1::text IS NULL AND k.is_primary))");

DB_STMT(sql_topic_consultation_themes, 1, TP_SCOPE_COLS,
    TP_THEME_SELECT " WHERE k.slug = $1::text ORDER BY t.id");

DB_STMT(sql_topic_all_themes, 0, TP_SCOPE_COLS,
    TP_THEME_SELECT " ORDER BY t.id");

DB_STMT(sql_topic_terms, 1, TP_TERM_COLS,
    "SELECT contribution_id, stem, n FROM topic_terms($1::integer)");

DB_STMT(sql_topic_words, 2, TP_WORD_COLS,
    "SELECT stem, word FROM topic_words($1::integer, $2::text[])");

DB_STMT_NOROWS(sql_topic_run_delete, 1,
    "DELETE FROM topic_runs WHERE theme_id = $1::integer");

DB_STMT(sql_topic_run_insert, 9, TP_ID_COLS,
    "INSERT INTO topic_runs (theme_id, proposals, classified, terms, reason,"
    " k, silhouette, seed, seconds) VALUES ($1::integer, $2::integer,"
    " $3::integer, $4::integer, $5::text, $6::smallint,"
    " $7::double precision, $8::bigint, $9::double precision)"
    " RETURNING id");

DB_STMT_NOROWS(sql_topic_members_insert, 6,
    "INSERT INTO topic_members (run_id, contribution_id, topic, similarity,"
    " rank, terms)"
    " SELECT $1::bigint, u.id, u.topic, u.sim, u.rank, u.terms"
    " FROM unnest($2::bigint[], $3::smallint[], $4::double precision[],"
    " $5::integer[], $6::text[]) AS u(id, topic, sim, rank, terms)");

DB_STMT_NOROWS(sql_topics_insert, 3,
    "INSERT INTO topics (run_id, topic, size, votes_agree, votes_mixed,"
    " votes_disagree)"
    " SELECT $1::bigint, u.topic, u.size,"
    " coalesce(sum(c.votes_agree), 0), coalesce(sum(c.votes_mixed), 0),"
    " coalesce(sum(c.votes_disagree), 0)"
    " FROM unnest($2::smallint[], $3::integer[]) AS u(topic, size)"
    " LEFT JOIN topic_members m ON m.run_id = $1::bigint"
    " AND m.topic = u.topic"
    " LEFT JOIN proposal_votes c ON c.contribution_id = m.contribution_id"
    " GROUP BY u.topic, u.size");

DB_STMT_NOROWS(sql_topic_terms_insert, 6,
    "INSERT INTO topic_terms (run_id, topic, rank, stem, word, score)"
    " SELECT $1::bigint, u.topic, u.rank, u.stem, u.word, u.score"
    " FROM unnest($2::smallint[], $3::smallint[], $4::text[], $5::text[],"
    " $6::double precision[]) AS u(topic, rank, stem, word, score)");

DB_STMT(sql_topic_run_of, 1, TP_RUN_COLS,
    "SELECT fr_date(r.computed_at) AS date,"
    " to_char(r.computed_at AT TIME ZONE 'Europe/Paris', 'HH24\" h \"MI')"
    " AS time, r.proposals, r.classified, r.terms, r.reason, r.k,"
    " replace(to_char(r.silhouette, 'FM0.00'), '.', ',') AS silhouette,"
    " r.seed, k.slug AS consultation, t.slug AS theme"
    " FROM topic_runs r JOIN themes t ON t.id = r.theme_id"
    " JOIN consultations k ON k.id = t.consultation_id"
    " WHERE r.theme_id = $1::integer");

DB_STMT(sql_topics_of, 1, TP_TOPIC_COLS,
    "SELECT p.topic, p.size, p.votes_agree, p.votes_mixed,"
    " p.votes_disagree, coalesce((SELECT string_agg(t.word, ', '"
    " ORDER BY t.rank) FROM topic_terms t WHERE t.run_id = p.run_id"
    " AND t.topic = p.topic), '') AS label"
    " FROM topics p JOIN topic_runs r ON r.id = p.run_id"
    " WHERE r.theme_id = $1::integer ORDER BY p.topic");

DB_STMT(sql_topic_reps_of, 1, TP_REP_COLS,
    "SELECT x.topic, x.proposal, x.title FROM ("
    "  SELECT m.topic, c.id AS proposal, c.title, row_number() OVER"
    "  (PARTITION BY m.topic ORDER BY m.rank) AS n"
    "  FROM topic_runs r JOIN topic_members m ON m.run_id = r.id"
    "  AND m.topic IS NOT NULL AND m.rank <= 10"
    "  JOIN contributions c ON c.id = m.contribution_id AND c.is_public"
    "  WHERE r.theme_id = $1::integer) x"
    " WHERE x.n <= 3 ORDER BY x.topic, x.n");

DB_STMT(sql_topic_groups_of, 1, TP_GROUP_COLS,
    "SELECT m.topic, v.grp, sum(v.agree) AS agree, sum(v.mixed) AS mixed,"
    " sum(v.disagree) AS disagree"
    " FROM topic_runs r JOIN topic_members m ON m.run_id = r.id"
    " AND m.topic IS NOT NULL"
    " JOIN opinion_maps om ON om.theme_id = r.theme_id"
    " JOIN opinion_groups g ON g.map_id = om.id AND g.size >= 10"
    " JOIN opinion_group_votes v ON v.map_id = om.id AND v.grp = g.grp"
    " AND v.contribution_id = m.contribution_id"
    " WHERE r.theme_id = $1::integer"
    " GROUP BY m.topic, v.grp ORDER BY m.topic, v.grp");

DB_STMT(sql_topic_export_run, 2, TP_XRUN_COLS,
    "SELECT t.id AS theme, r.id AS run"
    " FROM themes t JOIN consultations k ON k.id = t.consultation_id"
    " LEFT JOIN topic_runs r ON r.theme_id = t.id"
    " WHERE k.slug = $1::text AND t.slug = $2::text");

DB_STMT(sql_topic_export_rows, 1, TP_XROW_COLS,
    "SELECT m.contribution_id AS id, m.topic + 1 AS topic,"
    " m.similarity::text AS similarity, m.rank, m.terms"
    " FROM topic_members m JOIN contributions c ON c.id = m.contribution_id"
    " AND c.is_public WHERE m.run_id = $1::bigint"
    " ORDER BY m.contribution_id");
