/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "people.h"

#define ROLES_OF(u)							\
    "coalesce((SELECT string_agg(r.role, ',' ORDER BY array_position("	\
    "ARRAY['citizen','mediator','moderator','official','admin',"	\
    "'secretariat','conseil'], r.role))" \
    " FROM user_roles r WHERE r.user_id = " u "), '')"

DB_STMT(sql_account_summary, 1, ACCOUNT_SUMMARY_COLS,
    "SELECT u.display_name, coalesce(u.email, '') AS email,"
    " coalesce(u.territory_code, '') AS territory_code,"
    " coalesce(t.name, '') AS territory,"
    " " ROLES_OF("u.id") " AS roles,"
    " fr_date(u.created_at) AS created, fr_date(u.verified_at) AS verified,"
    " fr_date(u.privacy_accepted_at) AS consented,"
    " (SELECT count(*) FROM votes v WHERE v.user_id = vote_person(u.id))"
    "  AS votes,"
    " (SELECT count(*) FROM contributions c WHERE c.author_id = u.id)"
    "  AS contributions,"
    " (SELECT count(*) FROM notifications n WHERE n.user_id = u.id"
    "  AND n.read_at IS NULL) AS unread,"
    " fr_date(u.last_signin_at) AS last_signin"
    " FROM users u LEFT JOIN territories t ON t.code = u.territory_code"
    " WHERE u.id = $1::bigint AND u.deleted_at IS NULL");

DB_STMT(sql_account_contributions, 1, ACCOUNT_CONTRIB_COLS,
    "SELECT c.id, c.kind, coalesce(c.position, '') AS position,"
    " coalesce(c.title, CASE WHEN char_length(c.body) > 90"
    "  THEN left(c.body, 90) || '…' ELSE c.body END) AS excerpt,"
    " t.title AS theme, c.status, fr_date(c.created_at) AS created,"
    " coalesce(c.proposal_id, c.id) AS proposal_id,"
    " coalesce(p.title, '') AS proposal_title"
    " FROM contributions c JOIN themes t ON t.id = c.theme_id"
    " LEFT JOIN contributions p ON p.id = c.proposal_id"
    " WHERE c.author_id = $1::bigint"
    " ORDER BY c.created_at DESC, c.id DESC LIMIT 500");

/*
 * French keys, in the order a person reads them, and the earlier texts of
 * each contribution (issue 13, item 13); codes stay codes (the printable
 * page, /compte/donnees, says them in words).
 */
DB_STMT(sql_account_export, 1, ACCOUNT_EXPORT_COLS,
    "SELECT json_build_object("
    " 'format', 'agora-donnees-personnelles/2',"
    " 'extrait_le', now(),"
    " 'compte', json_build_object("
    "  'numero', u.id, 'nom_affiche', u.display_name,"
    "  'adresse_electronique', u.email,"
    "  'departement', CASE WHEN u.territory_code IS NULL THEN NULL ELSE"
    "   json_build_object('code', u.territory_code, 'nom', t.name) END,"
    "  'cree_le', u.created_at, 'adresse_confirmee_le', u.verified_at,"
    "  'notice_acceptee_le', u.privacy_accepted_at,"
    "  'derniere_connexion_le', u.last_signin_at,"
    "  'averti_inactivite_le', u.inactivity_warned_at,"
    "  'mot_de_passe', CASE WHEN u.password_hash IS NULL THEN 'aucun'"
    "   ELSE 'défini (gardé sous forme d''empreinte, jamais exporté)' END),"
    " 'roles', (SELECT coalesce(json_agg(json_build_object("
    "  'role', r.role, 'accorde_le', r.granted_at) ORDER BY r.role), '[]')"
    "  FROM user_roles r WHERE r.user_id = u.id),"
    " 'changements_de_roles', (SELECT coalesce(json_agg(json_build_object("
    "  'role', rc.role, 'accorde', rc.granted, 'le', rc.at,"
    "  'par_le_compte', rc.by_user) ORDER BY rc.at, rc.id), '[]')"
    "  FROM role_changes rc WHERE rc.user_id = u.id),"
    /* The fact and dates of the link, never the claims (README). */
    " 'franceconnect', json_build_object("
    "  'lie', l.user_id IS NOT NULL, 'fournisseur', l.issuer,"
    "  'niveau', nullif(l.acr, ''), 'lie_le', l.linked_at,"
    "  'personne_verifiee_depuis_le', b.bound_at,"
    "  'identite', CASE WHEN b.user_id IS NULL AND l.user_id IS NULL"
    "   THEN NULL ELSE 'une empreinte chiffrée de votre identité, pour"
    " compter une voix par personne ; ni nom, ni date ou lieu de naissance'"
    "   END),"
    " 'sessions', (SELECT coalesce(json_agg(json_build_object("
    "  'ouverte_le', s.created_at, 'vue_le', s.last_seen_at,"
    "  'fermee_le', s.ended_at) ORDER BY s.created_at, s.id), '[]')"
    "  FROM sessions s WHERE s.user_id = u.id),"
    " 'contributions', (SELECT coalesce(json_agg(json_build_object("
    "  'numero', c.id, 'type', c.kind, 'position', c.position,"
    "  'titre', c.title, 'texte', c.body, 'lien', c.link,"
    "  'theme', th.slug, 'statut', c.status,"
    "  'proposition', c.proposal_id, 'en_reponse_a', c.parent_id,"
    "  'departement', c.territory_code,"
    "  'saisie_par_un_mediateur', c.assisted_by IS NOT NULL,"
    "  'consentement_le', c.consent_at,"
    "  'creee_le', c.created_at, 'modifiee_le', c.updated_at,"
    "  'versions_precedentes', (SELECT coalesce(json_agg(json_build_object("
    "   'version', cv.version, 'titre', cv.title, 'texte', cv.body,"
    "   'lien', cv.link, 'remplacee_le', cv.edited_at)"
    "   ORDER BY cv.version), '[]')"
    "   FROM contribution_versions cv WHERE cv.contribution_id = c.id))"
    "  ORDER BY c.created_at, c.id), '[]')"
    "  FROM contributions c JOIN themes th ON th.id = c.theme_id"
    "  WHERE c.author_id = u.id),"
    " 'contributions_saisies_pour_d_autres', (SELECT coalesce(json_agg("
    "  json_build_object('numero', c.id, 'type', c.kind,"
    "  'creee_le', c.created_at) ORDER BY c.created_at, c.id), '[]')"
    "  FROM contributions c WHERE c.assisted_by = u.id"
    "  AND c.author_id IS DISTINCT FROM u.id),"
    /* Those counted for the verified person too (vote_person). */
    " 'votes', (SELECT coalesce(json_agg(json_build_object("
    "  'proposition', v.contribution_id, 'titre_de_la_proposition', p.title,"
    "  'avis', v.choice, 'donne_le', v.created_at,"
    "  'modifie_le', v.updated_at,"
    "  'canal', CASE WHEN v.epn_id IS NULL THEN 'web' ELSE 'epn' END,"
    "  'compte_pour_la_personne_verifiee', v.user_id <> u.id)"
    "  ORDER BY v.created_at, v.contribution_id), '[]')"
    "  FROM votes v JOIN contributions p ON p.id = v.contribution_id"
    "  WHERE v.user_id = vote_person(u.id)),"
    " 'courriels', (SELECT coalesce(json_agg(json_build_object("
    "  'objet', o.subject, 'type', o.kind, 'cree_le', o.created_at,"
    "  'envoye_le', o.sent_at) ORDER BY o.created_at, o.id), '[]')"
    "  FROM outbox o WHERE o.user_id = u.id),"
    " 'decisions_de_moderation', (SELECT coalesce(json_agg("
    "  json_build_object('contribution', n.contribution_id,"
    "  'decision', n.decision, 'regle', n.rule, 'note', n.note,"
    "  'le', n.created_at, 'lue_le', n.read_at)"
    "  ORDER BY n.created_at, n.id), '[]')"
    "  FROM notifications n WHERE n.user_id = u.id"
    "  AND n.kind = 'moderation'),"
    " 'notifications', (SELECT coalesce(json_agg(json_build_object("
    "  'type', n.kind, 'contribution', n.contribution_id,"
    "  'theme', n.theme_id, 'saisine', n.referral_id,"
    "  'le', n.created_at, 'lue_le', n.read_at)"
    "  ORDER BY n.created_at, n.id), '[]')"
    "  FROM notifications n WHERE n.user_id = u.id"
    "  AND n.kind <> 'moderation'),"
    " 'suivis', (SELECT coalesce(json_agg(json_build_object("
    "  'proposition', f.proposal_id, 'theme', f.theme_id,"
    "  'le', f.created_at) ORDER BY f.created_at), '[]')"
    "  FROM follows f WHERE f.user_id = u.id),"
    " 'preferences_courriels', (SELECT coalesce(json_agg(json_build_object("
    "  'type', p.kind, 'mode', p.mode, 'modifie_le', p.updated_at)"
    "  ORDER BY p.kind), '[]')"
    "  FROM notification_prefs p WHERE p.user_id = u.id),"
    " 'signalements', (SELECT coalesce(json_agg(json_build_object("
    "  'contribution', f.contribution_id, 'regle', f.rule_code,"
    "  'note', f.note, 'le', f.created_at)"
    "  ORDER BY f.created_at, f.contribution_id), '[]')"
    "  FROM flags f WHERE f.user_id = u.id),"
    " 'arguments_marques_utiles', (SELECT coalesce(json_agg(m.contribution_id"
    "  ORDER BY m.contribution_id), '[]')"
    "  FROM argument_useful m WHERE m.user_id = u.id),"
    " 'reexamens', (SELECT coalesce(json_agg(json_build_object("
    "  'contribution', a.contribution_id, 'motif', a.reason,"
    "  'statut', a.status, 'le', a.created_at, 'tranche_le', a.resolved_at)"
    "  ORDER BY a.id), '[]') FROM appeals a WHERE a.author_id = u.id),"
    " 'messages_a_la_moderation', (SELECT coalesce(json_agg("
    "  json_build_object('objet', m.subject, 'texte', m.body,"
    "  'lien', m.link, 'le', m.created_at) ORDER BY m.id), '[]')"
    "  FROM moderation_messages m WHERE m.sender_id = u.id),"
    " 'conseil_numerique', json_build_object("
    "  'versions_d_avis', (SELECT coalesce(json_agg(json_build_object("
    "   'saisine', d.referral_id, 'texte', d.body, 'le', d.created_at)"
    "   ORDER BY d.id), '[]') FROM council_drafts d"
    "   WHERE d.author_id = u.id),"
    "  'commentaires', (SELECT coalesce(json_agg(json_build_object("
    "   'saisine', k.referral_id, 'texte', k.body, 'le', k.created_at)"
    "   ORDER BY k.id), '[]') FROM council_comments k"
    "   WHERE k.author_id = u.id))"
    ")::text AS data"
    " FROM users u LEFT JOIN territories t ON t.code = u.territory_code"
    " LEFT JOIN oidc_links l ON l.user_id = u.id"
    " LEFT JOIN account_persons b ON b.user_id = u.id"
    " WHERE u.id = $1::bigint AND u.deleted_at IS NULL");

DB_STMT(sql_data_texts, 1, DATA_TEXTS_COLS,
    "SELECT id, kind, title, body, status, created, version, replaced FROM ("
    " SELECT c.id, c.kind, coalesce(c.title, '') AS title, c.body,"
    "  c.status, fr_date(c.created_at) AS created, 0 AS version,"
    "  '' AS replaced, c.created_at AS at"
    " FROM contributions c WHERE c.author_id = $1::bigint"
    " UNION ALL"
    " SELECT c.id, c.kind, coalesce(v.title, ''), v.body, c.status,"
    "  fr_date(c.created_at), v.version, fr_date(v.edited_at), c.created_at"
    " FROM contribution_versions v"
    " JOIN contributions c ON c.id = v.contribution_id"
    " WHERE c.author_id = $1::bigint) x"
    " ORDER BY at, id, version = 0 DESC, version DESC");

DB_STMT(sql_data_votes, 1, DATA_VOTES_COLS,
    "SELECT p.id, coalesce(p.title, '') AS title, v.choice,"
    " fr_date(v.created_at) AS created"
    " FROM votes v JOIN contributions p ON p.id = v.contribution_id"
    " WHERE v.user_id = $1::bigint ORDER BY v.created_at, p.id");

DB_STMT(sql_account_password, 1, ACCOUNT_PASSWORD_COLS,
    "SELECT coalesce(password_hash, '') AS password_hash, email FROM users"
    " WHERE id = $1::bigint AND deleted_at IS NULL");

DB_STMT(sql_account_delete, 4, ACCOUNT_DELETE_COLS,
    "SELECT user_delete($1::bigint, $2::text, $3::text, $4::text)"
    " AS status");

DB_STMT(sql_admin_accounts, 3, ADMIN_ACCOUNTS_COLS,
    "SELECT u.id, u.email, u.display_name, " ROLES_OF("u.id") " AS roles,"
    " u.verified_at IS NOT NULL AS verified,"
    " fr_date(u.created_at) AS created, count(*) OVER () AS total"
    " FROM users u WHERE u.deleted_at IS NULL AND ($1::text = ''"
    "  OR strpos(lower(u.email), lower($1::text)) > 0"
    "  OR strpos(lower(unaccent(u.display_name)),"
    "   lower(unaccent($1::text))) > 0)"
    " ORDER BY u.id OFFSET $2::int LIMIT $3::int");

DB_STMT(sql_role_set, 4, ROLE_SET_COLS,
    "SELECT user_role_set($1::bigint, $2::text, $3::boolean, $4::bigint)"
    " AS status");

DB_STMT(sql_user_create, 7, USER_CREATE_COLS,
    "WITH u AS ("
    " INSERT INTO users (email, display_name, password_hash, territory_code,"
    "  verified_at)"
    " VALUES ($1, $2, $3, $4, CASE WHEN $6::boolean THEN now() END)"
    " ON CONFLICT (email_canonical(email)) WHERE email IS NOT NULL"
    " DO NOTHING"
    " RETURNING id"
    "), r AS ("
    " INSERT INTO user_roles (user_id, role)"
    " SELECT u.id, x FROM u, unnest($5::text[]) AS x"
    " RETURNING user_id, role"
    "), c AS ("
    " INSERT INTO role_changes (user_id, role, granted, by_user)"
    " SELECT user_id, role, true, NULL FROM r"
    "), k AS ("
    " SELECT account_takeover(u.id, $7) AS n FROM u WHERE $6::boolean"
    ")"
    " SELECT id, (SELECT count(*) FROM k) AS takeovers FROM u");

DB_STMT(sql_user_by_email, 1, USER_BY_EMAIL_COLS,
    "SELECT id FROM users"
    " WHERE lower(email) = lower($1::text) AND deleted_at IS NULL");

DB_STMT(sql_territory_exists, 1, TERRITORY_EXISTS_COLS,
    "SELECT 1 AS found FROM territories WHERE code = $1::text");

DB_STMT(sql_user_list, 1, USER_LIST_COLS,
    "SELECT u.id, u.email, u.display_name, " ROLES_OF("u.id") " AS roles,"
    " CASE WHEN u.verified_at IS NULL THEN 'no' ELSE 'yes' END AS verified,"
    " to_char(u.created_at AT TIME ZONE 'UTC',"
    "  'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS created"
    " FROM users u WHERE u.deleted_at IS NULL"
    "  AND ($1::text = '' OR EXISTS (SELECT 1 FROM user_roles r"
    "   WHERE r.user_id = u.id AND r.role = $1::text))"
    " ORDER BY u.id");
