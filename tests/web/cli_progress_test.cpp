// The console's progress lines (web/src/cli/progress.h), table-driven; and what a log receives.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "cli/progress.h"

namespace {

using kidwiki::cli::Progress;

struct Case {
  const char* name;
  std::uint64_t total;
  std::uint64_t done;
  double elapsed;
  bool finished;
  std::string expected;
};

std::string contents(std::FILE* file) {
  std::rewind(file);
  std::string all;
  char buffer[256];
  while (std::fgets(buffer, sizeof buffer, file) != nullptr) all += buffer;
  return all;
}

}  // namespace

TEST_CASE("a progress line says counts, rate and time left") {
  const Case cases[] = {
      {"nothing done yet", 200, 0, 0.0, false, "pages: 0 of 200 (0%) · 0/s · ? left"},
      {"a quarter in 10 s", 200, 50, 10.0, false, "pages: 50 of 200 (25%) · 5/s · 0:30 left"},
      {"hours left", 100000, 1000, 60.0, false,
       "pages: 1,000 of 100,000 (1%) · 16/s · 1:39:00 left"},
      {"more done than thought", 10, 12, 2.0, false, "pages: 12 of 10 (100%) · 6/s · 0:00 left"},
      {"total not known", 0, 1234, 2.0, false, "pages: 1,234 · 617/s"},
      {"the last line", 200, 200, 80.0, true, "pages: 200 in 1:20 (2/s)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    std::FILE* out = std::tmpfile();
    REQUIRE(out != nullptr);
    {
      Progress progress("pages", c.total, out, false);
      progress.set_done(c.done);
      if (c.finished) progress.finish();
      CHECK(progress.line(c.elapsed) == c.expected);
    }
    std::fclose(out);
  }
}

TEST_CASE("a log receives whole lines, and always the last one") {
  std::FILE* out = std::tmpfile();
  REQUIRE(out != nullptr);
  {
    Progress progress("files", 3, out, false);
    for (int i = 0; i < 3; ++i) progress.advance();
    progress.finish();
    progress.finish();  // once only
  }
  auto all = contents(out);
  std::fclose(out);
  CHECK(all.find('\r') == std::string::npos);
  CHECK(all.find("\x1b") == std::string::npos);
  CHECK(all.rfind("files: 3 in ") != std::string::npos);
  CHECK(all.back() == '\n');
  CHECK(all.find("files: 3 in ") == all.rfind("files: 3 in "));
}

TEST_CASE("a terminal's bar is redrawn in place and ends with its line") {
  std::FILE* out = std::tmpfile();
  REQUIRE(out != nullptr);
  {
    Progress progress("files", 4, out, true);
    progress.advance(2);
    progress.finish();
  }
  auto all = contents(out);
  std::fclose(out);
  CHECK(all.find("\r\x1b[K[############------------] files: 2 of 4 (50%)") != std::string::npos);
  CHECK(all.find("\r\x1b[Kfiles: 2 in ") != std::string::npos);
  CHECK(all.back() == '\n');
}
