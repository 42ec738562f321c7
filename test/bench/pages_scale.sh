#!/bin/sh
# make bench-pages: the theme listing's sorts, the search and the busiest
# proposal at 1 %, 10 % and 100 % of the Grand Débat load data (100 % =
# 500 000 proposals, 1 500 000 arguments and comments, 10 000 000 votes, as
# reports_scale.sh), each scale on a database of its own (agora_pages_1,
# agora_pages_10, agora_pages_100) generated once with `agora generate`.
# For each page: wrk's median latency (p50) over one connection for
# PAGES_SECONDS, PAGES_ROUNDS times (the median of those p50s is printed),
# then the ratio of the p50 at the largest scale to the p50 at the smallest.
# With PAGES_BASE_SO (another build's agora.so), a second kore runs that
# build on a copy of each database (agora_pages_<s>_base, made once, then
# PAGES_BASE_SQL run there, e.g. dropping the indexes that build lacks), and
# each round measures both, one after the other, so that the load of a
# shared machine weighs on both alike. Nothing here is a pass/fail test
# (README, "Performance").
#
# Environment: PG_PORT (25432), BENCH_HTTP_PORT (8896), PAGES_SECONDS (5),
# PAGES_SCALES (percentages, "1 10 100"), PAGES_GENERATE_ONLY (set: make the
# databases and stop), PAGES_OUT (var/bench-pages/table.txt), PAGES_SO (the
# agora.so kore loads, ./build/agora.so), PAGES_ROUNDS (3), PAGES_BASE_SO,
# PAGES_BASE_SQL (see above).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PG_PORT=${PG_PORT:-25432}
export PG_PORT
PORT=${BENCH_HTTP_PORT:-8896}
SECS=${PAGES_SECONDS:-5}
ROUNDS=${PAGES_ROUNDS:-3}
BASE_SO=${PAGES_BASE_SO:-}
SCALES=${PAGES_SCALES:-1 10 100}
OUT=var/bench-pages
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)"; exit 1; }
. test/bench/lib.sh
if [ -n "$BASE_SO" ]; then
	ports_free "BENCH_HTTP_PORT and the next" "$PORT" $((PORT + 1))
else
	ports_free BENCH_HTTP_PORT "$PORT"
fi
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

# p50 PORT URL: wrk's median latency in ms over one connection.
p50() {
	wrk --latency -t1 -c1 -d"${SECS}s" "http://127.0.0.1:$1$2" 2>&1 | awk '
	    /Non-2xx/ { print "non-2xx: " $0 > "/dev/stderr" }
	    $1 == "50%" { v = $2; u = v; sub(/[a-z]+$/, "", v); sub(/^[0-9.]+/, "", u);
		if (u == "us") v /= 1000; else if (u == "s") v *= 1000;
		printf "%.1f", v }'
}

# sql_ms AGORA DB NAME [PARAM...]: pgbench's mean latency (ms, one client,
# PAGES_SECONDS) of statement NAME as AGORA prints it, $1... replaced by the
# given literal values.
sql_ms() {
	a=$1 d=$2 n=$3; shift 3
	"$a" sql "$n" > "$OUT/$n.sql"
	i=1
	for v in "$@"; do
		sed -i "s/\\\$$i\\b/$v/g" "$OUT/$n.sql"
		i=$((i + 1))
	done
	/usr/lib/postgresql/15/bin/pgbench -n -h 127.0.0.1 -p "$PG_PORT" -U agora -c 1 \
	    -T "$SECS" -f "$OUT/$n.sql" "$d" 2>/dev/null |
	    awk '/^latency average/ { printf "%.2f", $4 }'
}

PAGES="/themes/ethique /themes/ethique?tri=votes /themes/ethique?tri=debat
/themes/ethique?tri=hasard /themes/ethique?tri=hasard&page=30
/themes/ethique?q=numerique /recherche?q=numerique /recherche?q=numerique&tri=date
/recherche?q=tiers-lieux BUSIEST"
KPIDS=
trap 'for k in $KPIDS; do kill -TERM $k 2>/dev/null; wait $k 2>/dev/null; done' EXIT INT TERM

# kore_start NAME PORT SO INI: a kore loading SO on PORT with the settings INI.
kore_start() {
	sed -e "s/bind[[:space:]]*127\.0\.0\.1[[:space:]]*[0-9]*/bind 127.0.0.1 $2/" \
	    -e "s#pidfile[[:space:]].*#pidfile $OUT/$1.pid#" \
	    -e "s#\./build/agora\.so#$3#" conf/agora.conf > "$OUT/$1.conf"
	AGORA_CONFIG=$4 stdbuf -oL kore -f -n -r -c "$OUT/$1.conf" > "$OUT/$1.log" 2>&1 &
	KPIDS="$KPIDS $!"
	i=0
	until curl -sf -o /dev/null "http://127.0.0.1:$2/static/agora.css"; do
		i=$((i + 1)); [ $i -lt 100 ] || { echo "bench: kore did not start"; cat "$OUT/$1.log"; exit 1; }
		sleep 0.1
	done
}

# base S: the copy of S's database for the base build, made once.
base() {
	b=agora_pages_$1_base
	if [ -z "$(DB=postgres psql_db "SELECT 1 FROM pg_database WHERE datname = '$b'")" ]; then
		DB=postgres psql_db "CREATE DATABASE $b TEMPLATE agora_pages_$1 OWNER agora_owner"
		# A copy does not inherit the database's settings: JIT off, as
		# migration 0110 set it (on, a 10 % thread cost 0.9 s of JIT).
		DB=postgres psql_db "ALTER DATABASE $b SET jit = off"
		[ -z "${PAGES_BASE_SQL:-}" ] || DB=$b psql_db "$PAGES_BASE_SQL" >/dev/null
		DB=$b psql_db "VACUUM ANALYZE" >/dev/null
	fi
	db_ini "$b"
}

: > "$OUT/p50.txt"
for s in $SCALES; do
	prepare "$s"
	pid=$(psql_db "SELECT id FROM contributions WHERE kind = 'proposal'
	    AND status = 'published' ORDER BY replies DESC, id LIMIT 1")
	[ -z "$BASE_SO" ] || { bini=$(base "$s"); kore_start base $((PORT + 1)) "$BASE_SO" "$bini"; }
	kore_start kore "$PORT" "${PAGES_SO:-./build/agora.so}" "$AGORA_CONFIG"
	for p in $PAGES; do
		u=$p; [ "$p" = BUSIEST ] && u=/propositions/$pid
		r=0
		while [ $r -lt "$ROUNDS" ]; do
			[ -z "$BASE_SO" ] || printf '%s\tbase\t%s\t%s\n' "$p" "$s" "$(p50 $((PORT + 1)) "$u")" >> "$OUT/p50.txt"
			printf '%s\tnew\t%s\t%s\n' "$p" "$s" "$(p50 "$PORT" "$u")" >> "$OUT/p50.txt"
			r=$((r + 1))
		done
	done
	for k in $KPIDS; do kill -TERM $k; wait $k 2>/dev/null || true; done
	KPIDS=
	# Each page's main statement alone: pgbench's mean latency, one client.
	tid=$(psql_db "SELECT t.id FROM themes t JOIN consultations k
	    ON k.id = t.consultation_id WHERE k.is_primary AND t.slug = 'ethique'")
	for st in "part_list_random $tid NULL NULL 20 0 NULL 123456789" \
	    "part_list_debate $tid NULL NULL 20 0 NULL" \
	    "part_list_count $tid NULL 'numerique' NULL" \
	    "part_list_recent $tid NULL 'numerique' 20 0 NULL" \
	    "search_proposals 'numerique' 'MaxFragments=1' 'HighlightAll=1' 'pertinence' 20 0" \
	    "thread_page $pid NULL 20 '' NULL '' NULL '' NULL 10 NULL 2000 10 false"; do
		set -- $st
		# A build before thread_page() sent the statement itself, and one
		# before the thread's pages (0400) read the thread whole.
		bst=$st ba="$(dirname "${BASE_SO:-x}")/agora"
		if [ "$1" = thread_page ] && ! "$ba" sql thread_page >/dev/null 2>&1; then
			bst="thread_page_date $pid NULL 20 '' NULL '' NULL '' NULL 10 NULL 2000 10"
			"$ba" sql thread_page_date >/dev/null 2>&1 || bst="part_thread $pid NULL 2001 10"
		fi
		r=0
		while [ $r -lt "$ROUNDS" ]; do
			[ -z "$BASE_SO" ] || printf 'sql %s\tbase\t%s\t%s\n' "$1" "$s" \
			    "$(sql_ms "$(dirname "$BASE_SO")/agora" "agora_pages_${s}_base" $bst)" >> "$OUT/p50.txt"
			printf 'sql %s\tnew\t%s\t%s\n' "$1" "$s" \
			    "$(sql_ms build/agora "$DB" "$@")" >> "$OUT/p50.txt"
			r=$((r + 1))
		done
	done
done

# The table: one line per page; per scale the median p50 (base, then this
# build), then largest / smallest scale.
cut -f1 "$OUT/p50.txt" | awk '!seen[$0]++' > "$OUT/order.txt"
sort -t"$(printf '\t')" -k1,1 -k2,2 -k3,3n -k4,4n "$OUT/p50.txt" |
    awk -F'\t' -v scales="$SCALES" -v based="$BASE_SO" '
NR == FNR { pg[++np] = $0; next }
BEGIN { ns = split(scales, sc, " ")
	nb = split(based == "" ? "new" : "base new", bd, " ") }
{ k = $1 SUBSEP $2 SUBSEP $3; n[k]++; v[k, n[k]] = $4 }
function med(k) { return n[k] ? v[k, int((n[k] + 1) / 2)] : 0 }
END {
	printf "| page |"
	for (i = 1; i <= ns; i++) for (b = 1; b <= nb; b++)
		printf " %s %s %% |", (bd[b] == "base" ? "before" : "p50"), sc[i]
	for (b = 1; b <= nb; b++)
		printf " %s %s %% / %s %% |", (bd[b] == "base" ? "before" : "p50"), sc[ns], sc[1]
	printf "\n|---|"
	for (i = 1; i <= ns * nb + nb; i++) printf "---:|"; printf "\n"
	for (j = 1; j <= np; j++) {
		p = pg[j]; name = (p == "BUSIEST") ? "/propositions/<the busiest>" : p
		printf (p ~ /^sql /) ? "| %s |" : "| `%s` |", (p ~ /^sql /) ? \
		    "SQL `" substr(p, 5) "`" : name
		for (i = 1; i <= ns; i++) for (b = 1; b <= nb; b++)
			printf " %.2f |", med(p SUBSEP bd[b] SUBSEP sc[i])
		for (b = 1; b <= nb; b++) {
			a = med(p SUBSEP bd[b] SUBSEP sc[1]); z = med(p SUBSEP bd[b] SUBSEP sc[ns])
			printf " %s |", (a > 0 ? sprintf("%.2f", z / a) : "-")
		}
		printf "\n"
	}
}' "$OUT/order.txt" - | tee "${PAGES_OUT:-$OUT/table.txt}"
