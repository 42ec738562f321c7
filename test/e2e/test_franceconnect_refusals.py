# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The refusals of the FranceConnect callback that the real test provider
(Debian's glewlwyd, test/oidc/) can be made to produce, end to end over
HTTP (issue 17, "What bad input gets"): a code injected under another
request's state (the PKCE verifier does not match), a code altered on its
way, a code issued to another client, the provider down or silent when
the code is exchanged. Each is a French page that says what to do,
nothing half-created (no sign-up waiting, no link, no session), and one
log line without the code or any token. A bad signature, alg none, an
expired token, a wrong aud or iss and a missing claim inside the ID token
glewlwyd signed: test_franceconnect_tokens.py, through the test-only
proxy of test/oidc/token_proxy.py."""

import os
import signal
import subprocess
import urllib.parse

import harness
from harness import Client, contains, eq, lacks, sql_value, test
from test_franceconnect import BASE, authorize, creds, forget_links, with_fc

import login as oidc_login  # noqa: E402 (test/oidc, on the path of test_franceconnect)

PIDFILE = os.path.join(harness.ROOT, "var", "oidc", "glewlwyd.pid")


def nothing_created(c, before):
    eq(sql_value("SELECT count(*) FROM oidc_signups"), before, "no sign-up waiting")
    eq(sql_value("SELECT count(*) FROM oidc_links"), "0", "no link")
    assert "agora_sid" not in c.cookies, "no session"
    assert "agora_fc_signup" not in c.cookies, "no sign-up cookie"


def query(path):
    return urllib.parse.parse_qs(path.split("?", 1)[1])


def refused(k, c, path, status, code, before, text):
    r = c.get(path)
    eq(r.status, status, "refused: " + r.visible_text()[:300])
    contains(r.visible_text(), text, "a French page saying what to do")
    nothing_created(c, before)
    contains(k.log_text(), "franceconnect callback: refused: " + code, "log line")
    lacks(k.log_text(), query(path)["code"][0], "no code in the log")
    return r


@test
def a_code_injected_under_another_state_fails_pkce_and_creates_nothing():
    forget_links()

    def run(k):
        before = sql_value("SELECT count(*) FROM oidc_signups")
        c = Client()
        first = authorize(c)            # code A, under state A (verifier A)
        second = authorize(c)           # state B: the browser's cookie now
        injected = "/connexion/franceconnect/retour?code=%s&state=%s" % (
            urllib.parse.quote(query(first)["code"][0]),
            urllib.parse.quote(query(second)["state"][0]))
        refused(k, c, injected, 400, "bad_grant", before, "Recommencez")
        # The state was consumed by the refusal: B cannot be used again.
        eq(c.get(second).status, 400, "state B consumed")
        # A code altered on its way: the provider refuses it too.
        d = Client()
        path = authorize(d)
        code = query(path)["code"][0]
        bad = path.replace("code=" + urllib.parse.quote(code, safe=""),
                           "code=" + ("x" if code[0] != "x" else "y") + code[1:])
        if bad == path:
            bad = path.replace("code=" + code, "code=x" + code[1:])
        assert bad != path, path
        refused(k, d, bad, 400, "bad_grant", before, "Recommencez")
    with_fc(run)


@test
def a_code_issued_to_another_client_is_refused():
    """The provider's authorization request is re-addressed to its second
    client (agora-basic) on the way: the code comes back under Agora's
    state, but it is not Agora's (agora-post)."""
    forget_links()

    def run(k):
        before = sql_value("SELECT count(*) FROM oidc_signups")
        c = Client()
        r = c.get("/connexion/franceconnect")
        eq(r.status, 303)
        url = r.header("location").replace("client_id=agora-post", "client_id=agora-basic")
        assert "client_id=agora-basic" in url, url
        p = oidc_login.login(creds()["issuer"].rsplit("/api/", 1)[0], "camille",
                             creds()["password"])
        loc = p.authorize(url)
        assert loc.startswith(BASE + "/connexion/franceconnect/retour?"), loc
        path = loc[len(BASE):]
        r = c.get(path)
        eq(r.status, 400, "another client's code: " + r.visible_text()[:300])
        nothing_created(c, before)
        contains(r.visible_text(), "Recommencez")
        # glewlwyd refuses to exchange another client's code (so the ID
        # token's aud check, behind it, is the unit tests').
        contains(k.log_text(), "franceconnect callback: refused: bad_grant", "log line")
        lacks(k.log_text(), query(path)["code"][0], "no code in the log")
    with_fc(run)


@test
def a_provider_silent_at_the_exchange_gets_a_french_page_in_time():
    forget_links()

    def run(k):
        before = sql_value("SELECT count(*) FROM oidc_signups")
        c = Client()
        path = authorize(c)
        with open(PIDFILE) as f:
            pid = int(f.read())
        os.kill(pid, signal.SIGSTOP)    # the provider accepts, never answers
        try:
            refused(k, c, path, 504, "provider_timeout", before,
                    "FranceConnect met trop de temps à répondre")
            eq(Client().get("/connexion").status, 200, "the worker still answers")
        finally:
            os.kill(pid, signal.SIGCONT)
    with_fc(run)


@test
def a_provider_down_at_the_exchange_gets_a_french_page():
    forget_links()
    script = os.path.join(harness.ROOT, "test", "oidc", "provider.sh")

    def run(k):
        before = sql_value("SELECT count(*) FROM oidc_signups")
        c = Client()
        path = authorize(c)
        subprocess.run(["sh", script, "stop"], check=True, capture_output=True)
        try:
            refused(k, c, path, 502, "provider_down", before,
                    "FranceConnect ne répond pas pour le moment")
        finally:
            # Fresh keys and secrets: the next tests read them again.
            r = subprocess.run(["sh", script, "start"], capture_output=True, text=True)
            assert r.returncode == 0, r.stdout + r.stderr
    with_fc(run)
