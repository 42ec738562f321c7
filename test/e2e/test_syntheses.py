# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Syntheses (issue 16, item 2) end to end: the secretariat role granted
with `agora user role`, a draft started from the topics `agora topics`
found, edited, a citation to another theme's or an unknown contribution
refused at its line with the text kept, versions compared, publishing
(a separate, recorded act) making it public with its counts and its
citations as links, the cited proposal saying so, everyone else refused,
and /export/syntheses.json matching the page."""

import html
import json
import re

import harness
from accounts_lib import wait_mail
from harness import Client, contains, eq, lacks, sql, sql_value, test
from modlog_lib import LOG_URL, assert_ok, public_acts, text_hash, verify
from participation_lib import new_proposal, post_argument, word

SUBJECTS = [
    ["Des pistes cyclables pour aller au lycée à vélo",
     "Un vélo en libre service et des pistes cyclables sûres",
     "Garer son vélo près des gares : des abris vélos et des pistes",
     "Pistes cyclables continues entre les villages, vélo électrique aidé"],
    ["La fibre optique dans chaque village, un vrai débit internet",
     "Un débit internet correct : la fibre avant 2028",
     "Fibre optique et couverture mobile des zones blanches, débit",
     "Raccorder les fermes à la fibre, un internet à haut débit"],
    ["Des repas bio et locaux à la cantine du collège",
     "Cantine scolaire : produits locaux, repas végétarien chaque semaine",
     "Moins de gaspillage à la cantine, des repas cuisinés sur place",
     "Une cantine bio pour tous les lycées, repas à prix réduit"],
]


def new_theme(tag):
    slug = "synthese-" + tag
    sql("INSERT INTO themes (consultation_id, slug, position, title, summary, body)"
        " SELECT k.id, '%s', (SELECT max(position) + 1 FROM themes"
        " WHERE consultation_id = k.id), 'Thème synthétisé %s', 'Synthèse.', ''"
        " FROM consultations k WHERE k.is_primary" % (slug, tag))
    return slug


def textarea(page):
    m = re.search(r'(?s)<textarea[^>]*name="synthese"[^>]*>\n?(.*?)</textarea>', page.text)
    assert m, "no synthesis textarea"
    return html.unescape(m.group(1))


def save(client, slug, text):
    page = client.get("/syntheses/%s/modifier" % slug)
    eq(page.status, 200)
    return client.post("/syntheses/%s/modifier" % slug,
                       {"csrf": page.csrf(), "synthese": text})


def secretariat():
    """A verified account given the role as administrators do, from the
    command line."""
    email = "secretariat-%s@example.org" % word(8)
    uid = harness.make_user(name="Secrétariat " + word(4), email=email)
    r = harness.agora("user", "role", email, "+secretariat")
    eq(r.returncode, 0, r.stderr)
    eq(sql_value("SELECT count(*) FROM user_roles WHERE user_id = %d"
                 " AND role = 'secretariat'" % uid), "1")
    return harness.login(Client(), uid), uid


def versions(slug):
    return int(sql_value("SELECT count(*) FROM synthesis_versions v JOIN syntheses s"
                         " ON s.id = v.synthesis_id JOIN themes t ON t.id = s.theme_id"
                         " WHERE t.slug = '%s'" % slug))


@test
def a_synthesis_is_drafted_from_topics_checked_compared_and_published():
    slug = new_theme(word(6))
    ids = []
    for titles in SUBJECTS:
        for t in titles:
            ids.append(new_proposal(title=t, body=t + ".", slug=slug)[2])
    foreign = new_proposal(title="Une proposition d'un autre thème " + word())[2]
    r = harness.agora("topics", "--theme", slug)
    eq(r.returncode, 0, r.stderr)
    client, uid = secretariat()

    # Before anything is published: nobody reads it.
    r = Client().get("/syntheses/" + slug)
    eq(r.status, 404)
    contains(r.visible_text(), "pas encore publiée")

    # The draft, from the topics: a section per topic, its figures, its
    # representative proposals as citations.
    page = client.get("/syntheses/%s/modifier" % slug)
    eq(page.status, 200)
    draft = textarea(page)
    eq(len(re.findall(r"(?m)^## Sujet \d\u00a0: ", draft)), 3, draft)
    contains(draft, "4 propositions")
    cited = [int(n) for n in re.findall(r"\[#(\d+)\]", draft)]
    eq(len(cited), 9, "three per topic")
    assert set(cited) <= set(ids), cited
    contains(page.visible_text(), "Aucune version n'est encore enregistrée")

    # Version 1 as drafted, version 2 rewritten with one more citation.
    r = save(client, slug, draft)
    eq(r.status, 303, r.visible_text()[:300])
    eq(r.header("location"), "/syntheses/%s/modifier" % slug)
    extra = [i for i in ids if i not in cited][0]
    # An argument can be cited too.
    arguer, _ = harness.signed_in()
    r = post_argument(arguer, extra, "pour", "Un argument pour, cité dans la synthèse.")
    eq(r.status, 303)
    arg = int(r.header("location").split("#c")[1])
    text2 = (draft.rstrip("\n") + "\n\nEn conclusion, une idée à retenir [#%d].\n"
             "Et un argument [#%d].\n" % (extra, arg))
    eq(save(client, slug, text2).status, 303)
    eq(versions(slug), 2)

    # A citation of another theme, then an unknown one: refused at the line,
    # the text kept, nothing saved.
    for bad in (foreign, 987654321):
        typed = "# Synthèse\n\nUne phrase.\nCitation fautive [#%d] ici.\n" % bad
        r = save(client, slug, typed)
        eq(r.status, 422)
        contains(r.visible_text(), "Ligne 4 : la contribution n°%d n'existe pas ou "
                 "n'appartient pas à ce thème" % bad)
        eq(textarea(r).strip(), typed.strip(), "the text is kept")
        eq(versions(slug), 2, "nothing saved")
    r = save(client, slug, "   \n  ")
    eq(r.status, 422)
    eq(versions(slug), 2)

    # The versions compared: what changed, who, when.
    r = client.get("/syntheses/%s/versions?avant=1&apres=2" % slug)
    eq(r.status, 200)
    text = r.visible_text()
    contains(text, "3 lignes ajoutées, 0 ligne retirée")
    contains(text, "ajoutée En conclusion, une idée à retenir [#%d]" % extra)
    name = sql_value("SELECT display_name FROM users WHERE id = %d" % uid)
    contains(text, "version 1 (" + name)

    # Who will be told: a follower of the theme, the cited argument's author.
    follower_mail = "suit-synthese-%s@example.org" % word(6)
    follower = harness.make_user(email=follower_mail)
    sql("INSERT INTO follows (user_id, theme_id) SELECT %d, id FROM themes"
        " WHERE slug = '%s'" % (follower, slug))
    arguer_mail = sql_value("SELECT email FROM users WHERE id = (SELECT author_id"
                            " FROM contributions WHERE id = %d)" % arg)

    # Publishing, a separate act: until then, still not public.
    eq(Client().get("/syntheses/" + slug).status, 404)
    page = client.get("/syntheses/%s/modifier" % slug)
    contains(page.visible_text(), "Publier la version 2")
    r = client.post("/syntheses/%s/publier" % slug, {"csrf": page.csrf(), "version": "2"})
    eq(r.status, 303)
    eq(r.header("location"), "/syntheses/" + slug)
    eq(sql_value("SELECT count(*) FROM synthesis_publications p JOIN synthesis_versions v"
                 " ON v.id = p.version_id WHERE p.published_by = %d AND v.number = 2" % uid), "1")
    # The follower and the cited author are told by mail (issue 16, item 4).
    _, msg, _ = wait_mail(follower_mail, "synthesis_published")
    contains(msg["Subject"], "Synthèse publiée")
    contains(msg.get_body().get_content(), "/syntheses/" + slug)
    _, msg, _ = wait_mail(arguer_mail, "synthesis_cited")
    contains(msg["Subject"], "Votre contribution est citée")
    # Publishing the same version again tells nobody a second time.
    page = client.get("/syntheses/%s/modifier" % slug)
    eq(client.post("/syntheses/%s/publier" % slug, {"csrf": page.csrf(),
                                                     "version": "2"}).status, 303)
    for who, kind in ((arguer_mail, "synthesis_cited"),
                      (follower_mail, "synthesis_published")):
        eq(sql_value("SELECT count(*) FROM outbox WHERE recipient = '%s' AND kind = '%s'"
                     % (who, kind)), "1", kind + " once")
    # And on the site (issue 16, item 4), once: the cited author's and the follower's notifications, linked.
    title = sql_value("SELECT title FROM themes WHERE slug = '%s'" % slug)
    for who, sentence in ((arguer, "Votre contribution est citée dans une synthèse : "
                           "synthèse du thème « %s », qui cite « " % title),
                          (harness.login(Client(), follower),
                           "Synthèse publiée d'un thème que vous suivez : "
                           "synthèse du thème « %s »." % title)):
        notes = who.get("/compte/notifications")
        contains(notes.visible_text(), "Nouveau — ")
        contains(notes.visible_text(), sentence)
        eq(notes.text.count('href="/syntheses/%s"' % slug), 1, "one notification, linked")
    contains(arguer.get("/compte/notifications").text, 'href="/propositions/%d?voir=%d#c%d"'
             % (extra, arg, arg))

    pub = Client().get("/syntheses/" + slug)
    eq(pub.status, 200)
    text = pub.visible_text()
    contains(text, "Version 2, publiée le")
    contains(text, "par " + name)
    n_cited = len(set(cited) | {extra, arg})
    total = int(sql_value("SELECT count(*) FROM contributions c JOIN themes t ON t.id = c.theme_id"
                          " WHERE t.slug = '%s' AND c.is_public" % slug))
    eq(total, 13)
    contains(text, "Contributions citées : %d" % n_cited)
    contains(text, "Contributions du thème qu'aucune citation ne couvre : %d sur %d "
             "contributions publiques" % (total - n_cited, total))
    title = sql_value("SELECT title FROM contributions WHERE id = %d" % extra)
    contains(pub.text, '<a class="citation" data-n="%d" href="/propositions/%d">%s</a>'
             % (extra, extra, html.escape(title, quote=True)))
    lacks(pub.text, "[#%d]" % extra)
    contains(pub.text, '<a class="citation" data-n="%d" href="/propositions/%d?voir=%d#c%d">Un '
             'argument pour, cité dans la synthèse.</a>' % (arg, extra, arg, arg))

    # The cited proposal says so; an uncited one does not.
    page = Client().get("/propositions/%d" % extra)
    contains(page.visible_text(), "Proposition citée dans la synthèse du thème « Thème synthétisé")
    contains(page.visible_text(), "Contribution citée dans la synthèse")
    contains(page.text, 'href="/syntheses/%s"' % slug)
    uncited = [i for i in ids if i not in cited and i != extra][0]
    lacks(Client().get("/propositions/%d" % uncited).visible_text(), "citée dans la synthèse")

    # Links from the theme and its report.
    contains(Client().get("/themes/" + slug).text, 'href="/syntheses/%s"' % slug)
    contains(Client().get("/rapports/" + slug).text, 'href="/syntheses/%s"' % slug)
    contains(Client().get("/export/").text, 'href="/export/syntheses.json"')

    # The open data.
    r = Client().get("/export/syntheses.json")
    eq(r.status, 200)
    contains(r.header("content-type"), "application/json")
    data = json.loads(r.body)
    contains(data["licence"], "Licence Ouverte")
    mine = [s for s in data["syntheses"] if s["theme"] == slug]
    eq(len(mine), 1)
    s = mine[0]
    eq(s["version"], 2)
    eq(s["text"], text2.strip())
    eq(s["citations"], sorted(set(cited) | {extra, arg}))
    eq(s["cited"], n_cited)
    eq(s["uncovered"], total - n_cited)
    eq(s["url"], "/syntheses/" + slug)

    # Publishing is dated and logged: each publication (version 2 twice)
    # is a row of the public moderation log, by the secretary's pseudonym,
    # chaining the SHA-256 of the text published; agora verify-log passes.
    acts = public_acts("synthese:%s:" % slug)
    eq([(a["action"], a["objet"], a["statut_apres"]) for a in acts],
       [("synthesis_publish", "synthese:%s:2" % slug, "publiee")] * 2, "two publications logged")
    eq({a["texte_empreinte"] for a in acts}, {text_hash(s["text"])},
       "the hash of the text in the open data")
    eq({a["moderateur"] for a in acts}, {harness.log_pseudonym(uid)}, "the secretary's pseudonym")
    eq({a["consultation"] for a in acts}, {int(sql_value(
        "SELECT consultation_id FROM themes WHERE slug = '%s'" % slug))})
    lacks(Client().get(LOG_URL).text, name, "no name in the log")
    assert_ok(verify(), "agora verify-log after the publications")
    # The public page says where: the last publication's row.
    contains(Client().get("/syntheses/" + slug).visible_text(),
             "(secrétariat). Inscrit au journal vérifiable (ligne n° %s)."
             % format(acts[-1]["id"], ",d").replace(",", " "))
    contains(Client().get("/syntheses/" + slug).text,
             'href="/moderation/transparence#journal"')


@test
def only_the_secretariat_drafts_and_publishes():
    slug = new_theme(word(6))
    pid = new_proposal(title="Proposition du thème " + word(), slug=slug)[2]
    for roles in (("citizen",), ("moderator",), ("official",), ("admin",)):
        c, _ = harness.signed_in(roles=roles)
        token = c.get("/").csrf()
        eq(c.get("/syntheses/%s/modifier" % slug).status, 403, roles)
        eq(c.get("/syntheses/%s/versions" % slug).status, 403, roles)
        r = c.post("/syntheses/%s/modifier" % slug,
                   {"csrf": token, "synthese": "Texte [#%d]" % pid})
        eq(r.status, 403, roles)
        contains(r.visible_text(), "Accès refusé")
        eq(c.post("/syntheses/%s/publier" % slug, {"csrf": token, "version": "1"}).status,
           403, roles)
    eq(versions(slug), 0)
    anon = Client()
    eq(anon.get("/syntheses/%s/modifier" % slug).status, 401)
    # Without topics, the draft says so and still invites citations.
    client, _ = secretariat()
    page = client.get("/syntheses/%s/modifier" % slug)
    eq(page.status, 200)
    contains(textarea(page), "pas encore été calculés")
    eq(client.get("/syntheses/inconnu-%s/modifier" % word(5)).status, 404)
    # Publishing a version that does not exist publishes nothing.
    r = client.post("/syntheses/%s/publier" % slug, {"csrf": page.csrf(), "version": "7"})
    eq(r.status, 404)
    eq(sql_value("SELECT count(*) FROM synthesis_publications p JOIN syntheses s"
                 " ON s.id = p.synthesis_id JOIN themes t ON t.id = s.theme_id"
                 " WHERE t.slug = '%s'" % slug), "0")
