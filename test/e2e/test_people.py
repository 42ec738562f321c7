# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""People: the agora user commands, /compte/ (my data, JSON export, account
deletion) and /admin/roles."""

import json
import re
import secrets

import fixtures
import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test

PASSWORD = "une phrase de passe assez longue"


def uniq(prefix):
    return "%s%s" % (prefix, secrets.token_hex(4))


def set_password(uid, password=PASSWORD):
    """Stores a real scrypt hash, made by `agora hash-password`."""
    r = harness.agora("hash-password", env={"AGORA_NEW_PASSWORD": password})
    eq(r.returncode, 0, r.stderr)
    h = r.stdout.strip()
    assert h.startswith("$scrypt$ln=10,"), h
    sql("UPDATE users SET password_hash = '%s' WHERE id = %d" % (h, uid))


def proposal(uid, title, body="Texte de la proposition.", status="published",
             theme="ethique"):
    """A proposal made as the application makes it (fixtures.proposal);
    "pending": posted under a priori moderation."""
    assert status in ("published", "pending"), status
    return fixtures.proposal(uid, title, body, slug=theme, pending=status == "pending")


def argument(uid, prop, body, position="pour"):
    return fixtures.argument(uid, prop, position, body)


def vote(uid, prop, choice="agree"):
    sql("INSERT INTO votes (user_id, contribution_id, choice) VALUES (%d, %d, '%s')"
        % (uid, prop, choice))


def post_form(c, page, action, fields):
    return c.submit(page, action, fields)


# ---------------------------------------------------------------- CLI

@test
def cli_user_create_applies_the_account_rules():
    email = uniq("cli.") + "@exemple.fr"
    r = harness.agora("user", "create", "--email", email, "--name", "Dominique Cli",
                      "--territory", "45", "--role", "official", "--role", "admin",
                      "--verified", env={"AGORA_NEW_PASSWORD": PASSWORD})
    eq(r.returncode, 0, r.stderr)
    uid = int(r.stdout.strip())
    row = sql("SELECT display_name, territory_code, verified_at IS NOT NULL,"
              " password_hash FROM users WHERE id = %d" % uid)[0]
    eq(row[:3], ["Dominique Cli", "45", "t"])
    assert row[3].startswith("$scrypt$ln=10,r=8,p=1$"), "cost from the settings: " + row[3]
    eq(sql_value("SELECT string_agg(role, ',' ORDER BY role) FROM user_roles WHERE user_id = %d" % uid),
       "admin,official")
    eq(sql_value("SELECT count(*) FROM role_changes WHERE user_id = %d AND granted"
                 " AND by_user IS NULL" % uid), "2", "roles recorded as given by the CLI")

    # Password on standard input; citizen by default; not verified.
    email2 = uniq("stdin.") + "@exemple.fr"
    r = harness.agora("user", "create", "--email", email2, "--name", "Sacha Stdin",
                      input_text=PASSWORD + "\n")
    eq(r.returncode, 0, r.stderr)
    uid2 = int(r.stdout.strip())
    eq(sql_value("SELECT string_agg(role, ',') FROM user_roles WHERE user_id = %d" % uid2), "citizen")
    eq(sql_value("SELECT verified_at IS NULL AND territory_code IS NULL FROM users WHERE id = %d" % uid2), "t")

    bad = [
        (["--email", email.upper(), "--name", "Autre"], PASSWORD, "already uses"),
        (["--email", "pas-une-adresse", "--name", "Autre"], PASSWORD, "n'a pas la forme attendue"),
        (["--email", uniq("a") + "@exemple.fr", "--name", "A"], PASSWORD, "au moins 2 caractères"),
        (["--email", uniq("a") + "@exemple.fr", "--name", "Autre"], "trop court", "au moins 12 caractères"),
        (["--email", uniq("a") + "@exemple.fr", "--name", "Maxime Durand"], "maxime est ici 2026", "votre nom"),
        (["--email", "jdurand.blois@exemple.fr", "--name", "Autre"], "moi c'est jdurand.blois", "adresse électronique"),
        (["--email", uniq("a") + "@exemple.fr", "--name", "Autre", "--territory", "99"], PASSWORD, "unknown territory"),
        (["--email", uniq("a") + "@exemple.fr"], PASSWORD, "--name are required"),
    ]
    for args, pw, msg in bad:
        r = harness.agora("user", "create", *args, env={"AGORA_NEW_PASSWORD": pw})
        eq(r.returncode, 1, "%r: %s" % (args, r.stdout))
        contains(r.stderr, msg, repr(args))
    r = harness.agora("user", "create", "--email", uniq("a") + "@exemple.fr", "--name", "Autre",
                      "--role", "king", env={"AGORA_NEW_PASSWORD": PASSWORD})
    eq(r.returncode, 2, "unknown role")
    contains(r.stderr, 'unknown role "king"')
    eq(sql_value("SELECT count(*) FROM users WHERE lower(email) = lower('%s')" % email), "1",
       "no duplicate, whatever the case")


@test
def cli_user_role_grants_revokes_and_lists():
    uid = harness.make_user(name="Role Cli")
    email = sql_value("SELECT email FROM users WHERE id = %d" % uid)
    r = harness.agora("user", "role", email.upper(), "+moderator", "-citizen", "-official")
    eq(r.returncode, 0, r.stderr)
    eq(r.stdout.splitlines(), ["granted moderator", "revoked citizen", "unchanged official"])
    eq(sql_value("SELECT string_agg(role, ',') FROM user_roles WHERE user_id = %d" % uid), "moderator")
    eq(sql_value("SELECT string_agg(role || ':' || granted, ',' ORDER BY id) FROM role_changes"
                 " WHERE user_id = %d" % uid), "moderator:true,citizen:false")

    r = harness.agora("user", "list", "--role", "moderator")
    eq(r.returncode, 0, r.stderr)
    lines = [l.split("\t") for l in r.stdout.splitlines()]
    eq(lines[0], ["id", "email", "name", "roles", "verified", "created"])
    mine = [l for l in lines if l[0] == str(uid)]
    eq(len(mine), 1, "listed under its role")
    eq(mine[0][1:5], [email, "Role Cli", "moderator", "yes"])
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", mine[0][5]), mine[0][5]
    r = harness.agora("user", "list", "--role", "citizen")
    lacks(r.stdout, "\tRole Cli\t", "not a citizen any more")
    r = harness.agora("user", "list")
    contains(r.stdout, "\tRole Cli\t")

    r = harness.agora("user", "role", "personne@exemple.fr", "+admin")
    eq(r.returncode, 1)
    contains(r.stderr, "no account uses personne@exemple.fr")
    for spec in ["admin", "+king", "*admin"]:
        r = harness.agora("user", "role", email, spec)
        eq(r.returncode, 2, spec)
    eq(harness.agora("user", "list", "--role", "king").returncode, 2)
    eq(harness.agora("user").returncode, 2)


@test
def cli_routes_prints_the_table_the_dispatcher_enforces():
    r = harness.agora("routes")
    eq(r.returncode, 0, r.stderr)
    rows = [l.split("\t") for l in r.stdout.splitlines()]
    assert all(len(x) == 4 for x in rows), rows
    contains(r.stdout, "/admin/roles\tGET,POST\tadmin\tadmin_roles\n")
    contains(r.stdout, "/compte/\tGET\tuser,verified\taccount_show\n")
    contains(r.stdout, "/\tGET\tanon,user,verified\thome_show\n")


# ---------------------------------------------------------------- /compte/

@test
def account_pages_need_a_session():
    c = Client()
    for path in ["/compte/", "/compte", "/compte/donnees.json", "/compte/suppression"]:
        r = c.get(path)
        eq(r.status, 401, path)
        contains(r.visible_text(), "Connexion nécessaire", path)
        lacks(r.text, "Mon compte (", path)
    r = c.post("/compte/suppression", {"mot_de_passe_actuel": "x"})
    eq(r.status, 401, "anonymous POST")
    lacks(r.text, "<textarea", "a password is never shown back")


@test
def account_page_shows_what_is_held_and_my_contributions():
    c, uid = harness.signed_in(name="Émile <b>Zola</b>", territory="41")
    email = sql_value("SELECT email FROM users WHERE id = %d" % uid)
    sql("UPDATE users SET created_at = '2026-11-20 10:00+01' WHERE id = %d" % uid)
    other, oid = harness.signed_in(name="Autre Personne")
    p1 = proposal(uid, "Des bornes Wi-Fi <libres>", status="published")
    p2 = proposal(uid, "Proposition en attente", status="pending", theme="sante")
    po = proposal(oid, "La proposition d'une autre personne")
    a1 = argument(uid, po, "Je suis pour parce que " + "x" * 100, position="contre")
    vote(uid, po)
    vote(uid, p1, "mixed")

    eq(c.get("/compte").status, 303, "/compte -> /compte/")
    eq(c.get("/compte").header("location"), "/compte/")
    r = c.get("/compte/")
    eq(r.status, 200)
    t = r.visible_text()
    contains(r.text, "<h1>Mon compte</h1>")
    contains(t, "Nom affiché Émile <b>Zola</b>")
    lacks(r.text, "<b>Zola</b>", "escaped")
    contains(t, "Adresse électronique " + email)
    contains(t, "Département Loir-et-Cher")
    contains(t, "Rôles participation")
    contains(t, "Compte créé le 20 novembre 2026")
    contains(t, "Adresse confirmée le ")
    contains(t, "Politique de confidentialité acceptée le ")
    contains(r.text, 'href="/compte/mot-de-passe"')
    contains(r.text, 'href="/compte/adresse"')
    contains(r.text, 'href="/compte/donnees.json"')
    contains(r.text, 'href="/compte/suppression"')
    lacks(r.text, 'href="/admin/roles"', "not an admin")
    # The contributions, with a caption and column headers.
    contains(r.text, "<caption>Mes 3 contributions")
    contains(r.text, '<th scope="col">Statut</th>')
    contains(r.text, 'href="/propositions/%d">Des bornes Wi-Fi &lt;libres&gt;</a>' % p1)
    contains(r.text, 'href="/propositions/%d">Proposition en attente</a>' % p2)
    contains(t, "Proposition Des bornes Wi-Fi <libres> Le cadre éthique et les valeurs de notre démarche publiée")
    contains(t, "Proposition en attente Santé et numérique en attente de modération")
    contains(t, "Argument contre Je suis pour parce que " + "x" * 67)
    contains(t, "…")
    lacks(t, "x" * 100, "long bodies are cut")
    contains(r.text, 'sur <a href="/propositions/%d">La proposition d&#39;une autre personne</a>' % po)
    lacks(r.text, '<td>Proposition</td><td><a href="/propositions/%d"' % po, "not my proposal as a row")
    contains(t, "Vous avez donné votre avis sur 2 propositions.")
    eq(r.header("cache-control"), "private, no-store")

    # Someone else sees only their own.
    r = other.get("/compte/")
    contains(r.visible_text(), "Nom affiché Autre Personne")
    lacks(r.text, "Des bornes Wi-Fi")
    contains(r.text, "<caption>Mes 1 contribution,")
    contains(r.visible_text(), "Vous n'avez encore donné votre avis sur aucune proposition.")


@test
def account_page_of_a_new_unverified_account():
    c, uid = harness.signed_in(roles=(), verified=False, territory="HR")
    sql("UPDATE users SET privacy_accepted_at = NULL WHERE id = %d" % uid)
    r = c.get("/compte/")
    eq(r.status, 200, "unverified accounts see their account")
    t = r.visible_text()
    contains(t, "Adresse confirmée le pas encore confirmée")
    contains(t, "Politique de confidentialité acceptée le non enregistré")
    contains(t, "Rôles aucun")
    contains(t, "Département Hors région")
    contains(t, "Vous n'avez encore déposé aucune proposition")


@test
def my_data_download_is_complete_json():
    c, uid = harness.signed_in(name="Jeanne Export", roles=("citizen", "mediator"))
    other, oid = harness.signed_in(name="Quelqu'un d'autre")
    c.get("/")  # touches the session
    p = proposal(uid, "Ma proposition exportée", body="Le corps **complet** de ma proposition.")
    po = proposal(oid, "Proposition d'autrui", body="Texte d'autrui, pas à moi.")
    a = argument(uid, po, "Mon argument, en entier.")
    vote(uid, po, "disagree")
    sql("INSERT INTO outbox (user_id, recipient, subject, body, kind) SELECT id, email,"
        " 'Confirmez votre adresse', 'lien secret', 'verify' FROM users WHERE id = %d" % uid)
    sql("INSERT INTO outbox (user_id, recipient, subject, body, kind) SELECT id, email,"
        " 'Message pour autrui', 'x', 'verify' FROM users WHERE id = %d" % oid)
    sql("SELECT user_role_set(%d, 'moderator', true, NULL)" % uid)
    token_hash = sql_value("SELECT token_hash FROM sessions WHERE user_id = %d" % uid)

    r = c.get("/compte/donnees.json")
    eq(r.status, 200)
    eq(r.header("content-type"), "application/json; charset=utf-8")
    contains(r.header("content-disposition"), "attachment")
    contains(r.header("content-disposition"), 'filename="agora-mes-donnees.json"')
    eq(r.header("cache-control"), "private, no-store")
    d = json.loads(r.text)
    # For a person to read (issue 13, item 13): French keys, indented, real
    # accents (never \u escapes), the earlier versions of the texts.
    eq(d["format"], "agora-donnees-personnelles/2")
    contains(r.text, '{\n  "format": "agora-donnees-personnelles/2",\n  "extrait_le": ')
    contains(r.text, '"titre": "Ma proposition exportée"', "accents as they are")
    lacks(r.text, "\\u00", "no \\u escapes")
    acc = d["compte"]
    eq(acc["numero"], uid)
    eq(acc["nom_affiche"], "Jeanne Export")
    eq(acc["adresse_electronique"], sql_value("SELECT email FROM users WHERE id = %d" % uid))
    eq(acc["departement"], {"code": "37", "nom": "Indre-et-Loire"})
    assert acc["cree_le"] and acc["adresse_confirmee_le"] and acc["notice_acceptee_le"], acc
    assert "derniere_connexion_le" in acc and "averti_inactivite_le" in acc, acc
    eq(acc["mot_de_passe"], "aucun")
    eq(sorted(x["role"] for x in d["roles"]), ["citizen", "mediator", "moderator"])
    eq([(x["role"], x["accorde"], x["par_le_compte"]) for x in d["changements_de_roles"]],
       [("moderator", True, None)])
    eq(len(d["sessions"]), 1)
    eq(sorted(d["sessions"][0].keys()), ["fermee_le", "ouverte_le", "vue_le"])
    lacks(r.text, token_hash, "no token hash")
    lacks(r.text, "token", "no token of any kind")
    lacks(r.text, "scrypt", "no password hash")
    byid = {x["numero"]: x for x in d["contributions"]}
    eq(sorted(byid), sorted([p, a]))
    eq(byid[p]["titre"], "Ma proposition exportée")
    eq(byid[p]["texte"], "Le corps **complet** de ma proposition.")
    eq(byid[p]["theme"], "ethique")
    eq(byid[p]["statut"], "published")
    eq(byid[p]["versions_precedentes"], [])
    eq(byid[a]["type"], "argument")
    eq(byid[a]["position"], "pour")
    eq(byid[a]["proposition"], po)
    eq(byid[a]["texte"], "Mon argument, en entier.")
    eq([(v["proposition"], v["avis"], v["titre_de_la_proposition"]) for v in d["votes"]],
       [(po, "disagree", "Proposition d'autrui")])
    eq([m["objet"] for m in d["courriels"]], ["Confirmez votre adresse"])
    lacks(r.text, "lien secret", "message bodies hold links: not exported")
    lacks(r.text, "Texte d'autrui")
    lacks(r.text, "Message pour autrui")
    eq(d["contributions_saisies_pour_d_autres"], [])

    # An earlier text is part of my data.
    sql("INSERT INTO contribution_versions (contribution_id, version, title, body)"
        " VALUES (%d, 1, 'Mon premier titre à moi', 'Mon premier texte, réécrit depuis.')" % p)
    d = json.loads(c.get("/compte/donnees.json").text)
    eq([(v["version"], v["titre"], v["texte"]) for v in
        [x for x in d["contributions"] if x["numero"] == p][0]["versions_precedentes"]],
       [(1, "Mon premier titre à moi", "Mon premier texte, réécrit depuis.")])

    # With a password, the export says so without giving the hash.
    set_password(uid)
    d = json.loads(c.get("/compte/donnees.json").text)
    contains(d["compte"]["mot_de_passe"], "jamais exporté")


# ---------------------------------------------------------------- deletion

@test
def deletion_page_says_what_is_erased_and_kept():
    c, uid = harness.signed_in()
    r = c.get("/compte/suppression")
    eq(r.status, 200)
    t = r.visible_text()
    contains(r.text, "<h1>Supprimer mon compte</h1>")
    contains(t, "Ce qui est effacé")
    contains(t, "Ce qui est conservé")
    contains(t, "« Membre n°%d »" % uid)
    contains(t, "vos votes")
    contains(t, "votre département")
    contains(t, "les notes que vous avez jointes à vos signalements")
    contains(t, "une empreinte de votre adresse électronique")
    contains(t, "30 jours après la clôture de la consultation")
    contains(t, "au plus 35 jours")
    contains(r.text, '<label for="f-mot_de_passe_actuel">Mot de passe actuel</label>')
    contains(r.text, 'type="password" id="f-mot_de_passe_actuel" name="mot_de_passe_actuel"')
    contains(r.text, 'autocomplete="current-password"')
    contains(r.text, 'action="/compte/suppression"')
    r.csrf()


@test
def deletion_refuses_a_wrong_or_missing_password_and_bad_csrf():
    c, uid = harness.signed_in(name="Reste Là")
    set_password(uid)

    def intact():
        eq(sql_value("SELECT email IS NOT NULL AND deleted_at IS NULL AND display_name = 'Reste Là'"
                     " FROM users WHERE id = %d" % uid), "t", "nothing erased")
        eq(c.get("/compte/").status, 200, "still signed in")

    r = c.submit("/compte/suppression", "/compte/suppression",
                 {"mot_de_passe_actuel": "pas le bon mot de passe"})
    eq(r.status, 422, "wrong password")
    contains(r.visible_text(), "Mot de passe incorrect. Rien n'a été effacé.")
    contains(r.text, 'aria-invalid="true"')
    contains(r.text, "<title>Erreur : supprimer mon compte")
    lacks(r.text, "pas le bon mot de passe", "the password is never written back")
    intact()

    r = c.submit("/compte/suppression", "/compte/suppression", {"mot_de_passe_actuel": ""})
    eq(r.status, 422, "empty password")
    contains(r.visible_text(), "Saisissez votre mot de passe actuel")
    intact()

    # Surrounding spaces are part of a password: not trimmed.
    r = c.submit("/compte/suppression", "/compte/suppression",
                 {"mot_de_passe_actuel": " " + PASSWORD})
    eq(r.status, 422, "password with a leading space")
    intact()

    token = c.get("/compte/suppression").csrf()
    r = c.post("/compte/suppression", {"csrf": token,
                                       "mot_de_passe_actuel": b"\xff\xfe" + PASSWORD.encode()})
    eq(r.status, 422, "invalid UTF-8")
    contains(r.visible_text(), "Mot de passe incorrect.")
    intact()

    r = c.post("/compte/suppression", {"mot_de_passe_actuel": PASSWORD})
    eq(r.status, 403, "missing CSRF")
    contains(r.visible_text(), "Le formulaire a expiré")
    intact()
    r = c.post("/compte/suppression", {"mot_de_passe_actuel": PASSWORD, "csrf": "A" * 43})
    eq(r.status, 403, "forged CSRF")
    intact()
    # Another person's valid token does not work either.
    other, _ = harness.signed_in()
    token = other.get("/compte/suppression").csrf()
    r = c.post("/compte/suppression", {"mot_de_passe_actuel": PASSWORD, "csrf": token})
    eq(r.status, 403, "someone else's CSRF token")
    intact()

    # An account without a password (made in SQL) can never pass.
    c2, uid2 = harness.signed_in()
    r = c2.submit("/compte/suppression", "/compte/suppression", {"mot_de_passe_actuel": PASSWORD})
    eq(r.status, 422, "no password hash")
    eq(sql_value("SELECT deleted_at IS NULL FROM users WHERE id = %d" % uid2), "t")


@test
def deletion_erases_personal_data_and_keeps_contributions_and_votes():
    c, uid = harness.signed_in(name="Camille Partante", roles=("citizen", "moderator"),
                               territory="18")
    email = sql_value("SELECT email FROM users WHERE id = %d" % uid)
    set_password(uid)
    second = harness.login(Client(), uid)       # another device
    other, oid = harness.signed_in()
    p = proposal(uid, "Ma proposition qui reste")
    po = proposal(oid, "Proposition votée")
    a = argument(uid, po, "Mon argument qui reste")
    vote(uid, po, "agree")
    vote(oid, p, "disagree")
    sql("INSERT INTO outbox (user_id, recipient, subject, body, kind) VALUES"
        " (%d, '%s', 'Bienvenue', 'x', 'verify'), (NULL, '%s', 'Réinitialisation', 'x', 'reset')"
        % (uid, email, email.upper()))
    # A token table as a migration would make it: owned by the owner role,
    # which the erasure runs as (migration 0190, privileges.sql).
    sql("CREATE TABLE IF NOT EXISTS e2e_people_tokens (user_id bigint, token_hash text);"
        " ALTER TABLE e2e_people_tokens OWNER TO agora_owner;"
        " GRANT SELECT, DELETE ON e2e_people_tokens TO agora")
    sql("INSERT INTO e2e_people_tokens VALUES (%d, 'a'), (%d, 'b')" % (uid, oid))
    before = sql("SELECT votes_agree, votes_disagree FROM proposal_votes"
                 " WHERE contribution_id IN (%d, %d) ORDER BY contribution_id" % (p, po))
    try:
        r = c.submit("/compte/suppression", "/compte/suppression",
                     {"mot_de_passe_actuel": PASSWORD})
        eq(r.status, 200, "deleted")
        t = r.visible_text()
        contains(t, "Votre compte est supprimé")
        contains(t, "« Membre n°%d »" % uid)
        lacks(r.text, "Mon compte (", "signed out on this very page")
        assert "agora_sid" not in c.cookies, "session cookie cleared"

        row = sql("SELECT email IS NULL, password_hash IS NULL, display_name,"
                  " deleted_at IS NOT NULL, territory_code FROM users WHERE id = %d" % uid)[0]
        eq(row, ["t", "t", "Membre n°%d" % uid, "t", "18"])
        eq(sql_value("SELECT count(*) FROM sessions WHERE user_id = %d" % uid), "0")
        eq(sql_value("SELECT count(*) FROM user_roles WHERE user_id = %d" % uid), "0")
        eq(sql_value("SELECT count(*) FROM outbox WHERE user_id = %d OR lower(recipient) = lower('%s')"
                     % (uid, email)), "0", "messages erased")
        eq(sql("SELECT user_id FROM e2e_people_tokens"), [[str(oid)]], "only my tokens erased")
        # Kept: contributions (under the pseudonym) and votes, counts unchanged.
        eq(sql_value("SELECT count(*) FROM contributions WHERE author_id = %d AND id IN (%d, %d)"
                     % (uid, p, a)), "2")
        eq(sql_value("SELECT u.display_name FROM contributions c JOIN users u ON u.id = c.author_id"
                     " WHERE c.id = %d" % p), "Membre n°%d" % uid)
        eq(sql_value("SELECT choice FROM votes WHERE user_id = %d AND contribution_id = %d" % (uid, po)),
           "agree")
        eq(sql("SELECT votes_agree, votes_disagree FROM proposal_votes"
               " WHERE contribution_id IN (%d, %d) ORDER BY contribution_id" % (p, po)), before)
        lacks(sql_value("SELECT count(*)::text FROM users WHERE email = '%s'" % email), "1")

        # Every session is over, on every device.
        for client in (c, second):
            eq(client.get("/compte/").status, 401, "signed out everywhere")
        # The address is free again.
        r = harness.agora("user", "create", "--email", email, "--name", "Camille Revient",
                          env={"AGORA_NEW_PASSWORD": PASSWORD})
        eq(r.returncode, 0, r.stderr)
    finally:
        sql("DROP TABLE IF EXISTS e2e_people_tokens")


# ---------------------------------------------------------------- /admin/roles

@test
def admin_roles_is_for_administrators_only():
    # Without a session, signing in may be all it takes: 401 and a link.
    eq(Client().get("/admin/roles").status, 401, "anonymous: sign in first")
    contains(Client().get("/admin/roles").visible_text(), "Connexion nécessaire")
    for roles in [("citizen",), ("moderator", "official", "mediator"), ()]:
        c, _ = harness.signed_in(roles=roles)
        r = c.get("/admin/roles")
        eq(r.status, 403, repr(roles))
        contains(r.visible_text(), "Accès refusé")
        token = c.get("/compte/").csrf()
        target = harness.make_user()
        r = c.post("/admin/roles", {"csrf": token, "utilisateur": str(target),
                                    "role": "admin", "action": "accorder"})
        eq(r.status, 403, "POST by " + repr(roles))
        eq(sql_value("SELECT count(*) FROM user_roles WHERE user_id = %d AND role = 'admin'"
                     % target), "0", "nothing granted")


@test
def admin_searches_and_pages_through_accounts():
    admin, aid = harness.signed_in(roles=("admin",), name="Adèle Admin")
    contains(admin.get("/compte/").text, 'href="/admin/roles"', "admins find the page")
    tag = uniq("pagin")
    sql("INSERT INTO users (email, display_name, verified_at)"
        " SELECT '%s' || i || '@exemple.fr', 'Hélène %s ' || i, CASE WHEN i %% 2 = 0 THEN now() END"
        " FROM generate_series(1, 55) i" % (tag, tag))
    r = admin.get("/admin/roles?q=" + tag)
    eq(r.status, 200)
    contains(r.text, "<h1>Rôles des comptes</h1>")
    contains(r.text, "<caption>55 comptes correspondant à « %s », page 1 sur 2</caption>" % tag)
    contains(r.text, '<th scope="col">Adresse électronique</th>')
    contains(r.text, '<th scope="row">Hélène %s 1</th>' % tag)
    eq(r.text.count('<th scope="row">'), 50, "50 a page")
    contains(r.text, 'href="/admin/roles?q=%s&amp;page=2">Page suivante</a>' % tag)
    contains(r.text, 'value="%s"' % tag, "search box keeps the text")
    r2 = admin.get("/admin/roles?q=%s&page=2" % tag)
    eq(r2.text.count('<th scope="row">'), 5)
    contains(r2.text, "page 2 sur 2")
    contains(r2.text, "Page précédente")
    lacks(r2.text, "Page suivante")
    # By name, ignoring case and accents; by a piece of the address.
    r = admin.get("/admin/roles?q=" + harness.quote("HELENE %s 17" % tag))
    contains(r.text, "<caption>1 compte correspondant")
    contains(r.text, "%s17@exemple.fr" % tag)
    r = admin.get("/admin/roles?q=" + harness.quote("%s3@EXEMPLE" % tag))
    contains(r.text, "<caption>1 compte correspondant")
    r = admin.get("/admin/roles?q=" + harness.quote("<nobody>%s" % tag))
    eq(r.status, 200)
    contains(r.visible_text(), "Aucun compte ne correspond à « <nobody>%s »" % tag)
    lacks(r.text, "<nobody>")
    eq(admin.get("/admin/roles?q=%FF").status, 200, "invalid UTF-8 search is ignored")
    eq(admin.get("/admin/roles?page=abc").status, 200)
    # Each row has a labelled role form.
    m = re.search(r'<label class="visually-hidden" for="role-(\d+)">Rôle de Hélène', r2.text)
    assert m, "labelled select"
    contains(r2.text, '<select name="role" id="role-%s">' % m.group(1))


@test
def admin_grants_and_revokes_roles_and_every_change_is_recorded():
    admin, aid = harness.signed_in(roles=("admin",))
    target_c, target = harness.signed_in(name="Future Modératrice")
    email = sql_value("SELECT email FROM users WHERE id = %d" % target)
    page = "/admin/roles?q=" + harness.quote(email)
    eq(target_c.get("/admin/roles").status, 403, "not yet an admin")

    r = admin.submit(page, "/admin/roles", {"utilisateur": str(target), "role": "admin",
                                            "action": "accorder", "q": email, "page": "1"})
    eq(r.status, 303, "granted")
    eq(r.header("location"), "/admin/roles?q=%s#compte-%d" % (harness.quote(email), target))
    r = admin.get(r.header("location").split("#")[0])   # a browser keeps the fragment
    contains(r.visible_text(), "Le rôle a été accordé.")
    contains(r.visible_text(), "participation, administration", r.visible_text())
    eq(target_c.get("/admin/roles").status, 200, "the new admin gets in at once")

    r = admin.submit(page, "/admin/roles", {"utilisateur": str(target), "role": "admin",
                                            "action": "accorder"})
    eq(r.status, 303)
    contains(admin.get("/").visible_text(), "Aucun changement")

    r = admin.submit(page, "/admin/roles", {"utilisateur": str(target), "role": "admin",
                                            "action": "retirer"})
    eq(r.status, 303)
    eq(r.header("location"), "/admin/roles#compte-%d" % target)
    contains(admin.get("/").visible_text(), "Le rôle a été retiré.")
    eq(target_c.get("/admin/roles").status, 403, "revoked at once")

    rows = sql("SELECT role, granted, by_user FROM role_changes WHERE user_id = %d ORDER BY id" % target)
    eq(rows, [["admin", "t", str(aid)], ["admin", "f", str(aid)]], "two changes, not three")
    eq(sql_value("SELECT count(*) FROM user_roles WHERE user_id = %d AND role = 'citizen'"
                 " AND granted_by IS NULL" % target), "1", "citizen untouched")


@test
def admin_cannot_remove_their_own_admin_role_and_bad_posts_are_refused():
    admin, aid = harness.signed_in(roles=("admin", "citizen"))
    page = "/admin/roles"
    r = admin.submit(page, "/admin/roles", {"utilisateur": str(aid), "role": "admin",
                                            "action": "retirer"})
    eq(r.status, 409, "self-demotion")
    contains(r.visible_text(), "Vous ne pouvez pas retirer votre propre rôle d'administration")
    eq(sql_value("SELECT count(*) FROM user_roles WHERE user_id = %d AND role = 'admin'" % aid), "1")
    eq(sql_value("SELECT count(*) FROM role_changes WHERE user_id = %d" % aid), "0")
    # Other roles of one's own are fine.
    r = admin.submit(page, "/admin/roles", {"utilisateur": str(aid), "role": "citizen",
                                            "action": "retirer"})
    eq(r.status, 303)

    target = harness.make_user()
    fields = {"utilisateur": str(target), "role": "moderator", "action": "accorder"}
    r = admin.post("/admin/roles", fields)
    eq(r.status, 403, "missing CSRF")
    r = admin.post("/admin/roles", dict(fields, csrf="A" * 43))
    eq(r.status, 403, "forged CSRF")
    contains(r.visible_text(), "rien n'a été enregistré")
    for bad in [{"role": "king"}, {"action": "supprimer"}, {"utilisateur": "abc"},
                {"utilisateur": ""}, {"role": ""}]:
        r = admin.submit(page, "/admin/roles", dict(fields, **bad))
        eq(r.status, 400, repr(bad))
        contains(r.visible_text(), "Choisissez un compte, un rôle")
    r = admin.submit(page, "/admin/roles", dict(fields, utilisateur="999999999"))
    eq(r.status, 404, "unknown account")
    eq(sql_value("SELECT count(*) FROM user_roles WHERE user_id = %d AND role = 'moderator'"
                 % target), "0", "nothing granted by bad posts")


@test
def roles_are_never_granted_to_an_unconfirmed_address():
    # Issue 14, item 7: a mistyped or someone else's address must not hold
    # moderator or admin powers before its owner has confirmed it.
    admin, aid = harness.signed_in(roles=("admin", "citizen"))
    target = harness.make_user(name="Pas Confirmée")
    sql("UPDATE users SET verified_at = NULL WHERE id = %d" % target)
    email = sql_value("SELECT email FROM users WHERE id = %d" % target)
    page = "/admin/roles?q=" + harness.quote(email)
    for role in ["moderator", "admin", "mediator", "official"]:
        r = admin.submit(page, "/admin/roles", {"utilisateur": str(target), "role": role,
                                                "action": "accorder"})
        eq(r.status, 409, role)
        contains(r.visible_text(), "Ce compte n'a pas encore confirmé son adresse")
        contains(r.visible_text(), "Rien n'a changé")
    r = harness.agora("user", "role", email, "+moderator")
    eq(r.returncode, 1, r.stdout)
    contains(r.stderr, "has not confirmed its address: moderator not granted")
    eq(sql_value("SELECT count(*) FROM user_roles WHERE user_id = %d AND role <> 'citizen'"
                 % target), "0", "nothing granted")
    eq(sql_value("SELECT count(*) FROM role_changes WHERE user_id = %d" % target), "0")
    # Citizen (what sign-up gives) and revoking stay possible; once the
    # address is confirmed the grant goes through.
    r = admin.submit(page, "/admin/roles", {"utilisateur": str(target), "role": "citizen",
                                            "action": "retirer"})
    eq(r.status, 303)
    sql("UPDATE users SET verified_at = now() WHERE id = %d" % target)
    r = admin.submit(page, "/admin/roles", {"utilisateur": str(target), "role": "moderator",
                                            "action": "accorder"})
    eq(r.status, 303)
    eq(sql_value("SELECT count(*) FROM user_roles WHERE user_id = %d AND role = 'moderator'"
                 % target), "1")


@test
def people_pages_load_nothing_from_elsewhere():
    admin, _ = harness.signed_in(roles=("admin",))
    for path in ["/compte/", "/compte/suppression", "/admin/roles"]:
        r = admin.get(path)
        eq(r.status, 200, path)
        lacks(r.text, "<script", path)
        lacks(r.text, "style=", path)
        lacks(r.text, 'src="http', path)
        lacks(r.text, 'href="http', path)
        contains(r.header("content-security-policy") or "", "default-src 'none'", path)
        eq(r.text.count("<h1"), 1, path)


@test
def the_last_administrator_cannot_delete_their_account():
    c, uid = harness.signed_in(roles=("admin",), name="Dernière Admin")
    set_password(uid)
    others = [r[0] for r in sql("SELECT user_id FROM user_roles WHERE role = 'admin'"
                                " AND user_id <> %d" % uid)]
    sql("DELETE FROM user_roles WHERE role = 'admin' AND user_id <> %d" % uid)
    try:
        r = c.submit("/compte/suppression", "/compte/suppression",
                     {"mot_de_passe_actuel": PASSWORD})
        eq(r.status, 409, "last admin")
        contains(r.visible_text(), "Personne d'autre n'a le rôle d'administration")
        eq(sql_value("SELECT email IS NOT NULL AND deleted_at IS NULL FROM users WHERE id = %d"
                     % uid), "t", "nothing erased")
        # With a second administrator, the first may go.
        second = harness.make_user(roles=("admin",))
        r = c.submit("/compte/suppression", "/compte/suppression",
                     {"mot_de_passe_actuel": PASSWORD})
        eq(r.status, 200, "another admin exists")
        eq(sql_value("SELECT deleted_at IS NOT NULL FROM users WHERE id = %d" % uid), "t")
    finally:
        for o in others:
            sql("INSERT INTO user_roles (user_id, role) VALUES (%s, 'admin')"
                " ON CONFLICT DO NOTHING" % o)
