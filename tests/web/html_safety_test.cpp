// No text a user writes (article, title, summary, form field) comes back as executable markup.
#include <doctest/doctest.h>

#include <random>
#include <regex>

#include "html_test_util.h"
#include "test_server.h"

using namespace kidwiki::web::testing;

namespace {

const char* const kHostile =
    "<script>alert(1)</script>\n\n"
    "<img src=x onerror=alert(2)>\n\n"
    "[click](javascript:alert(3)) [other](JaVaScRiPt:alert(4)) [[Page\" onmouseover=\"alert(5)]]\n\n"
    "\"quotes\" 'single' <a href=\"javascript:alert(6)\">raw</a> <style>body{}</style>\n\n"
    "<iframe src=\"https://example.org\"></iframe>\n";

// Lower-cased, so that mixed-case tricks are caught too.
std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Every attribute (name, value) of every tag in `html`, read as a browser would.
std::vector<std::pair<std::string, std::string>> attributes(const std::string& html) {
  std::vector<std::pair<std::string, std::string>> out;
  const std::regex tag(R"(<[a-z][a-z0-9]*((?:\s+[^\s=>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*/?>)");
  const std::regex attribute(R"re(([^\s=>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?)re");
  for (std::sregex_iterator it(html.begin(), html.end(), tag), end; it != end; ++it) {
    const std::string attrs = (*it)[1].str();
    for (std::sregex_iterator a(attrs.begin(), attrs.end(), attribute); a != end; ++a) {
      std::string value = (*a)[2].str();
      if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
        value = value.substr(1, value.size() - 2);
      }
      out.emplace_back((*a)[1].str(), value);
    }
  }
  return out;
}

void check_inert(const std::string& body) {
  const std::string html = lower(without_own_script(body));
  CHECK_FALSE(has(html, "<script"));
  CHECK_FALSE(has(html, "<iframe"));
  CHECK_FALSE(has(html, "<style"));
  CHECK_FALSE(has(html, "<img"));
  for (const auto& [name, value] : attributes(html)) {
    CAPTURE(name);
    CAPTURE(value);
    CHECK_FALSE(name.starts_with("on"));
    CHECK_FALSE(name == "style");
    if (name == "href" || name == "src" || name == "action") {
      CHECK_FALSE(has(value, "javascript:"));
      CHECK_FALSE(has(value, "data:"));
    }
  }
}

}  // namespace

TEST_CASE("a hostile article is served without executable markup on any page") {
  TestServer srv;
  const auto first = srv.save("en", "Hostile", kHostile);
  const auto second = srv.save("en", "Hostile", std::string(kHostile) + "\nMore.\n", first);
  const std::string f = std::to_string(first), s = std::to_string(second);
  for (const std::string& path : std::vector<std::string>{
           "/en/wiki/Hostile", "/en/wiki/Hostile?action=edit", "/en/wiki/Hostile?oldid=" + f,
        "/en/wiki/Hostile?diff=" + s + "&oldid=" + f, "/en/wiki/Hostile?diff=" + f,
        "/en/wiki/Hostile?action=history", "/en/special/recent"}) {
    CAPTURE(path);
    auto res = srv.client().Get(path.c_str());
    REQUIRE(res);
    CHECK(res->status == 200);
    check_inert(res->body);
  }
}

TEST_CASE("hostile form fields come back escaped") {
  TestServer srv;
  srv.save("en", "Target", "Text.");
  const std::string evil = "\"><script>alert(1)</script><a href=\"javascript:alert(2)\" onclick=\"x";
  struct Row {
    std::string name;
    FormFields fields;
  };
  const std::vector<Row> rows = {
      {"preview", {{"action", "submit"}, {"wpTextbox", kHostile}, {"wpSummary", evil}, {"wpPreview", "1"}}},
      {"bad base", {{"action", "submit"}, {"wpTextbox", evil}, {"wpBaseRevId", evil}, {"wpSave", "1"}}},
      {"move", {{"action", "move"}, {"wpNewTitle", evil}, {"wpReason", evil}}},
      {"revert", {{"action", "revert"}, {"oldid", evil}, {"wpSummary", evil}}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    auto res = post_form(srv.client(), "/en/wiki/Target", row.fields);
    REQUIRE(res);
    check_inert(res->body);
  }
}

TEST_CASE("titles and summaries with quotes are escaped in every attribute") {
  TestServer srv;
  const auto id = srv.save("fr", url_encode("L'\"histoire\" d'O"), "Texte.");
  auto res = srv.client().Get(("/fr/wiki/" + url_encode("L'\"histoire\"_d'O") + "?action=history").c_str());
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(has(res->body, "L&apos;&quot;histoire&quot; d&apos;O"));
  CHECK_FALSE(has(res->body, "\"histoire\""));
  CHECK(id > 0);
}

TEST_CASE("random query parameters never break a page" * doctest::timeout(120)) {
  TestServer srv;
  const auto first = srv.save("fr", "Fuzz", "Un texte.");
  srv.save("fr", "Fuzz", "Un autre texte.", first);
  std::mt19937 random(20261129);
  const std::vector<std::string> keys = {"action", "oldid", "diff", "before", "redirect", "uselang"};
  const std::vector<std::string> values = {"edit", "history", "move", "revert", "view", "no", "0",
                                           "-1", "1", "2", "99999999999999999999", "%00", "%C3",
                                           "qqx", "fr", "abc", "%22%3E%3Cscript%3E", ""};
  for (int i = 0; i < 300; ++i) {
    std::string query;
    for (int n = 1 + static_cast<int>(random() % 3); n > 0; --n) {
      query += (query.empty() ? "?" : "&") + keys[random() % keys.size()] + "=" +
               values[random() % values.size()];
    }
    CAPTURE(query);
    auto res = srv.client().Get(("/fr/wiki/Fuzz" + query).c_str());
    REQUIRE(res);
    CHECK(res->status < 500);
    check_inert(res->body);
  }
}
