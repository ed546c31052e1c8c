#!/usr/bin/env bash
# Every benchmark, one after the other (they must not share the 2 cores). See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build --target kidwiki render_file search_bench class_bench
bench/render.sh build
bench/http.sh build 10
echo "class of 25 (load $(cut -d' ' -f1-3 /proc/loadavg)):"; build/bench/class_bench 25 3
if [ -x bench/search/run.sh ]; then bench/search/run.sh build; fi
# Issue 10: hostile clients and what one machine serves, with the shipped nginx in front.
node bench/front/attack.js
node bench/front/scaling.js 10
