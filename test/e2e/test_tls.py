# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""TLS in front of kore, as in production (issue 14): Debian's nginx on
loopback with conf/production/nginx-agora.conf (only its paths, ports and
certificate changed) and a throwaway certificate from openssl, proxying to
the test kore. Checked: the handshake, TLS 1.2 and 1.3 only (sslscan),
HTTP/2, HSTS and the security headers on kore's pages and on nginx's own,
HTTP sent to HTTPS, and the requests kore would answer with an empty page
(item 7) answered by nginx with its French pages instead."""

import os
import re
import shutil
import socket
import ssl
import subprocess
import time

import harness
from harness import contains, eq, test

TLS_PORT = harness.EXTRA_PORT + 2
HTTP_PORT = harness.EXTRA_PORT + 3
D = os.path.join(harness.TEST_DIR, "nginx")


def certificate():
    cert, key = os.path.join(D, "cert.pem"), os.path.join(D, "key.pem")
    r = subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                        "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                        "-keyout", key, "-out", cert], capture_output=True, text=True)
    eq(r.returncode, 0, r.stderr)
    return cert, key


def site_conf(cert, key):
    """The production site, with this machine's paths and ports."""
    with open(os.path.join(harness.ROOT, "conf", "production", "nginx-agora.conf")) as f:
        s = f.read()
    s = re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", s)
    s = s.replace("listen 80;", "listen 127.0.0.1:%d;" % HTTP_PORT)
    s = s.replace("listen 443 ssl http2;", "listen 127.0.0.1:%d ssl http2;" % TLS_PORT)
    s = s.replace("server 127.0.0.1:8889;", "server 127.0.0.1:%d;" % harness.PORT)
    s = s.replace("/etc/ssl/agora/fullchain.pem", cert).replace("/etc/ssl/agora/privkey.pem", key)
    s = s.replace("/var/cache/nginx/agora-export", os.path.join(D, "cache"))
    s = s.replace("root /usr/share/agora;", "root %s;" % os.path.join(harness.ROOT, "conf",
                                                                      "production"))
    assert "8889" not in s and "/etc/ssl" not in s, "a path or port left unchanged"
    return s


class Nginx:
    def __init__(self):
        if os.path.isdir(D):
            shutil.rmtree(D)
        os.makedirs(os.path.join(D, "cache"))
        os.chmod(D, 0o777)
        cert, key = certificate()
        self.cert = cert
        main = os.path.join(D, "nginx.conf")
        temps = "".join("%s_temp_path %s;\n" % (t, os.path.join(D, t))
                        for t in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        with open(main, "w") as f:
            # Workers as the test's own user: the site's root (the French
            # error pages) sits in the checkout, which may be private to
            # it (CI's clone is mode 700), where nginx's default "nobody"
            # would get 403 instead of the page.
            if os.geteuid() == 0:
                f.write("user root;\n")
            f.write("worker_processes 1;\npid %s;\nerror_log %s warn;\n"
                    "events { worker_connections 256; }\n"
                    "http {\ninclude /etc/nginx/mime.types;\naccess_log off;\n%s%s\n}\n"
                    % (os.path.join(D, "nginx.pid"), os.path.join(D, "error.log"),
                       temps, site_conf(cert, key)))
        r = subprocess.run(["nginx", "-t", "-c", main, "-p", D], capture_output=True, text=True)
        eq(r.returncode, 0, "nginx -t: " + r.stderr)
        self.proc = subprocess.Popen(["nginx", "-c", main, "-p", D, "-g", "daemon off;"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", TLS_PORT), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("nginx did not listen on %d" % TLS_PORT)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)


def tls_context(cert, **kw):
    ctx = ssl.create_default_context(cafile=cert)
    for k, v in kw.items():
        setattr(ctx, k, v)
    return ctx


def raw(cert, request, alpn=None):
    """Sends request bytes over TLS; returns (status, headers, body)."""
    ctx = tls_context(cert)
    if alpn:
        ctx.set_alpn_protocols(alpn)
    with socket.create_connection(("127.0.0.1", TLS_PORT), timeout=10) as s:
        with ctx.wrap_socket(s, server_hostname="127.0.0.1") as t:
            if alpn:
                return t.selected_alpn_protocol(), t.version()
            t.sendall(request)
            data = b""
            while True:
                chunk = t.recv(65536)
                if not chunk:
                    break
                data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for l in lines[1:]:
        k, _, v = l.partition(":")
        headers.setdefault(k.strip().lower(), []).append(v.strip())
    return status, headers, body.decode("utf-8", "replace")


def get(cert, method, path, extra="", body=b""):
    req = ("%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n%s\r\n"
           % (method, path, extra)).encode() + body
    return raw(cert, req)


SECURITY = ("content-security-policy", "x-content-type-options", "referrer-policy",
            "strict-transport-security")


def has_security_headers(headers, what):
    for h in SECURITY:
        assert h in headers, "%s: no %s header (%s)" % (what, h, sorted(headers))
    m = re.search(r"max-age=(\d+)", headers["strict-transport-security"][0])
    assert m and int(m.group(1)) >= 31536000, "%s: HSTS %r" % (what, headers[
        "strict-transport-security"])
    assert "frame-ancestors 'none'" in headers["content-security-policy"][0], what


@test
def nginx_serves_agora_over_tls_1_2_and_1_3_only_with_hsts_and_the_security_headers():
    assert shutil.which("nginx") and shutil.which("sslscan"), "make deps: nginx-light, sslscan"
    n = Nginx()
    try:
        cert = n.cert
        # The handshake, HTTP/2 offered, a page through to kore.
        proto, version = raw(cert, None, alpn=["h2", "http/1.1"])
        eq(proto, "h2", "HTTP/2 negotiated")
        assert version in ("TLSv1.2", "TLSv1.3"), version
        for path in ("/", "/themes/ethique", "/connexion", "/page-inexistante"):
            status, headers, body = get(cert, "GET", path)
            assert status in (200, 404), (path, status)
            has_security_headers(headers, path)
            contains(body, '<html lang="fr">', path)
        # TLS 1.1 and older refused by the server (not just by our client).
        for old in (ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1_1):
            ctx = tls_context(cert)
            ctx.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
            ctx.maximum_version = old
            ctx.set_ciphers("ALL:@SECLEVEL=0")
            try:
                with socket.create_connection(("127.0.0.1", TLS_PORT), timeout=5) as s:
                    with ctx.wrap_socket(s, server_hostname="127.0.0.1"):
                        raise AssertionError("%s accepted" % old)
            except ssl.SSLError:
                pass
        r = subprocess.run(["sslscan", "--no-colour", "--xml=-", "127.0.0.1:%d" % TLS_PORT],
                           capture_output=True, text=True, timeout=120)
        protocols = dict(re.findall(r'<protocol type="(?:ssl|tls)" version="([0-9.]+)" '
                                    r'enabled="([01])"', r.stdout))
        eq({v: protocols.get(v) for v in ("1.0", "1.1", "1.2", "1.3")},
           {"1.0": "0", "1.1": "0", "1.2": "1", "1.3": "1"}, "sslscan's protocols")
        assert 'version="2"' not in r.stdout or re.search(
            r'type="ssl" version="2" enabled="0"', r.stdout), "SSLv2"
        weak = re.findall(r'<cipher status="\w+" sslversion="[^"]+" bits="(\d+)" '
                          r'cipher="([^"]+)"', r.stdout)
        assert weak, "sslscan listed no cipher: " + r.stdout[-500:]
        for bits, name in weak:
            assert int(bits) >= 128 and not re.search(r"RC4|DES|NULL|EXP|MD5|anon", name), \
                "weak cipher %s (%s bits)" % (name, bits)
        # Plain HTTP goes to HTTPS.
        with socket.create_connection(("127.0.0.1", HTTP_PORT), timeout=5) as s:
            s.sendall(b"GET /themes/ethique HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            answer = s.recv(4096).decode("latin-1")
        assert answer.startswith("HTTP/1.1 301"), answer[:100]
        contains(answer, "Location: https://127.0.0.1/themes/ethique")
    finally:
        n.stop()


@test
def what_kore_would_answer_with_an_empty_page_nginx_answers_in_french():
    """Issue 14, item 7: kore's own 400, 411, 413 and unknown methods have
    no body and none of the headers; in production nginx answers them."""
    n = Nginx()
    try:
        cert = n.cert
        cases = [
            ("unknown method", "FOO", "/", "", b"", 405, "Action impossible à cette adresse"),
            ("PUT", "PUT", "/themes/ethique", "Content-Length: 0\r\n", b"", 405,
             "Action impossible à cette adresse"),
            ("body over 1 MB", "POST", "/connexion",
             "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 2000000\r\n",
             b"", 413, "Envoi trop volumineux"),
            ("header line over 4 KB", "GET", "/", "Cookie: agora_sid=%s\r\n" % ("a" * 6000),
             b"", 400, "Demande non comprise"),
            ("header block over 12 KB", "GET", "/", "".join(
                "X-H%d: %s\r\n" % (i, "b" * 3000) for i in range(5)), b"", 400,
             "Demande non comprise"),
            ("malformed Content-Length", "POST", "/connexion", "Content-Length: abc\r\n", b"",
             400, "Demande non comprise"),
        ]
        for label, method, path, extra, body, status, title in cases:
            got, headers, text = get(cert, method, path, extra, body)
            eq(got, status, label)
            contains(text, '<html lang="fr">', label)
            contains(text, "<h1>%s</h1>" % title, label)
            has_security_headers(headers, label)
        # A malformed request line: nginx's 400, in French.
        status, headers, text = raw(cert, b"GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n")
        eq(status, 400, "malformed request line")
        contains(text, "<h1>Demande non comprise</h1>")
        # A chunked body (kore: 411) reaches kore whole, with a length.
        b = "----c"
        form = ('--%s\r\nContent-Disposition: form-data; name="courriel"\r\n\r\na@b.fr\r\n'
                '--%s--\r\n' % (b, b)).encode()
        chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(form), form)
        status, headers, text = get(cert, "POST", "/connexion",
                                    "Content-Type: multipart/form-data; boundary=%s\r\n"
                                    "Transfer-Encoding: chunked\r\n" % b, chunked)
        eq(status, 403, "a chunked form reaches kore (CSRF refused it), not 411")
        contains(text, "Le formulaire a expiré")
        has_security_headers(headers, "chunked")
        # Without nginx, kore's own answer is indeed empty (what item 7 saw).
        with socket.create_connection(("127.0.0.1", harness.PORT), timeout=5) as s:
            s.sendall(b"FOO / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            direct = s.recv(4096).decode("latin-1")
        assert direct.startswith("HTTP/1.1 4"), direct[:80]
    finally:
        n.stop()
