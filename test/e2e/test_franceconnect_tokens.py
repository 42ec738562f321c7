# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Bad ID tokens through the whole FranceConnect flow (issue 17, "What bad
input gets"), and the acr level, end to end over HTTP.

The real test provider (Debian's glewlwyd, test/oidc/) signs the person
in and issues the code; the code exchange goes through
test/oidc/token_proxy.py, a TEST-ONLY attacker on the way that forwards it
to glewlwyd and then alters the id_token of the answer: a broken
signature, alg none, a wrong aud or iss, an expired one, a claim dropped
(re-signed with the provider's own key, so that only the claim is wrong).
It is not a fake provider: glewlwyd authenticates and signs; only its
answer is changed. Each refusal is a French page that says what to do,
nothing half-created (no sign-up waiting, no account, no link, no
session), and one log line naming the reason, without the token or the
code.

Glewlwyd 2.7.5 never writes acr into its ID tokens (its protocol_oidc.c
has the claim as a TODO, and refuses "acr" as a configured claim), so the
same proxy adds acr to the token glewlwyd signed: Agora records the level
(oidc_links, the person's data export) and refuses a level below
oidc_acr_allowed."""

import json
import time
import urllib.parse

from harness import Client, contains, eq, lacks, sql, sql_value, test
from test_franceconnect import authorize, account_of, creds, forget_links, with_fc

import token_proxy  # noqa: E402 (test/oidc, on the path of test_franceconnect)

PROXY = None


def proxy(mode=None):
    """The proxy (one for the module), its glewlwyd plugin instance made
    again (a restarted provider draws new keys), in this mode."""
    global PROXY
    if PROXY is None:
        PROXY = token_proxy.TokenProxy().start()
    PROXY.register()
    PROXY.mode = mode
    PROXY.seen = []
    return PROXY


def provider_auth():
    """Where the plugin behind the proxy sends the browser: glewlwyd's."""
    return "%s/api/%s/" % (PROXY.upstream, token_proxy.PLUGIN)


def counts():
    return sql("SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM sessions),"
               " (SELECT count(*) FROM oidc_signups), (SELECT count(*) FROM oidc_links)")


def no_token_in(log, p):
    assert p.seen, "the exchange went through the proxy"
    for real, sent in p.seen:
        for part in real.split(".") + sent.split("."):
            if len(part) > 20:
                lacks(log, part, "no token (or part of one) in the log")


def refused(alter, code, text="Recommencez", extra=None):
    """One sign-in whose id_token is altered; refused with code."""
    forget_links()
    p = proxy(alter)

    def run(k):
        mark = len(k.log_text())
        before = counts()
        c = Client()
        path = authorize(c, provider=provider_auth())
        r = c.get(path)
        eq(r.status, 400, "refused: " + r.visible_text()[:300])
        contains(r.visible_text(), text, "a French page saying what to do")
        eq(counts(), before, "no account, session, sign-up or link")
        for cookie in ("agora_sid", "agora_fc_signup", "agora_fc_idt"):
            assert cookie not in c.cookies, "no cookie " + cookie
        eq(len(p.seen), 1, "glewlwyd exchanged the code once")
        want = "RS256" if (extra or {}).get("AGORA_OIDC_CLIENT_ID") == "agora-basic" else "ES256"
        eq(token_proxy.split(p.seen[0][0])[0]["alg"], want, "glewlwyd's signature")
        log = k.log_text()[mark:]
        contains(log, "franceconnect callback: refused: %s\n" % code, "log line")
        no_token_in(k.log_text(), p)
        lacks(k.log_text(), urllib.parse.parse_qs(path.split("?", 1)[1])["code"][0],
              "no code in the log")
    with_fc(run, issuer=p.issuer, extra=extra)


@test
def glewlwyds_own_token_through_the_proxy_signs_up_and_records_acr():
    """The control: unaltered, the proxy changes nothing (the refusals
    below are the alterations'); then acr added, and recorded."""
    forget_links()
    p = proxy()

    def run(k):
        c = Client()
        r = c.get(authorize(c, provider=provider_auth()))
        eq(r.status, 303, "unaltered: " + r.visible_text()[:300])
        eq(r.header("location"), "/connexion/franceconnect/inscription")
        real, sent = p.seen[0]
        eq(sent, real, "passed on as glewlwyd signed it")
        header, claims, _ = token_proxy.split(real)
        eq(claims["iss"], p.issuer, "glewlwyd's issuer for this plugin")
        assert "acr" not in claims, "glewlwyd 2.7.5 writes no acr"
        eq(sql_value("SELECT acr = '' FROM oidc_signups WHERE issuer = '%s'"
                     " ORDER BY expires_at DESC LIMIT 1" % p.issuer),
           "t", "no level stated, none recorded")

        p.mode = token_proxy.claims(lambda c: c.update(acr="eidas1"))
        d = Client()
        r = d.get(authorize(d, provider=provider_auth()))
        eq(r.status, 303, "acr eidas1: " + r.visible_text()[:300])
        page = d.get("/connexion/franceconnect/inscription")
        r = d.post("/connexion/franceconnect/inscription", {
            "csrf": page.csrf(), "nom": "Camille Niveau", "departement": "45",
            "consentement": "1"})
        eq(r.status, 303, r.visible_text()[:300])
        uid = account_of(d)
        eq(sql_value("SELECT acr FROM oidc_links WHERE user_id = %d" % uid), "eidas1",
           "the level recorded with the link")
        data = json.loads(d.get("/compte/donnees.json").text)
        eq(data["franceconnect"]["niveau"], "eidas1", "and in the person's data")
        no_token_in(k.log_text(), p)
    with_fc(run, issuer=p.issuer)


@test
def a_level_below_the_required_acr_is_refused():
    need = {"AGORA_OIDC_ACR_ALLOWED": "eidas2 eidas3"}
    refused(token_proxy.claims(lambda c: c.update(acr="eidas1")), "acr_too_low",
            "Le niveau de garantie de cette connexion est insuffisant", need)
    # No acr at all (glewlwyd's own token) when a level is required.
    refused(None, "acr_too_low", "choisissant un autre compte", need)


@test
def an_id_token_with_a_broken_signature_is_refused():
    refused(token_proxy.broken_signature, "bad_signature",
            "La signature de l'identité transmise est invalide")


@test
def an_id_token_signed_with_alg_none_is_refused():
    refused(token_proxy.alg_none, "bad_alg", "pas signée comme il faut")


@test
def an_id_token_for_another_client_is_refused():
    # agora-basic: another client of the same provider (glewlwyd's token
    # has aud and azp agora-post, Agora's client here).
    refused(token_proxy.claims(lambda c: c.update(aud="agora-basic")),
            "bad_audience", "destinée à un autre site")
    # Agora among the audiences, but the token was issued to (azp) another.
    refused(token_proxy.claims(lambda c: c.update(aud=["agora-basic", "agora-post"],
                                                  azp="agora-basic")),
            "bad_audience", "destinée à un autre site")


@test
def an_id_token_of_another_issuer_is_refused():
    # The provider's other instance: a real issuer, not the configured one.
    refused(token_proxy.claims(lambda c: c.update(iss=creds()["issuer"])),
            "bad_issuer", "ne vient pas de FranceConnect")


@test
def an_expired_id_token_is_refused():
    now = int(time.time())
    refused(token_proxy.claims(lambda c: c.update(exp=now - 3600, iat=now - 3900)),
            "expired", "vérifiez la date et l'heure de votre appareil")


@test
def an_id_token_missing_a_required_claim_is_refused():
    for claim, code in (("sub", "missing_claim"), ("nonce", "bad_nonce"),
                        ("iat", "bad_iat"), ("exp", "expired")):
        refused(token_proxy.claims(lambda c, name=claim: c.pop(name)), code)



@test
def an_rs256_token_broken_or_for_another_client_is_refused_too():
    # agora-basic: client_secret_basic, ID tokens signed RS256 by glewlwyd.
    basic = {"AGORA_OIDC_CLIENT_ID": "agora-basic",
             "AGORA_OIDC_AUTH_METHOD": "client_secret_basic"}
    refused(token_proxy.broken_signature, "bad_signature",
            "La signature de l'identité transmise est invalide", basic)
    refused(token_proxy.claims(lambda c: c.update(aud="agora-post", azp="agora-post")),
            "bad_audience", "destinée à un autre site", basic)
