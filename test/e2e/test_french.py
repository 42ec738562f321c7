# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""French, everywhere (issue 13, item 14). The interface text of the
sources (every C string literal of app/web and the French tables of
app/core: refusals, vocabularies, roles, mail texts, flashes) follows the
rules a careful reader expects, and the pages show it:

- no point médian inside a word ("connecté·e"): screen readers spell it
  out; epicene words instead;
- no "(s)" plurals: vocab_plural / ui_count choose the word;
- a no-break space (U+00A0) before ":" and inside « », a narrow one
  (U+202F) before ";", "!" and "?": never a line starting with ":";
- no HTTP jargon as a heading ("Requête incorrecte", "Conflit");
- numbers with their thousands apart by a narrow no-break space, dates
  with "1er";
- error pages offer a way back to where the person was."""

import glob
import os
import re

import harness
from harness import Client, eq, sql, sql_value, test

SOURCES = ["app/web/**/*.c", "app/web/**/*.h", "app/core/*.def", "app/core/refusal.c",
           "app/core/vocab.h", "app/core/vocab.c", "app/core/roles.c", "app/core/account.h",
           "app/core/account.c"]
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
RULES = [
    (re.compile(r"\w·\w"), "point médian inside a word"),
    (re.compile(r"\w\((?:s|e|es|x)\)"), "a \"(s)\" plural"),
    (re.compile(r"(?<=\S) :(?=\s|$|\\n|<)"), "a plain space before \":\" (U+00A0)"),
    (re.compile(r"(?<=\S) [;!?](?=\s|$|\\n|<|\))"), "a plain space before ; ! ? (U+202F)"),
    (re.compile(r"« | »"), "a plain space inside « » (U+00A0)"),
    (re.compile(r"Requête incorrecte|\bConflit\b|Méthode non autorisée"), "HTTP jargon"),
]


def literals():
    """(file, line number, literal) of interface text: comments and log
    lines (English, for operators) are not."""
    for pattern in SOURCES:
        for path in sorted(glob.glob(os.path.join(harness.ROOT, pattern), recursive=True)):
            in_comment = False
            for n, line in enumerate(open(path, encoding="utf-8"), 1):
                st = line.strip()
                if in_comment:
                    in_comment = "*/" not in st
                    continue
                if st.startswith("/*"):
                    in_comment = "*/" not in st
                    continue
                # The pre-0270 pseudonym, kept only to stay reserved.
                if st.startswith(("*", "//", "#include")) or "kore_log" in line or \
                        "ACCOUNT_PSEUDONYM_OLD" in line:
                    continue
                for m in LITERAL.finditer(line):
                    yield os.path.relpath(path, harness.ROOT), n, m.group(1)


@test
def interface_text_in_the_sources_follows_french_typography():
    bad = []
    for path, n, text in literals():
        for rule, what in RULES:
            if rule.search(text):
                bad.append("%s:%d: %s: %r" % (path, n, what, text[:80]))
    assert not bad, "%d literals break the rules:\n" % len(bad) + "\n".join(bad[:40])


@test
def the_rules_catch_what_they_are_for():
    # Each rule fails on the text it was written for (a test that cannot
    # fail proves nothing).
    for sample in ["Vous êtes connecté·e", "3 contribution(s)", "En tout : 3",
                   "Vraiment ?", "« Mot »", "Requête incorrecte"]:
        assert any(rule.search(sample) for rule, _ in RULES), sample
    for sample in ["En tout\u00a0: 3", "Vraiment\u202f?", "«\u00a0Mot\u00a0»",
                   "http://exemple.fr", "a · b"]:
        assert not any(rule.search(sample) for rule, _ in RULES), sample


def visible(r):
    return re.sub(r"\s+", " ", harness.html.unescape(re.sub(r"<[^>]+>", " ", re.sub(
        r"(?s)<(script|style)\b.*?</\1>", " ", r.text))))


@test
def pages_show_spaced_numbers_1er_and_no_point_median():
    # The theme listing's figures: a proposal with 1,234 votes shows them
    # as "1 234" (U+202F), on a page a person reads.
    c = Client()
    home = c.get("/")
    eq(home.status, 200)
    text = visible(home)
    assert not re.search(r"\w·\w", text), "point médian on the home page"
    assert not re.search(r"\w\(s\)", text), "(s) on the home page"
    raw = home.body.decode("utf-8")
    assert re.search(r"\S\u00a0:", raw) or ":" not in text, "no-break space before ':'"
    # A date on the 1st of a month is written "1er".
    eq(sql_value("SELECT fr_date('2026-12-01 12:00+01')"), "1er décembre 2026")
    # Numbers: the reports index writes each theme's votes with ui_number.
    tid = sql_value("SELECT id FROM themes WHERE slug = 'ethique' LIMIT 1")
    sql("INSERT INTO report_theme_votes AS r (theme_id, slot, votes)"
        " VALUES (%s, 63, 12345) ON CONFLICT (theme_id, slot)"
        " DO UPDATE SET votes = r.votes + 12345" % tid)
    try:
        r = c.get("/rapports/")
        eq(r.status, 200)
        raw = r.body.decode("utf-8")
        assert re.search(r"\d{1,3}\u202f\d{3}", raw), "thousands apart by U+202F"
    finally:
        sql("UPDATE report_theme_votes SET votes = votes - 12345"
            " WHERE theme_id = %s AND slot = 63" % tid)


@test
def error_pages_offer_a_way_back_and_speak_plainly():
    c = Client()
    r = c.get("/propositions/999999999", headers={"Referer": "http://127.0.0.1:%d/charte"
                                                   % harness.PORT})
    eq(r.status, 404)
    assert 'href="/charte">Revenir à la page précédente</a>' in r.text, r.text[-800:]
    assert 'href="/">Retour à l\'accueil</a>' in r.text
    # Without a Referer, home only.
    r = c.get("/propositions/999999999")
    assert "Revenir à la page précédente" not in r.text
    # A 400's heading says what happened without HTTP words.
    r = c.get("/propositions/abc")
    assert r.status in (400, 404), r.status
    assert "Requête incorrecte" not in r.text and "Conflit" not in r.text
    # A form refused before any route (an over-long address) still has its
    # links out, and the worker lives.
    r = c.post("/" + "x" * 1500, {"a": "b"}, headers={"Referer": "http://127.0.0.1/charte"})
    eq(r.status, 414)
    assert 'href="/">Retour à l\'accueil</a>' in r.text
    eq(harness.MAIN.crashes(), [], "no worker crashed")
