#!/bin/sh
# make bench: every benchmark under test/bench/.
set -eu
cd "$(dirname "$0")"
sh ./participation.sh
