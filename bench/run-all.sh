#!/usr/bin/env bash
# Every benchmark, one after the other (they must not share the 2 cores). See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build --target kidwiki render_file search_bench
bench/render.sh build
bench/http.sh build 10
if [ -x bench/search/run.sh ]; then bench/search/run.sh build; fi
