#!/usr/bin/env python3
# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""TEST ONLY: an attacker between Agora and the real test provider's token
endpoint, to see Agora refuse bad ID tokens through the whole flow (issue
17, "What bad input gets").

This is NOT a fake provider. The real glewlwyd (test/oidc/provider.sh)
signs the person in, asks the consent, issues the code, exchanges it and
signs the ID token; this proxy only forwards that exchange and then alters
the id_token of glewlwyd's answer, as someone on the way (or a compromised
provider) would: a broken signature, alg none, or claims changed (aud,
iss, exp, acr, one dropped) and re-signed with the provider's own signing
key (var/oidc/provider-private.jwks, drawn by provider.sh) through
Debian's rnbyc, so that only the claim is wrong. Nothing else is touched:
the authorization, JWKS, userinfo and end-session endpoints are
glewlwyd's, reached directly.

How it sits there: a second instance of glewlwyd's OpenID Connect plugin,
"oidcproxy" (register()), whose issuer is this proxy's address; Agora is
configured with that issuer, so it reads the discovery document through
here, where only token_endpoint is rewritten to point back here. The ID
tokens glewlwyd signs for that instance carry this issuer: unaltered
(mode None), they pass as they are.

    proxy = TokenProxy().start()
    proxy.register()             # after each provider.sh start
    proxy.mode = token_proxy.claims(lambda c: c.update(aud="x"))
    ... Agora's AGORA_OIDC_ISSUER = proxy.issuer ...
    proxy.stop()

Standard library only (plus rnbyc for the signatures)."""

import base64
import http.server
import json
import os
import subprocess
import threading
import urllib.error
import urllib.request

import configure  # test/oidc/configure.py: Admin, load, strip_comments

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
VARDIR = os.path.join(ROOT, "var", "oidc")
PLUGIN = "oidcproxy"


def b64d(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def b64e(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def split(jwt):
    """(header dict, claims dict, signature bytes) of a compact JWS."""
    h, p, s = jwt.split(".")
    return json.loads(b64d(h)), json.loads(b64d(p)), b64d(s)


def sign(header, claims):
    """A JWS of claims signed with the provider's key named header's kid,
    with header's alg (rnbyc, from librhonabwy)."""
    with open(os.path.join(VARDIR, "provider-private.jwks")) as f:
        keys = json.load(f)["keys"]
    key = [k for k in keys if k["kid"] == header["kid"]]
    r = subprocess.run(["rnbyc", "-s", json.dumps(claims), "-a", header["alg"],
                        "-K", json.dumps({"keys": key})],
                       capture_output=True, text=True, timeout=10)
    if r.returncode != 0 or r.stdout.count(".") != 2:
        raise RuntimeError("rnbyc: " + r.stdout + r.stderr)
    return r.stdout.strip()


# The alterations: each takes glewlwyd's id_token and returns another.

def claims(change):
    """change(claims dict) edits the claims in place; re-signed."""
    def alter(jwt):
        header, c, _ = split(jwt)
        change(c)
        return sign(header, c)
    return alter


def broken_signature(jwt):
    """The same header and claims; one byte of the signature changed."""
    h, p, s = jwt.split(".")
    raw = bytearray(b64d(s))
    raw[len(raw) // 2] ^= 0x01
    return "%s.%s.%s" % (h, p, b64e(bytes(raw)))


def alg_none(jwt):
    """The header says alg none; the signature is dropped (RFC 7519 6.1)."""
    _, p, _ = jwt.split(".")
    header = b64e(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    return "%s.%s." % (header, p)


class TokenProxy:
    """The proxy, on 127.0.0.1 (a free port), in a thread of the tests."""

    def __init__(self, upstream=None):
        port = os.environ.get("OIDC_PORT", "9040")
        self.upstream = upstream or "http://127.0.0.1:%s" % port
        self.mode = None        # None: glewlwyd's answer as it is
        self.seen = []          # (glewlwyd's id_token, the one sent on)
        self.server = None

    @property
    def issuer(self):
        return "http://127.0.0.1:%d/api/%s" % (self.server.server_port, PLUGIN)

    def start(self):
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                proxy.discovery(self)

            def do_POST(self):
                proxy.token(self)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def register(self):
        """(Re)creates glewlwyd's plugin instance whose issuer is this
        proxy: plugin.json, under another name and session cookie."""
        with open(os.path.join(VARDIR, "credentials.json")) as f:
            creds = json.load(f)
        admin = configure.Admin(self.upstream)
        admin.call("POST", "/api/auth/", {"username": "admin",
                                          "password": creds["admin_password"]})
        admin.call("DELETE", "/api/mod/plugin/" + PLUGIN, ok=(200, 404))
        plugin = configure.strip_comments(
            configure.load("plugin.json", {"@ISSUER@": self.issuer}))
        plugin["name"] = PLUGIN
        plugin["display_name"] += " (derrière le mandataire des tests)"
        plugin["parameters"]["session-cookie-name"] = "GLEWLWYD2_OIDCPROXY_SID"
        with open(os.path.join(VARDIR, "provider-private.jwks")) as f:
            plugin["parameters"]["jwks-private"] = json.dumps(json.load(f))
        admin.call("POST", "/api/mod/plugin/", plugin)
        return self

    def forward(self, req, method, body=None):
        """The same request to glewlwyd: (status, content type, body)."""
        url = "%s/api/%s%s" % (self.upstream, PLUGIN,
                               req.path[len("/api/" + PLUGIN):])
        r = urllib.request.Request(url, data=body, method=method)
        for name in ("Authorization", "Content-Type", "Accept"):
            if req.headers.get(name):
                r.add_header(name, req.headers[name])
        try:
            with urllib.request.urlopen(r, timeout=10) as a:
                return a.status, a.headers.get("Content-Type"), a.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Content-Type"), e.read()

    @staticmethod
    def answer(req, status, ctype, body):
        req.send_response(status)
        req.send_header("Content-Type", ctype or "application/json")
        req.send_header("Content-Length", str(len(body)))
        req.send_header("Cache-Control", "no-store")
        req.end_headers()
        req.wfile.write(body)

    def discovery(self, req):
        """glewlwyd's discovery document, its token endpoint this proxy."""
        if not req.path.startswith("/api/%s/.well-known/" % PLUGIN):
            return self.answer(req, 404, "text/plain", b"not here\n")
        status, ctype, body = self.forward(req, "GET")
        if status == 200:
            doc = json.loads(body)
            doc["token_endpoint"] = self.issuer + "/token"
            body = json.dumps(doc).encode()
        self.answer(req, status, ctype, body)

    def token(self, req):
        """The code exchange, forwarded; then the id_token altered."""
        if req.path != "/api/%s/token" % PLUGIN:
            return self.answer(req, 404, "text/plain", b"not here\n")
        n = int(req.headers.get("Content-Length") or 0)
        status, ctype, body = self.forward(req, "POST", req.rfile.read(n))
        if status == 200:
            doc = json.loads(body)
            real = doc["id_token"]
            if self.mode is not None:
                doc["id_token"] = self.mode(real)
                body = json.dumps(doc).encode()
            self.seen.append((real, doc["id_token"]))
        self.answer(req, status, ctype, body)
