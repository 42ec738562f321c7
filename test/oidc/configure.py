#!/usr/bin/env python3
# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Configures a freshly started glewlwyd (test/oidc/provider.sh) through its
own administration API, from the files beside this script: the user and
client modules' extra properties, the scopes (scopes.json), the OpenID
Connect plugin (plugin.json), the clients (clients.json) and the test people
(people.json). Secrets are drawn here and written to
var/oidc/credentials.json (mode 0600), which the tests read; the
administrator's password (the Debian script's default) is replaced by a
random one at the end.

Usage: configure.py DIR PORT, with DIR the provider's var/oidc."""

import http.cookiejar
import json
import os
import secrets
import sys
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))

# The properties the database modules must keep (glewlwyd stores only the
# properties named in a module's data-format).
USER_PROPS = ["given_name", "family_name", "birthdate", "gender",
              "birthplace", "birthcountry", "preferred_username"]
# jwks: the private_key_jwt client's public keys, kept as JSON ("convert":
# glewlwyd's database module otherwise stores and returns a string, and the
# OIDC plugin reads the client's keys only from a JSON object).
CLIENT_PROPS = {"sign_kid": False, "post_logout_redirect_uris": True,
                "jwks": False}
CONVERT = {"jwks": "jwks"}


class Admin:
    """An administration session (cookie) on the provider."""

    def __init__(self, base):
        self.base = base
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(jar))

    def call(self, method, path, body=None, ok=(200,)):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data,
                                     method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with self.opener.open(req, timeout=10) as r:
                status, text = r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read().decode()
        if status not in ok:
            sys.exit("configure.py: %s %s: HTTP %d %s"
                     % (method, path, status, text[:500]))
        return json.loads(text) if text.strip() else None


def load(name, subst):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        text = f.read()
    for k, v in subst.items():
        text = text.replace(k, v)
    return json.loads(text)


def strip_comments(obj):
    return {k: v for k, v in obj.items() if not k.startswith("_")}


def module_props(admin, kind, props):
    """Adds props (name -> multiple) to a database module's data-format."""
    mod = admin.call("GET", "/api/mod/%s/database" % kind)
    fmt = mod["parameters"].setdefault("data-format", {})
    for name, multiple in props.items():
        fmt[name] = {"multiple": multiple, "read": True, "write": True,
                     "profile-read": False, "profile-write": False}
        if name in CONVERT:
            fmt[name]["convert"] = CONVERT[name]
    body = {k: mod[k] for k in ("module", "name", "display_name",
                                "order_rank", "parameters", "readonly")
            if k in mod}
    admin.call("PUT", "/api/mod/%s/database" % kind, body)
    admin.call("PUT", "/api/mod/%s/database/reset" % kind)


def main():
    vardir, port = sys.argv[1], sys.argv[2]
    base = "http://127.0.0.1:%s" % port
    issuer = base + "/api/oidc"
    test_port = os.environ.get("TEST_HTTP_PORT", "8898")
    http_port = os.environ.get("HTTP_PORT", "8888")
    redirects = ["http://127.0.0.1:%s/connexion/franceconnect/retour" % p
                 for p in (test_port, http_port)]
    logouts = ["http://127.0.0.1:%s/deconnexion/franceconnect" % p
               for p in (test_port, http_port)]
    creds = {
        "issuer": issuer,
        "client_secret": secrets.token_urlsafe(32),
        "password": secrets.token_urlsafe(18),
        "admin_password": secrets.token_urlsafe(24),
        "client_private_key": os.path.join(vardir, "client-private.pem"),
        "intruder_private_key": os.path.join(vardir, "intruder-private.pem"),
        "redirect_uris": redirects,
        "post_logout_redirect_uris": logouts,
    }
    with open(os.path.join(vardir, "client-public.jwks")) as f:
        client_jwks = json.dumps(json.load(f))
    with open(os.path.join(vardir, "provider-private.jwks")) as f:
        provider_jwks = json.dumps(json.load(f))
    subst = {
        "@ISSUER@": issuer,
        "@SECRET@": creds["client_secret"],
        "@PASSWORD@": creds["password"],
        "@REDIRECT_URIS@": json.dumps(redirects),
        "@LOGOUT_URIS@": json.dumps(logouts),
        "@CLIENT_JWKS@": client_jwks,
    }

    admin = Admin(base)
    admin.call("POST", "/api/auth/", {"username": "admin",
                                      "password": "password"})
    module_props(admin, "user", {p: False for p in USER_PROPS})
    module_props(admin, "client", CLIENT_PROPS)

    for scope in load("scopes.json", subst):
        if scope["name"] == "openid":
            admin.call("PUT", "/api/scope/openid", scope)
        else:
            admin.call("POST", "/api/scope/", scope)

    plugin = load("plugin.json", subst)
    plugin = strip_comments(plugin)
    plugin["parameters"]["jwks-private"] = provider_jwks
    admin.call("POST", "/api/mod/plugin/", plugin)

    for client in load("clients.json", subst):
        admin.call("POST", "/api/client/", strip_comments(client))
    creds["clients"] = [c["client_id"] for c in load("clients.json", subst)]
    people = [strip_comments(p) for p in load("people.json", subst)]
    for person in people:
        admin.call("POST", "/api/user/", person)
    creds["people"] = {p["username"]: {k: p.get(k) for k in USER_PROPS +
                                       ["email"]} for p in people}

    admin.call("PUT", "/api/user/admin",
               {"password": creds["admin_password"], "enabled": True,
                "scope": ["g_admin", "g_profile"]})
    path = os.path.join(vardir, "credentials.json")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(creds, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
