#!/usr/bin/env bash
# Search benchmark: kidwiki's search against SQLite FTS5 on the same 17,000 real articles.
# Usage: bench/search/run.sh [BUILD_DIR] [--reuse]   (build first: scripts/build.sh search_bench)
# --reuse keeps the wiki loaded by the previous run (loading 17,000 pages takes minutes) and times
# the index rebuild only.
# Fetches the Debian packages once into bench/out/search-cache/ and converts them there (a rerun
# reuses the corpus); prints the results table and writes it to bench/out/search.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
bench=$build/bench/search_bench
[ -x "$bench" ] || { echo "missing $bench: run scripts/build.sh search_bench" >&2; exit 1; }
cache=bench/out/search-cache
corpus=$cache/corpus.txt
mkdir -p "$cache/debs"

if [ ! -s "$corpus" ] || [ bench/search/make_corpus.py -nt "$corpus" ]; then
  (cd "$cache/debs" && ls ./*.deb >/dev/null 2>&1 ||
    apt-get download libreoffice-help-en-us libreoffice-help-fr dict-foldoc)
  rm -rf "$cache/x"
  for deb in "$cache"/debs/*.deb; do dpkg-deb -x "$deb" "$cache/x"; done
  python3 bench/search/make_corpus.py tests/data/vikidia-fr "$cache/x" "$corpus"
fi

{
  echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB RAM (free -g), $(. /etc/os-release; echo "$PRETTY_NAME")"
  echo "source: commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- search engine i18n || echo ', with uncommitted changes in search/engine/i18n')"
  echo "corpus: $corpus ($(stat -c %s "$corpus") bytes); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$bench" "$corpus" bench/search/queries.tsv bench/out/search-work "${@:2}"
  echo
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee bench/out/search.md
