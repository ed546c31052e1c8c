// Renders one Markdown file with kidwiki's renderer, in this process, and writes the HTML to
// standard output: the same work as the `cmark FILE` command, so that hyperfine can compare them.
// Usage: render_file LANG FILE
#include <fstream>
#include <iostream>
#include <sstream>

#include "engine/render.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: render_file LANG FILE\n";
    return 2;
  }
  std::ifstream in(argv[2], std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << argv[2] << "\n";
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  kidwiki::engine::RenderContext context;
  context.lang = argv[1];
  context.languages = {"fr", "en"};
  if (context.lang == "fr") context.names = {"Discussion", "Catégorie"};
  auto result = kidwiki::engine::render_markdown(text.str(), context);
  if (!result) {
    std::cerr << "refused: " << result.error().message_id << "\n";
    return 1;
  }
  std::cout << result->html;
  return 0;
}
