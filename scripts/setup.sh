#!/bin/sh
# Prepare a fresh Debian machine (Python 3.11+, root or sudo) for notesgraph.
#   sh scripts/setup.sh        -> .venv with notesgraph (enough to build the site)
#   sh scripts/setup.sh test   -> also the test tools and Debian's chromium for browser tests
set -eu
cd "$(dirname "$0")/.."

want_test=${1:-}
SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

apt_install() {
  # Install Debian packages that are missing (quietly; one apt-get update at most).
  missing=""
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    echo "setup: installing Debian packages:$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
}

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  if ! "$PYTHON" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    apt_install python3-venv
    "$PYTHON" -m venv .venv
  fi
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
if [ "$want_test" = "test" ]; then
  apt_install chromium fonts-noto-cjk
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
echo "setup: ready (.venv)"
