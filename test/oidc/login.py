#!/usr/bin/env python3
# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Signs a test person in at the test provider (glewlwyd, test/oidc/) without
a browser, and follows an authorization request to the point where the
provider redirects back to the client with a code: what a person does on
FranceConnect's pages, done through glewlwyd's own login API
(POST /api/auth/, then the consent PUT /api/auth/grant/<client_id>).

As a module: login(base, username, password) -> Person, then
person.authorize(url) -> the Location the provider answers (redirect_uri
with code and state, or with error=...), person.end_session(url) likewise.
As a command:
  login.py [--user camille] [--password P] AUTHORIZATION_URL
prints that Location. The password defaults to the one in
var/oidc/credentials.json (written by configure.py)."""

import argparse
import http.cookiejar
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
CREDENTIALS = os.path.join(ROOT, "var", "oidc", "credentials.json")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def credentials():
    with open(CREDENTIALS, encoding="utf-8") as f:
        return json.load(f)


class Person:
    """A browser session of one test person at the provider."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def _send(self, method, url, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(url, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with self.opener.open(req, timeout=10) as r:
                return r.status, dict(r.headers), r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read().decode()

    def authorize(self, url):
        """Grants the request's scopes to its client, then sends the
        authorization request; returns the provider's Location."""
        q = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
        client = q["client_id"][0]
        scopes = " ".join(q.get("scope", ["openid"])[0].split())
        status, _, text = self._send(
            "PUT", "%s/api/auth/grant/%s" % (self.base,
                                             urllib.parse.quote(client)),
            {"scope": scopes})
        if status != 200:
            raise RuntimeError("consent refused: HTTP %d %s" % (status, text))
        # What glewlwyd's login page adds once the person has signed in and
        # consented; without it the provider redirects to that page.
        loc = self.location(url + "&g_continue")
        if loc.startswith(self.base + "/login.html"):
            raise RuntimeError("the provider still asks for a sign-in")
        return loc

    def location(self, url):
        """GET url; the Location of its redirect (or raises)."""
        status, headers, text = self._send("GET", url)
        if status not in (302, 303) or "Location" not in headers:
            raise RuntimeError("no redirect: HTTP %d %s" % (status,
                                                            text[:300]))
        return headers["Location"]

    def end_session(self, url):
        """Follows an end-session URL (id_token_hint, ...); the Location."""
        return self.location(url)


def login(base, username, password):
    """A Person signed in with username and password (raises if refused)."""
    p = Person(base)
    status, _, text = p._send("POST", p.base + "/api/auth/",
                              {"username": username, "password": password})
    if status != 200:
        raise RuntimeError("sign-in of %s refused: HTTP %d %s"
                           % (username, status, text))
    return p


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--user", default="camille")
    ap.add_argument("--password")
    ap.add_argument("url")
    a = ap.parse_args()
    password = a.password or credentials()["password"]
    parts = urllib.parse.urlsplit(a.url)
    base = "%s://%s" % (parts.scheme, parts.netloc)
    try:
        print(login(base, a.user, password).authorize(a.url))
    except (RuntimeError, OSError) as e:
        sys.exit("login.py: %s" % e)


if __name__ == "__main__":
    main()
