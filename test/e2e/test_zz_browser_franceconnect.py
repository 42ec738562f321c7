# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The FranceConnect journey in Debian's chromium with JavaScript off,
against the real test provider (issue 17, "Done when": the browser
journey): sign-up from the button, the first-time form, "compte vérifié
par FranceConnect", a vote, the sign-out through the provider's
end-session endpoint; axe-core and a screenshot of every Agora page of it
at 1280 and 320 px (test/browser/fc_journey.js; screenshots in
var/test/screenshots/fc-journey-*). The pages' axe check with JavaScript
on and off is test_franceconnect.py's (a11y.js)."""

import json
import os
import subprocess

import fixtures
import harness
from harness import Client, contains, eq, sql, sql_value, test
from participation_lib import word
from test_franceconnect import BASE, creds, fc_env, forget_links, with_fc

import login as oidc_login  # noqa: E402 (test/oidc, on the path of test_franceconnect)


def provider_session(person):
    """The person signed in at the provider, Agora's client consented (what
    glewlwyd's login page does): its cookies, for chromium."""
    c = creds()
    base = c["issuer"].rsplit("/api/", 1)[0]
    p = oidc_login.login(base, person, c["password"])
    status, _, text = p._send("PUT", "%s/api/auth/grant/%s" % (base, fc_env()["AGORA_OIDC_CLIENT_ID"]),
                              {"scope": fc_env()["AGORA_OIDC_SCOPES"]})
    eq(status, 200, "consent: " + text)
    return [{"name": k.name, "value": k.value, "domain": "127.0.0.1", "path": k.path or "/"}
            for k in p.jar]


@test
def the_franceconnect_journey_works_in_chromium_without_javascript():
    if not os.path.exists(os.path.join(harness.ROOT, "test", "browser", "node_modules")):
        raise AssertionError("test/browser/node_modules missing: make deps")
    forget_links()
    pid = fixtures.proposal(harness.make_user(), "Proposition " + word(),
                            "Texte de la proposition " + word())
    name = "Camille " + word(4)
    shots = os.path.join(harness.TEST_DIR, "screenshots")

    def run(k):
        # Browsers apply form-action to a form's redirects: the provider's
        # origin must be allowed, and only it.
        origin = creds()["issuer"].split("/api/", 1)[0]
        csp = Client().get("/").header("content-security-policy")
        contains(csp, "form-action 'self' %s;" % origin, "CSP with the provider")
        args = {"base": BASE, "issuer": creds()["issuer"], "cookies": provider_session("camille"),
                "shots": shots, "proposal": "/propositions/%d" % pid, "choice": "agree",
                "name": name, "departement": "45"}
        r = subprocess.run(["node", os.path.join(harness.ROOT, "test", "browser", "fc_journey.js"),
                            json.dumps(args)], capture_output=True, text=True, timeout=300)
        lines = [l for l in r.stdout.splitlines() if l.startswith("{")]
        assert lines, "no result: " + r.stdout[-1000:] + r.stderr[-2000:]
        out = json.loads(lines[-1])
        assert "error" not in out, "journey stopped at %s: %s\n%s" % (
            out.get("error_url"), out["error"][:1500], "\n".join(out["trace"][-30:]))
        steps = {s["step"]: dict(s, text=" ".join(s["text"].split())) for s in out["steps"]}
        for s in out["steps"]:
            eq(s["violations"], [], "axe-core on %s (%s)" % (s["step"], s["url"]))
            assert s["overflow"]["320"] <= 320, "sideways scroll at 320 px: %s" % s["step"]
        contains(steps["1-inscription"]["text"], "Se connecter avec FranceConnect")
        eq(steps["2-premiere-connexion"]["url"], BASE + "/connexion/franceconnect/inscription")
        contains(steps["3-compte"]["text"], "Compte vérifié par FranceConnect")
        row = sql("SELECT u.id, u.territory_code, u.privacy_accepted_at IS NOT NULL,"
                  " u.email IS NULL FROM users u JOIN oidc_links l ON l.user_id = u.id"
                  " WHERE u.display_name = '%s'" % name)
        eq([x[1:] for x in row], [["45", "t", "t"]], "the account, linked")
        uid = int(row[0][0])
        eq(sql_value("SELECT choice FROM votes WHERE contribution_id = %d"
                     " AND user_id = vote_person(%d)" % (pid, uid)), "agree", "the vote")
        contains(steps["5-vote"]["text"], "Votre avis est enregistré")
        assert out["end_session"]["id_token_hint"].count(".") == 2, out["end_session"]
        eq(out["end_session"]["post_logout_redirect_uri"], BASE + "/deconnexion/franceconnect")
        assert out["end_session"]["state"], "a state to the provider"
        eq(out["after_signout"], BASE + "/", "home after the provider")
        for c in ("agora_sid", "agora_fc_idt"):
            assert c not in out["cookies"], "%s forgotten: %s" % (c, out["cookies"])
        ends = [p for p in out["provider"] if p["url"].endswith("/end_session")]
        assert ends and ends[0]["status"] < 400, "the provider took the end of session: %s" % ends
        eq(sql_value("SELECT count(*) FROM sessions WHERE user_id = %d AND ended_at IS NULL"
                     % uid), "0", "signed out at Agora")
        print("        provider answered end_session with %s" % ends)
    with_fc(run)
