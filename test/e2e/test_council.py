# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The digital council (issue 16, items 3 and 4): an official opens a
referral (a past due date refused, the text kept), a member opens an
auto-saisine, members draft and comment (a non-member refused), the
rapporteur records the adoption (a tally larger than the council refused)
and publishes, the public pages show the states, the Region responds, the
open data matches, and the members and the theme's followers get mail.
An opinion cites contributions of the referral's themes as the syntheses
do ([#N]); a citation outside them is refused at its line."""

import datetime
import json
import secrets

import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test
from accounts_lib import wait_mail
from modlog_lib import assert_ok, public_acts, text_hash, verify
from participation_lib import new_proposal, word


def today():
    return sql_value("SELECT to_char(now() AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD')")


def days_from_today(n):
    return (datetime.date.fromisoformat(today()) + datetime.timedelta(days=n)).isoformat()


def council_size():
    return int(sql_value("SELECT council_size()"))


def members(tag, n=3):
    out = []
    for i in range(n):
        email = "conseil%d-%s@example.org" % (i, tag)
        c, uid = harness.signed_in(roles=("citizen", "conseil"), name="Membre %d %s" % (i, tag))
        sql("UPDATE users SET email = '%s' WHERE id = %d" % (email, uid))
        out.append((c, uid, email))
    return out


def open_referral(c, question, due, themes=("education",)):
    fields = {"question": question, "echeance": due}
    for i, t in enumerate(themes):
        fields["theme%d" % (i + 1)] = t
    return c.submit("/conseil/saisir", "/conseil/saisir", fields)


def referral_id(question):
    return int(sql_value("SELECT id FROM council_referrals WHERE question = '%s'"
                         % question.replace("'", "''")))


def c_public():
    return Client()


def work(rid, part=""):
    return "/conseil/saisines/%d%s" % (rid, "/" + part if part else "")


@test
def the_council_journey_from_referral_to_the_regions_response():
    tag = secrets.token_hex(4)
    team = members(tag)
    (m0, u0, e0), (m1, u1, e1), (m2, u2, e2) = team
    follower = harness.make_user(email="suit-%s@example.org" % tag)
    sql("INSERT INTO follows (user_id, theme_id) SELECT %d, id FROM themes"
        " WHERE slug = 'education' AND consultation_id = (SELECT id FROM consultations"
        " WHERE is_primary)" % follower)
    bystander = harness.make_user(email="passant-%s@example.org" % tag)
    official, oid = harness.signed_in(roles=("citizen", "official"), name="Élue %s" % tag)

    # The official opens a referral: a past due date is refused at the
    # field, the question kept, nothing written.
    question = "Comment former les agents aux outils numériques %s ?" % tag
    r = open_referral(official, question, days_from_today(-1))
    eq(r.status, 422, r.visible_text()[:300])
    contains(r.visible_text(), "La date attendue de l'avis est passée")
    contains(r.text, question)
    eq(sql_value("SELECT count(*) FROM council_referrals WHERE question LIKE '%%%s%%'" % tag), "0")
    r = open_referral(official, question, "2027-02-30")
    eq(r.status, 422)
    contains(r.visible_text(), "n'est pas une date")
    r = open_referral(official, question, days_from_today(30), ("education", "ethique"))
    eq(r.status, 303, r.visible_text()[:300])
    rid = referral_id(question)
    eq(r.header("location"), "/conseil/avis/%d" % rid)
    eq(sql_value("SELECT kind FROM council_referrals WHERE id = %d" % rid), "saisine")
    # Every member is told, by a mail written to the sink.
    for email in (e0, e1, e2):
        _, msg, _ = wait_mail(email, "council_referral")
        contains(msg.get_body().get_content(), "/conseil/saisines/%d" % rid)
        contains(str(msg["subject"]), "nouvelle saisine")

    # The public page: open, no opinion yet.
    anon = Client()
    r = anon.get("/conseil/")
    eq(r.status, 200)
    t = r.visible_text()
    contains(t, "Le conseil numérique régional")
    contains(t, question)
    contains(t, "Membre 0 " + tag)
    r = anon.get("/conseil/avis/%d" % rid)
    eq(r.status, 200)
    contains(r.visible_text(), "Ouverte")
    contains(r.visible_text(), "Le conseil n'a pas encore rendu son avis")

    # Only members reach the drafts.
    c, _ = harness.signed_in()
    eq(c.get(work(rid)).status, 403)
    eq(official.get(work(rid)).status, 403)
    eq(m0.get(work(rid)).status, 200)

    # An empty version is refused; a version is saved, kept, others told.
    r = m0.submit(work(rid), work(rid, "version"), {"texte": "   "})
    eq(r.status, 422)
    contains(r.visible_text(), "« Texte de l'avis » est obligatoire")
    eq(sql_value("SELECT count(*) FROM council_drafts WHERE referral_id = %d" % rid), "0")
    v1 = "## Former\n\nLe conseil recommande **un plan de formation** %s." % tag
    r = m0.submit(work(rid), work(rid, "version"), {"texte": v1})
    eq(r.status, 303, r.visible_text()[:300])
    _, msg, _ = wait_mail(e1, "council_draft")
    contains(msg.get_body().get_content(), "/conseil/saisines/%d" % rid)
    eq(sql_value("SELECT count(*) FROM outbox WHERE kind = 'council_draft' AND user_id = %d"
                 " AND body LIKE '%%saisines/%d%%'" % (u0, rid)), "0", "the author is not told")
    v2 = v1 + "\n\n- un référent par lycée"
    eq(m1.submit(work(rid), work(rid, "version"), {"texte": v2}).status, 303)
    r = m2.get(work(rid))
    t = r.visible_text()
    contains(t, "Version 2")
    contains(t, "Version 1")
    contains(r.text, "<strong>un plan de formation</strong>")
    contains(t, "Membre 1 " + tag)
    # What version 2 changed, line by line.
    v2id = int(sql_value("SELECT max(id) FROM council_drafts WHERE referral_id = %d" % rid))
    contains(r.text, 'href="/conseil/saisines/%d/versions/%d"' % (rid, v2id))
    r = m0.get("/conseil/saisines/%d/versions/%d" % (rid, v2id))
    eq(r.status, 200)
    contains(r.visible_text(), "ajoutée - un référent par lycée")
    contains(r.visible_text(), "Avant : version de Membre 0 " + tag)
    eq(m0.get("/conseil/saisines/%d/versions/%d" % (rid, v2id - 1)).status, 404)
    eq(c_public().get("/conseil/saisines/%d/versions/%d" % (rid, v2id)).status, 401)
    eq(anon.get("/conseil/avis/%d" % rid).status, 200)
    contains(anon.get("/conseil/avis/%d" % rid).visible_text(), "En cours")
    lacks(anon.get("/conseil/avis/%d" % rid).text, "un référent par lycée",
          "drafts are not public")

    # Comments between members.
    r = m2.submit(work(rid), work(rid, "commentaire"), {"commentaire": "Ajouter les EPN %s" % tag})
    eq(r.status, 303)
    contains(m0.get(work(rid)).visible_text(), "Ajouter les EPN " + tag)
    # What a member wrote is in their own data.
    mine = json.loads(m2.get("/compte/donnees.json").text)["conseil_numerique"]
    eq([k["texte"] for k in mine["commentaires"]], ["Ajouter les EPN " + tag])
    mine = json.loads(m1.get("/compte/donnees.json").text)["conseil_numerique"]
    eq([(d["saisine"], d["texte"]) for d in mine["versions_d_avis"]], [(rid, v2)])

    # Nobody may publish before a rapporteur is designated; only them after.
    fields = {"adopte_le": today(), "pour": "2", "contre": "1", "abstentions": "0"}
    eq(m0.submit(work(rid), work(rid, "publication"), fields).status, 403)
    r = m0.submit(work(rid), work(rid, "rapporteur"), {"rapporteur": str(u1)})
    eq(r.status, 303, r.visible_text()[:300])
    eq(m0.submit(work(rid), work(rid, "publication"), fields).status, 403)
    contains(m1.get(work(rid)).visible_text(), "Adoption et publication")

    # A tally larger than the council is refused at the field, kept.
    size = council_size()
    big = dict(fields, pour=str(size), contre="1")
    r = m1.submit(work(rid), work(rid, "publication"), big)
    eq(r.status, 422, r.visible_text()[:300])
    contains(r.visible_text(), "dépasse le nombre de membres du conseil")
    contains(r.text, 'value="%d"' % size)
    r = m1.submit(work(rid), work(rid, "publication"), dict(fields, adopte_le=days_from_today(2)))
    eq(r.status, 422)
    contains(r.visible_text(), "ne peut pas être dans le futur")
    eq(sql_value("SELECT count(*) FROM council_opinions WHERE referral_id = %d" % rid), "0")
    eq(sql_value("SELECT count(*) FROM outbox WHERE kind = 'council_opinion'"
                 " AND body LIKE '%%avis/%d%%'" % rid), "0")

    r = m1.submit(work(rid), work(rid, "publication"), fields)
    eq(r.status, 303, r.visible_text()[:300])
    eq(r.header("location"), "/conseil/avis/%d" % rid)
    r = anon.get("/conseil/avis/%d" % rid)
    t = r.visible_text()
    contains(t, "Avis rendu")
    contains(t, "pour 2, contre 1, abstentions 0")
    contains(r.text, "un référent par lycée")
    contains(anon.get("/conseil/").visible_text(), "Avis rendu")
    # The followers of the theme are told; a bystander is not.
    _, msg, _ = wait_mail("suit-%s@example.org" % tag, "council_opinion")
    contains(msg.get_body().get_content(), "/conseil/avis/%d" % rid)
    eq(sql_value("SELECT count(*) FROM outbox WHERE user_id = %d" % bystander), "0")
    # The same news on the site (issue 16, item 4): each member has the
    # referral and the others' versions, the follower the opinion.
    notes = m2.get("/compte/notifications")
    contains(notes.visible_text(), "Nouvelle saisine du conseil numérique : « %s »." % question)
    contains(notes.visible_text(), "Nouvelle version d'un projet d'avis du conseil numérique"
             " : « %s »." % question)
    eq(notes.text.count('href="/conseil/saisines/%d"' % rid), 3, "the referral, two versions")
    eq(m0.get("/compte/notifications").text.count('href="/conseil/saisines/%d"' % rid), 2,
       "never one's own version")
    theme = sql_value("SELECT title FROM themes WHERE slug = 'education' AND consultation_id"
                      " = (SELECT id FROM consultations WHERE is_primary)")
    notes = harness.login(Client(), follower).get("/compte/notifications")
    contains(notes.visible_text(), "Avis du conseil numérique sur un thème que vous suivez : "
             "« %s » (thème « %s »)." % (question, theme))
    contains(notes.text, 'href="/conseil/avis/%d"' % rid)
    eq(sql_value("SELECT count(*) FROM notifications WHERE user_id = %d" % bystander), "0")
    # Drafting is closed.
    eq(m0.submit(work(rid), work(rid, "version"), {"texte": "encore"}).status, 409)

    # The Region's response: officials only, an empty one refused.
    eq(m0.get("/conseil/avis/%d/reponse" % rid).status, 403)
    path = "/conseil/avis/%d/reponse" % rid
    r = official.submit(path, path, {"reponse": ""})
    eq(r.status, 422)
    contains(r.visible_text(), "« Texte de la réponse » est obligatoire")
    r = official.submit(path, path, {"reponse": "La Région **retient** le plan %s." % tag})
    eq(r.status, 303, r.visible_text()[:300])
    r = anon.get("/conseil/avis/%d" % rid)
    contains(r.visible_text(), "Réponse de la Région")
    contains(r.text, "<strong>retient</strong>")

    # The open data matches.
    r = anon.get("/export/conseil.json")
    eq(r.status, 200)
    contains(r.header("content-type"), "application/json")
    doc = json.loads(r.text)
    eq(doc["licence"], "Licence Ouverte 2.0")
    eq(doc["membres"], council_size())
    s = [x for x in doc["saisines"] if x["id"] == rid][0]
    eq(s["question"], question)
    eq(s["type"], "saisine")
    eq(s["etat"], "reponse")
    eq(sorted(s["themes"]), ["education", "ethique"])
    eq(s["avis"]["pour"], 2)
    eq(s["avis"]["contre"], 1)
    eq(s["avis"]["abstentions"], 0)
    eq(s["avis"]["adopte_le"], today())
    eq(s["avis"]["texte"], v2)
    contains(s["reponse_region"]["texte"], "retient")
    lacks(r.text, "Ajouter les EPN", "comments stay private")
    contains(anon.get("/export/").text, 'href="/export/conseil.json"')

    # The opinion's publication (with its tally) and the Region's response
    # are dated and logged: rows of the public moderation log, by the
    # rapporteur's and the official's pseudonyms, chaining the SHA-256 of
    # the texts in the open data; agora verify-log passes.
    acts = public_acts("avis:%d:" % rid) + public_acts("reponse:%d" % rid)
    eq([(a["action"], a["objet"], a["statut_apres"], a["moderateur"]) for a in acts],
       [("opinion_publish", "avis:%d:%s:2:1:0" % (rid, today()), "avis_rendu",
         harness.log_pseudonym(u1)),
        ("opinion_response", "reponse:%d" % rid, "reponse", harness.log_pseudonym(oid))])
    eq([a["texte_empreinte"] for a in acts],
       [text_hash(s["avis"]["texte"]), text_hash(s["reponse_region"]["texte"])])
    assert_ok(verify(), "agora verify-log after the council's acts")
    # The opinion's page says where, for both acts.
    t = anon.get("/conseil/avis/%d" % rid).visible_text()
    for a in acts:
        contains(t, "Inscrit au journal vérifiable (ligne n° %s)."
                 % format(a["id"], ",d").replace(",", " "))
    contains(anon.get("/").text, 'href="/conseil/"')


@test
def an_opinion_cites_the_contributions_of_its_themes():
    tag = secrets.token_hex(4)
    (m0, u0, e0), (m1, u1, e1) = members(tag, 2)
    title = "Des ateliers numériques au lycée " + word()
    author, author_id, cited = new_proposal(title=title, slug="education")
    foreign = new_proposal(title="Un autre thème " + word(), slug="ethique")[2]
    official, _ = harness.signed_in(roles=("citizen", "official"))
    question = "Les ateliers numériques %s ?" % tag
    eq(open_referral(official, question, days_from_today(20)).status, 303)
    rid = referral_id(question)

    # Another theme's proposal, then an unknown id: refused at the line,
    # the text kept, nothing written.
    refused = ((foreign, 4, "## Avis\n\nVoir [#%d].\nEt [#%d] aussi." % (cited, foreign)),
               (987654321, 3, "## Avis\n\nEt [#987654321], puis [#%d]." % cited))
    for bad, line, text in refused:
        r = m0.submit(work(rid), work(rid, "version"), {"texte": text})
        eq(r.status, 422, r.visible_text()[:300])
        contains(r.visible_text(), "Ligne %d : la contribution n°%d n'existe pas ou "
                 "n'appartient pas aux thèmes de la saisine. Rien n'a été enregistré."
                 % (line, bad))
        contains(r.text, "[#%d]" % bad)
        eq(sql_value("SELECT count(*) FROM council_drafts WHERE referral_id = %d" % rid), "0")
    eq(sql_value("SELECT count(*) FROM outbox WHERE kind = 'council_draft'"
                 " AND body LIKE '%%saisines/%d%%'" % rid), "0")

    # A citation of the referral's theme: a link with the title.
    text = "## Avis\n\nLe conseil reprend [#%d] %s." % (cited, tag)
    r = m0.submit(work(rid), work(rid, "version"), {"texte": text})
    eq(r.status, 303, r.visible_text()[:300])
    link = '<a class="citation" data-n="%d" href="/propositions/%d">%s</a>' % (
        cited, cited, title)
    contains(m1.get(work(rid)).text, link)

    # Published: the public opinion shows it, the export lists it.
    eq(m0.submit(work(rid), work(rid, "rapporteur"), {"rapporteur": str(u1)}).status, 303)
    fields = {"adopte_le": today(), "pour": "2", "contre": "0", "abstentions": "0"}
    eq(m1.submit(work(rid), work(rid, "publication"), fields).status, 303)
    r = Client().get("/conseil/avis/%d" % rid)
    eq(r.status, 200)
    contains(r.text, link)
    doc = json.loads(Client().get("/export/conseil.json").text)
    s = [x for x in doc["saisines"] if x["id"] == rid][0]
    eq(s["avis"]["citations"], [cited])
    # The cited proposal says so; the other does not.
    t = Client().get("/propositions/%d" % cited).visible_text()
    contains(t, "Proposition citée dans l'avis du conseil numérique (saisine n°%d)" % rid)
    contains(Client().get("/propositions/%d" % cited).text, 'href="/conseil/avis/%d"' % rid)
    lacks(Client().get("/propositions/%d" % foreign).visible_text(), "l'avis du conseil")

    # Its author is told (issue 16, item 4): by mail, and on the site with
    # the header's unread count, the opinion and the contribution linked.
    address = sql_value("SELECT email FROM users WHERE id = %d" % author_id)
    _, msg, _ = wait_mail(address, "council_cited")
    contains(msg["Subject"], "Votre contribution est citée dans un avis du conseil numérique")
    contains(msg.get_body().get_content(), "/conseil/avis/%d" % rid)
    contains(msg.get_body().get_content(), title)
    page = author.get("/")
    contains(page.text, '<span class="badge" aria-hidden="true">1</span>')
    contains(page.text, "1 notification non lue")
    notes = author.get("/compte/notifications")
    contains(notes.visible_text(), "Nouveau — ")
    contains(notes.visible_text(), "Votre contribution est citée dans un avis du conseil "
             "numérique : « %s », qui cite « %s »." % (question, title))
    contains(notes.text, 'href="/conseil/avis/%d"' % rid)
    contains(notes.text, 'href="/propositions/%d"' % cited)
    lacks(author.get("/").text, "non lue", "read once seen")
    # Nobody else cited, nobody else told.
    eq(sql_value("SELECT count(*) FROM notifications WHERE kind = 'cited_opinion'"
                 " AND referral_id = %d" % rid), "1")


def published_synthesis(slug):
    """Publishes a new version of theme slug's synthesis (primary
    consultation), through the secretariat's own SQL functions; returns
    the theme's title. Seed themes: a theme added by a test would change
    what later tests find in the consultation."""
    theme, title = sql("SELECT t.id, t.title FROM themes t JOIN consultations k"
                       " ON k.id = t.consultation_id AND k.is_primary"
                       " WHERE t.slug = '%s'" % slug)[0]
    writer = harness.make_user(roles=("citizen", "secretariat"))
    number = sql_value("SELECT version FROM synthesis_save(%s, 'Texte de la synthèse.', %d,"
                       " '{}', '{}')" % (theme, writer))
    eq(sql_value("SELECT synthesis_publish(%s, %s, %d, '%s', 'http://x', 's', 'b', 's', 'b')"
                 % (theme, number, writer, harness.log_pseudonym(writer))), "published")
    forget_placeholder_mails()
    return title


def forget_placeholder_mails():
    """The mails queued with placeholder texts by the SQL calls above
    (test_zz_mail_texts checks every queued mail against mail_texts.def)."""
    sql("DELETE FROM outbox WHERE subject = 's' AND body LIKE 'b%'")


@test
def an_opinion_cites_a_published_synthesis_of_its_themes():
    tag = secrets.token_hex(4)
    (m0, u0, e0), (m1, u1, e1) = members(tag, 2)
    slug = "education"
    title = published_synthesis(slug)
    # A seed theme of the consultation whose synthesis is not published.
    unpublished = sql_value("SELECT t.slug FROM themes t JOIN consultations k"
                            " ON k.id = t.consultation_id AND k.is_primary"
                            " WHERE t.slug <> 'education' AND synthesis_published(t.id) IS NULL"
                            " ORDER BY t.position LIMIT 1")
    # And one outside the referral, its synthesis published.
    outside = sql_value("SELECT t.slug FROM themes t JOIN consultations k"
                        " ON k.id = t.consultation_id AND k.is_primary"
                        " WHERE t.slug NOT IN ('education', '%s')"
                        " ORDER BY t.position LIMIT 1" % unpublished)
    published_synthesis(outside)
    # Opened in SQL, the quickest way to name its two themes.
    official = harness.make_user(roles=("citizen", "official"))
    question = "Que retenir de la synthèse %s ?" % tag
    rid = int(sql_value("SELECT council_referral_open('saisine', '%s', current_date + 20, %d,"
                        " ARRAY['%s', '%s'], 'http://x', 's', 'b')"
                        % (question, official, slug, unpublished)))
    forget_placeholder_mails()

    # A theme outside the referral, one without a published synthesis, a
    # theme that does not exist: refused at the line, the text kept,
    # nothing written.
    for bad in (outside, unpublished, "inconnu-" + tag):
        text = "## Avis\n\nNous lisons [synthese:%s] et\n[synthese:%s]." % (slug, bad)
        r = m0.submit(work(rid), work(rid, "version"), {"texte": text})
        eq(r.status, 422, r.visible_text()[:300])
        contains(r.visible_text(), "Ligne 4 : la synthèse citée n'est pas publiée ou ne "
                 "porte pas sur un thème de la saisine. Rien n'a été enregistré.")
        contains(r.text, "[synthese:%s]" % bad)
        eq(sql_value("SELECT count(*) FROM council_drafts WHERE referral_id = %d" % rid), "0")

    # The published synthesis of one of its themes: a link with its title.
    text = "## Avis\n\nLe conseil s'appuie sur [synthese:%s]." % slug
    eq(m0.submit(work(rid), work(rid, "version"), {"texte": text}).status, 303)
    link = ('<a class="citation citation-synthese" href="/syntheses/%s">synthèse du thème'
            ' « %s »</a>' % (slug, title))
    contains(m1.get(work(rid)).text, link)
    eq(m0.submit(work(rid), work(rid, "rapporteur"), {"rapporteur": str(u1)}).status, 303)
    fields = {"adopte_le": today(), "pour": "2", "contre": "0", "abstentions": "0"}
    eq(m1.submit(work(rid), work(rid, "publication"), fields).status, 303)
    contains(Client().get("/conseil/avis/%d" % rid).text, link)
    doc = json.loads(Client().get("/export/conseil.json").text)
    s = [x for x in doc["saisines"] if x["id"] == rid][0]
    eq(s["avis"]["syntheses_citees"], [slug])
    eq(s["avis"]["citations"], [])


@test
def a_member_opens_an_auto_saisine():
    tag = secrets.token_hex(4)
    (m0, u0, e0), (m1, u1, e1) = members(tag, 2)
    question = "Le conseil se saisit de la sobriété numérique %s" % tag
    r = open_referral(m0, question, today(), ("ethique",))
    eq(r.status, 303, r.visible_text()[:300])
    rid = referral_id(question)
    eq(r.header("location"), "/conseil/saisines/%d" % rid)
    eq(sql_value("SELECT kind FROM council_referrals WHERE id = %d" % rid), "auto_saisine")
    _, msg, _ = wait_mail(e1, "council_referral")
    contains(msg.get_body().get_content(), question)
    eq(sql_value("SELECT count(*) FROM outbox WHERE user_id = %d AND kind = 'council_referral'"
                 " AND body LIKE '%%%s%%'" % (u0, tag)), "0")
    contains(Client().get("/conseil/").visible_text(), "Auto-saisine du conseil")


@test
def citizens_may_not_open_a_referral_and_a_missing_theme_is_said():
    c, _ = harness.signed_in()
    eq(c.get("/conseil/saisir").status, 403)
    official, _ = harness.signed_in(roles=("citizen", "official"))
    tag = secrets.token_hex(4)
    r = official.submit("/conseil/saisir", "/conseil/saisir",
                        {"question": "Sans thème %s" % tag, "echeance": today(), "theme1": ""})
    eq(r.status, 422)
    contains(r.visible_text(), "Choisissez une valeur pour « Thème concerné »")
    contains(r.text, "Sans thème " + tag)
    eq(Client().get("/conseil/avis/999999999").status, 404)
