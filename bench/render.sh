#!/usr/bin/env bash
# Renderer against the `cmark` command on the same ~1 MB Markdown file (Vikidia articles joined).
# Usage: bench/render.sh [BUILD_DIR]   Prints hyperfine's table; writes bench/out/render.md.
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
hyperfine --warmup 3 --runs 30 --export-markdown "$out/render.md" \
  "cmark $big > /dev/null" \
  "$build/bench/render_file fr $big > /dev/null"
