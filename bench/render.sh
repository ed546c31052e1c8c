#!/usr/bin/env bash
# Renderer against the `cmark` command on the same ~1 MB Markdown file (Vikidia articles joined).
# Usage: bench/render.sh [BUILD_DIR]   Prints hyperfine's table; writes bench/out/render.md.
#        bench/render.sh BUILD_DIR --instructions   Counts instructions instead, under callgrind
#        (whole process, deterministic whatever the machine's load; about 10 s).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
corpus=../shared/corpus/vikidia-fr
out=bench/out; mkdir -p "$out"
big=$out/vikidia-1mb.md
: > "$big"
# The articles in index order until the file passes 1 MB: real text with wiki links.
tail -n +2 "$corpus/index.tsv" | cut -f1 | while read -r f; do
  [ "$(stat -c %s "$big")" -gt 1000000 ] && break
  cat "$corpus/$f" >> "$big"; printf '\n\n' >> "$big"
done
echo "input: $big ($(stat -c %s "$big") bytes)"
if [ "${2:-}" = --instructions ]; then
  count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
      sed -n 's/.*Collected : //p'
  }
  reference=$(count cmark "$big")
  ours=$(count "$build/bench/render_file" fr "$big")
  awk -v c="$reference" -v k="$ours" 'BEGIN {
    printf "instructions: cmark %.1f M, render_file %.1f M, ratio %.3f\n", c / 1e6, k / 1e6, k / c }'
  exit 0
fi
hyperfine --warmup 3 --runs 30 --export-markdown "$out/render.md" \
  "cmark $big > /dev/null" \
  "$build/bench/render_file fr $big > /dev/null"
