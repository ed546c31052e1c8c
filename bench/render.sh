#!/usr/bin/env bash
# Renderer against the `cmark-gfm` command (package cmark-gfm) with the renderer's extensions, on
# the same ~1 MB Markdown file (Vikidia articles joined).
# Usage: bench/render.sh [BUILD_DIR]   Prints hyperfine's table (an empty file for start-up, then
#        the 1 MB file), min and median, then perf's CPU time and page faults; writes
#        bench/out/render.md. RUNS=100 bench/render.sh for more runs on a loaded machine.
#        bench/render.sh BUILD_DIR --instructions   Counts instructions instead, under callgrind
#        (whole process, deterministic whatever the machine's load; about 10 s).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
corpus=tests/data/vikidia-fr
out=bench/out; mkdir -p "$out"
big=$out/vikidia-1mb.md
# The same parser and extensions as the renderer (engine/src/render/render_gfm_extensions.h).
reference="cmark-gfm -e table -e strikethrough -e tasklist --strikethrough-double-tilde"
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
  reference_count=$(count $reference "$big")
  ours=$(count "$build/bench/render_file" fr "$big")
  awk -v c="$reference_count" -v k="$ours" 'BEGIN {
    printf "instructions: cmark-gfm %.1f M, render_file %.1f M, ratio %.3f\n", c / 1e6, k / 1e6, k / c }'
  exit 0
fi
# The state the timings depend on: load, and whether the renderer's arena gets huge pages
# (engine/src/render_cmark_arena.h; without them it is not used).
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); transparent huge pages: $(cat /sys/kernel/mm/transparent_hugepage/enabled)"
empty=$out/empty.md; : > "$empty"
# Start-up (an empty file) and the 1 MB file; -N runs each command without a shell.
hyperfine -N --warmup 3 --runs "${RUNS:-30}" --export-markdown "$out/render.md" \
  --export-json "$out/render.json" \
  "$reference $empty" "$build/bench/render_file fr $empty" \
  "$reference $big" "$build/bench/render_file fr $big"
# Means swing with the machine's load: the minimum and median are steadier.
python3 - "$out/render.json" <<'PY'
import json, statistics, sys
for r in json.load(open(sys.argv[1]))["results"]:
    t = [x * 1000 for x in r["times"]]
    print(f"{r['command']}: min {min(t):.1f} ms, median {statistics.median(t):.1f} ms")
PY
# CPU time and page faults (each first touch of a page costs microseconds on a virtual machine).
for command in "$reference $big" "$build/bench/render_file fr $big"; do
  perf stat -r "${RUNS:-30}" -x, -e task-clock,page-faults $command 2>&1 >/dev/null |
    awk -F, -v c="$command" '{ printf "%s: %s %s\n", c, $1, $3 }'
done
