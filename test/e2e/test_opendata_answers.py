# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Official answers: /propositions/<id>/reponse, the answer row, the e-mails
queued for the author and the voters, errors and permissions."""

import secrets

import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test
from opendata_fixtures import contribution, vote


def proposal_with_voters():
    tag = secrets.token_hex(4)
    author = harness.make_user(email="auteur-%s@example.org" % tag)
    p = contribution("education", "proposal", "Des tablettes pour tous " + tag,
                     author=author, title="Tablettes %s" % tag)
    voters = [harness.make_user(email="votant%d-%s@example.org" % (i, tag)) for i in range(2)]
    vote(voters[0], p, "agree")
    vote(voters[1], p, "disagree")
    bystander = harness.make_user(email="autre-%s@example.org" % tag)
    return dict(tag=tag, p=p, author=author, voters=voters, bystander=bystander)


def path(d):
    return "/propositions/%d/reponse" % d["p"]


def answer_mails(d):
    return int(sql_value("SELECT count(*) FROM outbox WHERE kind = 'answer'"
                         " AND body LIKE '%%/propositions/%d%%'" % d["p"]))


@test
def official_answers_a_proposal_and_people_are_told():
    d = proposal_with_voters()
    c, official = harness.signed_in(roles=("official",), name="Élue Réponse")
    r = c.get(path(d))
    eq(r.status, 200)
    t = r.visible_text()
    contains(t, "Tablettes " + d["tag"])
    contains(t, "Des tablettes pour tous")
    for label in ["Retenue", "À l'étude", "Non retenue", "Déjà en cours"]:
        contains(t, label)
    contains(r.text, 'name="statut"')
    contains(r.text, '<label for="f-reponse"')
    # Nothing chosen for the official; the rule of the e-mails is stated.
    lacks(r.text, " selected>")
    contains(r.text, '<option value="">— Choisissez un statut —</option>')
    contains(t, "Une correction qui garde le même statut ne prévient personne")
    contains(r.text, 'value="apercu">Prévisualiser la réponse')
    lacks(r.text, 'value="publier"', "publishing comes after a preview")
    text = ("Nous **étudions** cette idée avec [les lycées](https://example.org/lycees).\n\n"
            "- un essai\n- un bilan")
    # The preview: the answer as it will look, the e-mail's plain text, who
    # gets it; nothing saved, nothing sent.
    r = c.submit(path(d), path(d), {"action": "apercu", "statut": "a_l_etude", "reponse": text})
    eq(r.status, 200, r.visible_text()[:300])
    t = r.visible_text()
    contains(t, "Aperçu avant publication")
    contains(r.text, "Nous <strong>étudions</strong> cette idée")
    contains(t, "Publier enverra 3 courriels")
    contains(r.text, "Nous étudions cette idée avec les lycées (https://example.org/lycees).\n\n"
                     "- un essai\n- un bilan</pre>")
    contains(r.text, '<option value="a_l_etude" selected>')
    contains(r.text, "Nous **étudions** cette idée")  # kept in the form
    contains(r.text, 'value="publier">Publier la réponse')
    eq(sql_value("SELECT count(*) FROM official_answers WHERE contribution_id = %d" % d["p"]), "0")
    eq(answer_mails(d), 0)
    r = c.submit(path(d), path(d), {"action": "publier", "statut": "a_l_etude", "reponse": text})
    eq(r.status, 303, r.visible_text()[:300])
    eq(r.header("location"), path(d))
    row = sql("SELECT status, replace(body, chr(10), '|'), replace(body_html, chr(10), ' '), official_id"
              " FROM official_answers WHERE contribution_id = %d" % d["p"])[0]
    eq(row[0], "a_l_etude")
    eq(row[1], text.replace("\n", "|"))
    contains(row[2], "<strong>étudions</strong>")
    eq(int(row[3]), official)
    mails = sql("SELECT user_id, recipient, subject, replace(body, chr(10), '|') FROM outbox WHERE kind = 'answer'"
                " AND body LIKE '%%/propositions/%d%%' ORDER BY user_id" % d["p"])
    eq(sorted(int(m[0]) for m in mails), sorted([d["author"]] + d["voters"]))
    for m in mails:
        contains(m[2], "Tablettes " + d["tag"])
        contains(m[3], "Réponse : À l'étude")
        # Plain text, not Markdown.
        contains(m[3], "Nous étudions cette idée avec les lycées (https://example.org/lycees).||- un essai|- un bilan")
        lacks(m[3], "**")
        lacks(m[3], "](")
    lacks(" ".join(m[1] for m in mails), "autre-" + d["tag"])
    # The page says it worked and shows the current answer.
    r = c.get(path(d))
    contains(r.visible_text(), "La réponse officielle est publiée ; l'auteur et les votants")
    contains(r.visible_text(), "Réponse actuelle : À l'étude")
    contains(r.visible_text(), "par Élue Réponse")
    contains(r.text, "Nous <strong>étudions</strong> cette idée")
    contains(r.text, "Nous **étudions** cette idée")  # the Markdown, in the form
    contains(r.text, '<option value="a_l_etude" selected>', "a correction starts from the answer")
    # A correction that keeps the status: the preview says nobody is told,
    # and nobody is (64 e-mails for a typo before).
    r = c.submit(path(d), path(d), {"action": "apercu", "statut": "a_l_etude", "reponse": "Corrigé."})
    contains(r.visible_text(), "Cette correction garde le même statut : personne ne recevra de courriel.")
    r = c.submit(path(d), path(d), {"action": "publier", "statut": "a_l_etude", "reponse": "Corrigé."})
    eq(r.status, 303)
    eq(sql_value("SELECT body FROM official_answers WHERE contribution_id = %d" % d["p"]), "Corrigé.")
    eq(answer_mails(d), 3)
    contains(c.get(path(d)).visible_text(), "Personne n'a été prévenu par courriel")
    # A change of status tells them again, once each.
    r = c.submit(path(d), path(d), {"action": "apercu", "statut": "retenue", "reponse": "C'est décidé."})
    contains(r.visible_text(), "Publier enverra 3 courriels")
    r = c.submit(path(d), path(d), {"action": "publier", "statut": "retenue", "reponse": "C'est décidé."})
    eq(r.status, 303)
    eq(sql("SELECT status, body FROM official_answers WHERE contribution_id = %d" % d["p"]),
       [["retenue", "C'est décidé."]])
    eq(answer_mails(d), 6)


@test
def answer_form_errors_keep_what_was_typed():
    d = proposal_with_voters()
    c, _ = harness.signed_in(roles=("official",))
    cases = [
        ({"statut": "adoptee", "reponse": "Texte gardé 1"}, "n'est pas dans la liste", "Texte gardé 1"),
        ({"statut": "retenue", "reponse": "   "}, "« Texte de la réponse » est obligatoire", None),
        ({"statut": "", "reponse": "Texte gardé 2"}, "Choisissez une valeur", "Texte gardé 2"),
        ({"reponse": "Texte gardé 3", "action": "publier"}, "Choisissez une valeur", "Texte gardé 3"),
        ({"statut": "retenue", "reponse": "é" * 5001}, "ne doit pas dépasser 5000 caractères", None),
        ({"statut": "retenue", "reponse": b"caf\xe9 latin-1"}, "encodage non UTF-8", None),
    ]
    for fields, message, kept in cases:
        r = c.submit(path(d), path(d), fields)
        eq(r.status, 422, message)
        contains(r.visible_text(), message)
        if "statut" not in fields or fields["statut"] == "":
            # At the field: the message is tied to the select.
            contains(r.text, 'id="e-statut"')
        if kept:
            contains(r.text, kept)
    eq(answer_mails(d), 0)
    r = c.submit(path(d), path(d), {"action": "publier", "statut": "retenue", "reponse": "é" * 5000})
    eq(r.status, 303, "5000 characters are allowed")
    sql("DELETE FROM outbox WHERE body LIKE '%%/propositions/%d%%'" % d["p"])
    sql("DELETE FROM official_answers WHERE contribution_id = %d" % d["p"])


@test
def answer_needs_csrf_an_official_and_a_proposal():
    d = proposal_with_voters()
    official, _ = harness.signed_in(roles=("official",))
    fields = {"statut": "retenue", "reponse": "Sans jeton"}
    eq(official.post(path(d), fields).status, 403, "missing CSRF")
    f = dict(fields, csrf="x" * 43)
    eq(official.post(path(d), f).status, 403, "forged CSRF")
    citizen, _ = harness.signed_in(roles=("citizen",))
    eq(citizen.get(path(d)).status, 403, "citizen GET")
    page = citizen.get("/")
    f = dict(fields, csrf=page.csrf() if 'name="csrf"' in page.text else "y" * 43)
    eq(citizen.post(path(d), f).status, 403, "citizen POST")
    eq(Client().get(path(d)).status, 401, "visitor: sign in first")
    moderator, _ = harness.signed_in(roles=("moderator",))
    eq(moderator.get(path(d)).status, 403, "moderator")
    eq(sql_value("SELECT count(*) FROM official_answers WHERE contribution_id = %d" % d["p"]), "0")
    eq(sql_value("SELECT count(*) FROM outbox WHERE body LIKE '%%/propositions/%d%%'" % d["p"]), "0")
    # Not a proposal, unknown, malformed, hidden.
    arg = contribution("education", "argument", "Un argument", parent=d["p"], position="pour")
    hidden = contribution("education", "proposal", "Cachée", title="Cachée", status="hidden")
    for bad in [str(arg), "999999999", "abc", "0", str(hidden)]:
        eq(official.get("/propositions/%s/reponse" % bad).status, 404, bad)
    r = official.submit(path(d), "/propositions/%d/reponse" % hidden,
                        {"statut": "retenue", "reponse": "Non"})
    eq(r.status, 404)


@test
def theme_lists_show_the_answer_and_filter_by_it():
    tag = secrets.token_hex(4)
    word = "Zanzibar" + "".join(chr(ord("a") + int(ch, 16) % 26) for ch in tag)
    ids = {}
    for st in ["retenue", "non_retenue", None]:
        ids[st] = contribution("education", "proposal", "Une idée %s assez longue" % word,
                               title="%s %s" % (word, st or "sans"))
    c, _ = harness.signed_in(roles=("official",))
    for st in ["retenue", "non_retenue"]:
        p = "/propositions/%d/reponse" % ids[st]
        eq(c.submit(p, p, {"action": "publier", "statut": st, "reponse": "Réponse."}).status, 303)
    base = "/themes/education?q=" + word
    r = Client().get(base)
    eq(r.status, 200)
    t = r.visible_text()
    contains(t, "3 propositions")
    contains(t, "Réponse de la Région : Retenue")
    contains(t, "Réponse de la Région : Non retenue")
    contains(r.text, '<label for="f-reponse">Réponse de la Région</label>')
    for filt, shown in [("retenue", "retenue"), ("non_retenue", "non_retenue"), ("sans", None)]:
        r = Client().get(base + "&reponse=" + filt)
        eq(r.status, 200, filt)
        t = r.visible_text()
        contains(t, "1 proposition ", filt)
        contains(t, "%s %s" % (word, shown or "sans"))
        for other in ids:
            if other != shown:
                lacks(t, "%s %s" % (word, other or "sans"), filt)
        contains(r.text, '<option value="%s" selected>' % filt)
    # Without a search the count comes from the rollups and the answers.
    total = int(sql_value("SELECT count(*) FROM contributions c JOIN themes t ON t.id = c.theme_id"
                          " JOIN consultations k ON k.id = t.consultation_id AND k.is_primary"
                          " WHERE t.slug = 'education' AND c.kind = 'proposal' AND c.status = 'published'"))
    retained = int(sql_value("SELECT count(*) FROM official_answers a JOIN contributions c"
                             " ON c.id = a.contribution_id JOIN themes t ON t.id = c.theme_id"
                             " WHERE t.slug = 'education' AND c.status = 'published'"
                             " AND a.status = 'retenue'"))
    answered = int(sql_value("SELECT count(*) FROM official_answers a JOIN contributions c"
                             " ON c.id = a.contribution_id JOIN themes t ON t.id = c.theme_id"
                             " WHERE t.slug = 'education' AND c.status = 'published'"))
    r = Client().get("/themes/education?reponse=retenue")
    contains(r.visible_text(), "%d proposition" % retained)
    r = Client().get("/themes/education?reponse=sans")
    contains(r.visible_text().replace("\u202f", ""), "%d proposition" % (total - answered))
    r = Client().get("/themes/education?reponse=adoptee")
    eq(r.status, 400)
    contains(r.visible_text(), "La réponse demandée (paramètre « reponse ») n'existe pas.")
