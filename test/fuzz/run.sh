#!/bin/sh
# The libFuzzer harnesses of test/fuzz/ (clang from Debian, ASan + UBSan,
# every UBSan report fatal), one per parser of outside input.
#   sh test/fuzz/run.sh            make fuzz: FUZZ_SECONDS (60) each
#   sh test/fuzz/run.sh --short    make test: the committed corpus and every
#                                  past crash replayed, then 3 s each
# FUZZ_ONLY=name runs one harness. Each harness starts from its committed
# seeds (test/fuzz/corpus/<name>/) and what earlier runs found
# (build/fuzz/<name>.corpus/). Inputs that once crashed live in
# test/fuzz/regress/<name>/ and are replayed every time: a crash found here
# is written to build/fuzz/crash/; fix it, then commit the input there.
# Writes "passed failed" to $RESULTS/fuzz when RESULTS is set.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SHORT=0
[ "${1:-}" = "--short" ] && SHORT=1
if [ "$SHORT" = 1 ]; then SECONDS_EACH=${FUZZ_SECONDS:-3}; else SECONDS_EACH=${FUZZ_SECONDS:-60}; fi
CC=${FUZZ_CC:-clang}
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
CFLAGS="-g -O1 -std=c11 -D_GNU_SOURCE -I/usr/include/postgresql $SAN"
B=build/fuzz
mkdir -p "$B/core" "$B/crash"

# app/core once, instrumented for coverage (fuzzer-no-link). Only the
# objects of today's sources are linked (one left by a removed or renamed
# file would define its functions twice).
objs=
for c in app/core/*.c; do
	o="$B/core/$(basename "$c" .c).o"
	objs="$objs $o"
	if [ ! -f "$o" ] || [ "$c" -nt "$o" ] || [ -n "$(find app/core -name '*.h' -newer "$o" 2>/dev/null | head -1)" ]; then
		$CC $CFLAGS -fsanitize=fuzzer-no-link -c -o "$o" "$c" || exit 1
	fi
done

passed=0
failed=0
for src in test/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c)
	case "$name" in *"${FUZZ_ONLY:-}"*) ;; *) continue ;; esac
	bin="$B/$name"
	# shellcheck disable=SC2086
	if ! $CC $CFLAGS -fsanitize=fuzzer -o "$bin" "$src" $objs \
	    -lcmark -lcrypto -lm -ljansson -lrhonabwy -lcurl; then
		echo "FAILED  fuzz $name: does not build"; failed=$((failed + 1)); continue
	fi
	seeds=test/fuzz/corpus/${name#fuzz_}
	regress=test/fuzz/regress/${name#fuzz_}
	mkdir -p "$B/$name.corpus"
	ok=1
	# Every past crash, then every seed, once (a regression test each).
	for d in "$regress" "$seeds"; do
		[ -d "$d" ] || continue
		files=$(find "$d" -type f | sort)
		[ -n "$files" ] || continue
		# shellcheck disable=SC2086
		if ! "$bin" -runs=0 $files > "$B/$name.replay.log" 2>&1; then
			echo "FAILED  fuzz $name: an input of $d crashes it:"
			grep -E "ERROR|SUMMARY|Running: " "$B/$name.replay.log" | tail -n 4
			ok=0
		fi
	done
	if [ "$ok" = 1 ]; then
		dirs="$B/$name.corpus"
		[ -d "$seeds" ] && dirs="$dirs $seeds"
		# shellcheck disable=SC2086
		if ! "$bin" -max_total_time="$SECONDS_EACH" -timeout=10 \
		    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
		    -artifact_prefix="$B/crash/$name-" $dirs > "$B/$name.log" 2>&1; then
			echo "FAILED  fuzz $name: crash after fuzzing; input in $B/crash/:"
			grep -E "ERROR|SUMMARY|Test unit written" "$B/$name.log" | tail -n 4
			ok=0
		fi
	fi
	if [ "$ok" = 1 ]; then
		runs=$(grep -E "stat::number_of_executed_units" "$B/$name.log" | awk '{print $2}')
		cov=$(grep -oE "cov: [0-9]+" "$B/$name.log" | tail -1)
		echo "ok      fuzz $name (${SECONDS_EACH}s: ${runs:-?} runs, ${cov:-cov: ?})"
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
done
echo "fuzz: $passed passed, $failed failed"
if [ -n "${RESULTS:-}" ]; then
	mkdir -p "$RESULTS"
	echo "$passed $failed" > "$RESULTS/fuzz"
fi
[ "$failed" -eq 0 ]
