// Search benchmark (issue 4): kidwiki's Xapian search against SQLite FTS5 on the same articles and
// the same queries. Loads the corpus into a fresh data directory through the engine (not timed as
// indexing), then times indexing, queries and autocomplete on both, and checks result quality.
// Usage: search_bench CORPUS QUERIES WORK_DIR [--reuse] [--max N] [--wiki DIR]
//   --reuse  keep the wiki an earlier run loaded into WORK_DIR/data (loading takes minutes):
//            only the index rebuild is timed, not the outbox drain
//   --wiki DIR  measure queries on the wiki in DIR instead (save_bench's 10,000 or 100,000
//            articles, issue 11), keeping its index when it has one; the corpus then gives only
//            the autocomplete prefixes, and the quality lines do not apply
//   --max N  only the first N articles of the corpus (Vikidia's come first)
//   --no-dictionaries  correct queries without hunspell's real-word check (issue 14), to compare
// The program doubles as the render worker the engine spawns: `search_bench render-worker`.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <string_view>
#include <thread>

#include "../figures.h"
#include "corpus_file.h"
#include "engine/render.h"
#include "engine/wiki.h"
#include "fts5_index.h"
#include "i18n/text.h"
#include "latency.h"
#include "search/search.h"

namespace kidwiki::bench {
namespace {

constexpr std::string_view kLang = "fr";
constexpr int kQueryRepeats = 20;
constexpr int kSuggestRepeats = 5;
constexpr int kSuggestLimit = 10;
constexpr std::size_t kLongestPrefix = 10;  // code points

template <class T>
T must(engine::Result<T> r, const char* what) {
  if (!r.ok()) throw std::runtime_error(std::string(what) + ": " + r.error().message_id);
  return std::move(r).value();
}

std::uintmax_t directory_bytes(const std::filesystem::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) total += e.file_size();
  }
  return total;
}

// Saves every article through the engine's public path (sandboxed render, one transaction each),
// from as many threads as there are cores so that renders overlap. Returns refusals by message.
std::map<std::string, int> load(engine::Wiki& wiki, const std::vector<Article>& articles) {
  const engine::Edition ed = *wiki.edition(kLang);
  std::atomic<std::size_t> next{0};
  std::mutex mu;
  std::map<std::string, int> refused;
  auto worker = [&] {
    for (std::size_t i; (i = next++) < articles.size();) {
      auto title = wiki.parse_title(ed, articles[i].title);
      std::string why;
      if (!title.ok()) {
        why = title.error().message_id;
      } else if (auto saved = wiki.save(engine::Actor::console(), ed, title.value(),
                                        {articles[i].markdown, "bench", {}});
                 !saved.ok()) {
        why = saved.error().message_id;
      }
      if (why.empty()) continue;
      std::lock_guard lock(mu);
      ++refused[why];
    }
  };
  std::vector<std::jthread> threads(std::max(2u, std::thread::hardware_concurrency()));
  for (auto& t : threads) t = std::jthread(worker);
  threads.clear();
  return refused;
}

struct Timings {
  std::vector<double> ms;
  int hits = 0;  // cases whose wanted title came within the top n
  std::vector<std::pair<std::string, std::string>> misses;  // (query, top 3 titles)
  std::vector<std::pair<double, std::string>> slowest;  // (median ms, query), slowest first
};

bool in_top(const std::vector<std::string>& titles, const std::string& wanted, std::size_t n) {
  for (std::size_t i = 0; i < titles.size() && i < n; ++i) {
    if (titles[i] == wanted) return true;
  }
  return false;
}

std::string shown(const std::vector<std::string>& titles) {
  std::string out;
  for (std::size_t i = 0; i < titles.size() && i < 3; ++i) out += (i ? "; " : "") + titles[i];
  return out.empty() ? "(nothing)" : out;
}

// Runs `run` over every case once for quality (wanted title in the top `top`), then `repeats`
// more times for latency.
template <class Run>
Timings measure_queries(const std::vector<QueryCase>& cases, Run run, std::size_t top,
                        int repeats) {
  Timings t;
  for (const auto& c : cases) {
    const std::vector<std::string> titles = run(c.query);
    if (in_top(titles, c.wanted, top)) {
      ++t.hits;
    } else {
      t.misses.emplace_back(c.query, shown(titles));
    }
  }
  std::vector<std::vector<double>> per_case(cases.size());
  for (int r = 0; r < repeats; ++r) {
    for (std::size_t i = 0; i < cases.size(); ++i) {
      Stopwatch w;
      (void)run(cases[i].query);
      per_case[i].push_back(w.milliseconds());
      t.ms.push_back(per_case[i].back());
    }
  }
  for (std::size_t i = 0; i < cases.size(); ++i) {
    t.slowest.emplace_back(percentile(per_case[i], 0.5), cases[i].query);
  }
  std::sort(t.slowest.rbegin(), t.slowest.rend());
  t.slowest.resize(std::min<std::size_t>(t.slowest.size(), 5));
  return t;
}

// What children type while a title's autocomplete list is showing: its first 1..10 letters as
// written and without accents or capitals.
std::vector<QueryCase> prefixes_of(const std::vector<Article>& articles) {
  std::vector<QueryCase> cases;
  for (const Article& a : articles) {
    if (a.source != "Vikidia") continue;
    const std::u32string cps = i18n::to_utf32(a.title);
    std::set<std::string> seen;
    for (std::size_t n = 1; n <= std::min(cps.size(), kLongestPrefix); ++n) {
      const std::string written = i18n::to_utf8(cps.substr(0, n));
      for (const std::string& p : {written, i18n::fold_for_search(written)}) {
        if (p.back() != ' ' && seen.insert(p).second) cases.push_back({p, a.title});
      }
    }
  }
  return cases;
}

struct Report {
  std::size_t articles = 0;
  std::map<std::string, std::size_t> by_source;
  std::map<std::string, int> refused;
  double load_s = 0, drain_s = 0, reindex_s = 0, fts_s = 0;
  std::uintmax_t drained_bytes = 0, xapian_bytes = 0, fts_bytes = 0;
  Timings kid_query, fts_query, kid_suggest, fts_suggest;
  std::size_t queries = 0, prefixes = 0;
  std::map<std::string, std::string> spelling;  // kidwiki's correction or suggestion, by query
};

std::vector<std::pair<std::string, std::string>> visible_texts(engine::Wiki& wiki) {
  std::vector<std::pair<std::string, std::string>> docs;
  for (const std::int64_t id : wiki.page_ids(*wiki.edition(kLang))) {
    if (auto page = wiki.indexable_page(id)) docs.emplace_back(page->full_title, page->plain_text);
  }
  return docs;
}

std::unique_ptr<engine::Wiki> open_wiki(const std::filesystem::path& data) {
  engine::Options options;
  options.data_dir = data;
  options.seed_demo = false;  // the editions only: the corpus is the content
  options.render_limits.worker_argv = {"/proc/self/exe", "render-worker"};
  return must(engine::Wiki::open(options), "open wiki");
}

std::filesystem::path search_dir(const engine::Wiki& wiki) {
  return wiki.options().data_dir / "search" / std::string(kLang);
}

void index_kidwiki(engine::Wiki& wiki, search::Search& search, Report& report) {
  Stopwatch drain;
  const std::size_t applied = must(search.drain(), "drain");
  report.drain_s = drain.seconds();
  report.drained_bytes = directory_bytes(search_dir(wiki));
  std::cerr << "drained " << applied << " outbox entries in " << report.drain_s << " s\n";
  Stopwatch rebuild;
  must(search.reindex(kLang), "reindex");
  report.reindex_s = rebuild.seconds();
  report.articles = wiki.page_ids(*wiki.edition(kLang)).size();
}

void measure_quality_and_latency(search::Search& search, Fts5Index& fts,
                                 const std::vector<QueryCase>& queries,
                                 const std::vector<QueryCase>& prefixes, Report& report) {
  auto kid_query = [&](const std::string& q) {
    search::SearchRequest request{q, 10, 0, ""};
    std::vector<std::string> titles;
    if (auto found = search.query(kLang, request); found.ok()) {
      for (const auto& hit : found->results) titles.push_back(hit.title);
      if (found->corrected) report.spelling[q] = "ran corrected query «" + *found->corrected + "»";
      if (found->suggestion) report.spelling[q] = "offered «" + *found->suggestion + "»";
    }
    return titles;
  };
  auto kid_suggest = [&](const std::string& p) {
    auto titles = search.suggest(kLang, p, kSuggestLimit);
    return titles.ok() ? titles.value() : std::vector<std::string>{};
  };
  auto fts_suggest = [&](const std::string& p) { return fts.complete(p, kSuggestLimit); };
  auto fts_query = [&](const std::string& q) { return fts.query(q, 10); };
  report.kid_query = measure_queries(queries, kid_query, 3, kQueryRepeats);
  report.fts_query = measure_queries(queries, fts_query, 3, kQueryRepeats);
  report.kid_suggest = measure_queries(prefixes, kid_suggest, kSuggestLimit, kSuggestRepeats);
  report.fts_suggest = measure_queries(prefixes, fts_suggest, kSuggestLimit, kSuggestRepeats);
  report.queries = queries.size();
  report.prefixes = prefixes.size();
}

std::string mib(std::uintmax_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

std::string num(double v, const char* format = "%.2f") {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

std::string share(int hits, std::size_t of) {
  return std::to_string(hits) + "/" + std::to_string(of) + " (" +
         num(100.0 * hits / static_cast<double>(of), "%.0f") + " %)";
}

std::string indexing_cell(const Report& r) {
  const double n = static_cast<double>(r.articles);
  if (r.reindex_s <= 0 && r.drain_s <= 0) return "not measured (--wiki: the wiki's own index)";
  const std::string rebuild = num(n / r.reindex_s, "%.0f") + " (rebuild)";
  return r.drain_s > 0 ? num(n / r.drain_s, "%.0f") + " (outbox drain), " + rebuild : rebuild;
}

std::string size_cell(const Report& r) {
  if (r.drain_s <= 0) return mib(r.xapian_bytes) + " (after a rebuild)";
  return mib(r.drained_bytes) + " after the drain, " + mib(r.xapian_bytes) + " after a rebuild";
}

void print_table(const Report& r) {
  const double n = static_cast<double>(r.articles);
  std::cout << "| Measure | kidwiki (Xapian) | SQLite FTS5 (bm25) |\n|---|---|---|\n"
            << "| Indexing, articles/s | " << indexing_cell(r) << " | " << num(n / r.fts_s, "%.0f")
            << " |\n| Index size on disk | " << size_cell(r) << " | " << mib(r.fts_bytes) << " |\n"
            << "| Query p50 / p99, ms | " << num(percentile(r.kid_query.ms, 0.5), "%.3f") << " / "
            << num(percentile(r.kid_query.ms, 0.99), "%.3f") << " | "
            << num(percentile(r.fts_query.ms, 0.5), "%.3f") << " / "
            << num(percentile(r.fts_query.ms, 0.99), "%.3f") << " |\n"
            << "| Autocomplete p50 / p99, ms | " << num(percentile(r.kid_suggest.ms, 0.5), "%.3f")
            << " / " << num(percentile(r.kid_suggest.ms, 0.99), "%.3f") << " | "
            << num(percentile(r.fts_suggest.ms, 0.5), "%.3f") << " / "
            << num(percentile(r.fts_suggest.ms, 0.99), "%.3f") << " (title prefix query) |\n"
            << "| Wanted article in top 3 | " << share(r.kid_query.hits, r.queries) << " | "
            << share(r.fts_query.hits, r.queries) << " |\n"
            << "| Autocomplete: title in the " << kSuggestLimit << " offered | "
            << share(r.kid_suggest.hits, r.prefixes) << " | " << share(r.fts_suggest.hits, r.prefixes)
            << " |\n";
}

void print_misses(const char* who, const Timings& t,
                  const std::map<std::string, std::string>& spelling = {}) {
  std::cout << "\n" << who << " — slowest queries (median ms): ";
  for (const auto& [ms, q] : t.slowest) std::cout << "«" << q << "» " << num(ms, "%.2f") << "; ";
  std::cout << "\n\n" << who << " — queries whose wanted article is not in the top 3 ("
            << t.misses.size() << "):\n\n";
  for (const auto& [query, titles] : t.misses) {
    const auto note = spelling.find(query);
    std::cout << "- «" << query << "» → " << titles
              << (note == spelling.end() ? "" : " (" + note->second + ")") << "\n";
  }
}

void print_report(const Report& r) {
  std::cout << "Articles in the fr edition: " << r.articles << " (";
  for (const auto& [source, count] : r.by_source) std::cout << source << " " << count << ", ";
  std::cout << "refused by the engine: " << (r.refused.empty() ? "none" : "");
  for (const auto& [why, count] : r.refused) std::cout << why << " " << count << " ";
  std::cout << ").";
  if (r.load_s > 0) {
    std::cout << " Loading through Wiki::save took " << num(r.load_s, "%.0f") << " s (not timed"
              << " as indexing).";
  } else if (r.reindex_s > 0) {
    std::cout << " Wiki loaded by an earlier run (--reuse): the index was rebuilt at open.";
  } else {
    std::cout << " An existing wiki and its own index (--wiki).";
  }
  std::cout << "\n" << r.queries << " queries × " << kQueryRepeats
            << " runs; " << r.prefixes << " autocomplete prefixes × " << kSuggestRepeats
            << " runs.\n\n";
  print_table(r);
  print_misses("kidwiki", r.kid_query, r.spelling);
  print_misses("FTS5", r.fts_query);
}

// For the targets table (bench/targets.py), each beside FTS5's figure on the same texts.
void record_figures(const Report& r, bool own_wiki) {
  const auto n = static_cast<long>(r.articles);
  record_figure("search_p99_ms", n, percentile(r.kid_query.ms, 0.99),
                "FTS5 " + num(percentile(r.fts_query.ms, 0.99)) + " ms");
  record_figure("suggest_p99_ms", n, percentile(r.kid_suggest.ms, 0.99),
                "FTS5 " + num(percentile(r.fts_suggest.ms, 0.99)) + " ms");
  if (own_wiki) return;  // the wanted articles are the corpus's, and the index was rebuilt here
  record_figure("search_top3_percent", n, 100.0 * r.kid_query.hits / static_cast<double>(r.queries),
                "FTS5 " + share(r.fts_query.hits, r.queries));
  record_figure("index_fts5_ratio", n,
                static_cast<double>(r.xapian_bytes) / static_cast<double>(r.fts_bytes),
                "FTS5 " + mib(r.fts_bytes));
}

struct Args {
  std::filesystem::path corpus, queries, work;
  bool reuse = false;  // keep the wiki loaded by an earlier run; time only the index rebuild
  std::filesystem::path wiki;  // an existing wiki to measure, index included
  std::size_t max_articles = SIZE_MAX;
  bool dictionaries = true;  // hunspell's real-word check before any correction
};

// Indexes a freshly loaded wiki through the outbox, then rebuilds it (both timed). With
// args.reuse and a wiki already loaded, only the rebuild of the empty index (by the first drain
// after Search::open) is timed.
std::unique_ptr<search::Search> load_and_index(const Args& args,
                                               std::unique_ptr<engine::Wiki>& wiki,
                                               const std::vector<Article>& articles,
                                               Report& report) {
  const std::filesystem::path data = args.wiki.empty() ? args.work / "data" : args.wiki;
  const bool reuse = (args.reuse || !args.wiki.empty()) &&
                     std::filesystem::exists(data / "kidwiki.sqlite3");
  if (args.wiki.empty()) std::filesystem::remove_all(reuse ? data / "search" : data);
  std::filesystem::create_directories(data);
  wiki = open_wiki(data);
  search::SearchOptions options;
  options.data_dir = data;
  if (!args.dictionaries) options.dictionaries_dir.clear();
  Stopwatch open_time;
  auto search = must(search::Search::open(*wiki, options), "open search");
  if (reuse) {
    must(search->drain(), "rebuild");  // open() leaves the rebuild of an empty index to the drain
    // With --wiki the index is the wiki's own, kept: nothing was rebuilt, so nothing is timed.
    if (args.wiki.empty()) report.reindex_s = open_time.seconds();
    report.articles = wiki->page_ids(*wiki->edition(kLang)).size();
  } else {
    Stopwatch load_time;
    report.refused = load(*wiki, articles);
    report.load_s = load_time.seconds();
    std::cerr << "loaded " << articles.size() << " articles in " << report.load_s << " s\n";
    index_kidwiki(*wiki, *search, report);
  }
  report.xapian_bytes = directory_bytes(search_dir(*wiki));
  return search;
}

void run(const Args& args) {
  std::vector<Article> articles = read_corpus(args.corpus);
  if (articles.size() > args.max_articles) articles.resize(args.max_articles);
  Report report;
  for (const Article& a : articles) ++report.by_source[a.source];
  std::unique_ptr<engine::Wiki> wiki;
  auto search = load_and_index(args, wiki, articles, report);
  Fts5Index fts(args.work / "fts5.sqlite3", search::SearchOptions{}.title_weight);
  const auto texts = visible_texts(*wiki);
  Stopwatch fts_time;
  fts.add_all(texts);
  report.fts_s = fts_time.seconds();
  report.fts_bytes = fts.size_on_disk();
  std::cerr << "measuring queries\n";
  measure_quality_and_latency(*search, fts, read_queries(args.queries), prefixes_of(articles),
                              report);
  print_report(report);
  record_figures(report, !args.wiki.empty());
}

}  // namespace
}  // namespace kidwiki::bench

int main(int argc, char** argv) {
  if (argc >= 2 && std::string_view(argv[1]) == "render-worker") {
    return kidwiki::engine::run_render_worker(STDIN_FILENO, STDOUT_FILENO);
  }
  if (argc < 4) {
    std::cerr << "usage: search_bench CORPUS QUERIES WORK_DIR [--reuse] [--max N] [--wiki DIR]"
                 " [--no-dictionaries]\n";
    return 2;
  }
  kidwiki::bench::Args args{argv[1], argv[2], argv[3]};
  for (int i = 4; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--reuse") args.reuse = true;
    if (a == "--max" && i + 1 < argc) args.max_articles = std::stoul(argv[++i]);
    if (a == "--wiki" && i + 1 < argc) args.wiki = argv[++i];
    if (a == "--no-dictionaries") args.dictionaries = false;
  }
  std::filesystem::create_directories(args.work);  // FTS5's database lives there
  kidwiki::bench::run(args);
  return 0;
}
