# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Privileges: migrations run as the owner role (agora_owner), kore and the
everyday commands as the application role (agora), which owns nothing and
reaches the moderation log only through SECURITY DEFINER functions. Every
table, sequence and function carries a deliberate grant decision
(migrations/privileges.sql), so an object added without one is caught."""

import os
import shutil
import tempfile

import harness
from harness import contains, eq, lacks, sql, sql_value, test
from modlog_lib import APP_ROLE, OWNER_ROLE, psql_as, some_decisions

# Objects of the schema without any GRANT or REVOKE since their creation:
# PostgreSQL leaves their ACL NULL (the defaults: owner only for tables,
# EXECUTE for PUBLIC on functions). Extension members are the extension's.
UNDECIDED = """
SELECT CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view'
    WHEN 'm' THEN 'materialized view' ELSE 'table' END || ' ' || c.relname
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v', 'm', 'f')
  AND c.relacl IS NULL
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
      AND d.objid = c.oid AND d.deptype = 'e')
UNION ALL
SELECT 'function ' || p.oid::regprocedure::text
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'public' AND p.proacl IS NULL
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
      AND d.objid = p.oid AND d.deptype = 'e')
ORDER BY 1"""


@test
def the_application_role_owns_nothing_and_has_no_special_power():
    eq(sql("SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls"
           " FROM pg_roles WHERE rolname = '%s'" % APP_ROLE),
       [["f", "f", "f", "f", "f"]], "attributes of the application role")
    eq(sql_value("SELECT pg_has_role('%s', '%s', 'USAGE') OR pg_has_role('%s', '%s', 'MEMBER')"
                 % (APP_ROLE, OWNER_ROLE, APP_ROLE, OWNER_ROLE)), "f", "not a member of the owner")
    eq(sql_value("SELECT pg_get_userbyid(datdba) FROM pg_database"
                 " WHERE datname = current_database()"), OWNER_ROLE, "database owner")
    owned = sql("SELECT 'relation ' || relname FROM pg_class WHERE relowner = '%s'::regrole"
                " UNION ALL SELECT 'function ' || proname FROM pg_proc"
                " WHERE proowner = '%s'::regrole"
                " UNION ALL SELECT 'type ' || typname FROM pg_type WHERE typowner = '%s'::regrole"
                " UNION ALL SELECT 'schema ' || nspname FROM pg_namespace"
                " WHERE nspowner = '%s'::regrole" % ((APP_ROLE,) * 4))
    eq(owned, [], "objects owned by the application role")
    eq(sql_value("SELECT has_schema_privilege('%s', 'public', 'CREATE')" % APP_ROLE), "f",
       "the application role cannot create objects")


@test
def every_table_sequence_and_function_has_a_grant_decision():
    eq(sql(UNDECIDED), [], "objects with no grant decision in migrations/privileges.sql")


@test
def an_object_added_without_a_decision_is_named_by_migrate_and_by_the_check():
    d = tempfile.mkdtemp(prefix="agora-grants-")
    try:
        # functions/ too: migrate --dir applies DIR/functions/ after the files.
        shutil.copytree(os.path.join(harness.ROOT, "migrations"), d, dirs_exist_ok=True)
        with open(os.path.join(d, "9980_undecided.sql"), "w") as f:
            f.write("CREATE TABLE e2e_undecided (id bigserial PRIMARY KEY);\n"
                    "CREATE FUNCTION e2e_undecided_f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n")
        r = harness.agora("migrate", "--dir", d)
        eq(r.returncode, 0, r.stdout + r.stderr)
        out = r.stdout + r.stderr
        contains(out, "no privilege decision: table e2e_undecided")
        contains(out, "no privilege decision: sequence e2e_undecided_id_seq")
        contains(out, "no privilege decision: function e2e_undecided_f()")
        names = [row[0] for row in sql(UNDECIDED)]
        eq(names, ["function e2e_undecided_f()", "sequence e2e_undecided_id_seq",
                   "table e2e_undecided"], "the check names them")
        eq(sql_value("SELECT pg_get_userbyid(relowner) FROM pg_class"
                     " WHERE relname = 'e2e_undecided'"), OWNER_ROLE, "migrations run as the owner")
        eq(psql_as(APP_ROLE, "SELECT * FROM e2e_undecided").returncode != 0, True,
           "no privilege without a decision")
    finally:
        shutil.rmtree(d)
        sql("DROP TABLE IF EXISTS e2e_undecided; DROP FUNCTION IF EXISTS e2e_undecided_f();"
            " DELETE FROM schema_migrations WHERE version = '9980'")
    eq(sql(UNDECIDED), [], "clean again")


@test
def security_definer_functions_have_a_fixed_search_path_and_few_callers():
    rows = sql("SELECT p.oid::regprocedure, pg_get_userbyid(p.proowner),"
               " coalesce(array_to_string(p.proconfig, ','), ''),"
               " has_function_privilege('public', p.oid, 'EXECUTE'),"
               " has_function_privilege('%s', p.oid, 'EXECUTE')"
               " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
               " WHERE n.nspname = 'public' AND p.prosecdef ORDER BY 1" % APP_ROLE)
    assert rows, "no SECURITY DEFINER function"
    callable_by_app = []
    for name, owner, config, public, app in rows:
        eq(owner, OWNER_ROLE, name + " owner")
        contains(config, "search_path=pg_catalog, public, pg_temp", name + " search_path")
        eq(public, "f", name + " executable by PUBLIC")
        if app == "t":
            callable_by_app.append(name.split("(")[0])
    eq(sorted(callable_by_app), sorted([
        "consultation_set_mode", "flag_contribution",
        # Who may vote in a consultation, written to the log as a mode
        # change is (functions/moderation.sql, migration 0410).
        "consultation_set_vote_fc", "moderation_appeal_file",
        "moderation_decide",
        "moderation_log_head_add", "moderation_notes_erase_about",
        # Erasure and the takeover of a departed account's votes act on
        # other people's rows, behind their own checks (migration 0190).
        "user_delete", "user_purge", "account_takeover",
        # Recomputes is_public, which the application may not write (0191).
        "contributions_public_rebuild",
        # An author's edit may send the proposal back to the queue: it sets
        # the status, after its own checks of author and window (issue 14).
        "participation_edit",
        # An author's withdrawal sets withdrawn_at, after checking the
        # author; its replies' is_public follows (issue 13, item 11).
        "participation_withdraw",
        # The same for an argument's or a comment's edit (functions/edits.sql).
        "participation_edit_reply",
        # The erasure of old messages to the moderation team records their
        # mails in outbox_erased (functions/contact.sql); it takes a number.
        "contact_purge",
        # The mail sender writes other people's notifications and digests
        # (functions/notifications.sql); they take no person's input.
        "notify_fanout", "notify_digest",
        # Publishing a synthesis, a referral, a draft or an opinion writes
        # the notifications of followers and council members (migration
        # 0335); each acts only on a row its caller wrote in the same
        # transaction (functions/syntheses.sql, functions/council.sql).
        "synthesis_notify", "council_notify_members", "council_notify_followers",
        # And the authors an opinion cites (migration 0432), the same way.
        "council_notify_cited",
        # Publishing a synthesis, an opinion or the Region's response
        # appends the act to the moderation log (form 3, migration 0430);
        # each logs only a publication its caller made in the same
        # transaction, once (functions/syntheses.sql, functions/council.sql).
        "synthesis_log", "council_log",
        # Deleting an account that has no password, after a fresh
        # FranceConnect sign-in (functions/franceconnect.sql, issue 17).
        "oidc_account_delete"]),
       "SECURITY DEFINER functions the application may call")
    names = [r[0].split("(")[0] for r in rows]
    assert "moderation_log_append" in names, names
    eq(sql_value("SELECT has_function_privilege('%s', 'moderation_log_append(bigint, text,"
                 " bigint, bigint, text, text, text, text, text, text, timestamptz)',"
                 " 'EXECUTE')" % APP_ROLE), "f", "append not callable by the application")


# What the application role tries against the log, and PostgreSQL refuses.
APP_ATTACKS = [
    ("ALTER TABLE moderation_log DISABLE TRIGGER ALL", "must be owner"),
    ("ALTER TABLE moderation_log DISABLE TRIGGER moderation_log_no_change", "must be owner"),
    ("ALTER TABLE moderation_log OWNER TO agora", "must be owner"),
    ("ALTER TABLE moderation_log ADD COLUMN x int", "must be owner"),
    ("UPDATE moderation_log SET rule_code = 'R1'", "permission denied"),
    ("DELETE FROM moderation_log", "permission denied"),
    ("TRUNCATE moderation_log", "permission denied"),
    ("INSERT INTO moderation_log (at, action, prev_hash, hash)"
     " VALUES (now(), 'hide', 'x', 'y')", "permission denied"),
    ("SELECT moderation_log_append(NULL, NULL, NULL, NULL, 'hide', 'published', 'hidden',"
     " 'R1', NULL, NULL, NULL)", "permission denied for function moderation_log_append"),
    ("CREATE OR REPLACE FUNCTION moderation_log_canonical(l moderation_log) RETURNS text"
     " LANGUAGE sql IMMUTABLE AS $$ SELECT 'x' $$", "permission denied for schema public"),
    ("CREATE FUNCTION public.e2e_mine() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$",
     "permission denied for schema public"),
    ("SET ROLE agora_owner", "permission denied"),
    ("UPDATE moderation_notes SET note = 'x'", "permission denied"),
    ("DELETE FROM moderation_notes", "permission denied"),
    ("INSERT INTO moderation_notes (log_id, note) VALUES (1, 'x')", "permission denied"),
    ("UPDATE moderation_log_heads SET row_count = 0", "permission denied"),
    ("DELETE FROM moderation_log_heads", "permission denied"),
    ("TRUNCATE moderation_log_heads", "permission denied"),
    ("ALTER TABLE moderation_log_heads DISABLE TRIGGER ALL", "must be owner"),
    ("ALTER FUNCTION moderation_decide(bigint, bigint, text, text, text, integer, text, text,"
     " text, text, text, text, text) SECURITY INVOKER", "must be owner"),
    ("DROP TRIGGER moderation_log_no_change ON moderation_log", "must be owner"),
]


@test
def the_application_role_cannot_alter_update_delete_truncate_or_disable_the_log():
    some_decisions(2)
    before = sql("SELECT id, hash FROM moderation_log ORDER BY id")
    heads = sql_value("SELECT count(*) FROM moderation_log_heads")
    for stmt, why in APP_ATTACKS:
        r = psql_as(APP_ROLE, stmt)
        assert r.returncode != 0, "the application role could run: " + stmt
        contains(r.stderr, why, stmt)
    # GRANT from a role without the grant option grants nothing.
    r = psql_as(APP_ROLE, "GRANT UPDATE, DELETE, TRUNCATE ON moderation_log TO agora")
    contains(r.stderr, "no privileges were granted", "GRANT by the application role")
    for priv in ["INSERT", "UPDATE", "DELETE", "TRUNCATE", "TRIGGER", "REFERENCES"]:
        eq(sql_value("SELECT has_table_privilege('%s', 'moderation_log', '%s')"
                     % (APP_ROLE, priv)), "f", "application role %s on the log" % priv)
    eq(sql_value("SELECT has_table_privilege('%s', 'moderation_log', 'SELECT')" % APP_ROLE),
       "t", "the log is readable")
    eq(sql("SELECT id, hash FROM moderation_log ORDER BY id"), before, "log unchanged")
    eq(sql_value("SELECT count(*) FROM moderation_log_heads"), heads, "heads unchanged")
    eq(harness.agora("verify-log").returncode, 0, "chain intact")


@test
def kore_and_the_everyday_commands_connect_as_the_application_role():
    # kore's sessions: pg_stat_activity of the test database while it serves.
    harness.Client().get("/")
    users = [r[0] for r in sql("SELECT DISTINCT usename FROM pg_stat_activity"
                               " WHERE datname = 'agora_test' AND backend_type = 'client backend'"
                               " AND pid <> pg_backend_pid()")]
    assert users and OWNER_ROLE not in users, users
    contains(users, APP_ROLE, "kore's connections")
    with open(harness.CONFIG) as f:
        ini = f.read()
    contains(ini, "user=%s " % APP_ROLE, "database = … the application role")
    contains(ini, "owner_database = ", "a second connection string for migrations")
    contains(ini, "user=%s " % OWNER_ROLE, "owner_database = … the owner role")


@test
def kore_refuses_an_owner_connection_string_holding_a_password():
    """kore reads the settings file too: with the owner's password in it,
    every worker could alter the schema. It refuses to start."""
    k = harness.Kore("ownerpw", port=harness.PORT + 1, env={
        "AGORA_OWNER_DATABASE": "host=127.0.0.1 dbname=agora_test user=agora_owner"
                                " password=secret-du-proprietaire"})
    try:
        k.start()
        raise AssertionError("kore started with the owner's password")
    except RuntimeError as e:
        contains(str(e), "owner_database holds a password")
    finally:
        k.stop()
    lacks(k.log_text(), "secret-du-proprietaire", "the password is not logged")


@test
def migrate_refuses_to_run_as_a_superuser():
    """Objects, and SECURITY DEFINER functions above all, must belong to the
    owner role, never to a superuser."""
    r = harness.agora("migrate", env={"AGORA_OWNER_DATABASE":
                                      "host=127.0.0.1 port=%s dbname=agora_test user=postgres"
                                      " sslmode=disable gssencmode=disable" % harness.PG_PORT})
    eq(r.returncode, 1, r.stdout + r.stderr)
    contains(r.stderr, "superuser")
