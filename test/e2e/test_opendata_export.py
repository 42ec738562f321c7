# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Open data: /export/ documentation, CSV and JSON of all contributions and
per theme, pseudonyms, formula guard, and the CLI export byte for byte."""

import csv
import io
import json
import os
import secrets
import tempfile

import harness
from harness import Client, contains, eq, lacks, sql, test
from opendata_fixtures import contribution, pseudonym, vote
from opendata_recount import guard, unguard


def make_data():
    tag = secrets.token_hex(4)
    email = "export-%s@example.org" % tag
    author = harness.make_user(name="Auteur Export " + tag, email=email, territory="41")
    title = "Ouvrir les horaires des bus %s" % tag
    body = '=HYPERLINK("http://x") puis, une virgule\net "des guillemets"'
    p = contribution("ethique", "proposal", body, author=author, title=title, territory="41")
    a = contribution("ethique", "argument", "-2 arguments contre " + tag, author=author,
                     parent=p, position="contre", territory="41")
    c = contribution("ethique", "comment", "Un commentaire " + tag, parent=p)
    hidden = contribution("ethique", "proposal", "Masquée " + tag, author=author,
                          title="Masquée " + tag, status="hidden")
    other = contribution("sante", "proposal", "Télémédecine " + tag, title="Santé " + tag)
    voters = [harness.make_user() for _ in range(4)]
    for v, choice in zip(voters, ["agree", "agree", "mixed", "disagree"]):
        vote(v, p, choice)
    official = harness.make_user(roles=("official",))
    sql("INSERT INTO official_answers (contribution_id, status, body, body_html, official_id,"
        " updated_at) VALUES (%d, 'a_l_etude', 'Nous étudions.', '<p>Nous étudions.</p>', %d,"
        " '2026-12-01 10:00:00+00')" % (p, official))
    return dict(tag=tag, email=email, author=author, title=title, body=body, p=p, a=a, c=c,
                hidden=hidden, other=other)


def rows_csv(text):
    return {r["id"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}


@test
def export_csv_holds_published_contributions_with_pseudonyms():
    d = make_data()
    r = Client().get("/export/contributions.csv")
    eq(r.status, 200)
    contains(r.header("content-type"), "text/csv; charset=utf-8")
    raw = r.body
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM"
    assert raw.split(b"\n", 1)[0].endswith(b"\r"), "CRLF line ends"
    rows = rows_csv(raw.decode("utf-8"))
    p = rows[str(d["p"])]
    eq(p["consultation"], "strategie-numerique")
    eq(p["theme"], "ethique")
    eq(p["type"], "proposition")
    eq(p["titre"], d["title"])
    eq(p["texte"], "'" + d["body"], "formula guard, rest intact")
    eq(p["departement"], "41")
    eq((p["votes_d_accord"], p["votes_mitige"], p["votes_pas_d_accord"]), ("2", "1", "1"))
    eq(p["reponse_statut"], "a_l_etude")
    eq(p["reponse_date"], "2026-12-01T10:00:00Z")
    eq(p["origine"], "agora")
    eq(p["auteur"], pseudonym(d["author"]))
    assert len(p["cree_le"]) == 20 and p["cree_le"].endswith("Z"), p["cree_le"]
    a = rows[str(d["a"])]
    eq((a["type"], a["parent_id"], a["position"]), ("argument", str(d["p"]), "contre"))
    eq(a["texte"], "'-2 arguments contre " + d["tag"])
    eq(a["auteur"], p["auteur"], "same pseudonym for the same author")
    eq(rows[str(d["c"])]["type"], "commentaire")
    eq(rows[str(d["c"])]["auteur"], "")
    assert str(d["hidden"]) not in rows, "hidden proposal exported"
    text = raw.decode("utf-8")
    lacks(text, d["email"])
    lacks(text, "Auteur Export")
    lacks(text, "Masquée " + d["tag"])


@test
def export_json_has_the_same_rows():
    d = make_data()
    r = Client().get("/export/contributions.json")
    eq(r.status, 200)
    contains(r.header("content-type"), "application/json")
    data = json.loads(r.body.decode("utf-8"))
    by_id = {o["id"]: o for o in data}
    p = by_id[d["p"]]
    eq(p["titre"], d["title"])
    eq(p["texte"], d["body"], "JSON needs no formula guard")
    eq((p["votes_d_accord"], p["votes_mitige"], p["votes_pas_d_accord"]), (2, 1, 1))
    eq(p["parent_id"], None)
    eq(p["auteur"], pseudonym(d["author"]))
    eq(by_id[d["a"]]["parent_id"], d["p"])
    assert d["hidden"] not in by_id
    csv_rows = rows_csv(Client().get("/export/contributions.csv").body.decode("utf-8"))
    eq(len(data), len(csv_rows), "same number of rows in CSV and JSON")
    eq(sorted(data[0].keys()), sorted(csv_rows[str(data[0]["id"])].keys()))


TRICKY = ["=1+1", "+33 6 12", "-", "@x", "\tretrait", "\rretour", "fin \"citée\"",
          "a,b", "ligne\r\nsuivante", "ligne\nsuivante", "\\.", "'déjà", " espace ",
          "naïve — « guillemets »", "\"", ",", "x" * 3000,
          # Full-width and small forms, the minus sign, and texts that
          # already start with quotes (guarded again, or left alone).
          "＝1+1", "＋33", "－1", "＠SUM(A1)", "﹦1", "﹢1", "﹣1", "﹫x", "−5", "'=1+1",
          "''@x", "'＝2", "'", "''", "'texte", "– tiret demi-cadratin", "ｘ pleine chasse"]


@test
def export_csv_cells_are_the_json_values_guarded():
    """PostgreSQL writes the CSV cells (COPY): each one must be what csv_field()
    would write for the JSON value, for every text a person can send."""
    tag = secrets.token_hex(4)
    author = harness.make_user(territory="18")
    ids = []
    for i, text in enumerate(TRICKY):
        ids.append(contribution("culture", "proposal", text, author=author,
                                title=text[:200] + " " + tag, territory="18"))
    ids.append(contribution("culture", "argument", TRICKY[0], parent=ids[0], position="pour"))
    c = Client()
    for path in ["/export/themes/culture", "/export/contributions"]:
        raw = c.get(path + ".csv").body
        data = {o["id"]: o for o in json.loads(c.get(path + ".json").body.decode("utf-8"))}
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
        header, body = rows[0], rows[1:]
        eq(len(body), len(data), "rows in CSV and JSON of " + path)
        seen = 0
        for row in body:
            o = data[int(row[0])]
            for name, cell in zip(header, row):
                v = o[name]
                want = "" if v is None else str(v)
                if isinstance(v, str):
                    want = guard(v)
                    eq(unguard(cell), v, "%s of %s unguarded" % (name, row[0]))
                eq(cell, want, "%s of %s in %s" % (name, row[0], path))
            seen += int(row[0]) in ids
        eq(seen, len(ids), "every tricky contribution in " + path)
        # Quoted only where needed, as RFC 4180 writers do.
        text = raw.decode("utf-8")
        contains(text, "\r\n%d,strategie-numerique,culture,proposition,,,18,publiee," % ids[3])
        contains(text, ",'@x %s,'@x," % tag)
        contains(text, ',"a,b %s","a,b",' % tag)
        contains(text, ",'＝1+1 %s,'＝1+1," % tag)
        contains(text, ",''=1+1 %s,''=1+1," % tag)
        contains(text, ",'texte %s,'texte," % tag)


@test
def export_per_theme_and_unknown_names():
    d = make_data()
    c = Client()
    rows = rows_csv(c.get("/export/themes/ethique.csv").body.decode("utf-8"))
    assert str(d["p"]) in rows and str(d["other"]) not in rows
    eq({r["theme"] for r in rows.values()}, {"ethique"})
    data = json.loads(c.get("/export/themes/sante.json").body.decode("utf-8"))
    assert d["other"] in {o["id"] for o in data}
    eq({o["theme"] for o in data}, {"sante"})
    for path in ["/export/themes/inconnu.csv", "/export/themes/ethique.txt",
                 "/export/themes/ethique", "/export/themes/ETHIQUE.csv",
                 "/export/contributions.xml", "/export/themes/%3Cx%3E.csv"]:
        r = c.get(path)
        eq(r.status, 404, path)
        contains(r.visible_text(), "Page introuvable", path)


@test
def export_cli_is_byte_identical_to_http():
    make_data()
    c = Client()
    out = tempfile.mkdtemp(prefix="agora-export-")
    for args, path in [((), "/export/contributions.csv"),
                       (("--format", "json"), "/export/contributions.json"),
                       (("--theme", "ethique"), "/export/themes/ethique.csv"),
                       (("--format", "json", "--theme", "ethique"), "/export/themes/ethique.json")]:
        f = os.path.join(out, "x")
        r = harness.agora("export", *args, "--output", f)
        eq(r.returncode, 0, r.stderr)
        with open(f, "rb") as fh:
            cli = fh.read()
        web = c.get(path).body
        eq(len(cli), len(web), "length of " + path)
        assert cli == web, "CLI and HTTP differ for " + path
    r = harness.agora("export", "--theme", "inconnu")
    eq(r.returncode, 1)
    contains(r.stderr, "aucun thème « inconnu »")
    r = harness.agora("export", "--format", "xml")
    eq(r.returncode, 2)


@test
def export_is_the_same_from_an_unnamed_file_or_from_memory():
    """The web export is built in an unnamed file under export_dir and sent
    mapped; without a usable export_dir, in memory. Same bytes either way,
    and the worker says once that it fell back."""
    make_data()
    main = {p: Client().get(p).body for p in ["/export/contributions.csv",
                                              "/export/themes/ethique.json"]}
    lacks(harness.MAIN.log_text(), "held in memory", "main kore uses export_dir")
    k = harness.Kore("export-memory", port=harness.PORT + 1,
                     env={"AGORA_EXPORT_DIR": "/nonexistent/agora-export"})
    try:
        k.start()
        c = Client(port=harness.PORT + 1)
        for p, body in main.items():
            r = c.get(p)
            eq(r.status, 200, p)
            assert r.body == body, "memory and file exports differ for " + p
    finally:
        k.stop()
    text = k.log_text()
    contains(text, "export_dir /nonexistent/agora-export unusable, exports are held in memory")
    eq(text.count("held in memory"), 1, "said once")
    lacks(text, "sandbox violation")


@test
def export_page_documents_columns_and_licence():
    r = Client().get("/export/")
    eq(r.status, 200)
    t = r.visible_text()
    contains(t, "Données ouvertes")
    contains(t, "Licence Ouverte / Open Licence version 2.0")
    contains(t, "UTF-8 sans BOM")
    contains(t, "RFC 4180")
    for col in ["id", "consultation", "theme", "type", "parent_id", "position", "departement",
                "statut", "cree_le", "modifie_le", "titre", "texte", "votes_d_accord",
                "votes_mitige", "votes_pas_d_accord", "origine", "id_origine",
                "reponse_statut", "reponse_date", "auteur"]:
        contains(r.text, "<code>%s</code></th>" % col, col)
    contains(r.text, 'href="/export/themes/ethique.csv"')
    contains(r.text, 'href="/export/contributions.json"')
    eq(r.text.count("<h1>"), 1)
