# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Attacks from outside as tests (issue 14): CSRF on every form, session
fixation, open redirects, header injection, malformed multipart bodies,
invalid UTF-8 and NUL bytes in every field, the search's 500, and the
abuse limits under concurrency. The short form runs in make test; make
test-security (SECURITY_FULL=1) takes every route and every field. The
authorisation matrix is test_authz.py, the XSS corpus in chromium
test_security_xss.py, sqlmap test_security_sqlmap.py."""

import hashlib
import html
import http.client
import re
import secrets
import urllib.parse

import harness
from harness import Client, contains, eq, lacks, sql_value, test
from security_lib import all_roles_client, sample, targets, values

TABLES = ("contributions", "votes", "flags", "argument_useful", "users", "user_roles",
          "moderation_log", "official_answers", "outbox", "form_submissions")


def fingerprint():
    """Rows of the tables a request could write (sessions aside: a page
    view may refresh one)."""
    return tuple(int(sql_value("SELECT count(*) FROM %s" % t)) for t in TABLES)


def csrf_token(client):
    return client.get("/themes/ethique/proposer").csrf()


def post_raw(path, body, ctype, cookie=None, extra=None, timeout=30):
    """A POST as raw bytes, whatever its shape; (status, headers, text)."""
    h = {"Content-Type": ctype}
    if cookie:
        h["Cookie"] = cookie
    h.update(extra or {})
    c = http.client.HTTPConnection("127.0.0.1", harness.PORT, timeout=timeout)
    try:
        c.putrequest("POST", path)
        for k, v in h.items():
            c.putheader(k, v)
        if "Content-Length" not in h:
            c.putheader("Content-Length", str(len(body)))
        c.endheaders()
        c.send(body)
        r = c.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, \
            r.read().decode("utf-8", "replace")
    except (ConnectionError, TimeoutError, http.client.HTTPException) as e:
        return type(e).__name__, {}, ""
    finally:
        c.close()


def cookie_of(client):
    return "; ".join("%s=%s" % kv for kv in client.cookies.items())


# ---------------------------------------------------------------- CSRF

@test
def every_post_route_refuses_a_missing_forged_or_foreign_csrf_token():
    v = values()
    c, _ = all_roles_client()
    other, _ = harness.signed_in()
    foreign = csrf_token(other)
    before = fingerprint()
    for pattern, handler, names in targets("POST"):
        path = v.path(pattern)
        if handler == "unsubscribe_submit":
            # RFC 8058's one-click POST has no CSRF token by design: its
            # URL's signed token authorises it (test_notify.py); a made-up
            # one is refused (404) and changes nothing.
            eq(c.post(path, {}).status, 404, path)
            continue
        for label, token in (("missing", None), ("forged", secrets.token_urlsafe(32)[:43]),
                             ("another session's", foreign)):
            f = {n: "1" for n in names if n != "csrf"}
            if token is not None:
                f["csrf"] = token
            r = c.post(path, f)
            what = "%s %s token: %s" % (path, label, r.status)
            # The sign-up and sign-in forms refuse a signed-in visitor
            # first (the table); every other route the token.
            assert r.status in (401, 403), what
            if r.header("x-agora-refused") != "1":
                contains(r.visible_text(), "Le formulaire a expiré", what)
    eq(fingerprint(), before, "nothing written")


# ---------------------------------------------------------------- sessions

PASSWORD = "correct horse battery staple 14"


def account_with_password():
    email = "fixation-%s@example.org" % secrets.token_hex(4)
    r = harness.agora("user", "create", "--email", email, "--name", "Fixée",
                      "--territory", "37", "--verified",
                      env={"AGORA_NEW_PASSWORD": PASSWORD})
    eq(r.returncode, 0, r.stderr)
    return email


@test
def a_session_cookie_planted_before_sign_in_is_never_the_session():
    email = account_with_password()
    planted = secrets.token_urlsafe(32)[:43]
    c = Client()
    c.cookies["agora_sid"] = planted
    page = c.get("/connexion")
    eq(page.status, 200)
    # The planted cookie names no session: the site removes it at once.
    r = c.post("/connexion", {"csrf": page.csrf(), "courriel": email,
                              "mot_de_passe": PASSWORD})
    eq(r.status, 303, r.visible_text()[:200])
    sid = c.cookies.get("agora_sid")
    assert sid and sid != planted, "a new session token at sign-in"
    digest = hashlib.sha256(planted.encode()).hexdigest()
    eq(sql_value("SELECT count(*) FROM sessions WHERE token_hash = '%s'" % digest), "0")
    attacker = Client()
    attacker.cookies["agora_sid"] = planted
    lacks(attacker.get("/").visible_text(), "Se déconnecter", "the planted token")
    contains(c.get("/").visible_text(), "Se déconnecter", "the real session")
    # A session token someone saw before sign-in (signed in as another
    # account on the same browser) is not kept either.
    old = sid
    page = c.get("/connexion")
    r = c.post("/connexion", {"csrf": page.csrf(), "courriel": email,
                              "mot_de_passe": PASSWORD})
    assert c.cookies.get("agora_sid") not in (None, old, planted), "rotated again"


# ---------------------------------------------------------------- redirects

REDIRECTS = [
    "//evil.example/", "/\\evil.example", "https://evil.example/", "http:evil.example",
    "\\\\evil.example", "/%2F%2Fevil.example", "/\t/evil.example", " //evil.example",
    "javascript:alert(1)", "/.//evil.example", "//evil.example@127.0.0.1/",
    "/\r\nLocation: https://evil.example", "%0d%0aLocation:%20https://evil.example",
]


def local(location):
    return location is not None and location.startswith("/") and \
        not location.startswith("//") and not location.startswith("/\\") and \
        "\r" not in location and "\n" not in location


@test
def sign_in_and_error_pages_never_send_anyone_to_another_site():
    email = account_with_password()
    for target in sample(REDIRECTS, 6):
        c = Client()
        page = c.get("/connexion?retour=" + harness.quote(target))
        assert page.status in (200, 400), (target, page.status)
        # A return path the form keeps is one of this site's paths
        # ("/.//evil.example" is: the path //evil.example on this host).
        for kept in re.findall(r'name="retour" value="([^"]*)"', page.text):
            assert local(html.unescape(kept)), "sign-in form keeps %r" % kept
        r = c.post("/connexion", {"csrf": c.get("/connexion").csrf(), "courriel": email,
                                  "mot_de_passe": PASSWORD, "retour": target})
        eq(r.status, 303, "sign-in with retour=%r" % target)
        loc = r.header("location")
        assert local(loc), "retour=%r went to %r" % (target, loc)
        # Resolved as a browser does, it stays on this host.
        eq(urllib.parse.urlsplit(urllib.parse.urljoin("https://site.example/connexion",
                                                      loc)).netloc,
           "site.example", "retour=%r went to %r" % (target, loc))
    # The 401 page's sign-in link comes back to the Referer's path, on this site only.
    for ref in ("https://evil.example//evil.example/x", "https://a/\\evil", "evil"):
        r = Client().post("/propositions/1/commentaires", {"texte": "x"},
                          headers={"Referer": ref})
        eq(r.status, 401)
        for href in re.findall(r'href="(/connexion[^"]*)"', r.text):
            lacks(href, "evil", "401 link from Referer %r" % ref)


# ---------------------------------------------------------------- headers

@test
def no_request_can_add_a_response_header():
    c, _ = all_roles_client()
    probes = [
        "/themes/ethique?q=a%0d%0aX-Injected:%201",
        "/themes/ethique?tri=%0d%0aX-Injected:%201",
        "/connexion?retour=/%0d%0aX-Injected:%201",
        "/themes/x%0d%0aX-Injected:%201",
        "/propositions/1%0d%0aSet-Cookie:%20injected=1",
        "/api/v1/contributions?theme=%0d%0aX-Injected:%201",
        "/export/themes/a%0d%0aX-Injected:1.csv",
    ]
    for p in probes:
        for client in (Client(), c):
            r = client.get(p)
            assert r.status < 500, (p, r.status)
            assert "x-injected" not in r.headers, p
            for sc in r.headers.get("set-cookie", []):
                lacks(sc, "injected", p)
    # A line break in a form's return path (the sign-in's Location).
    email = account_with_password()
    for retour in ("/\r\nX-Injected: 1", "/a\nX-Injected: 1", "/\rX-Injected: 1"):
        c2 = Client()
        r = c2.post("/connexion", {"csrf": c2.get("/connexion").csrf(), "courriel": email,
                                   "mot_de_passe": PASSWORD, "retour": retour})
        eq(r.status, 303)
        assert "x-injected" not in r.headers, retour
        eq(r.header("location"), "/", "retour=%r" % retour)


# ---------------------------------------------------------------- multipart

def malformed_bodies(token):
    b = "----agoraB"
    ok_part = ('--%s\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n%s\r\n' % (b, token))
    text = '--%s\r\nContent-Disposition: form-data; name="texte"\r\n\r\nMalformé\r\n' % b
    yield "no boundary parameter", (ok_part + text + "--%s--\r\n" % b).encode(), \
        "multipart/form-data"
    yield "another boundary", (ok_part + text + "--%s--\r\n" % b).encode(), \
        "multipart/form-data; boundary=autre"
    yield "truncated", (ok_part + text)[:-20].encode(), "multipart/form-data; boundary=" + b
    yield "no closing boundary", (ok_part + text).encode(), "multipart/form-data; boundary=" + b
    yield "no Content-Disposition", ("--%s\r\n\r\nx\r\n--%s--\r\n" % (b, b)).encode(), \
        "multipart/form-data; boundary=" + b
    yield "a part without name", ('--%s\r\nContent-Disposition: form-data\r\n\r\nx\r\n--%s--\r\n'
                                  % (b, b)).encode(), "multipart/form-data; boundary=" + b
    yield "huge part header", ('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\nx\r\n'
                               '--%s--\r\n' % (b, "n" * 60000, b)).encode(), \
        "multipart/form-data; boundary=" + b
    # Well-formed but odd: without the CSRF token, so they must be refused
    # by it, after kore's parser went through them.
    yield "3000 parts", ("".join(
        '--%s\r\nContent-Disposition: form-data; name="texte"\r\n\r\n%d\r\n' % (b, i)
        for i in range(3000)) + "--%s--\r\n" % b).encode(), "multipart/form-data; boundary=" + b
    yield "a file part", (ok_part + '--%s\r\nContent-Disposition: form-data; name="texte"; '
                          'filename="x.txt"\r\nContent-Type: text/plain\r\n\r\nfichier\r\n--%s--\r\n'
                          % (b, b)).encode(), "multipart/form-data; boundary=" + b
    yield "bare LF line ends", (ok_part + text + "--%s--\r\n" % b).replace("\r\n", "\n").encode(), \
        "multipart/form-data; boundary=" + b
    yield "empty body", b"", "multipart/form-data; boundary=" + b
    yield "boundary of 200 bytes", ("--%s\r\n" % ("x" * 200)).encode(), \
        "multipart/form-data; boundary=" + "x" * 200
    yield "urlencoded", b"csrf=%s&texte=x" % token.encode(), "application/x-www-form-urlencoded"
    yield "nested multipart", ('--%s\r\nContent-Disposition: form-data; name="texte"\r\n'
                               'Content-Type: multipart/mixed; boundary=in\r\n\r\n--in\r\n\r\nx\r\n'
                               '--in--\r\n--%s--\r\n' % (b, b)).encode(), \
        "multipart/form-data; boundary=" + b


@test
def malformed_multipart_bodies_are_refused_without_a_500_or_a_write():
    v = values()
    c, _ = harness.signed_in()
    token = csrf_token(c)
    path = "/propositions/%d/commentaires" % v.pid
    before = fingerprint()
    for label, body, ctype in malformed_bodies(token):
        status, headers, text = post_raw(path, body, ctype, cookie_of(c))
        assert status != 500 and not (isinstance(status, int) and status >= 500), \
            "%s: %s" % (label, status)
        if isinstance(status, int) and status < 400:
            raise AssertionError("%s: accepted (%d)" % (label, status))
    # A Content-Length larger than what is sent, and one that is too large.
    # (kore waits for the rest until http_body_timeout: no answer is right)
    status, _, _ = post_raw(path, b"x" * 10, "multipart/form-data; boundary=b",
                            cookie_of(c), {"Content-Length": "100"}, timeout=3)
    assert status in ("TimeoutError", 400, 408), status
    status, _, _ = post_raw(path, b"", "multipart/form-data; boundary=b", cookie_of(c),
                            {"Content-Length": str(50 * 1024 * 1024)})
    assert status in (413, "RemoteDisconnected", "ConnectionResetError", "BrokenPipeError"), status
    eq(fingerprint(), before, "nothing written")
    eq(Client().get("/healthz").status, 200, "still serving")


# ---------------------------------------------------------------- UTF-8, NUL

def first_error_free(r, what):
    assert r.status < 500, "%s: %d" % (what, r.status)


@test
def invalid_utf8_and_nul_bytes_in_every_field_are_refused_and_never_written():
    v = values()
    c, _ = all_roles_client()
    token = csrf_token(c)
    before = fingerprint()
    points = [(p, h, n) for p, h, names in targets("POST") for n in names if n != "csrf"]
    for pattern, handler, name in sample(points, 24):
        path = v.path(pattern)
        for label, value in (("not UTF-8", b"valeur \xff\xfe \xc3\x28"),
                             ("NUL", "début\x00 et la suite".encode())):
            r = c.post(path, {"csrf": token, name: value})
            what = "%s %s=%s (%s)" % (path, name, label, handler)
            first_error_free(r, what)
            if label == "NUL" and r.header("x-agora-refused") != "1":
                eq(r.status, 400, what)
                contains(r.visible_text(), "caractère nul", what)
    eq(fingerprint(), before, "nothing written")
    # The same on every query string a page reads.
    anon = Client()
    qpoints = [(p, h, n) for p, h, names in targets("GET") for n in names]
    for pattern, handler, name in sample(qpoints, 12):
        path = v.path(pattern)
        for client in (anon, c):
            r = client.get("%s?%s=%%FF%%FE%%C3%%28" % (path, name))
            first_error_free(r, "%s?%s= not UTF-8" % (path, name))


@test
def a_moderators_status_seen_in_invalid_utf8_is_a_400_not_a_500():
    """Issue 14, item 7: statut_vu reached PostgreSQL unchecked."""
    v = values()
    mod, _ = harness.signed_in(roles=("moderator",))
    page = mod.get("/moderation/%d" % v.pid)
    eq(page.status, 200)
    version = re.search(r'name="version" value="([^"]*)"', page.text).group(1)
    r = mod.post("/moderation/%d" % v.pid, {
        "csrf": page.csrf(), "decision": "hide", "regle": "R1", "note": "",
        "statut_vu": b"publi\xff\xfe", "version": version})
    eq(r.status, 400, r.visible_text()[:200])
    contains(r.visible_text(), "encodage non UTF-8")
    eq(sql_value("SELECT status FROM contributions WHERE id = %d" % v.pid), "published")


@test
def a_nul_byte_no_longer_publishes_the_text_before_it():
    """Issue 14, item 7: kore cut the value at the NUL and the rest was
    published as if it were the whole text."""
    v = values()
    c, _ = harness.signed_in()
    r = c.post("/propositions/%d/commentaires" % v.pid,
               {"csrf": csrf_token(c), "texte": "Texte visible\x00 et texte caché"})
    eq(r.status, 400)
    contains(r.visible_text(), "« Texte » contient un caractère nul")
    eq(sql_value("SELECT count(*) FROM contributions WHERE body LIKE 'Texte visible%'"), "0")


@test
def a_search_made_of_dashes_is_a_search_not_a_500():
    """Issue 14, item 7: 33 '-' in q overflowed tsquery's stack."""
    for q in ("-" * 33, "-" * 200, "- " * 100, "-(" * 100, "--a " * 50, "a" + "-" * 40 + "b"):
        r = Client().get("/themes/ethique?q=" + harness.quote(q))
        eq(r.status, 200, "q=%r" % q[:20])
    r = Client().get("/themes/ethique?q=" + harness.quote("-" * 33 + "numérique"))
    eq(r.status, 200)


# ---------------------------------------------------------------- limits

def at_once(n, fn):
    """n calls of fn at the same time (test_moderation.parallel)."""
    from test_moderation import parallel
    return parallel([fn] * n)


@test
def one_vote_one_flag_one_useful_mark_however_many_at_once():
    v = values()
    c, uid = harness.signed_in()
    token = csrf_token(c)
    statuses = at_once(20, lambda: c.post("/propositions/%d/vote" % v.pid,
                                          {"csrf": token, "choix": "agree"}).status)
    assert all(s == 303 for s in statuses), statuses
    eq(sql_value("SELECT count(*) FROM votes WHERE user_id = %d AND contribution_id = %d"
                 % (uid, v.pid)), "1", "votes")
    statuses = at_once(20, lambda: c.post("/contributions/%d/signaler" % v.aid,
                                          {"csrf": token, "regle": "R3", "note": ""}).status)
    assert all(s < 500 for s in statuses), statuses
    eq(sql_value("SELECT count(*) FROM flags WHERE user_id = %d AND contribution_id = %d"
                 % (uid, v.aid)), "1", "flags")
    at_once(20, lambda: c.post("/arguments/%d/utile" % v.aid, {"csrf": token}).status)
    n = int(sql_value("SELECT count(*) FROM argument_useful WHERE user_id = %d"
                      " AND contribution_id = %d" % (uid, v.aid)))
    assert n in (0, 1), "useful marks: %d" % n
