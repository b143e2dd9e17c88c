#!/usr/bin/env bash
# Set up everything wirewatch needs on a fresh machine: a virtualenv with the project
# installed, Java and Maven for the local Kafka broker and, for the tests, Chromium and
# PostgreSQL's server binaries. Usage: scripts/bootstrap.sh [--test]
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
for_tests=0
[ "${1:-}" = "--test" ] && for_tests=1

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "bootstrap: missing $*; install them (as root: apt-get install $*)" >&2
    return 1
  fi
  if [ ! -f /tmp/.wirewatch-apt-updated ]; then
    apt-get update -qq && touch /tmp/.wirewatch-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

missing=()
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || missing+=(maven)
if [ "$for_tests" = 1 ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]} ..."
  apt_install "${missing[@]}"
fi

if [ ! -x .venv/bin/python ]; then
  echo "bootstrap: creating .venv with $($PYTHON --version) ..."
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "bootstrap: installing wirewatch and its dependencies into .venv ..."
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[dev]'
  touch "$stamp"
fi
# the extraction engine compiled with mypyc: about a minute, again only when its sources change;
# where no C compiler is, it says so and the engine runs as Python (same output, slower)
.venv/bin/python scripts/compile_extraction.py --if-stale
