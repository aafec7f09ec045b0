#!/usr/bin/env bash
# Instructions per input byte and start-up instructions of one or more
# whosaid binaries, side by side, counted by callgrind (exact and
# repeatable on a loaded machine, unlike a clock).
#
#   scripts/instructions.sh [BIN ...]      (default: target/release/whosaid)
#
# For each binary: `extract -j 1` of one document (the start-up: building
# the gazetteer, the lexicon and the tagger, and one small article), of
# 400 KB of the Wikinews dev articles repeated with distinct ids
# (scripts/repeat_corpus.py) and of 400 KB of `gen-corpus` text; per byte
# is (instructions of the 400 KB run - instructions of the one-document
# run) / input bytes. The corpora are made once in target/bench/. Needs
# valgrind; takes about a minute a binary.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v valgrind >/dev/null; then
    echo "instructions.sh: needs valgrind (apt-get install valgrind)" >&2
    exit 2
fi
bins=("$@")
if [ ${#bins[@]} -eq 0 ]; then
    cargo build --release --quiet
    bins=(target/release/whosaid)
fi
for b in "${bins[@]}"; do
    if [ ! -x "$b" ]; then
        echo "instructions.sh: $b is not an executable" >&2
        exit 2
    fi
done

dir=target/bench
mkdir -p "$dir"
wn="$dir/wn04.jsonl"
gen="$dir/gen04.jsonl"
one="$dir/one.jsonl"
[ -s "$wn" ] || python3 scripts/repeat_corpus.py --mb 0.4 -o "$wn"
if [ ! -s "$gen" ]; then
    "${bins[0]}" gen-corpus --mb 1 --seed 1 -o "$dir/gen1.jsonl"
    # Whole lines only: the first documents up to 400 KB.
    awk '{ n += length($0) + 1; if (n > 400000) exit; print }' \
        "$dir/gen1.jsonl" > "$gen"
fi
[ -s "$one" ] || head -n 1 "$wn" > "$one"

# Instructions of one run: callgrind's total.
count() {
    local out
    out=$(mktemp)
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        "$1" extract -j 1 "$2" -o "$out" 2>&1 |
        awk '/refs:/ { gsub(",", "", $NF); print $NF }'
    rm -f "$out"
}

printf '%-40s %14s %14s %14s\n' binary "start-up (M)" "Wikinews /B" "gen-corpus /B"
for b in "${bins[@]}"; do
    start=$(count "$b" "$one")
    w=$(count "$b" "$wn")
    g=$(count "$b" "$gen")
    awk -v b="$b" -v s="$start" -v w="$w" -v g="$g" \
        -v wb="$(stat -c %s "$wn")" -v gb="$(stat -c %s "$gen")" \
        'BEGIN { printf "%-40s %14.1f %14.1f %14.1f\n", b, s / 1e6, (w - s) / wb, (g - s) / gb }'
done
