// docs/api.md must show every route the server registers: this test reads the route table of
// web/src/routes.cpp and looks for each pattern in the documentation.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// "/{lang}/wiki/{title...}" as the documentation writes it: "/{lang}/wiki/{title}".
std::string documented_form(std::string pattern) {
  for (std::size_t at; (at = pattern.find("...}")) != std::string::npos;) pattern.erase(at, 3);
  return pattern;
}

}  // namespace

TEST_CASE("docs/api.md shows every route of web/src/routes.cpp") {
  const std::string routes = read_file(std::string(KIDWIKI_SOURCE_DIR) + "/web/src/routes.cpp");
  const std::string docs = read_file(std::string(KIDWIKI_SOURCE_DIR) + "/docs/api.md");
  const std::regex added(R"re(r\.add\("([A-Z]+)", "([^"]+)")re");
  int count = 0;
  for (auto it = std::sregex_iterator(routes.begin(), routes.end(), added);
       it != std::sregex_iterator(); ++it, ++count) {
    const std::string path = documented_form((*it)[2].str());
    CAPTURE(path);
    // An API route has its own section; a page is in the pages' table.
    const bool api = path.starts_with("/api/") || path == "/healthz";
    const std::string mention = api ? (*it)[1].str() + " " + path : "`" + (*it)[1].str() + " " + path;
    CHECK(docs.find(mention) != std::string::npos);
  }
  CHECK(count > 60);
}
