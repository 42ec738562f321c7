# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The opinion map (issue 15) end to end: `agora import polis` on real
Pol.is conversations and its refusals, `agora opinion-map` against
Pol.is's own groups, planted groups voted over HTTP found on the report
page, each person's own group on their account page only, the refresh
setting, and the French sentences when no map can be drawn."""

import os
import re
import shutil
import tempfile

import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test
from opinion_lib import (BREXIT, LONDON, adjusted_rand, ensure_imported,
                         latest_votes, read_csv)
from participation_lib import csrf_of, db_proposal, vote


def archive_report(slug):
    theme = sql_value("SELECT t.slug FROM themes t JOIN consultations k"
                      " ON k.id = t.consultation_id WHERE k.slug = '%s'" % slug)
    return "/consultations/%s/rapports/%s" % (slug, theme), theme


def section(page):
    """The visible text of the page's opinion-map section."""
    m = re.search(r'(?s)<section aria-labelledby="carte-opinions">(.*?)</section>', page.text)
    assert m, "no opinion-map section"
    return harness.Response(200, {}, m.group(1).encode()).visible_text()


@test
def polis_import_keeps_each_participants_latest_votes():
    for folder in (BREXIT, LONDON):
        slug = ensure_imported(folder)
        cid = sql_value("SELECT id FROM consultations WHERE slug = '%s'" % slug)
        comments = read_csv(os.path.join(folder, "comments.csv"))
        eq(sql_value("SELECT count(*) FROM contributions WHERE consultation_id = %s"
                     " AND kind = 'proposal'" % cid), str(len(comments)), slug + " proposals")
        eq(sql_value("SELECT count(*) FROM contributions WHERE consultation_id = %s"
                     " AND NOT is_public" % cid),
           str(sum(1 for c in comments if c["moderated"] == "-1")), "moderated out: not public")
        votes = latest_votes(folder)
        voters = {v for v, _ in votes}
        eq(sql_value("SELECT count(*) FROM imported_participants WHERE consultation_id = %s"
                     % cid), str(len(voters)), "one pseudonymous participant per voter")
        names = {"1": "agree", "0": "mixed", "-1": "disagree"}
        got = {(p, c.split("/")[1]): ch for p, c, ch in sql(
            "SELECT p.source_id, k.source_id, v.choice FROM imported_votes v"
            " JOIN imported_participants p ON p.id = v.participant_id"
            " JOIN contributions k ON k.id = v.contribution_id WHERE p.consultation_id = %s"
            % cid)}
        eq(got, {k: names[str(v)] for k, v in votes.items()}, "every latest vote, mapped")
        # Imported participants are not accounts and cast no vote here.
        eq(sql_value("SELECT count(*) FROM votes v JOIN contributions c ON c.id ="
                     " v.contribution_id WHERE c.consultation_id = %s" % cid), "0", "votes")
    page = Client().get("/consultations/polis-brexit-consensus")
    eq(page.status, 200)
    contains(page.visible_text(), "sub-licensed under CC BY 4.0 with Attribution to The"
             " Computational Democracy Project", "attribution")
    r = harness.agora("import", "polis", BREXIT)
    eq(r.returncode, 1, "second import")
    contains(r.stderr, "déjà importé")


def counts():
    return sql("SELECT (SELECT count(*) FROM consultations), (SELECT count(*) FROM contributions),"
               " (SELECT count(*) FROM imported_participants),"
               " (SELECT count(*) FROM imported_votes),"
               " (SELECT count(*) FROM imported_tallies)")[0]


def sequences():
    return sql("SELECT sequencename, coalesce(last_value::text, 'unused')"
               " FROM pg_sequences ORDER BY 1")


def broken(edit_name, edit):
    """A copy of the London conversation under a name of its own, with one
    file edited."""
    d = os.path.join(tempfile.mkdtemp(prefix="agora-polis-"), "polis-test-copy")
    shutil.copytree(LONDON, d)
    for f in os.listdir(d):
        os.chmod(os.path.join(d, f), 0o644)
    p = os.path.join(d, edit_name)
    with open(p, "rb") as f:
        data = f.read()
    with open(p, "wb") as f:
        f.write(edit(data))
    return d


def refused(folder, *needles):
    before, seqs = counts(), sequences()
    r = harness.agora("import", "polis", folder)
    eq(r.returncode, 1, "exit status: " + r.stdout + r.stderr)
    for n in needles:
        contains(r.stderr, n, "message")
    contains(r.stderr, "Rien n'a été importé")
    eq(counts(), before, "database unchanged")
    eq(sequences(), seqs, "no sequence advanced")
    shutil.rmtree(os.path.dirname(folder))


@test
def polis_import_refusals_name_the_file_and_line_and_change_nothing():
    ensure_imported(LONDON)
    lines = open(os.path.join(LONDON, "votes.csv"), "rb").read().split(b"\n")
    # votes.csv cut at a record boundary: the declared n-votes disagree.
    refused(broken("votes.csv", lambda d: b"\n".join(lines[:400]) + b"\n"),
            "participants-votes.csv, ligne", "n-votes", "votes.csv tronqué")
    # A vote on a comment comments.csv does not hold.
    fields = lines[5].split(b",")
    bad = b",".join(fields[:-3] + [b"9999"] + fields[-2:])
    refused(broken("votes.csv", lambda d: b"\n".join(lines[:5] + [bad] + lines[6:])),
            "votes.csv, ligne 6", "9999")
    # A vote that is not 1, 0 or -1.
    bad = b",".join(fields[:-1] + [b"2"])
    refused(broken("votes.csv", lambda d: b"\n".join(lines[:5] + [bad] + lines[6:])),
            "votes.csv", "ligne 6", "(1, 0 ou -1)")
    refused(broken("comments.csv", lambda d: d.replace(b"Eliminate", b"\xff\xfeliminate")),
            "comments.csv, ligne", "UTF-8")
    refused(broken("comments.csv", lambda d: d.replace(b"moderated", b"moderation", 1)),
            "comments.csv, ligne 1", "moderated")
    refused(broken("summary.csv", lambda d: d.replace(b"voters,26", b"voters,27")),
            "summary.csv", "voters")


@test
def opinion_map_members_agree_with_polis_groups_and_show_no_one():
    slug = ensure_imported(BREXIT)
    out = os.path.join(harness.TEST_DIR, "membres-brexit.csv")
    r = harness.agora("opinion-map", "--consultation", slug, "--members", out)
    eq(r.returncode, 0, r.stderr)
    contains(r.stdout, "2 groupes")
    contains(r.stderr, "opinion-map: composantes", "progress line")
    ours = {x["participant"]: x["groupe"] for x in read_csv(out)}
    theirs = {x["participant"]: x["group-id"] for x in
              read_csv(os.path.join(BREXIT, "participants-votes.csv"))}
    eq(set(ours), {v for v, _ in latest_votes(BREXIT)}, "every voter listed")
    both = [p for p in ours if ours[p] and theirs.get(p)]
    ari = adjusted_rand([ours[p] for p in both], [theirs[p] for p in both])
    assert ari >= 0.8, "adjusted Rand index %.3f against Pol.is" % ari
    # The theme's map, on its report page and the consultation's page.
    path, theme = archive_report(slug)
    r = harness.agora("opinion-map", "--consultation", slug, "--theme", theme)
    eq(r.returncode, 0, r.stderr)
    page = Client().get(path)
    eq(page.status, 200)
    text = section(page)
    sizes = sorted(int(n) for n in re.findall(r"Groupe \d \((\d+) personnes\)", text))
    eq(sizes, sorted(int(v) for v in {g: list(ours.values()).count(g)
                                      for g in set(ours.values()) if g}.values()),
       "group sizes")
    contains(page.text, 'role="img"', "the chart")
    contains(text, "Les propositions qui rassemblent")
    contains(text, "Groupes d'opinion")
    contains(section(Client().get("/consultations/" + slug)), "Groupe 2")
    # No participant's group anywhere public: not in the page, not in the
    # API or the open data (no column for it), nor stored.
    for cols in sql("SELECT string_agg(column_name, ',') FROM information_schema.columns"
                    " WHERE table_name LIKE 'opinion_%'"):
        lacks(cols[0], "participant", "stored columns")
        lacks(cols[0], "user_id", "stored columns")


PLANTED = 13     # people per planted group


@test
def planted_groups_voted_over_http_are_found_on_the_report_page():
    tag = harness.secrets.token_hex(3)
    a_side = [db_proposal("Carte A%d %s" % (i, tag), theme="sante") for i in range(4)]
    b_side = [db_proposal("Carte B%d %s" % (i, tag), theme="sante") for i in range(4)]
    shared = db_proposal("Carte commune %s" % tag, theme="sante")
    people = []
    for g in range(2):
        for i in range(PLANTED):
            c, uid = harness.signed_in()
            token = csrf_of(c)
            mine, theirs = (a_side, b_side) if g == 0 else (b_side, a_side)
            for k, pid in enumerate(mine):
                eq(vote(c, pid, "mixed" if k == i % 4 else "agree", token).status, 303)
            for pid in theirs:
                eq(vote(c, pid, "disagree", token).status, 303)
            eq(vote(c, shared, "agree", token).status, 303)
            people.append((g, c))
    try:
        r = harness.agora("opinion-map", "--theme", "sante")
        eq(r.returncode, 0, r.stderr)
        page = Client().get("/rapports/sante")
        eq(page.status, 200)
        text = section(page)
        contains(text, "Groupe 1 (%d personnes)" % PLANTED)
        contains(text, "Groupe 2 (%d personnes)" % PLANTED)
        lists = re.split(r"Groupe \d \(\d+ personnes\) : les propositions qui le distinguent",
                         text)
        eq(len(lists), 3, "two groups listed")
        g1, g2 = lists[1], lists[2].split("Les propositions qui rassemblent")[0]
        first = "A" if "Carte A" in g1.split("—")[0] else "B"
        for g, body in ((first, g1), ("B" if first == "A" else "A", g2)):
            contains(body, "Carte %s" % g, "the group's own side")
        contains(text.split("Les propositions qui rassemblent")[1], "Carte commune " + tag)
        # Each person sees their own group, on their own page only.
        own = {}
        for g, c in people:
            acc = c.get("/compte/")
            eq(acc.status, 200)
            m = re.search(r"Santé et numérique : groupe (\d) sur 2", acc.visible_text())
            assert m, acc.visible_text()[:2000]
            own.setdefault(g, set()).add(m.group(1))
        eq(own[0], {"1" if first == "A" else "2"}, "planted group A's own group")
        eq(own[1], {"2" if first == "A" else "1"}, "planted group B's own group")
        lacks(page.visible_text(), "groupe 1 sur 2", "public page")
        lacks(Client().get("/compte/").visible_text(), "groupe 1 sur 2", "anonymous")
    finally:
        sql("DELETE FROM opinion_maps WHERE theme_id = (SELECT t.id FROM themes t"
            " JOIN consultations k ON k.id = t.consultation_id WHERE k.is_primary"
            " AND t.slug = 'sante')")


def vote_archive(tag, themes):
    """An archive made in SQL whose themes hold Pol.is-like participants'
    votes: {theme slug: [[value per proposal] per participant]}."""
    cid = sql_value("INSERT INTO consultations (slug, title, summary, opens_at, closes_at,"
                    " source, source_name) VALUES ('carte-%s', 'Carte de test', 'Cas limites.',"
                    " '2019-01-01', '2019-02-01', 'carte-%s', 'exemple.org') RETURNING id"
                    % (tag, tag))
    names = {1: "agree", 0: "mixed", -1: "disagree"}
    for pos, (slug, rows) in enumerate(themes.items()):
        tid = sql_value("INSERT INTO themes (consultation_id, slug, position, title, summary,"
                        " body) VALUES (%s, '%s', %d, 'Cas %s', 'Cas limite.', '')"
                        " RETURNING id" % (cid, slug, pos + 1, slug))
        pids = [x[0] for x in sql(
            "INSERT INTO contributions (consultation_id, theme_id, kind, title, body, body_html,"
            " source, source_id, created_at) SELECT %s, %s, 'proposal', 'Cas %s ' || i,"
            " 'Texte.', '<p>Texte.</p>', 'carte-%s', '%s/' || i, '2019-01-15'"
            " FROM generate_series(0, 7) i ORDER BY i RETURNING id" % (cid, tid, slug, tag, slug))]
        sql("UPDATE contributions SET proposal_id = id WHERE theme_id = %s" % tid)
        if not rows:
            continue
        sql("WITH p AS (INSERT INTO imported_participants (consultation_id, source, source_id)"
            " SELECT %s, 'carte-%s', '%s-' || n FROM generate_series(0, %d) n"
            " RETURNING id, source_id)"
            " INSERT INTO imported_votes SELECT p.id, v.pid, v.choice, now()"
            " FROM p JOIN (VALUES %s) AS v(who, pid, choice) ON p.source_id = v.who"
            % (cid, tag, slug, len(rows) - 1, ", ".join(
                "('%s-%d', %s::bigint, '%s')" % (slug, n, pid, names[v])
                for n, row in enumerate(rows) for pid, v in zip(pids, row))))
    return "carte-" + tag


@test
def no_map_but_a_french_sentence_when_the_votes_cannot_draw_one():
    tag = harness.secrets.token_hex(3)
    varied = [[1, -1, 0, 1, -1, 1, 0, -1], [-1, 1, 1, 0, 1, -1, -1, 0],
              [0, 0, -1, -1, 1, 1, 1, -1]]
    slug = vote_archive(tag, {"un-votant": [[1, -1, 1, 0, 1, -1, 1, 1]],
                              "identiques": [[1, -1, 1, 0, 1, -1, 1, 1]] * 30,
                              "trop-peu": varied,
                              "sans-vote": []})
    sentences = {
        "un-votant": "Une seule personne a voté pour l'instant",
        "identiques": "Tout le monde a voté de la même façon",
        "trop-peu": "Trop peu de personnes ont voté sur au moins 7 propositions pour former"
                    " des groupes d'opinion d'au moins 10 personnes",
        "sans-vote": "La plateforme d'origine n'a pas publié les votes de chaque participant"}
    for theme, sentence in sentences.items():
        r = harness.agora("opinion-map", "--consultation", slug, "--theme", theme)
        eq(r.returncode, 0, r.stderr)
        page = Client().get("/consultations/%s/rapports/%s" % (slug, theme))
        eq(page.status, 200, theme)
        text = section(page)
        contains(text, sentence, theme)
        lacks(page.text, 'id="c-opinions-t"', theme + ": no chart")
    # A theme of the Region's own consultation with no vote at all.
    tid = sql_value("INSERT INTO themes (consultation_id, slug, position, title, summary, body)"
                    " SELECT id, 'carte-vide-%s', 99, 'Thème sans vote', 'Vide.', '' FROM"
                    " consultations WHERE is_primary RETURNING id" % tag)
    try:
        r = harness.agora("opinion-map", "--theme", "carte-vide-" + tag)
        eq(r.returncode, 0, r.stderr)
        page = Client().get("/rapports/carte-vide-" + tag)
        eq(page.status, 200)
        contains(section(page), "Personne n'a encore voté : la carte des opinions apparaîtra"
                 " avec les premiers votes.")
    finally:
        sql("DELETE FROM opinion_maps WHERE theme_id = %s" % tid)
        sql("DELETE FROM themes WHERE id = %s" % tid)
    r = harness.agora("opinion-map", "--theme", "inconnu-" + tag)
    eq(r.returncode, 1, "unknown theme")
    contains(r.stderr, "inconnu")


@test
def opinion_map_refresh_waits_for_enough_new_votes():
    slug = ensure_imported(LONDON)
    path, theme = archive_report(slug)
    r = harness.agora("opinion-map", env={"AGORA_OPINION_MAP_NEW_VOTES": "1000000"})
    eq(r.returncode, 0, r.stderr)
    before = sql_value("SELECT computed_at FROM opinion_maps m JOIN themes t ON t.id ="
                       " m.theme_id WHERE t.slug = '%s'" % theme)
    assert before, "a scope without a map is computed at once"
    r = harness.agora("opinion-map", env={"AGORA_OPINION_MAP_NEW_VOTES": "1000000"})
    eq(sql_value("SELECT computed_at FROM opinion_maps m JOIN themes t ON t.id ="
                 " m.theme_id WHERE t.slug = '%s'" % theme), before, "not recomputed")
    sql("UPDATE opinion_maps SET votes_seen = votes_seen - 5 WHERE theme_id ="
        " (SELECT id FROM themes WHERE slug = '%s')" % theme)
    r = harness.agora("opinion-map", env={"AGORA_OPINION_MAP_NEW_VOTES": "5"})
    eq(r.returncode, 0, r.stderr)
    assert sql_value("SELECT computed_at FROM opinion_maps m JOIN themes t ON t.id ="
                     " m.theme_id WHERE t.slug = '%s'" % theme) != before, "recomputed"
    contains(section(Client().get(path)), "Calculée le")
