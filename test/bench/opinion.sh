#!/bin/sh
# make bench-opinion: the opinion map on synthetic votes with planted groups
# at 1 %, 10 % and 100 % of Grand Débat scale (50 000 people, 10 000 000
# votes, 500 000 statements), one process each so that each peak memory is
# its own. OPINION_BENCH_STAGES=1 adds the seconds per stage. Nothing here
# is a pass/fail test (README, "Opinion map — method").
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
echo "     %   people statements      votes  steering   wall s    cpu s   max MB   k   ARI   silh. iters"
for p in ${OPINION_BENCH_PERCENTS:-1 10 100}; do
	build/bench/opinion_bench --percent "$p"
done
