# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Paper forms in the browser (issue 12, items 5 and 6): the printable
form and the batch screen through axe-core, the Nu validator and the
page-weight check of test_zz_browser.py (JavaScript on and off, 320 and
1280 px, no sideways scroll, under 50 KB compressed on a first visit),
and three paper sheets typed in a row with the keyboard alone
(test/browser/ux.js, scenario paper-batch). Runs after test_zz_browser.py
(file name), when the other tests have filled the database."""

import json
import os

import harness
from harness import contains, eq, test
from test_zz_browser import axe, axe_urls, ux, validate, validate_bodies


PAPER = "/mediation/saisie-papier"


def paper_desk():
    """Paper forms (issue 12, item 5): a mediator attached to one EPN, and
    the printed references of n sheets of a theme. (client, EPN id)."""
    import secrets
    r = harness.agora("epn", "add", "--nom", "EPN Papier " + secrets.token_hex(3),
                      "--commune", "Romorantin-Lanthenay", "--departement", "41")
    assert r.returncode == 0, r.stderr
    eid = int(r.stdout)
    c, uid = harness.signed_in(roles=("citizen", "mediator"), name="Médiatrice Papier")
    r = harness.agora("epn", "mediator", "--epn", str(eid), "--email",
                      harness.sql_value("SELECT email FROM users WHERE id = %d" % uid))
    assert r.returncode == 0, r.stderr
    return c, eid


def printed(slug, n):
    import re
    r = harness.Client().get("/themes/%s/formulaire?exemplaires=%d" % (slug, n))
    eq(r.status, 200, "the form page")
    codes = re.findall(r'<strong class="paper-code">([0-9A-Z-]{9})</strong>', r.text)
    eq(len(codes), n, "references printed")
    return codes


def today_fr():
    import datetime
    import zoneinfo
    return datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Paris")).strftime("%d/%m/%Y")


@test
def paper_pages_pass_axe_core_and_are_valid_html():
    """The printable form (one sheet, three sheets), the batch screen empty
    and after a sheet, and sent back with its French errors; each under
    50 KB compressed on a first visit (a11y.js weighs every page)."""
    import tempfile
    c, eid = paper_desk()
    code = printed("ethique", 1)[0]
    token = c.get(PAPER).csrf()
    fields = {"csrf": token, "epn": str(eid), "enjeu": "ethique", "recueil": today_fr(),
              "feuille": code, "titre": "Une proposition sur papier pour axe",
              "texte": "Un texte écrit à la main, recopié pour la vérification.",
              "territoire": "41", "version_consentement": "v1", "consentement": "1"}
    r = c.post(PAPER, fields)
    eq(r.status, 303, r.visible_text()[:300])
    public = ["/themes/ethique/formulaire", "/themes/sante/formulaire?exemplaires=3"]
    mine = [PAPER, r.header("location")]
    cookie = "agora_sid=" + c.cookies["agora_sid"]
    for summary in (axe(public), axe(mine, cookie=cookie)):
        eq(len(summary["weights"]), 2, "every page weighed")
    validate(public)
    validate(mine, c)
    bad = c.post(PAPER, dict(fields, feuille=code, titre="Le même, une deuxième fois"))
    worse = c.post(PAPER, dict(fields, feuille="ABC", enjeu="", recueil="demain",
                               consentement=""))
    eq((bad.status, worse.status), (409, 422), "refused")
    validate_bodies({PAPER + " (déjà saisie)": bad.body, PAPER + " (erreurs)": worse.body})
    d = tempfile.mkdtemp(prefix="agora-axe-")
    files = []
    for name, resp in (("deja.html", bad), ("erreurs.html", worse)):
        files.append(os.path.join(d, name))
        with open(files[-1], "wb") as out:
            out.write(resp.body.replace(b"<head>", b'<head><base href="http://127.0.0.1:%d/">'
                                        % harness.PORT, 1))
    axe_urls(["file://" + f for f in files])


@test
def three_paper_sheets_typed_with_the_keyboard_alone_keep_the_focus_where_expected():
    """Issue 12, item 6: a fast typist enters three sheets in a row without
    the mouse. The first time, the focus starts on the batch's first field
    to choose (the only EPN is chosen already); each sheet's fields follow
    in the order of the printed form; after each save the page comes back
    with the focus on the next reference, "Feuille ... enregistrée" in its
    live region, and the EPN, theme and collection day kept."""
    c, eid = paper_desk()
    codes = printed("sante", 3)
    sheets = [{"code": code.replace("-", "").lower() if i == 2 else code,
               "title": "Feuille tapée au clavier numéro %d" % (i + 1),
               "text": "Un texte recopié depuis la feuille papier numéro %d." % (i + 1)}
              for i, code in enumerate(codes)]
    r = ux("paper-batch", PAPER, json.dumps({"theme": "Santé", "day": today_fr(),
                                             "sheets": sheets}),
           cookie="agora_sid=" + c.cookies["agora_sid"])
    eq(r["first"], "f-enjeu", "focus on the theme, the first field to choose")
    sheet = ["f-feuille", "f-titre", "f-texte", "f-territoire", "f-contact",
             "f-consentement", "BUTTON"]
    eq(r["sheets"][0]["stops"], ["f-enjeu", "f-recueil"] + sheet, "first sheet, Tab by Tab")
    for i, got in enumerate(r["sheets"]):
        if i > 0:
            eq(got["stops"], sheet, "sheet %d, Tab by Tab" % (i + 1))
        eq(got["focus"], "f-feuille", "sheet %d saved: focus on the next reference" % (i + 1))
        eq(got["liveRole"], "status", "a live region")
        contains(got["live"], "Feuille %s enregistrée" % codes[i], "sheet %d confirmed" % (i + 1))
        eq((got["epn"], got["theme"], got["day"], got["sheet"]),
           (str(eid), "sante", today_fr(), ""), "sheet %d: the batch kept, the reference empty"
           % (i + 1))
    eq(harness.sql("SELECT sheet_code, channel, epn_id, theme_id = (SELECT t.id FROM themes t"
                   " JOIN consultations k ON k.id = t.consultation_id WHERE k.is_primary"
                   " AND t.slug = 'sante') FROM contributions WHERE sheet_code IN (%s)"
                   " ORDER BY id" % ",".join("'%s'" % x.replace("-", "") for x in codes)),
       [[x.replace("-", ""), "paper", str(eid), "t"] for x in codes], "three sheets stored")
