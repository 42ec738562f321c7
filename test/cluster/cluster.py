# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Agora on several machines, on loopback (issue 18, item 3): under
var/cluster/, a PostgreSQL primary and a streaming replica (Debian's
postgresql-15, pg_basebackup, physical replication, synchronous), two kore
hosts serving build/agora.so on their own ports with their own settings,
and Debian's nginx in front (least_conn, passive health checks, retries of
idempotent requests only).

    python3 test/cluster/cluster.py start | stop | status

Ports (all on 127.0.0.1): CLUSTER_PG_PORT (PG_PORT + 1) the primary, + 1
the replica; CLUSTER_PORT (TEST_HTTP_PORT + 80) nginx, + 1 and + 2 the kore
hosts A and B. With CLUSTER_PGBOUNCER=1 (run.py --pgbouncer), a pgbouncer
beside each server, on CLUSTER_PG_PORT + 3 and + 4 (conf/production/
pgbouncer.ini with these ports and paths), and the kore hosts' database
string lists the pgbouncers instead of the servers. Standard library only."""

import hashlib
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
VAR = os.path.join(ROOT, "var", "cluster")
PGBIN = "/usr/lib/postgresql/15/bin"
BUILD = os.environ.get("AGORA_BUILD", "build")
PG_PORT = int(os.environ.get("CLUSTER_PG_PORT",
                             int(os.environ.get("PG_PORT", "25432")) + 1))
HTTP = int(os.environ.get("CLUSTER_PORT",
                          int(os.environ.get("TEST_HTTP_PORT", "8898")) + 80))
PGB_PORT = int(os.environ.get("CLUSTER_PGB_PORT", PG_PORT + 3))
PGBOUNCER = os.environ.get("CLUSTER_PGBOUNCER") == "1"
DB = "agora"
SYSUSER = os.environ.get("AGORA_PG_SYSTEM_USER", "postgres")
# The replica's name in the primary's synchronous_standby_names.
REPLICA_NAME = "agora_replica"


def log(msg):
    print("cluster: " + msg, flush=True)


def port_free(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return False
    except OSError:
        return True


def as_owner(args, check=True):
    """Runs a PostgreSQL program as the system user when run as root
    (PostgreSQL refuses to run as root)."""
    if os.geteuid() == 0:
        args = ["runuser", "-u", SYSUSER, "--"] + args
    r = subprocess.run(args, capture_output=True, text=True, cwd="/")
    if check and r.returncode != 0:
        raise RuntimeError("%s: %s%s" % (" ".join(args), r.stdout, r.stderr))
    return r


def pg_root():
    """var/cluster/pg, writable by the system user; when that user cannot
    enter the checkout (a private clone), a folder of /var/lib/agora-dev
    linked from there, as conf/devdb.sh does."""
    link = os.path.join(VAR, "pg")
    if os.path.exists(link):
        return os.path.realpath(link)
    if os.path.islink(link):
        os.unlink(link)    # its folder was removed by hand
    os.makedirs(link)
    if os.geteuid() == 0:
        shutil.chown(link, SYSUSER)
        if as_owner(["test", "-w", link], check=False).returncode != 0:
            os.rmdir(link)
            alt = "/var/lib/agora-dev/cluster-" + \
                hashlib.sha256(ROOT.encode()).hexdigest()[:16]
            os.makedirs(alt, exist_ok=True)
            shutil.chown(alt, SYSUSER)
            os.chmod(alt, 0o700)
            os.symlink(alt, link)
    return os.path.realpath(link)


def psql(port, query, db=DB):
    """SQL as the superuser on one server; rows as lists of strings."""
    r = subprocess.run(
        ["psql", "-X", "-q", "-tA", "-F", "\t", "-v", "ON_ERROR_STOP=1",
         "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", db, "-c", query],
        capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError("SQL on %d failed: %s\n%s" % (port, query, r.stderr))
    return [line.split("\t") for line in r.stdout.splitlines() if line != ""]


# ---------------------------------------------------------------- PostgreSQL

class Pg:
    """One PostgreSQL server of the cluster: "a" (the first primary) or "b"
    (the first replica)."""

    def __init__(self, name, port):
        self.name, self.port = name, port
        self.dir = os.path.join(pg_root(), name)
        self.data = os.path.join(self.dir, "data")
        self.log = os.path.join(self.dir, "log")

    def options(self, primary):
        o = ["-p %d" % self.port, "-k '%s'" % self.dir,
             "-c listen_addresses=127.0.0.1", "-c max_connections=100",
             "-c shared_buffers=64MB", "-c max_wal_senders=5",
             "-c wal_keep_size=256MB", "-c hot_standby=on",
             "-c hot_standby_feedback=on"]
        return " ".join(o)

    def running(self):
        return as_owner([PGBIN + "/pg_ctl", "-D", self.data, "status"],
                        check=False).returncode == 0

    def start(self, primary):
        if not port_free(self.port):
            raise RuntimeError("port %d is taken: stop what listens there" % self.port)
        r = as_owner([PGBIN + "/pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60",
                      "-o", self.options(primary), "start"], check=False)
        if r.returncode != 0:
            raise RuntimeError("PostgreSQL %s did not start: %s" % (self.name, self.tail()))

    def stop(self, mode="fast"):
        if os.path.exists(os.path.join(self.data, "postmaster.pid")) and self.running():
            as_owner([PGBIN + "/pg_ctl", "-D", self.data, "-m", mode, "-w", "stop"],
                     check=False)

    def promote(self):
        as_owner([PGBIN + "/pg_ctl", "-D", self.data, "-w", "-t", "60", "promote"])

    def tail(self):
        try:
            with open(self.log, errors="replace") as f:
                return f.read()[-1500:]
        except OSError:
            return ""

    def sql(self, query, db=DB):
        return psql(self.port, query, db)

    def value(self, query, db=DB):
        rows = self.sql(query, db)
        return rows[0][0] if rows else None


def make_primary(a):
    os.makedirs(a.dir, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(a.dir, SYSUSER)
    as_owner([PGBIN + "/initdb", "-D", a.data, "-A", "trust", "-U", "postgres",
              "-E", "UTF8", "--locale=C.UTF-8"])
    a.start(primary=True)
    for role in ("agora_owner", "agora"):
        a.sql("CREATE ROLE %s LOGIN" % role, db="postgres")
    a.sql("CREATE DATABASE %s OWNER agora_owner" % DB, db="postgres")
    a.sql("SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS unaccent;"
          " CREATE EXTENSION IF NOT EXISTS pg_trgm")


def make_replica(a, b):
    """pg_basebackup of the running primary, then started as its standby
    (standby.signal, primary_conninfo naming it for the synchronous list)."""
    os.makedirs(b.dir, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(b.dir, SYSUSER)
    if a.value("SELECT count(*) FROM pg_replication_slots WHERE slot_name = '%s'"
               % REPLICA_NAME, db="postgres") == "0":
        a.sql("SELECT pg_create_physical_replication_slot('%s')" % REPLICA_NAME,
              db="postgres")
    as_owner([PGBIN + "/pg_basebackup", "-h", "127.0.0.1", "-p", str(a.port), "-U",
              "postgres", "-D", b.data, "-X", "stream", "-S", REPLICA_NAME, "-R",
              "-c", "fast"])
    auto = os.path.join(b.data, "postgresql.auto.conf")
    with open(auto, "a") as f:
        f.write("primary_conninfo = 'host=127.0.0.1 port=%d user=postgres "
                "application_name=%s'\nprimary_slot_name = '%s'\n"
                # No synchronous standby of its own, or its first write
                # after promotion would wait for one forever.
                "synchronous_standby_names = ''\n"
                % (a.port, REPLICA_NAME, REPLICA_NAME))
    b.start(primary=False)
    # From now on a vote is acknowledged once the replica has it on disk
    # too (synchronous_commit = on, the default): promoting the replica
    # loses no acknowledged vote. The price: a write waits for the
    # replica's flush, and stops while no synchronous replica answers
    # (production has two, "ANY 1", or Patroni's synchronous_mode).
    a.sql("ALTER SYSTEM SET synchronous_standby_names = 'FIRST 1 (%s)'" % REPLICA_NAME,
          db="postgres")
    a.sql("SELECT pg_reload_conf()", db="postgres")


def rebuild_as_replica(primary, old):
    """The old primary, stopped, becomes the new primary's synchronous
    replica: a fresh pg_basebackup (pg_rewind would copy less)."""
    old.stop("immediate")
    shutil.rmtree(old.data)
    make_replica(primary, old)
    wait_sync(primary)


def wait_sync(a, timeout=30):
    """Until the primary counts the replica as its synchronous standby."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if a.value("SELECT sync_state FROM pg_stat_replication WHERE application_name"
                   " = '%s'" % REPLICA_NAME, db="postgres") == "sync":
            return
        time.sleep(0.1)
    raise RuntimeError("the replica never became synchronous")


def wait_replayed(b, timeout=30):
    """Until the replica has applied everything it received."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if b.value("SELECT pg_last_wal_receive_lsn() IS NULL OR pg_last_wal_receive_lsn()"
                   " <= pg_last_wal_replay_lsn()", db="postgres") == "t":
            return
        time.sleep(0.05)
    raise RuntimeError("the replica did not catch up")


# ---------------------------------------------------------------- pgbouncer

class Pgbouncer:
    """pgbouncer beside one server ("a" or "b"): conf/production/
    pgbouncer.ini on loopback, trust authentication (the test's servers
    trust loopback too), run by the system user under var/cluster/pg."""

    def __init__(self, name, port, server_port):
        self.name, self.port, self.server_port = name, port, server_port
        self.dir = os.path.join(pg_root(), "pgbouncer-" + name)
        self.ini = os.path.join(self.dir, "pgbouncer.ini")
        self.log = os.path.join(self.dir, "pgbouncer.log")
        self.pidfile = os.path.join(self.dir, "pgbouncer.pid")

    def conf(self):
        with open(os.path.join(ROOT, "conf", "production", "pgbouncer.ini")) as f:
            text = f.read()
        subs = ((r"(?m)^agora = host=\S+ port=\d+",
                 "agora = host=127.0.0.1 port=%d" % self.server_port),
                (r"(?m)^listen_addr = \S+", "listen_addr = 127.0.0.1"),
                (r"(?m)^listen_port = \d+", "listen_port = %d" % self.port),
                (r"(?m)^auth_type = \S+", "auth_type = trust"),
                (r"(?m)^auth_file = \S+",
                 "auth_file = %s\nlogfile = %s\npidfile = %s\nunix_socket_dir ="
                 % (os.path.join(self.dir, "userlist.txt"), self.log, self.pidfile)),
                # Asserted present: the failover depends on them.
                (r"(?m)^query_wait_timeout = 10$", "query_wait_timeout = 10"),
                (r"(?m)^server_connect_timeout = 3$", "server_connect_timeout = 3"))
        for pattern, repl in subs:
            text, n = re.subn(pattern, repl, text)
            assert n == 1, "pgbouncer.ini: %s not found" % pattern
        return text

    def start(self):
        if not port_free(self.port):
            raise RuntimeError("port %d is taken: stop what listens there" % self.port)
        os.makedirs(self.dir, exist_ok=True)
        with open(self.ini, "w") as f:
            f.write(self.conf())
        with open(os.path.join(self.dir, "userlist.txt"), "w") as f:
            f.write('"agora" ""\n')
        if os.geteuid() == 0:
            for p in (self.dir, self.ini, os.path.join(self.dir, "userlist.txt")):
                shutil.chown(p, SYSUSER)
        as_owner(["pgbouncer", "-d", "-q", self.ini])
        deadline = time.time() + 10
        while time.time() < deadline:
            if not port_free(self.port):
                return self
            time.sleep(0.05)
        raise RuntimeError("pgbouncer %s did not listen on %d" % (self.name, self.port))

    def stop(self, sig=signal.SIGTERM):
        """SIGTERM: closes every client at once; SIGKILL: the machine lost."""
        try:
            with open(self.pidfile) as f:
                pid = int(f.read())
            os.kill(pid, sig)
        except (OSError, ValueError):
            return
        # Until its port is closed: a daemon's zombie may wait a while to
        # be reaped; its pid file would then stop the next start.
        deadline = time.time() + 10
        while time.time() < deadline and not port_free(self.port):
            time.sleep(0.02)
        try:
            os.unlink(self.pidfile)
        except OSError:
            pass


# ---------------------------------------------------------------- kore

def dsn(user, ports):
    """libpq's multi-host connection string: the first of ports that takes
    writes (target_session_attrs=read-write), so a promoted replica is
    found without restarting kore (kore 4.1 hands the string to
    PQconnectdb as it is). Numeric hosts: kore's seccomp filter kills a
    worker that resolves a name."""
    return ("host=%s port=%s dbname=%s user=%s target_session_attrs=read-write"
            " connect_timeout=2 sslmode=disable gssencmode=disable"
            % (",".join("127.0.0.1" for _ in ports), ",".join(map(str, ports)), DB, user))


def settings(path, ports, owner_ports=None):
    """ports: where the kore hosts' database goes (the servers, or the
    pgbouncers); owner_ports: the servers (owner_database never goes
    through pgbouncer: agora migrate holds a session advisory lock)."""
    with open(path, "w") as f:
        f.write("""# Written by test/cluster/cluster.py: one file for every kore host.
database = %s
owner_database = %s
# Every host must share the secret (CSRF tokens, pseudonyms) and the key.
secret_file = %s
log_signing_key = %s
cookie_secure = 0
base_url = http://127.0.0.1:%d
mail_dir = %s
trust_proxy = 1
password_scrypt_ln = 10
""" % (dsn("agora", ports), dsn("agora_owner", owner_ports or ports),
            os.path.join(ROOT, "var", "secret"),
            os.path.join(ROOT, "var", "log-signing-key.pem"), HTTP,
            os.path.join(VAR, "mail")))


class Kore:
    """One kore host: conf/agora.conf with its port, pid file, one worker."""

    def __init__(self, name, port):
        self.name, self.port = name, port
        self.conf = os.path.join(VAR, "kore-%s.conf" % name)
        self.log = os.path.join(VAR, "kore-%s.log" % name)
        self.pidfile = os.path.join(VAR, "kore-%s.pid" % name)
        self.proc = None

    def write_conf(self):
        with open(os.path.join(ROOT, "conf", "agora.conf")) as f:
            text = f.read()
        text = re.sub(r"bind\s+127\.0\.0\.1\s+\d+", "bind 127.0.0.1 %d" % self.port, text)
        text = re.sub(r"pidfile\s+\S+", "pidfile %s" % self.pidfile, text)
        text = re.sub(r"\nworkers\s+\d+", "\nworkers 1", text)
        text = text.replace("./build/agora.so", "./%s/agora.so" % BUILD)
        with open(self.conf, "w") as f:
            f.write(text)

    def start(self):
        if not port_free(self.port):
            raise RuntimeError("port %d is taken: stop what listens there" % self.port)
        self.write_conf()
        env = dict(os.environ, AGORA_CONFIG=os.path.join(VAR, "agora.ini"))
        logf = open(self.log, "a")
        self.proc = subprocess.Popen(
            ["stdbuf", "-oL", "kore", "-f", "-n", "-r", "-c", self.conf],
            cwd=ROOT, env=env, stdout=logf, stderr=subprocess.STDOUT,
            start_new_session=True)
        with open(self.pidfile + ".group", "w") as f:
            f.write("%d\n" % self.proc.pid)
        deadline = time.time() + 20
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("kore %s exited: %s" % (self.name, self.log_tail()))
            if get_status(self.port, "/healthz") == 200:
                return self
            time.sleep(0.1)
        raise RuntimeError("kore %s did not answer on %d" % (self.name, self.port))

    def kill(self, sig=signal.SIGKILL):
        """The whole host at once (parent and workers), as a machine lost."""
        kill_group(self.pidfile + ".group", sig)
        if self.proc:
            self.proc.wait(15)
        self.proc = None

    def log_tail(self):
        try:
            with open(self.log, errors="replace") as f:
                return f.read()[-2000:]
        except OSError:
            return ""


def kill_group(groupfile, sig):
    try:
        with open(groupfile) as f:
            pid = int(f.read())
    except (OSError, ValueError):
        return
    try:
        os.killpg(pid, sig)
        if sig == signal.SIGTERM:
            deadline = time.time() + 10
            while time.time() < deadline:
                reap(pid)
                os.killpg(pid, 0)
                time.sleep(0.1)
            os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        os.unlink(groupfile)
    except OSError:
        pass


def reap(pid):
    """Collects pid if it is a child of this process (a zombie still
    counts as a member of its group)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def get_status(port, path):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=3)
        c.request("GET", path)
        r = c.getresponse()
        r.read()
        c.close()
        return r.status
    except OSError:
        return None


# ---------------------------------------------------------------- nginx

def nginx_conf(kore_ports):
    """conf/production/nginx-cluster.conf with this machine's ports and
    paths, inside a minimal main configuration."""
    with open(os.path.join(ROOT, "conf", "production", "nginx-cluster.conf")) as f:
        site = f.read()
    servers = "".join("\tserver 127.0.0.1:%d max_fails=1 fail_timeout=5s;\n" % p
                      for p in kore_ports)
    site = re.sub(r"(?m)^\tserver 10\.0\.0\.\d+:8889[^\n]*\n", "", site)
    site = site.replace("\t# kore hosts\n", "\t# kore hosts\n" + servers)
    site = site.replace("listen 80;", "listen 127.0.0.1:%d;" % HTTP)
    site = site.replace("root /usr/share/agora;",
                        "root %s;" % os.path.join(ROOT, "conf", "production"))
    assert "10.0.0." not in site, "an address left unchanged"
    d = os.path.join(VAR, "nginx")
    temps = "".join("%s_temp_path %s;\n" % (t, os.path.join(d, t))
                    for t in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return ("%sworker_processes 1;\npid %s;\nerror_log %s warn;\n"
            "events { worker_connections 512; }\n"
            "http {\ninclude /etc/nginx/mime.types;\n"
            "log_format up '$request $status $upstream_addr $upstream_status';\n"
            "access_log %s up;\n%s%s\n}\n"
            % ("user root;\n" if os.geteuid() == 0 else "",
               os.path.join(d, "nginx.pid"), os.path.join(d, "error.log"),
               os.path.join(d, "access.log"), temps, site))


def start_nginx(kore_ports):
    d = os.path.join(VAR, "nginx")
    os.makedirs(d, exist_ok=True)
    if not port_free(HTTP):
        raise RuntimeError("port %d is taken: stop what listens there" % HTTP)
    main = os.path.join(d, "nginx.conf")
    with open(main, "w") as f:
        f.write(nginx_conf(kore_ports))
    r = subprocess.run(["nginx", "-t", "-c", main, "-p", d], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("nginx -t: " + r.stderr)
    subprocess.run(["nginx", "-c", main, "-p", d], check=True)
    deadline = time.time() + 10
    while time.time() < deadline:
        if not port_free(HTTP):
            return
        time.sleep(0.1)
    raise RuntimeError("nginx did not listen on %d" % HTTP)


def stop_nginx():
    pidfile = os.path.join(VAR, "nginx", "nginx.pid")
    try:
        with open(pidfile) as f:
            pid = int(f.read())
        os.kill(pid, signal.SIGQUIT)
        deadline = time.time() + 10
        while time.time() < deadline and os.path.exists("/proc/%d" % pid):
            time.sleep(0.1)
    except (OSError, ValueError):
        pass


# ---------------------------------------------------------------- the whole

class Cluster:
    def __init__(self):
        self.a = Pg("a", PG_PORT)
        self.b = Pg("b", PG_PORT + 1)
        self.hosts = [Kore("a", HTTP + 1), Kore("b", HTTP + 2)]
        self.bouncers = [Pgbouncer("a", PGB_PORT, self.a.port),
                         Pgbouncer("b", PGB_PORT + 1, self.b.port)] if PGBOUNCER else []
        self.nginx_port = HTTP
        self.primary = self.a

    def replica(self):
        return self.b if self.primary is self.a else self.a

    def bouncer_of(self, pg):
        return self.bouncers[0 if pg is self.a else 1]

    def preflight(self):
        """What would stop the cluster, said before doing anything long."""
        missing = [p for p in (PGBIN + "/initdb", PGBIN + "/pg_basebackup",
                               *([shutil.which("pgbouncer") or "pgbouncer"]
                                 if PGBOUNCER else []),
                               shutil.which("nginx") or "nginx", shutil.which("kore") or "kore",
                               os.path.join(ROOT, BUILD, "agora.so"),
                               os.path.join(ROOT, BUILD, "agora"),
                               os.path.join(ROOT, "var", "secret"))
                   if not os.path.exists(p)]
        if missing:
            raise RuntimeError("missing: %s (make deps all var/secret)" % ", ".join(missing))
        taken = [p for p in (PG_PORT, PG_PORT + 1, HTTP, HTTP + 1, HTTP + 2)
                 + tuple(b.port for b in self.bouncers) if not port_free(p)]
        if taken:
            raise RuntimeError("ports taken: %s (make cluster-stop, or set CLUSTER_PG_PORT /"
                               " CLUSTER_PORT)" % ", ".join(map(str, taken)))
        st = os.statvfs(os.path.dirname(VAR))
        if st.f_bavail * st.f_frsize < 500 * 1024 * 1024:
            raise RuntimeError("less than 500 MB free under var/")

    def start(self):
        self.preflight()
        if os.path.exists(VAR):
            stop_all()
            shutil.rmtree(os.path.realpath(os.path.join(VAR, "pg")), ignore_errors=True)
            shutil.rmtree(VAR, ignore_errors=True)
        os.makedirs(os.path.join(VAR, "mail"))
        # The servers' folder again, and in a private clone its link to
        # /var/lib/agora-dev: without the link, stop_all() found no
        # servers and left the promoted replica running (its port then
        # refused the next run: the second fresh-clone run of 2 December).
        root = pg_root()
        assert os.path.dirname(self.a.dir) == root, (self.a.dir, root)
        t0 = time.time()
        make_primary(self.a)
        servers = [self.a.port, self.b.port]
        settings(os.path.join(VAR, "agora.ini"), servers)
        r = subprocess.run([os.path.join(ROOT, BUILD, "agora"), "migrate"], cwd=ROOT,
                           env=dict(os.environ, AGORA_CONFIG=os.path.join(VAR, "agora.ini")),
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError("agora migrate: " + r.stdout + r.stderr)
        make_replica(self.a, self.b)
        wait_sync(self.a)
        if self.bouncers:
            for b in self.bouncers:
                b.start()
            settings(os.path.join(VAR, "agora.ini"), [b.port for b in self.bouncers], servers)
        for h in self.hosts:
            h.start()
        start_nginx([h.port for h in self.hosts])
        log("up in %.1f s: nginx :%d, kore :%d :%d, primary :%d, replica :%d%s"
            % (time.time() - t0, HTTP, HTTP + 1, HTTP + 2, self.a.port, self.b.port,
               "".join(", pgbouncer %s :%d" % (b.name, b.port) for b in self.bouncers)))
        return self


def stop_all():
    """Everything under var/cluster/, whatever state a test left it in."""
    stop_nginx()
    for name in ("a", "b"):
        kill_group(os.path.join(VAR, "kore-%s.pid.group" % name), signal.SIGTERM)
    if os.path.exists(os.path.join(VAR, "pg")):
        for name, port in (("a", PG_PORT), ("b", PG_PORT + 1)):
            Pgbouncer(name, PGB_PORT + port - PG_PORT, port).stop()
            Pg(name, port).stop("immediate")


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "start":
        Cluster().start()
    elif cmd == "stop":
        stop_all()
        log("stopped")
    elif cmd == "status":
        for name, port in (("primary a", PG_PORT), ("replica b", PG_PORT + 1),
                           ("nginx", HTTP), ("kore a", HTTP + 1), ("kore b", HTTP + 2),
                           ("pgbouncer a", PGB_PORT), ("pgbouncer b", PGB_PORT + 1)):
            print("%-12s :%d %s" % (name, port, "down" if port_free(port) else "up"))
    else:
        print("usage: cluster.py start|stop|status", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
