// The figures a benchmark hands to the targets table (bench/targets.py, issue 11): when the
// environment's KIDWIKI_BENCH_FIGURES names a file, each figure is appended to it as one line,
// "key<TAB>articles<TAB>value<TAB>comparator". bench/run-all.sh sets it; a benchmark run alone
// only prints its own table.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

namespace kidwiki::bench {

// `articles`: the size of the wiki measured (0 when the figure has none, e.g. the demo wiki);
// `comparator`: what the same measure gives for the comparator of the target, as text.
inline void record_figure(const char* key, long articles, double value,
                          const std::string& comparator = "") {
  const char* path = std::getenv("KIDWIKI_BENCH_FIGURES");
  if (path == nullptr || *path == '\0') return;
  if (std::FILE* f = std::fopen(path, "a")) {
    std::fprintf(f, "%s\t%ld\t%.6g\t%s\n", key, articles, value, comparator.c_str());
    std::fclose(f);
  }
}

}  // namespace kidwiki::bench
