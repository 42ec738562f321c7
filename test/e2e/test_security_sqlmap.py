# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""sqlmap (Debian's, batch mode) on every parameter of every route: each
query-string field a GET handler reads, each form field a POST handler
reads (multipart, with a valid session and CSRF token), and each path
capture. It must find no injection, and must have tested each point
(sqlmap's own "do not appear to be injectable" conclusion). make test
runs a sample at level 1, risk 1; make test-security every point (886 on
2 December 2026) at level 1, risk 1; make test-sqlmap-deep every point at
level 3, risk 2, as the audit of issue 14 did on its 80 (about two hours
on the 2-core test machine). SQLMAP_LEVEL and SQLMAP_RISK override."""

import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

import harness
from harness import test
from security_lib import FULL, all_roles_client, sample, targets, values

LEVEL = os.environ.get("SQLMAP_LEVEL", "1")
RISK = os.environ.get("SQLMAP_RISK", "1")
OUT = os.path.join(harness.TEST_DIR, "sqlmap")
# Points tested side by side in the full run: sqlmap is one Python process
# busy on one core, and there are hundreds of points.
JOBS = int(os.environ.get("SQLMAP_JOBS", "2" if FULL else "1"))
CLEAN = "do not appear to be injectable"
FOUND = "identified the following injection point"


def sqlmap(args, what, out=OUT):
    """Runs sqlmap; returns None when clean, else the reason it is not.
    Each point has its own output directory: --flush-session removes the
    session file of the host, which a point tested beside it is using."""
    cmd = ["sqlmap", "--batch", "--ignore-stdin", "--level", LEVEL, "--risk", RISK,
           "--technique", "BEUS", "--threads", "2", "--timeout", "15",
           "--retries", "1", "--disable-coloring", "--flush-session",
           "--skip-waf", "--ignore-code", "400,401,403,404,405,409,413,422,429",
           "--output-dir", out, "--answers",
           "custom injection marker=Y,skip further tests=N"] + args
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=3600,
                       cwd=harness.TEST_DIR)
    if FOUND in r.stdout or "is vulnerable" in r.stdout:
        m = re.search(FOUND + r".*?---(.*?)---", r.stdout, re.S)
        return "%s: INJECTION %s" % (what, m.group(1).strip()[:500] if m else "")
    if CLEAN not in r.stdout:
        tail = [l for l in r.stdout.splitlines() if "[CRITICAL]" in l or "[ERROR]" in l]
        return "%s: sqlmap did not finish its tests: %s" % (what, " | ".join(tail[-3:]) or
                                                           r.stdout[-400:])
    return None


# A valid value to start from, so that sqlmap compares real pages.
START = {"theme": "ethique", "tri": "recent", "q": "numerique", "territoire": "37",
         "type": "proposition", "statut": "publiees", "choix": "agree", "position": "pour",
         "regle": "R3", "decision": "hide", "departement": "37", "texte": "Un texte d'essai",
         "titre": "Un titre d'essai", "mode": "a_posteriori"}


def request_file(path, cookie, fields, target):
    """A raw multipart POST for sqlmap -r, the target field marked with *."""
    b = "----sqlmapAgora"
    parts = []
    for name, value in fields.items():
        parts.append('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s%s\r\n'
                     % (b, name, value, "*" if name == target else ""))
    body = "".join(parts) + "--%s--\r\n" % b
    head = ("POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nCookie: %s\r\n"
            "Content-Type: multipart/form-data; boundary=%s\r\n\r\n"
            % (path, harness.PORT, cookie, b))
    f = os.path.join(OUT, "req-%s-%s.txt" % (re.sub(r"\W", "_", path), target))
    with open(f, "w") as fp:
        fp.write(head + body)
    return f


class Canary:
    """A deliberately injectable page (SQLite, string-built SQL) on
    TEST_EXTRA_PORT + 4: sqlmap, run as below, must find it, or a clean
    result would prove nothing."""

    def __init__(self):
        import http.server
        import sqlite3
        import threading
        import urllib.parse
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.execute("CREATE TABLE t (id INTEGER, name TEXT)")
        db.executemany("INSERT INTO t VALUES (?, ?)", [(i, "n%d" % i) for i in range(1, 9)])
        lock = threading.Lock()

        class H(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                q = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
                try:
                    with lock:
                        rows = db.execute("SELECT name FROM t WHERE id = %s"
                                          % q.get("id", ["1"])[0]).fetchall()
                    body, code = ("<p>%s</p>" % rows).encode(), 200
                except sqlite3.Error:
                    body, code = b"erreur", 500
                self.send_response(code)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *a):
                pass

        self.port = harness.EXTRA_PORT + 4
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), H)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@test
def sqlmap_finds_the_injection_of_a_deliberately_injectable_page():
    os.makedirs(OUT, exist_ok=True)
    c = Canary()
    try:
        p = sqlmap(["-u", "http://127.0.0.1:%d/item?id=1" % c.port, "-p", "id"], "canary")
    finally:
        c.stop()
    assert p is not None and "INJECTION" in p, "sqlmap missed the canary: %r" % p


@test
def sqlmap_finds_no_injection_on_any_parameter():
    assert shutil.which("sqlmap"), "sqlmap is not installed (make deps)"
    os.makedirs(OUT, exist_ok=True)
    v = values()
    c, _ = all_roles_client()
    cookie = "agora_sid=" + c.cookies["agora_sid"]
    token = c.get("/themes/ethique/proposer").csrf()
    base = "http://127.0.0.1:%d" % harness.PORT
    points = []
    for pattern, handler, names in targets("GET"):
        if pattern.startswith("/static/"):
            continue
        for n in names:
            points.append(("GET", pattern, n))
        if ":" in pattern:
            points.append(("GET", pattern, "*path"))
    for pattern, handler, names in targets("POST"):
        if pattern in ("/deconnexion", "/deconnexion/partout"):
            continue        # would end the session sqlmap works with
        for n in names:
            if n != "csrf":
                points.append(("POST", pattern, n))
    chosen = points if FULL else [p for p in points if (p[1], p[2]) in {
        ("/themes/:slug", "q"), ("/themes/:slug", "tri"), ("/api/v1/contributions", "theme"),
        ("/propositions/:id", "*path"), ("/propositions/:id/commentaires", "texte")}]
    assert len(chosen) >= (len(points) if FULL else 5), chosen
    def one(i, point):
        method, pattern, name = point
        path = v.path(pattern)
        what = "%s %s %s" % (method, pattern, name)
        if method == "GET" and name == "*path":
            # The capture marked: /propositions/12* tests that segment.
            url = base + re.sub(r"(/\d+|/ethique|/agora\.css)", r"\1*", path, count=1)
            args = ["-u", url, "--cookie", cookie]
        elif method == "GET":
            args = ["-u", "%s%s?%s=%s" % (base, path, name, harness.quote(START.get(name, "1"))),
                    "-p", name, "--cookie", cookie]
        else:
            fields = {"csrf": token, name: START.get(name, "1")}
            args = ["-r", request_file(path, cookie, fields, name)]
        return sqlmap(args, what, os.path.join(OUT, "p%03d" % i))
    with ThreadPoolExecutor(max_workers=JOBS) as pool:
        problems = [p for p in pool.map(one, range(len(chosen)), chosen) if p]
    print("        sqlmap level %s risk %s: %d injection points tested, %d at a time"
          % (LEVEL, RISK, len(chosen), JOBS))
    assert not problems, "\n".join(problems[:10])
