#!/bin/sh
# make test: the OpenID flow of app/core against the provider that
# test/run-all.sh started (test/oidc/provider.sh). Writes "passed failed"
# to $RESULTS/oidc.
set -u
RESULTS=${RESULTS:-var/test/results}
mkdir -p "$RESULTS"
if [ "$(sh test/oidc/provider.sh status)" != running ]; then
	echo "oidc: the provider is not running"
	echo "0 1" > "$RESULTS/oidc"
	exit 0
fi
out=$(build/oidc/oidc_flow var/oidc/credentials.json 2>&1)
echo "$out" | grep -v '^oidc: ok '
p=$(echo "$out" | sed -n 's/^oidc: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
f=$(echo "$out" | sed -n 's/^oidc: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
[ -n "$p" ] || { p=0; f=1; }
echo "$p $f" > "$RESULTS/oidc"
