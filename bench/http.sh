#!/usr/bin/env bash
# Article views: kidwiki against nginx serving the same bytes as a static file and against a bare
# cpp-httplib server sending them (bench/bare_server.cpp), side by side in one run, with wrk at 1
# and 32 keep-alive connections.
# Usage: bench/http.sh [BUILD_DIR] [SECONDS]   (build first: scripts/build.sh kidwiki bare_server)
#        Writes bench/out/http.md.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
secs=${2:-10}
out=$PWD/bench/out; mkdir -p "$out"
tmp=$(mktemp -d)
kw_port=18480; ng_port=18481; bare_port=18483
cleanup() {
  [ -n "${kw_pid:-}" ] && kill "$kw_pid" 2>/dev/null || true
  [ -n "${bare_pid:-}" ] && kill "$bare_pid" 2>/dev/null || true
  [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
  sleep 0.5; rm -rf "$tmp"
}
trap cleanup EXIT

"$build/kidwiki" serve --data "$tmp/data" --port $kw_port > "$tmp/kidwiki.log" 2>&1 &
kw_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$kw_port/healthz" >/dev/null && break; sleep 0.2; done

# A real article: Vikidia's "Chat" (cat), saved through the API like any edit, by the first admin
# (readers may not edit by default).
article=tests/data/vikidia-fr/Chat.md
password=$(sed -n 's/.*: admin \/ \([^ ]*\) .*/\1/p' "$tmp/kidwiki.log")
curl -sf -c "$tmp/jar" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" "http://127.0.0.1:$kw_port/api/v1/session" > "$tmp/session"
csrf=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$tmp/session")
python3 -c 'import json,sys; print(json.dumps({"markdown": open(sys.argv[1]).read(), "summary": "bench", "base_revision_id": None}))' "$article" > "$tmp/body.json"
curl -sf -X PUT -b "$tmp/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  --data-binary @"$tmp/body.json" "http://127.0.0.1:$kw_port/api/v1/fr/pages/Chat" > /dev/null
url="http://127.0.0.1:$kw_port/fr/wiki/Chat"
mkdir -p "$tmp/www"
curl -sf "$url" > "$tmp/www/chat.html"
echo "article: $(stat -c %s "$tmp/www/chat.html") bytes of HTML"

cat > "$tmp/nginx.conf" <<CONF
worker_processes auto;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$ng_port;
    root $tmp/www;
    default_type text/html;
  }
}
CONF
nginx -c "$tmp/nginx.conf" -p "$tmp"
"$build/bench/bare_server" $bare_port "$tmp/www/chat.html" &
bare_pid=$!
sleep 0.5

run() {  # name url connections
  local threads=2; [ "$3" -lt 2 ] && threads=1
  local r; r=$(wrk -t$threads -c"$3" -d"${secs}s" --latency "$2")
  local rps p50 p99
  rps=$(echo "$r" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$r" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$r" | awk '$1 == "99%" {print $2}')
  echo "| $1 | $3 | $rps | $p50 | $p99 |"
  echo "$rps" > "$tmp/rps-${1%% *}-$3"  # kidwiki, nginx or bare, for the targets table
}
{
  echo "| server | connections | requests/s | p50 | p99 |"
  echo "|---|---|---|---|---|"
  for c in 1 32; do
    run kidwiki "$url" $c
    run nginx "http://127.0.0.1:$ng_port/chat.html" $c
    run "bare cpp-httplib" "http://127.0.0.1:$bare_port/chat.html" $c
  done
} | tee "$out/http.md"
# Views at 32 connections beside the bare server's on the same bytes, measured in this one run.
source bench/figures.sh
figure views_vs_bare 0 "$(awk -v k="$(cat "$tmp/rps-kidwiki-32")" -v b="$(cat "$tmp/rps-bare-32")" \
  'BEGIN { printf "%.3g", k / b }')" \
  "bare cpp-httplib $(cat "$tmp/rps-bare-32")/s, nginx $(cat "$tmp/rps-nginx-32")/s, kidwiki $(cat "$tmp/rps-kidwiki-32")/s"
