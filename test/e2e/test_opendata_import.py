# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""agora import: the real République numérique 2015 and Decidim Grand Débat
2019 exports (../shared/data), refused broken copies, refused re-imports,
and the one-transaction guarantee."""

import collections
import csv
import io
import os
import shutil
import tempfile

import harness
from harness import contains, eq, sql, sql_value, test

DATA = os.path.join(harness.ROOT, "..", "shared", "data")
RN = os.path.join(DATA, "republique_numerique_2015")
DC = os.path.join(DATA, "decidim_grand_debat_mel_nancy_2019")


def read_csv(path, sep):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter=sep))


def snapshot():
    """What an import would change: counts of every table it writes."""
    return sql("SELECT (SELECT count(*) FROM consultations),"
               " (SELECT count(*) FROM themes),"
               " (SELECT count(*) FROM contributions),"
               " (SELECT count(*) FROM imported_tallies)")[0]


def broken_copy(src, name, edit):
    """A temporary copy of the folder src where file name is edit(bytes)."""
    d = tempfile.mkdtemp(prefix="agora-import-")
    for f in os.listdir(src):
        shutil.copy(os.path.join(src, f), os.path.join(d, f))
        os.chmod(os.path.join(d, f), 0o644)
    p = os.path.join(d, name)
    with open(p, "rb") as f:
        data = f.read()
    with open(p, "wb") as f:
        f.write(edit(data))
    return d


def sequences():
    """Every sequence's value: a refused import must take no id."""
    return sql("SELECT sequencename, coalesce(last_value::text, 'unused')"
               " FROM pg_sequences ORDER BY 1")


def refused(fmt, folder, *needles):
    before, seqs = snapshot(), sequences()
    r = harness.agora("import", fmt, folder)
    eq(r.returncode, 1, "exit status: " + r.stderr)
    for n in needles:
        contains(r.stderr, n, "message")
    eq(snapshot(), before, "database unchanged")
    eq(sequences(), seqs, "no sequence advanced")
    shutil.rmtree(folder)
    return r


def record_lines(data, sep):
    """(start line, row) of every data record of CSV bytes, with Python's
    own csv module."""
    text = io.StringIO(data.decode("utf-8"), newline="")
    reader = csv.reader(text, delimiter=sep)
    next(reader)
    out, end = [], reader.line_num
    for row in reader:
        out.append((end + 1, row))
        end = reader.line_num
    return out


def cut_after(n, sep):
    """An edit that keeps the header and the first n records, cut exactly
    at a record boundary (the rest of the file is gone)."""
    def cut(data):
        text = data.decode("utf-8")
        f = io.StringIO(text, newline="")
        reader = csv.reader(f, delimiter=sep)
        for _ in range(n + 1):
            next(reader)
        return text[:f.tell()].encode("utf-8")
    return cut


def line_of(data, index):
    return data[:index].count(b"\n") + 1


@test
def import_refuses_a_file_truncated_inside_a_quoted_field():
    state = {}

    def cut(data):
        # Cut in the middle of the quoted body of the 101st argument.
        start = data.index(b',"', data.index(b"\n3272,61,pour"))
        state["line"] = line_of(data, start)
        return data[:start + 40]
    d = broken_copy(RN, "arguments.csv", cut)
    refused("republique-numerique", d, "arguments.csv, ligne %d" % state["line"],
            "jamais fermé", "Rien n'a été importé")


@test
def import_refuses_a_missing_column_by_name():
    d = broken_copy(RN, "opinions.csv",
                    lambda b: b.replace(b"votes_mitige", b"votes_mixed", 1))
    refused("republique-numerique", d, "opinions.csv, ligne 1",
            "colonne « votes_mitige » absente")
    d = broken_copy(DC, "commentaires_debats.csv",
                    lambda b: b.replace(b";alignment;", b";alignement;", 1))
    refused("decidim", d, "commentaires_debats.csv, ligne 1",
            "colonne « alignment » absente")


@test
def import_refuses_invalid_utf8_with_its_line():
    state = {}

    def latin1(data):
        i = data.index(b"\n3277,61,contre") + 1
        state["line"] = line_of(data, i)
        return data[:i] + "3277,61,contre,x,Déjà vu,0,x,0,1\n".encode("latin-1") + data[i:]
    d = broken_copy(RN, "arguments.csv", latin1)
    refused("republique-numerique", d, "arguments.csv, ligne %d" % state["line"],
            "UTF-8")


@test
def import_checks_every_date_before_taking_an_id():
    # The last argument gets an impossible date: PostgreSQL reads every date
    # of the files before the first insert, so the refusal comes before any
    # id is taken (the old importer had inserted 3,993 arguments by then,
    # and left the sequences advanced after its rollback).
    state = {}

    def bad_date(data):
        lines = data.rstrip(b"\n").split(b"\n")
        i = data.rstrip(b"\n").rindex(b"\n") + 1
        state["line"] = line_of(data, i)
        last = lines[-1].replace(b"2015-", b"2015-13-", 1)
        return data[:i] + last + b"\n"
    d = broken_copy(RN, "arguments.csv", bad_date)
    refused("republique-numerique", d, "arguments.csv, ligne %d" % state["line"],
            "date « 2015-13-", "illisible", "la base est inchangée")
    eq(sql_value("SELECT count(*) FROM consultations"
                 " WHERE slug = 'republique-numerique-2015'"), "0")
    d = broken_copy(DC, "debats.csv", lambda b: b.replace(
        b";2019-01-16 10:58:44 +0100;", b";hier;", 1))
    refused("decidim", d, "debats.csv, ligne 2", "date « hier » illisible")


def first_mismatch(declared, found):
    """The first (line, row, declared, found) whose count differs, and how
    many differ."""
    bad = [(line, row, d, f) for (line, row), d, f in zip(*declared, found) if d != f]
    return bad[0], len(bad)


@test
def import_refuses_arguments_cut_at_a_record_boundary():
    # arguments.csv cut after 2,000 of its 3,994 rows parses perfectly; the
    # opinions' own counts (arguments_yes_count, arguments_no_count) show it.
    with open(os.path.join(RN, "arguments.csv"), "rb") as f:
        kept = record_lines(cut_after(2000, ",")(f.read()), ",")
    eq(len(kept), 2000)
    with open(os.path.join(RN, "opinions.csv"), "rb") as f:
        opinions = record_lines(f.read(), ",")
    head = read_csv(os.path.join(RN, "opinions.csv"), ",")[0].keys()
    col = {name: i for i, name in enumerate(head)}
    counted = collections.Counter((r[1], r[2]) for _, r in kept)
    bad = [(line, r) for line, r in opinions
           if int(r[col["arguments_yes_count"]]) != counted[(r[0], "pour")]
           or int(r[col["arguments_no_count"]]) != counted[(r[0], "contre")]]
    line, row = bad[0]
    pos = "pour" if int(row[col["arguments_yes_count"]]) != counted[(row[0], "pour")] \
        else "contre"
    declared = row[col["arguments_yes_count" if pos == "pour" else "arguments_no_count"]]
    d = broken_copy(RN, "arguments.csv", cut_after(2000, ","))
    refused("republique-numerique", d,
            "opinions.csv, ligne %d : l'opinion %s déclare %s arguments %s" %
            (line, row[0], declared, pos),
            "arguments.csv en contient %d" % counted[(row[0], pos)],
            "et %d autres opinions" % (len(bad) - 1), "tronqué",
            "Rien n'a été importé")


def decidim_threads(comment_rows, head):
    """Comments per debate id, replies included, from comment rows."""
    col = {name: i for i, name in enumerate(head)}
    by_id = {r[col["id"]]: r for r in comment_rows}
    per = collections.Counter()
    for r in comment_rows:
        x = r
        while x[col["commentable_type"]] == "Decidim::Comments::Comment":
            x = by_id[x[col["commentable_id"]]]
        per[x[col["commentable_id"]]] += 1
    return per


@test
def import_refuses_debate_comments_cut_at_a_record_boundary():
    with open(os.path.join(DC, "commentaires_debats.csv"), "rb") as f:
        kept = [r for _, r in record_lines(cut_after(400, ";")(f.read()), ";")]
    eq(len(kept), 400)
    head = list(read_csv(os.path.join(DC, "commentaires_debats.csv"), ";")[0].keys())
    per = decidim_threads(kept, head)
    with open(os.path.join(DC, "debats.csv"), "rb") as f:
        debates = record_lines(f.read(), ";")
    dhead = list(read_csv(os.path.join(DC, "debats.csv"), ";")[0].keys())
    ci = dhead.index("comments")
    line, row = [(l, r) for l, r in debates if int(r[ci]) != per[r[0]]][0]
    d = broken_copy(DC, "commentaires_debats.csv", cut_after(400, ";"))
    refused("decidim", d, "debats.csv, ligne %d : le débat %s déclare %s commentaires"
            % (line, row[0], row[ci]),
            "commentaires_debats.csv en contient %d" % per[row[0]], "tronqué")
    # Cut before its first comment: nothing to count against, refused too.
    d = broken_copy(DC, "commentaires_debats.csv", cut_after(0, ";"))
    refused("decidim", d, "commentaires_debats.csv, ligne 1 : aucun commentaire,"
            " alors que debats.csv en déclare 693")


@test
def import_names_the_line_of_every_count_that_does_not_match():
    # One declared count changed at a time: each message names the declaring
    # row, the column and both numbers.
    d = broken_copy(RN, "opinions.csv", lambda b: b.replace(
        b",2237,161,49,2447,50,45,", b",2237,161,49,2447,51,45,", 1))
    refused("republique-numerique", d,
            "opinions.csv, ligne 2 : l'opinion 61 déclare 51 arguments pour"
            " (arguments_yes_count), arguments.csv en contient 50 ;")
    d = broken_copy(RN, "opinions.csv", lambda b: b.replace(
        b",2237,161,49,2447,50,45,", b",2237,161,49,2447,50,44,", 1))
    refused("republique-numerique", d, "l'opinion 61 déclare 44 arguments contre"
            " (arguments_no_count), arguments.csv en contient 45")
    d = broken_copy(RN, "opinions.csv", lambda b: b.replace(
        b",2237,161,49,2447,", b",2237,161,49,2448,", 1))
    refused("republique-numerique", d, "opinions.csv, ligne 2 : votes_total vaut 2448"
            " mais votes_ok + votes_mitige + votes_nok font 2447")
    with open(os.path.join(DC, "debats.csv"), "rb") as f:
        debates = record_lines(f.read(), ";")
    line = [l for l, r in debates if r[0] == "30"][0]
    d = broken_copy(DC, "debats.csv", lambda b: b.replace(
        b";75;2019-", b";76;2019-", 1))
    refused("decidim", d, "debats.csv, ligne %d : le débat 30 déclare 76 commentaires"
            " (colonne comments), commentaires_debats.csv en contient 75" % line)
    # A comment whose debate is not in the export (debats.csv cut), a reply
    # whose parent comment is missing, a depth that does not fit.
    with open(os.path.join(DC, "commentaires_debats.csv"), "rb") as f:
        comments = record_lines(f.read(), ";")
    chead = list(read_csv(os.path.join(DC, "commentaires_debats.csv"), ";")[0].keys())
    c = {n: i for i, n in enumerate(chead)}
    top = [(l, r) for l, r in comments if r[c["depth"]] == "0"][0]
    d = broken_copy(DC, "debats.csv", lambda b: b"\n".join(
        x for x in b.split(b"\n") if not x.startswith(top[1][c["commentable_id"]].encode() + b";")))
    refused("decidim", d, "commentaires_debats.csv, ligne %d : le débat %s commenté"
            " n'est pas dans debats.csv" % (top[0], top[1][c["commentable_id"]]))
    reply = [(l, r) for l, r in comments if r[c["depth"]] == "1"][0]
    parent = reply[1][c["commentable_id"]]
    d = broken_copy(DC, "commentaires_debats.csv", lambda b: b.replace(
        (";%s;Decidim::Comments::Comment;" % parent).encode(),
        b";999999;Decidim::Comments::Comment;", 1))
    refused("decidim", d, "commentaires_debats.csv, ligne %d : le commentaire 999999"
            " auquel il répond n'est pas dans commentaires_debats.csv" % reply[0])
    d = broken_copy(DC, "commentaires_debats.csv", lambda b: b.replace(
        (";1;;;;%s;Decidim::Comments::Comment;" % parent).encode(),
        (";2;;;;%s;Decidim::Comments::Comment;" % parent).encode(), 1))
    refused("decidim", d, "depth 2 ne suit pas")
    # Two opinions with one id: the unique source id would fail in the
    # middle of the inserts; it is refused before.
    d = broken_copy(RN, "opinions.csv", lambda b: b.replace(b"\n62,", b"\n61,", 1))
    refused("republique-numerique", d, "l'identifiant « opinion/61 » figure déjà"
            " plus haut, ligne 2")


@test
def import_republique_numerique_keeps_the_real_totals():
    before = int(sql_value("SELECT count(*) FROM contributions"))
    r = harness.agora("import", "republique-numerique", RN)
    eq(r.returncode, 0, r.stderr)
    contains(r.stdout, "696 propositions, 3994 arguments (1960 pour, 2034 contre)")
    k = sql("SELECT id, is_primary, source, fr_date(opens_at), fr_date(closes_at)"
            " FROM consultations WHERE slug = 'republique-numerique-2015'")[0]
    eq(k[1:], ["f", "republique-numerique-2015", "26 septembre 2015", "18 octobre 2015"])
    cid = k[0]
    eq(sql_value("SELECT count(*) FROM themes WHERE consultation_id = %s" % cid), "18")
    eq(sql_value("SELECT count(*) FROM themes WHERE consultation_id = %s"
                 " AND slug = 'ouverture-des-donnees-publiques'"
                 " AND title = 'Ouverture des données publiques'" % cid), "1")
    # The vote totals of the issue, as tallies (not as votes of people here).
    eq(sql("SELECT sum(t.agree), sum(t.mixed), sum(t.disagree), count(*)"
           " FROM imported_tallies t JOIN contributions c ON c.id = t.contribution_id"
           " WHERE c.consultation_id = %s AND c.kind = 'proposal'" % cid)[0],
       ["71940", "5947", "10735", "696"])
    eq(sql_value("SELECT count(*) FROM votes v JOIN contributions c"
                 " ON c.id = v.contribution_id WHERE c.consultation_id = %s" % cid), "0")
    eq(sql("SELECT position, count(*) FROM contributions WHERE consultation_id = %s"
           " AND kind = 'argument' GROUP BY 1 ORDER BY 1" % cid),
       [["contre", "2034"], ["pour", "1960"]])
    eq(int(sql_value("SELECT count(*) FROM contributions")), before + 696 + 3994)
    # Every argument hangs under its opinion, in the opinion's theme.
    eq(sql_value("SELECT count(*) FROM contributions a JOIN contributions o"
                 " ON o.id = a.parent_id WHERE a.consultation_id = %s"
                 " AND a.kind = 'argument' AND o.kind = 'proposal'"
                 " AND o.theme_id = a.theme_id AND a.proposal_id = o.id" % cid), "3994")
    # Source ids, dates and counts of one known opinion and argument.
    row = sql("SELECT c.title, c.created_at AT TIME ZONE 'Europe/Paris',"
              " t.agree + t.mixed + t.disagree = t.votes_total, t.arguments_yes,"
              " (SELECT count(*) FROM contributions a WHERE a.parent_id = c.id"
              "  AND a.position = 'pour')"
              " FROM contributions c JOIN imported_tallies t ON t.contribution_id = c.id"
              " WHERE c.source = 'republique-numerique-2015'"
              " AND c.source_id = 'opinion/61'")[0]
    contains(row[0], "Article 1 - Open data par défaut")
    eq(row[1], "2015-09-26 02:27:54")
    eq(row[3], row[4], "arguments pour counted by the platform = imported")
    eq(sql_value("SELECT position FROM contributions WHERE source_id = 'argument/35'"
                 " AND source = 'republique-numerique-2015'"), "contre")
    # Plain text became Markdown that renders as the same text.
    html = sql_value("SELECT body_html FROM contributions WHERE source_id = 'opinion/61'"
                     " AND source = 'republique-numerique-2015'")
    contains(html, "<p>I. Les deuxième, troisième et quatrième alinéas")
    contains(html, "<br />")
    eq(sql_value("SELECT count(*) FROM contributions WHERE consultation_id = %s"
                 " AND status = 'hidden' AND kind = 'proposal'" % cid), "4")


@test
def a_second_import_is_refused_and_changes_nothing():
    before = snapshot()
    r = harness.agora("import", "republique-numerique", RN)
    eq(r.returncode, 1)
    contains(r.stderr, "déjà importé")
    contains(r.stderr, "republique-numerique-2015")
    eq(snapshot(), before)


@test
def import_decidim_grand_debat():
    r = harness.agora("import", "decidim", DC)
    eq(r.returncode, 0, r.stderr)
    contains(r.stdout, "196 propositions, 29 débats, 693 commentaires")
    contains(r.stdout, "44 commentaires non importés")
    cid = sql_value("SELECT id FROM consultations WHERE slug = 'grand-debat-2019'"
                    " AND source = 'decidim-grand-debat-2019' AND NOT is_primary")
    assert cid, "consultation created"
    eq(sql("SELECT t.slug, count(c.id) FROM themes t LEFT JOIN contributions c"
           " ON c.theme_id = t.id AND c.kind = 'proposal' AND c.source_id LIKE '%%/proposals/%%'"
           " WHERE t.consultation_id = %s GROUP BY t.slug, t.position ORDER BY t.position" % cid),
       [["autre-sujet", "22"], ["democratie-et-citoyennete", "17"],
        ["impots-depenses-action-publique", "67"],
        ["organisation-de-l-etat-et-des-collectivites-publiques", "26"],
        ["transition-ecologique", "30"], ["sans-categorie", "34"]])
    eq(sql_value("SELECT count(*) FROM contributions WHERE consultation_id = %s"
                 " AND kind = 'proposal'" % cid), str(196 + 29))
    eq(sql_value("SELECT count(*) FROM contributions WHERE consultation_id = %s"
                 " AND kind = 'comment'" % cid), "693")
    # A debate's theme is the category its description names.
    eq(sql_value("SELECT t.slug FROM contributions c JOIN themes t ON t.id = c.theme_id"
                 " WHERE c.source_id = 'participation.lillemetropole.fr/debates/30'"),
       "democratie-et-citoyennete")
    # Replies hang under the comment they answer, alignment kept.
    eq(sql_value("SELECT count(*) FROM contributions c JOIN contributions p ON p.id = c.parent_id"
                 " WHERE c.consultation_id = %s AND c.depth > 0 AND p.kind = 'comment'"
                 " AND p.depth = c.depth - 1" % cid), "148")
    # Recounted from the files with Python's own csv module.
    comments = read_csv(os.path.join(DC, "commentaires_debats.csv"), ";")
    expected = sorted(collections.Counter(c["alignment"] for c in comments).items())
    eq(sql("SELECT t.alignment, count(*) FROM imported_tallies t JOIN contributions c"
           " ON c.id = t.contribution_id WHERE c.consultation_id = %s AND c.kind = 'comment'"
           " GROUP BY 1 ORDER BY 1" % cid), [[a, str(n)] for a, n in expected])
    props = read_csv(os.path.join(DC, "propositions-libres.csv"), ";")
    eq(sql_value("SELECT sum(t.votes_total) FROM imported_tallies t JOIN contributions c"
                 " ON c.id = t.contribution_id WHERE c.consultation_id = %s" % cid),
       str(sum(int(p["votes"]) for p in props)))
    r = harness.agora("import", "decidim", DC)
    eq(r.returncode, 1)
    contains(r.stderr, "déjà importé")


@test
def imported_contributions_are_in_the_open_data_with_their_tallies():
    opinions = {o["opinion_id"]: o for o in read_csv(os.path.join(RN, "opinions.csv"), ",")}
    r = harness.Client().get("/export/contributions.csv")
    eq(r.status, 200)
    rows = list(csv.DictReader(io.StringIO(r.body.decode("utf-8"), newline="")))
    rn = [x for x in rows if x["origine"] == "republique-numerique-2015"]
    props = [x for x in rn if x["type"] == "proposition"]
    eq(len(props), 692, "696 opinions minus the 4 trashed ones")
    for x in props:
        o = opinions[x["id_origine"].split("/")[1]]
        eq((x["votes_d_accord"], x["votes_mitige"], x["votes_pas_d_accord"]),
           (o["votes_ok"], o["votes_mitige"], o["votes_nok"]), x["id_origine"])
        eq(x["consultation"], "republique-numerique-2015")
        eq(x["auteur"], "")
    eq(sum(1 for x in rn if x["type"] == "argument") + len(props),
       int(sql_value("SELECT count(*) FROM contributions c JOIN contributions p ON p.id = c.proposal_id"
                     " WHERE c.source = 'republique-numerique-2015' AND c.status = 'published'"
                     " AND p.status = 'published'")))
    # The real texts survive the formula guard and the quoting, byte for byte
    # against the CLI export.
    out = os.path.join(tempfile.mkdtemp(prefix="agora-export-"), "all.csv")
    e = harness.agora("export", "--output", out)
    eq(e.returncode, 0, e.stderr)
    with open(out, "rb") as f:
        assert f.read() == r.body, "CLI and HTTP exports differ on the real data"
    guarded = [x for x in rows if x["texte"][:1] == "'" and x["texte"][1:2] in "=+-@"]
    assert all(not x["texte"][1:].startswith("'") for x in guarded)


@test
def import_command_line_errors():
    r = harness.agora("import", "wikipedia", RN)
    eq(r.returncode, 2)
    contains(r.stderr, "format inconnu « wikipedia »")
    r = harness.agora("import", "republique-numerique")
    eq(r.returncode, 2)
    contains(r.stderr, "usage")
    before = snapshot()
    r = harness.agora("import", "decidim", "/nonexistent-folder")
    eq(r.returncode, 1)
    contains(r.stderr, "propositions-libres.csv : impossible d'ouvrir")
    eq(snapshot(), before)
