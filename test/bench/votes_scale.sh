#!/bin/sh
# Votes under the report rollups, at Grand Débat scale (the agora_scale
# database of `make bench-scale`, generated there first). Every vote goes
# through participation_vote() (the statement behind POST .../vote) and its
# triggers: the proposal's counters and the theme's rollup row
# (report_themes, migration 0070), which every vote of a theme updates.
# pgbench, BENCH_CLIENTS clients (32), BENCH_SECONDS each (10):
#   1. votes on the proposals of one theme (every vote on one rollup row);
#   2. the same with the rollup triggers disabled (their cost);
#   3. votes spread over the seven themes.
# Run 2 leaves the rollups behind: they are rebuilt from the base tables
# afterwards (report_rollups_rebuild(), checked by a recount). Votes cast
# here stay in the database, as any vote would. Nothing is pass/fail.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PG_PORT=${PG_PORT:-25432}
export PG_PORT
SECS=${BENCH_SECONDS:-10}
CLIENTS=${BENCH_CLIENTS:-32}
DB=${BENCH_SCALE_DB:-agora_scale}
OUT=var/bench-scale
PGBENCH=/usr/lib/postgresql/15/bin/pgbench
mkdir -p "$OUT"
psql_db() { psql -X -q -tA -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" -c "$1"; }

sh conf/devdb.sh start >/dev/null
cat > "$OUT/votes.ini" <<INI
database = host=127.0.0.1 port=$PG_PORT dbname=$DB user=agora sslmode=disable gssencmode=disable
owner_database = host=127.0.0.1 port=$PG_PORT dbname=$DB user=agora_owner sslmode=disable gssencmode=disable
secret_file = var/secret
log_signing_key = var/log-signing-key.pem
INI
export AGORA_CONFIG="$OUT/votes.ini"
build/agora migrate >/dev/null
n=$(psql_db "SELECT count(*) FROM contributions" 2>/dev/null || echo 0)
[ "$n" -ge 1000 ] || { echo "bench: no data in $DB: run make bench-scale first"; exit 1; }

users=$(psql_db "SELECT count(*) FROM users WHERE deleted_at IS NULL")
psql_db "DROP TABLE IF EXISTS bench_voters, bench_targets;
    CREATE UNLOGGED TABLE bench_voters AS SELECT row_number() OVER (ORDER BY id) AS n, id
	FROM users WHERE deleted_at IS NULL;
    CREATE UNLOGGED TABLE bench_targets AS SELECT row_number() OVER (ORDER BY c.id) AS n,
	row_number() OVER (PARTITION BY c.theme_id ORDER BY c.id) AS tn, c.id, c.theme_id
	FROM contributions c JOIN consultations k ON k.id = c.consultation_id
	WHERE k.is_primary AND c.kind = 'proposal' AND c.status = 'published';
    CREATE INDEX ON bench_voters (n); CREATE INDEX ON bench_targets (n);
    CREATE INDEX ON bench_targets (theme_id, tn);
    GRANT SELECT ON bench_voters, bench_targets TO agora;"
set -- $(psql_db "SELECT t.id, t.slug, count(*) FROM bench_targets b JOIN themes t
    ON t.id = b.theme_id GROUP BY t.id, t.slug ORDER BY count(*) DESC LIMIT 1" | tr '|' ' ')
tid=$1; theme=$2; np=$3
all=$(psql_db "SELECT count(*) FROM bench_targets")

# One vote per transaction, as POST /propositions/<id>/vote sends it.
for f in one spread; do
	if [ $f = one ]; then
		target="SELECT id FROM bench_targets WHERE theme_id = $tid AND tn = :k"; max=$np
	else
		target="SELECT id FROM bench_targets WHERE n = :k"; max=$all
	fi
	cat > "$OUT/vote-$f.sql" <<SQL
\\set v random(1, $users)
\\set k random(1, $max)
\\set c random(1, 3)
SELECT participation_vote((SELECT id FROM bench_voters WHERE n = :v), ($target),
    (ARRAY['agree', 'mixed', 'disagree'])[:c]);
SQL
done
ok=$(psql -X -q -tA -h 127.0.0.1 -p "$PG_PORT" -U agora -d "$DB" -c "SELECT participation_vote(
    (SELECT id FROM bench_voters WHERE n = 1), (SELECT id FROM bench_targets WHERE n = 1), 'agree')")
[ "$ok" = ok ] || { echo "bench: a vote is refused ($ok): is the consultation open?"; exit 1; }

# run one|spread: votes per second (pgbench tps).
run() {
	"$PGBENCH" -n -h 127.0.0.1 -p "$PG_PORT" -U agora -c "$CLIENTS" -j 2 -T "$SECS" \
	    -f "$OUT/vote-$1.sql" "$DB" 2>&1 | awk '/^tps/ { printf "%d", $3 }'
}
one=$(run one)
psql_db "ALTER TABLE votes DISABLE TRIGGER report_votes_ins;
    ALTER TABLE votes DISABLE TRIGGER report_votes_upd;
    ALTER TABLE votes DISABLE TRIGGER report_votes_del" >/dev/null
bare=$(run one)
psql_db "ALTER TABLE votes ENABLE TRIGGER report_votes_ins;
    ALTER TABLE votes ENABLE TRIGGER report_votes_upd;
    ALTER TABLE votes ENABLE TRIGGER report_votes_del" >/dev/null
spread=$(run spread)
t0=$(date +%s)
psql_db "SELECT report_rollups_rebuild()" >/dev/null
t1=$(date +%s)
check=$(psql_db "SELECT (SELECT sum(votes) FROM report_theme_votes) = (SELECT count(*) FROM votes v
    JOIN contributions c ON c.id = v.contribution_id WHERE c.is_public)")
psql_db "DROP TABLE bench_voters, bench_targets" >/dev/null
echo "votes/s, $CLIENTS clients, ${SECS} s each ($(psql_db "SELECT count(*) FROM votes") votes in the database)"
printf '  one theme (%s), rollup triggers on   %8d\n' "$theme" "$one"
printf '  one theme (%s), rollup triggers off  %8d\n' "$theme" "$bare"
printf '  seven themes, rollup triggers on          %8d\n' "$spread"
echo "  rollups rebuilt in $((t1 - t0)) s; recount matches: $check"
