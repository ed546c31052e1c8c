#!/usr/bin/env bash
# Builds (configuring first if needed) under a lock, so that several people or agents sharing one
# checkout on a 2-core machine never run two builds at once. Usage: scripts/build.sh [targets...]
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/kidwiki-build.lock
flock 9
[ -f build/build.ninja ] || cmake -S . -B build -G Ninja >/dev/null
if [ $# -gt 0 ]; then cmake --build build --target "$@"; else cmake --build build; fi
