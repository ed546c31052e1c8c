#!/usr/bin/env bash
# Offline copies of a large wiki (issue 16): `kidwiki export zim` and `kidwiki export html` on the
# wiki that build/bench/save_bench loads (N copies' worth of the Vikidia articles), reported per
# 1,000 articles. The wiki is kept in DIR, so that a rerun skips the load.
# Usage: bench/export.sh [BUILD_DIR] [ARTICLES] [DIR]   (defaults build 1000 /tmp/kidwiki-bench-N)
# Prints one Markdown table row.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
articles=${2:-1000}
dir=${3:-/tmp/kidwiki-bench-$articles}
SAVE_BENCH_DIR=$dir "$build/bench/save_bench" "$articles" 1 1 1 > /dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
source bench/timed.sh
read -r zim_s zim_rss < <(timed "$build/kidwiki" export zim --lang fr --data "$dir" "$out/fr.zim")
read -r html_s _ < <(timed "$build/kidwiki" export html --lang fr --data "$dir" "$out/fr-html")
pages=$(find "$out/fr-html/wiki" -name '*.html' | wc -l)
zim_bytes=$(stat -c %s "$out/fr.zim")
html_bytes=$(du -sb "$out/fr-html" | cut -f1)
awk -v n="$pages" -v zs="$zim_s" -v hs="$html_s" -v zb="$zim_bytes" -v hb="$html_bytes" \
    -v rss="$zim_rss" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
  printf "| %d | %.1f s per 1,000 (%.0f s, %.0f MiB resident) | %.1f MiB | %.1f s per 1,000 | %.1f MiB | %s |\n",
    n, zs * 1000 / n, zs, rss / 1024, zb / 1048576, hs * 1000 / n, hb / 1048576, load }'
