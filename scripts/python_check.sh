#!/usr/bin/env bash
# Builds the Python package (bindings/python) into an abi3 wheel in a
# fresh virtual environment, installs it with pandas and pyarrow, and
# runs its pytest suite. Fails (never skips) when any step fails: .ci/run
# installs python3-venv first where it is missing.
#
#   bash scripts/python_check.sh [VENV_DIR]   (default: target/python-venv)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$(realpath -m "${1:-target/python-venv}")
rm -rf "$venv"
python3 -m venv "$venv"
py="$venv/bin/python"
"$py" -m pip install -q --upgrade pip
"$py" -m pip install -q "maturin>=1.5,<2" pytest pandas pyarrow
rm -rf bindings/python/target/wheels
# --locked: bindings/python/Cargo.lock is committed and must be current.
(cd bindings/python && "$venv/bin/maturin" build --release --locked \
  --interpreter "$py" --out target/wheels)
wheel=$(ls bindings/python/target/wheels/whosaid-*.whl)
echo "python_check: built $wheel"
"$py" -m pip install -q --force-reinstall --no-deps "$wheel"
# Run from the tests' folder so that `import whosaid` is the installed
# wheel, not the source tree.
(cd bindings/python/tests && "$py" -m pytest -q -p no:cacheprovider .)
