# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Foundation: pages, errors, headers, health, migrations, restarts."""

import os
import re
import shutil
import tempfile
import time

import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test

THEMES = [
    ("ethique", "Le cadre éthique et les valeurs de notre démarche"),
    ("territoires", "Territoires connectés et inclusion numérique"),
    ("education", "Éducation et numérique"),
    ("formation", "Formation et compétences numériques"),
    ("culture", "Culture et patrimoine numériques"),
    ("sante", "Santé et numérique"),
    ("economie", "Économie, innovation et citoyenneté numériques"),
]


@test
def home_lists_the_seven_themes_in_french():
    r = Client().get("/")
    eq(r.status, 200, "GET /")
    contains(r.text, '<html lang="fr">')
    text = r.visible_text()
    contains(text, "Stratégie régionale des usages et services numériques")
    contains(text, "Les 7 enjeux")
    for slug, title in THEMES:
        contains(r.text, 'href="/themes/%s"' % slug)
        contains(text, title)
    # dates of the consultation, in French
    contains(text, "16 novembre 2026")
    contains(text, "28 février 2027")
    contains(text, "0 proposition")


@test
def every_theme_page_shows_its_text():
    c = Client()
    for slug, title in THEMES:
        r = c.get("/themes/" + slug)
        eq(r.status, 200, slug)
        contains(r.visible_text(), title, slug)
        contains(r.text, "<h1>")
    contains(c.get("/themes/territoires").visible_text(), "EPN mobile")


@test
def unknown_or_malformed_slug_gives_the_french_404():
    c = Client()
    for path in ["/themes/inconnu", "/themes/ETHIQUE", "/themes/%3Cscript%3E",
                 "/themes/" + "a" * 65, "/themes/", "/nulle-part", "/themes/ethique/x"]:
        r = c.get(path)
        eq(r.status, 404, path)
        contains(r.visible_text(), "Page introuvable", path)
        contains(r.text, '<html lang="fr">', path)
        lacks(r.text, "<script", path)


@test
def bad_requests_get_clear_french_statuses():
    c = Client()
    r = c.get("/" + "x" * 1500)
    eq(r.status, 414, "over-long URL")
    contains(r.visible_text(), "Adresse trop longue")
    r = c.get("/?q=" + "x" * 1500)
    eq(r.status, 414, "over-long query")
    r = c.get("/themes/%FF%FE")
    eq(r.status, 404, "percent-encoded junk in a slug")
    contains(r.visible_text(), "Page introuvable")
    r = c.post("/", {"a": "b"})
    eq(r.status, 405, "POST /")
    r = c.request("POST", "/healthz", body=b"a=b",
                  headers={"Content-Type": "application/x-www-form-urlencoded"})
    eq(r.status, 405, "urlencoded POST to a GET route")


@test
def security_headers_on_every_response():
    c = Client()
    for path in ["/", "/themes/ethique", "/inconnu", "/charte", "/static/agora.css",
                 "/api/v1/themes", "/export/contributions.csv", "/rapports/",
                 "/connexion", "/propositions/999999999"]:
        r = c.get(path)
        csp = r.header("content-security-policy") or ""
        contains(csp, "default-src 'none'", path)
        contains(csp, "frame-ancestors 'none'", path)
        lacks(csp, "unsafe-inline", path)
        eq(r.header("x-content-type-options"), "nosniff", path)
        eq(r.header("referrer-policy"), "same-origin", path)
        eq(r.header("strict-transport-security"), None, path + " (HSTS is nginx's)")


@test
def no_inline_script_or_style_and_no_third_party_request():
    for path in ["/", "/themes/ethique", "/charte", "/confidentialite", "/accessibilite"]:
        r = Client().get(path)
        lacks(r.text, "<script", path)
        lacks(r.text, "style=", path)
        lacks(r.text, "<style", path)
        for m in ["http://", "https://"]:
            for attr in ['src="' + m, 'href="' + m]:
                # links out are allowed in prose, but nothing is loaded from elsewhere
                if attr.startswith("src"):
                    lacks(r.text, attr, path)
        lacks(r.text, '<link rel="stylesheet" href="http', path)


@test
def footer_pages_exist():
    c = Client()
    home = c.get("/")
    for path, title in [("/charte", "Charte de modération"),
                        ("/confidentialite", "Données personnelles"),
                        ("/accessibilite", "Déclaration d'accessibilité")]:
        contains(home.text, 'href="%s"' % path)
        r = c.get(path)
        eq(r.status, 200, path)
        contains(r.visible_text(), title, path)


@test
def stylesheet_is_cacheable_and_revalidates():
    c = Client()
    home = c.get("/")
    import re
    href = re.search(r'<link rel="stylesheet" href="([^"]+)"', home.text).group(1)
    r = c.get(href.replace("&amp;", "&"))
    eq(r.status, 200, href)
    contains(r.header("content-type"), "text/css")
    etag = r.header("etag")
    r2 = c.get(href, headers={"If-None-Match": etag})
    eq(r2.status, 304, "If-None-Match")
    eq(c.get("/static/pages/charte.md").status, 404, "page sources are not served")
    eq(c.get("/static/../GNUmakefile").status, 404, "no path traversal")


@test
def healthz_answers_when_the_database_does():
    r = Client().get("/healthz")
    eq(r.status, 200, "/healthz")
    eq(r.text, "ok\n")


@test
def user_text_is_escaped_on_output():
    old = sql_value("SELECT title FROM themes WHERE slug = 'culture'")
    sql("UPDATE themes SET title = '<script>alert(1)</script> & \"x\" ''y''',"
        " body = 'Texte <img src=x onerror=alert(1)> [lien](javascript:alert(1))'"
        " WHERE slug = 'culture'")
    try:
        home = Client().get("/")
        lacks(home.text, "<script>alert(1)")
        contains(home.text, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;")
        page = Client().get("/themes/culture")
        lacks(page.text, "<script>alert(1)")
        lacks(page.text, "onerror=alert")
        lacks(page.text, "javascript:")
    finally:
        sql("UPDATE themes SET title = $q$%s$q$, body = 'Restauré' WHERE slug = 'culture'" % old)


@test
def missing_database_gives_503_not_a_crash():
    k = harness.Kore("nodb", port=harness.PORT + 1, env={
        "AGORA_DATABASE": "host=127.0.0.1 port=1 dbname=none user=none "
                          "sslmode=disable gssencmode=disable connect_timeout=2"})
    k.start()
    try:
        c = Client(port=k.port)
        for path in ["/", "/themes/ethique", "/healthz"]:
            r = c.get(path)
            eq(r.status, 503, path)
            contains(r.visible_text(), "Service momentanément indisponible", path)
            lacks(r.text, "PostgreSQL", path)
            lacks(r.text, "connection", path)
            eq(r.header("retry-after"), "60", path)
        # /charte reads the charter rules from the database (moderation)
        eq(c.get("/confidentialite").status, 200, "pages without the database still work")
        # A form with its idempotency key (its lookup, then a transaction)
        # gets the 503 too, and no worker dies (test_fault covers the
        # database going away between the session and the transaction).
        page = c.get("/connexion")
        if page.status == 200:
            key = re.search(r'name="envoi" value="([^"]+)"', page.text)
            assert key, "the sign-in form carries its key"
            for _ in range(3):
                r = c.post("/connexion", {"csrf": page.csrf(), "envoi": key.group(1),
                                          "courriel": "personne@exemple.fr",
                                          "mot_de_passe": "pas un mot de passe"})
                eq(r.status, 503, "a keyed POST without the database")
        else:
            eq(page.status, 503)
    finally:
        k.stop()
    eq(k.crashes(), [], "no worker died")
    lacks(k.log_text(), "sandbox violation", "kore log")
    contains(k.log_text(), "database unavailable", "kore log says why")


@test
def data_survives_a_restart_of_kore_and_postgresql():
    sql("UPDATE themes SET summary = 'Résumé modifié avant redémarrage' WHERE slug = 'sante'")
    harness.MAIN.stop()
    r = harness.devdb("restart")
    assert r.returncode == 0, r.stderr
    harness.MAIN = harness.Kore().start()
    r = Client().get("/themes/sante")
    eq(r.status, 200, "after restart")
    contains(r.visible_text(), "Résumé modifié avant redémarrage")
    eq(sql_value("SELECT count(*) FROM schema_migrations"),
       str(len([f for f in os.listdir(os.path.join(harness.ROOT, "migrations"))
                if re.match(r"^[0-9]{4}_.*\.sql$", f)])))


@test
def kore_recovers_when_postgresql_restarts_under_it():
    c = Client()
    eq(c.get("/").status, 200, "before")
    r = harness.devdb("restart")
    assert r.returncode == 0, r.stderr
    statuses = [c.get("/").status for _ in range(6)]
    for s in statuses:
        assert s in (200, 503), statuses
    eq(statuses[-1], 200, "after a few requests: %r" % statuses)


@test
def migrate_is_idempotent_and_status_reports():
    r = harness.agora("migrate")
    eq(r.returncode, 0, r.stderr)
    contains(r.stdout, "0 migration(s) applied")
    r = harness.agora("status")
    eq(r.returncode, 0, r.stderr)
    contains(r.stdout, "0001  0001_core.sql")
    contains(r.stdout, "themes")
    contains(r.stdout, "7")
    # What waits: a message the relay keeps refusing, an item in the queue.
    harness.sql("INSERT INTO outbox (recipient, subject, body, kind, attempts, last_error,"
                " next_attempt_at, created_at) VALUES ('statut@example.org', 's', 'b',"
                " 'test', 3, 'relay down', now() + interval '1 day',"
                " now() - interval '2 hours')")
    r = harness.agora("status")
    eq(r.returncode, 0, r.stderr)
    failing = int(re.search(r"^mail failing +(\d+)$", r.stdout, re.M).group(1))
    assert failing >= 1, r.stdout
    oldest = int(re.search(r"^mail oldest +(\d+) min$", r.stdout, re.M).group(1))
    assert oldest >= 120, r.stdout
    assert re.search(r"^queue waiting +\d+$", r.stdout, re.M), r.stdout
    assert re.search(r"^reports stale +\d+$", r.stdout, re.M), r.stdout
    harness.sql("UPDATE outbox SET sent_at = now() WHERE recipient = 'statut@example.org'")


@test
def a_failing_migration_is_rolled_back_and_named():
    d = tempfile.mkdtemp(prefix="agora-mig-")
    try:
        # functions/ too: migrate --dir applies DIR/functions/ after the files.
        shutil.copytree(os.path.join(harness.ROOT, "migrations"), d, dirs_exist_ok=True)
        with open(os.path.join(d, "9990_good.sql"), "w") as f:
            f.write("CREATE TABLE e2e_good (x int);\n")
        with open(os.path.join(d, "9991_broken.sql"), "w") as f:
            f.write("CREATE TABLE e2e_half (x int);\nINSERT INTO e2e_half VALUES (1);\n"
                    "SELECT * FROM table_that_does_not_exist;\n")
        with open(os.path.join(d, "9992_after.sql"), "w") as f:
            f.write("CREATE TABLE e2e_after (x int);\n")
        r = harness.agora("migrate", "--dir", d)
        assert r.returncode != 0, "migrate should fail"
        contains(r.stderr, "9991_broken.sql")
        contains(r.stderr, "table_that_does_not_exist")
        eq(sql_value("SELECT to_regclass('e2e_good') IS NOT NULL"), "t", "earlier file kept")
        eq(sql_value("SELECT to_regclass('e2e_half') IS NULL"), "t", "failing file rolled back")
        eq(sql_value("SELECT to_regclass('e2e_after') IS NULL"), "t", "later file not run")
        eq(sql_value("SELECT count(*) FROM schema_migrations WHERE version IN ('9991', '9992')"), "0")
    finally:
        shutil.rmtree(d)
        sql("DROP TABLE IF EXISTS e2e_good; DELETE FROM schema_migrations WHERE version = '9990'")


@test
def head_requests_work():
    r = Client().request("HEAD", "/")
    eq(r.status, 200, "HEAD /")
    eq(r.body, b"")


@test
def a_session_cookie_identifies_the_person_and_a_forged_one_is_dropped():
    c, uid = harness.signed_in(name="Camille Test")
    r = c.get("/")
    contains(r.visible_text(), "Mon compte (Camille Test)")
    contains(r.text, 'action="/deconnexion"')
    eq(r.header("cache-control"), "private, no-store", "personal pages are not cached")
    forged = Client()
    forged.cookies["agora_sid"] = "A" * 43
    r = forged.get("/")
    eq(r.status, 200, "forged cookie")
    contains(r.visible_text(), "Se connecter")
    assert "agora_sid" not in forged.cookies, "the stale cookie is cleared"
    sql("UPDATE sessions SET last_seen_at = now() - interval '1 day' WHERE user_id = %d" % uid)
    contains(c.get("/").visible_text(), "Se connecter")


@test
def production_config_runs_chrooted_and_unprivileged():
    """conf/production/kore.conf with the test's port, database and paths:
    workers chroot into an empty folder and drop to nobody, and still serve."""
    import re
    import subprocess
    if os.geteuid() != 0:
        return  # chroot and runas need root; CI runs as root
    root = os.path.join(harness.TEST_DIR, "chroot")
    os.makedirs(root, exist_ok=True)
    # export_dir (/tmp by default) inside the chroot, as the README asks.
    os.makedirs(os.path.join(root, "tmp"), exist_ok=True)
    os.chmod(os.path.join(root, "tmp"), 0o1777)
    with open(os.path.join(harness.ROOT, "conf", "production", "kore.conf")) as f:
        conf = f.read()
    port = harness.PORT + 2
    conf = re.sub(r"bind\s+127\.0\.0\.1\s+\d+", "bind 127.0.0.1 %d" % port, conf)
    conf = conf.replace("/usr/lib/agora/agora.so", os.path.join(harness.ROOT, "build", "agora.so"))
    conf = conf.replace("/srv/agora", root).replace("runas\t\tagora", "runas\t\tnobody")
    conf = conf.replace("/run/agora/kore.pid", os.path.join(harness.TEST_DIR, "kore-prod.pid"))
    conf = conf.replace("/etc/agora/routes.conf", os.path.join(harness.ROOT, "conf", "routes.conf"))
    conf = re.sub(r"workers\s+4", "workers 1", conf)
    path = os.path.join(harness.TEST_DIR, "kore-prod.conf")
    with open(path, "w") as f:
        f.write(conf)
    assert "runas\t\tnobody" in conf and root in conf
    env = dict(os.environ, AGORA_CONFIG=harness.CONFIG)
    log = open(os.path.join(harness.TEST_DIR, "kore-prod.log"), "w")
    p = subprocess.Popen(["stdbuf", "-oL", "kore", "-f", "-c", path], cwd=harness.ROOT,
                         env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        c = Client(port=port)
        for _ in range(100):
            try:
                r = c.get("/")
                break
            except OSError:
                time.sleep(0.1)
        eq(r.status, 200, "home page from a chrooted worker")
        contains(r.visible_text(), "Les 7 enjeux")
        eq(c.get("/healthz").status, 200, "database reachable from the chroot")
        # The export runs in a kore task with its own connection and COPY.
        r = c.get("/export/contributions.csv")
        eq(r.status, 200, "open-data export from a chrooted worker")
        assert r.body.startswith(b"id,consultation,theme,"), r.body[:80]
        # The moderation log's key (read by the parent before the chroot)
        # and its open-data file (a task with its own connection).
        contains(c.get("/export/journal-moderation/cle-publique.pem").text,
                 "BEGIN PUBLIC KEY", "the log's public key from the chroot")
        r = c.get("/export/journal-moderation.json")
        eq(r.status, 200, "the moderation log from a chrooted worker")
        assert r.body.startswith(b"["), r.body[:80]
        out = subprocess.run(["ps", "-o", "user=,args=", "--ppid", str(p.pid)],
                             capture_output=True, text=True).stdout
        contains(out, "nobody", "workers run unprivileged")
        pids = subprocess.run(["pgrep", "-P", str(p.pid)], capture_output=True,
                              text=True).stdout.split()
        assert pids, "no worker process"
        eq(os.readlink("/proc/%s/root" % pids[0]), root, "worker's root directory")
    finally:
        p.terminate()
        p.wait(15)
    with open(os.path.join(harness.TEST_DIR, "kore-prod.log")) as f:
        text = f.read()
    lacks(text, "sandbox violation", "production kore log")
    lacks(text, "held in memory", "export written under the chroot's /tmp")


@test
def make_run_script_serves_and_ctrl_c_stops_kore_and_postgresql():
    """conf/devrun.sh is what `make run` ends with: kore in the foreground.
    Ctrl-C (SIGINT to the process group) stops kore, then PostgreSQL."""
    import signal
    import subprocess
    port = harness.PORT + 3
    env = dict(os.environ, HTTP_PORT=str(port), AGORA_CONFIG=harness.CONFIG)
    log = open(os.path.join(harness.TEST_DIR, "devrun.log"), "w")
    p = subprocess.Popen(["sh", "conf/devrun.sh"], cwd=harness.ROOT, env=env, stdout=log,
                         stderr=subprocess.STDOUT, start_new_session=True)
    try:
        r = None
        for _ in range(100):
            try:
                r = Client(port=port).get("/")
                break
            except OSError:
                time.sleep(0.1)
        assert r is not None, "devrun.sh did not serve"
        eq(r.status, 200, "make run serves /")
        contains(r.visible_text(), "Les 7 enjeux")
        os.killpg(p.pid, signal.SIGINT)
        p.wait(30)
        with open(os.path.join(harness.TEST_DIR, "devrun.log")) as f:
            out = f.read()
        contains(out, "goodbye", "kore shut down gracefully")
        contains(out, "Agora stopped.")
        contains(harness.devdb("status").stdout, "stopped", "PostgreSQL stopped")
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
        assert harness.devdb("start").returncode == 0
    # The test's own kore lost its connections: it must recover.
    for _ in range(5):
        if Client().get("/").status == 200:
            break
    eq(Client().get("/").status, 200, "the main kore recovers")


@test
def a_failing_query_gives_the_french_500_without_database_text():
    sql("ALTER FUNCTION fr_date(timestamptz) RENAME TO fr_date_hidden")
    try:
        r = Client().get("/")
        eq(r.status, 500, "query error")
        contains(r.visible_text(), "Erreur interne")
        lacks(r.text, "fr_date")
        lacks(r.text, "ERROR")
        lacks(r.text, "does not exist")
    finally:
        sql("ALTER FUNCTION fr_date_hidden(timestamptz) RENAME TO fr_date")
    eq(Client().get("/").status, 200, "back to normal")
    contains(harness.MAIN.log_text(), "fr_date", "the log says what failed")
