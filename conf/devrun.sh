#!/bin/sh
# make run: kore in the foreground on http://127.0.0.1:$HTTP_PORT. Ctrl-C
# stops kore (gracefully), then the PostgreSQL cluster.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
HTTP_PORT=${HTTP_PORT:-8888}
mkdir -p var/run var/mail

conf=conf/agora.conf
if [ "$HTTP_PORT" != 8888 ]; then
	conf=var/run/kore-dev.conf
	sed "s/^\(\s*bind\s*127.0.0.1\) 8888/\1 $HTTP_PORT/" conf/agora.conf > "$conf"
fi

stop_all() {
	trap - INT TERM EXIT
	[ -n "${KPID:-}" ] && kill -TERM "$KPID" 2>/dev/null && wait "$KPID" 2>/dev/null
	sh conf/devdb.sh stop
	echo "Agora stopped."
}
trap stop_all INT TERM EXIT

echo "Agora on http://127.0.0.1:$HTTP_PORT/ (Ctrl-C to stop)"
stdbuf -oL kore -f -n -r -c "$conf" &
KPID=$!
wait "$KPID"
