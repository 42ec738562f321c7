#!/bin/sh
# Participation benchmark: for each page, wrk against kore (HTTP, the whole
# stack) and pgbench running that page's own SQL (the same statements,
# printed by sqlprint) with the same 64 clients on the same database; prints
# both rates and their ratio (HTTP / SQL: 1.0 means the web layer costs
# nothing beyond the database), plus a static file for reference; then votes
# sent over HTTP by signed-in people against the same statements in pgbench.
#
# Environment: PG_PORT (25432), BENCH_HTTP_PORT (8897), BENCH_SECONDS (8),
# BENCH_VOTES_ONLY (set: the votes alone),
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
. test/bench/lib.sh
ports_free BENCH_HTTP_PORT "$PORT"

sh conf/devdb.sh start >/dev/null
sh conf/devdb.sh ensure "$DB" >/dev/null
cat > "$OUT/agora.ini" <<INI
database = host=127.0.0.1 port=$PG_PORT dbname=$DB user=agora sslmode=disable gssencmode=disable
owner_database = host=127.0.0.1 port=$PG_PORT dbname=$DB user=agora_owner sslmode=disable gssencmode=disable
secret_file = var/secret
log_signing_key = var/log-signing-key.pem
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

cc -O2 -I"$(pg_config --includedir 2>/dev/null || echo /usr/include/postgresql)" -o "$OUT/sqlprint" test/bench/sqlprint.c app/db/participation.c app/db/sessions.c app/db/threads.c

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
	"$OUT/sqlprint" count "$TID" "$2" "$3" NULL
	if [ "$1" = hasard ]; then
		"$OUT/sqlprint" hasard "$TID" "$2" "$3" 20 "$4" NULL 123456789
	else
		"$OUT/sqlprint" "$1" "$TID" "$2" "$3" 20 "$4" NULL
	fi
}

rate_http() {
	wrk -t2 -c64 -d"${SECS}s" "http://127.0.0.1:$PORT$1" 2>&1 |
	    awk '/Requests\/sec/ { print $2 } /Non-2xx/ { print "non-2xx:" $NF > "/dev/stderr" }'
}

# rate_sql FILE [CLIENTS]: pgbench tps of FILE (64 clients, as wrk's).
rate_sql() {
	"$PGBENCH" -n -h 127.0.0.1 -p "$PG_PORT" -U agora -c "${2:-64}" -j 2 -T "$SECS" \
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

if [ -z "${BENCH_VOTES_ONLY:-}" ]; then
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
{ "$OUT/sqlprint" proposal "$PID" NULL 30; "$OUT/sqlprint" thread-counts "$PID"
  "$OUT/sqlprint" thread "$PID" NULL 20 '' NULL '' NULL '' NULL 10 NULL 2000 30 false; } > "$OUT/proposal.sql"
run "proposal /propositions/$PID" "/propositions/$PID" "$OUT/proposal.sql"
fi
# Votes over HTTP: VOTERS signed-in people (accounts and sessions made here,
# tokens known), random published proposals of the open consultation, the
# vote form as the button sends it (test/bench/vote.lua), against pgbench
# running the same two statements: the session lookup and
# participation_vote(). Votes cast here stay, as any vote would.
VOTERS=200
tok="'agorabench' || lpad(n::text, 33, '0')"
psql_db "DROP TABLE IF EXISTS bench_targets, bench_voters;
    CREATE UNLOGGED TABLE bench_targets AS SELECT row_number() OVER (ORDER BY c.id) AS n, c.id
	FROM contributions c JOIN consultations k ON k.id = c.consultation_id
	WHERE k.is_primary AND c.kind = 'proposal' AND c.status = 'published';
    CREATE UNLOGGED TABLE bench_voters (n int PRIMARY KEY, id bigint);
    DELETE FROM sessions WHERE token_hash IN (SELECT encode(sha256(convert_to($tok,
	'UTF8')), 'hex') FROM generate_series(1, $VOTERS) n);
    WITH u AS (INSERT INTO users (email, display_name, territory_code, privacy_accepted_at,
	verified_at, created_at) SELECT 'bench-' || md5(random()::text) || '@example.org',
	'Votant ' || n, '37', now(), now(), now() - interval '30 days'
	FROM generate_series(1, $VOTERS) n RETURNING id)
    INSERT INTO bench_voters SELECT row_number() OVER (ORDER BY id), id FROM u;
    INSERT INTO user_roles (user_id, role) SELECT id, 'citizen' FROM bench_voters;
    INSERT INTO sessions (user_id, token_hash) SELECT id,
	encode(sha256(convert_to($tok, 'UTF8')), 'hex') FROM bench_voters;
    CREATE INDEX ON bench_targets (n);
    GRANT SELECT ON bench_targets, bench_voters TO agora;" >/dev/null
ntargets=$(psql_db "SELECT count(*) FROM bench_targets")
psql_db "SELECT id FROM bench_targets" > "$OUT/targets.txt"
: > "$OUT/voters.txt"
for n in $(seq 1 $VOTERS); do
	t=$(printf 'agorabench%033d' "$n")
	c=$(curl -s -b "agora_sid=$t" "http://127.0.0.1:$PORT/charte" |
	    sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
	[ -n "$c" ] || { echo "bench: no CSRF token for voter $n"; exit 1; }
	echo "$t $c" >> "$OUT/voters.txt"
done
{
	printf '\\set v random(1, %d)\n\\set k random(1, %d)\n\\set c random(1, 3)\n' \
	    "$VOTERS" "$ntargets"
	"$OUT/sqlprint" session "=encode(sha256(convert_to('agorabench' || lpad(:v::text, 33, '0'), 'UTF8')), 'hex')" 120 10080
	"$OUT/sqlprint" vote "=(SELECT id FROM bench_voters WHERE n = :v)" \
	    "=(SELECT id FROM bench_targets WHERE n = :k)" "=(ARRAY['agree', 'mixed', 'disagree'])[:c]" \
	    "=false"
} > "$OUT/vote.sql"
h=$(wrk -t2 -c64 -d"${SECS}s" -s test/bench/vote.lua "http://127.0.0.1:$PORT" -- \
    "$OUT/voters.txt" "$OUT/targets.txt" 2>&1 |
    awk '/Requests\/sec/ { print $2 } /Non-2xx/ { print "non-2xx:" $NF > "/dev/stderr" }')
s=$(rate_sql "$OUT/vote.sql")
r=$(awk -v h="$h" -v s="$s" 'BEGIN { if (s > 0) printf "%.2f", h / s; else print "-" }')
printf '%-34s %12s %12s %7s\n' "vote POST (303)" "$h" "$s" "$r"
# kore reaches PostgreSQL through its pool (workers x pgsql_conn_max): the
# same statements from that many clients.
pool=$(awk '/^workers/ { w = $2 } /^pgsql_conn_max/ { c = $2 } END { print w * c }' conf/agora.conf)
s=$(rate_sql "$OUT/vote.sql" "$pool")
r=$(awk -v h="$h" -v s="$s" 'BEGIN { if (s > 0) printf "%.2f", h / s; else print "-" }')
printf '%-34s %12s %12s %7s\n' "  (pgbench with $pool clients)" "$h" "$s" "$r"
psql_db "DROP TABLE bench_targets, bench_voters" >/dev/null

if grep -q "sandbox violation\|died" "$OUT/kore.log"; then
	echo "bench: kore log shows a crash"; exit 1
fi
