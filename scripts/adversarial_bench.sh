#!/usr/bin/env bash
# Times the release binary on adversarial inputs at two sizes each (so
# that doubling the input shows whether time doubles) and on normal news
# text, and prints one Markdown table row per run: case, MB, seconds,
# seconds per MB, peak memory. Results go in BENCHMARKS.md.
#
#   scripts/adversarial_bench.sh            # the sizes of BENCHMARKS.md
#   LIMIT=30 scripts/adversarial_bench.sh   # give up on a run after 30 s
#   scripts/adversarial_bench.sh news apostrophes   # only these cases
#
# Needs python3 (to generate the inputs) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
LIMIT=${LIMIT:-300}
cargo build --release --quiet
BIN=${CARGO_TARGET_DIR:-target}/release/whosaid
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# gen CASE BYTES FILE: writes about BYTES bytes of the case to FILE.
gen() {
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
case, size, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def rep(unit):
    return unit * max(1, size // len(unit.encode()))
if case == "news":
    # The gold seed articles, repeated: one JSONL record an article.
    texts = [json.loads(l)["text"] for l in open("tests/data/seeds.gold.jsonl")]
    out, n, i = [], 0, 0
    while n < size:
        t = texts[i % len(texts)]
        out.append(json.dumps({"id": str(i), "text": t}))
        n += len(t.encode()); i += 1
    open(path, "w").write("\n".join(out) + "\n")
    sys.exit()
text = {
    "unmatched-marks": lambda: rep('" \u201c \u201d \u00ab '),
    "apostrophes": lambda: rep("Putin's aides don't say Moscow\u2019s '90s rock 'n roll. "),
    "paragraph-no-cues": lambda: rep("the council met again and the budget grew larger "),
    "paragraph-with-cues": lambda: rep("officials said that the budget grew and "),
    "many-quotes-one-paragraph": lambda: rep("it's don' 'a "),
    "nested-quotes": lambda: rep('"a \u2018b ')[: size // 2] + "core" + rep(' b\u2019 a"')[: size // 2],
    "double-quotes": lambda: '"' * size,
}[case]()
open(path, "w", encoding="utf-8").write(text)
PY
}

CASES=" $* "
run() { # run CASE BYTES
  [ "$CASES" = "  " ] || [[ "$CASES" == *" $1 "* ]] || return 0
  local f="$WORK/$1.in"
  [ "$1" = news ] && f="$WORK/$1.jsonl"
  gen "$1" "$2" "$f"
  local mb t
  mb=$(python3 -c "import os,json,sys
p=sys.argv[1]
if p.endswith('.jsonl'):
    print('%.2f' % (sum(len(json.loads(l)['text'].encode()) for l in open(p)) / 1e6))
else:
    print('%.2f' % (os.path.getsize(p) / 1e6))" "$f")
  if /usr/bin/time -o "$WORK/time" -f "%e %M" timeout "$LIMIT" \
      "$BIN" extract -q "$f" >/dev/null 2>/dev/null; then
    t=$(cat "$WORK/time")
    set -- "$1" "$mb" $t
    printf '| %s | %s | %s | %s | %d MB |\n' "$1" "$2" "$3" \
      "$(python3 -c "print('%.3f' % ($3 / $2))")" $(( $4 / 1024 ))
  else
    printf '| %s | %s | > %s (stopped) | | |\n' "$1" "$mb" "$LIMIT"
  fi
  rm -f "$f"
}

echo "| input | MB | seconds | s/MB | peak memory |"
echo "| --- | --- | --- | --- | --- |"
run news 5000000;                 run news 10000000
run unmatched-marks 500000;       run unmatched-marks 1000000
run double-quotes 5000000;        run double-quotes 10000000
run nested-quotes 500000;         run nested-quotes 1000000
run paragraph-no-cues 25000000;   run paragraph-no-cues 50000000
run apostrophes 500000;           run apostrophes 1000000
run paragraph-with-cues 500000;   run paragraph-with-cues 1000000
run many-quotes-one-paragraph 250000; run many-quotes-one-paragraph 500000
