/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "syntheses.h"

/* The theme t of slug $1 in the current consultation. */
#define THEME_OF_SLUG							\
    " FROM themes t JOIN consultations k ON k.id = t.consultation_id"

#define WHERE_SLUG	" WHERE k.is_primary AND t.slug = $1::text"

/* p: the latest publication of t's synthesis; v: its version. */
#define PUBLISHED							\
    " LEFT JOIN LATERAL (SELECT p.version_id, p.published_at,"		\
    "  p.published_by FROM synthesis_publications p"			\
    "  JOIN syntheses s ON s.id = p.synthesis_id"			\
    "  WHERE s.theme_id = t.id ORDER BY p.id DESC LIMIT 1) p ON true"	\
    " LEFT JOIN synthesis_versions v ON v.id = p.version_id"

/* When, in French: "2 décembre 2026 à 06:30" (Paris time). */
#define FR_WHEN(x)							\
    "fr_date(" x ") || ' à ' || to_char(" x " AT TIME ZONE"		\
    " 'Europe/Paris', 'HH24:MI')"

/* Public contributions of theme t that version pv does not cite. */
#define UNCOVERED(pv)							\
    "(SELECT count(*) FROM contributions c WHERE c.theme_id = t.id"	\
    " AND c.is_public AND NOT EXISTS (SELECT 1 FROM synthesis_citations x" \
    " WHERE x.version_id = " pv " AND x.contribution_id = c.id))"

#define CITED(pv)							\
    "(SELECT count(*) FROM synthesis_citations x WHERE x.version_id = " pv ")"

#define PUBLIC_COUNT							\
    "(SELECT count(*) FROM contributions c WHERE c.theme_id = t.id"	\
    " AND c.is_public)"

#define LATEST_NUMBER							\
    "coalesce((SELECT max(l.number) FROM synthesis_versions l"		\
    " JOIN syntheses s ON s.id = l.synthesis_id"			\
    " WHERE s.theme_id = t.id), 0)"

DB_STMT(sql_synthesis_public, 1, SYNTHESIS_COLS,
    "SELECT t.id AS theme_id, t.title, v.number, v.body,"
    " " FR_WHEN("p.published_at") " AS published,"
    " u.display_name AS publisher,"
    " " CITED("v.id") " AS cited, " UNCOVERED("v.id") " AS uncovered,"
    " " PUBLIC_COUNT " AS contributions, " LATEST_NUMBER " AS latest,"
    /* The log's row of that publication (synthesis_log()'s subject). */
    " (SELECT max(l.id) FROM moderation_log l WHERE l.subject ="
    "  'synthese:' || t.slug || ':' || v.number) AS log_id"
    THEME_OF_SLUG PUBLISHED
    " LEFT JOIN users u ON u.id = p.published_by"
    WHERE_SLUG);

DB_STMT(sql_synthesis_refs, 2, SYNTHESIS_REF_COLS,
    "SELECT c.id, " CITATION_REF_TITLE " AS title,"
    " " CITATION_REF_HREF " AS href, NULL::text AS slug"
    THEME_OF_SLUG PUBLISHED
    " LEFT JOIN syntheses s ON s.theme_id = t.id"
    " JOIN synthesis_versions w ON w.id = CASE WHEN $2::int = 0"
    "  THEN v.id ELSE (SELECT w2.id FROM synthesis_versions w2"
    "  WHERE w2.synthesis_id = s.id AND w2.number = $2::int) END"
    " JOIN synthesis_citations x ON x.version_id = w.id"
    " JOIN contributions c ON c.id = x.contribution_id AND c.is_public"
    WHERE_SLUG);

DB_STMT(sql_synthesis_draft, 1, SYNTHESIS_DRAFT_COLS,
    "SELECT t.id AS theme_id, t.title, coalesce(l.number, 0) AS number,"
    " coalesce(l.body, synthesis_draft(t.id)) AS body,"
    " coalesce(v.number, 0) AS published"
    THEME_OF_SLUG PUBLISHED
    " LEFT JOIN LATERAL (SELECT l.number, l.body FROM synthesis_versions l"
    "  JOIN syntheses s ON s.id = l.synthesis_id WHERE s.theme_id = t.id"
    "  ORDER BY l.number DESC LIMIT 1) l ON true"
    WHERE_SLUG);

DB_STMT(sql_synthesis_versions, 1, SYNTHESIS_VERSION_COLS,
    "SELECT l.number, u.display_name AS author,"
    " " FR_WHEN("l.created_at") " AS at, " CITED("l.id") " AS citations,"
    " coalesce(l.id = synthesis_published(t.id), false) AS public"
    THEME_OF_SLUG
    " JOIN syntheses s ON s.theme_id = t.id"
    " JOIN synthesis_versions l ON l.synthesis_id = s.id"
    " JOIN users u ON u.id = l.author_id"
    WHERE_SLUG " ORDER BY l.number DESC");

DB_STMT(sql_synthesis_body, 2, SYNTHESIS_BODY_COLS,
    "SELECT l.body" THEME_OF_SLUG
    " JOIN syntheses s ON s.theme_id = t.id"
    " JOIN synthesis_versions l ON l.synthesis_id = s.id"
    WHERE_SLUG " AND l.number = $2::int");

DB_STMT(sql_synthesis_save, 5, SYNTHESIS_SAVE_COLS,
    "SELECT status, line, contribution, version FROM synthesis_save("
    "$1::int, $2::text, $3::bigint, $4::int[], $5::bigint[])");

DB_STMT(sql_synthesis_publish, 9, SYNTHESIS_PUBLISH_COLS,
    "SELECT synthesis_publish($1::int, $2::int, $3::bigint, $4::text,"
    " $5::text, $6::text, $7::text, $8::text, $9::text) AS status");

DB_STMT(sql_synthesis_citing, 1, SYNTHESIS_CITING_COLS,
    "SELECT c.id, t.slug, t.title, 0 AS referral FROM themes t"
    " JOIN consultations k ON k.id = t.consultation_id AND k.is_primary"
    " JOIN synthesis_citations x"
    "  ON x.version_id = synthesis_published(t.id)"
    " JOIN contributions c ON c.id = x.contribution_id"
    " WHERE t.id = (SELECT p.theme_id FROM contributions p"
    "  WHERE p.id = $1::bigint) AND c.proposal_id = $1::bigint"
    " UNION ALL SELECT c.id, '', '', o.referral_id FROM contributions c"
    " JOIN council_draft_citations x ON x.contribution_id = c.id"
    " JOIN council_opinions o ON o.draft_id = x.draft_id"
    " WHERE c.proposal_id = $1::bigint"
    " ORDER BY id, referral");

DB_STMT(sql_synthesis_state, 1, SYNTHESIS_STATE_COLS,
    "SELECT synthesis_published(t.id) IS NOT NULL AS published"
    THEME_OF_SLUG WHERE_SLUG);

DB_STMT(sql_synthesis_export, 0, SYNTHESIS_EXPORT_COLS,
    "SELECT jsonb_pretty(jsonb_build_object("
    " 'licence', 'Licence Ouverte / Open Licence 2.0',"
    " 'licence_url', 'https://www.etalab.gouv.fr/licence-ouverte-open-licence',"
    " 'generated_at', to_char(now() AT TIME ZONE 'UTC',"
    "  'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
    " 'syntheses', coalesce(jsonb_agg(jsonb_build_object("
    "  'theme', t.slug, 'theme_title', t.title,"
    "  'url', '/syntheses/' || t.slug, 'version', v.number,"
    "  'published_at', to_char(p.published_at AT TIME ZONE 'UTC',"
    "   'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
    "  'text', v.body,"
    "  'citations', (SELECT coalesce(jsonb_agg(x.contribution_id"
    "   ORDER BY x.contribution_id), '[]') FROM synthesis_citations x"
    "   WHERE x.version_id = v.id),"
    "  'cited', " CITED("v.id") ", 'uncovered', " UNCOVERED("v.id") ","
    "  'contributions', " PUBLIC_COUNT ") ORDER BY t.position)"
    "  FILTER (WHERE v.id IS NOT NULL), '[]'))) AS json"
    THEME_OF_SLUG PUBLISHED " WHERE k.is_primary");
