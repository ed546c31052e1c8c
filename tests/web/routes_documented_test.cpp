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

// "/{lang}/wiki/{title...}?action=edit" as the documentation writes it: the path
// "/{lang}/wiki/{title}", and the selector "action=edit" in the same table row.
std::pair<std::string, std::string> documented_form(std::string pattern) {
  for (std::size_t at; (at = pattern.find("...}")) != std::string::npos;) pattern.erase(at, 3);
  const auto query = pattern.find('?');
  if (query == std::string::npos) return {pattern, ""};
  return {pattern.substr(0, query), pattern.substr(query + 1)};
}

// The line of `docs` that mentions `mention` and, when given, `selector`.
bool documented(const std::string& docs, const std::string& mention, const std::string& selector) {
  std::istringstream lines(docs);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(mention) == std::string::npos) continue;
    if (selector.empty() || line.find(selector) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("docs/api.md shows every route of web/src/routes.cpp") {
  const std::string routes = read_file(std::string(KIDWIKI_SOURCE_DIR) + "/web/src/routes.cpp");
  const std::string docs = read_file(std::string(KIDWIKI_SOURCE_DIR) + "/docs/api.md");
  // A row of the table: {"GET", "/api/v1/{lang}/pages/{title...}", api_page_get},
  const std::regex row(R"re(\{"([A-Z]+)", "([^"]+)", [a-z_]+\})re");
  int count = 0;
  for (auto it = std::sregex_iterator(routes.begin(), routes.end(), row);
       it != std::sregex_iterator(); ++it, ++count) {
    const auto [path, selector] = documented_form((*it)[2].str());
    CAPTURE(path);
    CAPTURE(selector);
    // An API route has its own section; a page is in the pages' table.
    const bool api = path.starts_with("/api/") || path == "/healthz";
    const std::string mention = api ? (*it)[1].str() + " " + path : "`" + (*it)[1].str() + " " + path;
    CHECK(documented(docs, mention, selector));
  }
  CHECK(count > 90);
}
