#!/usr/bin/env bash
# Rebuilding the search index of a large wiki (issue 11): `kidwiki reindex` on the wiki that
# build/bench/save_bench loads (N copies' worth of the Vikidia articles), against SQLite FTS5 fed
# the very same titles and plain texts, side by side. The wiki is kept in DIR, so that a rerun
# skips the load (about 10 minutes at 100,000 articles).
# Usage: bench/reindex.sh [BUILD_DIR] [ARTICLES] [DIR]   (defaults build 100000 /tmp/kidwiki-bench-N)
# Prints one Markdown table row, then how long the server takes to answer at this size, with its
# index and without one.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
articles=${2:-100000}
dir=${3:-/tmp/kidwiki-bench-$articles}
# Loads the wiki when DIR holds fewer pages (save_bench goes on with an interrupted load), then
# its own save measures, which this script does not report (nor adds to the targets table).
KIDWIKI_BENCH_FIGURES='' SAVE_BENCH_DIR=$dir "$build/bench/save_bench" "$articles" 1 1 1 > /dev/null
source bench/timed.sh
source bench/figures.sh
rm -rf "$dir/search" "$dir/fts5.sqlite3"
start_empty=$(bench/startup.sh "$build" "$dir")  # no index: the server starts, and rebuilds it in the background
rm -rf "$dir/search"
read -r reindex_s rss < <(timed "$build/kidwiki" reindex --data "$dir" --lang fr)
start_indexed=$(bench/startup.sh "$build" "$dir")
pages=$(sqlite3 "$dir/kidwiki.sqlite3" "SELECT count(*) FROM page p JOIN edition e ON e.id = p.edition_id
  WHERE e.lang = 'fr' AND p.visible_revision_id IS NOT NULL AND p.deleted_at IS NULL")
read -r fts_s _ < <(timed sqlite3 "$dir/fts5.sqlite3" "ATTACH '$dir/kidwiki.sqlite3' AS w;
  CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
  BEGIN; INSERT INTO docs SELECT p.title, r.plain_text FROM w.page p JOIN w.edition e ON e.id = p.edition_id
    JOIN w.revision r ON r.id = p.visible_revision_id WHERE e.lang = 'fr' AND p.deleted_at IS NULL; COMMIT;")
kidwiki_bytes=$(du -sb "$dir/search/fr" | cut -f1)
fts_bytes=$(stat -c %s "$dir/fts5.sqlite3")
awk -v n="$pages" -v rs="$reindex_s" -v fs="$fts_s" -v kb="$kidwiki_bytes" -v fb="$fts_bytes" \
    -v rss="$rss" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
  printf "| %d | %.0f articles/s (%.0f s, %.0f MiB resident) | %.0f MiB | %.0f articles/s | %.0f MiB | %.2f × | %s |\n",
    n, n / rs, rs, rss / 1024, kb / 1048576, n / fs, fb / 1048576, kb / fb, load }'
echo "kidwiki serve answered after ${start_indexed} s with its index, ${start_empty} s without (rebuilt in the background)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4g", a / b }'; }
figure reindex_articles_per_s "$pages" "$(ratio "$pages" "$reindex_s")" \
  "FTS5 $(ratio "$pages" "$fts_s") articles/s"
figure index_fts5_ratio "$pages" "$(ratio "$kidwiki_bytes" "$fts_bytes")" \
  "FTS5 $((fts_bytes / 1048576)) MiB"
figure startup_s "$pages" "$start_indexed" "${start_empty} s without an index"
# The floor under it: Xapian alone on a sample of the same texts, one thread (bench/search/xapian_floor.cpp).
echo "Xapian alone on one thread (tokenising with the French stemmer and positions; then also indexing):"
echo "| sample | tokenise only | tokenise and index |"
echo "|---|---|---|"
"$build/bench/xapian_floor" "$dir/fts5.sqlite3" "$dir"
