#!/bin/sh
# The vote against PostgreSQL's own ceiling (issue 18, item 1), in one run,
# the same clients for both:
#   1. the ceiling: pgbench upserting one random row of a two-column table
#      (bench_ceiling, 100,000 keys), one durable commit per upsert;
#   2. participation_vote() on the proposals of one theme, every trigger
#      on (the statement behind POST /propositions/<id>/vote);
# then their ratio, the WAL each transaction writes (records and bytes,
# pg_stat_wal and pg_current_wal_lsn() around each run, divided by the
# transactions pgbench counted) and what the voting sessions waited for
# (pg_stat_activity sampled every 20 ms during the vote run). The WAL
# figures are the cluster's: run it on a cluster nothing else writes to.
# Ends with the recount of the theme's votes (exact, whatever the slots).
#
# Environment: PG_PORT (25432), BENCH_DB (agora_bench; generated when empty:
# VOTE_BENCH_PROPOSALS 2000, VOTE_BENCH_VOTES 20000,
# VOTE_BENCH_USERS 50000: most votes of a run are new ones, not changes), BENCH_CLIENTS (32),
# BENCH_SECONDS (10), VOTE_BENCH_DIAG (1; 0: skip the run without the
# proposal counters), VOTE_BENCH_COMMIT_DELAY (1000 us: both runs again
# with that commit_delay; 0: not), AGORA (build/agora: the binary that migrates).
# Nothing is pass/fail; the target is a ratio of 0.65 (README, Performance).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PG_PORT=${PG_PORT:-25432}
export PG_PORT
SECS=${BENCH_SECONDS:-10}
CLIENTS=${BENCH_CLIENTS:-32}
DB=${BENCH_DB:-agora_bench}
AGORA=${AGORA:-build/agora}
OUT=var/bench
PGBENCH=/usr/lib/postgresql/15/bin/pgbench
mkdir -p "$OUT"
[ -x "$PGBENCH" ] || { echo "bench: $PGBENCH is missing (postgresql-15)"; exit 1; }
export PGOPTIONS="-c client_min_messages=warning"
psql_db() { psql -X -q -tA -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" -c "$1"; }

sh conf/devdb.sh start >/dev/null
sh conf/devdb.sh ensure "$DB" >/dev/null
cat > "$OUT/ceiling.ini" <<INI
database = host=127.0.0.1 port=$PG_PORT dbname=$DB user=agora sslmode=disable gssencmode=disable
owner_database = host=127.0.0.1 port=$PG_PORT dbname=$DB user=agora_owner sslmode=disable gssencmode=disable
secret_file = var/secret
log_signing_key = var/log-signing-key.pem
INI
export AGORA_CONFIG="$OUT/ceiling.ini"
"$AGORA" migrate >/dev/null
n=$(psql_db "SELECT count(*) FROM contributions WHERE kind = 'proposal'")
if [ "$n" -lt 500 ]; then
	echo "bench: generating data (once)"
	"$AGORA" generate --proposals "${VOTE_BENCH_PROPOSALS:-2000}" \
	    --arguments 0 --votes "${VOTE_BENCH_VOTES:-20000}" \
	    --users "${VOTE_BENCH_USERS:-50000}" >/dev/null 2>&1
fi
[ "$(psql_db "SHOW synchronous_commit")" = on ] || { echo "bench: synchronous_commit is off"; exit 1; }

users=$(psql_db "SELECT count(*) FROM users WHERE deleted_at IS NULL")
psql_db "DROP TABLE IF EXISTS bench_voters, bench_targets, bench_ceiling;
    CREATE TABLE bench_ceiling (k int PRIMARY KEY, v bigint NOT NULL);
    INSERT INTO bench_ceiling SELECT g, 0 FROM generate_series(1, 100000) g;
    CREATE UNLOGGED TABLE bench_voters AS SELECT row_number() OVER (ORDER BY id) AS n, id
	FROM users WHERE deleted_at IS NULL;
    CREATE UNLOGGED TABLE bench_targets AS SELECT
	row_number() OVER (PARTITION BY c.theme_id ORDER BY c.id) AS tn, c.id, c.theme_id
	FROM contributions c JOIN consultations k ON k.id = c.consultation_id
	WHERE k.is_primary AND c.kind = 'proposal' AND c.status = 'published';
    CREATE INDEX ON bench_voters (n); CREATE INDEX ON bench_targets (theme_id, tn);
    GRANT SELECT ON bench_voters, bench_targets TO agora;
    GRANT SELECT, INSERT, UPDATE ON bench_ceiling TO agora" >/dev/null
psql_db "VACUUM ANALYZE bench_ceiling, bench_voters, bench_targets" >/dev/null
set -- $(psql_db "SELECT theme_id, count(*) FROM bench_targets GROUP BY 1
    ORDER BY 2 DESC LIMIT 1" | tr '|' ' ')
tid=$1; np=$2

cat > "$OUT/ceiling.sql" <<SQL
\\set k random(1, 100000)
INSERT INTO bench_ceiling (k, v) VALUES (:k, 1)
    ON CONFLICT (k) DO UPDATE SET v = bench_ceiling.v + 1;
SQL
# The vote's ids straight from pgbench's random numbers when they follow
# a pattern (agora generate numbers its people 1..N and deals proposals to
# the themes in turn): looking them up in the statement costs two index
# scans and the planning of two sublinks per vote, about what the
# ceiling's whole upsert costs, and the HTTP vote has its ids already
# (the session and the address). Otherwise the lookups.
set -- $(psql_db "SELECT min(id), (max(id) - min(id) + 1 = count(*))::int
    FROM bench_voters" | tr '|' ' ')
umin=$1; udense=$2
set -- $(psql_db "SELECT min_id, step, bool_and(id = min_id + step * (tn - 1))::int
    FROM (SELECT id, tn, min(id) OVER () AS min_id, (max(id) OVER ()
	- min(id) OVER ()) / greatest(count(*) OVER () - 1, 1) AS step
    FROM bench_targets WHERE theme_id = $tid) t GROUP BY 1, 2" | tr '|' ' ')
pmin=$1; pstep=$2; pregular=$3
if [ "$udense" = 1 ] && [ "$pregular" = 1 ]; then
	vote_ids="the ids from pgbench"
	cat > "$OUT/vote-theme.sql" <<SQL
\\set v $((umin - 1)) + random(1, $users)
\\set k $pmin + $pstep * (random(1, $np) - 1)
\\set c random(1, 3)
SELECT participation_vote(:v, :k, (ARRAY['agree', 'mixed', 'disagree'])[:c]);
SQL
else
	vote_ids="the ids looked up"
	cat > "$OUT/vote-theme.sql" <<SQL
\\set v random(1, $users)
\\set k random(1, $np)
\\set c random(1, 3)
SELECT participation_vote((SELECT id FROM bench_voters WHERE n = :v),
    (SELECT id FROM bench_targets WHERE theme_id = $tid AND tn = :k),
    (ARRAY['agree', 'mixed', 'disagree'])[:c]);
SQL
fi
ok=$(psql -X -q -tA -h 127.0.0.1 -p "$PG_PORT" -U agora -d "$DB" -c "SELECT participation_vote(
    (SELECT id FROM bench_voters WHERE n = 1),
    (SELECT id FROM bench_targets WHERE theme_id = $tid AND tn = 1), 'agree')")
[ "$ok" = ok ] || { echo "bench: a vote is refused ($ok): is the consultation open?"; exit 1; }

wal() { psql_db "SELECT wal_records, wal_bytes, pg_current_wal_lsn() - '0/0'::pg_lsn FROM pg_stat_wal" | tr '|' ' '; }

# run NAME: pgbench on $OUT/NAME.sql; sets tps, xacts, recs, bytes (per xact).
run() {
	psql_db "CHECKPOINT" >/dev/null
	set -- $(wal); r0=$1; b0=$3
	lsn0=$(psql_db "SELECT pg_current_wal_lsn()")
	"$PGBENCH" -n -h 127.0.0.1 -p "$PG_PORT" -U agora -c "$CLIENTS" -j 2 -T "$SECS" \
	    -f "$OUT/$NAME.sql" "$DB" > "$OUT/$NAME.out" 2>&1
	set -- $(wal); r1=$1; b1=$3
	lsn1=$(psql_db "SELECT pg_current_wal_lsn()")
	tps=$(awk '/^tps/ { printf "%d", $3 }' "$OUT/$NAME.out")
	xacts=$(awk '/actually processed/ { split($NF, a, "/"); print a[1] }' "$OUT/$NAME.out")
	recs=$(awk -v a="$r0" -v b="$r1" -v n="$xacts" 'BEGIN { printf "%.1f", (b - a) / n }')
	bytes=$(awk -v a="$b0" -v b="$b1" -v n="$xacts" 'BEGIN { printf "%d", (b - a) / n }')
}

# The samples of the vote run: a session polling pg_stat_activity.
# Unlogged: the samples must not add their own WAL to the vote run's.
psql_db "DROP TABLE IF EXISTS bench_waits;
    CREATE UNLOGGED TABLE bench_waits (w text)" >/dev/null
sample() {
	psql_db "DO \$\$ BEGIN FOR i IN 1..$((SECS * 50 - 25)) LOOP
	    INSERT INTO bench_waits SELECT coalesce(wait_event_type || ':' ||
		wait_event, 'CPU') FROM pg_stat_activity
		WHERE datname = current_database() AND usename = 'agora'
		AND state = 'active' AND pid <> pg_backend_pid();
	    PERFORM pg_stat_clear_snapshot(); PERFORM pg_sleep(0.02); END LOOP; END \$\$" >/dev/null
}

NAME=ceiling; run
c_tps=$tps; c_recs=$recs; c_bytes=$bytes
before=$(psql_db "SELECT count(*) FROM votes v JOIN contributions c ON c.id = v.contribution_id
    WHERE c.theme_id = $tid")
sleep 0.2
sample & SPID=$!
NAME=vote-theme; run
wait $SPID
v_tps=$tps; v_recs=$recs; v_bytes=$bytes; v_xacts=$xacts; v_lsn0=$lsn0; v_lsn1=$lsn1
# What those records are, read before the next run's checkpoint recycles
# the segments (pg_walinspect, a contrib module of the server
# package; created for this and dropped): per record type, per vote.
if psql_db "CREATE EXTENSION IF NOT EXISTS pg_walinspect" >/dev/null 2>&1; then
	echo "  WAL of the vote run by record type (pg_walinspect; per vote):" > "$OUT/wal-types.txt"
	psql_db "SELECT format('    %-32s %6s records %7s bytes (%s of them page images)',
	    \"resource_manager/record_type\", round(count::numeric / $v_xacts, 2),
	    round(combined_size::numeric / $v_xacts), round(fpi_size::numeric / $v_xacts))
	    FROM pg_get_wal_stats('$v_lsn0', '$v_lsn1', true)
	    WHERE count > 0 ORDER BY count DESC LIMIT 12" >> "$OUT/wal-types.txt"
	psql_db "DROP EXTENSION pg_walinspect" >/dev/null
else
	: > "$OUT/wal-types.txt"
fi

# What the proposal's counters cost (proposal_votes, migration 0380: one
# narrow row and its three order indexes per proposal): the same run with
# votes_count off, then the theme's counters recounted from the votes (the
# bench's own data).
n_tps=0; n_recs=-; n_bytes=0
if [ "${VOTE_BENCH_DIAG:-1}" = 1 ]; then
psql_db "ALTER TABLE votes DISABLE TRIGGER votes_count;
    ALTER TABLE votes DISABLE TRIGGER votes_count_change" >/dev/null
NAME=vote-theme; run
psql_db "ALTER TABLE votes ENABLE TRIGGER votes_count;
    ALTER TABLE votes ENABLE TRIGGER votes_count_change;
    UPDATE proposal_votes c SET votes_agree = x.a, votes_mixed = x.m,
	votes_disagree = x.d
    FROM (SELECT p.id, count(v.user_id) FILTER (WHERE v.choice = 'agree') AS a,
	count(v.user_id) FILTER (WHERE v.choice = 'mixed') AS m,
	count(v.user_id) FILTER (WHERE v.choice = 'disagree') AS d
	FROM contributions p LEFT JOIN votes v ON v.contribution_id = p.id
	WHERE p.theme_id = $tid AND p.kind = 'proposal' GROUP BY p.id) x
    WHERE c.contribution_id = x.id
	AND (c.votes_agree, c.votes_mixed, c.votes_disagree)
	IS DISTINCT FROM (x.a, x.m, x.d)" >/dev/null
n_tps=$tps; n_recs=$recs; n_bytes=$bytes
fi

# Group commit (durability unchanged: every commit still waits for its
# flush): the ceiling and the vote again with commit_delay for the bench's
# role (VOTE_BENCH_COMMIT_DELAY microseconds; 0: skipped), reset after.
CD=${VOTE_BENCH_COMMIT_DELAY:-1000}
if [ "$CD" -gt 0 ]; then
	psql_db "ALTER ROLE agora IN DATABASE $DB SET commit_delay = $CD" >/dev/null
	NAME=ceiling; run
	d_c_tps=$tps
	NAME=vote-theme; run
	d_v_tps=$tps; d_v_recs=$recs; d_v_bytes=$bytes
	psql_db "ALTER ROLE agora IN DATABASE $DB RESET commit_delay" >/dev/null
fi

check=$(psql_db "SELECT (SELECT votes FROM report_theme_totals WHERE theme_id = $tid)
    = (SELECT count(*) FROM votes v JOIN contributions c ON c.id = v.contribution_id
    WHERE c.theme_id = $tid AND c.is_public)" 2>/dev/null || echo "n/a (before 0350)")
echo "votes against the ceiling: $CLIENTS clients, ${SECS} s each, synchronous_commit on ($vote_ids)"
printf '  %-44s %7d tps  %5s WAL records %6d bytes per commit\n' \
    "pgbench upsert of one random row" "$c_tps" "$c_recs" "$c_bytes"
printf '  %-44s %7d tps  %5s WAL records %6d bytes per commit\n' \
    "participation_vote(), one theme, all triggers" "$v_tps" "$v_recs" "$v_bytes"
printf '  %-44s %7d tps  %5s WAL records %6d bytes per commit\n' \
    "the same, proposal_votes counters off" "$n_tps" "$n_recs" "$n_bytes"
awk -v v="$v_tps" -v c="$c_tps" 'BEGIN { printf "  ratio vote / ceiling %.2f (target 0.65)\n", (c > 0 ? v / c : 0) }'
if [ "$CD" -gt 0 ]; then
	printf '  with commit_delay = %d us (commit_siblings 5), the same durability:\n' "$CD"
	printf '  %-44s %7d tps\n' "pgbench upsert of one random row" "$d_c_tps"
	printf '  %-44s %7d tps  %5s WAL records %6d bytes per commit\n' \
	    "participation_vote(), one theme, all triggers" "$d_v_tps" "$d_v_recs" "$d_v_bytes"
	awk -v v="$d_v_tps" -v c="$d_c_tps" -v v0="$v_tps" 'BEGIN { printf "  ratio vote / ceiling %.2f with commit_delay (vote %.2f of the vote without)\n", (c > 0 ? v / c : 0), (v0 > 0 ? v / v0 : 0) }'
fi
echo "  wait events of the voting sessions (share of $(psql_db "SELECT count(*) FROM bench_waits") samples):"
psql_db "SELECT format('    %-32s %5s %%', w, round(100.0 * count(*) / sum(count(*)) OVER (), 1))
    FROM bench_waits GROUP BY w ORDER BY count(*) DESC LIMIT 8"
cat "$OUT/wal-types.txt"
echo "  theme $tid: $before votes before the run; report = recount: $check"
psql_db "DROP TABLE bench_voters, bench_targets, bench_ceiling, bench_waits" >/dev/null
