#!/bin/sh
# make bench-pages: the theme listing's sorts, the search and the busiest
# proposal at 1 %, 10 % and 100 % of the Grand Débat load data (100 % =
# 500 000 proposals, 1 500 000 arguments and comments, 10 000 000 votes, as
# reports_scale.sh), each scale on a database of its own (agora_pages_1,
# agora_pages_10, agora_pages_100) generated once with `agora generate`.
# For each page: wrk's median latency (p50) over one connection for
# PAGES_SECONDS, then the ratio of the p50 at the largest scale to the p50 at
# the smallest. Nothing here is a pass/fail test (README, "Performance").
#
# Environment: PG_PORT (25432), BENCH_HTTP_PORT (8896), PAGES_SECONDS (5),
# PAGES_SCALES (percentages, "1 10 100"), PAGES_GENERATE_ONLY (set: make the
# databases and stop), PAGES_OUT (var/bench-pages/table.txt), PAGES_SO (the
# agora.so kore loads, ./build/agora.so: another build's, to compare).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PG_PORT=${PG_PORT:-25432}
export PG_PORT
PORT=${BENCH_HTTP_PORT:-8896}
SECS=${PAGES_SECONDS:-5}
SCALES=${PAGES_SCALES:-1 10 100}
OUT=var/bench-pages
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)"; exit 1; }
# Room for the largest scale: about 6 GB at 100 % (data, indexes, WAL).
free=$(df -Pk var | awk 'NR == 2 { print int($4 / 1048576) }')
for s in $SCALES; do
	need=$(( (s * 6 + 99) / 100 ))
	[ "$free" -ge "$need" ] || {
		echo "bench: $s % needs about $need GB free under var/, $free GB left"; exit 1; }
done
sh conf/devdb.sh start >/dev/null

# db_ini DB: the settings of the scale's database.
db_ini() {
	cat > "$OUT/$1.ini" <<INI
database = host=127.0.0.1 port=$PG_PORT dbname=$1 user=agora sslmode=disable gssencmode=disable
owner_database = host=127.0.0.1 port=$PG_PORT dbname=$1 user=agora_owner sslmode=disable gssencmode=disable
secret_file = var/secret
log_signing_key = var/log-signing-key.pem
cookie_secure = 0
mail_dir = $OUT/mail
base_url = http://127.0.0.1:$PORT
INI
	echo "$OUT/$1.ini"
}
psql_db() { psql -X -q -tA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" -c "$1"; }

# prepare S: the database of S % migrated, generated once, analysed.
prepare() {
	DB=agora_pages_$1
	sh conf/devdb.sh ensure "$DB" >/dev/null
	AGORA_CONFIG=$(db_ini "$DB")
	export AGORA_CONFIG
	build/agora migrate >/dev/null
	n=$(psql_db "SELECT count(*) FROM contributions")
	if [ "$n" -lt 100 ]; then
		echo "bench: generating $1 % (once)"
		build/agora generate --proposals $((5000 * $1)) \
		    --arguments $((15000 * $1)) --votes $((100000 * $1)) >/dev/null
		psql_db "VACUUM ANALYZE" >/dev/null
		build/agora refresh-reports --max-age 1440 >/dev/null
	fi
}

for s in $SCALES; do prepare "$s"; done
[ -z "${PAGES_GENERATE_ONLY:-}" ] || exit 0

# p50 URL: wrk's median latency in ms over one connection.
p50() {
	wrk --latency -t1 -c1 -d"${SECS}s" "http://127.0.0.1:$PORT$1" 2>&1 | awk '
	    /Non-2xx/ { print "non-2xx: " $0 > "/dev/stderr" }
	    $1 == "50%" { v = $2; u = v; sub(/[a-z]+$/, "", v); sub(/^[0-9.]+/, "", u);
		if (u == "us") v /= 1000; else if (u == "s") v *= 1000;
		printf "%.1f", v }'
}

PAGES="/themes/ethique /themes/ethique?tri=votes /themes/ethique?tri=debat
/themes/ethique?tri=hasard /themes/ethique?tri=hasard&page=50
/themes/ethique?q=numerique /recherche?q=numerique /recherche?q=numerique&tri=date
/recherche?q=tiers-lieux BUSIEST"
: > "$OUT/p50.txt"
for s in $SCALES; do
	prepare "$s"
	pid=$(psql_db "SELECT id FROM contributions WHERE kind = 'proposal'
	    AND status = 'published' ORDER BY replies DESC, id LIMIT 1")
	sed -e "s/bind[[:space:]]*127\.0\.0\.1[[:space:]]*[0-9]*/bind 127.0.0.1 $PORT/" \
	    -e "s#pidfile[[:space:]].*#pidfile $OUT/kore.pid#" \
	    -e "s#\./build/agora\.so#${PAGES_SO:-./build/agora.so}#" conf/agora.conf > "$OUT/kore.conf"
	stdbuf -oL kore -f -n -r -c "$OUT/kore.conf" > "$OUT/kore.log" 2>&1 &
	KPID=$!
	trap 'kill -TERM $KPID 2>/dev/null; wait $KPID 2>/dev/null' EXIT INT TERM
	i=0
	until curl -sf -o /dev/null "http://127.0.0.1:$PORT/static/agora.css"; do
		i=$((i + 1)); [ $i -lt 100 ] || { echo "bench: kore did not start"; cat "$OUT/kore.log"; exit 1; }
		sleep 0.1
	done
	for p in $PAGES; do
		u=$p; [ "$p" = BUSIEST ] && u=/propositions/$pid
		printf '%s\t%s\t%s\n' "$p" "$s" "$(p50 "$u")" >> "$OUT/p50.txt"
	done
	kill -TERM $KPID; wait $KPID 2>/dev/null || true
	trap - EXIT INT TERM
done

# The table: one line per page, one column per scale, then largest / smallest.
awk -F'\t' -v scales="$SCALES" '
BEGIN { ns = split(scales, sc, " ") }
{ if (!($1 in seen)) { seen[$1] = 1; order[++np] = $1 } v[$1, $2] = $3 }
END {
	printf "| page |"; for (i = 1; i <= ns; i++) printf " p50 %s %% (ms) |", sc[i]
	printf " %s %% / %s %% |\n|---|", sc[ns], sc[1]
	for (i = 0; i <= ns; i++) printf "---:|"; printf "\n"
	for (j = 1; j <= np; j++) {
		p = order[j]; name = (p == "BUSIEST") ? "/propositions/<the busiest>" : p
		printf "| `%s` |", name
		for (i = 1; i <= ns; i++) printf " %s |", v[p, sc[i]]
		a = v[p, sc[1]]; b = v[p, sc[ns]]
		printf " %s |\n", (a > 0 ? sprintf("%.2f", b / a) : "-")
	}
}' "$OUT/p50.txt" | tee "${PAGES_OUT:-$OUT/table.txt}"
