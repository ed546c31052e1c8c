#!/usr/bin/env bash
# Article views (issue 11's target): kidwiki's cached anonymous view against a bare cpp-httplib
# server (bench/bare_server.cpp) sending the very same bytes, side by side in one run, with wrk at
# 1 and 32 keep-alive connections.
# Usage: bench/views.sh [BUILD_DIR] [SECONDS]   Writes bench/out/views.md.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
secs=${2:-10}
out=$PWD/bench/out; mkdir -p "$out"
tmp=$(mktemp -d)
kw_port=18482; bare_port=18483
cleanup() {
  [ -n "${kw_pid:-}" ] && kill "$kw_pid" 2>/dev/null || true
  [ -n "${bare_pid:-}" ] && kill "$bare_pid" 2>/dev/null || true
  sleep 0.3; rm -rf "$tmp"
}
trap cleanup EXIT
"$build/kidwiki" serve --data "$tmp/data" --port $kw_port > "$tmp/kidwiki.log" 2>&1 &
kw_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$kw_port/healthz" > /dev/null && break; sleep 0.1; done
url="http://127.0.0.1:$kw_port/fr/wiki/%C3%89l%C3%A9phant"
curl -sf "$url" > "$tmp/page.html"
"$build/bench/bare_server" $bare_port "$tmp/page.html" &
bare_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$bare_port/" > /dev/null && break; sleep 0.1; done
run() {  # name url connections
  local threads=2; [ "$3" -lt 2 ] && threads=1
  local r; r=$(wrk -t$threads -c"$3" -d"${secs}s" --latency "$2")
  echo "| $1 | $3 | $(echo "$r" | awk '/Requests\/sec/ {print $2}') | $(echo "$r" | awk '$1 == "50%" {print $2}') | $(echo "$r" | awk '$1 == "99%" {print $2}') |"
}
{
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); the page: $(stat -c %s "$tmp/page.html") bytes"
  echo
  echo "| server | connections | requests/s | p50 | p99 |"
  echo "|---|---|---|---|---|"
  for c in 1 32; do
    run kidwiki "$url" $c
    run "bare cpp-httplib" "http://127.0.0.1:$bare_port/" $c
  done
  echo
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/views.md"
