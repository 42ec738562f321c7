#!/bin/sh
# Runs the cmocka unit-test binaries given as arguments; writes the totals
# to $RESULTS/unit (one line: "passed failed").
set -u
RESULTS=${RESULTS:-var/test/results}
mkdir -p "$RESULTS"
passed=0
failed=0
for bin in "$@"; do
	out=$("$bin" 2>&1)
	echo "$out" | grep -E '^\[  (  OK|FAILED|PASSED) ' | grep -v '^\[  PASSED' | sed "s|^|$(basename "$bin"): |"
	p=$(echo "$out" | grep -c '^\[       OK \]')
	f=$(echo "$out" | grep -c '^\[  FAILED  \] [a-z_]')
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		echo "$(basename "$bin"): ran no test or crashed:"; echo "$out" | tail -5
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "unit: $passed passed, $failed failed"
echo "$passed $failed" > "$RESULTS/unit"
