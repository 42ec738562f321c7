# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Accessibility: every kind of page, anonymous and signed in, checked in
Debian's chromium (test/browser/a11y.js): axe-core's WCAG 2.1 A and AA
rules at 1280 and 320 px, with JavaScript on and off; no sideways scroll at
320 px (reflow); a focus ring of 3:1 at every early Tab stop; under 50 KB
compressed on a first visit (the page and all it loads); screenshots in
var/test/screenshots. Then what a person does with JavaScript on
(test/browser/ux.js): a vote on a flaky connection, focus after a vote,
after a refused form. Runs last (file name), when the other tests have
filled the database."""

import json
import os
import subprocess

import harness
from harness import contains, eq, lacks, test

A11Y = os.path.join(harness.ROOT, "test", "browser", "a11y.js")
UX = os.path.join(harness.ROOT, "test", "browser", "ux.js")
SHOTS = os.path.join(harness.TEST_DIR, "screenshots")
# An address with no space that would widen the discussion (reflow).
LONG_URL = ("https://www.example.org/" + "donnees-publiques-ouvertes-" * 8 +
            "?filtre=" + "x" * 120)

# Pages anyone can see. Each area adds its own (forms included: error states
# are checked by posting invalid forms in their own tests' pages list below).
PUBLIC_PAGES = [
    "/", "/themes/ethique", "/themes/territoires", "/charte", "/confidentialite",
    "/accessibilite", ("/page-inexistante", 404), "/moderation/transparence",
    "/inscription", "/connexion", "/mot-de-passe-oublie",
    "/themes/economie?tri=accord", "/themes/sante?q=donn%C3%A9es&tri=recent",
    "/rapports/", "/rapports/culture", "/export/",
]

# The site-wide search (results and none), a listing filtered by the
# Region's answer, a report's département view (issue 13, items 9, 10, 12):
# a run of their own, so each stays within a11y.js's time on a busy machine.
SEARCH_REPORT_PAGES = [
    "/recherche", "/recherche?q=bornes+d%27acc%C3%A8s", "/recherche?q=zzqxwv",
    "/themes/culture?reponse=sans", "/rapports/culture?territoire=37",
]


def proposal_pages():
    """A proposal with arguments pour and contre, a threaded comment and a
    vote, made through HTTP as citizens would."""
    from participation_lib import new_proposal, post_argument, post_comment, vote
    author, _, pid = new_proposal(title="Des bornes d'accès dans chaque mairie",
                                  body="Pour les démarches **en ligne**, avec une "
                                       "personne pour aider.", slug="culture")
    other, _ = harness.signed_in(name="Voisine Axe")
    assert post_argument(other, pid, "pour", "Utile aux personnes âgées.").status == 303
    assert post_argument(other, pid, "contre", "Coûteux pour les petites communes.").status == 303
    assert post_argument(other, pid, "pour", "Voir l'étude : " + LONG_URL).status == 303
    r = post_comment(other, pid, "Et l'entretien des bornes ?")
    assert r.status == 303, r.status
    cid = int(r.header("location").split("#c")[1])
    assert post_comment(author, pid, "Prévu dans le budget.", parent=cid).status == 303
    assert vote(other, pid, "agree").status == 303
    return ["/propositions/%d" % pid, "/themes/culture/proposer",
            "/propositions/%d/reponse" % pid, "/themes/culture",
            "/propositions/%d?tri=utile" % pid]


# Pages for a signed-in citizen.
CITIZEN_PAGES = ["/", "/themes/sante"]


@test
def participation_pages_pass_axe_core_and_are_valid_html():
    c, _ = harness.signed_in(roles=("citizen", "official"), name="Participante Axe")
    pages = proposal_pages()
    axe(pages, cookie="agora_sid=" + c.cookies["agora_sid"])
    validate(pages, c)
    validate(pages[:1])


def expected(page):
    """A page is a path, which must answer 200, or (path, status) for an
    error page checked on purpose."""
    return page if isinstance(page, tuple) else (page, 200)


def axe(paths, cookie=None):
    return axe_urls([("http://127.0.0.1:%d%s" % (harness.PORT, p), st)
              for p, st in map(expected, paths)], cookie)


def axe_urls(urls, cookie=None):
    """urls: addresses, or (address, expected HTTP status); a11y.js fails a
    page that answers another status (or redirects) before checking it."""
    args = ["node", A11Y, "--shots", SHOTS]
    if cookie:
        args += ["--cookie", cookie]
    for u, st in map(expected, urls):
        args += ["--status", str(st), u]
    r = subprocess.run(args, capture_output=True, text=True, timeout=300)
    # A failed page's line, then its problems indented under it.
    lines = r.stdout.splitlines()
    failures = [l for i, l in enumerate(lines) if l.startswith("FAILED") or
                (l.startswith("        ") and any(x.startswith("FAILED") for x in lines[:i]))]
    assert r.returncode == 0 and not failures, \
        "browser checks failed:\n" + "\n".join(failures[:40]) + r.stderr[-2000:]
    # Every page was weighed on its first visit, and under 50 KB compressed.
    summary = json.loads(lines[-1])
    for w in summary["weights"]:
        assert w["url"].startswith("file:") or 0 < w["bytes"] < 50 * 1024, \
            "page weight of %s: %d bytes" % (w["url"], w["bytes"])
    return summary


def archive_pages():
    """The pages of the imported consultations (archives): the list, an
    archive, its themes (sorted, searched), its reports, its proposals."""
    from archive_lib import DC_SLUG, RN_SLUG, contribution_id, ensure_imported
    ensure_imported()
    rn = "/consultations/" + RN_SLUG
    dc = "/consultations/" + DC_SLUG
    return ["/consultations/", rn, rn + "/themes/ouverture-des-donnees-publiques",
            rn + "/themes/les-communs?tri=accord&q=licence&page=1",
            rn + "/rapports/ouverture-des-donnees-publiques", dc,
            dc + "/themes/democratie-et-citoyennete?tri=votes",
            dc + "/rapports/democratie-et-citoyennete",
            "/propositions/" + contribution_id("opinion/61", RN_SLUG),
            "/propositions/" + contribution_id(
                "participation.lillemetropole.fr/debates/30", "decidim-grand-debat-2019"),
            "/propositions/" + contribution_id(
                "participation.lillemetropole.fr/proposals/457", "decidim-grand-debat-2019")]


def opinion_map_pages():
    """A Pol.is conversation imported with its opinion map: the archive's
    page and its theme's report (scatter, tables, lists), and a report with
    no map (its sentence)."""
    from opinion_lib import BREXIT, ensure_imported
    slug = ensure_imported(BREXIT)
    theme = harness.sql_value("SELECT t.slug FROM themes t JOIN consultations k ON"
                              " k.id = t.consultation_id WHERE k.slug = '%s'" % slug)
    for args in (["--consultation", slug], ["--consultation", slug, "--theme", theme],
                 ["--theme", "ethique"]):
        r = harness.agora("opinion-map", *args)
        assert r.returncode == 0, r.stderr
    return ["/consultations/" + slug, "/consultations/%s/rapports/%s" % (slug, theme),
            "/rapports/ethique"]


@test
def opinion_map_pages_pass_axe_core_and_are_valid_html():
    pages = opinion_map_pages()
    axe(pages)
    validate(pages)


@test
def archive_pages_pass_axe_core_and_are_valid_html():
    pages = archive_pages()
    axe(pages)
    validate(pages)
    c, _ = harness.signed_in(roles=("citizen", "official"), name="Lectrice Archives")
    axe(pages[-3:], cookie="agora_sid=" + c.cookies["agora_sid"])
    validate(pages[-3:], c)


def own_edit_pages():
    """An author's argument with its edit form, and a message in the
    moderators' list (issue 13, item 11). Returns (author cookie, author's
    pages, moderator's client, moderator's pages)."""
    from participation_lib import new_proposal, post_argument
    _, _, pid = new_proposal(title="Une proposition pour modifier son argument")
    author, _ = harness.signed_in(name="Autrice Axe")
    r = post_argument(author, pid, "pour", "Un argument que son autrice *modifie*.")
    assert r.status == 303, r.status
    aid = int(r.header("location").split("#c")[1])
    harness.sql("DELETE FROM rate_events WHERE bucket = 'contact_ip'")
    r = author.submit("/contact-moderation", "/contact-moderation",
                      {"sujet": "charte", "texte": "Une question pour l'axe.\nSur deux lignes.",
                       "lien": "/propositions/%d" % pid})
    assert r.status == 303, r.status
    mod, _ = harness.signed_in(roles=("citizen", "moderator"), name="Modérateur Axe")
    return (author, ["/propositions/%d" % pid, "/contributions/%d/modifier" % aid,
                     "/contact-moderation"],
            mod, ["/moderation/messages"])


@test
def own_edit_and_contact_pages_pass_axe_core_and_are_valid_html():
    author, mine, mod, messages = own_edit_pages()
    axe(["/contact-moderation"])
    validate(["/contact-moderation"])
    axe(mine, cookie="agora_sid=" + author.cookies["agora_sid"])
    validate(mine, author)
    axe(messages, cookie="agora_sid=" + mod.cookies["agora_sid"])
    validate(messages, mod)
    # The contact form sent back with its French errors.
    c = harness.Client()
    bad = c.post("/contact-moderation", {"csrf": c.get("/contact-moderation").csrf(),
                                         "sujet": "", "texte": "Un texte gardé",
                                         "courriel": "pas-une-adresse"})
    assert bad.status == 422, bad.status
    validate_bodies({"/contact-moderation (erreurs)": bad.body})
    import tempfile
    f = os.path.join(tempfile.mkdtemp(prefix="agora-axe-"), "contact.html")
    with open(f, "wb") as out:
        out.write(bad.body.replace(b"<head>", b'<head><base href="http://127.0.0.1:%d/">'
                                   % harness.PORT, 1))
    axe_urls(["file://" + f])


@test
def public_pages_pass_axe_core():
    axe(PUBLIC_PAGES)


@test
def search_and_report_pages_pass_axe_core_and_are_valid_html():
    axe(SEARCH_REPORT_PAGES)
    validate(SEARCH_REPORT_PAGES)


@test
def citizen_pages_pass_axe_core():
    c, _ = harness.signed_in(name="Lecteur Axe")
    axe(CITIZEN_PAGES, cookie="agora_sid=" + c.cookies["agora_sid"])


VNU = os.path.join(harness.ROOT, "test", "browser", "node_modules", "vnu-jar", "build",
                   "dist", "vnu.jar")


def validate_bodies(named):
    """named: {label: html bytes}. Errors of the Nu validator, if any."""
    import json
    import tempfile
    d = tempfile.mkdtemp(prefix="agora-vnu-")
    files = {}
    for i, (label, body) in enumerate(named.items()):
        f = os.path.join(d, "page%d.html" % i)
        with open(f, "wb") as out:
            out.write(body)
        files["file:" + f] = label
    v = subprocess.run(["java", "-jar", VNU, "--stdout", "--format", "json",
                        "--errors-only"] + [f[5:] for f in files], capture_output=True,
                       timeout=300)
    assert v.returncode in (0, 1) and v.stdout.strip(), \
        "the validator did not run: " + v.stderr.decode()[-500:]
    msgs = json.loads(v.stdout.decode()).get("messages", [])
    problems = ["%s:%s: %s" % (files.get(m.get("url"), m.get("url")), m.get("lastLine"),
                               m.get("message")) for m in msgs]
    assert not problems, "invalid HTML:\n" + "\n".join(problems[:20])


def validate(paths, client=None):
    """Every page must answer its status (200 unless said) and be valid
    HTML (the Nu validator, errors only)."""
    c = client or harness.Client()
    bodies = {}
    for p, st in map(expected, paths):
        r = c.get(p)
        harness.eq(r.status, st, "HTTP status of " + p)
        bodies[p] = r.body
    validate_bodies(bodies)


@test
def the_browser_checks_refuse_a_page_that_does_not_answer_200():
    """axe-core and the validator pass on a well-made error page: the
    checks must look at the status first, or a page that starts answering
    404, 403 or 500 (or redirects to the sign-in form) would still pass."""
    for check in (lambda: axe(["/propositions/999999999"]),
                  lambda: axe(["/compte/"]),
                  lambda: validate(["/propositions/999999999"])):
        try:
            check()
        except AssertionError as e:
            assert "999999999" in str(e) or "/compte/" in str(e), str(e)
            continue
        raise AssertionError("a page that does not answer 200 passed the browser checks")
    axe([("/propositions/999999999", 404)])


def moderator_pages():
    """The queue with a pending proposal in it, its item page, and the flag
    form of a published one."""
    import fixtures
    author = harness.make_user(name="Auteur Axe")
    pending = fixtures.proposal(author, "Proposition pour axe", slug="education",
                                body="Un texte de proposition assez long pour la file.",
                                pending=True)
    published = fixtures.proposal(author, "Proposition à signaler pour axe", slug="education")
    return ["/moderation/", "/moderation/%d" % pending, "/contributions/%d/signaler" % published,
            "/admin/consultation", "/compte/notifications", "/compte/", "/compte/suppression",
            "/compte/donnees",
            "/admin/roles", "/admin/roles?q=axe", "/compte/mot-de-passe", "/compte/adresse"]


@test
def moderator_pages_pass_axe_core_and_are_valid_html():
    c, _ = harness.signed_in(roles=("citizen", "moderator", "admin"), name="Modératrice Axe")
    pages = moderator_pages()
    axe(pages, cookie="agora_sid=" + c.cookies["agora_sid"])
    validate(pages, c)


def appeal_pages():
    """The appeal of a moderation decision (issue 13, item 5): a hidden
    proposal, its author's appeal form, and, once filed, the queue item as
    another moderator and as the one who decided see it."""
    import fixtures
    import re as re_
    author_c, author = harness.signed_in(name="Autrice Réexamen Axe")
    pid = fixtures.proposal(author, "Proposition masquée pour axe", slug="education",
                            body="Un texte de proposition qui sera masqué puis réexaminé.")
    first_c, _ = harness.signed_in(roles=("citizen", "moderator"), name="Modérateur Axe")
    page = first_c.get("/moderation/%d" % pid)
    fields = dict(re_.findall(r'name="(csrf|envoi|statut_vu|version)" value="([^"]*)"',
                              page.text))
    fields.update({"decision": "hide", "regle": "R4", "note": ""})
    assert first_c.post("/moderation/%d" % pid, fields).status == 303
    form = "/contributions/%d/reexamen" % pid
    return author_c, first_c, pid, form


@test
def appeal_pages_pass_axe_core_and_are_valid_html():
    author_c, first_c, pid, form = appeal_pages()
    axe([form, "/compte/notifications"], cookie="agora_sid=" + author_c.cookies["agora_sid"])
    validate([form], author_c)
    page = author_c.get(form)
    import re as re_
    fields = dict(re_.findall(r'name="(csrf|envoi)" value="([^"]*)"', page.text))
    fields["raison"] = "court"
    bad = author_c.post(form, fields)
    assert bad.status == 422, bad.status
    validate_bodies({form + " (erreur)": bad.body})
    fields = dict(re_.findall(r'name="(csrf|envoi)" value="([^"]*)"', author_c.get(form).text))
    fields["raison"] = "La proposition porte bien sur l'éducation au numérique."
    assert author_c.post(form, fields).status == 303
    axe([form], cookie="agora_sid=" + author_c.cookies["agora_sid"])
    item = "/moderation/%d" % pid
    other_c, _ = harness.signed_in(roles=("citizen", "moderator"), name="Modératrice Axe 2")
    axe([item, "/moderation/?motif=reexamen"], cookie="agora_sid=" + other_c.cookies["agora_sid"])
    axe([item], cookie="agora_sid=" + first_c.cookies["agora_sid"])
    validate([item], other_c)
    validate([item], first_c)


def epn_pages():
    """The EPN directory's pages (issue 12): a fixed EPN and a mobile one
    with a stop, registered with the command line; the public page and the
    admin pages."""
    import datetime
    import secrets
    tag = secrets.token_hex(3)
    ids = []
    for args in (["--nom", "Médiathèque Axe " + tag, "--commune", "Châteaudun",
                  "--departement", "28", "--adresse", "1 rue de la Mairie",
                  "--horaires", "mardi au samedi\n10 h – 18 h"],
                 ["--nom", "Numéribus Axe " + tag, "--commune", "Châteauroux",
                  "--departement", "36", "--mobile"]):
        r = harness.agora("epn", "add", *args)
        assert r.returncode == 0, r.stderr
        ids.append(int(r.stdout))
    d = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    r = harness.agora("epn", "stop", "--epn", str(ids[1]), "--commune", "Valençay",
                      "--lieu", "Place de l'Église", "--date", d, "--debut", "09:30",
                      "--fin", "12:00")
    assert r.returncode == 0, r.stderr
    return ["/participer-pres-de-chez-vous"], ["/admin/epn", "/admin/epn/%d" % ids[0],
                                              "/admin/epn/%d" % ids[1]]


@test
def epn_pages_pass_axe_core_and_are_valid_html():
    public, admin = epn_pages()
    axe(public)
    validate(public)
    c, _ = harness.signed_in(roles=("citizen", "admin"), name="Administratrice Axe")
    axe(admin, cookie="agora_sid=" + c.cookies["agora_sid"])
    validate(admin, c)
    # The forms sent back with their French errors, EPN and stop.
    token = c.get(admin[0]).csrf()
    bad_epn = c.post(admin[0], {"csrf": token, "nom": "", "commune": "Tours",
                                "departement": "HR"})
    bad_stop = c.post(admin[2] + "/etapes", {"csrf": token, "action": "ajouter",
                                             "commune_etape": "", "lieu": "Halle",
                                             "date": "demain", "debut": "9h",
                                             "fin": ""})
    assert bad_epn.status == 422 and bad_stop.status == 422, (bad_epn.status,
                                                              bad_stop.status)
    validate_bodies({"/admin/epn (erreurs)": bad_epn.body,
                     "/admin/epn/ID/etapes (erreurs)": bad_stop.body})
    import tempfile
    d = tempfile.mkdtemp(prefix="agora-axe-")
    files = []
    for name, body in (("epn.html", bad_epn.body), ("etape.html", bad_stop.body)):
        files.append(os.path.join(d, name))
        with open(files[-1], "wb") as out:
            out.write(body.replace(b"<head>", b'<head><base href="http://127.0.0.1:%d/">'
                                   % harness.PORT, 1))
    axe_urls(["file://" + f for f in files])


def synthesis_pages():
    """A theme's synthesis (issue 16, item 2): two versions saved and the
    second published by a secretariat member, over HTTP, citing two of the
    theme's proposals. The public page, and the secretariat's client with
    its edit and comparison pages and the form refused at a line."""
    from participation_lib import new_proposal, word
    slug = "synthese-axe-" + word(5)
    harness.sql("INSERT INTO themes (consultation_id, slug, position, title, summary, body)"
                " SELECT k.id, '%s', (SELECT max(position) + 1 FROM themes"
                " WHERE consultation_id = k.id), 'Synthèse pour axe', 'Axe.', ''"
                " FROM consultations k WHERE k.is_primary" % slug)
    a = new_proposal(title="Des ateliers numériques en bibliothèque", slug=slug)[2]
    b = new_proposal(title="Un accompagnement aux démarches en ligne", slug=slug)[2]
    c, _ = harness.signed_in(roles=("citizen", "secretariat"), name="Secrétariat Axe")
    edit = "/syntheses/%s/modifier" % slug
    for text in ("# Synthèse\n\n## Accompagner\n\nDes ateliers [#%d].\n" % a,
                 "# Synthèse\n\n## Accompagner\n\nDes ateliers [#%d] et une aide "
                 "aux démarches [#%d].\n" % (a, b)):
        r = c.post(edit, {"csrf": c.get(edit).csrf(), "synthese": text})
        assert r.status == 303, r.status
    r = c.post("/syntheses/%s/publier" % slug, {"csrf": c.get(edit).csrf(), "version": "2"})
    assert r.status == 303, r.status
    refused = c.post(edit, {"csrf": c.get(edit).csrf(), "synthese": "Texte\n[#999999999]"})
    assert refused.status == 422, refused.status
    return (c, ["/syntheses/" + slug, "/propositions/%d" % a],
            [edit, "/syntheses/%s/versions?avant=1&apres=2" % slug], refused.body)


@test
def synthesis_pages_pass_axe_core_and_are_valid_html():
    c, public, secretariat, refused = synthesis_pages()
    axe(public)
    validate(public)
    axe(secretariat, cookie="agora_sid=" + c.cookies["agora_sid"])
    validate(secretariat, c)
    validate_bodies({"/syntheses/SLUG/modifier (erreur)": refused})
    import tempfile
    f = os.path.join(tempfile.mkdtemp(prefix="agora-axe-"), "synthese.html")
    with open(f, "wb") as out:
        out.write(refused.replace(b"<head>", b'<head><base href="http://127.0.0.1:%d/">'
                                  % harness.PORT, 1))
    axe_urls(["file://" + f])
def council_pages():
    """The digital council (issue 16, item 3): a referral with two versions,
    a comment, its opinion published and the Region's response, made
    through the SQL functions the pages call; a second one still open. Their
    mails' text is "x", a fixture's (test_zz_mail_texts.py skips them)."""
    import secrets
    tag = secrets.token_hex(3)
    official = harness.make_user(name="Élue Axe " + tag, roles=("citizen", "official"))
    a = harness.make_user(name="Membre Axe " + tag, roles=("citizen", "conseil"))
    b = harness.make_user(name="Rapporteur Axe " + tag, roles=("citizen", "conseil"))
    rid = int(harness.sql_value(
        "SELECT council_referral_open('saisine', 'Comment rendre les démarches accessibles ?',"
        " current_date + 20, %d, ARRAY['ethique', 'culture'], 'http://x', 's', 'x')" % official))
    harness.sql_value("SELECT council_referral_open('auto_saisine', 'La sobriété numérique',"
                      " current_date + 40, %d, ARRAY['territoires'], 'http://x', 's', 'x')" % a)
    for who, text in ((a, "Premier jet"), (b, "## Recommandations\n\n- former\n- " + LONG_URL)):
        harness.sql_value("SELECT result FROM council_draft_add(%d, %d, '%s', '<p>%s</p>',"
                          " 'http://x', 's', 'x', '{}', '{}')" % (rid, who, text, text))
    harness.sql("INSERT INTO council_comments (referral_id, body, author_id)"
                " VALUES (%d, 'Ajouter les EPN', %d)" % (rid, a))
    harness.sql("UPDATE council_referrals SET rapporteur_id = %d WHERE id = %d" % (b, rid))
    rid2 = int(harness.sql_value(
        "SELECT council_referral_open('saisine', 'Les données ouvertes', current_date + 5,"
        " %d, ARRAY['ethique'], 'http://x', 's', 'x')" % official))
    harness.sql_value("SELECT result FROM council_draft_add(%d, %d, 'Texte', '<p>Texte</p>',"
                      " 'http://x', 's', 'x', '{}', '{}')" % (rid2, a))
    harness.sql("UPDATE council_referrals SET rapporteur_id = %d WHERE id = %d" % (b, rid2))
    harness.sql_value("SELECT council_publish(%d, %d, '%s', current_date, 1, 0, 1, 'http://x',"
                      " 's', 'x', 's', 'x')" % (rid, b, harness.log_pseudonym(b)))
    harness.sql_value("SELECT council_respond(%d, %d, '%s', 'Retenu', '<p>Retenu</p>')"
                      % (rid, official, harness.log_pseudonym(official)))
    public = ["/conseil/", "/conseil/avis/%d" % rid, "/conseil/avis/%d" % rid2]
    last = int(harness.sql_value("SELECT max(id) FROM council_drafts WHERE referral_id = %d" % rid))
    members = ["/conseil/saisines/%d" % rid2, "/conseil/saisines/%d" % rid, "/conseil/saisir",
               "/conseil/saisines/%d/versions/%d" % (rid, last)]
    return public, members, b, official, rid


@test
def council_pages_pass_axe_core_and_are_valid_html():
    public, members, rapporteur, official, rid = council_pages()
    axe(public)
    validate(public)
    c = harness.login(harness.Client(), rapporteur)
    axe(members, cookie="agora_sid=" + c.cookies["agora_sid"])
    validate(members, c)
    o = harness.login(harness.Client(), official)
    axe(["/conseil/avis/%d/reponse" % rid], cookie="agora_sid=" + o.cookies["agora_sid"])
    validate(["/conseil/avis/%d/reponse" % rid], o)
    # The referral form sent back with its French errors.
    bad = o.post("/conseil/saisir", {"csrf": o.get("/conseil/saisir").csrf(),
                                     "question": "", "echeance": "2001-01-01"})
    assert bad.status == 422, bad.status
    validate_bodies({"/conseil/saisir (erreurs)": bad.body})


@test
def public_pages_are_valid_html():
    validate(PUBLIC_PAGES)


@test
def citizen_pages_are_valid_html():
    c, _ = harness.signed_in(name="Lecteur Validateur")
    validate(CITIZEN_PAGES, c)


@test
def forms_with_errors_are_valid_html():
    """A form sent back with its French errors is still valid HTML."""
    c = harness.Client()
    page = c.get("/inscription")
    r = c.post("/inscription", {"csrf": page.csrf(), "nom": "", "courriel": "pas-une-adresse",
                                "mot_de_passe": "court"})
    assert r.status == 422, r.status
    c2, _ = harness.signed_in()
    kept = c2.post("/themes/ethique/proposer", {"csrf": "A" * 43, "titre": "Un titre",
                                                "texte": "Un texte <gardé>"})
    assert kept.status == 403 and b"<textarea" in kept.body, kept.status
    validate_bodies({"/inscription (erreurs)": r.body, "formulaire expiré": kept.body})
    # A POST's answer has no address of its own: axe reads it from a file,
    # with the site's stylesheet.
    import tempfile
    f = os.path.join(tempfile.mkdtemp(prefix="agora-axe-"), "garde.html")
    with open(f, "wb") as out:
        out.write(kept.body.replace(b"<head>", b'<head><base href="http://127.0.0.1:%d/">'
                                    % harness.PORT, 1))
    axe_urls(["file://" + f])


@test
def nginx_error_pages_pass_axe_core_and_are_valid_html():
    """The static pages nginx shows when it answers itself (conf/production/
    erreurs/): French, accessible, valid."""
    d = os.path.join(harness.ROOT, "conf", "production", "erreurs")
    names = sorted(os.listdir(d))
    assert names == ["400.html", "405.html", "413.html", "indisponible.html"], names
    axe_urls(["file://" + os.path.join(d, n) for n in names])
    bodies = {}
    for n in names:
        with open(os.path.join(d, n), "rb") as f:
            bodies[n] = f.read()
        harness.contains(bodies[n].decode("utf-8"), '<html lang="fr">', n)
    validate_bodies(bodies)


def ux(scenario, url, *extra, cookie=None):
    """Runs one scenario of ux.js; its JSON result."""
    args = ["node", UX, scenario]
    if cookie:
        args += ["--cookie", cookie]
    r = subprocess.run(args + ["http://127.0.0.1:%d%s" % (harness.PORT, url)] + list(extra),
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, "ux.js %s: %s" % (scenario, r.stderr[-2000:])
    return json.loads(r.stdout.strip().splitlines()[-1])


def voter(pid_title="Une proposition pour voter en JavaScript"):
    """A proposal, and a verified citizen (cookie) who may vote on it."""
    from participation_lib import new_proposal
    _, _, pid = new_proposal(title=pid_title)
    c, uid = harness.signed_in(name="Votante JS")
    return pid, uid, "agora_sid=" + c.cookies["agora_sid"]


def my_vote(uid, pid):
    return harness.sql_value("SELECT choice FROM votes WHERE user_id = %s AND"
                             " contribution_id = %d" % (uid, pid))


@test
def vote_on_a_flaky_connection_records_exactly_the_clicked_choice():
    """The JavaScript request fails (aborted by the network): the fallback
    sends the form itself, with the clicked button's choice, and the person
    sees the server's confirmation."""
    pid, uid, cookie = voter()
    r = ux("vote-abort", "/propositions/%d" % pid, "mixed", cookie=cookie)
    eq((r["aborted"], r["posts"]), (1, 2), "one aborted request, then the form's")
    eq(my_vote(uid, pid), "mixed", "the vote recorded is the clicked one")
    contains(r["vote"], "Mitigé", "the page shows the vote")
    contains(r["notice"], "enregistré", "the server's confirmation is shown")
    lacks(r["h1"], "Demande non comprise")


@test
def vote_with_javascript_keeps_focus_and_speaks_in_a_live_region():
    pid, uid, cookie = voter("Une proposition pour le focus après un vote")
    url = "/propositions/%d" % pid
    r = ux("vote", url, "disagree", cookie=cookie)
    eq(my_vote(uid, pid), "disagree", "recorded")
    assert r["url"].endswith(url), "no page load: " + r["url"]
    contains(r["vote"], "Pas d'accord")
    assert r["liveReady"], "an empty live region was in the page before the vote"
    assert r["live"]["before"], "the confirmation went to that same region"
    contains(r["live"]["text"], "enregistré")
    eq((r["focus"]["tag"], r["focus"]["value"], r["focus"]["inVotes"], r["focus"]["pressed"]),
       ("button", "disagree", True, "true"), "focus on the pressed choice")


@test
def vote_refused_by_the_server_shows_its_french_message():
    """The consultation closes while the page is open: the vote's 409 is
    shown with the server's own message, in place, nothing recorded."""
    from participation_lib import moved_dates
    pid, uid, cookie = voter("Une proposition close pendant la lecture")
    p = subprocess.Popen(["node", UX, "vote-refused", "--cookie", cookie,
                          "http://127.0.0.1:%d/propositions/%d" % (harness.PORT, pid), "agree"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    try:
        eq(p.stdout.readline().strip(), "ready", "page loaded")
        with moved_dates("closed"):
            p.stdin.write("go\n")
            p.stdin.flush()
            out, err = p.communicate(timeout=120)
    finally:
        if p.poll() is None:
            p.kill()
    assert p.returncode == 0, err[-2000:]
    r = json.loads(out.strip().splitlines()[-1])
    eq(my_vote(uid, pid), None, "nothing recorded")
    assert r["url"].endswith("/propositions/%d" % pid), r["url"]
    assert r["liveReady"] and r["live"]["before"] and r["live"]["refused"], r["live"]
    contains(r["live"]["text"], "La consultation est close")
    lacks(r["live"]["text"], "Avis inconnu")
    eq(r["focus"]["value"], "agree", "focus stays on the button")


@test
def useful_with_javascript_keeps_focus_on_the_mark():
    from participation_lib import new_proposal, post_argument
    author, _, pid = new_proposal(title="Une proposition pour la marque utile")
    assert post_argument(author, pid, "pour", "Un argument à marquer.").status == 303
    c, uid = harness.signed_in(name="Lectrice Utile")
    r = ux("useful", "/propositions/%d" % pid, cookie="agora_sid=" + c.cookies["agora_sid"])
    assert r["url"].endswith("/propositions/%d" % pid), r["url"]
    eq((r["focus"]["tag"], r["focus"]["pressed"]), ("button", "true"), "focus on the mark")
    assert r["live"]["before"], r["live"]
    eq(harness.sql_value("SELECT count(*) FROM argument_useful WHERE user_id = %s" % uid), "1")


@test
def refused_form_says_erreur_and_takes_focus_to_the_summary():
    for url in ("/inscription", "/mot-de-passe-oublie"):
        r = ux("form-error", url)
        assert r["title"].startswith("Erreur"), (url, r["title"])
        eq(r["focus"], "erreurs", url + ": focus on the error summary")
    c, _ = harness.signed_in(name="Proposante Erreur")
    r = ux("form-error", "/themes/culture/proposer", cookie="agora_sid=" + c.cookies["agora_sid"])
    assert r["title"].startswith("Erreur"), r["title"]
    eq(r["focus"], "erreurs", "proposal form: focus on the error summary")


@test
def short_controls_are_named_with_their_context():
    """"Utile", "Répondre" and "Signaler" say which contribution they are
    about, as a screen reader lists them."""
    pages = proposal_pages()
    c, _ = harness.signed_in(name="Lecteur Noms")
    tree = ux("names", pages[0], cookie="agora_sid=" + c.cookies["agora_sid"])["tree"]
    import re
    # Lines such as  - 'button "Utile : argument n° 1 (Pour) de …"'  or
    # - group: "Répondre : …"  (a <details>).
    names = re.findall(r'(button|link|group):? "([^"\n]*)"', tree)
    short = [n for _, n in names if n.split(" ")[0] in ("Utile", "Répondre", "Signaler")]
    for verb in ("Utile", "Répondre", "Signaler"):
        assert any(n.startswith(verb) for n in short), "no %s in:\n%s" % (verb, tree[:3000])
    for n in short:
        assert " : " in n and (" de " in n or "proposition" in n), "bare control: %r" % n
    assert len(set(short)) == len(short), "two controls with the same name: %r" % short


@test
def debate_alternates_on_a_phone_and_faces_itself_on_a_wide_screen():
    """Issue 13, item 6: at 320 px the arguments are read one under the
    other, pour and contre alternating; at 1280 px each side is its own
    column, the first pour and the first contre side by side."""
    from fixtures import argument, proposal
    pid = proposal(harness.make_user(), title="Un débat équilibré sur un téléphone")
    ids = [argument(harness.make_user(), pid, side, "Argument %s %d" % (side, i))
           for side, i in (("pour", 1), ("pour", 2), ("pour", 3), ("contre", 1), ("contre", 2))]
    for url in ("/propositions/%d" % pid, "/propositions/%d?tri=utile" % pid):
        phone = ux("debate", url, "320")
        eq(phone["scrollWidth"], 320, "no sideways scroll at 320 px")
        eq([a["side"] for a in phone["args"]], ["pour", "contre", "pour", "contre", "pour"])
        eq([a["id"] for a in phone["args"]],
           ["c%d" % i for i in (ids[0], ids[3], ids[1], ids[4], ids[2])])
        ys = [a["y"] for a in phone["args"]]
        eq(ys, sorted(ys), "one under the other, in that order")
        eq(len(set(a["x"] for a in phone["args"])), 1, "one column")
        wide = ux("debate", url, "1280")
        pour = [a for a in wide["args"] if a["side"] == "pour"]
        contre = [a for a in wide["args"] if a["side"] == "contre"]
        assert max(a["x"] for a in pour) < min(a["x"] for a in contre), wide
        eq(pour[0]["y"], contre[0]["y"], "the first of each side face to face")


@test
def take_back_pages_pass_axe_core_and_are_valid_html():
    """Issue 13, item 11: the author's view (the "Retirer" forms on a
    proposal, an argument and a comment), an argument withdrawn, a
    proposal withdrawn, at both widths."""
    from participation_lib import csrf_of, new_proposal, post_argument, post_comment
    author, _, pid = new_proposal(title="Une proposition que l'on peut retirer")
    assert post_argument(author, pid, "pour", "Un argument de l'autrice.").status == 303
    r = post_argument(author, pid, "contre", "Un argument retiré ensuite.")
    gone = int(r.header("location").split("#c")[1])
    assert post_comment(author, pid, "Un commentaire de l'autrice.").status == 303
    assert author.post("/contributions/%d/retirer" % gone,
                       {"csrf": csrf_of(author)}).status == 303
    _, _, closed = new_proposal(title="Une proposition retirée par son autrice",
                                body="Un autre texte, pour ne pas être pris pour un doublon.",
                                client=author)
    assert author.post("/contributions/%d/retirer" % closed,
                       {"csrf": csrf_of(author)}).status == 303
    pages = ["/propositions/%d" % pid, "/propositions/%d" % closed]
    cookie = "agora_sid=" + author.cookies["agora_sid"]
    axe(pages, cookie=cookie)
    axe(pages)
    validate(pages, author)
    validate(pages)


def notify_pages():
    """Notifications and following (issue 13, item 8): a person whose
    proposal got an argument and a reply, who follows a proposal and a
    theme; their header with its unread count, the followed pages, the
    notifications, the mail preferences, and a one-click unsubscribe page
    read from the mail's List-Unsubscribe header."""
    import re
    import secrets
    import time
    import fixtures
    from accounts_lib import wait_mail
    addr = "axe-notif-%s@example.org" % secrets.token_hex(4)
    me = harness.make_user(name="Suiveuse Axe", email=addr)
    c = harness.login(harness.Client(), me)
    pid = fixtures.proposal(me, "Des ateliers numériques pour axe", slug="sante")
    other = harness.make_user(name="Voisin Axe")
    arg = fixtures.argument(other, pid, "pour", "Un argument pour les ateliers.")
    followed = fixtures.proposal(other, "Une proposition suivie pour axe", slug="sante")
    token = c.get("/propositions/%d" % followed).csrf()
    assert c.post("/propositions/%d/suivre" % followed,
                  {"csrf": token, "action": "suivre"}).status == 303
    assert c.post("/themes/sante/suivre", {"csrf": token, "action": "suivre"}).status == 303
    fixtures.comment(other, followed, "Un commentaire sur la proposition suivie.")
    fixtures.comment(other, pid, "Une réponse à l'argument.", parent=arg)
    deadline = time.time() + 20
    while harness.sql_value("SELECT count(*) FROM notification_events"
                            " WHERE fanned_out_at IS NULL") != "0":
        assert time.time() < deadline, "events not fanned out"
        time.sleep(0.1)
    _, msg, _ = wait_mail(addr, "argument")
    unsub = re.search(r"(/desabonnement/[^>]+)>", str(msg["List-Unsubscribe"])).group(1)
    return c, ["/", "/propositions/%d" % followed, "/themes/sante", "/compte/courriels",
               "/compte/notifications"], [unsub]


@test
def notify_pages_pass_axe_core_and_are_valid_html():
    c, pages, public = notify_pages()
    # The header's unread count first: reading the notifications clears it.
    home = c.get("/")
    assert "notifications non lues" in home.text, "no unread count in the header"
    validate_bodies({"/ (notifications non lues)": home.body})
    axe(pages, cookie="agora_sid=" + c.cookies["agora_sid"])
    validate(pages, c)
    axe(public)
    validate(public)
    bad = c.post("/compte/courriels", {"csrf": c.get("/compte/courriels").csrf(),
                                       "courriels_reponse": "jamais"})
    assert bad.status == 422, bad.status
    validate_bodies({"/compte/courriels (erreurs)": bad.body})


@test
def mediation_pages_pass_axe_core_and_are_valid_html():
    """The mediators' pages (issue 12, items 2 and 4), empty and sent back
    with their French errors, and under 50 KB compressed (gzip -6 of the
    HTML; the stylesheet is shared and cached)."""
    import gzip
    import secrets
    import tempfile
    import fixtures
    tag = secrets.token_hex(3)
    r = harness.agora("epn", "add", "--nom", "EPN Axe " + tag, "--commune", "Montargis",
                      "--departement", "45")
    assert r.returncode == 0, r.stderr
    eid = int(r.stdout)
    c, uid = harness.signed_in(roles=("citizen", "mediator"), name="Médiatrice Axe")
    r = harness.agora("epn", "mediator", "--epn", str(eid), "--email",
                      harness.sql_value("SELECT email FROM users WHERE id = %d" % uid))
    assert r.returncode == 0, r.stderr
    pid = fixtures.proposal(harness.make_user(), "Proposition médiation " + tag,
                            "Texte de la proposition pour la médiation " + tag)
    pages = ["/mediation/", "/mediation/propositions/%d" % pid,
             "/mediation/propositions/%d/vote" % pid]
    axe(pages, cookie="agora_sid=" + c.cookies["agora_sid"])
    validate(pages, c)
    for p in pages:
        body = c.get(p).body
        assert len(gzip.compress(body)) < 50 * 1024, (p, len(gzip.compress(body)))
    token = c.get(pages[0]).csrf()
    bad = {
        "propose": c.post(pages[0], {"csrf": token, "epn": str(eid), "enjeu": "",
                                     "titre": "x", "texte": "", "territoire": "99"}),
        "reply": c.post(pages[1], {"csrf": token, "epn": "abc", "position": "",
                                   "texte": ""}),
        "vote": c.post(pages[2], {"csrf": token, "epn": str(eid), "nom": "",
                                  "date_naissance": "17/05/1984", "choix": "",
                                  "sexe": "x"}),
    }
    assert all(r.status == 422 for r in bad.values()), {k: r.status for k, r in bad.items()}
    validate_bodies({"/mediation/%s (erreurs)" % k: r.body for k, r in bad.items()})
    d = tempfile.mkdtemp(prefix="agora-axe-")
    files = []
    for name, r in bad.items():
        files.append(os.path.join(d, name + ".html"))
        with open(files[-1], "wb") as out:
            out.write(r.body.replace(b"<head>", b'<head><base href="http://127.0.0.1:%d/">'
                                     % harness.PORT, 1))
    axe_urls(["file://" + f for f in files])

