# Shared by test/bench/bench_*.sh (sourced).
# wrk_rate PATH: requests per second kore serves on PATH (64 connections).
wrk_rate() {
	wrk -t2 -c64 -d"${BENCH_SECONDS}s" "http://127.0.0.1:$BENCH_PORT$1" 2>/dev/null |
	    awk '/Requests\/sec/ {printf "%d", $2}'
}

# pg_rate FILE: transactions per second pgbench reaches running FILE (64 clients).
pg_rate() {
	pgbench -n -h 127.0.0.1 -p "$PG_PORT" -U agora -c 64 -j 2 -T "$BENCH_SECONDS" \
	    -f "$1" "$BENCH_DB" 2>/dev/null | awk '/^tps/ {printf "%d", $3}'
}

# pg_script NAME [PARAM...]: a pgbench script holding `agora sql NAME` with
# $1, $2... replaced by the given literal values.
pg_script() {
	name=$1; shift
	f=var/bench/$name.sql
	build/agora sql "$name" > "$f"
	i=1
	for v in "$@"; do
		sed -i "s/\\\$$i\\b/$v/g" "$f"
		i=$((i + 1))
	done
	echo "$f"
}

# report LABEL KORE_RATE PG_RATE
report() {
	awk -v l="$1" -v k="$2" -v p="$3" 'BEGIN {
	    printf "%-34s kore %7d req/s   pgbench %7d tps   ratio %.2f\n", l, k, p, (p > 0 ? k / p : 0) }'
}
