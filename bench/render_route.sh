#!/usr/bin/env bash
# The path a preview takes (issue 11): POST /api/v1/render to a running kidwiki (gate, pooled
# render worker, the text and the HTML over its pipes, link colours, the JSON answer), against the
# `cmark-gfm` command (with the renderer's extensions) on the same text, side by side: the ~1 MB
# Vikidia file of bench/render.sh and a typical article (Vikidia's Chat, 20 KB). Logged in as the
# admin (60 previews a minute: both forms of both texts, RUNS at most 13). Each route is timed by curl (connection and client included) and by the server's
# request log (its own time, to the microsecond).
# Usage: bench/render_route.sh [BUILD_DIR] [RUNS]   (defaults build, 12). Writes
#        bench/out/render-route.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/serve_as_admin.sh
source bench/figures.sh
build=${1:-build}
runs=${2:-12}
out=$PWD/bench/out; mkdir -p "$out"
tmp=$(mktemp -d)
port=18490
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; sleep 0.3; rm -rf "$tmp"; }
trap cleanup EXIT
[ -s "$out/vikidia-1mb.md" ] || bench/render.sh "$build" > /dev/null
serve_as_admin "$build" $port "$tmp"
pid=$kw_pid

median_min() {  # milliseconds on stdin, one a line; the median also into $tmp/median.ms
  sort -n | awk -v keep="$tmp/median.ms" '{ v[NR] = $1 } END {
    printf "%.1f / %.1f ms", v[1], v[int((NR + 1) / 2)]; printf "%.3f\n", v[int((NR + 1) / 2)] > keep }'
}
route() {  # file form: min / median of the route as curl times it, then as the server logs it, in ms
  local type=application/json query=""
  if [ "$2" = markdown ]; then
    type=text/markdown query="?lang=fr"
    cp "$1" "$tmp/body"
  else
    python3 -c 'import json,sys; print(json.dumps({"lang": "fr", "markdown": open(sys.argv[1]).read()}))' "$1" > "$tmp/body"
  fi
  curl -sf -b "$tmp/jar" -H "X-CSRF-Token: $csrf" -H "Content-Type: $type" \
    --data-binary @"$tmp/body" "http://127.0.0.1:$port/api/v1/render$query" > /dev/null  # warm-up
  sleep 0.3  # the request log is written in batches every 200 ms
  local logged; logged=$(grep -c 'POST /api/v1/render 200' "$tmp/kidwiki.log" || true)
  for _ in $(seq "$runs"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -b "$tmp/jar" -H "X-CSRF-Token: $csrf" \
      -H "Content-Type: $type" --data-binary @"$tmp/body" "http://127.0.0.1:$port/api/v1/render$query"
  done | awk '{ print $1 * 1000 }' | median_min
  printf ' | '
  sleep 0.3
  # The server's own time, from the request's routing to its answer written (request_log.cpp).
  grep 'POST /api/v1/render 200' "$tmp/kidwiki.log" | tail -n +"$((logged + 1))" | awk '{ sub("ms", "", $4); print $4 }' |
    median_min
  cp "$tmp/median.ms" "$tmp/route.ms"
}
cmark_time() {  # hyperfine: /usr/bin/time counts in centiseconds
  hyperfine -N --runs "$runs" --export-json "$tmp/cmark.json" \
    "cmark-gfm -e table -e strikethrough -e tasklist --strikethrough-double-tilde $1" > /dev/null 2>&1
  python3 -c 'import json,sys; t = json.load(open(sys.argv[1]))["results"][0]["times"]; t.sort(); print("%.1f / %.1f ms" % (t[0] * 1000, t[len(t) // 2] * 1000)); print("%.2f" % (t[len(t) // 2] * 1000), file=open(sys.argv[2], "w"))' "$tmp/cmark.json" "$tmp/cmark.ms"
}
{
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, min / median"
  echo
  echo "| text | form | POST /api/v1/render (curl) | the same, server's time | cmark-gfm |"
  echo "|---|---|---|---|---|"
  for file in "$out/vikidia-1mb.md" tests/data/vikidia-fr/Chat.md; do
    name="$(basename "$file") ($(stat -c %s "$file") bytes)"
    echo "| $name | JSON | $(route "$file" json) | $(cmark_time "$file") |"
    # The server's median beside cmark-gfm's, for the targets table (bench/targets.py).
    if [ "$file" = tests/data/vikidia-fr/Chat.md ]; then
      figure preview_typical_ms 0 "$(cat "$tmp/route.ms")" "cmark-gfm $(cat "$tmp/cmark.ms") ms"
    else
      route_ms=$(cat "$tmp/route.ms") cmark_ms=$(cat "$tmp/cmark.ms")
      figure preview_1mb_ratio 0 "$(awk -v r="$route_ms" -v c="$cmark_ms" 'BEGIN { printf "%.3g", r / c }')" \
        "server $route_ms ms, cmark-gfm $cmark_ms ms"
    fi
    echo "| $name | text/markdown | $(route "$file" markdown) | (the same) |"
  done
  echo
  # The render alone, through the pool of workers and in the server's process (no route).
  build_dir=$build; [ "${build_dir#/}" = "$build_dir" ] && build_dir=$PWD/$build
  "$build_dir/bench/render_workers" fr tests/data/vikidia-fr/Chat.md 400
  "$build_dir/bench/render_workers" fr "$out/vikidia-1mb.md" 20
  echo
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/render-route.md"
