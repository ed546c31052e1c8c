// Saves at scale (issue 11), through the engine's own write path with its real render workers:
//   1. the loader: a wiki of N articles made from the Vikidia corpus (tests/data/vikidia-fr),
//      each article saved under numbered titles ("Chat", "Chat 2", ...) by 8 threads at once,
//      in articles a second;
//   2. one editor saving Vikidia's "Chat" again and again: p50 and p99 of the save;
//   3. E editors at once, each saving its own page for S seconds, first as fast as the server
//      answers (saves a second, and the p50 and p99 that Little's law makes of E in line), then
//      paced at 300 saves a second together (p50 and p99 counted from when each save was due);
//   4. the server's CPU per save (this process; the render workers are not counted) and its
//      resident memory before and after all those saves.
// Usage: save_bench ARTICLES [EDITORS] [SECONDS] [REPEATS]   (defaults 1000 35 10 200)
//        SAVE_BENCH_DIR=DIR keeps the wiki in DIR, and reuses it when already loaded (the loader
//        column then says 0), or goes on loading it when a load was interrupted.
// Prints one Markdown table row; bench/run-all.sh runs it at several sizes.
#include <stdlib.h>
#include <unistd.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "engine/render.h"
#include "engine/wiki.h"
#include "figures.h"

namespace {

using namespace kidwiki::engine;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct CorpusArticle {
  std::string title;
  std::string markdown;
};

std::vector<CorpusArticle> read_corpus(const fs::path& dir) {
  std::vector<CorpusArticle> articles;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    articles.push_back({entry.path().stem().string(), text.str()});
  }
  std::sort(articles.begin(), articles.end(),
            [](const auto& a, const auto& b) { return a.title < b.title; });
  return articles;
}

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double cpu_milliseconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto ms = [](const timeval& t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

long resident_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

double percentile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<std::size_t>(q * values.size()))];
}

Title title_of(Wiki& wiki, const Edition& fr, const std::string& text) {
  auto title = wiki.parse_title(fr, text);
  if (!title) throw std::runtime_error("bad title " + text);
  return title.value();
}

// Saves `markdown` over the page's current text; the base is what the caller saved last.
std::int64_t save(Wiki& wiki, const Edition& fr, const Title& title, const std::string& markdown,
                  std::optional<std::int64_t> base) {
  auto saved = wiki.save(Actor::console(), fr, title, SaveRequest{markdown, "bench", base});
  if (!saved) throw std::runtime_error("save " + title.text + ": " + saved.error().message_id);
  return saved->revision_id;
}

// The page's current revision, when a kept wiki already has it.
std::optional<std::int64_t> current_base(Wiki& wiki, const Edition& fr, const Title& title) {
  auto page = wiki.read(Actor::console(), fr, title, false);
  if (!page) return std::nullopt;
  return page->revision.id;
}

// Several loaders at once, as a class would save: their saves share commits (group commit) and
// their renders use both cores. Each takes the next article until all are saved.
double load(Wiki& wiki, const Edition& fr, const std::vector<CorpusArticle>& corpus,
            int articles, int loaders) {
  const auto start = Clock::now();
  std::atomic<int> next{0};
  std::vector<std::thread> threads;
  for (int l = 0; l < loaders; ++l) {
    threads.emplace_back([&] {
      for (int i = next++; i < articles; i = next++) {
        const CorpusArticle& a = corpus[static_cast<std::size_t>(i) % corpus.size()];
        const int copy = i / static_cast<int>(corpus.size());
        const std::string name = copy == 0 ? a.title : a.title + " " + std::to_string(copy + 1);
        save(wiki, fr, title_of(wiki, fr, name), a.markdown, std::nullopt);
      }
    });
  }
  for (auto& t : threads) t.join();
  return articles / (milliseconds_since(start) / 1000.0);
}

struct Saves {
  std::vector<double> ms;
  double cpu_ms = 0;
  double seconds = 0;
};

Saves one_editor(Wiki& wiki, const Edition& fr, const std::string& chat, int repeats) {
  const Title title = title_of(wiki, fr, "Chat bench");
  std::int64_t base = save(wiki, fr, title, chat, current_base(wiki, fr, title));
  Saves s;
  const double cpu = cpu_milliseconds();
  for (int i = 0; i < repeats; ++i) {
    const auto start = Clock::now();
    base = save(wiki, fr, title, chat + "\n\nMesure " + std::to_string(i) + ".\n", base);
    s.ms.push_back(milliseconds_since(start));
  }
  s.cpu_ms = (cpu_milliseconds() - cpu) / repeats;
  return s;
}

// E editors saving their own pages for S seconds. Unpaced (`rate` 0), each saves again as soon
// as its last save returns: the saves a second are what the server can take, and the latency is
// the line's length (Little's law: E / throughput). Paced, the editors together offer `rate`
// saves a second, each on its own schedule, and a save's time counts from when it was due, so
// that a slow server is not excused by the saves it delayed (no coordinated omission).
Saves many_editors(Wiki& wiki, const Edition& fr, const std::string& chat, int editors,
                   int seconds, double rate) {
  std::mutex mutex;
  Saves s;
  const double cpu = cpu_milliseconds();
  const auto begin = Clock::now();
  const auto until = begin + std::chrono::seconds(seconds);
  const auto interval = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(rate > 0 ? editors / rate : 0));
  std::vector<std::thread> threads;
  for (int e = 0; e < editors; ++e) {
    threads.emplace_back([&, e] {
      const Title title = title_of(wiki, fr, "Bench editor " + std::to_string(e));
      std::optional<std::int64_t> base = current_base(wiki, fr, title);
      std::vector<double> mine;
      auto due = begin + interval * e / editors;  // spread over one interval
      for (int n = 0; due < until; ++n) {
        if (rate > 0) std::this_thread::sleep_until(due);
        const auto start = rate > 0 ? due : Clock::now();
        base = save(wiki, fr, title, chat + "\n\nMesure " + std::to_string(n) + ".\n", base);
        mine.push_back(milliseconds_since(start));
        due = rate > 0 ? due + interval : Clock::now();
      }
      std::lock_guard lock(mutex);
      s.ms.insert(s.ms.end(), mine.begin(), mine.end());
    });
  }
  for (auto& t : threads) t.join();
  s.seconds = milliseconds_since(begin) / 1000.0;
  s.cpu_ms = (cpu_milliseconds() - cpu) / static_cast<double>(std::max<std::size_t>(1, s.ms.size()));
  return s;
}

}  // namespace

// Loader threads: enough to keep both cores and the commit queue busy.
constexpr int kLoaders = 8;
// The paced editors' rate: the 300 saves a second, from 35 editors (one save every
// 117 ms each: far more than a class types, which is the point).
constexpr double kPacedRate = 300;

int main(int argc, char** argv) {
  if (argc >= 2 && std::string_view(argv[1]) == "render-worker") {
    return kidwiki::engine::run_render_worker(STDIN_FILENO, STDOUT_FILENO);
  }
  const int articles = argc > 1 ? std::atoi(argv[1]) : 1000;
  const int editors = argc > 2 ? std::atoi(argv[2]) : 35;
  const int seconds = argc > 3 ? std::atoi(argv[3]) : 10;
  const int repeats = argc > 4 ? std::atoi(argv[4]) : 200;
  // SAVE_BENCH_DIR keeps the wiki (and reuses one already loaded there): loading 100,000
  // articles takes about 25 minutes, and a profile wants the same wiki again.
  const char* kept = std::getenv("SAVE_BENCH_DIR");
  std::string pattern = kept ? std::string(kept)
                             : (fs::temp_directory_path() / "kidwiki-save-bench-XXXXXX").string();
  if (kept) {
    fs::create_directories(pattern);
  } else if (!mkdtemp(pattern.data())) {
    return 1;
  }
  try {
    const auto corpus = read_corpus(KIDWIKI_CORPUS_DIR);
    const auto chat = std::find_if(corpus.begin(), corpus.end(),
                                   [](const auto& a) { return a.title == "Chat"; });
    if (chat == corpus.end()) throw std::runtime_error("no Chat.md in the corpus");
    Options options;
    options.data_dir = pattern;
    options.seed_demo = false;
    // The program doubles as its render worker: a worker restarted during a long load runs this
    // image, never a kidwiki binary rebuilt meanwhile.
    options.render_limits.worker_argv = {"/proc/self/exe", "render-worker"};
    // Reading a page (to find a kept wiki's current revisions) assembles its links.
    options.page_address = [](const Edition&, const Title& t, bool) { return "/" + t.text; };
    options.media_address = [](const FileInfo& f, int width) {
      return "/media/" + f.sha256 + "/" + std::to_string(width);
    };
    auto wiki = std::move(Wiki::open(options)).value();
    const Edition fr = *wiki->edition("fr");
    // A kept wiki with fewer pages than asked (an interrupted load) is loaded on: its pages are
    // saved again with the same text, which changes nothing.
    const bool reused = kept && wiki->page_ids(fr).size() >= static_cast<std::size_t>(articles);
    const double loaded = reused ? 0 : load(*wiki, fr, corpus, articles, kLoaders);
    const long rss_before = resident_kib();
    const Saves one = one_editor(*wiki, fr, chat->markdown, repeats);
    const Saves many = many_editors(*wiki, fr, chat->markdown, editors, seconds, 0);
    const Saves paced = many_editors(*wiki, fr, chat->markdown, editors, seconds, kPacedRate);
    const long rss_after = resident_kib();
    std::printf("| %d | %.0f | %.1f / %.1f ms | %.1f ms | %d: %.0f/s, %.0f / %.0f ms | %.0f/s: %.1f / %.1f ms | %.1f ms | %ld → %ld MiB (%zu saves) |\n",
                articles, loaded, percentile(one.ms, 0.5), percentile(one.ms, 0.99), one.cpu_ms,
                editors, many.ms.size() / many.seconds, percentile(many.ms, 0.5),
                percentile(many.ms, 0.99), paced.ms.size() / paced.seconds,
                percentile(paced.ms, 0.5), percentile(paced.ms, 0.99), many.cpu_ms,
                rss_before / 1024, rss_after / 1024, one.ms.size() + many.ms.size() + paced.ms.size());
    using kidwiki::bench::record_figure;
    if (!reused) record_figure("loader_articles_per_s", articles, loaded);
    record_figure("save_p50_ms", articles, percentile(one.ms, 0.5));
    record_figure("save_p99_ms", articles, percentile(one.ms, 0.99));
    record_figure("class_saves_per_s", articles, many.ms.size() / many.seconds);
    record_figure("class_p99_ms", articles, percentile(paced.ms, 0.99),
                  "paced at " + std::to_string(static_cast<int>(kPacedRate)) + " saves/s");
    record_figure("save_cpu_ms", articles, many.cpu_ms, std::to_string(editors) + " editors");
    record_figure("rss_growth_mib", articles,
                  static_cast<double>(rss_after - rss_before) / 1024.0,
                  std::to_string(rss_before / 1024) + " → " + std::to_string(rss_after / 1024) +
                      " MiB over " +
                      std::to_string(one.ms.size() + many.ms.size() + paced.ms.size()) + " saves");
  } catch (const std::exception& e) {
    std::cerr << "save_bench: " << e.what() << "\n";
    if (!kept) fs::remove_all(pattern);
    return 1;
  }
  if (!kept) fs::remove_all(pattern);
  return 0;
}
