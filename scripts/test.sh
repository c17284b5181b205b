#!/usr/bin/env bash
# Set up and run the whole test suite: import rules, then pytest against the real stacks.
# Services the tests use are started here, and stopped by PID on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test

PIDS=()
cleanup() { for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

export QT_QPA_PLATFORM=offscreen
export PYTHONDONTWRITEBYTECODE=1

# Xvfb: a real X server for the tests that open windows on xcb (not only offscreen).
DISPLAY_NUM=":${QMC_XVFB_DISPLAY:-97}"
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >/tmp/qmc-xvfb.log 2>&1 &
PIDS+=("$!")
export QMC_TEST_DISPLAY="$DISPLAY_NUM"

echo "==> lint (ruff)"
.venv/bin/ruff check --no-cache .

echo "==> import rules (import-linter)"
.venv/bin/lint-imports --no-cache

echo "==> pytest"
.venv/bin/python -m pytest -p no:cacheprovider "$@"
