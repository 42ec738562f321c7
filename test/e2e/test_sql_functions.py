# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Every SQL function and trigger has one current text, in one file of
migrations/functions/ (agora migrate applies them after the numbered
migrations), and no later migration copies a function's body again."""

import glob
import os
import re

import harness
from harness import eq, sql, test

FUNCTIONS = os.path.join(harness.ROOT, "migrations", "functions")
# The first migration written after the functions moved to their files.
CUTOVER = 200
DEFINES = re.compile(r"^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(FUNCTION|TRIGGER)\s+"
                     r"([a-z_][a-z0-9_]*)", re.I | re.M)


def defined_in_files():
    """{(kind, name): [file, ...]} over migrations/functions/*.sql."""
    found = {}
    for path in sorted(glob.glob(os.path.join(FUNCTIONS, "*.sql"))):
        text = re.sub(r"--[^\n]*", "", open(path, encoding="utf-8").read())
        for kind, name in DEFINES.findall(text):
            found.setdefault((kind.upper(), name), []).append(os.path.basename(path))
    return found


@test
def every_function_and_trigger_has_one_current_text():
    files = defined_in_files()
    twice = {k: v for k, v in files.items() if len(v) > 1}
    eq(twice, {}, "defined in more than one place")
    db = {("FUNCTION", r[0]) for r in sql(
        "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
        " WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d"
        " WHERE d.objid = p.oid AND d.deptype = 'e')")}
    db |= {("TRIGGER", r[0]) for r in sql(
        "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")}
    eq(sorted(db - set(files)), [], "in the database but in no functions file")
    eq(sorted(set(files) - db), [], "in a functions file but not in the database")


@test
def no_migration_after_the_cutover_copies_a_function():
    for path in sorted(glob.glob(os.path.join(harness.ROOT, "migrations", "[0-9]*.sql"))):
        if int(os.path.basename(path)[:4]) < CUTOVER:
            continue
        text = re.sub(r"--[^\n]*", "", open(path, encoding="utf-8").read())
        eq(DEFINES.findall(text), [], "%s defines what belongs in migrations/functions/"
           % os.path.basename(path))


@test
def migrate_applies_the_current_text_of_a_function():
    """A function changed behind migrate's back is put back by the next run:
    its file, not the history, is what runs."""
    sql("CREATE OR REPLACE FUNCTION fr_duration(s double precision) RETURNS text"
        " LANGUAGE sql AS $$ SELECT 'altéré' $$")
    eq(sql("SELECT fr_duration(90)")[0][0], "altéré", "the change took")
    r = harness.agora("migrate")
    eq(r.returncode, 0, r.stdout + r.stderr)
    assert sql("SELECT fr_duration(90)")[0][0] != "altéré", "the current text is back"
