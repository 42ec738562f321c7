/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "../core/opendata.h"
#include "exports.h"

/* The rows are handed to the writers of app/core/opendata.c as they come. */
_Static_assert((int)EXR__MAX == (int)OD__MAX &&
    (int)EXR_AUTHOR_ID == (int)OD_AUTHOR_ID &&
    (int)EXR_ORIGIN_ALIGNMENT == (int)OD_ORIGIN_ALIGNMENT &&
    (int)EXR_EPN == (int)OD_EPN &&
    (int)EXR_COLLECTED == (int)OD_COLLECTED,
    "EXPORT_ROW_COLS follows enum opendata_col");

#define ISO(col) "to_char(" col " AT TIME ZONE 'UTC', " \
    "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

/*
 * The open-data columns (aliases = the published names, app/core/opendata.h)
 * and the rows: every public contribution (contributions.is_public,
 * migration 0191: published, and so is everything it answers), the very
 * rows the reports count. One text for the export, its COPY and the API,
 * so their rows never drift apart; each user adds its theme filter.
 */
#define OPENDATA_SELECT \
    "SELECT c.id::text AS id, k.slug AS consultation, t.slug AS theme," \
    " CASE c.kind WHEN 'proposal' THEN 'proposition'" \
    "  WHEN 'argument' THEN 'argument' ELSE 'commentaire' END AS type," \
    " c.parent_id::text AS parent_id, c.position AS position," \
    " c.territory_code AS departement, 'publiee' AS statut," \
    " " ISO("c.created_at") " AS cree_le, " ISO("c.updated_at") \
    " AS modifie_le, c.title AS titre, c.body AS texte," \
    " (coalesce(pv.votes_agree, 0) + coalesce(it.agree, 0))::text" \
    " AS votes_d_accord," \
    " (coalesce(pv.votes_mixed, 0) + coalesce(it.mixed, 0))::text" \
    " AS votes_mitige," \
    " (coalesce(pv.votes_disagree, 0) + coalesce(it.disagree, 0))::text" \
    " AS votes_pas_d_accord," \
    " coalesce(c.source, 'agora') AS origine, c.source_id AS id_origine," \
    " a.status AS reponse_statut, " ISO("a.updated_at") " AS reponse_date," \
    " c.author_id::text AS auteur," \
    " it.votes_total::text AS votes_origine," \
    " CASE it.alignment WHEN 1 THEN 'pour' WHEN 0 THEN 'neutre'" \
    "  WHEN -1 THEN 'contre' END AS alignement_origine," \
    " CASE c.channel WHEN 'paper' THEN 'papier' ELSE c.channel END" \
    " AS canal, c.epn_id::text AS epn," \
    " to_char(c.collected_on, 'YYYY-MM-DD') AS recueilli_le" \
    " FROM contributions c" \
    " JOIN consultations k ON k.id = c.consultation_id" \
    " JOIN themes t ON t.id = c.theme_id" \
    " LEFT JOIN imported_tallies it ON it.contribution_id = c.id" \
    " LEFT JOIN proposal_votes pv ON pv.contribution_id = c.id" \
    " LEFT JOIN official_answers a ON a.contribution_id = c.id" \
    " WHERE c.is_public"

/* $1: a theme slug of the primary consultation, or NULL for everything. */
#define OPENDATA_ROWS OPENDATA_SELECT \
    " AND ($1::text IS NULL OR (t.slug = $1 AND k.is_primary))"

/*
 * The whole export as one cursor (export_run, JSON): planned for all its
 * rows (cursor_tuple_fraction = 1, set by export_run), read in batches.
 */
DB_STMT_NOROWS(sql_export_cursor, 1,
    "DECLARE export_rows NO SCROLL CURSOR FOR "
    "SELECT * FROM (" OPENDATA_ROWS " ORDER BY c.id) x");

/*
 * A text cell as csv_field() (app/core/csv.c) writes it, so that
 * PostgreSQL's CSV output is byte for byte ours: a cell whose text, after
 * any leading quotes ('), starts with a character a spreadsheet would run
 * as a formula gets one more leading quote, and an empty text is written
 * like NULL (no ""). The code points of csv.c's formula_starters: TAB, CR,
 * + - = @, − (U+2212), ﹢ ﹣ ﹦ ﹫ (U+FE62, U+FE63, U+FE66, U+FE6B),
 * ＋ － ＝ ＠ (U+FF0B, U+FF0D, U+FF1D, U+FF20). ascii() reads the first
 * character (its code point) without copying the text; only a text that
 * starts with a quote is trimmed to look further.
 */
#define CSV_STARTERS \
    "(9, 13, 43, 45, 61, 64, 8722, 65122, 65123, 65126, 65131, 65291," \
    " 65293, 65309, 65312)"
#define CSV_CELL(x) \
    "CASE WHEN ascii(" x ") IN " CSV_STARTERS " OR (ascii(" x ") = 39" \
    " AND ascii(ltrim(" x ", '''')) IN " CSV_STARTERS ")" \
    " THEN '''' || " x " ELSE nullif(" x ", '') END"

/*
 * The CSV rows in PostgreSQL's own CSV format. Ids, numbers, dates and the
 * fixed words need no guard. The author id stays last, as an integer, for
 * export_run to turn into its pseudonym and put back before the columns
 * that follow it in the file (OD_AFTER_AUTHOR, app/core/opendata.h).
 */
#define OPENDATA_COPY(filter) \
    "COPY (SELECT x.id, " CSV_CELL("x.consultation") ", " \
    CSV_CELL("x.theme") ", x.type, x.parent_id, " CSV_CELL("x.position") \
    ", " CSV_CELL("x.departement") ", x.statut, x.cree_le, x.modifie_le, " \
    CSV_CELL("x.titre") ", " CSV_CELL("x.texte") ", x.votes_d_accord," \
    " x.votes_mitige, x.votes_pas_d_accord, " CSV_CELL("x.origine") ", " \
    CSV_CELL("x.id_origine") ", " CSV_CELL("x.reponse_statut") \
    ", x.reponse_date, x.votes_origine, x.alignement_origine, x.canal," \
    " x.epn, x.recueilli_le, x.auteur" \
    " FROM (" OPENDATA_SELECT filter " ORDER BY c.id) x)" \
    " TO STDOUT WITH (FORMAT csv)"

DB_STMT_NOROWS(sql_export_copy_all, 0, OPENDATA_COPY(""));

/*
 * COPY takes no parameters: the theme comes from a setting bound by
 * sql_export_set_theme in the same transaction. Its id, found first (an
 * InitPlan), lets the contributions be read by theme (index
 * contributions_theme) rather than every theme's joined to the themes.
 */
DB_STMT_NOROWS(sql_export_copy_theme, 0, OPENDATA_COPY(
    " AND t.slug = current_setting('agora.export_theme') AND k.is_primary"
    " AND c.theme_id = (SELECT t1.id FROM themes t1 JOIN consultations k1"
    "  ON k1.id = t1.consultation_id WHERE k1.is_primary"
    "  AND t1.slug = current_setting('agora.export_theme'))"));

/*
 * The same rows as sql_export_copy_all with no guard: the plain SELECT a
 * benchmark gives COPY as a baseline (test/bench/reports_scale.sh).
 */
DB_STMT(sql_export_plain_all, 0, EXPORT_ROW_COLS,
    OPENDATA_SELECT " ORDER BY c.id");

DB_STMT_NOROWS(sql_export_set_theme, 1,
    "SELECT set_config('agora.export_theme', $1::text, true)");

DB_STMT(sql_api_contributions, 5, EXPORT_ROW_COLS,
    OPENDATA_ROWS
    " AND ($2::text IS NULL OR c.kind = $2)"
    " AND c.id > $5::bigint"
    " ORDER BY c.id LIMIT $3::bigint OFFSET $4::bigint");

/*
 * Public contributions (the rows of the files) from the rollups
 * (report_counts). $1 theme slug of the primary consultation or NULL, $2
 * kind or NULL.
 */
#define THEME_FILTER(t, k, kind) \
    " AND ($1::text IS NULL OR (" t ".slug = $1 AND " k ".is_primary))" \
    " AND ($2::text IS NULL OR " kind " = $2)"

DB_STMT(sql_api_count, 2, API_COUNT_COLS,
    "SELECT coalesce(sum(r.n), 0)::bigint AS total FROM report_counts r"
    " JOIN themes t ON t.id = r.theme_id"
    " JOIN consultations k ON k.id = t.consultation_id"
    " WHERE r.is_public" THEME_FILTER("t", "k", "r.kind"));

DB_STMT(sql_export_theme, 1, EXPORT_THEME_COLS,
    "SELECT t.title FROM themes t JOIN consultations k"
    " ON k.id = t.consultation_id WHERE k.is_primary AND t.slug = $1::text");

DB_STMT(sql_export_themes, 0, EXPORT_THEMES_COLS,
    "SELECT t.slug, t.title, coalesce((SELECT sum(r.n) FROM report_counts r"
    "  WHERE r.theme_id = t.id AND r.is_public), 0)::bigint AS public"
    " FROM themes t JOIN consultations k ON k.id = t.consultation_id"
    " WHERE k.is_primary ORDER BY t.position");

DB_STMT(sql_export_consultations, 0, EXPORT_CONSULTATIONS_COLS,
    "SELECT k.slug, k.title, k.source, coalesce((SELECT sum(r.n)"
    "  FROM report_counts r JOIN themes t ON t.id = r.theme_id"
    "  WHERE t.consultation_id = k.id AND r.is_public), 0)::bigint AS public"
    " FROM consultations k ORDER BY k.is_primary DESC, k.opens_at DESC");

/* The reference populations of the per-département rates (/export/). */
DB_STMT(sql_export_territories, 0, EXPORT_TERRITORIES_COLS,
    "SELECT code, name, population, population_year"
    " FROM territories ORDER BY position");

/* The stop words the recurring terms leave out besides PostgreSQL's. */
DB_STMT(sql_export_stopwords, 0, EXPORT_STOPWORDS_COLS,
    "SELECT w AS word FROM unnest(report_extra_stopwords()) AS x(w)"
    " ORDER BY w");
