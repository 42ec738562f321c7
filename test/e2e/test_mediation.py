# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Assisted participation (issue 12, items 2 and 4): administrators attach
mediator accounts to EPNs (/admin/epn/<id>, agora epn mediator); at
/mediation/ a mediator enters proposals, arguments, comments and votes for
a person present, in the name of an EPN, with the person's consent and an
optional contact kept apart; one assisted vote per identity and proposal
whichever EPN enters it. Everything through HTTP against PostgreSQL."""

import re

import fixtures
import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test
from participation_lib import word
from test_epn import add_epn, form_kept, refused, uniq

CONSENT = "La personne présente a donné son accord"


def mediator(name=None):
    """A signed-in account with the mediator role: (client, id, address)."""
    c, uid = harness.signed_in(roles=("citizen", "mediator"),
                               name=name or "Médiatrice " + word(4))
    return c, uid, sql_value("SELECT email FROM users WHERE id = %d" % uid)


def attach(epn_id, email):
    r = harness.agora("epn", "mediator", "--epn", str(epn_id), "--email", email)
    eq(r.returncode, 0, r.stderr)


def a_proposal():
    return fixtures.proposal(harness.make_user(), "Proposition " + word(),
                             "Texte de la proposition " + word())


def proposal_fields(epn_id, title, **kw):
    f = {"epn": str(epn_id), "enjeu": "ethique", "titre": title,
         "texte": "Une proposition dictée par une personne venue à l'EPN.",
         "territoire": "18", "version_consentement": "v1", "consentement": "1",
         "contact": ""}
    f.update(kw)
    return f


def identity(**kw):
    f = {"nom": "LEFÈVRE-DUVAL", "prenoms": "Camille Hélène " + word(4),
         "date_naissance": "1984-05-17", "commune_naissance": "45234",
         "pays_naissance": "99100", "sexe": "female"}
    f.update(kw)
    return f


def vote_fields(epn_id, who, choice="agree", **kw):
    f = {"epn": str(epn_id), "choix": choice, "version_consentement": "v1",
         "consentement": "1"}
    f.update(who)
    f.update(kw)
    return f


def contributions_of_epn(epn_id):
    return int(sql_value("SELECT count(*) FROM contributions WHERE epn_id = %d" % epn_id))


@test
def an_administrator_attaches_mediators_on_the_epn_page_and_the_command_line():
    eid = add_epn(uniq("Médiathèque"), "Aubigny-sur-Nère", "18")
    admin, _ = harness.signed_in(roles=("citizen", "admin"), name="Admin médiation")
    page = admin.get("/admin/epn/%d" % eid)
    eq(page.status, 200, "EPN page")
    contains(page.visible_text(), "Aucun compte n'est rattaché à cet EPN.")
    token = page.csrf()
    url = "/admin/epn/%d/mediateurs" % eid

    r = admin.post(url, {"csrf": token, "action": "rattacher",
                         "courriel": "personne@nulle-part.invalid"})
    eq(r.status, 422, "unknown address")
    contains(r.text, 'id="e-courriel"', "error at the field")
    contains(r.visible_text(), "Aucun compte n'a cette adresse électronique.")
    form_kept(r, "courriel", "personne@nulle-part.invalid")

    citizen = harness.make_user()
    cmail = sql_value("SELECT email FROM users WHERE id = %d" % citizen)
    r = admin.post(url, {"csrf": token, "action": "rattacher", "courriel": cmail})
    eq(r.status, 422, "not a mediator")
    contains(r.visible_text(), "n'a pas le rôle de médiation")
    eq(sql_value("SELECT count(*) FROM epn_mediators WHERE epn_id = %d" % eid), "0",
       "nothing attached")

    _, mid, mmail = mediator("Claire Médiation")
    r = admin.post(url, {"csrf": token, "action": "rattacher", "courriel": mmail.upper()})
    eq(r.status, 303, r.visible_text()[:300])
    eq(r.header("location"), "/admin/epn/%d#mediateurs" % eid, "back to the list")
    page = admin.get("/admin/epn/%d" % eid)
    eq(page.status, 200, "EPN page again")
    contains(page.visible_text(), "Le compte est rattaché à l'EPN.", "flash")
    contains(page.visible_text(), "Claire Médiation", "listed")
    eq(sql("SELECT user_id, attached_by IS NOT NULL FROM epn_mediators WHERE epn_id = %d"
           % eid), [[str(mid), "t"]], "stored with the administrator")
    r = admin.post(url, {"csrf": token, "action": "rattacher", "courriel": mmail})
    eq(r.status, 422, "twice")
    contains(r.visible_text(), "déjà rattaché")

    # The command line: same function, same French sentences.
    refused(harness.agora("epn", "mediator", "--epn", str(eid), "--email", cmail),
            "n'a pas le rôle de médiation")
    refused(harness.agora("epn", "mediator", "--epn", "999999999", "--email", mmail),
            "Cet EPN n'existe pas.")
    refused(harness.agora("epn", "mediator", "--epn", str(eid)), "usage", code=2)
    r = harness.agora("epn", "mediator", "--epn", str(eid), "--email", mmail, "--detach")
    eq((r.returncode, r.stdout.strip()), (0, "détaché"), r.stderr)
    eq(sql_value("SELECT count(*) FROM epn_mediators WHERE epn_id = %d" % eid), "0",
       "detached")
    attach(eid, mmail)
    r = admin.post(url, {"csrf": token, "action": "detacher", "courriel": mmail})
    eq(r.status, 303, "detached on the page")
    eq(sql_value("SELECT count(*) FROM epn_mediators WHERE epn_id = %d" % eid), "0",
       "detached on the page")
    # Only administrators reach the page.
    c, _, _ = mediator()
    eq(c.post(url, {"csrf": c.get("/mediation/").csrf(), "action": "rattacher",
                    "courriel": mmail}).status, 403, "a mediator may not attach")


@test
def only_mediators_open_mediation():
    eq(Client().get("/mediation/").status, 401, "anonymous: sign in first")
    citizen, _ = harness.signed_in()
    r = citizen.get("/mediation/")
    eq(r.status, 403, "a citizen")
    admin, _ = harness.signed_in(roles=("citizen", "admin"))
    eq(admin.get("/mediation/").status, 403, "an administrator who is no mediator")
    c, _, _ = mediator()
    r = c.get("/mediation/")
    eq(r.status, 200, "a mediator")
    contains(r.visible_text(), "Votre compte n'est rattaché à aucun EPN",
             "not attached yet: said so, no form")
    lacks(r.text, 'name="titre"', "no form before being attached")


@test
def a_mediators_whole_session_at_one_epn():
    eid = add_epn(uniq("EPN de la mairie"), "Sancerre", "18")
    other = add_epn(uniq("Espace numérique"), "Vierzon", "18")
    c, mid, mmail = mediator()
    attach(eid, mmail)
    page = c.get("/mediation/")
    eq(page.status, 200, "mediation page")
    contains(page.visible_text(), CONSENT, "the checkbox shows the wording")
    contains(page.text, 'name="version_consentement" value="v1"', "its version")
    token = page.csrf()
    before = contributions_of_epn(eid)

    # Missing consent: refused at the field, the text kept, nothing saved.
    title = "Un bus le samedi " + word(4)
    r = c.post("/mediation/", dict(proposal_fields(eid, title, consentement=""),
                                   csrf=token, contact="12 rue <b>Haute</b>"))
    eq(r.status, 422, "no consent")
    contains(r.text, 'id="e-consentement"', "error at the checkbox")
    form_kept(r, "titre", title)
    form_kept(r, "contact", "12 rue <b>Haute</b>")
    # An EPN the mediator is not attached to; an unknown EPN.
    r = c.post("/mediation/", dict(proposal_fields(other, title), csrf=token))
    eq(r.status, 403, "not attached")
    contains(r.text, 'id="e-epn"', "error at the EPN")
    contains(r.visible_text(), "Votre compte n'est pas rattaché à cet EPN")
    form_kept(r, "titre", title)
    r = c.post("/mediation/", dict(proposal_fields(999999999, title), csrf=token))
    eq(r.status, 422, "unknown EPN")
    contains(r.text, 'id="e-epn"', "error at the EPN")
    # A form older than the wording (another version).
    r = c.post("/mediation/", dict(proposal_fields(eid, title, version_consentement="v0"),
                                   csrf=token))
    eq(r.status, 422, "unknown wording")
    contains(r.text, 'id="e-consentement"', "error at the checkbox")
    eq(contributions_of_epn(eid), before, "nothing half-saved")
    eq(contributions_of_epn(other), 0, "nothing in the other EPN's name")

    # The proposal, with a contact kept apart.
    r = c.post("/mediation/", dict(proposal_fields(eid, title), csrf=token,
                                   contact="camille@example.org"))
    eq(r.status, 303, r.visible_text()[:400])
    contains(c.get("/mediation/").visible_text(), "enregistrée au nom de l'EPN", "flash")
    row = sql("SELECT id, author_id IS NULL, assisted_by, channel, consent_version,"
              " consent_at IS NOT NULL, status FROM contributions WHERE epn_id = %d"
              " AND title = '%s'" % (eid, title))
    eq(len(row), 1, "one proposal")
    pid = int(row[0][0])
    eq(row[0][1:], ["t", str(mid), "epn", "v1", "t", "published"], "stored")
    eq(sql("SELECT contact FROM assisted_contacts WHERE contribution_id = %d" % pid),
       [["camille@example.org"]], "the contact, apart")
    public = Client().get("/propositions/%d" % pid)
    eq(public.status, 200, "public page")
    lacks(public.text, "camille@example.org", "the contact is never public")

    # An argument and a comment on an existing proposal.
    target = a_proposal()
    r = c.get("/mediation/proposition?numero=%d" % target)
    eq((r.status, r.header("location")), (303, "/mediation/propositions/%d" % target),
       "found by number")
    page = c.get("/mediation/propositions/%d" % target)
    eq(page.status, 200, "entry page")
    r = c.post("/mediation/propositions/%d" % target,
               {"csrf": token, "epn": str(eid), "position": "", "texte": "Pour les aînés.",
                "version_consentement": "v1", "consentement": "1"})
    eq(r.status, 422, "no kind")
    contains(r.text, 'id="e-position"', "error at the kind")
    form_kept(r, "texte", "Pour les aînés.")
    for pos, kind in (("pour", "argument"), ("commentaire", "comment")):
        r = c.post("/mediation/propositions/%d" % target,
                   {"csrf": token, "epn": str(eid), "position": pos,
                    "texte": "Texte %s dicté %s" % (kind, word(4)),
                    "version_consentement": "v1", "consentement": "1"})
        eq(r.status, 303, r.visible_text()[:300])
    eq(sql("SELECT kind, coalesce(position, '-'), author_id IS NULL, channel FROM"
           " contributions WHERE proposal_id = %d AND epn_id = %d ORDER BY id"
           % (target, eid)),
       [["argument", "pour", "t", "epn"], ["comment", "-", "t", "epn"]], "stored")
    eq(c.get("/mediation/propositions/999999999").status, 404, "no such proposal")


@test
def one_assisted_vote_per_identity_whichever_epn_enters_it():
    e1 = add_epn(uniq("Médiathèque"), "Châteauroux", "36")
    e2 = add_epn(uniq("Numéribus"), "Le Blanc", "36", "--mobile")
    c1, m1, mail1 = mediator()
    c2, m2, mail2 = mediator()
    attach(e1, mail1)
    attach(e2, mail2)
    pid = a_proposal()
    url = "/mediation/propositions/%d/vote" % pid
    page = c1.get(url)
    eq(page.status, 200, "vote page")
    contains(page.visible_text(), CONSENT, "consent wording")
    t1, t2 = page.csrf(), c2.get(url).csrf()
    who = identity()

    r = c1.post(url, dict(vote_fields(e1, who, date_naissance="17/05/1984"), csrf=t1))
    eq(r.status, 422, "bad birth date")
    contains(r.text, 'id="e-date_naissance"', "error at the date")
    form_kept(r, "date_naissance", "17/05/1984")
    form_kept(r, "prenoms", who["prenoms"])
    r = c1.post(url, dict(vote_fields(e1, who, choix=""), csrf=t1))
    eq(r.status, 422, "no choice")
    contains(r.text, 'id="e-choix"', "error at the choice")
    eq(sql_value("SELECT votes_agree + votes_mixed + votes_disagree FROM proposal_votes"
                 " WHERE contribution_id = %d" % pid), "0", "nothing saved")

    r = c1.post(url, dict(vote_fields(e1, who, "agree"), csrf=t1))
    eq(r.status, 303, r.visible_text()[:300])
    contains(c1.get(url).visible_text(), "Le vote est enregistré.", "flash")

    # The same person at another EPN, their name spelt otherwise.
    again = dict(who, nom="Lefevre Duval", prenoms=who["prenoms"].upper())
    r = c2.post(url, dict(vote_fields(e2, again, "disagree"), csrf=t2))
    eq(r.status, 409, "second vote")
    contains(r.text, 'id="e-changement"', "error at the change box")
    contains(r.visible_text(), "Cette personne a déjà un vote assisté sur cette proposition")
    form_kept(r, "nom", "Lefevre Duval")
    eq(sql("SELECT votes_agree, votes_disagree FROM proposal_votes WHERE contribution_id = %d" % pid),
       [["1", "0"]], "the first vote stands")

    # Recorded as a change of that person's vote: it replaces the first.
    r = c2.post(url, dict(vote_fields(e2, again, "disagree", changement="1"), csrf=t2))
    eq(r.status, 303, r.visible_text()[:300])
    contains(c2.get(url).visible_text(), "remplacé", "flash")
    eq(sql("SELECT votes_agree, votes_disagree FROM proposal_votes WHERE contribution_id = %d" % pid),
       [["0", "1"]], "one vote, the later")
    eq(sql("SELECT v.epn_id, v.assisted_by, v.consent_version FROM votes v"
           " JOIN assisted_voters a ON a.user_id = v.user_id WHERE v.contribution_id = %d"
           % pid), [[str(e2), str(m2), "v1"]], "one row, entered at the second EPN")

    # Another person is another voter.
    r = c1.post(url, dict(vote_fields(e1, identity(), "mixed"), csrf=t1))
    eq(r.status, 303, r.visible_text()[:300])
    eq(sql_value("SELECT votes_mixed FROM proposal_votes WHERE contribution_id = %d" % pid), "1", "mixed")

    # A mediator may not vote in the name of an EPN they are not attached to.
    r = c1.post(url, dict(vote_fields(e2, identity(), "agree"), csrf=t1))
    eq(r.status, 403, "not attached")
    contains(r.text, 'id="e-epn"', "error at the EPN")

    # Only a keyed hash is kept: no name, no birth date, in the tables or the log.
    hashes = sql("SELECT identity_hash FROM assisted_voters a JOIN votes v"
                 " ON v.user_id = a.user_id WHERE v.contribution_id = %d" % pid)
    eq(len(hashes), 2, "two people")
    for (h,) in hashes:
        assert re.fullmatch(r"[0-9a-f]{64}", h), h
    dump = sql("SELECT string_agg(u::text, ' ') FROM users u JOIN assisted_voters a"
               " ON a.user_id = u.id")[0][0]
    lacks(dump.upper(), "LEF", "no family name")
    lacks(dump, "1984-05-17", "no birth date")
    lacks(harness.MAIN.log_text(), who["prenoms"], "not in the log")


@test
def agora_purge_erases_contacts_after_the_close_and_the_notice_period():
    eid = add_epn(uniq("Tiers-lieu"), "Nogent-le-Rotrou", "28")
    c, _, mmail = mediator()
    attach(eid, mmail)
    token = c.get("/mediation/").csrf()
    ids = []
    for n in range(2):
        title = "Contact %d %s" % (n, word(4))
        r = c.post("/mediation/", dict(proposal_fields(eid, title), csrf=token,
                                       contact="contact%d@example.org" % n))
        eq(r.status, 303, r.visible_text()[:300])
        ids.append(int(sql_value("SELECT id FROM contributions WHERE title = '%s'" % title)))
    # The first one's consultation closed long ago (a closed one of its own).
    closed = sql_value("INSERT INTO consultations (slug, title, opens_at, closes_at)"
                       " VALUES ('close-%s', 'Close', now() - interval '2 years',"
                       " now() - interval '1 year') RETURNING id" % word(6).lower())
    sql("UPDATE assisted_contacts SET consultation_id = %s WHERE contribution_id = %d"
        % (closed, ids[0]))
    r = harness.agora("purge")
    eq(r.returncode, 0, r.stderr)
    contains(r.stdout, "assisted contact(s) erased (90 days after the close)")
    # The privacy notice states the same period (the setting's default).
    contains(Client().get("/confidentialite").visible_text(),
             "effacé 90 jours après la clôture de la consultation", "privacy notice")
    eq(sql("SELECT contribution_id FROM assisted_contacts WHERE contribution_id IN (%d, %d)"
           % tuple(ids)), [[str(ids[1])]], "the closed consultation's contact is gone")


def report_cells(text, row_label):
    """The numbers of the report's table row whose header is row_label."""
    m = re.search(r'<tr><th scope="row">%s</th>(.*?)</tr>' % re.escape(row_label), text)
    assert m, "no row %r" % row_label
    cells = [re.sub(r"\D", "", c) for c in
             re.findall(r'<td class="num">(.*?)</td>', m.group(1))]
    return [int(c) if c else None for c in cells]


@test
def publicly_the_epn_is_named_never_the_person_and_reports_recount_from_open_data():
    import csv
    import io
    commune = "Saint-Benoît-" + word(5).capitalize()
    name = uniq("Maison France services")
    eid = add_epn(name, commune, "45")
    c, _, mmail = mediator("Nom Du Médiateur " + word(4))
    attach(eid, mmail)
    token = c.get("/mediation/").csrf()
    title = "Des horaires de bus " + word(4)
    r = c.post("/mediation/", dict(proposal_fields(eid, title), csrf=token))
    eq(r.status, 303, r.visible_text()[:300])
    pid = int(sql_value("SELECT id FROM contributions WHERE title = '%s'" % title))
    r = c.post("/mediation/propositions/%d" % pid,
               {"csrf": token, "epn": str(eid), "position": "contre",
                "texte": "Un argument dicté " + word(4), "version_consentement": "v1",
                "consentement": "1"})
    eq(r.status, 303, r.visible_text()[:300])
    r = c.post("/mediation/propositions/%d/vote" % pid,
               dict(vote_fields(eid, identity(), "agree"), csrf=token))
    eq(r.status, 303, r.visible_text()[:300])

    page = Client().get("/propositions/%d" % pid)
    eq(page.status, 200, "public page")
    contains(page.visible_text(), "saisie assistée à l'EPN de " + commune, "the proposal")
    lacks(page.visible_text(), "Nom Du Médiateur", "never the mediator")
    eq(page.visible_text().count("saisie assistée à l'EPN de " + commune), 2,
       "the proposal and its argument")
    listing = Client().get("/themes/ethique?q=" + title.split()[-1])
    contains(listing.visible_text(), "saisie assistée à l'EPN de " + commune, "the listing")

    data = Client().get("/export/themes/ethique.csv")
    eq(data.status, 200, "open data")
    rows = list(csv.DictReader(io.StringIO(data.body.decode("utf-8"), newline="")))
    mine = [x for x in rows if x["epn"] == str(eid)]
    eq(sorted((x["type"], x["canal"]) for x in mine),
       [("argument", "epn"), ("proposition", "epn")], "both rows, channel and EPN")
    eq({x["auteur"] for x in mine}, {""}, "no author pseudonym")
    web = sum(1 for x in rows if x["canal"] == "web")
    assert web > 0 and all(x["epn"] == "" for x in rows if x["canal"] == "web"), "web rows"

    report = Client().get("/rapports/ethique")
    eq(report.status, 200, "report")
    contains(report.text, 'id="canaux"', "the section")
    eq(report_cells(report.text, name), [2, 0, 1], "the EPN's row: 2 entered, 0 paper, 1 vote")
    by_channel = {}
    for x in rows:
        by_channel[x["canal"]] = by_channel.get(x["canal"], 0) + 1
    eq(report_cells(report.text, "En ligne")[0], by_channel.get("web", 0), "web = recount")
    eq(report_cells(report.text, "Saisie assistée en EPN")[0], by_channel.get("epn", 0),
       "EPN = recount")
    eq(report_cells(report.text, "Formulaire papier")[0], by_channel.get("papier", 0),
       "paper = recount")
    for e in {x["epn"] for x in rows if x["epn"]}:
        ename = sql_value("SELECT name FROM epns WHERE id = %s" % e)
        n = sum(1 for x in rows if x["epn"] == e and x["canal"] == "epn")
        eq(report_cells(report.text, ename)[0], n, "EPN %s = recount" % e)
