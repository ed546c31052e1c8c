# Sourced by the HTTP benchmarks: starts the server on an empty data folder and logs in as the
# first admin, whose password the server prints at its first start.
# serve_as_admin BUILD_DIR PORT TMP_DIR  sets kw_pid (to kill), and leaves the session cookie in
# TMP_DIR/jar and its CSRF token in $csrf.
serve_as_admin() {
  local build=$1 port=$2 tmp=$3
  "$build/kidwiki" serve --data "$tmp/data" --port "$port" > "$tmp/kidwiki.log" 2>&1 &
  kw_pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.1; done
  local password
  password=$(sed -n 's/.*: admin \/ \([^ ]*\) .*/\1/p' "$tmp/kidwiki.log")
  curl -sf -c "$tmp/jar" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$password\"}" \
    "http://127.0.0.1:$port/api/v1/session" > "$tmp/session"
  csrf=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$tmp/session")
}
