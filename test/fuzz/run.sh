#!/bin/sh
# make fuzz: builds each test/fuzz/fuzz_*.c with libFuzzer, ASan and UBSan
# (clang from Debian) and runs it for FUZZ_SECONDS (default 60) each.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SECONDS_EACH=${FUZZ_SECONDS:-60}
mkdir -p build/fuzz
for src in test/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c)
	clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
	    -o "build/fuzz/$name" "$src" app/core/*.c \
	    -I/usr/include/postgresql -lcmark -lcrypto -lm -ljansson -lrhonabwy -lcurl
	mkdir -p "build/fuzz/$name.corpus"
	echo "fuzzing $name for ${SECONDS_EACH}s"
	"build/fuzz/$name" -max_total_time="$SECONDS_EACH" -print_final_stats=0 \
	    "build/fuzz/$name.corpus" 2>&1 | tail -n 3
done
