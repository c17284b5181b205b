#!/usr/bin/env bash
# Set up a development/runtime environment on Debian 12: system packages + .venv.
# Usage: bash scripts/setup.sh [--test]   (--test also installs the test tools)
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
while read -r pkg; do
  [ -z "$pkg" ] && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' scripts/system-packages.txt)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      PY="$candidate"; break
    fi
  done
fi
[ -n "$PY" ] || { echo "Python 3.11 is required (Debian 12: apt-get install python3)"; exit 1; }

if [ ! -x .venv/bin/python ]; then
  echo "==> venv: creating .venv with $PY"
  "$PY" -m venv .venv
fi
extras="gui"
if [ "${1:-}" = "--test" ]; then extras="gui,server,test"; fi
echo "==> pip: installing the project [$extras] (log: .venv/pip.log)"
{ .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip \
  && .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[$extras]"; } > .venv/pip.log 2>&1 \
  || { tail -40 .venv/pip.log; echo "pip install failed"; exit 1; }
.venv/bin/python -c "import counter_app, sqlalchemy, alembic, holidays" || { echo "pip install failed"; exit 1; }
