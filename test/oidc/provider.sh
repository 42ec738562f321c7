#!/bin/sh
# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
#
# The OpenID provider of the tests: Debian's glewlwyd on 127.0.0.1:OIDC_PORT
# (default 9040), its data under var/oidc, rebuilt at each start.
#   provider.sh start    fresh keys, database and configuration; waits until
#                        the discovery document answers
#   provider.sh stop     stops the instance this worktree started (its pid)
#   provider.sh status   "running" or "stopped"
# Configuration: glewlwyd.conf.in, then configure.py through the provider's
# administration API (plugin.json, clients.json, people.json, scopes.json).
# As root, glewlwyd runs as the package's unprivileged user "glewlwyd".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIR="$ROOT/var/oidc"
PORT=${OIDC_PORT:-9040}
PIDFILE="$DIR/glewlwyd.pid"
SCHEMA=/usr/share/dbconfig-common/data/glewlwyd/install/sqlite3

running() {
	[ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null
}

stop() {
	running || { rm -f "$PIDFILE"; return 0; }
	pid=$(cat "$PIDFILE")
	kill -TERM "$pid"
	i=0
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do
		sleep 0.1; i=$((i + 1))
	done
	kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
	rm -f "$PIDFILE"
}

start() {
	stop
	for b in glewlwyd rnbyc python3 curl; do
		command -v $b >/dev/null || { echo "oidc: $b is missing (make deps)"; return 1; }
	done
	rm -rf "$DIR"
	mkdir -p "$DIR"
	chmod 700 "$DIR"
	sed -e "s|@DIR@|$DIR|g" -e "s|@PORT@|$PORT|g" \
	    "$ROOT/test/oidc/glewlwyd.conf.in" > "$DIR/glewlwyd.conf"
	python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
# WAL (kept in the file, so glewlwyd uses it too): far fewer fsyncs.
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=OFF")
db.executescript("BEGIN;" + open(sys.argv[2]).read() + "COMMIT;")
db.commit()' "$DIR/glewlwyd.db" "$SCHEMA" || return 1
	# The provider's signing keys (RS256 and ES256), and the private_key_jwt
	# client's key pair (its private half for Agora, its public JWKS for
	# the provider).
	rnbyc -j -g RSA2048 -k agora-rs256 -a RS256 -g EC256 -k agora-es256 \
	    -a ES256 -x -o "$DIR/provider-private.jwks" \
	    -p "$DIR/provider-public.jwks" >/dev/null || return 1
	rnbyc -j -g EC256 -k agora-client-es256 -a ES256 -x -F PEM \
	    -o "$DIR/client-private.pem" -p "$DIR/client-public.pem" \
	    >/dev/null || return 1
	rnbyc -j -f "$DIR/client-public.pem" -k agora-client-es256 -a ES256 \
	    -o "$DIR/client-public.jwks" >/dev/null || return 1
	# Another key under the same kid, which the provider does not know:
	# an assertion it signs must be refused.
	rnbyc -j -g EC256 -k agora-client-es256 -a ES256 -x -F PEM \
	    -o "$DIR/intruder-private.pem" -p "$DIR/intruder-public.pem" \
	    >/dev/null || return 1
	set -- glewlwyd -c "$DIR/glewlwyd.conf"
	# As root, glewlwyd runs as its own user, if that user can reach the
	# checkout: a clone private to root (mode 700, as CI's may be) leaves
	# it "file I/O error" on its configuration, so it then runs as root.
	if [ "$(id -u)" = 0 ] && id glewlwyd >/dev/null 2>&1; then
		chown glewlwyd "$DIR" "$DIR/glewlwyd.db"
		if setpriv --reuid=glewlwyd --regid="$(id -g glewlwyd)" \
		    --clear-groups test -r "$DIR/glewlwyd.conf"; then
			set -- setpriv --reuid=glewlwyd \
			    --regid="$(id -g glewlwyd)" --clear-groups "$@"
		fi
	fi
	setsid "$@" > "$DIR/stdout" 2>&1 < /dev/null &
	echo $! > "$PIDFILE"
	i=0
	until curl -s -o /dev/null "http://127.0.0.1:$PORT/config/"; do
		i=$((i + 1))
		if [ $i -gt 100 ] || ! running; then
			echo "oidc: glewlwyd did not start:"; tail -5 "$DIR/glewlwyd.log" "$DIR/stdout" 2>/dev/null
			stop; return 1
		fi
		sleep 0.1
	done
	python3 "$ROOT/test/oidc/configure.py" "$DIR" "$PORT" || { stop; return 1; }
	curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/oidc/.well-known/openid-configuration" || {
		echo "oidc: no discovery document"; stop; return 1; }
	echo "oidc: glewlwyd on http://127.0.0.1:$PORT/api/oidc (pid $(cat "$PIDFILE"))"
}

case "${1:-}" in
start)	start ;;
stop)	stop ;;
status)	if running; then echo running; else echo stopped; fi ;;
*)	echo "usage: provider.sh start|stop|status"; exit 2 ;;
esac
