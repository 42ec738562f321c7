#!/bin/sh
# make bench: a database of its own (agora_bench on the development cluster).
# First participation.sh, which generates the load data once (agora generate)
# and measures the theme and proposal pages; then kore on BENCH_PORT and every
# test/bench/bench_*.sh. Each prints its rates and ratios; nothing here is a
# pass/fail test (see README, "Performance").
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export BENCH_PORT=${BENCH_PORT:-8899}
export PG_PORT=${PG_PORT:-25432}
export BENCH_DB=${BENCH_DB:-agora_bench}
export BENCH_SECONDS=${BENCH_SECONDS:-10}
mkdir -p var/bench
. test/bench/lib.sh
ports_free "BENCH_HTTP_PORT, BENCH_PORT" "${BENCH_HTTP_PORT:-8897}" "$BENCH_PORT"

sh test/bench/participation.sh
sh test/bench/vote_ceiling.sh

sh conf/devdb.sh start
sh conf/devdb.sh ensure "$BENCH_DB" >/dev/null
cat > var/bench/agora.ini <<INI
database = host=127.0.0.1 port=$PG_PORT dbname=$BENCH_DB user=agora sslmode=disable gssencmode=disable
owner_database = host=127.0.0.1 port=$PG_PORT dbname=$BENCH_DB user=agora_owner sslmode=disable gssencmode=disable
secret_file = var/secret
log_signing_key = var/log-signing-key.pem
cookie_secure = 0
mail_dir = var/bench/mail
INI
export AGORA_CONFIG=var/bench/agora.ini
build/agora migrate >/dev/null

sed -e "s/^\(\s*bind\s*127.0.0.1\) [0-9]*/\1 $BENCH_PORT/" \
    -e "s|^pidfile.*|pidfile var/bench/kore.pid|" conf/agora.conf > var/bench/kore.conf
stdbuf -oL kore -f -n -r -c var/bench/kore.conf > var/bench/kore.log 2>&1 &
KPID=$!
trap 'kill -TERM $KPID 2>/dev/null; wait $KPID 2>/dev/null' EXIT INT TERM
for i in $(seq 50); do
	curl -fs -o /dev/null "http://127.0.0.1:$BENCH_PORT/healthz" && break
	sleep 0.1
done

for b in test/bench/bench_*.sh; do
	echo "== $b"
	sh "$b"
done
