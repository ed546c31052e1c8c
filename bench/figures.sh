# Sourced by the benchmark scripts: `figure KEY ARTICLES VALUE [COMPARATOR]` appends one figure for
# the targets table (bench/targets.py) to the file KIDWIKI_BENCH_FIGURES names, when it is set
# (bench/run-all.sh sets it). The line's format is bench/figures.h's.
figure() {
  if [ -n "${KIDWIKI_BENCH_FIGURES:-}" ]; then
    printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${4:-}" >> "$KIDWIKI_BENCH_FIGURES"
  fi
}
