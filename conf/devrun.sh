#!/bin/sh
# make run: kore in the foreground on http://127.0.0.1:$HTTP_PORT. Ctrl-C
# stops kore (gracefully), then the PostgreSQL cluster.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
HTTP_PORT=${HTTP_PORT:-8888}
mkdir -p var/run var/mail
# The links kore writes into mail (verification, recovery, answers) point
# at the server it runs: the port given to make run, unless AGORA_BASE_URL
# says otherwise (a proxy in front). It overrides base_url in the settings.
AGORA_BASE_URL=${AGORA_BASE_URL:-http://127.0.0.1:$HTTP_PORT}
export AGORA_BASE_URL

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
