// titles.js, the folder copy's list of titles (offline/src/folder/titles_script.h): whatever a
// title holds, the script stays one assignment of a JSON array.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "folder/titles_script.h"

using namespace kidwiki;

TEST_CASE("titles.js lists pages then redirects, and no title can break out of it") {
  engine::Edition ed;
  ed.lang = "fr";
  const char* titles[] = {"Lion",
                          "Éléphant",
                          "</script><script>alert(1)</script>",
                          "a\"b\\c",
                          "ligne\u2028séparée",
                          "'; alert(1); '"};
  offline::ExportPlan plan;
  for (const char* t : titles) {
    plan.pages.push_back({engine::Title{engine::Namespace::article, t}, std::string("wiki/") + t});
  }
  plan.redirects.push_back({engine::Title{engine::Namespace::article, "Roi des animaux"},
                            "wiki/Roi", "wiki/Lion"});
  const std::string script = offline::titles_script(ed, plan);
  const std::string prefix = "window.kidwikiTitles = ";
  REQUIRE(script.rfind(prefix, 0) == 0);
  REQUIRE(script.size() > prefix.size() + 2);
  CHECK(script.substr(script.size() - 2) == ";\n");
  // Escaped to ASCII: no raw line separator (a line end in older JavaScript engines).
  for (unsigned char c : script) CHECK(c < 0x80);
  const auto list = nlohmann::json::parse(script.substr(prefix.size(), script.size() - prefix.size() - 2));
  REQUIRE(list.size() == std::size(titles) + 1);
  for (std::size_t i = 0; i < std::size(titles); ++i) {
    CHECK(list[i][0] == titles[i]);
    CHECK(list[i][1] == std::string("wiki/") + titles[i]);
  }
  CHECK(list.back()[0] == "Roi des animaux");
  CHECK(list.back()[1] == "wiki/Lion");
}
