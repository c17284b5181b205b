#!/usr/bin/env bash
# Set up and run the app on a throw-away demo profile (SQLite, demo data).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "No display found: starting the app offscreen (set DISPLAY to see the window)."
  export QT_QPA_PLATFORM=offscreen
fi
exec .venv/bin/counter-app --demo "$@"
