/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "generate.h"

const char sql_gen_begin[] =
    "CREATE TEMP TABLE gen_users (idx bigint PRIMARY KEY, id bigint NOT NULL)"
    " ON COMMIT DROP;"
    "CREATE TEMP TABLE gen_proposals (idx bigint PRIMARY KEY,"
    " id bigint NOT NULL, theme_id integer NOT NULL,"
    " consultation_id bigint NOT NULL, created_at timestamptz NOT NULL)"
    " ON COMMIT DROP;"
    "ALTER TABLE votes DISABLE TRIGGER votes_count;"
    "ALTER TABLE contributions DISABLE TRIGGER contributions_replies;"
    "ALTER TABLE votes DISABLE TRIGGER report_votes_ins;"
    "ALTER TABLE contributions DISABLE TRIGGER report_contributions_ins;"
    "ALTER TABLE contributions DISABLE TRIGGER report_contributions_upd;";

#define GEN_PICK(arr, expr) \
    "(" arr ")[1 + ((" expr ") % array_length(" arr ", 1))]"

#define FIRST_NAMES "ARRAY['Camille','Léa','Lucas','Manon','Hugo','Chloé',"	\
    "'Louis','Inès','Jules','Sarah','Nathan','Emma','Gabriel','Jade',"		\
    "'Arthur','Louise','Raphaël','Alice','Paul','Zoé','Marius','Anaïs',"	\
    "'Yasmine','Mehdi','Thérèse','Gérard','Monique','Bernard']"
#define TERRITORIES "ARRAY['18','28','28','36','37','37','37','41','45',"	\
    "'45','45','HR']"
#define VERBS "ARRAY['Créer','Développer','Ouvrir','Financer','Former',"	\
    "'Renforcer','Soutenir','Simplifier','Généraliser','Protéger',"		\
    "'Accompagner','Numériser','Mutualiser','Publier']"
#define NOUNS "ARRAY['des espaces publics numériques','le très haut débit',"	\
    "'les données publiques','des ateliers de médiation',"			\
    "'la télémédecine','des tiers-lieux','les logiciels libres',"		\
    "'les archives patrimoniales','des formations au code',"			\
    "'les services en ligne','un guichet humain','des bornes wifi',"		\
    "'les lycées connectés','la cybersécurité des communes']"
#define PLACES "ARRAY['dans les communes rurales','pour les seniors',"	\
    "'dans chaque département','pour les lycéens','en Touraine',"		\
    "'dans le Berry','en Sologne','autour d''Orléans','dans le Perche',"	\
    "'pour les demandeurs d''emploi','pour les associations',"		\
    "'dans les quartiers prioritaires']"
#define SENTENCES "ARRAY['Cela rapprocherait les habitants des services "	\
    "publics.','Le coût doit être partagé entre la Région et les "		\
    "intercommunalités.','Les médiateurs numériques manquent déjà.',"		\
    "'Il faut penser aux personnes qui n''ont pas d''ordinateur.',"		\
    "'Les données doivent rester hébergées en France.',"			\
    "'Un bilan public chaque année permettrait de suivre les progrès.',"	\
    "'Les associations locales peuvent porter ce projet.',"			\
    "'La couverture mobile reste insuffisante dans plusieurs villages.',"	\
    "'Ce serait une dépense utile à long terme.',"				\
    "'Je doute que cela touche les personnes les plus éloignées.']"

const char sql_gen_users[] =
    "WITH ins AS (INSERT INTO users (email, display_name, territory_code,"
    " privacy_accepted_at, verified_at)"
    " SELECT 'gen-' || $3::text || '-' || g || '@example.invalid',"
    GEN_PICK(FIRST_NAMES, "g * 7") " || ' ' || chr((65 + (g * 13) % 26)::int) || '.',"
    GEN_PICK(TERRITORIES, "g * 11") ", now(), now()"
    " FROM generate_series($1::bigint, $1::bigint + $2::bigint - 1) g"
    " RETURNING id, email),"
    " roles AS (INSERT INTO user_roles (user_id, role)"
    "  SELECT id, 'citizen' FROM ins)"
    " INSERT INTO gen_users (idx, id)"
    " SELECT split_part(split_part(email, '@', 1), '-', 3)::bigint, id FROM ins";

const char sql_gen_proposals[] =
    "WITH th AS (SELECT array_agg(t.id ORDER BY t.position) AS ids,"
    "  min(c.id) AS cid, min(c.opens_at) AS opens"
    "  FROM themes t JOIN consultations c ON c.id = t.consultation_id"
    "  WHERE c.is_primary),"
    " src AS (SELECT g,"
    "  " GEN_PICK(VERBS, "g * 3") " || ' ' || " GEN_PICK(NOUNS, "g * 7 + g / 14")
    "  || ' ' || " GEN_PICK(PLACES, "g * 5 + g / 196") " AS title,"
    "  " GEN_PICK(SENTENCES, "g") " || ' ' || " GEN_PICK(SENTENCES, "g / 10 + 3")
    "  || ' ' || " GEN_PICK(SENTENCES, "g / 100 + 7") " AS body,"
    "  (SELECT id FROM gen_users WHERE idx = (g * 2654435761) %"
    "   (SELECT count(*) FROM gen_users)) AS author"
    "  FROM generate_series($1::bigint, $1::bigint + $2::bigint - 1) g),"
    " ins AS (INSERT INTO contributions (consultation_id, theme_id, kind,"
    "  author_id, territory_code, title, body, body_html, source,"
    "  source_id, created_at)"
    "  SELECT th.cid, th.ids[1 + (g % array_length(th.ids, 1))], 'proposal',"
    "  src.author, " GEN_PICK(TERRITORIES, "g * 17") ","
    "  src.title || ' (' || g || ')', src.body, '<p>' || src.body || '</p>',"
    "  'generate-' || $3::text, g::text,"
    "  least(now(), th.opens + (now() - th.opens) * random())"
    "  FROM src, th"
    "  RETURNING id, theme_id, consultation_id, created_at, source_id)"
    " INSERT INTO gen_proposals (idx, id, theme_id, consultation_id, created_at)"
    " SELECT source_id::bigint, id, theme_id, consultation_id, created_at"
    " FROM ins";

const char sql_gen_replies[] =
    "WITH np AS (SELECT count(*) AS n FROM gen_proposals),"
    " nu AS (SELECT count(*) AS n FROM gen_users),"
    " src AS (SELECT g, floor(np.n * random() ^ 2)::bigint AS pidx,"
    "  floor(nu.n * random())::bigint AS uidx FROM np, nu,"
    "  generate_series($1::bigint, $1::bigint + $2::bigint - 1) g)"
    " INSERT INTO contributions (consultation_id, theme_id, kind, parent_id,"
    " proposal_id, position, depth, author_id, territory_code, body,"
    " body_html, created_at, updated_at)"
    " SELECT p.consultation_id, p.theme_id,"
    " CASE WHEN g % 5 < 3 THEN 'argument' ELSE 'comment' END, p.id, p.id,"
    " CASE WHEN g % 5 = 0 OR g % 5 = 2 THEN 'pour' WHEN g % 5 = 1"
    "  THEN 'contre' END, CASE WHEN g % 5 < 3 THEN 0 ELSE 1 END, u.id,"
    " " GEN_PICK(TERRITORIES, "g * 19") ","
    " " GEN_PICK(SENTENCES, "g * 7") " || ' ' || " GEN_PICK(SENTENCES, "g / 3")
    ", '<p>' || " GEN_PICK(SENTENCES, "g * 7") " || ' ' || "
    GEN_PICK(SENTENCES, "g / 3") " || '</p>',"
    " p.created_at + (now() - p.created_at) * random(), now()"
    " FROM src JOIN gen_proposals p ON p.idx = src.pidx"
    " JOIN gen_users u ON u.idx = src.uidx";

const char sql_gen_votes[] =
    "INSERT INTO votes (user_id, contribution_id, choice)"
    " SELECT u.id, p.id,"
    " CASE WHEN r.x < 0.2 + 0.7 * ((p.idx * 7919) % 100) / 100.0 THEN 'agree'"
    "  WHEN r.x < 0.45 + 0.5 * ((p.idx * 7919) % 100) / 100.0 THEN 'mixed'"
    "  ELSE 'disagree' END"
    " FROM generate_series($1::bigint, $1::bigint + $2::bigint - 1) g"
    " CROSS JOIN LATERAL (SELECT random() AS x) r"
    " JOIN gen_users u ON u.idx = g % $3::bigint"
    " JOIN gen_proposals p ON p.idx = ((g % $3::bigint) * 2654435761"
    "  + g / $3::bigint) % greatest($4::bigint >> ((g % $3::bigint) % 4)::int,"
    "  $5::bigint)";

const char sql_gen_finish[] =
    "UPDATE contributions SET proposal_id = id"
    " WHERE id IN (SELECT id FROM gen_proposals);"
    "UPDATE proposal_votes c SET votes_agree = v.a, votes_mixed = v.m,"
    " votes_disagree = v.d"
    " FROM (SELECT contribution_id,"
    "  count(*) FILTER (WHERE choice = 'agree') AS a,"
    "  count(*) FILTER (WHERE choice = 'mixed') AS m,"
    "  count(*) FILTER (WHERE choice = 'disagree') AS d"
    "  FROM votes WHERE contribution_id IN (SELECT id FROM gen_proposals)"
    "  GROUP BY contribution_id) v"
    " WHERE c.contribution_id = v.contribution_id;"
    "UPDATE contributions c SET replies = r.n"
    " FROM (SELECT proposal_id, count(*) AS n FROM contributions"
    "  WHERE proposal_id IN (SELECT id FROM gen_proposals)"
    "  AND kind <> 'proposal' AND is_public"
    "  GROUP BY proposal_id) r"
    " WHERE c.id = r.proposal_id;"
    "ALTER TABLE votes ENABLE TRIGGER votes_count;"
    "ALTER TABLE contributions ENABLE TRIGGER contributions_replies;"
    "SELECT report_rollups_rebuild();"
    "ALTER TABLE votes ENABLE TRIGGER report_votes_ins;"
    "ALTER TABLE contributions ENABLE TRIGGER report_contributions_ins;"
    "ALTER TABLE contributions ENABLE TRIGGER report_contributions_upd;"
    "ANALYZE contributions; ANALYZE votes;";
