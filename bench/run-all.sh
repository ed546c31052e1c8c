#!/usr/bin/env bash
# Every benchmark, one after the other (they must not share the 2 cores). See docs/performance.md.
# Usage: bench/run-all.sh [targets]   targets: only those the targets table of issue 11 reads
#        (about an hour and a half instead of two and a half).
set -euo pipefail
everything=true; [ "${1:-}" = targets ] && everything=false
cd "$(dirname "$0")/.."
# Every benchmark appends its figures here; bench/targets.py prints them beside the targets at the
# end. Within one size, the last figure for a target wins.
mkdir -p bench/out
export KIDWIKI_BENCH_FIGURES=$PWD/bench/out/figures.tsv
: > "$KIDWIKI_BENCH_FIGURES"
cmake --build build --target kidwiki render_file search_bench class_bench save_bench bare_server xapian_floor render_workers make_mediawiki_dump
bench/render.sh build
bench/http.sh build 10
if $everything; then
  echo "class of 25 (load $(cut -d' ' -f1-3 /proc/loadavg)):"; build/bench/class_bench 25 3
fi
bench/search/run.sh build
# Issue 10: hostile clients and what one machine serves, with the shipped nginx in front.
if $everything; then
  node bench/front/attack.js
  node bench/front/scaling.js 10
else
  node bench/front/scaling.js 10 churn
fi
# Issue 11: saves at scale (1,000, 10,000 and 100,000 articles), rebuilding the search index, and
# the preview route against cmark-gfm.
echo "saves (load $(cut -d' ' -f1-3 /proc/loadavg)):"
echo "| articles | loader, articles/s | one editor p50 / p99 | CPU per save | 35 editors unpaced: saves/s, p50 / p99 | 35 editors paced: saves/s, p50 / p99 | CPU per save | RSS |"
echo "|---|---|---|---|---|---|---|---|"
# The 1,000 and 10,000-article wikis are loaded afresh (the loader is a target) and kept until
# their search is measured; the 100,000-article one is kept in /tmp between runs (about 3 GB, 20
# minutes to load): delete it for a loader figure at that size.
for n in 1000 10000; do
  rm -rf /tmp/kidwiki-bench-$n
  SAVE_BENCH_DIR=/tmp/kidwiki-bench-$n build/bench/save_bench $n 35 10 200
done
SAVE_BENCH_DIR=/tmp/kidwiki-bench-100000 build/bench/save_bench 100000 35 10 200
echo "rebuilding the search index (load $(cut -d' ' -f1-3 /proc/loadavg)):"
echo "| articles | kidwiki reindex | index | FTS5 | FTS5's file | ratio | load after |"
echo "|---|---|---|---|---|---|---|"
bench/reindex.sh build 100000 /tmp/kidwiki-bench-100000
# Search on the same three wikis, beside FTS5 on their texts (the 100,000 with the index just
# rebuilt; the smaller ones rebuild theirs first, untimed).
for n in 1000 10000 100000; do
  echo "search at $n articles (load $(cut -d' ' -f1-3 /proc/loadavg)):"
  rm -rf bench/out/search-work-$n
  build/bench/search_bench bench/out/search-cache/corpus.txt bench/search/queries.tsv \
    bench/out/search-work-$n --wiki /tmp/kidwiki-bench-$n
  rm -rf bench/out/search-work-$n
  [ $n = 100000 ] || rm -rf /tmp/kidwiki-bench-$n
done
bench/render_route.sh build 12
if $everything; then
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
fi
echo
echo "targets (issue 11), from $KIDWIKI_BENCH_FIGURES (load $(cut -d' ' -f1-3 /proc/loadavg)):"
python3 bench/targets.py "$KIDWIKI_BENCH_FIGURES"
