# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""End-to-end harness: a real kore serving build/agora.so on its own port,
the agora_test database on the development cluster, an HTTP client that
keeps cookies and posts multipart forms, and a tiny test registry.
Standard library only."""

import html
import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import time
import urllib.parse

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PORT = int(os.environ.get("TEST_HTTP_PORT", "8898"))
PG_PORT = os.environ.get("PG_PORT", "25432")
# Servers a test starts beyond PORT+1..+3 (fault tests, nginx): 6 ports.
EXTRA_PORT = int(os.environ.get("TEST_EXTRA_PORT", str(PORT + 4)))
TEST_DIR = os.path.join(ROOT, "var", "test")
MAIL_DIR = os.path.join(TEST_DIR, "mail")
CONFIG = os.path.join(TEST_DIR, "agora.ini")
# make test SANITIZE=1 builds into build/san and preloads the ASan runtime
# into kore (the GNUmakefile sets these).
BUILD = os.environ.get("AGORA_BUILD", "build")
KORE_PRELOAD = os.environ.get("AGORA_KORE_PRELOAD", "")

TESTS = []


def test(fn):
    """Registers a test: a function that raises AssertionError on failure."""
    TESTS.append(fn)
    return fn


# ---------------------------------------------------------------- kore

class Kore:
    """One kore process with a configuration derived from conf/agora.conf."""

    def __init__(self, name="main", port=PORT, env=None):
        self.name = name
        self.port = port
        self.env = env or {}
        self.proc = None
        self.conf = os.path.join(TEST_DIR, "kore-%s.conf" % name)
        self.log = os.path.join(TEST_DIR, "kore-%s.log" % name)
        self.pid = os.path.join(TEST_DIR, "kore-%s.pid" % name)

    def write_conf(self):
        with open(os.path.join(ROOT, "conf", "agora.conf")) as f:
            text = f.read()
        text = re.sub(r"bind\s+127\.0\.0\.1\s+\d+", "bind 127.0.0.1 %d" % self.port, text)
        text = re.sub(r"pidfile\s+\S+", "pidfile %s" % self.pid, text)
        text = text.replace("./build/agora.so", "./%s/agora.so" % BUILD)
        with open(self.conf, "w") as f:
            f.write(text)

    def start(self):
        # A server already answering there would pass for ours.
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
            raise RuntimeError("port %d is already in use: stop what listens there"
                               % self.port)
        except OSError:
            pass
        self.write_conf()
        env = dict(os.environ)
        env["AGORA_CONFIG"] = CONFIG
        if KORE_PRELOAD:
            env["LD_PRELOAD"] = KORE_PRELOAD
        env.update(self.env)
        logf = open(self.log, "a")
        self.proc = subprocess.Popen(
            ["stdbuf", "-oL", "kore", "-f", "-n", "-r", "-c", self.conf],
            cwd=ROOT, env=env, stdout=logf, stderr=subprocess.STDOUT,
            start_new_session=True)
        deadline = time.time() + 15
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("kore exited: " + self.log_text()[-2000:])
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                c.request("GET", "/static/agora.css")
                c.getresponse().read()
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("kore did not answer on port %d" % self.port)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.proc = None

    def log_text(self):
        try:
            with open(self.log, errors="replace") as f:
                return f.read()
        except FileNotFoundError:
            return ""

    def crashes(self):
        """Lines that show a sandbox violation or a worker that died."""
        # kore's parent says "exited with status 11" of a worker that
        # crashed (SIGSEGV; 6 abort, 7 bus error, 8 FPE, 4 illegal).
        bad = re.compile(r"sandbox violation|died|segfault|fatal|signal \d+|"
                         r"exited with status (?:4|6|7|8|11)\b|"
                         r"AddressSanitizer|runtime error:")
        return [l for l in self.log_text().splitlines() if bad.search(l)]


# ---------------------------------------------------------------- http

class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers          # lower-case name -> list of values
        self.body = body                # bytes
        # Numbers as tests write them: pages put a narrow no-break space
        # between thousands ("12 345", issue 13, item 14); test_french.py
        # reads the body itself to check that they do.
        self.text = re.sub(r"(?<=\d)\u202f(?=\d{3})", "",
                           body.decode("utf-8", errors="replace"))

    def header(self, name):
        v = self.headers.get(name.lower())
        return v[0] if v else None

    def visible_text(self):
        """The text a person reads: tags removed, entities decoded."""
        t = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", self.text)
        t = re.sub(r"<[^>]+>", " ", t)
        return re.sub(r"\s+", " ", html.unescape(t)).strip()

    def csrf(self):
        m = re.search(r'name="csrf" value="([^"]+)"', self.text)
        assert m, "no CSRF field in the page"
        return html.unescape(m.group(1))


def encode_multipart(fields):
    boundary = "----agora" + secrets.token_hex(12)
    out = []
    for name, value in fields.items():
        values = value if isinstance(value, list) else [value]
        for v in values:
            if isinstance(v, str):
                v = v.encode("utf-8")
            out.append(b"--" + boundary.encode() + b"\r\n")
            out.append(b'Content-Disposition: form-data; name="' + name.encode() + b'"\r\n\r\n')
            out.append(v + b"\r\n")
    out.append(b"--" + boundary.encode() + b"--\r\n")
    return b"".join(out), "multipart/form-data; boundary=" + boundary


class Client:
    """A browser without JavaScript: keeps cookies, never follows redirects."""

    def __init__(self, port=PORT):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        hdrs = {}
        for k, v in r.getheaders():
            hdrs.setdefault(k.lower(), []).append(v)
        data = r.read()
        c.close()
        for sc in hdrs.get("set-cookie", []):
            name, _, rest = sc.partition("=")
            value = rest.split(";")[0]
            if "Max-Age=0" in sc or value == "":
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value
        return Response(r.status, hdrs, data)

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, fields, headers=None):
        body, ctype = encode_multipart(fields)
        h = {"Content-Type": ctype}
        h.update(headers or {})
        return self.request("POST", path, body=body, headers=h)

    def submit(self, form_path, action, fields):
        """GETs the page with the form, then posts fields with its CSRF token."""
        page = self.get(form_path)
        assert page.status == 200, "%s: %d" % (form_path, page.status)
        f = dict(fields)
        f["csrf"] = page.csrf()
        return self.post(action, f)


# ---------------------------------------------------------------- database

def sql(query, db="agora_test"):
    """Runs SQL as the superuser; returns rows as lists of strings."""
    r = subprocess.run(
        ["psql", "-X", "-q", "-tA", "-F", "\t", "-v", "ON_ERROR_STOP=1",
         "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-d", db, "-c", query],
        capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError("SQL failed: %s\n%s" % (query, r.stderr))
    return [line.split("\t") for line in r.stdout.splitlines() if line != ""]


def sql_value(query, db="agora_test"):
    rows = sql(query, db)
    return rows[0][0] if rows else None


def agora(*args, env=None, input_text=""):
    """Runs the agora command with the test settings; input_text is its
    standard input (empty by default, so nothing ever waits for a tty)."""
    e = dict(os.environ)
    e["AGORA_CONFIG"] = CONFIG
    e.update(env or {})
    return subprocess.run([os.path.join(ROOT, BUILD, "agora")] + list(args),
                          cwd=ROOT, env=e, capture_output=True, text=True,
                          input=input_text)


def devdb(*args):
    return subprocess.run(["sh", os.path.join(ROOT, "conf", "devdb.sh")] + list(args),
                          cwd=ROOT, capture_output=True, text=True)


# ---------------------------------------------------------------- keyed hashes

def _keyed(msg):
    """base64url(HMAC-SHA256(server secret, msg)), as app/core/keyed_hash.c."""
    import base64
    import hashlib
    import hmac
    with open(os.path.join(ROOT, "var", "secret"), "rb") as f:
        key = f.read(64)
    return base64.urlsafe_b64encode(
        hmac.new(key, msg.encode(), hashlib.sha256).digest()).rstrip(b"=").decode()


def log_pseudonym(uid):
    """The pseudonym of person uid in the moderation log (modlog_pseudonym()
    of app/core/modlog.c): 12 hex digits of HMAC-SHA256(secret,
    "moderator:" uid). SQL calls of the publishing functions pass it, as
    the application does, so that agora verify-log still passes."""
    import hashlib
    import hmac
    with open(os.path.join(ROOT, "var", "secret"), "rb") as f:
        key = f.read(64)
    return hmac.new(key, ("moderator:%d" % uid).encode(), hashlib.sha256).hexdigest()[:12]


def rate_key(bucket, raw):
    """rate_events.key of raw (an address, an e-mail or an account id)."""
    return _keyed("rate:%s:%s" % (bucket, raw.lower()))


def email_canonical(addr):
    """The normalised address (account_email_canonical in C)."""
    low = addr.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                       "abcdefghijklmnopqrstuvwxyz"))
    return re.sub(r"^([^@+]+)\+[^@]*@", r"\1@", low)


def email_key(addr):
    """departed_accounts.email_key / account_tokens.email_key of addr."""
    return _keyed("email:" + email_canonical(addr))


# ---------------------------------------------------------------- checks

def eq(actual, expected, what=""):
    assert actual == expected, "%s: expected %r, got %r" % (what, expected, actual)


# French typography puts no-break spaces (U+00A0, U+202F) before ":" and
# the like (issue 13, item 14): tests written with plain spaces compare
# text, not spacing; test_french.py checks the spacing itself.
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def same_spaces(s):
    if not isinstance(s, str):
        return s
    return re.sub(r"(?<=\d)\u202f(?=\d{3})", "", s).translate(_SPACES)


def fr_plural(n, one, many):
    """The word for n, as app/core/vocab.c's vocab_plural chooses it."""
    return many if n > 1 or n < -1 else one


def contains(haystack, needle, what=""):
    assert same_spaces(needle) in same_spaces(haystack), \
        "%s: %r not found" % (what or "page", needle)


def lacks(haystack, needle, what=""):
    assert same_spaces(needle) not in same_spaces(haystack), \
        "%s: %r should not appear" % (what or "page", needle)


def quote(s):
    return urllib.parse.quote(s, safe="")


# ---------------------------------------------------------------- people

def make_user(name=None, roles=("citizen",), verified=True, territory="37", email=None,
              age_days=30):
    """Creates an account straight in SQL (no password: it signs in through
    login()), age_days old (the spam brake holds what brand-new accounts post
    in bulk). Returns its id."""
    name = name or "Testeur " + secrets.token_hex(3)
    email = email or "%s@example.org" % secrets.token_hex(6)
    uid = sql_value(
        "INSERT INTO users (email, display_name, territory_code, privacy_accepted_at, verified_at,"
        " created_at) VALUES ('%s', '%s', '%s', now(), %s, now() - interval '%d days')"
        " RETURNING id"
        % (email, name.replace("'", "''"), territory, "now()" if verified else "NULL", age_days))
    for role in roles:
        sql("INSERT INTO user_roles (user_id, role) VALUES (%s, '%s')" % (uid, role))
    return int(uid)


def login(client, user_id):
    """Gives client a valid session for user_id, as sign-in would."""
    import hashlib
    token = secrets.token_urlsafe(32)[:43]
    while len(token) < 43:
        token += "A"
    digest = hashlib.sha256(token.encode()).hexdigest()
    sql("INSERT INTO sessions (user_id, token_hash) VALUES (%d, '%s')" % (user_id, digest))
    client.cookies["agora_sid"] = token
    return client


def signed_in(roles=("citizen",), verified=True, territory="37", name=None, age_days=30):
    """A new Client signed in as a new account; returns (client, user_id)."""
    uid = make_user(name=name, roles=roles, verified=verified, territory=territory,
                    age_days=age_days)
    return login(Client(), uid), uid
