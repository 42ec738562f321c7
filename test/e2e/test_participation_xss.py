# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Participation: malicious Markdown and HTML in every field a citizen
types never becomes active markup in any page that shows it."""

import re
from html.parser import HTMLParser

from harness import Client, eq, lacks, signed_in, test
from participation_lib import csrf_of, post_argument, post_comment, propose, word

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "[clic](javascript:alert(1))",
    "[clic](JaVaScRiPt:alert(1))",
    "[clic](javascript&#58;alert(1))",
    "[clic](&#106;avascript:alert(1))",
    "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[clic](vbscript:msgbox(1))",
    "<javascript:alert(1)>",
    "![img](javascript:alert(1))",
    "![x](https://evil.example/p.png)",
    "<!-- <script>alert(1)</script> -->",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "\"><script>alert(1)</script>",
    "<p onclick=\"alert(1)\">cliquez</p>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "[a](  javascript:alert(1)  )",
    "<object data=\"javascript:alert(1)\"></object>",
]

BAD_TAGS = {"script", "iframe", "object", "embed", "img", "svg", "math", "style",
            "base", "frame", "frameset", "applet", "video", "audio", "source"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")


class Inspector(HTMLParser):
    """Collects what a browser would make active: dangerous elements, event
    handler and style attributes, and URLs with script schemes. Attribute
    values are read as a browser reads them (entities decoded)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and [n for n, _ in attrs] == ["src", "defer"] and \
                re.match(r"^/static/agora\.js(\?v=[0-9a-f]+)?$", dict(attrs)["src"]):
            return      # our own enhancement, from our origin (CSP: 'self')
        if tag in BAD_TAGS:
            self.found.append("<%s>" % tag)
        for name, value in attrs:
            if name.startswith("on") or name == "style" or name == "srcdoc":
                self.found.append("%s attribute on <%s>" % (name, tag))
            if name in ("href", "src", "action", "formaction", "data", "xlink:href"):
                v = re.sub(r"[\x00-\x20]", "", value or "").lower()
                if v.startswith(BAD_SCHEMES):
                    self.found.append("%s=%r on <%s>" % (name, value, tag))

    handle_startendtag = handle_starttag


def assert_inert(page, where):
    p = Inspector()
    p.feed(page)
    p.close()
    assert not p.found, "%s: active markup %s" % (where, p.found[:5])


@test
def xss_corpus_is_inert_everywhere():
    key = word()
    c, uid = signed_in()
    body = "\n\n".join(PAYLOADS) + "\n\nFin du texte."
    r = propose(c, "<script>alert(1)</script> " + key, body)
    eq(r.status, 303, r.visible_text()[:300])
    pid = int(r.header("location").rsplit("/", 1)[1])
    # the preview too
    r = propose(c, "<svg onload=alert(1)> " + key, body, action="preview")
    eq(r.status, 200)
    assert_inert(r.text, "preview")
    for p in PAYLOADS:
        eq(post_argument(c, pid, "pour", p + " " + key).status, 303, p)
        eq(post_comment(c, pid, p + " " + key).status, 303, p)
    for page in ("/propositions/%d" % pid, "/themes/ethique?q=" + key, "/"):
        for client in (c, Client()):
            r = client.get(page)
            eq(r.status, 200, page)
            assert_inert(r.text, page)
    # a link field only takes http(s)
    for bad in ["javascript:alert(1)", "data:text/html,x", " javascript:alert(1)",
                "http://a\" onmouseover=\"alert(1)", "//evil.example"]:
        r = propose(c, "Lien piégé " + word(), "Un texte assez long pour passer ici.", link=bad)
        eq(r.status, 422, bad)
        assert_inert(r.text, "link " + bad)
    lacks(Client().get("/propositions/%d" % pid).text, "evil.example/p.png\"><")
