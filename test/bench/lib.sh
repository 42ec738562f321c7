# Shared by test/bench/*.sh (sourced).

# ports_free WHAT PORT...: stops the bench, before anything long (a data
# generation can take an hour), when one of the HTTP ports it will bind
# on 127.0.0.1 is taken.
ports_free() {
	what=$1; shift
	for p in "$@"; do
		python3 -c 'import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))' "$p" 2>/dev/null || {
			echo "bench: port $p ($what) is taken on 127.0.0.1: stop what listens there or choose another"
			exit 1
		}
	done
}
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
