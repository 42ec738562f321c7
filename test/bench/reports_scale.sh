#!/bin/sh
# make bench-scale: the reports and the open-data export at Grand Débat
# scale, on a database of their own (agora_scale), generated once with
# `agora generate` (500 000 proposals + 1 500 000 arguments and comments =
# 2 000 000 contributions, 10 000 000 votes; about 20 min on 2 cores).
#
# For every report page (/rapports/, /rapports/<slug> of the seven themes,
# /api/v1/rapports/<slug>): median latency (p50) with wrk --latency over 8
# connections and over 1 connection. For the full CSV export
# (/export/contributions.csv): rows/s and bytes/s kore delivers, against the
# rate psql reaches running the export's own statement (`COPY (<its SELECT>)
# TO STDOUT WITH (FORMAT csv)`, `agora sql export_copy_all`) on the same
# database in the same run, and the ratio. Then votes (votes_scale.sh), and
# a moderator hiding a proposal with 600 replies (cascade.sh). Also every
# public page once (pages). SCALE_ONLY=reports|pages|export|votes|cascade
# runs one part. Nothing here is a
# pass/fail test (see README, "Performance").
#
# Environment: PG_PORT (25432), BENCH_HTTP_PORT (8898), BENCH_SECONDS (10),
# BENCH_SCALE_DB (agora_scale), SCALE_PROPOSALS / SCALE_ARGUMENTS /
# SCALE_VOTES (500000 / 1500000 / 10000000).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PG_PORT=${PG_PORT:-25432}
export PG_PORT
PORT=${BENCH_HTTP_PORT:-8898}
SECS=${BENCH_SECONDS:-10}
DB=${BENCH_SCALE_DB:-agora_scale}
OUT=var/bench-scale
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)"; exit 1; }
. test/bench/lib.sh
ports_free BENCH_HTTP_PORT "$PORT"
# Room for the data: about 6 GB for the Grand Débat's 500 000 proposals
# (data, indexes, WAL; as make bench-pages at 100 %), in proportion.
free=$(df -Pk var | awk 'NR == 2 { print int($4 / 1048576) }')
need=$(( (${SCALE_PROPOSALS:-500000} * 6 + 499999) / 500000 ))
[ "$free" -ge "$need" ] || {
	echo "bench: ${SCALE_PROPOSALS:-500000} proposals need about $need GB free under var/, $free GB left"; exit 1; }

sh conf/devdb.sh start >/dev/null
sh conf/devdb.sh ensure "$DB" >/dev/null
cat > "$OUT/agora.ini" <<INI
database = host=127.0.0.1 port=$PG_PORT dbname=$DB user=agora sslmode=disable gssencmode=disable
owner_database = host=127.0.0.1 port=$PG_PORT dbname=$DB user=agora_owner sslmode=disable gssencmode=disable
secret_file = var/secret
log_signing_key = var/log-signing-key.pem
cookie_secure = 0
mail_dir = $OUT/mail
base_url = http://127.0.0.1:$PORT
INI
export AGORA_CONFIG="$OUT/agora.ini"
psql_db() { psql -X -q -tA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" -c "$1"; }

build/agora migrate >/dev/null
n=$(psql_db "SELECT count(*) FROM contributions")
if [ "$n" -lt 1000 ]; then
	echo "bench: generating data (once)"
	build/agora generate --proposals "${SCALE_PROPOSALS:-500000}" \
	    --arguments "${SCALE_ARGUMENTS:-1500000}" --votes "${SCALE_VOTES:-10000000}"
	psql_db "VACUUM ANALYZE" >/dev/null
fi
# The cached analyses of the big themes (what a timer does in production).
build/agora refresh-reports --max-age 1440 | tail -1
psql_db "SELECT 'data: ' || (SELECT count(*) FROM contributions) || ' contributions ('
    || (SELECT count(*) FROM contributions WHERE kind = 'proposal') || ' proposals), '
    || (SELECT count(*) FROM votes) || ' votes, '
    || (SELECT count(*) FROM users) || ' users'"

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

# p50 CONNECTIONS URL: wrk's median latency in ms.
p50() {
	wrk --latency -t"$( [ "$1" -gt 1 ] && echo 2 || echo 1)" -c"$1" -d"${SECS}s" \
	    "http://127.0.0.1:$PORT$2" 2>&1 | awk '
	    /Non-2xx/ { print "non-2xx: " $0 > "/dev/stderr" }
	    $1 == "50%" { v = $2; u = v; sub(/[a-z]+$/, "", v); sub(/^[0-9.]+/, "", u);
		if (u == "us") v /= 1000; else if (u == "s") v *= 1000;
		printf "%.2f", v }'
}

# only PART: whether this run measures PART.
only() { [ -z "${SCALE_ONLY:-}" ] || [ "$SCALE_ONLY" = "$1" ]; }

if only reports; then
printf '%-40s %12s %12s\n' "page" "p50 ms (c8)" "p50 ms (c1)"
line() { printf '%-40s %12s %12s\n' "$1" "$(p50 8 "$1")" "$(p50 1 "$1")"; }
line /rapports/
for slug in $(psql_db "SELECT t.slug FROM themes t JOIN consultations k ON k.id = t.consultation_id
    WHERE k.is_primary ORDER BY t.position"); do
	line "/rapports/$slug"
	line "/api/v1/rapports/$slug"
done
fi

# Every public page once (best of three, one connection): a page that reads
# every contribution at each request shows here first.
if only pages; then
pid=$(psql_db "SELECT id FROM contributions WHERE kind = 'proposal' AND status = 'published'
    ORDER BY replies DESC, id LIMIT 1")
mid=$(psql_db "SELECT id FROM contributions ORDER BY id OFFSET (SELECT count(*) / 2 FROM contributions) LIMIT 1")
printf '%-44s %10s\n' "page (one request)" "ms"
for p in / /themes/ethique "/themes/ethique?tri=votes" "/themes/ethique?tri=accord" \
    "/themes/ethique?tri=debat" "/themes/ethique?tri=hasard" "/themes/ethique?territoire=37" \
    "/themes/ethique?q=numerique" "/themes/ethique?page=500" "/propositions/$pid" \
    /rapports/ /export/ /moderation/transparence /charte /api/v1/themes /api/v1/contributions \
    "/api/v1/contributions?page=2000" "/api/v1/contributions?apres=$mid"; do
	best=
	for i in 1 2 3; do
		t=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT$p")
		best=$(awk -v a="$best" -v b="$t" 'BEGIN { if (a == "" || b < a) print b; else print a }')
	done
	printf '%-44s %10.1f\n' "$p" "$(awk -v t="$best" 'BEGIN { print t * 1000 }')"
done
fi

if only export; then
# The full CSV export, three times each, best of three.
# The export's own statement: COPY (<its SELECT>) TO STDOUT WITH (FORMAT csv).
build/agora sql export_copy_all | sed -e 's/;[[:space:]]*$//' > "$OUT/export.sql"
# The same rows with no formula guard, the plainest COPY there is.
printf 'COPY (%s) TO STDOUT WITH (FORMAT csv)' \
    "$(build/agora sql export_plain_all | sed -e 's/;[[:space:]]*$//')" > "$OUT/plain.sql"
rows=$(psql_db "SELECT count(*) FROM contributions WHERE is_public")
# copy FILE: best of three rows/s (and its bytes/s) of psql running FILE.
copy() {
	best=0; bytes=0
	for i in 1 2 3; do
		t0=$(date +%s.%N)
		b=$(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U agora -d "$DB" \
		    -c "$(cat "$1")" | wc -c)
		t1=$(date +%s.%N)
		r=$(awk -v n="$rows" -v a="$t0" -v z="$t1" 'BEGIN { printf "%d", n / (z - a) }')
		[ "$r" -gt "$best" ] && { best=$r; bytes=$(awk -v b="$b" -v a="$t0" -v z="$t1" 'BEGIN { printf "%d", b / (z - a) }'); }
	done
	echo "$best $bytes"
}
best_http=0; bytes_http=0
for i in 1 2 3; do
	set -- $(curl -s -o /dev/null -w '%{size_download} %{time_total}' \
	    "http://127.0.0.1:$PORT/export/contributions.csv")
	r=$(awk -v n="$rows" -v t="$2" 'BEGIN { printf "%d", n / t }')
	[ "$r" -gt "$best_http" ] && { best_http=$r; bytes_http=$(awk -v b="$1" -v t="$2" 'BEGIN { printf "%d", b / t }'); }
done
set -- $(copy "$OUT/export.sql") $(copy "$OUT/plain.sql")
echo "full CSV export ($rows rows)"
printf '  kore  /export/contributions.csv     %10d rows/s %12d bytes/s\n' "$best_http" "$bytes_http"
printf '  psql  the export'"'"'s COPY statement  %10d rows/s %12d bytes/s\n' "$1" "$2"
printf '  psql  COPY of the plain SELECT     %10d rows/s %12d bytes/s\n' "$3" "$4"
awk -v h="$best_http" -v c="$1" -v p="$3" 'BEGIN {
	printf "  ratio kore / the export'"'"'s COPY (rows/s): %.2f\n", h / c
	printf "  ratio kore / plain COPY (rows/s): %.2f\n", h / p }'
fi

if only votes; then
	sh test/bench/votes_scale.sh
fi

if only cascade; then
	CASCADE_DB="$DB" sh test/bench/cascade.sh
fi
