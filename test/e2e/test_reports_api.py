# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The read-only JSON API: /api/v1/themes, /api/v1/contributions (filters,
paging, validation) and /api/v1/rapports/<slug>, checked against SQL
recounts and against the HTML report."""

import csv
import io
import json
import re
import secrets

import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test
from opendata_fixtures import PUBLIC_IDS, contribution, pseudonym, vote


def get_json(path, status=200):
    r = Client().get(path)
    eq(r.status, status, path)
    contains(r.header("content-type"), "application/json", path)
    return json.loads(r.body.decode("utf-8"))


@test
def api_themes_lists_the_seven_themes_with_counts():
    data = get_json("/api/v1/themes")
    slugs = [t["slug"] for t in data["themes"]]
    eq(slugs, [r[0] for r in sql("SELECT t.slug FROM themes t JOIN consultations k"
                                  " ON k.id = t.consultation_id WHERE k.is_primary"
                                  " ORDER BY t.position")])
    for seeded in ["ethique", "territoires", "education", "formation", "culture", "sante",
                   "economie"]:
        assert seeded in slugs, seeded
    t = data["themes"][slugs.index("sante")]
    eq(t["propositions"], int(sql_value(
        "SELECT count(*) FROM contributions c JOIN themes t ON t.id = c.theme_id"
        " JOIN consultations k ON k.id = t.consultation_id WHERE k.is_primary"
        " AND t.slug = 'sante' AND c.kind = 'proposal' AND c.id IN " + PUBLIC_IDS)))


@test
def api_contributions_filters_and_pages():
    tag = secrets.token_hex(3)
    author = harness.make_user()
    ids = [contribution("economie", "proposal", "Idée %d %s" % (i, tag), author=author,
                        title="Idée %d %s" % (i, tag)) for i in range(3)]
    arg = contribution("economie", "argument", "Pour " + tag, parent=ids[0], position="pour")
    vote(harness.make_user(), ids[0], "agree")
    where = ("FROM contributions c JOIN themes t ON t.id = c.theme_id JOIN consultations k"
             " ON k.id = t.consultation_id WHERE k.is_primary AND t.slug = 'economie'"
             " AND c.id IN " + PUBLIC_IDS)
    total = int(sql_value("SELECT count(*) " + where + " AND c.kind = 'proposal'"))
    data = get_json("/api/v1/contributions?theme=economie&type=proposition")
    eq(data["total"], total)
    eq(data["par_page"], 50)
    eq(data["pages"], (total + 49) // 50)
    eq({c["type"] for c in data["contributions"]}, {"proposition"})
    eq({c["theme"] for c in data["contributions"]}, {"economie"})
    mine = [c for c in data["contributions"] if c["id"] in ids]
    eq(len(mine), 3 if total <= 50 else len(mine))
    first = [c for c in data["contributions"] if c["id"] == ids[0]][0]
    eq(first["votes_d_accord"], 1)
    eq(first["auteur"], pseudonym(author))
    # Arguments only.
    data = get_json("/api/v1/contributions?theme=economie&type=argument")
    assert arg in [c["id"] for c in data["contributions"]]
    eq({c["type"] for c in data["contributions"]}, {"argument"})
    # Paging over everything: page 2 starts after page 1, no overlap.
    all_total = int(sql_value("SELECT count(*) FROM contributions c WHERE c.id IN "
                              + PUBLIC_IDS))
    p1 = get_json("/api/v1/contributions")
    eq(p1["total"], all_total)
    p2 = get_json("/api/v1/contributions?page=2")
    if all_total > 50:
        assert p1["contributions"][-1]["id"] < p2["contributions"][0]["id"]
    far = get_json("/api/v1/contributions?page=2000")
    eq(far["contributions"], [])
    eq(far["total"], all_total)


@test
def api_totals_leave_out_replies_under_an_unpublished_proposal():
    """The totals come from the rollups, which count the public
    contributions only: they must equal the rows the API and the export
    actually hold, without the published replies of an unpublished
    thread."""
    tag = secrets.token_hex(3)
    p = contribution("formation", "proposal", "Fil masqué " + tag, title="Fil masqué " + tag)
    for i in range(3):
        contribution("formation", "argument", "Argument %d %s" % (i, tag), parent=p,
                     position="pour")
    contribution("formation", "comment", "Commentaire " + tag, parent=p)
    sql("UPDATE contributions SET status = 'hidden' WHERE id = %d" % p)
    recount = ("SELECT count(*) FROM contributions c JOIN themes t ON t.id = c.theme_id"
               " JOIN consultations k ON k.id = t.consultation_id"
               " WHERE c.id IN " + PUBLIC_IDS)
    for query, extra in [("", ""), ("?theme=formation", " AND k.is_primary AND t.slug = 'formation'"),
                         ("?theme=formation&type=argument",
                          " AND k.is_primary AND t.slug = 'formation' AND c.kind = 'argument'"),
                         ("?type=commentaire", " AND c.kind = 'comment'")]:
        want = int(sql_value(recount + extra))
        eq(get_json("/api/v1/contributions" + query)["total"], want, "total of " + query)
    rows = Client().get("/export/themes/formation.csv").body.decode("utf-8")
    n = len(list(csv.reader(io.StringIO(rows, newline="")))) - 1
    eq(get_json("/api/v1/contributions?theme=formation")["total"], n, "API total = export rows")
    lacks(rows, tag)


@test
def api_cursor_walks_the_same_rows_as_pages():
    """apres=<id> (the "suivant" of the page before) gives the same rows as
    page=, however deep, and ends with suivant = null."""
    tag = secrets.token_hex(3)
    first = contribution("education", "proposal", "Curseur %s" % tag, title="Curseur %s" % tag)
    for i in range(55):
        contribution("education", "comment", "Curseur %d %s" % (i, tag), parent=first)
    by_page, page = [], 1
    while True:
        d = get_json("/api/v1/contributions?theme=education&page=%d" % page)
        by_page += [c["id"] for c in d["contributions"]]
        if page >= d["pages"]:
            break
        page += 1
    by_cursor, after, pages = [], None, 0
    while True:
        d = get_json("/api/v1/contributions?theme=education"
                     + ("&apres=%d" % after if after else ""))
        eq(d["page"], None if after else 1)
        by_cursor += [c["id"] for c in d["contributions"]]
        pages += 1
        if d["suivant"] is None:
            break
        eq(d["suivant"], d["contributions"][-1]["id"])
        after = d["suivant"]
    eq(by_cursor, by_page, "cursor and pages hold the same rows in the same order")
    assert len(by_page) >= 55 and pages >= 2, (len(by_page), pages)
    eq(len(set(by_cursor)), len(by_cursor), "no row twice")
    last = get_json("/api/v1/contributions?theme=education&apres=%d" % by_page[-1])
    eq((last["contributions"], last["suivant"]), ([], None))


@test
def api_contributions_rejects_invalid_filters():
    for q, word in [("type=vote", "type"), ("page=0", "page"), ("page=-1", "page"),
                    ("page=abc", "page"), ("page=2001", "page"), ("page=1000000", "apres"), ("theme=%3Cx%3E", "theme"),
                    ("apres=abc", "apres"), ("apres=-3", "apres"), ("apres=0", "apres"),
                    ("apres=5&page=2", "apres"),
                    ("theme=ETHIQUE", "theme")]:
        data = get_json("/api/v1/contributions?" + q, 400)
        contains(data["erreur"], word, q)
    data = get_json("/api/v1/contributions?theme=inconnu", 404)
    contains(data["erreur"], "inconnu")


@test
def api_report_matches_the_html_report():
    data = get_json("/api/v1/rapports/culture")
    eq(data["slug"], "culture")
    page = Client().get("/rapports/culture").text
    for key, label in [("contributeurs", "Contributeurs"), ("propositions", "Propositions"),
                       ("arguments", "Arguments"), ("commentaires", "Commentaires"),
                       ("votes", "Votes"), ("votants", "Votants")]:
        m = re.search(r"<dt>%s</dt><dd>([^<]*)</dd>" % label, page)
        eq(str(data["participation"][key]), m.group(1), key)
    eq(len(data["par_departement"]), int(sql_value("SELECT count(*) FROM territories")) + 1)
    for d in data["par_departement"]:
        if d["code"]:
            eq(d["contributions"], int(sql_value(
                "SELECT count(*) FROM contributions c JOIN themes t ON t.id = c.theme_id"
                " JOIN consultations k ON k.id = t.consultation_id WHERE k.is_primary"
                " AND t.slug = 'culture' AND c.id IN " + PUBLIC_IDS +
                " AND c.territory_code = '%s'" % d["code"])), d["code"])
    for t in data["termes"]:
        contains(page, '?q=%s">' % t["terme"].replace(" ", "%20") if t["terme"].isascii()
                 else ">%s</a> (%d)" % (t["terme"], t["occurrences"]))
    get_json("/api/v1/rapports/inconnu", 404)
