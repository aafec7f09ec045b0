#!/usr/bin/env bash
# Spark smoke test: runs scripts/spark/whosaid_spark.py in local[2] over
# 2,000 generated documents and checks that the Spark table equals the
# single-process table row for row (both sorted by doc_id, quote_id), that
# its trace mode writes the tables of a single `whosaid trace`, byte for
# byte, and that the job fails when the program fails.
#
# Needs Java 17 and network access to PyPI for pyspark (~450 MB, pinned
# below, installed once in target/spark-venv). Exits 0 with a message when
# either is missing: it is a check of the recipe, not of the machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYSPARK_VERSION=3.5.3
target=${CARGO_TARGET_DIR:-target}
work=$target/spark-smoke
venv=$target/spark-venv

skip() {
  echo "spark smoke test skipped: $*"
  exit 0
}

command -v java >/dev/null 2>&1 || skip "no java on PATH"
command -v python3 >/dev/null 2>&1 || skip "no python3 on PATH"
if [ ! -x "$venv/bin/spark-submit" ] \
  || ! "$venv/bin/python" -c "import pyspark, sys
sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv" || skip "cannot create a virtual environment"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    "pyspark==$PYSPARK_VERSION" \
    || skip "cannot install pyspark==$PYSPARK_VERSION"
fi

cargo build --release --quiet
bin=$target/release/whosaid
rm -rf "$work"
mkdir -p "$work"
# 2,000 documents: 7 MB holds more than that; keep the first 2,000.
"$bin" gen-corpus --mb 7 --seed 3 -o "$work/gen.jsonl" 2>/dev/null
# Every other record gets a "url", carried with --keep url through both
# runs (a record without it has an empty cell).
python3 - "$work/gen.jsonl" "$work/docs.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, \
        open(sys.argv[2], "w", encoding="utf-8") as out:
    for i, line in enumerate(f):
        if i == 2000:
            break
        r = json.loads(line)
        if i % 2 == 0:
            r["url"] = f"https://example.org/{i}"
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
# One bad record: the stream answers it with an error, the job goes on.
echo '{"doc_id": "bad-1"}' >> "$work/docs.jsonl"
test "$(wc -l < "$work/docs.jsonl")" -eq 2001

status=0
"$bin" extract -q --keep url "$work/docs.jsonl" -o "$work/single.csv" \
  || status=$?
test "$status" -eq 1 # exit 1: one record skipped

export PYSPARK_PYTHON="$venv/bin/python"
# A locale without UTF-8, the trap for JVM pipes: TRANSFORM must not care.
export LANG=C LC_ALL=C
submit() {
  "$venv/bin/spark-submit" --master 'local[2]' \
    --conf spark.ui.enabled=false \
    --conf spark.sql.shuffle.partitions=4 \
    --driver-java-options '-Dlog4j2.level=warn' \
    "$@"
}
submit --files "$bin" scripts/spark/whosaid_spark.py \
  --partitions 4 --keep url "$work/docs.jsonl" "$work/spark" > "$work/spark.log" 2>&1 \
  || { tail -n 50 "$work/spark.log"; echo "spark job failed"; exit 1; }
grep 'whosaid_spark:' "$work/spark.log"

"$venv/bin/python" - "$work/single.csv" "$work/spark" <<'PY'
import csv, glob, json, sys
single, spark = sys.argv[1], sys.argv[2]

def key(row):
    return (row["doc_id"], int(row["quote_id"]))

def read(paths):
    header, rows = None, []
    for p in paths:
        with open(p, newline="", encoding="utf-8") as f:
            r = csv.DictReader(f)
            header = header or r.fieldnames
            assert r.fieldnames == header, (p, r.fieldnames)
            rows.extend(r)
    return header, sorted(rows, key=key)

h1, a = read([single])
h2, b = read(sorted(glob.glob(spark + "/table/*.csv")))
assert h1 == h2, f"columns differ:\n{h1}\n{h2}"
assert h1[-1] == "url", h1
assert any(r["url"] for r in a) and any(not r["url"] for r in a)
assert len(a) == len(b), f"{len(a)} rows single-process, {len(b)} in Spark"
for x, y in zip(a, b):
    assert x == y, f"rows differ:\n{x}\n{y}"
errors = [json.loads(l) for p in glob.glob(spark + "/errors/*.json")
          for l in open(p, encoding="utf-8")]
assert [e["doc_id"] for e in errors] == ["bad-1"], errors
non_ascii = sum(any(ord(c) > 127 for c in r["quote"]) for r in b)
assert non_ascii > 0, "the corpus should hold non-ASCII quotes"
print(f"spark table equals the single-process table: {len(a)} rows, "
      f"{non_ascii} with non-ASCII text, 1 error record")
PY

# Trace mode: sketches in the partitions (shuffled by --partitions), the
# trace on the driver; both tables equal the single-process ones, byte for
# byte.
status=0
"$bin" trace -q --keep url "$work/docs.jsonl" -o "$work/trace-quotes.csv" \
  --occurrences "$work/trace-occurrences.csv" || status=$?
test "$status" -eq 1 # exit 1: one record skipped
submit --files "$bin" scripts/spark/whosaid_spark.py --mode trace \
  --partitions 3 --keep url "$work/docs.jsonl" "$work/spark-trace" \
  > "$work/spark-trace.log" 2>&1 \
  || { tail -n 50 "$work/spark-trace.log"; echo "spark trace job failed"; exit 1; }
grep 'whosaid_spark:' "$work/spark-trace.log"
cmp "$work/trace-quotes.csv" "$work/spark-trace/quotes.csv"
cmp "$work/trace-occurrences.csv" "$work/spark-trace/occurrences.csv"
test "$(wc -l < "$work/trace-quotes.csv")" -gt 10
echo "spark trace tables equal the single-process ones:" \
  "$(($(wc -l < "$work/trace-quotes.csv") - 1)) quotations," \
  "$(($(wc -l < "$work/trace-occurrences.csv") - 1)) occurrences"

# The job must fail when the program fails: ship a "whosaid" that exits 3.
mkdir -p "$work/failing"
printf '#!/bin/sh\ncat >/dev/null\nexit 3\n' > "$work/failing/whosaid"
chmod +x "$work/failing/whosaid"
if submit --files "$work/failing/whosaid" scripts/spark/whosaid_spark.py \
  "$work/docs.jsonl" "$work/spark-fail" > "$work/fail.log" 2>&1; then
  echo "the Spark job succeeded although the program failed"
  exit 1
fi
grep -q -i 'exit.*status 3\|status 3\|exited with' "$work/fail.log" \
  || { tail -n 30 "$work/fail.log"; echo "no exit status in the log"; exit 1; }
echo "a failing program fails the Spark job"
echo "2 passed, 0 failed"
