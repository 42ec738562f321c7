# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""agora backup and agora restore (issue 14): a backup of the test database,
taken while kore serves it, restored into an empty database, holds the same
rows in every table and a moderation log whose hash chain verifies; a
restore into a database that is not empty is refused."""

import os
import re

import harness
from harness import contains, eq, sql, test

RESTORE_DB = "agora_restore_test"


def dsn(db, user="agora"):
    return ("host=127.0.0.1 port=%s dbname=%s user=%s sslmode=disable "
            "gssencmode=disable" % (harness.PG_PORT, db, user))


def settings(db):
    """The settings of the agora command for database db: the application's
    role and the owner's (backup, restore and migrate connect as the owner)."""
    return {"AGORA_DATABASE": dsn(db), "AGORA_OWNER_DATABASE": dsn(db, "agora_owner")}


def counts(db):
    tables = [t for (t,) in sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                                " ORDER BY 1", db)]
    return {t: sql("SELECT count(*) FROM %s" % t, db)[0][0] for t in tables}


@test
def a_backup_restored_into_an_empty_database_is_the_same_database():
    # Something in every area, and a moderation decision in the log.
    from participation_lib import new_proposal
    from test_moderation import decide, moderator
    _, _, pid = new_proposal()
    decide(moderator()[0], pid, "hide", rule="R1", note="Sauvegarde")
    out = os.path.join(harness.TEST_DIR, "backup.dump")
    r = harness.agora("backup", "--output", out)
    eq(r.returncode, 0, r.stderr)
    contains(r.stdout, "OK: ")
    assert os.path.getsize(out) > 10000, os.path.getsize(out)
    before = counts("agora_test")
    r = harness.devdb("recreate", RESTORE_DB)
    eq(r.returncode, 0, r.stderr)
    try:
        env = settings(RESTORE_DB)
        r = harness.agora("restore", out, env=env)
        eq(r.returncode, 0, r.stdout + r.stderr)
        after = counts(RESTORE_DB)
        eq(sorted(after), sorted(before), "the same tables")
        diff = {t: (before[t], after[t]) for t in before if before[t] != after[t]}
        eq(diff, {}, "rows per table (test database, restored)")
        assert int(before["moderation_log"]) > 0
        r = harness.agora("verify-log", env=env)
        eq(r.returncode, 0, r.stdout + r.stderr)
        m = re.search(r"OK: (\d+) rows", r.stdout)
        assert m, r.stdout
        eq(m.group(1), before["moderation_log"], "the chain's rows")
        # The restored database is usable: migrations see nothing to do.
        r = harness.agora("migrate", env=env)
        eq(r.returncode, 0, r.stderr)
        # A second restore into it is refused, and changes nothing.
        r = harness.agora("restore", out, env=env)
        eq(r.returncode, 1, "a restore into a database that is not empty")
        contains(r.stderr, "already holds")
        eq(counts(RESTORE_DB), after, "untouched")
    finally:
        harness.devdb("psql", "-d", "postgres", "-c",
                      'DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % RESTORE_DB)


@test
def a_file_that_is_not_a_backup_is_refused():
    bad = os.path.join(harness.TEST_DIR, "not-a-backup.dump")
    with open(bad, "w") as f:
        f.write("rien\n")
    r = harness.devdb("recreate", RESTORE_DB)
    eq(r.returncode, 0, r.stderr)
    try:
        r = harness.agora("restore", bad, env=settings(RESTORE_DB))
        eq(r.returncode, 1)
        contains(r.stderr, "is not a backup")
        eq(counts(RESTORE_DB), {}, "nothing restored")
    finally:
        harness.devdb("psql", "-d", "postgres", "-c",
                      'DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % RESTORE_DB)
