#!/usr/bin/env bash
# Renders the review page of the seeds (plus a hostile article that tries
# to inject markup) in headless Chromium and checks the DOM the browser
# built: one highlight per row of `whosaid extract`, each highlight's text
# equal to its quote, nothing loaded from outside, no injected element.
# Also takes a screenshot, OUT/report.png, to look at.
#
# Usage: scripts/browser_check.sh [OUT]   (OUT defaults to out/)
# WHOSAID=path/to/whosaid uses that binary instead of building one.
# Exit status: 0 when the checks pass, or when Chromium or Python is not
# installed (a message says the check was skipped); 1 when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out}"
mkdir -p "$out"

chrome=""
for c in chromium chromium-browser google-chrome; do
  if command -v "$c" >/dev/null 2>&1; then chrome="$c"; break; fi
done
if [ -z "$chrome" ]; then
  echo "browser_check: skipped: no chromium installed (apt-get install chromium)"
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "browser_check: skipped: no python3 to read the DOM"
  exit 0
fi
if [ -z "${WHOSAID:-}" ]; then
  cargo build --release --quiet
  WHOSAID="${CARGO_TARGET_DIR:-target}/release/whosaid"
fi

# A hostile article: markup and a closing </mark> in the text and in quotes.
hostile="$(mktemp -d)"
profile="$(mktemp -d)"
trap 'rm -rf "$hostile" "$profile"' EXIT
cat >"$hostile/hostile.txt" <<'TXT'
<script>alert("headline")</script> Mayor &lt;b&gt;shouts&lt;/b&gt; at council

"<img src=x onerror=alert(1)> is not a picture," said Jane Doe, the mayor.

Doe said the <iframe src="http://example.invalid/"></iframe> tag was "a frame</mark><mark class='hl'>" and nothing more.
TXT

check() { # name, inputs...
  local name="$1"; shift
  "$WHOSAID" extract -q "$@" -o "$out/$name.csv"
  "$WHOSAID" report -q "$@" -o "$out/$name.html"
  local url="file://$(cd "$out" && pwd)/$name.html"
  # --virtual-time-budget lets the inline script run before the dump.
  "$chrome" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$profile" --virtual-time-budget=3000 \
    --dump-dom "$url" >"$out/$name.dom.html" 2>/dev/null
  test -s "$out/$name.dom.html"
}

check report seeds
python3 scripts/check_report_dom.py "$out/report.dom.html" "$out/report.csv"
check hostile "$hostile/hostile.txt"
python3 scripts/check_report_dom.py --hostile "$out/hostile.dom.html" \
  "$out/hostile.csv"
"$chrome" --headless --no-sandbox --disable-gpu --no-first-run \
  --disable-background-networking --disable-component-update \
  --disable-sync --user-data-dir="$profile" --hide-scrollbars \
  --screenshot="$out/report.png" --window-size=1280,2000 \
  "file://$(cd "$out" && pwd)/report.html" >/dev/null 2>&1
test -s "$out/report.png"
echo "browser_check: passed; screenshot in $out/report.png"
