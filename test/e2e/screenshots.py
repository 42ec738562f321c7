# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The README's screenshots: the snapshot's fixed content (snapshot.py:
the same accounts, texts, votes and decisions every time), then the main
pages each kind of person uses, opened in Debian's chromium by the
browser checks (test/browser/a11y.js: axe, reflow and focus checked on
the way), at 1280 px and at 320 px, copied under clear names into DIR.

    make screenshots          (DIR = test/browser/screenshots)"""

import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import harness  # noqa: E402
import snapshot  # noqa: E402
from harness import sql_value  # noqa: E402

A11Y = os.path.join(harness.ROOT, "test", "browser", "a11y.js")


def main_pages(ids):
    """(who, name in the README, path): who is a snapshot person's key, or
    None for an anonymous visitor."""
    p1, p2 = ids[0], ids[1]
    arg = sql_value("SELECT min(id) FROM contributions WHERE kind = 'argument'")
    return [
        (None, "accueil", "/"),
        (None, "theme", "/themes/ethique"),
        (None, "proposition", "/propositions/%d" % p1),
        (None, "rapport", "/rapports/ethique"),
        (None, "transparence", "/moderation/transparence"),
        (None, "pres-de-chez-vous", "/participer-pres-de-chez-vous"),
        (None, "donnees-ouvertes", "/export/"),
        ("alice", "proposer", "/themes/ethique/proposer"),
        ("alice", "compte", "/compte/"),
        ("chloe", "moderation", "/moderation/"),
        ("chloe", "decision", "/moderation/%s" % arg),
        ("david", "reponse-officielle", "/propositions/%d/reponse" % p2),
    ]


def epns():
    """Two EPNs and the mobile EPN's next stops, for the directory page."""
    def agora(*args):
        r = harness.agora("epn", *args)
        assert r.returncode == 0, r.stderr
        return r.stdout.strip()
    agora("add", "--nom", "EPN de la médiathèque", "--commune", "Bourges",
          "--departement", "18", "--adresse", "Boulevard Lamarck",
          "--horaires", "Mardi au samedi, 10 h – 18 h")
    agora("add", "--nom", "Espace numérique du centre social", "--commune",
          "Vierzon", "--departement", "18")
    bus = agora("add", "--nom", "EPN mobile", "--commune", "Orléans",
                "--departement", "45", "--mobile")
    start = datetime.date.today() + datetime.timedelta(days=3)
    for n, (commune, place) in enumerate((("Sully-sur-Loire", "Place du marché"),
                                         ("Aubigny-sur-Nère", "Parking de la mairie"))):
        agora("stop", "--epn", bus, "--commune", commune, "--lieu", place, "--date",
              (start + datetime.timedelta(days=7 * n)).isoformat(), "--debut",
              "09:30", "--fin", "12:30")


# The pages the README also shows at 320 px (the others at 1280 px only,
# to keep the repository light).
NARROW = {"accueil", "proposition", "pres-de-chez-vous"}


def cookie_of(key):
    return "agora_sid=" + snapshot.session_token(key)


def shoot(out, ids):
    tmp = tempfile.mkdtemp(prefix="agora-shots-")
    by_who = {}
    for who, name, path in main_pages(ids):
        by_who.setdefault(who, []).append((name, path))
    for who, pages in by_who.items():
        args = ["node", A11Y, "--shots", os.path.join(tmp, who or "anonyme")]
        if who:
            args += ["--cookie", cookie_of(who)]
        args += ["http://127.0.0.1:%d%s" % (harness.PORT, p) for _, p in pages]
        r = subprocess.run(args, capture_output=True, text=True, timeout=600)
        if r.returncode != 0:
            print(r.stdout[-3000:] + r.stderr[-2000:])
            return 1
        for name, path in pages:
            for width in (1280, 320) if name in NARROW else (1280,):
                shot = snapshot_name(path, width)
                shutil.copy(os.path.join(tmp, who or "anonyme", shot),
                            os.path.join(out, "%s-%d.png" % (name, width)))
    shutil.rmtree(tmp)
    print("screenshots: %d pages into %s" % (len(main_pages(ids)), out))
    return 0


def snapshot_name(path, width):
    """a11y.js's file name for a page at a width, scripts on."""
    base = re.sub(r"[^A-Za-z0-9]+", "_", path).strip("_") or "accueil"
    return "%s-%d.png" % (base[:80], width)


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    r = harness.agora("migrate")
    if r.returncode != 0:
        print("screenshots: migrate failed:\n" + r.stdout + r.stderr)
        return 1
    kore = harness.Kore("screenshots").start()
    harness.MAIN = kore
    try:
        _, ids = snapshot.seed()
        epns()
        return shoot(out, ids)
    finally:
        kore.stop()


if __name__ == "__main__":
    sys.exit(main())
