# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The plumbing every page shares: fields declared once (app/core/fields.def),
statements that match their declarations (app/db/db.h), field limits."""

import os

import harness
from harness import Client, contains, eq, test


@test
def routes_conf_is_written_from_the_field_declarations():
    r = harness.agora("fields")
    eq(r.returncode, 0, "agora fields")
    with open(os.path.join(harness.ROOT, "conf", "routes.conf")) as f:
        committed = f.read()
    assert r.stdout == committed, (
        "conf/routes.conf differs from app/core/fields.def: run "
        "`build/agora fields > conf/routes.conf`")
    for name in ("texte", "csrf", "apres", "statut_vu"):
        contains(committed, "\t%s\tv_field" % name, "routes.conf")


@test
def the_readme_settings_table_is_written_from_the_declarations():
    r = harness.agora("settings", "--markdown")
    eq(r.returncode, 0, "agora settings --markdown")
    with open(os.path.join(harness.ROOT, "README.md")) as f:
        readme = f.read()
    assert r.stdout.startswith("| key | default | range | meaning |\n"), r.stdout[:200]
    assert r.stdout in readme, (
        "README's settings table differs from app/core/settings.def: paste "
        "`build/agora settings --markdown` under \"### Settings\"")
    contains(r.stdout, "| `flag_threshold` | 3 | 1–1000000 |")


@test
def agora_settings_prints_the_values_in_force_never_the_secrets():
    r = harness.agora("settings", env={"AGORA_FLAG_THRESHOLD": "7",
                                       "AGORA_SMTP_PASSWORD": "s3cr3t-pw"})
    eq(r.returncode, 0, "agora settings")
    eq(r.stderr, "", "no warning for the test settings")
    lines = dict(l.split(" = ", 1) for l in r.stdout.splitlines())
    eq(lines["flag_threshold"], "7\t# AGORA_FLAG_THRESHOLD", "from the environment")
    eq(lines["password_scrypt_ln"].split("\t")[0], "10", "from the test file")
    contains(lines["password_scrypt_ln"], "agora.ini:", "the file's line")
    eq(lines["comment_max_depth"].split("\t")[0], "3", "value")
    eq(lines["limit_verify_resend_max"], "3\t# default", "a default")
    for key in ("database", "owner_database", "smtp_password"):
        eq(lines[key].split("\t")[0], "(set, not shown)", key)
    eq(lines["smtp_url"].split("\t")[0], "(none)", "smtp_url unset")
    assert "s3cr3t-pw" not in r.stdout and "dbname=" not in r.stdout, r.stdout


@test
def a_wrong_setting_is_said_and_a_dangerous_one_refused():
    path = os.path.join(harness.TEST_DIR, "wrong-settings.ini")
    with open(harness.CONFIG) as f:
        base = f.read()
    with open(path, "w") as f:
        f.write(base + "flag_treshold = 2\nlimit_signup_ip_minutes = 5000\n")
    r = harness.agora("settings", env={"AGORA_CONFIG": path})
    eq(r.returncode, 0, "a wrong value is not fatal")
    contains(r.stderr, "unknown key flag_treshold")
    contains(r.stderr, "limit_signup_ip_minutes = 5000: out of range 1-1440; "
             "the default 60 is used")
    contains(r.stdout, "limit_signup_ip_minutes = 60\t# default")
    with open(path, "w") as f:
        f.write(base.replace("flag_threshold_action = review",
                                "flag_threshold_action = hidden"))
    r = harness.agora("settings", env={"AGORA_CONFIG": path})
    eq(r.returncode, 1, "a strict key refuses")
    contains(r.stderr, "flag_threshold_action = hidden: expected one of "
             "review|hide; refusing to start")
    eq(r.stdout, "", "nothing printed")
    os.unlink(path)


@test
def every_statement_matches_its_declaration():
    r = harness.agora("sql", "--check")
    assert r.returncode == 0, r.stdout + r.stderr
    contains(r.stdout, "statements match their declarations")
    listed = harness.agora("sql", "--list").stdout.split()
    assert "sql_session_lookup" in listed, listed


@test
def a_field_longer_than_declared_is_refused_and_its_text_shown_back():
    c = Client()
    page = c.get("/connexion")
    text = "Un texte très long. " * 4000       # 84,000 bytes > 65,536
    r = c.post("/themes/ethique/proposer", {"csrf": page.csrf(), "titre": "Titre",
                                            "texte": text})
    # A name far longer than anyone types: refused before the handler.
    r2 = c.post("/inscription", {"csrf": page.csrf(), "nom": "n" * 9000})
    eq(r2.status, 413, "name over its declared size")
    contains(r2.visible_text(), "Le champ « Nom affiché » dépasse la taille permise")
    eq(r.status, 413, "too long")
    contains(r.visible_text(), "Le champ « Texte » dépasse la taille permise")
    contains(r.visible_text(), "Votre texte n'est pas perdu")
    contains(r.text, "Un texte très long. Un texte très long.")
    # Within the declared size, the page's own French check answers (and a
    # query string is capped at 1,024 bytes before that: 414).
    r = Client().get("/themes/ethique?q=" + "a" * 400)
    eq(r.status, 400, "the listing's own limit")
    contains(r.visible_text(), "ne doit pas dépasser 200 caractères")
