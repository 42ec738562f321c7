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


def refused(fmt, folder, *needles):
    before = snapshot()
    r = harness.agora("import", fmt, folder)
    eq(r.returncode, 1, "exit status: " + r.stderr)
    for n in needles:
        contains(r.stderr, n, "message")
    eq(snapshot(), before, "database unchanged")
    shutil.rmtree(folder)
    return r


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
def import_rolls_back_everything_when_a_late_row_fails():
    # The last argument gets an impossible date: the consultation, its themes
    # and 3,993 arguments were already inserted when the database refuses it.
    state = {}

    def bad_date(data):
        lines = data.rstrip(b"\n").split(b"\n")
        i = data.rstrip(b"\n").rindex(b"\n") + 1
        state["line"] = line_of(data, i)
        last = lines[-1].replace(b"2015-", b"2015-13-", 1)
        return data[:i] + last + b"\n"
    d = broken_copy(RN, "arguments.csv", bad_date)
    refused("republique-numerique", d, "arguments.csv, ligne %d" % state["line"],
            "refusé par la base", "la base est inchangée")
    eq(sql_value("SELECT count(*) FROM consultations"
                 " WHERE slug = 'republique-numerique-2015'"), "0")


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
