# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The codes the SQL functions answer (migrations/functions/*.sql) and the
C tables that map them to French pages (app/core/refusal.c, the people's
vocabularies of app/core/vocab.h, printed by `agora codes`) are the same
sets: a code the SQL starts returning without a French page, or a page
for a code no function returns any more, fails here. The codes are read
from the functions' text: every RETURN and every assignment to the OUT
parameter "code"; an answer this reader cannot interpret fails too, so it
never silently misses one."""

import glob
import os
import re

import harness
from harness import eq, test

FUNCTIONS = os.path.join(harness.ROOT, "migrations", "functions")

# C table -> (the SQL functions it answers for, their successes: handled by
# the pages themselves, not in the table). Vocabulary tables list every
# answer, successes included.
TABLES = {
    "participation": (["participation_refusal", "participation_vote", "participation_useful",
                       "participation_reply", "participation_propose", "participation_edit",
                       "participation_withdraw", "participation_edit_reply",
                       "oidc_vote_refusal"],
                      {"ok", "pending", "on", "off"}),
    "decide": (["moderation_decide"], {"ok"}),
    "flag": (["flag_contribution"], {"ok", "queued"}),
    "appeal": (["moderation_appeal_file"], {"ok"}),
    "mode": (["consultation_set_mode", "consultation_set_vote_fc"], {"ok", "unchanged"}),
    "link": (["account_link_use"], set()),
    "erasure": (["user_delete", "user_purge"], set()),
    "role_change": (["user_role_set"], set()),
    "assisted": (["assisted_refusal", "assisted_propose", "assisted_reply", "assisted_vote",
                  "paper_sheet_refusal", "paper_enter"],
                 {"ok", "pending", "changed"}),
    "mediator_set": (["epn_mediator_set"], set()),
}

# Answers that are another function's answers.
INDIRECT = {
    "why": "participation_refusal",
    "participation_refusal(p_proposal)": "participation_refusal",
    "consultation_phase(c)": "consultation_phase",
    "v_phase": "consultation_phase",
    "assisted_refusal(p_mediator, p_epn, p_consent)": "assisted_refusal",
    "paper_sheet_refusal(p_sheet, t.id, p_day)": "paper_sheet_refusal",
}
# consultation_phase() is returned only once it is not 'open'.
PHASES = {"upcoming", "closed"}

BODY = re.compile(r"CREATE\s+OR\s+REPLACE\s+FUNCTION\s+([a-z_0-9]+)\s*\((.*?)\$\$(.*?)\$\$",
                  re.S | re.I)
ANSWER = re.compile(r"\bRETURN\s+(?!NEXT\b|NEW\b|QUERY\b)([^;]*);|\bcode\s*:=\s*([^;]*);"
                    r"|\bRETURN\s+QUERY\s+SELECT\s+'([a-z_]+)'::text"
                    r"|\bRETURNING\b[^;]*?\bINTO\s+new_id,\s*code\s*;", re.I | re.S)


def bodies():
    found = {}
    for path in sorted(glob.glob(os.path.join(FUNCTIONS, "*.sql"))):
        text = re.sub(r"--[^\n]*", "", open(path, encoding="utf-8").read())
        for name, _, body in BODY.findall(text):
            found[name] = body
    return found


def answers(name, found, seen=()):
    """Every code function name can return; fails on an answer it cannot read."""
    if name == "consultation_phase":
        return set(PHASES)
    codes = set()
    for m in ANSWER.finditer(found[name]):
        whole = m.group(0)
        if m.group(3):
            codes.add(m.group(3))
            continue
        if whole.upper().startswith("RETURNING"):
            codes |= {c for pair in re.findall(r"THEN\s+'([a-z_]+)'|ELSE\s+'([a-z_]+)'", whole)
                      for c in pair if c}
            continue
        expr = (m.group(1) if m.group(1) is not None else m.group(2)).strip()
        literals = re.findall(r"'([a-z_]+)'", expr)
        if expr in ("", "NULL"):
            continue
        if expr in INDIRECT:
            assert INDIRECT[expr] not in seen, "a cycle through " + expr
            codes |= answers(INDIRECT[expr], found, seen + (name,))
        elif literals and re.fullmatch(r"(CASE\b.*END|'[a-z_]+')", expr, re.S):
            codes |= set(re.findall(r"(?:THEN|ELSE)\s+'([a-z_]+)'", expr) or literals)
        else:
            raise AssertionError("%s: an answer this test cannot read: RETURN/code := %s"
                                 % (name, expr))
    return codes


def c_tables():
    r = harness.agora("codes")
    eq(r.returncode, 0, r.stderr)
    tables = {}
    for line in r.stdout.splitlines():
        table, code, status, msg = line.split("\t")
        assert code not in tables.get(table, {}), "%s lists %s twice" % (table, code)
        tables.setdefault(table, {})[code] = (status, msg)
    return tables


@test
def every_code_the_sql_functions_return_has_its_french_page_and_no_other():
    found = bodies()
    tables = c_tables()
    eq(sorted(tables), sorted(TABLES), "the C tables")
    for table, (functions, successes) in TABLES.items():
        sql_codes = set()
        for f in functions:
            assert f in found, "%s: no function %s in migrations/functions/" % (table, f)
            sql_codes |= answers(f, found)
        assert successes <= sql_codes, "%s: successes no function returns: %s" % (
            table, sorted(successes - sql_codes))
        eq(sorted(tables[table]), sorted(sql_codes - successes),
           "codes of %s (C) against what %s return" % (table, ", ".join(functions)))
        for code, (status, msg) in tables[table].items():
            if status != "-":
                assert 400 <= int(status) < 500, "%s %s: status %s" % (table, code, status)
                assert msg or int(status) == 404, "%s %s: no French message" % (table, code)


@test
def the_code_reader_reads_what_the_suite_proves():
    """The reader finds the codes test/sql/ drives each function to."""
    found = bodies()
    eq(sorted(answers("moderation_decide", found)),
       ["appeal_own", "conflict", "invalid", "not_found", "ok", "own", "rule_required"])
    eq(sorted(answers("moderation_appeal_file", found)),
       ["already", "invalid", "not_author", "not_decided", "not_found", "ok", "pending",
        "too_late"])
    eq(sorted(answers("participation_reply", found)),
       sorted(["ok", "pending", "missing", "no_parent", "too_deep", "archived", "upcoming",
               "closed", "unpublished", "withdrawn"]))
    eq(sorted(answers("participation_edit", found)),
       ["closed", "edit_rate", "missing", "not_author", "ok", "pending", "too_late",
        "too_many_edits", "upcoming", "withdrawn"])
