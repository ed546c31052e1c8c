// The main of every test program that opens an engine Wiki (engine, web, search). Like the kidwiki
// binary, such a program doubles as the render worker, so that the engine's sandbox runs for real
// inside the tests: `<program> render-worker` renders one request from standard input.
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
