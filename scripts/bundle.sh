#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle dist/counter-app/ and smoke-test it (docs/packaging.md).
#
# Usage: bash scripts/bundle.sh [--no-test]
#   --no-test   build only (tests/packaging/test_bundle.py calls it that way with QMC_BUILD_BUNDLE=1)
# Environment:
#   QMC_BUNDLE_VENV  build venv (default build/bundle-venv): the project is installed there *non-editable*
#                    with its gui extra and PyInstaller, so the bundle never picks up test/dev packages
#                    and carries the project's metadata (version).
#   PYTHON           the Python 3.11 to create that venv with (default python3.11 / python3)
set -euo pipefail
cd "$(dirname "$0")/.."

run_tests=1
[ "${1:-}" = "--no-test" ] && run_tests=0

VENV="${QMC_BUNDLE_VENV:-build/bundle-venv}"
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      PY="$candidate"; break
    fi
  done
fi
[ -n "$PY" ] || { echo "Python 3.11 is required"; exit 1; }

t0=$(date +%s)
if [ ! -x "$VENV/bin/python" ]; then
  echo "==> venv: creating $VENV"
  "$PY" -m venv "$VENV"
fi
echo "==> pip: installing the project [gui] + PyInstaller into $VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check ".[gui]" "pyinstaller>=6.10,<7" 2>&1 \
  | grep -v "^WARNING: Location" || true
"$VENV/bin/python" -c "import PyInstaller, PyQt6, counter_app" || { echo "pip install failed"; exit 1; }
rm -rf build/lib build/bdist.* # setuptools' in-tree build leftovers (the bundle is built from the source tree)
t1=$(date +%s)

echo "==> pyinstaller: packaging/counter-app.spec -> dist/counter-app/"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/counter-app.spec
t2=$(date +%s)
size=$(du -sh dist/counter-app | cut -f1)
echo "==> built dist/counter-app ($size): venv+pip $((t1 - t0)) s, pyinstaller $((t2 - t1)) s"

if [ "$run_tests" = 1 ]; then
  TESTPY=.venv/bin/python
  if [ ! -x "$TESTPY" ]; then
    TESTPY="$VENV/bin/python"
    "$TESTPY" -m pip install -q --disable-pip-version-check pytest 2>&1 | grep -v "^WARNING: Location" || true
  fi
  echo "==> smoke test: tests/packaging"
  QT_QPA_PLATFORM=offscreen "$TESTPY" -m pytest -p no:cacheprovider -q tests/packaging
  t3=$(date +%s)
  echo "==> smoke test passed in $((t3 - t2)) s (total $((t3 - t0)) s)"
fi
