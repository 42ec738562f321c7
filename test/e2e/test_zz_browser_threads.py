# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""A proposal's thread in pages (issue 18, item 2) in Debian's chromium
(test/browser/a11y.js): axe-core's WCAG 2.1 A and AA rules at 1280 and
320 px, JavaScript on and off, for a visitor and a signed-in person, on
the first page, a later page of one side, a permalink's page, a row's
replies in full and the "utile" order; and valid HTML (the Nu validator)."""

import html
import json
import os
import re
import subprocess

import harness
from fixtures import argument, comment, proposal
from harness import test

A11Y = os.path.join(harness.ROOT, "test", "browser", "a11y.js")
SHOTS = os.path.join(harness.TEST_DIR, "screenshots")
VNU = os.path.join(harness.ROOT, "test", "browser", "node_modules", "vnu-jar", "build",
                   "dist", "vnu.jar")


def thread_pages():
    """A proposal with two pages of each list and a row with many replies."""
    people = [harness.make_user(name="Débattante %d" % i) for i in range(4)]
    pid = proposal(people[0], title="Un débat en plusieurs pages", slug="culture")
    pour = [argument(people[i % 4], pid, "pour", "Un argument pour, le %de." % i)
            for i in range(25)]
    for i in range(22):
        argument(people[(i + 1) % 4], pid, "contre", "Un argument contre, le %de." % i)
    for i in range(23):
        comment(people[(i + 2) % 4], pid, "Un commentaire, le %de." % i)
    replies = [comment(people[i % 4], pid, "Une réponse, la %de." % i, parent=pour[3])
               for i in range(12)]
    first = harness.Client().get("/propositions/%d" % pid)
    nxt = re.search(r'<a href="([^"]+)" rel="next">Arguments pour suivants</a>', first.text)
    assert nxt, "a next page of arguments pour"
    more = re.search(r'<p class="more-replies"><a href="([^"]+)"', first.text)
    assert more, "a link to the rest of the replies"
    return ["/propositions/%d" % pid, html.unescape(nxt.group(1)).split("#")[0],
            "/propositions/%d?voir=%d" % (pid, replies[11]),
            html.unescape(more.group(1)).split("#")[0],
            "/propositions/%d?tri=utile&contre=de-%d" % (pid, pour[0] + 1)]


def axe(paths, cookie=None):
    args = ["node", A11Y, "--shots", SHOTS]
    if cookie:
        args += ["--cookie", cookie]
    for p in paths:
        args += ["--status", "200", "http://127.0.0.1:%d%s" % (harness.PORT, p)]
    r = subprocess.run(args, capture_output=True, text=True, timeout=300)
    lines = r.stdout.splitlines()
    failures = [l for i, l in enumerate(lines) if l.startswith("FAILED") or
                (l.startswith("        ") and any(x.startswith("FAILED") for x in lines[:i]))]
    assert r.returncode == 0 and not failures, \
        "browser checks failed:\n" + "\n".join(failures[:40]) + r.stderr[-2000:]
    summary = json.loads(lines[-1])
    for w in summary["weights"]:
        assert w["url"].startswith("file:") or 0 < w["bytes"] < 50 * 1024, \
            "page weight of %s: %d bytes" % (w["url"], w["bytes"])


def validate(paths, client):
    import tempfile
    d = tempfile.mkdtemp(prefix="agora-vnu-")
    files = {}
    for i, p in enumerate(paths):
        r = client.get(p)
        harness.eq(r.status, 200, p)
        f = os.path.join(d, "page%d.html" % i)
        with open(f, "wb") as out:
            out.write(r.body)
        files["file:" + f] = p
    v = subprocess.run(["java", "-jar", VNU, "--stdout", "--format", "json", "--errors-only"]
                       + [f[5:] for f in files], capture_output=True, timeout=300)
    assert v.returncode in (0, 1) and v.stdout.strip(), \
        "the validator did not run: " + v.stderr.decode()[-500:]
    msgs = json.loads(v.stdout.decode()).get("messages", [])
    problems = ["%s:%s: %s" % (files.get(m.get("url"), m.get("url")), m.get("lastLine"),
                               m.get("message")) for m in msgs]
    assert not problems, "invalid HTML:\n" + "\n".join(problems[:20])


@test
def paginated_thread_pages_pass_axe_core_and_are_valid_html():
    pages = thread_pages()
    c, _ = harness.signed_in(name="Lectrice Axe")
    axe(pages)
    axe(pages, cookie="agora_sid=" + c.cookies["agora_sid"])
    validate(pages, harness.Client())
    validate(pages, c)
