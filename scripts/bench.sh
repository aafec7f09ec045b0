#!/usr/bin/env bash
# End-to-end benchmark: builds the release binary, generates corpora of
# 10, 100 and 500 MB (once, in target/bench/, never in git), and runs
# `whosaid extract` over each with 1 and 2 threads, writing the CSV to a
# file. Prints MB/s (wall), MB per CPU second, and peak RSS.
#
#   scripts/bench.sh               # 10 100 500
#   BENCH_SIZES="1 10" scripts/bench.sh
#   BENCH_THREADS="1 2 4" scripts/bench.sh
#
# MB is 10^6 bytes of JSONL input. Other jobs on the machine skew the
# figures: the load average is printed before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${BENCH_SIZES:-10 100 500}
threads=${BENCH_THREADS:-1 2}
target=${CARGO_TARGET_DIR:-target}
dir=$target/bench
mkdir -p "$dir"

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (for peak RSS)" >&2
  apt-get install -y time >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi

cargo build --release --quiet
bin=$target/release/whosaid

for mb in $sizes; do
  corpus=$dir/corpus-$mb.jsonl
  if [ ! -s "$corpus" ]; then
    "$bin" gen-corpus --mb "$mb" --seed 1 -o "$corpus.tmp" 2>/dev/null
    mv "$corpus.tmp" "$corpus"
  fi
done

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Startup: the gazetteer and lexicon build, on a one-line input.
echo '{"doc_id":"x","text":"\"Hi,\" she said."}' > "$dir/one.jsonl"
start=$(date +%s.%N)
"$bin" extract -q -j 1 "$dir/one.jsonl" > /dev/null
end=$(date +%s.%N)
awk -v a="$start" -v b="$end" \
  'BEGIN { printf "startup (gazetteer build + one document): %.3f s\n", b - a }'

printf '\n| input MB | docs | threads | wall s | MB/s | CPU s | MB per CPU s | peak RSS MB | rows |\n'
printf '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
for mb in $sizes; do
  corpus=$dir/corpus-$mb.jsonl
  bytes=$(stat -c %s "$corpus")
  docs=$(wc -l < "$corpus")
  for t in $threads; do
    /usr/bin/time -v -o "$dir/time.txt" \
      "$bin" extract -q -j "$t" "$corpus" -o "$dir/out.csv"
    wall=$(grep 'Elapsed (wall clock)' "$dir/time.txt" | awk '{print $NF}' \
      | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    user=$(grep 'User time' "$dir/time.txt" | awk '{print $NF}')
    sys=$(grep 'System time' "$dir/time.txt" | awk '{print $NF}')
    rss=$(grep 'Maximum resident' "$dir/time.txt" | awk '{print $NF}')
    rows=$(($(wc -l < "$dir/out.csv") - 1))
    awk -v b="$bytes" -v d="$docs" -v t="$t" -v w="$wall" -v u="$user" \
      -v s="$sys" -v r="$rss" -v n="$rows" 'BEGIN {
        mb = b / 1e6; cpu = u + s;
        printf "| %.0f | %d | %d | %.2f | %.1f | %.2f | %.1f | %.0f | %d |\n",
          mb, d, t, w, mb / w, cpu, mb / cpu, r / 1024, n }'
  done
done
rm -f "$dir/out.csv"
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
