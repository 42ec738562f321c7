# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Imported consultations as archives: reachable from the home page and the
footer, each with its page, its themes, its reports and its proposals,
showing the source platform's tallies labelled as such, read-only (every
POST refused with a French 409), and in the open data's new columns. Every
figure is recounted from the source files with Python's csv module."""

import collections
import csv
import html
import io
import json
import os
import re
import tempfile

import harness
from archive_lib import (DC, DC_SLUG, RN, RN_SLUG, contribution_id, retire_archive,
                         ensure_imported, hrefs, listed_ids, make_archive, read_csv,
                         source_ids, wilson)
from harness import Client, contains, eq, lacks, sql, sql_value, test

LABEL = "décomptes de la plateforme d'origine, pas des avis exprimés ici"
RN_THEME = "ouverture-des-donnees-publiques"
RN_SECTION = "Ouverture des données publiques"


def opinions():
    return read_csv(os.path.join(RN, "opinions.csv"), ",")


def published_opinions(section):
    """(file index, row) of the section's opinions that were not trashed."""
    return [(i, o) for i, o in enumerate(opinions())
            if o["section_subtitle"] == section and o["is_trashed"] != "1"]


@test
def archives_are_reachable_from_the_home_page_and_the_footer():
    ensure_imported()
    home = Client().get("/")
    eq(home.status, 200)
    contains(home.text, 'href="/consultations/%s"' % RN_SLUG)
    contains(home.text, 'href="/consultations/%s"' % DC_SLUG)
    contains(home.text, '<li><a href="/consultations/">Consultations</a></li>', "footer")
    r = Client().get("/consultations")
    eq((r.status, r.header("location")), (303, "/consultations/"))
    r = Client().get("/consultations/")
    eq(r.status, 200)
    t = r.visible_text()
    contains(t, "Consultations archivées")
    contains(t, "Plateforme d'origine : republique-numerique.fr · Du 26 septembre 2015"
             " au 18 octobre 2015")
    contains(r.text, 'href="/consultations/%s"' % DC_SLUG)
    published = sum(1 for o in opinions() if o["is_trashed"] != "1")
    # Replies: the report rollups' count of public rows, as on every page
    # (a reply under a trashed proposal is not public: decided once, in SQL).
    replies = sql_value("SELECT sum(r.n) FROM report_counts r JOIN themes t ON t.id = r.theme_id"
                        " JOIN consultations k ON k.id = t.consultation_id WHERE k.slug = '%s'"
                        " AND r.is_public AND r.kind <> 'proposal'" % RN_SLUG)
    contains(t, "18 thèmes · %d propositions · %s arguments et commentaires"
             % (published, replies))
    # The primary consultation's page is the home page.
    r = Client().get("/consultations/strategie-numerique")
    eq((r.status, r.header("location")), (303, "/"))
    eq(Client().get("/consultations/inconnue").status, 404)
    eq(Client().get("/consultations/Pas-un-slug").status, 404)


@test
def an_archive_page_shows_its_source_dates_licence_and_themes():
    ensure_imported()
    r = Client().get("/consultations/" + RN_SLUG)
    eq(r.status, 200)
    t = r.visible_text()
    contains(t, "Projet de loi pour une République numérique (2015)")
    contains(t, "Plateforme d'origine republique-numerique.fr")
    contains(r.text, 'href="https://www.republique-numerique.fr/consultations/'
             'projet-de-loi-numerique"')
    contains(t, "Du 26 septembre 2015 au 18 octobre 2015")
    contains(t, "Licence Ouverte")
    contains(t, "Consultation archivée")
    contains(t, LABEL)
    # Each theme with its counts, recounted from the files.
    ops = opinions()
    props = collections.Counter(o["section_subtitle"] for o in ops if o["is_trashed"] != "1")
    args = dict(sql("SELECT t.title, sum(r.n) FROM report_counts r JOIN themes t"
                    " ON t.id = r.theme_id JOIN consultations k ON k.id = t.consultation_id"
                    " WHERE k.slug = '%s' AND r.is_public AND r.kind = 'argument'"
                    " GROUP BY t.title" % RN_SLUG))
    votes = collections.Counter()
    for o in ops:
        if o["is_trashed"] != "1":
            votes[o["section_subtitle"]] += int(o["votes_total"])
    rows = re.findall(r'<tr><th scope="row"><a href="(/consultations/[^"]+)">([^<]+)</a></th>'
                      r'<td class="num">(\d+)</td><td class="num">(\d+)</td>'
                      r'<td class="num">(\d+)</td><td class="num">(\d+)</td>', r.text)
    eq(len(rows), 18, "themes")
    for href, title, p, a, c, v in rows:
        title = title.replace("&#39;", "'")
        eq((int(p), a, int(c), int(v)), (props[title], args[title], 0, votes[title]), title)
    for link in hrefs(r.text):
        if link.startswith("/consultations/" + RN_SLUG + "/"):
            got = Client().get(link)
            assert got.status in (200, 303), (link, got.status)
            if got.status == 303:
                eq(Client().get(got.header("location").split("#")[0]).status, 200, link)


@test
def an_imported_proposal_shows_the_source_tallies_and_no_form():
    ensure_imported()
    pid = contribution_id("opinion/61", RN_SLUG)
    o61 = [o for o in opinions() if o["opinion_id"] == "61"][0]
    viewer, _ = harness.signed_in(roles=("citizen", "official"))
    for c in (Client(), viewer):
        r = c.get("/propositions/" + pid)
        eq(r.status, 200)
        t = r.visible_text()
        contains(t, "Votes sur la plateforme d'origine")
        contains(t, "Décomptes de la plateforme d'origine, pas des avis exprimés ici.")
        contains(t, "D'accord : %s Mitigé : %s Pas d'accord : %s" %
                 (o61["votes_ok"], o61["votes_mitige"], o61["votes_nok"]))
        eq((o61["votes_ok"], o61["votes_mitige"], o61["votes_nok"]), ("2237", "161", "49"))
        contains(t, "%s votes au total" % o61["votes_total"])
        contains(t, "La plateforme d'origine comptait 50 arguments pour, 45 arguments contre")
        contains(t, "Page d'origine : " + o61["url"])
        contains(r.text, 'href="%s"' % o61["url"])
        lacks(t, "0 avis")
        lacks(t, "avis au total")
        lacks(t, "La Région n'a pas encore répondu")
        lacks(t, "Réponse de la Région")
        lacks(t, "Donner mon avis")
        lacks(t, "Rédiger la réponse officielle")
        # No form but the header's sign-out button.
        eq(re.findall(r'<form method="post" action="([^"]+)"', r.text),
           ["/deconnexion"] if c is viewer else [])
        lacks(r.text, "agora.js")
        # Every link of the breadcrumb answers.
        crumbs = hrefs(r.text, "crumbs")
        eq(crumbs, ["/", "/consultations/", "/consultations/" + RN_SLUG,
                    "/consultations/%s/themes/%s" % (RN_SLUG, RN_THEME)])
        for link in crumbs:
            eq(Client().get(link).status, 200, link)
    # Each argument with its votes on the source platform.
    a35 = [a for a in read_csv(os.path.join(RN, "arguments.csv"), ",")
           if a["argument_id"] == "35"][0]
    aid = contribution_id("argument/35", RN_SLUG)
    m = re.search(r'(?s)<li id="c%s" class="argument[^"]*">.*?</li>' % aid, r.text)
    assert m, "argument 35 on the page"
    contains(m.group(0), "Votes sur la plateforme d'origine : %s" % a35["votes_count"])
    lacks(m.group(0), "Utile")


@test
def imported_debates_show_supports_and_each_comment_s_position():
    ensure_imported()
    comments = read_csv(os.path.join(DC, "commentaires_debats.csv"), ";")
    by_id = {c["id"]: c for c in comments}

    def root(c):
        while c["commentable_type"] == "Decidim::Comments::Comment":
            c = by_id[c["commentable_id"]]
        return c["commentable_id"]
    thread = [c for c in comments if root(c) == "30"]
    did = contribution_id("participation.lillemetropole.fr/debates/30", "decidim-grand-debat-2019")
    r = Client().get("/propositions/" + did)
    eq(r.status, 200)
    t = r.visible_text()
    contains(t, "Commentaires (%d)" % len(thread))
    contains(t, "La plateforme d'origine comptait %d commentaires" % len(thread))
    contains(t, "ne comptait pas de votes")
    words = {"1": "pour", "0": "neutre", "-1": "contre"}
    # every comment once across the thread's pages (20 a page, their
    # replies in full behind "Afficher les N réponses"; issue 18, item 2)
    seen, todo = {}, [r]
    while todo:
        page = todo.pop()
        for m in re.finditer(r'<li id="c(\d+)" class="comment">(?:(?!<li ).)*?'
                             r'<span class="alignment">(\w+)</span>', page.text, re.S):
            seen[m.group(1)] = m.group(2)
        for u in re.findall(r'<p class="more-replies"><a href="([^"#]+)', page.text) + \
                re.findall(r'<a href="([^"#]+)[^"]*" rel="next">Commentaires suivants', page.text):
            todo.append(Client().get(html.unescape(u)))
    eq(collections.Counter(seen.values()),
       collections.Counter(words[c["alignment"]] for c in thread))
    props = read_csv(os.path.join(DC, "propositions-libres.csv"), ";")
    p = [x for x in props if x["id"] == "457"][0]
    pid = contribution_id("participation.lillemetropole.fr/proposals/457",
                          "decidim-grand-debat-2019")
    r = Client().get("/propositions/" + pid)
    contains(r.visible_text(), "%s soutiens." % p["votes"])
    contains(r.text, 'href="%s"' % p["url"])
    crumbs = hrefs(r.text, "crumbs")
    eq(crumbs[-1], "/consultations/%s/themes/sans-categorie" % DC_SLUG)
    eq(Client().get(crumbs[-1]).status, 200)


def counts():
    return sql("SELECT (SELECT count(*) FROM votes), (SELECT count(*) FROM contributions),"
               " (SELECT count(*) FROM argument_useful), (SELECT count(*) FROM official_answers)")[0]


@test
def every_post_on_an_archive_is_refused_with_a_french_409():
    ensure_imported()
    pid = contribution_id("opinion/61", RN_SLUG)
    aid = contribution_id("argument/35", RN_SLUG)
    c, _ = harness.signed_in(roles=("citizen", "official"))
    token = c.get("/").csrf()
    before = counts()
    for path, fields in (("/propositions/%s/vote" % pid, {"choix": "agree"}),
                         ("/propositions/%s/arguments" % pid,
                          {"position": "pour", "texte": "Un argument de trop, jamais gardé."}),
                         ("/propositions/%s/commentaires" % pid,
                          {"texte": "Un commentaire de trop, jamais gardé."}),
                         ("/propositions/%s/commentaires" % pid,
                          {"texte": "Une réponse de trop.", "parent": aid}),
                         ("/arguments/%s/utile" % aid, {}),
                         ("/propositions/%s/reponse" % pid,
                          {"statut": "retenue", "reponse": "Une réponse de la Région."})):
        f = dict(fields)
        f["csrf"] = token
        r = c.post(path, f)
        eq(r.status, 409, path)
        contains(r.visible_text(), "archivée", path)
        contains(r.visible_text(), "Rien n'a été enregistré", path)
    eq(counts(), before, "nothing written")
    r = c.get("/propositions/%s/reponse" % pid)
    eq(r.status, 409)
    contains(r.visible_text(), "la Région n'y répond pas")
    # The SQL refuses too, whoever calls it.
    uid = sql_value("SELECT id FROM users ORDER BY id DESC LIMIT 1")
    eq(sql_value("SELECT participation_vote(%s, %s, 'agree')" % (uid, pid)), "archived")
    eq(counts(), before)


def page_titles_order(path):
    r = Client().get(path)
    eq(r.status, 200, path)
    return [sid.split("/")[1] for sid in
            (source_ids(listed_ids(r)).get(i) for i in listed_ids(r))], r


@test
def an_archive_theme_lists_searches_sorts_and_pages_by_the_source_tallies():
    ensure_imported()
    base = "/consultations/%s/themes/%s" % (RN_SLUG, RN_THEME)
    ops = published_opinions(RN_SECTION)
    r = Client().get(base)
    eq(r.status, 200)
    contains(r.visible_text(), "%d propositions." % len(ops))
    contains(r.visible_text(), "Les plus votées sur la plateforme d'origine")
    contains(r.visible_text(), LABEL)
    lacks(r.text, "Déposer une proposition")
    lacks(r.text, 'name="territoire"')
    # Votes: the source's votes_total, ties by the later opinion first.
    got, r = page_titles_order(base + "?tri=votes")
    want = [o["opinion_id"] for i, o in sorted(ops, key=lambda x: (-int(x[1]["votes_total"]), -x[0]))]
    eq(got, want[:20], "tri=votes")
    first = ops[[o["opinion_id"] for _, o in ops].index(want[0])][1]
    contains(r.visible_text(), "Plateforme d'origine : %s d'accord · %s mitigé · %s pas d'accord"
             % (first["votes_ok"], first["votes_mitige"], first["votes_nok"]))
    # Accord: Wilson lower bound of d'accord among the source's votes.
    got, _ = page_titles_order(base + "?tri=accord&page=2")
    want = [o["opinion_id"] for i, o in sorted(
        ops, key=lambda x: (-wilson(int(x[1]["votes_ok"]), int(x[1]["votes_total"])), -x[0]))]
    eq(got, want[20:40], "tri=accord, page 2")
    # Pages, search, errors.
    last = (len(ops) + 19) // 20
    r = Client().get(base + "?page=%d" % last)
    contains(r.visible_text(), "Page %d sur %d" % (last, last))
    contains(r.text, 'href="%s?tri=recent&amp;page=%d"' % (base, last - 1))
    r = Client().get(base + "?q=CADA&tri=votes")
    eq(r.status, 200)
    found = re.search(r"(\d+) propositions? pour la recherche « CADA »", r.visible_text())
    assert found and 0 < int(found.group(1)) < len(ops), r.visible_text()[:500]
    eq(Client().get(base + "?tri=n-importe").status, 400)
    eq(Client().get("/consultations/%s/themes/inconnu" % RN_SLUG).status, 404)
    # A Decidim theme: supports, no agree split to sort on.
    base = "/consultations/%s/themes/democratie-et-citoyennete" % DC_SLUG
    r = Client().get(base + "?tri=votes")
    eq(r.status, 200)
    contains(r.visible_text(), "Les plus soutenues sur la plateforme d'origine")
    lacks(r.text, '<option value="accord"')
    props = [p for p in read_csv(os.path.join(DC, "propositions-libres.csv"), ";")
             if p["category/name/fr"] == "Démocratie et citoyenneté"]
    best = max(int(p["votes"]) for p in props)
    ids = listed_ids(r)
    eq(source_ids(ids[:1])[ids[0]].split("/")[-1],
       [p["id"] for p in props if int(p["votes"]) == best][-1])
    contains(r.visible_text(), "Plateforme d'origine : %d soutiens" % best)
    # The primary consultation's themes keep their address.
    r = Client().get("/consultations/strategie-numerique/themes/ethique")
    eq((r.status, r.header("location")), (303, "/themes/ethique"))


@test
def archive_reports_are_the_report_code_ranked_by_the_source_tallies():
    ensure_imported()
    ops = published_opinions(RN_SECTION)
    r = Client().get("/consultations/%s/rapports/%s" % (RN_SLUG, RN_THEME))
    eq(r.status, 200)
    t = r.visible_text()
    contains(t, "Rapport : " + RN_SECTION)
    contains(t, LABEL)
    contains(t, "Votes %d D'accord %d Mitigé %d Pas d'accord %d" % (
        sum(int(o["votes_total"]) for _, o in ops), sum(int(o["votes_ok"]) for _, o in ops),
        sum(int(o["votes_mitige"]) for _, o in ops), sum(int(o["votes_nok"]) for _, o in ops)))
    contains(t, "Propositions %d" % len(ops))
    lacks(t, "Contributions par département")
    lacks(t, "Réponses officielles")
    lacks(t, "Contributeurs")
    best = sorted(ops, key=lambda x: (-wilson(int(x[1]["votes_ok"]), int(x[1]["votes_total"])),
                                      -x[0]))[0][1]
    m = re.search(r'(?s)<h2 id="consensus">.*?<tbody>\n<tr><th scope="row"><a href="/propositions/'
                  r'(\d+)">', r.text)
    eq(source_ids([m.group(1)])[m.group(1)], "opinion/" + best["opinion_id"])
    eq(hrefs(r.text, "crumbs")[-1], "/consultations/%s/themes/%s" % (RN_SLUG, RN_THEME))
    # Weekly counts: every published contribution of the theme, once.
    weeks = re.search(r'(?s)<caption>Contributions publiées par semaine</caption>.*?</table>', r.text)
    total = sum(int(n) for n in re.findall(r'<td class="num">(\d+)</td>', weeks.group(0)))
    eq(total, int(sql_value("SELECT sum(r.n) FROM report_counts r JOIN themes t"
                            " ON t.id = r.theme_id JOIN consultations k"
                            " ON k.id = t.consultation_id WHERE k.slug = '%s' AND t.slug = '%s'"
                            " AND r.is_public" % (RN_SLUG, RN_THEME))))
    # Decidim: supports.
    r = Client().get("/consultations/%s/rapports/democratie-et-citoyennete" % DC_SLUG)
    eq(r.status, 200)
    props = [p for p in read_csv(os.path.join(DC, "propositions-libres.csv"), ";")
             if p["category/name/fr"] == "Démocratie et citoyenneté"]
    contains(r.visible_text(), "Soutiens %d" % sum(int(p["votes"]) for p in props))
    contains(r.visible_text(), "Propositions les plus soutenues")
    r = Client().get("/consultations/%s/rapports/" % DC_SLUG)
    eq((r.status, r.header("location")), (303, "/consultations/%s#themes" % DC_SLUG))
    r = Client().get("/consultations/strategie-numerique/rapports/culture")
    eq((r.status, r.header("location")), (303, "/rapports/culture"))


@test
def the_source_tallies_rollup_follows_moderation_and_equals_a_recount():
    ensure_imported()
    recount = ("SELECT t.theme_id, count(*), count(t.agree), coalesce(sum(t.agree), 0),"
               " coalesce(sum(t.votes_total), 0) FROM imported_tallies t JOIN contributions c"
               " ON c.id = t.contribution_id WHERE c.kind = 'proposal' AND c.status = 'published'"
               " GROUP BY 1 ORDER BY 1")
    rollup = ("SELECT theme_id, proposals, split, agree, votes FROM report_source_tallies"
              " WHERE proposals <> 0 ORDER BY 1")
    eq(sql(rollup), sql(recount))
    pid = contribution_id("opinion/61", RN_SLUG)
    theme, votes = sql("SELECT s.theme_id, s.votes FROM report_source_tallies s JOIN contributions c"
                       " ON c.theme_id = s.theme_id WHERE c.id = %s" % pid)[0]
    sql("UPDATE contributions SET status = 'hidden' WHERE id = %s" % pid)
    try:
        eq(sql_value("SELECT votes FROM report_source_tallies WHERE theme_id = %s" % theme),
           str(int(votes) - 2447))
        eq(sql(rollup), sql(recount))
        eq(Client().get("/propositions/" + pid).status, 404)
    finally:
        sql("UPDATE contributions SET status = 'published' WHERE id = %s" % pid)
    eq(sql_value("SELECT votes FROM report_source_tallies WHERE theme_id = %s" % theme), votes)
    sql("SELECT report_source_tallies_rebuild()")
    eq(sql(rollup), sql(recount))


@test
def a_theme_slug_repeated_in_an_archive_never_mixes_with_the_primary_one():
    cid, tid, pid = make_archive("archive-slugs", "ethique")
    try:
        r = Client().get("/themes/ethique")
        eq(r.status, 200)
        contains(r.visible_text(), "Le cadre éthique et les valeurs de notre démarche")
        lacks(r.text, "Proposition archivée homonyme")
        r = Client().get("/consultations/archive-slugs/themes/ethique")
        eq(r.status, 200)
        contains(r.visible_text(), "Éthique importée")
        contains(r.visible_text(), "Proposition archivée homonyme")
        contains(r.visible_text(), "1 proposition.")
        contains(r.visible_text(), "Plateforme d'origine : 12 soutiens")
        r = Client().get("/rapports/ethique")
        contains(r.visible_text(), "Le cadre éthique")
        lacks(r.text, "Proposition archivée homonyme")
        r = Client().get("/consultations/archive-slugs/rapports/ethique")
        eq(r.status, 200)
        contains(r.visible_text(), "Rapport : Éthique importée")
        contains(r.visible_text(), "Soutiens 12")
        r = Client().get("/export/themes/ethique.csv")
        eq(r.status, 200)
        lacks(r.text, "archive-slugs")
        r = Client().get("/api/v1/contributions?theme=ethique&type=proposition")
        assert all(x["consultation"] == "strategie-numerique"
                   for x in json.loads(r.body)["contributions"])
        r = Client().get("/api/v1/rapports/ethique")
        eq(r.status, 200)
        # The moderation queue's theme filter is the primary theme's.
        sql("UPDATE contributions SET under_review = true WHERE id = %s" % pid)
        m, _ = harness.signed_in(roles=("moderator",))
        r = m.get("/moderation/?theme=ethique")
        eq(r.status, 200)
        lacks(r.text, "Proposition archivée homonyme")
        r = m.get("/moderation/")
        contains(r.text, "Proposition archivée homonyme")
    finally:
        retire_archive(cid)


@test
def open_data_carries_the_source_votes_and_comment_alignment():
    ensure_imported()
    web = Client().get("/export/contributions.csv")
    eq(web.status, 200)
    head = web.body.split(b"\r\n", 1)[0].decode()
    eq(head, "id,consultation,theme,type,parent_id,position,departement,statut,cree_le,"
             "modifie_le,titre,texte,votes_d_accord,votes_mitige,votes_pas_d_accord,origine,"
             "id_origine,reponse_statut,reponse_date,auteur,votes_origine,alignement_origine,"
             "canal,epn,recueilli_le")
    rows = list(csv.DictReader(io.StringIO(web.body.decode("utf-8"), newline="")))
    by_source = {r["id_origine"]: r for r in rows if r["origine"] != "agora"}
    for o in opinions():
        if o["is_trashed"] != "1":
            eq(by_source["opinion/" + o["opinion_id"]]["votes_origine"], o["votes_total"])
    trashed = {o["opinion_id"] for o in opinions() if o["is_trashed"] == "1"}
    for a in read_csv(os.path.join(RN, "arguments.csv"), ","):
        if a["opinion_id"] not in trashed:
            x = by_source["argument/" + a["argument_id"]]
            eq((x["votes_origine"], x["alignement_origine"]), (a["votes_count"], ""))
    for p in read_csv(os.path.join(DC, "propositions-libres.csv"), ";"):
        eq(by_source["participation.lillemetropole.fr/proposals/" + p["id"]]["votes_origine"],
           p["votes"])
    words = {"1": "pour", "0": "neutre", "-1": "contre"}
    for c in read_csv(os.path.join(DC, "commentaires_debats.csv"), ";"):
        x = by_source["participation.lillemetropole.fr/comments/" + c["id"]]
        eq((x["alignement_origine"], x["votes_origine"]), (words[c["alignment"]], ""))
    assert all(r["votes_origine"] == "" and r["alignement_origine"] == ""
               for r in rows if r["origine"] == "agora")
    # JSON: numbers and words, the same values; the CLI writes the same bytes.
    j = json.loads(Client().get("/export/contributions.json").body)
    eq({x["id_origine"]: (x["votes_origine"], x["alignement_origine"]) for x in j
        if x["origine"] != "agora"},
       {k: (int(v["votes_origine"]) if v["votes_origine"] else None,
            v["alignement_origine"] or None) for k, v in by_source.items()})
    out = os.path.join(tempfile.mkdtemp(prefix="agora-export-"), "all.csv")
    e = harness.agora("export", "--output", out)
    eq(e.returncode, 0, e.stderr)
    with open(out, "rb") as f:
        assert f.read() == web.body, "CLI and HTTP exports differ"
    # The API lists them too; /export/ documents them.
    # Newest first: other suites' comments (the fault tests post hundreds)
    # may fill the first pages, so the imported ones are looked for further.
    aligned = False
    for page in range(1, 60):
        r = Client().get("/api/v1/contributions?type=commentaire&page=%d" % page)
        eq(r.status, 200, "API page %d" % page)
        items = json.loads(r.body)["contributions"]
        assert all("votes_origine" in x for x in items), "votes_origine on page %d" % page
        if any(x["alignement_origine"] in ("pour", "neutre", "contre") for x in items):
            aligned = True
            break
        if not items:
            break
    assert aligned, "no imported comment with its alignment in the API"
    r = Client().get("/export/")
    contains(r.text, "<code>votes_origine</code></th>")
    contains(r.text, "<code>alignement_origine</code></th>")
