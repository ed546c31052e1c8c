#!/usr/bin/env bash
# Seconds from `kidwiki serve --data DIR` to its first answer (GET /healthz), then stops it:
# SIGKILL, because a server rebuilding its index finishes the rebuild before it exits, and an
# interrupted rebuild is cleared at the next start (docs/search.md). Used by bench/reindex.sh.
# Usage: bench/startup.sh BUILD_DIR DATA_DIR   (prints the seconds, e.g. 0.14)
set -euo pipefail
build=$1
dir=$2
port=18496
t0=$(date +%s.%N)
"$build/kidwiki" serve --data "$dir" --port $port > "$dir/serve.log" 2>&1 &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do
  kill -0 $pid 2>/dev/null || { echo "kidwiki serve failed: $dir/serve.log" >&2; exit 1; }
  sleep 0.01
done
awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f\n", b - a }'
kill -9 $pid
{ wait $pid; } 2>/dev/null || true
