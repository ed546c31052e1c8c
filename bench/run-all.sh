#!/usr/bin/env bash
# Every benchmark, one after the other (they must not share the 2 cores). See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build --target kidwiki render_file search_bench class_bench save_bench bare_server xapian_floor render_workers make_mediawiki_dump
bench/render.sh build
bench/http.sh build 10
echo "class of 25 (load $(cut -d' ' -f1-3 /proc/loadavg)):"; build/bench/class_bench 25 3
if [ -x bench/search/run.sh ]; then bench/search/run.sh build; fi
# Issue 10: hostile clients and what one machine serves, with the shipped nginx in front.
node bench/front/attack.js
node bench/front/scaling.js 10
# Issue 11: saves at scale (1,000, 10,000 and 100,000 articles), rebuilding the search index, and
# the preview route against cmark-gfm.
echo "saves (load $(cut -d' ' -f1-3 /proc/loadavg)):"
echo "| articles | loader, articles/s | one editor p50 / p99 | CPU per save | 35 editors unpaced: saves/s, p50 / p99 | 35 editors paced: saves/s, p50 / p99 | CPU per save | RSS |"
echo "|---|---|---|---|---|---|---|---|"
for n in 1000 10000; do build/bench/save_bench $n 35 10 200; done
# 100,000 articles: the wiki is kept in /tmp (about 3 GB, 10 minutes to load) for the rebuild.
SAVE_BENCH_DIR=/tmp/kidwiki-bench-100000 build/bench/save_bench 100000 35 10 200
echo "rebuilding the search index (load $(cut -d' ' -f1-3 /proc/loadavg)):"
echo "| articles | kidwiki reindex | index | FTS5 | FTS5's file | ratio | load after |"
echo "|---|---|---|---|---|---|---|"
bench/reindex.sh build 100000 /tmp/kidwiki-bench-100000
bench/render_route.sh build 12
# Issue 13: a 12-megapixel photo uploaded and resized, refusals, an article with three pictures.
bench/pictures.sh build 10 5
# Issue 16: offline copies of 1,000 and 10,000 articles (ZIM and a folder of pages).
echo "offline copies (load $(cut -d' ' -f1-3 /proc/loadavg)):"
echo "| articles | kidwiki export zim | ZIM file | kidwiki export html | folder | load after |"
echo "|---|---|---|---|---|---|"
for n in 1000 10000; do bench/export.sh build $n; done
# Issue 16: importing a MediaWiki export of 1,000 pages with their history.
echo "importing a MediaWiki export:"
echo "| run | pages | revisions imported | seconds | pages/s | revisions/s | load |"
echo "|---|---|---|---|---|---|---|"
bench/import.sh build
