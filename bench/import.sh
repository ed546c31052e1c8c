#!/usr/bin/env bash
# Importing a MediaWiki export (issue 16): `kidwiki import mediawiki` of the 1,000-page export
# made from the Vikidia articles (tests/mediawiki_dump_maker.h: 1,116 pages, three revisions each),
# into a fresh data folder, with every revision and with --latest, and again (nothing to do); then
# the real slice of Wikipedia's history in tests/data/mediawiki (one page, 500 revisions of 9 to
# 80 KB), whose real templates and notes make the converter work harder than the made-up export.
# Usage: bench/import.sh [BUILD_DIR] [DIR]   (defaults build /tmp/kidwiki-bench-import)
# Prints Markdown table rows: | run | pages | revisions | seconds | pages/s | revisions/s | load |
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
dir=${2:-/tmp/kidwiki-bench-import}
rm -rf "$dir"
mkdir -p "$dir"
read -r pages revisions < <("$build/bench/make_mediawiki_dump" "$dir/dump.xml")
bzip2 -k "$dir/dump.xml"
run() {  # label, data folder, edition, pages in the dump, dump and options...
  local label=$1 data=$2 lang=$3 pages=$4
  shift 4
  local start end
  start=$(date +%s.%N)
  "$build/kidwiki" import mediawiki "$@" --lang "$lang" --data "$data" --report "$data.report" > /dev/null
  end=$(date +%s.%N)
  local imported
  # Published and held (by the word filter) revisions: everything the run wrote.
  imported=$(tail -1 "$data.report" | sed -E 's/([0-9]),([0-9])/\1\2/g' |
    sed -E 's/.*revisions published: ([0-9]+), held: ([0-9]+).*/\1 + \2/' | bc)
  awk -v l="$label" -v p="$pages" -v r="$imported" -v s="$(echo "$end - $start" | bc)" \
      -v load="$(cut -d' ' -f1 /proc/loadavg)" \
      'BEGIN { printf "| %s | %d | %d | %.1f | %.1f | %.1f | %s |\n", l, p, r, s, p / s, r / s, load }'
}
run "all revisions, .xml" "$dir/all" fr "$pages" "$dir/dump.xml"
run "again (nothing new)" "$dir/all" fr "$pages" "$dir/dump.xml"
run "--latest, .xml.bz2" "$dir/latest" fr "$pages" "$dir/dump.xml.bz2" --latest
run "real Wikipedia history, .xml.xz" "$dir/real" en 1 tests/data/mediawiki/wikipedia-anarchism-history.xml.xz
