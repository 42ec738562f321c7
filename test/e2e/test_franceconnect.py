# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""FranceConnect (issue 17, second part), end to end over HTTP against
PostgreSQL and the real OpenID provider make test starts (Debian's
glewlwyd, test/oidc/): the button, sign-up with the first-time form,
sign-in of a linked account, linking from /compte/, unlinking, sign-out
through the provider's end-session endpoint, one verified person one vote
across two accounts and across an EPN entry, and the refusals (replayed
state, provider down or silent, a missing pivot claim, a foreign state).

The main kore has no provider configured; each test runs against a kore
on the same port (the redirect URI the provider knows) with the oidc_*
settings of var/oidc/credentials.json, then the main one comes back."""

import json
import os
import re
import socket
import sys
import threading
import urllib.parse

import fixtures
import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test
from participation_lib import post_argument, vote, word

sys.path.insert(0, os.path.join(harness.ROOT, "test", "oidc"))
import login as oidc_login  # noqa: E402

CREDENTIALS = os.path.join(harness.ROOT, "var", "oidc", "credentials.json")
BASE = "http://127.0.0.1:%d" % harness.PORT
# Camille's pivot identity as the provider holds it (test/oidc/people.json),
# typed by a mediator at an EPN.
CAMILLE = {"nom": "LEFÈVRE-DUVAL", "prenoms": "Camille Hélène",
           "date_naissance": "1984-05-17", "commune_naissance": "45234",
           "pays_naissance": "99100", "sexe": "female"}


def creds():
    with open(CREDENTIALS, encoding="utf-8") as f:
        return json.load(f)


def fc_env(issuer=None):
    c = creds()
    return {
        "AGORA_OIDC_ISSUER": issuer or c["issuer"],
        "AGORA_OIDC_CLIENT_ID": "agora-post",
        "AGORA_OIDC_CLIENT_SECRET": c["client_secret"],
        "AGORA_OIDC_AUTH_METHOD": "client_secret_post",
        "AGORA_OIDC_REDIRECT_URI": BASE + "/connexion/franceconnect/retour",
        "AGORA_OIDC_POST_LOGOUT_REDIRECT_URI": BASE + "/deconnexion/franceconnect",
        "AGORA_OIDC_SCOPES": "openid profile email birth",
        "AGORA_OIDC_ALLOW_HTTP_LOOPBACK": "1",
        "AGORA_OIDC_TIMEOUT_MS": "1500",
        "AGORA_OIDC_CONNECT_TIMEOUT_MS": "500",
    }


def port_free(timeout=10):
    """Waits until nothing listens on the test port (a stopped kore's
    workers may hold it a moment longer than its parent)."""
    import time
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", harness.PORT), timeout=1).close()
            time.sleep(0.1)
        except OSError:
            return


def with_fc(fn, issuer=None, extra=None):
    """Runs fn(kore) against a kore with the provider configured."""
    harness.MAIN.stop()
    port_free()
    env = fc_env(issuer)
    env.update(extra or {})
    k = harness.Kore("fc", port=harness.PORT, env=env)
    try:
        k.start()
        fn(k)
    finally:
        k.stop()
        port_free()
        harness.MAIN = harness.Kore().start()
    eq(k.crashes(), [], "kore log")
    return k


def forget_links():
    """The test people are the provider's few: each test starts unlinked."""
    sql("DELETE FROM oidc_links")


def authorize(c, person="camille", start="/connexion/franceconnect", fields=None,
              provider=None):
    """Starts the flow at start, signs person in at the provider; the
    callback's path (with code and state), not yet followed. provider: the
    start of the authorization endpoint expected (the issuer's)."""
    if fields is None:
        r = c.get(start)
    else:
        r = c.post(start, fields)
    eq(r.status, 303, "start: " + r.visible_text()[:300])
    url = r.header("location")
    assert url.startswith(provider or creds()["issuer"] + "/"), url
    q = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    eq(q["code_challenge_method"], ["S256"], "PKCE")
    assert "nonce" in q and "state" in q, url
    p = oidc_login.login(creds()["issuer"].rsplit("/api/", 1)[0], person,
                         creds()["password"])
    loc = p.authorize(url)
    assert loc.startswith(BASE + "/connexion/franceconnect/retour?"), loc
    return loc[len(BASE):]


def sign_up(c, person="camille", name=None, territory="45"):
    """The whole first sign-in: the callback, then the first-time form."""
    r = c.get(authorize(c, person))
    eq(r.status, 303, "callback: " + r.visible_text()[:300])
    eq(r.header("location"), "/connexion/franceconnect/inscription", "to the form")
    page = c.get("/connexion/franceconnect/inscription")
    eq(page.status, 200, "first-time form")
    r = c.post("/connexion/franceconnect/inscription", {
        "csrf": page.csrf(), "nom": name or "Camille " + word(4),
        "departement": territory, "consentement": "1"})
    eq(r.status, 303, "account created: " + r.visible_text()[:300])
    return r


def account_of(c):
    return int(sql_value("SELECT user_id FROM sessions WHERE ended_at IS NULL"
                         " AND token_hash = encode(sha256('%s'), 'hex')"
                         % c.cookies["agora_sid"]))


@test
def the_button_is_on_the_sign_in_and_sign_up_pages_only_when_configured():
    for path in ("/connexion", "/inscription"):
        lacks(Client().get(path).text, "fc-button", "no provider: no button")

    def run(k):
        for path in ("/connexion", "/inscription"):
            r = Client().get(path)
            contains(r.text, '<form method="get" action="/connexion/franceconnect">')
            contains(r.visible_text(), "Se connecter avec FranceConnect")
            contains(r.visible_text(), "Qu'est-ce que FranceConnect\u202f? (nouvelle fenêtre)")
            lacks(r.text, "<script", "no JavaScript")
    with_fc(run)
    eq(Client().get("/connexion/franceconnect").status, 404, "off without a provider")


@test
def a_first_sign_in_asks_name_and_departement_then_signs_in_a_linked_account():
    forget_links()
    name = "Camille " + word(4)

    def run(k):
        c = Client()
        r = c.get(authorize(c))
        eq(r.status, 303, r.visible_text()[:300])
        eq(r.header("location"), "/connexion/franceconnect/inscription")
        eq(sql_value("SELECT count(*) FROM oidc_links"), "0", "nothing created yet")
        page = c.get("/connexion/franceconnect/inscription")
        eq(page.status, 200)
        lacks(page.visible_text(), "Hélène", "the identity is not shown")
        # Server-side checks, French messages at the field, text kept.
        r = c.post("/connexion/franceconnect/inscription", {
            "csrf": page.csrf(), "nom": "  x ", "departement": "",
            "consentement": ""})
        eq(r.status, 422)
        for field in ("nom", "departement", "consentement"):
            contains(r.text, 'id="e-%s"' % field, "error at " + field)
        contains(r.visible_text(), "acceptez le traitement de vos données")
        r = c.post("/connexion/franceconnect/inscription", {
            "csrf": page.csrf(), "nom": name, "departement": "",
            "consentement": "1"})
        eq(r.status, 422)
        contains(r.text, 'value="%s"' % name, "typed name kept")
        eq(sql_value("SELECT count(*) FROM users WHERE display_name = '%s'" % name),
           "0", "nothing half-created")
        r = c.post("/connexion/franceconnect/inscription", {
            "csrf": page.csrf(), "nom": name, "departement": "45",
            "consentement": "1"})
        eq(r.status, 303, r.visible_text()[:300])
        uid = account_of(c)
        row = sql("SELECT u.display_name, u.territory_code, u.email IS NULL,"
                  " u.password_hash IS NULL, u.verified_at IS NOT NULL,"
                  " u.privacy_accepted_at IS NOT NULL, l.issuer, length(l.identity_hash)"
                  " FROM users u JOIN oidc_links l ON l.user_id = u.id WHERE u.id = %d" % uid)
        eq(row, [[name, "45", "t", "t", "t", "t", creds()["issuer"], "64"]], "account")
        # No identity claim in clear, anywhere in the account's rows.
        dump = sql_value("SELECT concat(u::text, l::text) FROM users u JOIN oidc_links l"
                         " ON l.user_id = u.id WHERE u.id = %d" % uid)
        for claim in ("Hélène", "LEFÈVRE", "1984-05-17", "camille.lefevre"):
            lacks(dump, claim, "claim in the tables")
        account = c.get("/compte/").visible_text()
        contains(account, "Compte vérifié par FranceConnect")
        # Neither a password nor an address to change, nor an empty row.
        contains(account, "Votre compte s'ouvre avec FranceConnect : il n'a ni mot de passe"
                 " ni adresse électronique à changer.")
        for absent in ("Changer mon mot de passe", "Changer mon adresse",
                       "Adresse confirmée le", "Adresse électronique"):
            lacks(account, absent, "password-less account page")
        # The form cannot be used twice.
        eq(c.post("/connexion/franceconnect/inscription", {
            "csrf": page.csrf(), "nom": name, "departement": "45",
            "consentement": "1"}).status in (401, 403, 410), True, "used once")

        # Signing in again: the same account, no form.
        d = Client()
        r = d.get(authorize(d))
        eq(r.status, 303, r.visible_text()[:300])
        eq(r.header("location"), "/", "straight in")
        eq(account_of(d), uid, "the linked account")
        for token in (c.cookies.get("agora_fc_idt"), d.cookies.get("agora_fc_idt")):
            assert token, "the id token waits for the sign-out"
            lacks(k.log_text(), token[:40], "no token in the log")
    with_fc(run)


@test
def a_replayed_or_foreign_state_is_refused_and_nothing_is_created():
    forget_links()

    def run(k):
        c = Client()
        path = authorize(c)
        first = c.get(path)
        eq(first.status, 303, first.visible_text()[:300])
        before = sql_value("SELECT count(*) FROM oidc_signups")
        # The same callback again (the state was consumed).
        r = c.get(path)
        eq(r.status, 400, "replayed state")
        contains(r.visible_text(), "Recommencez", "says what to do")
        eq(sql_value("SELECT count(*) FROM oidc_signups"), before, "nothing created")
        contains(k.log_text(), "franceconnect callback: refused: bad_state", "log line")
        # A state started in another browser (login CSRF): refused.
        other = Client()
        path = authorize(other)
        r = Client().get(path)
        eq(r.status, 400, "state of another browser")
        eq(other.get(path).status, 400, "and consumed")
        # An unknown state.
        eq(Client().get("/connexion/franceconnect/retour?code=x&state=" + "A" * 43).status,
           400, "unknown state")
        code = urllib.parse.parse_qs(path.split("?", 1)[1])["code"][0]
        lacks(k.log_text(), code, "no code in the log")
    with_fc(run)


@test
def a_missing_pivot_claim_is_refused_at_the_callback():
    forget_links()

    def run(k):
        c = Client()
        before = sql_value("SELECT count(*) FROM oidc_signups")
        r = c.get(authorize(c, "incomplet"))
        eq(r.status, 400, r.visible_text()[:300])
        contains(r.visible_text(), "FranceConnect", "French page")
        eq(sql_value("SELECT count(*) FROM oidc_signups"), before, "nothing created")
        eq(sql_value("SELECT count(*) FROM oidc_links"), "0", "no link")
        contains(k.log_text(), "refused: missing_claim", "log line")
    with_fc(run)


def silent_port():
    """A socket that accepts and never answers: a provider too slow."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(8)
    conns = []

    def hold():
        while True:
            try:
                conns.append(s.accept()[0])
            except OSError:
                return
    threading.Thread(target=hold, daemon=True).start()
    return s


@test
def a_provider_down_or_silent_gets_a_french_page():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()

    def down(k):
        r = Client().get("/connexion/franceconnect")
        eq(r.status, 502, "provider down")
        contains(r.visible_text(), "FranceConnect")
        contains(k.log_text(), "franceconnect start: refused: provider_down")
    with_fc(down, issuer="http://127.0.0.1:%d/api/oidc" % port)

    silent = silent_port()
    try:
        def slow(k):
            r = Client().get("/connexion/franceconnect")
            eq(r.status, 504, "provider silent")
            contains(k.log_text(), "franceconnect start: refused: provider_timeout")
            # The worker still answers others meanwhile (the call is a task).
            eq(Client().get("/connexion").status, 200)
        with_fc(slow, issuer="http://127.0.0.1:%d/api/oidc" % silent.getsockname()[1])
    finally:
        silent.close()


@test
def an_account_links_from_its_page_and_unlinks_and_signs_out_through_the_provider():
    forget_links()

    def run(k):
        c, uid = harness.signed_in()
        sql("UPDATE users SET password_hash = 'x' WHERE id = %d" % uid)
        page = c.get("/compte/")
        contains(page.visible_text(), "Lier mon compte à FranceConnect")
        r = c.get(authorize(c, start="/compte/franceconnect",
                            fields={"csrf": page.csrf()}))
        eq(r.status, 303, r.visible_text()[:300])
        eq(r.header("location"), "/compte/")
        eq(sql_value("SELECT count(*) FROM oidc_links WHERE user_id = %d" % uid), "1")
        contains(c.get("/compte/").visible_text(), "Compte vérifié par FranceConnect")
        # Another account cannot take the same FranceConnect identity.
        d, other = harness.signed_in()
        r = d.get(authorize(d, start="/compte/franceconnect",
                            fields={"csrf": d.get("/compte/").csrf()}))
        eq(r.status, 409, "taken")
        contains(r.visible_text(), "déjà liée à un autre compte")
        # Linking without the form's token: refused.
        eq(Client().post("/compte/franceconnect", {}).status in (401, 403), True)
        # Unlinking.
        r = c.post("/compte/franceconnect/delier", {"csrf": c.get("/compte/").csrf()})
        eq(r.status, 303, r.visible_text()[:300])
        eq(sql_value("SELECT count(*) FROM oidc_links WHERE user_id = %d" % uid), "0")

        # Sign-out of an account signed in through FranceConnect.
        e = Client()
        sign_up(e)
        idt = e.cookies["agora_fc_idt"]
        r = e.post("/deconnexion", {"csrf": e.get("/compte/").csrf()})
        eq(r.status, 303)
        loc = r.header("location")
        assert loc.startswith(creds()["issuer"]), loc
        q = urllib.parse.parse_qs(urllib.parse.urlsplit(loc).query)
        eq(q["id_token_hint"], [idt], "id_token_hint")
        eq(q["post_logout_redirect_uri"], [BASE + "/deconnexion/franceconnect"])
        assert "agora_fc_idt" not in e.cookies, "forgotten"
        assert "agora_sid" not in e.cookies, "signed out"
        eq(e.get("/deconnexion/franceconnect").header("location"), "/")
    with_fc(run)


@test
def one_verified_person_votes_once_across_accounts_and_an_epn():
    forget_links()
    pid = fixtures.proposal(harness.make_user(), "Proposition " + word(),
                            "Texte de la proposition " + word())

    def totals():
        return sql("SELECT votes_agree, votes_mixed, votes_disagree FROM proposal_votes"
                   " WHERE contribution_id = %d" % pid)[0]

    def run(k):
        a = Client()
        sign_up(a)
        ua = account_of(a)
        h = sql_value("SELECT identity_hash FROM oidc_links WHERE user_id = %d" % ua)
        r = vote(a, pid, "agree")
        eq(r.status, 303, r.visible_text()[:300])
        eq(totals(), ["1", "0", "0"], "first vote")
        # A second account of the same person (another provider, or an
        # older sub): the same keyed pivot identity.
        b, ub = harness.signed_in()
        sql("INSERT INTO oidc_links (user_id, issuer, subject, identity_hash)"
            " VALUES (%d, 'https://autre.example/', 'sub-%s', '%s')" % (ub, word(6), h))
        r = vote(b, pid, "disagree")
        eq(r.status, 303, r.visible_text()[:300])
        eq(totals(), ["0", "0", "1"], "one vote, the later")
        contains(b.get("/compte/").visible_text(), "avis sur 1 proposition",
                 "the second account sees the person's vote")
        eq(sql_value("SELECT count(*) FROM votes v JOIN assisted_voters p"
                     " ON p.user_id = v.user_id WHERE v.contribution_id = %d"
                     " AND p.identity_hash = '%s'" % (pid, h)), "1", "one row")
        # The report says how many of the theme's voters are verified.
        want = sql_value("SELECT count(DISTINCT a.user_id) FROM assisted_voters a"
                         " JOIN votes v ON v.user_id = a.user_id JOIN contributions p"
                         " ON p.id = v.contribution_id JOIN oidc_links l"
                         " ON l.identity_hash = a.identity_hash WHERE p.theme_id ="
                         " (SELECT theme_id FROM contributions WHERE id = %d)" % pid)
        assert int(want) >= 1, want
        contains(Client().get("/rapports/ethique").visible_text(),
                 "dont vérifiés par FranceConnect %s" % want, "report")
    with_fc(run)

    # The same person at an EPN: the register knows them already.
    from test_epn import add_epn, uniq
    from test_mediation import attach, mediator, vote_fields
    eid = add_epn(uniq("Médiathèque"), "Orléans", "45")
    m, _, mail = mediator()
    attach(eid, mail)
    url = "/mediation/propositions/%d/vote" % pid
    r = m.post(url, dict(vote_fields(eid, CAMILLE, "mixed"), csrf=m.get(url).csrf()))
    eq(r.status, 409, "already voted on the web")
    r = m.post(url, dict(vote_fields(eid, CAMILLE, "mixed", changement="1"),
                         csrf=m.get(url).csrf()))
    eq(r.status, 303, r.visible_text()[:300])
    eq(totals(), ["0", "1", "0"], "the EPN's later vote replaces the web's")


@test
def an_account_without_a_password_is_deleted_with_a_box_and_forgets_its_link():
    forget_links()

    def run(k):
        c = Client()
        sign_up(c)
        uid = account_of(c)
        page = c.get("/compte/")
        contains(page.visible_text(), "supprimer mon compte FranceConnect")
        form = c.get("/compte/franceconnect/suppression")
        eq(form.status, 200)
        r = c.post("/compte/franceconnect/suppression", {"csrf": form.csrf()})
        eq(r.status, 422, "the box is required")
        contains(r.text, 'id="e-confirmation"', "error at the box")
        eq(sql_value("SELECT deleted_at IS NULL FROM users WHERE id = %d" % uid), "t")
        r = c.post("/compte/franceconnect/suppression",
                   {"csrf": form.csrf(), "confirmation": "1"})
        eq(r.status, 303, r.visible_text()[:300])
        eq(sql("SELECT deleted_at IS NOT NULL, display_name LIKE 'Membre n°%%'"
               " FROM users WHERE id = %d" % uid), [["t", "t"]], "erased")
        eq(sql_value("SELECT count(*) FROM oidc_links WHERE user_id = %d" % uid), "0",
           "link forgotten")
        # An account with a password goes through /compte/suppression.
        d, other = harness.signed_in()
        sql("UPDATE users SET password_hash = 'x' WHERE id = %d" % other)
        sql("INSERT INTO oidc_links (user_id, issuer, subject, identity_hash)"
            " VALUES (%d, 'https://autre.example/', 'sub-%s', '%s')"
            % (other, word(6), "0" * 64))
        r = d.post("/compte/franceconnect/suppression",
                   {"csrf": d.get("/compte/").csrf(), "confirmation": "1"})
        eq(r.status, 409, "has a password")
        eq(sql_value("SELECT deleted_at IS NULL FROM users WHERE id = %d" % other), "t")
        # The same person signing in again starts afresh.
        e = Client()
        eq(e.get(authorize(e)).header("location"),
           "/connexion/franceconnect/inscription", "a new first-time form")
    with_fc(run)


@test
def the_setting_may_require_a_verified_account_to_vote_not_to_argue():
    forget_links()
    pid = fixtures.proposal(harness.make_user(), "Proposition " + word(),
                            "Texte de la proposition " + word())

    def run(k):
        c, uid = harness.signed_in()
        r = vote(c, pid, "agree")
        eq(r.status, 403, "not verified")
        contains(r.visible_text(), "votre compte doit être vérifié par FranceConnect")
        eq(sql_value("SELECT votes_agree FROM proposal_votes WHERE contribution_id = %d" % pid), "0",
           "nothing recorded")
        r = post_argument(c, pid, "pour", "Un argument tout à fait recevable " + word())
        eq(r.status, 303, "arguing stays open: " + r.visible_text()[:300])
        v = Client()
        sign_up(v)
        r = vote(v, pid, "agree")
        eq(r.status, 303, r.visible_text()[:300])
        eq(sql_value("SELECT votes_agree FROM proposal_votes WHERE contribution_id = %d" % pid), "1")
    with_fc(run, extra={"AGORA_VOTE_REQUIRES_FRANCECONNECT": "1"})


@test
def a_client_authenticated_by_private_key_jwt_signs_up_and_another_key_is_refused():
    """oidc_auth_method = private_key_jwt against glewlwyd's agora-jwt
    client (its public JWKS registered, test/oidc/clients.json): the key
    file read by kore's parent before the workers start; an assertion
    signed by another key under the same kid is refused by the provider:
    a French page, nothing created, a log line without the code."""
    forget_links()

    def jwt_env(path):
        return {"AGORA_OIDC_CLIENT_ID": "agora-jwt", "AGORA_OIDC_AUTH_METHOD": "private_key_jwt",
                "AGORA_OIDC_CLIENT_KEY_FILE": path,
                "AGORA_OIDC_CLIENT_KEY_ID": "agora-client-es256"}

    # A copy, gone once kore has started: read before the workers (which
    # production chroots away from it) need it.
    copy = os.path.join(harness.TEST_DIR, "fc-client-key.pem")
    with open(creds()["client_private_key"]) as f, open(copy, "w") as g:
        g.write(f.read())

    def good(k):
        os.remove(copy)
        c = Client()
        sign_up(c)
        contains(c.get("/compte/").visible_text(), "Compte vérifié par FranceConnect")
        lacks(k.log_text(), "cannot be read", "the key was read at start")
    with_fc(good, extra=jwt_env(copy))

    forget_links()

    def intruder(k):
        before = sql_value("SELECT count(*) FROM oidc_signups")
        c = Client()
        path = authorize(c)
        r = c.get(path)
        eq(r.status, 502, "refused: " + r.visible_text()[:300])
        contains(r.visible_text(), "La connexion avec FranceConnect n'est pas disponible")
        eq(sql_value("SELECT count(*) FROM oidc_signups"), before, "no sign-up waiting")
        eq(sql_value("SELECT count(*) FROM oidc_links"), "0", "no link")
        assert "agora_sid" not in c.cookies, "no session"
        contains(k.log_text(), "franceconnect callback: refused: config", "log line")
        lacks(k.log_text(), urllib.parse.parse_qs(path.split("?", 1)[1])["code"][0],
              "no code in the log")
    with_fc(intruder, extra=jwt_env(creds()["intruder_private_key"]))


def fc_axe(paths, cookies):
    """axe-core (WCAG 2.1 A/AA) at 1280 and 320 px, JavaScript on and off,
    through test/browser/a11y.js, with these cookies."""
    import subprocess
    args = ["node", os.path.join(harness.ROOT, "test", "browser", "a11y.js"),
            "--shots", os.path.join(harness.TEST_DIR, "screenshots")]
    for name, value in cookies.items():
        args += ["--cookie", "%s=%s" % (name, value)]
    for p in paths:
        args += ["--status", "200", BASE + p]
    r = subprocess.run(args, capture_output=True, text=True, timeout=300)
    failed = [l for l in r.stdout.splitlines() if "FAILED" in l or l.startswith("        ")]
    assert r.returncode == 0 and not failed, \
        "browser checks failed:\n" + "\n".join(failed[:40]) + r.stderr[-2000:]


@test
def the_franceconnect_pages_pass_axe_core_in_chromium():
    if not os.path.exists(os.path.join(harness.ROOT, "test", "browser", "node_modules")):
        raise AssertionError("test/browser/node_modules missing: make deps")
    forget_links()

    def run(k):
        fc_axe(["/connexion", "/inscription"], {})
        c = Client()
        eq(c.get(authorize(c)).status, 303)
        fc_axe(["/connexion/franceconnect/inscription"],
               {"agora_fc_signup": c.cookies["agora_fc_signup"]})
        # /compte/ unlinked (the button that links), then linked.
        d, uid = harness.signed_in()
        fc_axe(["/compte/"], {"agora_sid": d.cookies["agora_sid"]})
        e = Client()
        sign_up(e)
        fc_axe(["/compte/", "/compte/franceconnect/suppression"],
               {"agora_sid": e.cookies["agora_sid"]})
    with_fc(run)
