# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Pages as a refactoring sees them: fills a fresh test database with the same
content every time (same accounts, sessions, texts, votes, decisions, in the
same order, so the same ids), saves every kind of page as each kind of
visitor sees it, and compares two such snapshots.

    make snapshot SNAPSHOT_DIR=var/snap-before     (from the old code)
    make snapshot SNAPSHOT_DIR=var/snap-after      (from the new code)
    python3 test/e2e/snapshot.py --compare var/snap-before var/snap-after

The comparison ignores what differs from one run to the next by design:
CSRF tokens, the anonymous visitor's cookie, clock times and timestamps.
Run both snapshots on the same day (dates are shown in pages)."""

import difflib
import hashlib
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
import harness  # noqa: E402
from harness import Client, sql, sql_value  # noqa: E402

PEOPLE = [  # key, name, roles, territory
    ("alice", "Alice Martin", ("citizen",), "37"),
    ("bruno", "Bruno Petit", ("citizen",), "45"),
    ("chloe", "Chloé Roux", ("citizen", "moderator"), "18"),
    ("david", "David Lefèvre", ("citizen", "official"), "41"),
    ("emma", "Emma Girard", ("citizen", "admin"), "28"),
]


def session_token(key):
    """The session cookie of a snapshot person (the same every run)."""
    return (hashlib.sha256(key.encode()).hexdigest() + "A" * 43)[:43]


def person(key, name, roles, territory):
    uid = int(sql_value(
        "INSERT INTO users (email, display_name, territory_code, privacy_accepted_at,"
        " verified_at, created_at) VALUES ('%s@exemple.fr', '%s', '%s',"
        " now() - interval '40 days', now() - interval '40 days',"
        " now() - interval '40 days') RETURNING id"
        % (key, name.replace("'", "''"), territory)))
    for role in roles:
        sql("INSERT INTO user_roles (user_id, role) VALUES (%d, '%s')" % (uid, role))
    token = session_token(key)
    sql("INSERT INTO sessions (user_id, token_hash) VALUES (%d, '%s')"
        % (uid, hashlib.sha256(token.encode()).hexdigest()))
    c = Client()
    c.cookies["agora_sid"] = token
    return c


def post(c, form, action, fields):
    r = c.submit(form, action, fields)
    assert r.status in (200, 303), "%s: %d %s" % (action, r.status, r.visible_text()[:300])
    return r


def seed():
    who = {p[0]: person(*p) for p in PEOPLE}
    a, b, mod, off = who["alice"], who["bruno"], who["chloe"], who["david"]
    texts = [
        ("ethique", "Un registre public des algorithmes de la Région",
         "Publier la liste des **traitements automatisés** utilisés par la Région,"
         " avec leur finalité et leurs données.", "https://www.example.org/registre"),
        ("ethique", "Former les agents à la protection des données",
         "Chaque agent qui traite des données personnelles suit une formation"
         " d'une journée, renouvelée tous les trois ans.", ""),
        ("ethique", "Des données ouvertes par défaut",
         "Les données publiques non personnelles sont ouvertes par défaut, sous"
         " licence ouverte.", ""),
        ("territoires", "L'EPN mobile dans chaque canton une fois par mois",
         "Le camion de l'EPN mobile passe une fois par mois dans chaque canton"
         " rural, jour de marché.", ""),
    ]
    ids = []
    for slug, title, body, link in texts:
        r = post(a, "/themes/%s/proposer" % slug, "/themes/%s/proposer" % slug,
                 {"titre": title, "texte": body, "territoire": "37", "lien": link,
                  "action": "publish"})
        ids.append(int(r.header("location").rsplit("/", 1)[1]))
    p1, p2, p3, p4 = ids
    page = "/propositions/%d" % p1
    post(b, page, page + "/arguments", {"position": "pour",
         "texte": "La transparence renforce la confiance."})
    post(b, page, page + "/arguments", {"position": "contre",
         "texte": "Un registre coûte cher à tenir à jour."})
    post(a, page, page + "/commentaires", {"texte": "Et pour les communes ?"})
    parent = sql_value("SELECT max(id) FROM contributions WHERE kind = 'comment'")
    post(b, page, page + "/commentaires", {"texte": "Elles pourraient suivre.",
                                          "parent": parent})
    for c, pid, choice in ((a, p2, "agree"), (b, p1, "agree"), (b, p2, "disagree"),
                           (mod, p1, "mixed"), (off, p1, "agree"), (b, p3, "agree")):
        post(c, "/propositions/%d" % pid, "/propositions/%d/vote" % pid,
             {"choix": choice})
    arg = sql_value("SELECT min(id) FROM contributions WHERE kind = 'argument'")
    post(a, "/contributions/%s/signaler" % arg, "/contributions/%s/signaler" % arg,
         {"regle": "R1", "note": "Ce n'est pas un argument."})
    post(a, "/propositions/%d" % p1, "/arguments/%s/utile" % arg, {})
    st = sql("SELECT status, decision_version FROM contributions WHERE id = %d" % p3)[0]
    post(mod, "/moderation/%d" % p3, "/moderation/%d" % p3,
         {"decision": "hide", "regle": "R6", "note": "Doublon d'une autre proposition.",
          "statut_vu": st[0], "version": st[1]})
    post(off, "/propositions/%d/reponse" % p2, "/propositions/%d/reponse" % p2,
         {"action": "publier", "statut": "retenue", "reponse": "La Région **retient** cette proposition."})
    # An archive: the real Decidim export (small), read-only pages.
    r = harness.agora("import", "decidim", os.path.join(
        harness.ROOT, "..", "shared", "data", "decidim_grand_debat_mel_nancy_2019"))
    assert r.returncode == 0, r.stderr
    ids += seed_moderation(who, ids)
    who["felix"] = people_seed()
    opendata_seed()
    return who, ids


def token(key):
    """A well-formed link token (43 characters) and its stored hash."""
    t = (hashlib.sha256(("jeton " + key).encode()).hexdigest() + "A" * 43)[:43]
    return t, hashlib.sha256(t.encode()).hexdigest()


def people_seed():
    """The people room's own content, added last so that no id above moves:
    an account not yet verified (with its link), links sent by e-mail in
    each state, and enough accounts for a second page of /admin/roles."""
    felix = person("felix", "Félix Morel", ("citizen",), "36")
    fid = sql_value("SELECT id FROM users WHERE email = 'felix@exemple.fr'")
    bid = sql_value("SELECT id FROM users WHERE email = 'bruno@exemple.fr'")
    sql("UPDATE users SET verified_at = NULL WHERE id = %s" % fid)
    for key, kind, uid, expires, used in (
            ("verify", "verify", fid, "now() + interval '1 day'", "NULL"),
            ("verify-used", "verify", fid, "now() + interval '1 day'", "now()"),
            ("reset", "reset", bid, "now() + interval '1 hour'", "NULL"),
            ("reset-used", "reset", bid, "now() + interval '1 hour'", "now()"),
            ("reset-expired", "reset", bid, "now() - interval '1 hour'", "NULL")):
        sql("INSERT INTO account_tokens (kind, user_id, token_hash, expires_at, used_at)"
            " VALUES ('%s', %s, '%s', %s, %s)" % (kind, uid, token(key)[1], expires, used))
    sql("INSERT INTO users (email, display_name, territory_code, privacy_accepted_at,"
        " verified_at, created_at) SELECT 'membre' || i || '@exemple.fr', 'Membre ' || i,"
        " '45', now() - interval '20 days', now() - interval '20 days',"
        " now() - interval '20 days' FROM generate_series(1, 50) AS i")
    sql("INSERT INTO user_roles (user_id, role) SELECT id, 'citizen' FROM users"
        " WHERE email LIKE 'membre%@exemple.fr'")
    return felix


def opendata_seed():
    """The open-data room's own content, added last so that no id above
    moves: an archive whose source split its tallies (République
    numérique), so that its report shows the split vote tables."""
    r = harness.agora("import", "republique-numerique", os.path.join(
        harness.ROOT, "..", "shared", "data", "republique_numerique_2015"))
    assert r.returncode == 0, r.stderr


def opendata_pages():
    """Reports, the API and the files as the open-data room serves them:
    every refusal of the API, a cursor page, the themes' files, archives'
    reports (split tallies, supports, a redirect), the moderation log's
    files."""
    anon = Client()
    mid = sql_value("SELECT id FROM contributions WHERE is_public"
                    " ORDER BY id OFFSET 30 LIMIT 1")
    rn = sql_value("SELECT t.slug FROM themes t JOIN consultations c ON"
                   " c.id = t.consultation_id WHERE c.slug = 'republique-numerique-2015'"
                   " ORDER BY t.position LIMIT 1")
    return [("donnees-anonyme", anon, [
        "/rapports/inconnu", "/rapports/Pas_Un_Slug", "/api/v1/rapports/territoires",
        "/api/v1/rapports/inconnu", "/api/v1/rapports/Pas_Un_Slug",
        "/api/v1/contributions?page=2", "/api/v1/contributions?apres=%s" % mid,
        "/api/v1/contributions?apres=999999999", "/api/v1/contributions?page=999",
        "/api/v1/contributions?type=proposition",
        "/api/v1/contributions?theme=ethique&type=commentaire",
        "/api/v1/contributions?theme=ethique&page=1&type=",
        "/api/v1/contributions?theme=inconnu", "/api/v1/contributions?theme=Pas_Un_Slug",
        "/api/v1/contributions?type=vote", "/api/v1/contributions?page=0",
        "/api/v1/contributions?page=abc", "/api/v1/contributions?page=2001",
        "/api/v1/contributions?page=2&apres=5", "/api/v1/contributions?apres=abc",
        "/export/themes/ethique.json", "/export/themes/territoires.csv",
        "/export/themes/inconnu.csv", "/export/themes/ethique.txt",
        "/export/themes/ethique", "/export/themes/Pas_Un_Slug.csv",
        "/export/journal-moderation.json", "/export/journal-moderation/tete.json",
        "/export/journal-moderation/cle-publique.pem",
        "/consultations/grand-debat-2019/rapports/",
        "/consultations/Pas_Un_Slug/rapports/",
        "/consultations/grand-debat-2019/rapports/inconnu",
        "/consultations/strategie-numerique/rapports/ethique",
        "/consultations/republique-numerique-2015/rapports/" + rn,
        "/consultations/republique-numerique-2015/themes/" + rn])]


def opendata_states():
    """The reports' analyses as a big theme shows them (report_config's
    live limit lowered, then put back): computed by refresh-reports, then
    stale after a new contribution; never computed. (name, client, path,
    response), taken in that order."""
    anon = Client()
    limit = sql_value("SELECT live_limit FROM report_config")
    sql("UPDATE report_config SET live_limit = 0")
    shots = [("rapport-jamais-calcule", anon, "/rapports/ethique"),
             ("api-rapport-jamais-calcule", anon, "/api/v1/rapports/ethique")]
    out = [(n, c, p, c.get(p)) for n, c, p in shots]
    r = harness.agora("refresh-reports", "--all")
    assert r.returncode == 0, r.stderr
    shots = [("rapport-en-cache", anon, "/rapports/ethique"),
             ("api-rapport-en-cache", anon, "/api/v1/rapports/ethique")]
    out += [(n, c, p, c.get(p)) for n, c, p in shots]
    sql("UPDATE report_themes SET changed_at = now() + interval '1 minute'")
    shots = [("rapport-a-actualiser", anon, "/rapports/ethique"),
             ("api-rapport-a-actualiser", anon, "/api/v1/rapports/ethique"),
             ("rapports", anon, "/rapports/")]
    out += [(n, c, p, c.get(p)) for n, c, p in shots]
    sql("UPDATE report_config SET live_limit = %s" % limit)
    return out


def seed_moderation(who, ids):
    """What the moderation pages show besides the seed above: a queue of 23
    (a probable duplicate, a contribution flagged past the threshold, 21
    held while the primary consultation was moderated a priori: two pages),
    an edited proposal (its earlier version), a mode switched and back in
    the log, then a signed head. No item that waited is decided: the
    transparency page's median waits would change from run to run."""
    a, b, off, adm = who["alice"], who["bruno"], who["david"], who["emma"]
    p1, p2, p3, p4 = ids
    arg = sql_value("SELECT min(id) FROM contributions WHERE kind = 'argument'")
    for c in (who["chloe"], off):
        post(c, "/contributions/%s/signaler" % arg, "/contributions/%s/signaler" % arg,
             {"regle": "R2", "note": "Hors sujet."})
    post(a, "/propositions/%d/modifier" % p1, "/propositions/%d/modifier" % p1,
         {"titre": "Un registre public des algorithmes de la Région",
          "texte": "Publier la liste des **traitements automatisés** utilisés par"
          " la Région, avec leur finalité, leurs données et leur responsable.",
          "territoire": "37", "lien": "https://www.example.org/registre"})
    post(a, "/themes/ethique/proposer", "/themes/ethique/proposer",
         {"titre": "Former les agents, encore", "texte": "Chaque agent qui traite"
          " des données personnelles suit une formation d'une journée, renouvelée"
          " tous les trois ans.", "territoire": "37", "lien": "", "action": "publish"})
    dup = int(sql_value("SELECT max(id) FROM contributions"))
    primary = sql_value("SELECT id FROM consultations WHERE is_primary")
    post(adm, "/admin/consultation", "/admin/consultation",
         {"consultation": primary, "mode": "a_priori"})
    for i in range(21):
        post(b, "/themes/territoires/proposer", "/themes/territoires/proposer",
             {"titre": "En attente %02d" % i, "texte": "Texte %02d : %s" % (
                 i, hashlib.sha256(b"attente %d" % i).hexdigest()),
              "territoire": "45", "lien": "", "action": "publish"})
    held = int(sql_value("SELECT min(id) FROM contributions WHERE title = 'En attente 00'"))
    post(adm, "/admin/consultation", "/admin/consultation",
         {"consultation": primary, "mode": "a_posteriori"})
    r = harness.agora("sign-log")
    assert r.returncode == 0, r.stdout + r.stderr
    return [dup, held]


def pages(who, ids):
    p1, p2, p3, p4, dup, held = ids
    anon = Client()
    arg = sql_value("SELECT min(id) FROM contributions WHERE kind = 'argument'")
    public = ["/", "/themes/ethique", "/themes/ethique?tri=votes",
              "/themes/ethique?tri=accord", "/themes/ethique?tri=debat",
              "/themes/ethique?q=donn%C3%A9es", "/themes/ethique?territoire=37",
              "/themes/territoires", "/propositions/%d" % p1, "/propositions/%d" % p2,
              "/propositions/%d" % p3, "/rapports/", "/rapports/ethique",
              "/rapports/territoires", "/api/v1/themes", "/api/v1/contributions",
              "/api/v1/contributions?theme=ethique&type=argument",
              "/api/v1/rapports/ethique", "/export/", "/export/contributions.csv",
              "/export/contributions.json", "/export/themes/ethique.csv",
              "/moderation/transparence", "/charte", "/confidentialite",
              "/accessibilite", "/connexion", "/inscription", "/mot-de-passe-oublie",
              "/themes/inconnu", "/propositions/999999", "/healthz",
              "/consultations/", "/consultations/grand-debat-2019",
              "/export/journal-moderation.json",
              "/export/journal-moderation/tete.json",
              "/export/journal-moderation/cle-publique.pem"]
    theme = sql_value("SELECT t.slug FROM themes t JOIN consultations c ON"
                      " c.id = t.consultation_id WHERE c.slug = 'grand-debat-2019'"
                      " ORDER BY t.position LIMIT 1")
    debate = sql_value("SELECT min(p.id) FROM contributions p JOIN consultations c"
                       " ON c.id = p.consultation_id WHERE c.slug = 'grand-debat-2019'"
                       " AND p.kind = 'proposal' AND p.replies > 3")
    public += ["/consultations/grand-debat-2019/themes/" + theme,
               "/consultations/grand-debat-2019/themes/%s?tri=votes" % theme,
               "/consultations/grand-debat-2019/rapports/" + theme,
               "/propositions/%s" % debate]
    views = [("anonyme", anon, public)]
    views.append(("alice", who["alice"], [
        "/propositions/%d" % p1, "/propositions/%d" % p3,
        "/propositions/%d/modifier" % p1, "/themes/ethique/proposer", "/compte/",
        "/compte/notifications", "/compte/suppression", "/compte/mot-de-passe",
        "/compte/adresse", "/contributions/%s/signaler" % arg,
        "/themes/ethique?tri=hasard", "/contributions/%d/signaler" % p1,
        "/contributions/%d/signaler" % p3]))
    views.append(("bruno", who["bruno"], ["/compte/notifications",
                                          "/contributions/%d/signaler" % p1]))
    views.append(("chloe", who["chloe"], [
        "/moderation/", "/moderation/%d" % p3, "/moderation/%s" % arg,
        "/moderation/?page=2", "/moderation/?motif=signalement",
        "/moderation/?motif=doublon", "/moderation/?statut=published",
        "/moderation/?theme=territoires&motif=attente&statut=pending&page=2",
        "/moderation/?theme=inconnu&motif=x&statut=y&page=z",
        "/moderation/%d" % dup, "/moderation/%d" % held, "/moderation/%d" % p1,
        "/moderation/999999", "/moderation/abc", "/contributions/%d/signaler" % p1]))
    views.append(("david", who["david"], ["/propositions/%d/reponse" % p1,
                                          "/propositions/%d/reponse" % p2,
                                          "/propositions/%d" % p2]))
    views.append(("emma", who["emma"], ["/admin/roles", "/admin/consultation",
                                        "/admin/roles?q=bruno"]))
    views += people_pages(who)
    views += opendata_pages()
    return views


def people_pages(who):
    """The people room's pages: links sent by e-mail in each state, the
    account pages of a signed-in and of an unverified person, the roles
    list searched and paged."""
    anon = Client()
    links = ["/compte", "/compte/", "/verification", "/verification?jeton=mauvais",
             "/verification?jeton=" + token("verify-used")[0],
             "/reinitialisation", "/reinitialisation?jeton=" + token("reset")[0],
             "/reinitialisation?jeton=" + token("reset-used")[0],
             "/reinitialisation?jeton=" + token("reset-expired")[0],
             "/connexion?retour=/compte/", "/connexion?retour=//ailleurs.example"]
    return [
        ("personnes-anonyme", anon, links),
        ("personnes-alice", who["alice"], ["/compte", "/compte/donnees.json",
                                           "/connexion", "/inscription"]),
        ("personnes-felix", who["felix"], ["/", "/compte/"]),
        ("personnes-emma", who["emma"], [
            "/admin/roles?page=2", "/admin/roles?page=3", "/admin/roles?q=zzz",
            "/admin/roles?q=MEMBRE%201&page=1", "/admin/roles?q=%C3%A9",
            "/admin/roles?page=abc", "/compte/"]),
    ]


def forms(who):
    """What the people room's forms answer, refusals first: (name, client,
    form page, action, fields), in the order they are sent; an action of
    None GETs the page instead (a link followed between two forms)."""
    anon, alice, emma, felix = Client(), who["alice"], who["emma"], who["felix"]
    reset = "/reinitialisation?jeton=" + token("reset")[0]
    pw = "une phrase de passe assez longue"
    return [
        ("inscription-vide", anon, "/inscription", "/inscription", {}),
        ("inscription-erreurs", anon, "/inscription", "/inscription",
         {"nom": "Z", "courriel": "pas-une-adresse", "mot_de_passe": "court",
          "departement": "99"}),
        ("inscription-mot-de-passe-nom", anon, "/inscription", "/inscription",
         {"nom": "Gaspard Lenoir", "courriel": "gaspard@exemple.fr",
          "mot_de_passe": "gaspard lenoir 2026", "departement": "37",
          "consentement": "1"}),
        ("inscription-doublon", anon, "/inscription", "/inscription",
         {"nom": "Alice Bis", "courriel": "Alice+bis@Exemple.fr",
          "mot_de_passe": pw, "departement": "37", "consentement": "1"}),
        ("inscription", anon, "/inscription", "/inscription",
         {"nom": "Gaspard Lenoir", "courriel": "gaspard@exemple.fr",
          "mot_de_passe": pw, "departement": "37", "consentement": "1"}),
        ("connexion-vide", anon, "/connexion", "/connexion", {}),
        ("connexion-echec", anon, "/connexion", "/connexion",
         {"courriel": "gaspard@exemple.fr", "mot_de_passe": "pas le bon mot"}),
        ("connexion-inconnu", anon, "/connexion", "/connexion",
         {"courriel": "personne@exemple.fr", "mot_de_passe": pw}),
        ("connexion", anon, "/connexion", "/connexion",
         {"courriel": "gaspard@exemple.fr", "mot_de_passe": pw,
          "retour": "/compte/"}),
        ("connexion-deja", anon, "/compte/", "/connexion",
         {"courriel": "gaspard@exemple.fr", "mot_de_passe": pw}),
        ("deconnexion", anon, "/compte/", "/deconnexion", {}),
        ("oubli-erreur", anon, "/mot-de-passe-oublie", "/mot-de-passe-oublie",
         {"courriel": "pas une adresse"}),
        ("oubli-inconnu", anon, "/mot-de-passe-oublie", "/mot-de-passe-oublie",
         {"courriel": "personne@exemple.fr"}),
        ("oubli", anon, "/mot-de-passe-oublie", "/mot-de-passe-oublie",
         {"courriel": "bruno@exemple.fr"}),
        ("reinitialisation-court", anon, reset, "/reinitialisation",
         {"jeton": token("reset")[0], "nouveau": "court"}),
        ("reinitialisation-nom", anon, reset, "/reinitialisation",
         {"jeton": token("reset")[0], "nouveau": "bruno petit de loire"}),
        ("reinitialisation-mauvais-jeton", anon, reset, "/reinitialisation",
         {"jeton": "mauvais", "nouveau": pw}),
        ("reinitialisation-jeton-use", anon, reset, "/reinitialisation",
         {"jeton": token("reset-used")[0], "nouveau": pw}),
        ("reinitialisation", anon, reset, "/reinitialisation",
         {"jeton": token("reset")[0], "nouveau": pw}),
        ("mot-de-passe-vide", alice, "/compte/mot-de-passe", "/compte/mot-de-passe",
         {}),
        ("mot-de-passe-court", alice, "/compte/mot-de-passe", "/compte/mot-de-passe",
         {"actuel": "quelque chose", "nouveau": "court"}),
        ("mot-de-passe-faux", alice, "/compte/mot-de-passe", "/compte/mot-de-passe",
         {"actuel": "pas le bon mot", "nouveau": pw}),
        ("adresse-vide", alice, "/compte/adresse", "/compte/adresse", {}),
        ("adresse-meme", alice, "/compte/adresse", "/compte/adresse",
         {"courriel": "ALICE@exemple.fr", "mot_de_passe": "x"}),
        ("adresse-prise", alice, "/compte/adresse", "/compte/adresse",
         {"courriel": "bruno+x@exemple.fr", "mot_de_passe": "x"}),
        ("adresse-mot-de-passe-faux", alice, "/compte/adresse", "/compte/adresse",
         {"courriel": "alice.nouvelle@exemple.fr", "mot_de_passe": "pas le bon"}),
        ("suppression-vide", alice, "/compte/suppression", "/compte/suppression", {}),
        ("suppression-faux", alice, "/compte/suppression", "/compte/suppression",
         {"mot_de_passe_actuel": "pas le bon mot"}),
        ("renvoi", felix, "/", "/verification/renvoi", {}),
        ("verification", felix, "/verification?jeton=" + token("verify")[0], None,
         None),
        ("verification-compte", felix, "/compte/", None, None),
        ("renvoi-deja", felix, "/", "/verification/renvoi", {}),
        ("renvoi-accueil", felix, "/", None, None),
        ("roles-mauvais", emma, "/admin/roles", "/admin/roles",
         {"utilisateur": "x", "role": "roi", "action": "couronner"}),
        ("roles-soi", emma, "/admin/roles", "/admin/roles",
         {"utilisateur": sql_value("SELECT id FROM users WHERE email = 'emma@exemple.fr'"),
          "role": "admin", "action": "retirer"}),
        ("roles-inconnu", emma, "/admin/roles", "/admin/roles",
         {"utilisateur": "999999", "role": "admin", "action": "accorder"}),
        ("roles-accorder", emma, "/admin/roles?q=bruno", "/admin/roles",
         {"utilisateur": sql_value("SELECT id FROM users WHERE email = 'bruno@exemple.fr'"),
          "role": "moderator", "action": "accorder", "q": "bruno", "page": "1"}),
        ("roles-inchange", emma, "/admin/roles", "/admin/roles",
         {"utilisateur": sql_value("SELECT id FROM users WHERE email = 'bruno@exemple.fr'"),
          "role": "moderator", "action": "accorder", "q": "é è", "page": "2"}),
        ("roles-retirer", emma, "/admin/roles", "/admin/roles",
         {"utilisateur": sql_value("SELECT id FROM users WHERE email = 'bruno@exemple.fr'"),
          "role": "moderator", "action": "retirer"}),
    ]


def refusals(who, ids):
    """Forms sent back with an error (nothing is written): view, client, the
    page the form is on, its action, the fields."""
    p1, p2, p3, p4, dup, held = ids
    arg = sql_value("SELECT min(id) FROM contributions WHERE kind = 'argument'")
    st = sql("SELECT status, decision_version FROM contributions WHERE id = %d" % dup)[0]
    item = "/moderation/%d" % dup
    flag = "/contributions/%d/signaler" % p1
    mod, b, adm = who["chloe"], who["bruno"], who["emma"]
    return [
        ("chloe", mod, item, item, {"decision": "hide", "regle": "", "note": "Sans règle",
                                    "statut_vu": st[0], "version": st[1]}),
        ("chloe", mod, item, item, {"decision": "inconnue", "regle": "R99", "note": "",
                                    "statut_vu": st[0], "version": st[1]}),
        ("chloe", mod, item, item, {"decision": "restore", "regle": "R1", "note": "Non",
                                    "statut_vu": st[0], "version": st[1]}),
        ("chloe", mod, item, item, {"decision": "publish", "regle": "", "note": "",
                                    "statut_vu": st[0], "version": str(int(st[1]) + 5)}),
        ("chloe", mod, item, item, {"decision": "publish", "regle": "", "note": ""}),
        ("chloe", mod, item, item, {"decision": "publish", "regle": "", "note": "x" * 1001,
                                    "statut_vu": st[0], "version": "abc"}),
        ("bruno", b, flag, flag, {"regle": "", "note": "Pas de règle"}),
        ("bruno", b, flag, flag, {"regle": "R1", "note": "x" * 501}),
        ("alice", who["alice"], "/contributions/%s/signaler" % arg,
         "/contributions/%s/signaler" % arg, {"regle": "R1", "note": ""}),
        ("emma", adm, "/admin/consultation", "/admin/consultation",
         {"consultation": "1", "mode": "a_peu_pres"}),
        ("emma", adm, "/admin/consultation", "/admin/consultation",
         {"consultation": "abc", "mode": "a_priori"}),
    ]


def name_of(path):
    return re.sub(r"[^A-Za-z0-9._-]", "_", path.strip("/") or "accueil")


def save(path, r):
    with open(path, "wb") as f:
        f.write(("%d %s\n" % (r.status, r.header("content-type") or "")).encode())
        if r.header("location"):
            f.write(("location: %s\n" % r.header("location")).encode())
        f.write(r.body)


def take(out):
    who, ids = seed()
    for view, client, paths in pages(who, ids):
        os.makedirs(os.path.join(out, view), exist_ok=True)
        for path in paths:
            save(os.path.join(out, view, name_of(path)), client.get(path))
    os.makedirs(os.path.join(out, "formulaires"), exist_ok=True)
    for i, (name, client, page, action, fields) in enumerate(forms(who)):
        r = client.get(page) if action is None else client.submit(page, action, fields)
        save(os.path.join(out, "formulaires", "%02d-%s" % (i, name)), r)
    for i, (view, client, page, action, fields) in enumerate(refusals(who, ids)):
        os.makedirs(os.path.join(out, view), exist_ok=True)
        r = client.submit(page, action, fields)
        save(os.path.join(out, view, "POST%02d_%s" % (i, name_of(action))), r)
    os.makedirs(os.path.join(out, "donnees-etats"), exist_ok=True)
    for i, (name, _, _, r) in enumerate(opendata_states()):
        save(os.path.join(out, "donnees-etats", "%02d-%s" % (i, name)), r)
    print("snapshot: %s" % out)


MASKS = [  # timestamps first: the clock mask would eat their middle
    # The moderation log's hashes cover each row's time.
    (re.compile(rb'"(empreinte|empreinte_precedente)":"[0-9a-f]{64}"'),
     rb'"\1":"HASH"'),
    (re.compile(rb'name="csrf" value="[^"]*"'), b'name="csrf" value="*"'),
    # Whole timestamps first, then clock times left in the text.
    (re.compile(rb"\d{4}-\d\d-\d\dT[0-9:.+Z-]+"), b"TIMESTAMP"),
    (re.compile(rb"\b\d{1,2}(:| h |h)\d{2}(:\d{2}(\.\d+)?)?\b"), b"HH:MM"),
    # The moderation log's hashes and the head's signature cover times.
    (re.compile(rb"\b[0-9a-f]{64}\b"), b"SHA256"),
    (re.compile(rb'"signature_ed25519": "[^"]*"'), b'"signature_ed25519": "*"'),
]


def masked(data):
    for pattern, repl in MASKS:
        data = pattern.sub(repl, data)
    return data


def compare(a, b):
    bad = 0
    for view in sorted(set(os.listdir(a)) | set(os.listdir(b))):
        names = set(os.listdir(os.path.join(a, view))) if os.path.isdir(os.path.join(a, view)) else set()
        names |= set(os.listdir(os.path.join(b, view))) if os.path.isdir(os.path.join(b, view)) else set()
        for n in sorted(names):
            pa, pb = os.path.join(a, view, n), os.path.join(b, view, n)
            if not (os.path.exists(pa) and os.path.exists(pb)):
                print("only in one snapshot: %s/%s" % (view, n))
                bad += 1
                continue
            da, db = masked(open(pa, "rb").read()), masked(open(pb, "rb").read())
            if da != db:
                bad += 1
                print("differs: %s/%s" % (view, n))
                diff = difflib.unified_diff(
                    da.decode("utf-8", "replace").splitlines(),
                    db.decode("utf-8", "replace").splitlines(), lineterm="", n=1)
                for line in list(diff)[:40]:
                    print("    " + line)
    print("%d page(s) differ" % bad)
    return 1 if bad else 0


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--compare":
        return compare(sys.argv[2], sys.argv[3])
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    r = harness.agora("migrate")
    if r.returncode != 0:
        print("snapshot: migrate failed:\n" + r.stdout + r.stderr)
        return 1
    kore = harness.Kore("snapshot").start()
    harness.MAIN = kore
    try:
        take(sys.argv[1])
    finally:
        kore.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
