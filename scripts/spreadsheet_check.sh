#!/usr/bin/env bash
# Opens the quote table the way users do: LibreOffice Calc (headless)
# imports whosaid's CSV of the seeds, of a tricky article (curly quotes,
# accents, emoji, quotes starting with = + - @) and a hand-made tricky CSV
# (tests/data/spreadsheet/tricky.csv: line breaks inside cells too), saves
# each as .xlsx, and scripts/check_xlsx.py reads the cells back with
# openpyxl and compares them with the CSV's fields. Both the plain CSV and
# the --excel form are checked when whosaid has --excel.
#
# Usage: scripts/spreadsheet_check.sh [OUT]   (OUT defaults to out/)
# WHOSAID=path/to/whosaid uses that binary instead of building one.
# Exit status: 0 when every cell holds, or when LibreOffice or openpyxl
# cannot be had (a message says the check was skipped); 1 when a cell
# differs.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out}/spreadsheet"
mkdir -p "$out"

if ! command -v soffice >/dev/null 2>&1; then
  echo "spreadsheet_check: skipped: no LibreOffice (apt-get install" \
    "--no-install-recommends libreoffice-calc)"
  exit 0
fi
python=python3
if ! python3 -c "import openpyxl" 2>/dev/null; then
  venv="${WHOSAID_VENV:-target/spreadsheet-venv}"
  if ! "$venv/bin/python" -c "import openpyxl" 2>/dev/null; then
    if ! { python3 -m venv "$venv" && \
           "$venv/bin/pip" install --quiet openpyxl; } >/dev/null 2>&1; then
      echo "spreadsheet_check: skipped: cannot install openpyxl in $venv" \
        "(python3-venv missing or no network)"
      exit 0
    fi
  fi
  python="$venv/bin/python"
fi
if [ -z "${WHOSAID:-}" ]; then
  cargo build --release --quiet
  WHOSAID="${CARGO_TARGET_DIR:-target}/release/whosaid"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat >"$work/tricky.txt" <<'TXT'
Zoë Müller wins Café prize 🎉

“Café au lait costs €3 — c’est la vie 🎉,” said Zoë Müller, the owner.

"=1+2 is not a formula," said Jane Doe.

"+44 is the code," said Jane Doe. "-5 degrees tonight," she added. "@mayor, answer us," said Bo Ek.

Müller said the “naïve” façade was “quite 'old' really”.
TXT

csvs=()
"$WHOSAID" extract -q seeds -o "$out/seeds.csv"
"$WHOSAID" extract -q "$work/tricky.txt" -o "$out/article.csv"
cp tests/data/spreadsheet/tricky.csv "$out/handmade.csv"
csvs+=(seeds article handmade)
if "$WHOSAID" extract --help | grep -q -- '--excel'; then
  "$WHOSAID" extract -q --excel seeds -o "$out/seeds.excel.csv"
  "$WHOSAID" extract -q --excel "$work/tricky.txt" -o "$out/article.excel.csv"
  csvs+=(seeds.excel article.excel)
else
  echo "spreadsheet_check: TODO(excel-flag): whosaid has no --excel yet;" \
    "only the plain CSV of whosaid is checked"
fi
# The hand-made file in the spreadsheet form: a byte order mark, CRLF,
# and a ' before a field that would run as a formula (what --excel does).
"$python" - "$out/handmade.csv" "$out/handmade.excel.csv" <<'PY'
import csv, sys
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
with open(sys.argv[2], "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")
    for row in rows:
        w.writerow(["'" + c if c[:1] in ("=", "+", "-", "@", "\t", "\r")
                    else c for c in row])
PY
csvs+=(handmade.excel)

# A profile of our own: a LibreOffice already running elsewhere on the
# machine would otherwise take the conversion, or lock it out.
profile="$work/profile"
files=()
for c in "${csvs[@]}"; do files+=("$out/$c.csv"); done
# CSV:44,34,76,1 = comma separated, " quoted, UTF-8, from line 1: what a
# user picks in the import dialog for this file.
soffice -env:UserInstallation="file://$profile" --headless \
  --convert-to xlsx --infilter=CSV:44,34,76,1 --outdir "$out" \
  "${files[@]}" >"$work/soffice.log" 2>&1 || {
  cat "$work/soffice.log" >&2
  echo "spreadsheet_check: LibreOffice failed" >&2
  exit 1
}

status=0
for c in "${csvs[@]}"; do
  form=plain
  case "$c" in *.excel) form=excel ;; esac
  if [ ! -s "$out/$c.xlsx" ]; then
    echo "spreadsheet_check: $out/$c.xlsx was not written" >&2
    status=1
    continue
  fi
  "$python" scripts/check_xlsx.py --form "$form" "$out/$c.csv" \
    "$out/$c.xlsx" || status=1
done
if [ "$status" -eq 0 ]; then
  echo "spreadsheet_check: passed"
else
  echo "spreadsheet_check: FAILED" >&2
fi
exit "$status"
