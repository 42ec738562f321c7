#!/bin/sh
# make test: the opinion map against Pol.is's own groups on its published
# conversations (../shared/data/polis_opendata). Prints the whole table,
# then checks the adjusted Rand index where Pol.is's groups are well
# separated (README, "Opinion map — method"): brexit-consensus with
# Agora's settings; bg2050-volunteers with groups allowed below 10 people,
# since Pol.is's second group there holds 8 (Agora's minimum of 10 is the
# privacy rule, not a matter of maths). Writes "passed failed" to
# $RESULTS/opinion.
set -u
RESULTS=${RESULTS:-var/test/results}
DATA=${POLIS_DATA:-../shared/data/polis_opendata}
BIN=build/opinion/polis_check
mkdir -p "$RESULTS"
passed=0
failed=0
if [ ! -d "$DATA" ]; then
	echo "opinion: no Pol.is data at $DATA"
	echo "0 1" > "$RESULTS/opinion"
	exit 0
fi
"$BIN" "$DATA"/*/ 2>&1 | sed 's/^/opinion: /'
check() {
	out=$("$BIN" --min-ari 0.8 "$@" 2>&1)
	echo "$out" | grep -v '^conversation\|^opinion: ' | sed 's/^/opinion: /'
	p=$(echo "$out" | sed -n 's/^opinion: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(echo "$out" | sed -n 's/^opinion: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	[ -n "$p" ] || { p=0; f=1; }
	passed=$((passed + p))
	failed=$((failed + f))
}
check "$DATA/brexit-consensus"
check --min-group 5 "$DATA/bg2050-volunteers"
echo "opinion: $passed passed, $failed failed"
echo "$passed $failed" > "$RESULTS/opinion"
