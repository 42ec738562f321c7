# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Topics (issue 16, item 1) end to end: proposals posted over HTTP on
three planted subjects, `agora topics` run for real, the report page's
"Sujets abordés" section (words, sizes, votes, representative proposals,
method), the open-data file recomputed by an independent Python
implementation (topics_recompute.py) with the same assignment, the same
on the République numérique import, and the French sentences for a theme
with too few proposals or none."""

import re
import time

import harness
from archive_lib import RN_SLUG, ensure_imported
from harness import Client, contains, eq, lacks, sql, sql_value, test
from participation_lib import csrf_of, db_proposal, new_proposal, vote, word
import topics_recompute

PLANTED = {
    "vélo": ["Des pistes cyclables pour aller au lycée à vélo",
             "Un vélo en libre service et des pistes cyclables sûres",
             "Garer son vélo près des gares : des abris vélos et des pistes",
             "Pistes cyclables continues entre les villages, vélo électrique aidé",
             "Apprendre le vélo à l'école et sécuriser les pistes cyclables"],
    "fibre": ["La fibre optique dans chaque village, un vrai débit internet",
              "Un débit internet correct : la fibre avant 2028",
              "Fibre optique et couverture mobile des zones blanches, débit",
              "Raccorder les fermes à la fibre, un internet à haut débit",
              "Mesurer le débit internet réel et accélérer la fibre optique"],
    "cantine": ["Des repas bio et locaux à la cantine du collège",
                "Cantine scolaire : produits locaux, repas végétarien chaque semaine",
                "Moins de gaspillage à la cantine, des repas cuisinés sur place",
                "Une cantine bio pour tous les lycées, repas à prix réduit",
                "Repas de cantine avec les producteurs locaux et bio"],
}


def section(page):
    m = re.search(r'(?s)<section aria-labelledby="sujets">(.*?)</section>', page.text)
    assert m, "no topics section"
    return m.group(1), harness.Response(200, {}, m.group(1).encode()).visible_text()


def new_theme(tag, title="Thème des sujets"):
    return sql_value("INSERT INTO themes (consultation_id, slug, position, title, summary, body)"
                     " SELECT k.id, 'sujets-%s', (SELECT max(position) + 1 FROM themes"
                     " WHERE consultation_id = k.id), '%s', 'Sujets.', '' FROM consultations k"
                     " WHERE k.is_primary RETURNING id" % (tag, title))


def export_rows(consultation, theme):
    r = Client().get("/export/sujets/%s/%s.csv" % (consultation, theme))
    eq(r.status, 200, "export of " + theme)
    contains(r.header("content-type"), "text/csv")
    return topics_recompute.parse(r.body.decode())


def same_assignment(consultation, theme):
    rows = export_rows(consultation, theme)
    got = topics_recompute.recompute(rows)
    eq(got, {r[0]: r[1] for r in rows}, "independent recomputation of " + theme)
    return rows


@test
def topics_planted_over_http_are_found_shown_and_recomputed():
    tag = word(6)
    new_theme(tag)
    slug = "sujets-" + tag
    primary = sql_value("SELECT slug FROM consultations WHERE is_primary")
    ids = {}
    for subject, titles in PLANTED.items():
        for t in titles:
            client, _, pid = new_proposal(title=t, body=t + ".", slug=slug)
            ids[pid] = subject
            if subject == "vélo":
                vote(client, pid, "agree")
    page = Client().get("/rapports/" + slug)
    eq(page.status, 200)
    contains(section(page)[1], "pas encore été calculés")
    r = harness.agora("topics", "--theme", slug)
    eq(r.returncode, 0, r.stderr)
    contains(r.stdout, "15 propositions")
    # The planted partition, exactly.
    got = dict((int(a), int(b)) for a, b in sql(
        "SELECT m.contribution_id, m.topic FROM topic_members m JOIN topic_runs r"
        " ON r.id = m.run_id JOIN themes t ON t.id = r.theme_id WHERE t.slug = '%s'" % slug))
    eq(set(got), set(ids), "every proposal read")
    by_subject = {}
    for pid, subject in ids.items():
        by_subject.setdefault(subject, set()).add(got[pid])
    eq(sorted(len(v) for v in by_subject.values()), [1, 1, 1], "one topic per subject")
    eq(len({min(v) for v in by_subject.values()}), 3, "three distinct topics")
    page = Client().get("/rapports/" + slug)
    eq(page.status, 200)
    html, text = section(page)
    contains(text, "Sujets abordés")
    contains(text, "regroupées en 3 sujets")
    for w in ("vélo", "fibre", "cantine"):
        assert re.search(r"Sujet \d : [^\n]*%s" % w, text), (w, text)
    contains(text, "5 propositions (33 %)")
    contains(text, "5 d'accord")
    contains(text, "Les plus représentatives")
    lacks(text, "Par groupe de la carte des opinions", "no map, no groups")
    eq(len(re.findall(r'<li><a href="/propositions/\d+"', html)), 9, "3 per topic")
    contains(text, "Méthode")
    contains(text, "graine fixe 20151")
    contains(html, 'href="/export/sujets/%s/%s.csv"' % (primary, slug))
    rows = same_assignment(primary, slug)
    eq(len(rows), 15)
    # Same input, same output.
    before = sql("SELECT contribution_id, topic, rank, similarity FROM topic_members m"
                 " JOIN topic_runs r ON r.id = m.run_id JOIN themes t ON t.id = r.theme_id"
                 " WHERE t.slug = '%s' ORDER BY 1" % slug)
    eq(harness.agora("topics", "--theme", slug).returncode, 0)
    eq(sql("SELECT contribution_id, topic, rank, similarity FROM topic_members m"
           " JOIN topic_runs r ON r.id = m.run_id JOIN themes t ON t.id = r.theme_id"
           " WHERE t.slug = '%s' ORDER BY 1" % slug), before, "deterministic")
    eq(sql_value("SELECT count(*) FROM topic_runs r JOIN themes t ON t.id = r.theme_id"
                 " WHERE t.slug = '%s'" % slug), "1", "one stored run per theme")


def topic_blocks(text):
    """{subject word: the text of its topic, heading to next heading}."""
    out = {}
    parts = re.split(r"Sujet \d : ", text.split("Méthode")[0])
    for part in parts[1:]:
        label = part.split(" propositions ")[0]
        for w in PLANTED:
            if w in label:
                out[w] = part
    return out


@test
def topics_show_how_each_opinion_group_voted_equal_to_the_votes_cast():
    tag = word(6)
    new_theme(tag, "Thème des groupes")
    slug = "sujets-" + tag
    ids = {w: [db_proposal(t + " " + tag, theme=slug) for t in titles]
           for w, titles in PLANTED.items()}
    # Two planted groups (11 and 10 people: numbered by size): the first
    # for cycling and against fibre, the second the other way round, both
    # for the canteen; each person "mitigé" on one proposal of their side.
    cast = {}   # (group, subject) -> [agree, mixed, disagree]
    for g, size in ((0, 11), (1, 10)):
        mine, theirs = ("vélo", "fibre") if g == 0 else ("fibre", "vélo")
        for i in range(size):
            c, _ = harness.signed_in()
            token = csrf_of(c)
            for subject in PLANTED:
                for k, pid in enumerate(ids[subject]):
                    if subject == theirs:
                        choice = "disagree"
                    else:
                        choice = "mixed" if subject == mine and k == i % 5 else "agree"
                    eq(vote(c, pid, choice, token).status, 303)
                    n = cast.setdefault((g, subject), [0, 0, 0])
                    n[("agree", "mixed", "disagree").index(choice)] += 1
    eq(harness.agora("topics", "--theme", slug).returncode, 0)
    r = harness.agora("opinion-map", "--theme", slug)
    eq(r.returncode, 0, r.stderr)
    contains(r.stdout, "2 groupes")
    try:
        page = Client().get("/rapports/" + slug)
        eq(page.status, 200)
        html, text = section(page)
        contains(html, 'href="#carte-opinions"', "link to the map")
        blocks = topic_blocks(text)
        eq(sorted(blocks), sorted(PLANTED), "three topics")
        for subject, block in blocks.items():
            contains(block, "Par groupe de la carte des opinions")
            for g in (0, 1):
                a, m, d = cast[(g, subject)]
                n = a + m + d
                want = "Groupe %d : %d %% d'accord, %d %% pas d'accord (%d votes)" % (
                    g + 1, (a * 100 + n // 2) // n, (d * 100 + n // 2) // n, n)
                contains(block, want, subject)
        # The stored tallies are aggregates of 10 people or more only.
        eq(sql_value("SELECT count(*) FROM opinion_group_votes v JOIN opinion_maps m"
                     " ON m.id = v.map_id JOIN themes t ON t.id = m.theme_id"
                     " WHERE t.slug = '%s'" % slug), "30", "15 proposals x 2 groups")
    finally:
        sql("DELETE FROM opinion_maps WHERE theme_id = (SELECT id FROM themes"
            " WHERE slug = '%s')" % slug)


@test
def topics_refuse_too_few_or_no_proposals_in_french():
    tag = word(6)
    new_theme(tag, "Thème presque vide")
    slug = "sujets-" + tag
    r = harness.agora("topics", "--theme", slug)
    eq(r.returncode, 0, r.stderr)
    page = Client().get("/rapports/" + slug)
    eq(page.status, 200)
    contains(section(page)[1], "aucune proposition publiée")
    for t in PLANTED["vélo"][:3]:
        new_proposal(title=t, body=t + ".", slug=slug)
    eq(harness.agora("topics", "--theme", slug).returncode, 0)
    page = Client().get("/rapports/" + slug)
    text = section(page)[1]
    contains(text, "Trop peu de propositions pour dégager des sujets")
    lacks(text, "Sujet 1")
    r = harness.agora("topics", "--theme", "inconnu-" + tag)
    eq(r.returncode, 1)
    contains(r.stderr, "inconnu")
    eq(Client().get("/export/sujets/%s/inconnu-%s.csv" % (RN_SLUG, tag)).status, 404)
    eq(Client().get("/export/sujets/%s/x.json" % RN_SLUG).status, 404)


@test
def topics_of_republique_numerique_are_recomputed_from_the_open_data():
    ensure_imported()
    start = time.monotonic()
    r = harness.agora("topics", "--consultation", RN_SLUG)
    elapsed = time.monotonic() - start
    eq(r.returncode, 0, r.stderr)
    print("    agora topics --consultation %s: %.1f s" % (RN_SLUG, elapsed))
    themes = [t for (t,) in sql(
        "SELECT t.slug FROM topic_runs r JOIN themes t ON t.id = r.theme_id JOIN"
        " consultations k ON k.id = t.consultation_id WHERE k.slug = '%s'"
        " AND r.reason = 'found' ORDER BY r.proposals DESC" % RN_SLUG)]
    assert len(themes) >= 10, themes
    for theme in themes:
        same_assignment(RN_SLUG, theme)
    page = Client().get("/consultations/%s/rapports/%s" % (RN_SLUG, themes[0]))
    eq(page.status, 200)
    text = section(page)[1]
    contains(text, "Sujet 1 : ")
    contains(text, "Méthode")
    # The primary consultation's busiest theme too (the browser checks read it).
    eq(harness.agora("topics", "--theme", "ethique").returncode, 0)
