# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""An existing database moves to the new roles and the new log form: a
database made by the migrations before this work, owned by the
application's role and holding log rows of form 1 (notes in the chained
text), is taken over by the owner role (conf/devdb.sh ensure, as the README
says for production) and migrated; every old row still verifies, computed
in C, and erasing an old note keeps the chain verifiable."""

import os
import shutil
import tempfile

import harness
from harness import contains, eq, lacks, sql, sql_value, test
from modlog_lib import APP_ROLE, BEHIND, OWNER_ROLE, psql_as

DB = "agora_test_v1"


def dsn(role):
    return ("host=127.0.0.1 port=%s dbname=%s user=%s sslmode=disable gssencmode=disable"
            % (harness.PG_PORT, DB, role))


def agora(*args, owner=OWNER_ROLE):
    return harness.agora(*args, env={"AGORA_DATABASE": dsn(APP_ROLE),
                                     "AGORA_OWNER_DATABASE": dsn(owner)})


def old_migrations():
    d = tempfile.mkdtemp(prefix="agora-v1-")
    for f in os.listdir(os.path.join(harness.ROOT, "migrations")):
        if f[:4].isdigit() and f < "0140":
            shutil.copy(os.path.join(harness.ROOT, "migrations", f), d)
    return d


# Form-1 rows as the old moderation_log_append wrote them, with the texts
# that are hard to reproduce exactly: quotes, backslashes, '|', accents.
OLD_ROWS = [
    ("%(mod)d", "%(c)d", "NULL", "'hide'", "'published'", "'hidden'", "'R1'",
     "$$L'auteur a écrit « c'est \\faux » | et insiste$$", "now() - interval '2 hours'"),
    ("%(mod)d", "%(c)d", "NULL", "'restore'", "'hidden'", "'published'", "NULL", "NULL", "NULL"),
    ("NULL", "%(c)d", "NULL", "'threshold'", "'published'", "'published'", "'R4'", "NULL",
     "now()"),
    ("%(mod)d", "NULL", "1", "'mode'", "'a_posteriori'", "'a_priori'", "NULL",
     "$$Note\tavec tabulation et retour\nà la ligne$$", "NULL"),
    ("%(mod)d", "%(c2)d", "NULL", "'reject'", "'pending'", "'rejected'", "'R2'",
     "$$Nomme Mme Petit, voisine$$", "now() - interval '1 day'"),
]


@test
def an_existing_database_is_taken_over_by_the_owner_and_its_old_rows_still_verify():
    d = old_migrations()
    try:
        sql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % DB, db="postgres")
        sql("CREATE DATABASE %s OWNER %s" % (DB, APP_ROLE), db="postgres")
        sql("CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pg_trgm",
            db=DB)
        # The old world: the application's role owned everything.
        r = agora("migrate", "--dir", d, owner=APP_ROLE)
        eq(r.returncode, 0, r.stdout + r.stderr)
        eq(sql_value("SELECT pg_get_userbyid(relowner) FROM pg_class"
                     " WHERE relname = 'moderation_log'", db=DB), APP_ROLE)
        mod = int(sql_value("INSERT INTO users (email, display_name, territory_code,"
                            " privacy_accepted_at, verified_at, password_hash) VALUES"
                            " ('v1mod@example.org', 'Mod V1', '37', now(), now(), 'h')"
                            " RETURNING id", db=DB))
        author = int(sql_value("INSERT INTO users (email, display_name, territory_code,"
                               " privacy_accepted_at, verified_at, password_hash) VALUES"
                               " ('v1auteur@example.org', 'Auteur V1', '37', now(), now(),"
                               " 'secret-hash') RETURNING id", db=DB))
        ids = {}
        for k in ("c", "c2"):
            ids[k] = int(sql_value(
                "INSERT INTO contributions (consultation_id, theme_id, kind, title, body,"
                " body_html, author_id) SELECT 1, id, 'proposal', 'Ancienne', 'Texte ancien',"
                " '', %d FROM themes WHERE consultation_id = 1 ORDER BY id LIMIT 1"
                " RETURNING id" % (author if k == "c2" else mod), db=DB))
        for row in OLD_ROWS:
            args = ", ".join(row) % {"mod": mod, "c": ids["c"], "c2": ids["c2"]}
            sql("SELECT moderation_log_append(%s)" % args, db=DB)
        v1 = sql("SELECT id, hash FROM moderation_log ORDER BY id", db=DB)
        eq(len(v1), len(OLD_ROWS))

        # The move, as conf/devdb.sh ensure does it (README: REASSIGN OWNED).
        r = harness.devdb("ensure", DB)
        eq(r.returncode, 0, r.stdout + r.stderr)
        eq(sql_value("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '%s'"
                     % DB, db="postgres"), OWNER_ROLE)
        eq(sql_value("SELECT count(*) FROM pg_class WHERE relowner = '%s'::regrole" % APP_ROLE,
                     db=DB), "0", "nothing left to the application's role")
        r = agora("migrate")
        eq(r.returncode, 0, r.stdout + r.stderr)
        lacks(r.stdout + r.stderr, "no privilege decision")
        eq(sql("SELECT id, hash FROM moderation_log ORDER BY id", db=DB), v1, "old rows kept")
        eq(sql_value("SELECT count(*) FROM moderation_log WHERE form = 1", db=DB),
           str(len(OLD_ROWS)))

        r = agora("verify-log")
        eq(r.returncode, 0, "form-1 rows recomputed in C: " + r.stdout + r.stderr)
        contains(r.stdout, "OK: %d rows" % len(OLD_ROWS))
        r = agora("sign-log")
        eq(r.returncode, 0, r.stdout + r.stderr)

        # A form-1 row altered behind the triggers is caught, in C.
        target = v1[0][0]
        sql(BEHIND % ("UPDATE moderation_log SET rule_code = 'R8' WHERE id = %s" % target),
            db=DB)
        r = agora("verify-log")
        eq(r.returncode, 1, r.stdout)
        contains(r.stdout, "row %s" % target)
        sql(BEHIND % ("UPDATE moderation_log SET rule_code = 'R1' WHERE id = %s" % target),
            db=DB)
        eq(agora("verify-log").returncode, 0, "put back")

        # The author leaves: the old note naming a neighbour is erased from
        # its form-1 row; that row is then checked by its links only.
        r = psql_as(APP_ROLE, "SELECT user_delete(%d, 'secret-hash',"
                    " 'v1auteur@example.org', NULL)" % author, db=DB)
        eq(r.stdout.strip(), "deleted", r.stderr)
        eq(sql("SELECT note IS NULL, note_erased_at IS NOT NULL FROM moderation_log"
               " WHERE contribution_id = %d" % ids["c2"], db=DB), [["t", "t"]])
        lacks(str(sql("SELECT * FROM moderation_log", db=DB)), "Mme Petit")
        r = agora("verify-log")
        eq(r.returncode, 0, "after erasure: " + r.stdout + r.stderr)
        contains(r.stdout, "1 form-1 row(s) with an erased note")
        r = agora("sign-log")
        eq(r.returncode, 0, "a new head after erasure: " + r.stdout + r.stderr)
        # Only that erasure may touch a form-1 row, and only once.
        r = psql_as("postgres", "UPDATE moderation_log SET note = 'autre' WHERE id = %s"
                    % target, db=DB)
        contains(r.stderr, "append-only")
    finally:
        shutil.rmtree(d)
        sql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % DB, db="postgres")
