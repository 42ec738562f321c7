# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The XSS corpus through every text field a person types, then every page
that shows it opened in Debian's chromium, with the CSP and with it
bypassed: no payload may run (test/browser/xss.js). Issue 14; the HTML
parser's check of the same corpus is test_participation_xss.py."""

import os
import subprocess

import harness
from harness import eq, sql, test
from participation_lib import csrf_of, post_argument, post_comment, propose, word
from security_lib import FULL, sample
from test_participation_xss import PAYLOADS as BASE

XSS_JS = os.path.join(harness.ROOT, "test", "browser", "xss.js")

# Each sets the marker or opens a dialog if it ever runs.
PAYLOADS = [
    "<script>window.__agora_xss='script'</script>",
    "<img src=x onerror=\"window.__agora_xss='img'\">",
    "\"><svg onload=alert('svg')>",
    "'><img src=x onerror=alert('quote')>",
    "</textarea><script>alert('textarea')</script>",
    "</title><script>alert('title')</script>",
    "<details open ontoggle=alert('details')>",
    "[lien](javascript:alert('md'))",
    "<a href=\"javascript:alert('a')\">clic</a>",
    "<iframe srcdoc=\"<script>parent.alert('srcdoc')</script>\"></iframe>",
    "<input autofocus onfocus=alert('focus')>",
    "<div onmouseover=\"window.__agora_xss='hover'\">survol</div>",
    "<style>*{background:url(\"javascript:alert('css')\")}</style>",
    "{{constructor.constructor('alert(1)')()}}",
    "<base href=\"javascript:alert('base')//\">",
    "<form action=\"javascript:alert('form')\"><button>x</button></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('meta')\">",
    "<scr<script>ipt>alert('nested')</script>",
    "&lt;script&gt;alert('entity')&lt;/script&gt;",
    "<svg><animate onbegin=alert('animate') attributeName=x dur=1s>",
] + BASE


def chromium(urls, cookie):
    cmd = ["node", XSS_JS, "--cookie", cookie] + urls
    r = subprocess.run(cmd, cwd=os.path.join(harness.ROOT, "test", "browser"),
                       capture_output=True, text=True, timeout=1800)
    failed = [l for l in r.stdout.splitlines() if l.startswith("FAILED")]
    assert r.returncode == 0 and not failed, "script ran:\n" + "\n".join(
        failed[:10]) + r.stderr[-1000:]
    return r.stdout.splitlines()[-1]


@test
def the_chromium_check_sees_a_payload_that_runs():
    """A page where the corpus does run (unescaped, no CSP): xss.js must
    say so, or its silence on Agora's pages would prove nothing."""
    f = os.path.join(harness.TEST_DIR, "xss-canary.html")
    with open(f, "w") as fp:
        fp.write("<!DOCTYPE html><title>x</title>" + PAYLOADS[0] + PAYLOADS[2])
    r = subprocess.run(["node", XSS_JS, "file://" + f],
                       cwd=os.path.join(harness.ROOT, "test", "browser"),
                       capture_output=True, text=True, timeout=300)
    eq(r.returncode, 1, r.stdout + r.stderr)
    assert "marker script" in r.stdout and "dialog alert" in r.stdout, r.stdout


@test
def no_payload_runs_in_chromium_from_any_field_that_pages_show():
    author, author_id = harness.signed_in(roles=("citizen", "moderator", "official", "admin"))
    reader, _ = harness.signed_in()
    payloads = sample(PAYLOADS, 6)
    urls = set()
    base = "http://127.0.0.1:%d" % harness.PORT
    for i, p in enumerate(payloads):
        # The display name shows beside everything the author writes.
        sql("UPDATE users SET display_name = $x$%s$x$ WHERE id = %d"
            % (("N%d " % i + p)[:60], author_id))
        # A tail of its own, or the spam brake would hold look-alike texts
        # as probable duplicates (and nobody could argue on them).
        tail = " ".join(word() for _ in range(8))
        r = propose(author, ("T%d " % i + p)[:140], p + "\n\nUn texte assez long : " + tail)
        eq(r.status, 303, "proposal %d: %s" % (i, r.visible_text()[:200]))
        pid = int(r.header("location").rsplit("/", 1)[1])
        eq(post_argument(author, pid, "pour", p + " " + tail).status, 303, "argument")
        eq(post_comment(reader, pid, p + " " + tail).status, 303, "comment")
        token = csrf_of(reader)
        r = reader.post("/contributions/%d/signaler" % pid,
                        {"csrf": token, "regle": "R3", "note": p[:500]})
        assert r.status in (303, 200), "flag %d" % r.status
        page = author.get("/propositions/%d/reponse" % pid)
        if page.status == 200:
            r = author.post("/propositions/%d/reponse" % pid,
                            {"csrf": page.csrf(), "action": "publier", "statut": "a_l_etude", "reponse": p})
            assert r.status in (303, 200, 422), "answer %d" % r.status
        urls.update(["/propositions/%d" % pid, "/moderation/%d" % pid])
        urls.add("/themes/ethique?q=" + harness.quote(p[:200]))
        urls.add("/connexion?retour=" + harness.quote("/" + p))
        urls.add("/" + harness.quote(p, ))
    urls.update(["/themes/ethique", "/themes/ethique?tri=recent", "/moderation/",
                 "/compte/", "/compte/notifications", "/rapports/ethique", "/"])
    summary = chromium(sorted(base + u for u in urls),
                       "agora_sid=" + author.cookies["agora_sid"])
    print("        %s (%d payloads%s)" % (summary, len(payloads), ", full" if FULL else ""))
