// A render through the pool of long-lived render workers against the same render in this process,
// on one file, N times each: what the sandbox costs per render (the exchange over the pipes, the
// CPU budget, the answer decoded). Part of the preview route's time (bench/render_route.sh).
// Usage: render_workers LANG FILE RUNS   (the program is its own worker: render_workers
// render-worker)
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/render.h"

namespace {

using Clock = std::chrono::steady_clock;
using kidwiki::engine::RenderContext;

template <typename Render>
std::vector<double> timed(int runs, Render render) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    if (!render()) {
      std::cerr << "render refused\n";
      std::exit(1);
    }
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms;
}

void report(const char* what, const std::vector<double>& ms) {
  std::printf("| %s | %.3f | %.3f | %.3f |\n", what, ms.front(), ms[ms.size() / 2],
              ms[std::min(ms.size() - 1, ms.size() * 99 / 100)]);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::string(argv[1]) == "render-worker") {
    return kidwiki::engine::run_render_worker(STDIN_FILENO, STDOUT_FILENO);
  }
  if (argc != 4) {
    std::cerr << "usage: render_workers LANG FILE RUNS\n";
    return 2;
  }
  std::ifstream file(argv[2], std::ios::binary);
  std::stringstream buffer;
  buffer << file.rdbuf();
  const std::string text = buffer.str();
  const int runs = std::max(1, std::atoi(argv[3]));
  RenderContext context;
  context.lang = argv[1];
  context.languages = {"fr", "en"};
  if (context.lang == "fr") context.names = {"Discussion", "Catégorie"};
  context.toc_title = context.lang == "fr" ? "Sommaire" : "Contents";
  kidwiki::engine::SandboxLimits limits;
  limits.worker_argv = {"/proc/self/exe", "render-worker"};
  kidwiki::engine::RenderWorkers pool(limits, 2);
  // Warm both: the worker started, the pages of both processes touched.
  (void)pool.render(text, context);
  (void)kidwiki::engine::render_markdown(text, context);
  std::printf("%s (%zu bytes), %d runs; load %s\n", argv[2], text.size(), runs,
              [] {
                std::ifstream load("/proc/loadavg");
                std::string a;
                load >> a;
                return a;
              }()
                  .c_str());
  std::printf("| render | min ms | p50 ms | p99 ms |\n|---|---|---|---|\n");
  report("in this process", timed(runs, [&] { return bool(kidwiki::engine::render_markdown(text, context)); }));
  report("pooled worker", timed(runs, [&] { return bool(pool.render(text, context)); }));
  report("pooled worker, empty text", timed(runs, [&] { return bool(pool.render("", context)); }));
  return 0;
}
