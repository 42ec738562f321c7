#!/bin/sh
# Participation benchmark: for each page, wrk against kore (HTTP, the whole
# stack) and pgbench running that page's own SQL (the same statements,
# printed by sqlprint) with the same 64 clients on the same database; prints
# both rates and their ratio (HTTP / SQL: 1.0 means the web layer costs
# nothing beyond the database), plus a static file for reference.
#
# Environment: PG_PORT (25432), BENCH_HTTP_PORT (8897), BENCH_SECONDS (8),
# BENCH_DB (agora_bench), BENCH_PROPOSALS / BENCH_ARGUMENTS / BENCH_VOTES
# (100000 / 300000 / 2000000: generated once, when the database is empty).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PG_PORT=${PG_PORT:-25432}
PORT=${BENCH_HTTP_PORT:-8897}
SECS=${BENCH_SECONDS:-8}
DB=${BENCH_DB:-agora_bench}
OUT=var/bench
PGBENCH=/usr/lib/postgresql/15/bin/pgbench
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)"; exit 1; }

sh conf/devdb.sh start >/dev/null
sh conf/devdb.sh ensure "$DB" >/dev/null
cat > "$OUT/agora.ini" <<INI
database = host=127.0.0.1 port=$PG_PORT dbname=$DB user=agora sslmode=disable gssencmode=disable
secret_file = var/secret
cookie_secure = 0
base_url = http://127.0.0.1:$PORT
INI
export AGORA_CONFIG="$OUT/agora.ini"
psql_db() { psql -X -q -tA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" -c "$1"; }

build/agora migrate >/dev/null
n=$(psql_db "SELECT count(*) FROM contributions WHERE kind = 'proposal'")
if [ "$n" -lt 1000 ]; then
	echo "bench: generating data (once)"
	build/agora generate --proposals "${BENCH_PROPOSALS:-100000}" \
	    --arguments "${BENCH_ARGUMENTS:-300000}" --votes "${BENCH_VOTES:-2000000}"
fi
psql_db "VACUUM ANALYZE" >/dev/null

cc -O2 -o "$OUT/sqlprint" test/bench/sqlprint.c app/db/participation.c

sed -e "s/bind[[:space:]]*127\.0\.0\.1[[:space:]]*[0-9]*/bind 127.0.0.1 $PORT/" \
    -e "s#pidfile[[:space:]].*#pidfile $OUT/kore.pid#" conf/agora.conf > "$OUT/kore.conf"
stdbuf -oL kore -f -n -r -c "$OUT/kore.conf" > "$OUT/kore.log" 2>&1 &
KPID=$!
trap 'kill -TERM $KPID 2>/dev/null; wait $KPID 2>/dev/null' EXIT INT TERM
i=0
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/static/agora.css"; do
	i=$((i + 1)); [ $i -lt 100 ] || { echo "bench: kore did not start"; cat "$OUT/kore.log"; exit 1; }
	sleep 0.1
done

THEME=economie
TID=$(psql_db "SELECT id FROM themes WHERE slug = '$THEME'")
PID=$(psql_db "SELECT id FROM contributions WHERE kind = 'proposal' AND status = 'published' ORDER BY replies DESC, id LIMIT 1")
Q=numerique

# theme_sql SORT TERRITORY Q OFFSET: the four statements of a theme page.
theme_sql() {
	"$OUT/sqlprint" theme "$THEME"
	"$OUT/sqlprint" territories
	"$OUT/sqlprint" count "$TID" "$2" "$3"
	if [ "$1" = hasard ]; then
		"$OUT/sqlprint" hasard "$TID" "$2" "$3" 20 "$4" 123456789
	else
		"$OUT/sqlprint" "$1" "$TID" "$2" "$3" 20 "$4"
	fi
}

rate_http() {
	wrk -t2 -c64 -d"${SECS}s" "http://127.0.0.1:$PORT$1" 2>&1 |
	    awk '/Requests\/sec/ { print $2 } /Non-2xx/ { print "non-2xx:" $NF > "/dev/stderr" }'
}

rate_sql() {
	"$PGBENCH" -n -h 127.0.0.1 -p "$PG_PORT" -U agora -c 64 -j 2 -T "$SECS" \
	    -f "$1" "$DB" 2>/dev/null | awk '/^tps/ { print $3; exit }'
}

printf '%-34s %12s %12s %7s\n' page "http req/s" "sql tps" ratio
run() {	# NAME URL SQLFILE
	h=$(rate_http "$2")
	if [ -n "$3" ]; then
		s=$(rate_sql "$3")
		r=$(awk -v h="$h" -v s="$s" 'BEGIN { if (s > 0) printf "%.2f", h / s; else print "-" }')
	else
		s=-; r=-
	fi
	printf '%-34s %12s %12s %7s\n' "$1" "$h" "$s" "$r"
}

run "static /static/agora.css" "/static/agora.css" ""
for sort in recent votes accord debat hasard; do
	theme_sql "$sort" NULL NULL 0 > "$OUT/theme-$sort.sql"
	run "theme tri=$sort" "/themes/$THEME?tri=$sort" "$OUT/theme-$sort.sql"
done
theme_sql votes NULL NULL 100 > "$OUT/theme-page6.sql"
run "theme tri=votes page=6" "/themes/$THEME?tri=votes&page=6" "$OUT/theme-page6.sql"
theme_sql recent 37 NULL 0 > "$OUT/theme-territory.sql"
run "theme territoire=37" "/themes/$THEME?territoire=37" "$OUT/theme-territory.sql"
theme_sql recent NULL "$Q" 0 > "$OUT/theme-search.sql"
run "theme q=$Q" "/themes/$THEME?q=$Q" "$OUT/theme-search.sql"
{ "$OUT/sqlprint" proposal "$PID" NULL 30; "$OUT/sqlprint" thread "$PID" NULL 2001; } > "$OUT/proposal.sql"
run "proposal /propositions/$PID" "/propositions/$PID" "$OUT/proposal.sql"
if grep -q "sandbox violation\|died" "$OUT/kore.log"; then
	echo "bench: kore log shows a crash"; exit 1
fi
