// Renders one Markdown file with kidwiki's renderer, in this process, and writes the HTML to
// standard output: the same work as the `cmark-gfm FILE` command with the renderer's extensions
// (bench/render.sh), so that hyperfine can compare them.
// Usage: render_file LANG FILE
#include <sys/stat.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "engine/render.h"

namespace {

bool read_file(const char* path, std::string& text) {
  std::FILE* file = std::fopen(path, "rb");
  if (file == nullptr) return false;
  // One allocation of the file's size: a string grown by doubling frees megabyte buffers, which
  // makes glibc raise its mmap threshold, and the renderer's output then grows by copying.
  struct stat info {};
  if (fstat(fileno(file), &info) == 0) text.reserve(static_cast<std::size_t>(info.st_size));
  char buffer[1 << 16];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, n);
  bool ok = std::ferror(file) == 0;
  std::fclose(file);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: render_file LANG FILE\n";
    return 2;
  }
  // Read and written in one piece, as the cmark-gfm command does, so that only rendering differs.
  std::string text;
  if (!read_file(argv[2], text)) {
    std::cerr << "cannot read " << argv[2] << "\n";
    return 1;
  }
  kidwiki::engine::RenderContext context;
  context.lang = argv[1];
  context.languages = {"fr", "en"};
  if (context.lang == "fr") context.names = {"Discussion", "Catégorie"};
  // As the wiki does: the title is looked up once per edition, not per render.
  context.toc_title = context.lang == "fr" ? "Sommaire" : "Contents";
  auto result = kidwiki::engine::render_markdown(text, context);
  if (!result) {
    std::cerr << "refused: " << result.error().message_id << "\n";
    return 1;
  }
  return std::fwrite(result->html.data(), 1, result->html.size(), stdout) == result->html.size()
             ? 0
             : 1;
}
