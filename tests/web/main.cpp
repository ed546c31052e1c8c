// The web layer's tests. The program doubles as the render worker, as the kidwiki binary does,
// so that the engine's sandbox can run inside these tests: `web_tests render-worker`.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <string_view>
#include <unistd.h>

#include "engine/render.h"

int main(int argc, char** argv) {
  if (argc >= 2 && std::string_view(argv[1]) == "render-worker") {
    return kidwiki::engine::run_render_worker(STDIN_FILENO, STDOUT_FILENO);
  }
  doctest::Context context(argc, argv);
  return context.run();
}
