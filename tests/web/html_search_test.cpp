// The reader's side of search: the box in every header, the results page with its spelling help
// and kind help when nothing is found, and the autocomplete script, over a real Search.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <regex>
#include <set>

#include "html_test_util.h"
#include "test_server.h"

using namespace kidwiki::web::testing;

namespace {

constexpr bool kWithSearch = true;

httplib::Result search_page(TestServer& srv, const std::string& lang, const std::string& query,
                            const std::string& extra = "") {
  return srv.client().Get(("/" + lang + "/special/search?q=" + url_encode(query) + extra).c_str());
}

// The address the interface links a title of the demo editions to.
std::string wiki_href(const std::string& lang, const std::string& url_title) {
  return "href=\"/" + lang + "/wiki/" + url_title + "\"";
}

// The results list of a page ("" when it has none).
std::string results_of(const std::string& body) {
  return between(body, "<ol class=\"search-results\"", "</ol>");
}

// The page's own search box: a GET form to the results page, filled with `query`.
void check_page_box(const std::string& body, const std::string& lang, const std::string& query) {
  const std::string form = between(body, "<form class=\"search-form page-search\"", "</form>");
  REQUIRE_FALSE(form.empty());
  CHECK(has(form, "action=\"/" + lang + "/special/search\" method=\"get\""));
  CHECK(has(form, "name=\"q\" value=\"" + html_escaped(query) + "\""));
}

}  // namespace

TEST_CASE("search: typing the start of a title offers it, in French and English") {
  TestServer srv({}, kWithSearch);
  struct Row {
    std::string lang, prefix, title;
  };
  for (const Row& row : std::vector<Row>{{"fr", "ele", "Éléphant"},
                                         {"fr", "ÉLÉ", "Éléphant"},
                                         {"en", "ele", "Elephant"},
                                         {"fr", "chev", "Cheval"}}) {
    CAPTURE(row.prefix);
    auto res = srv.client().Get(
        ("/api/v1/" + row.lang + "/suggest?limit=8&q=" + url_encode(row.prefix)).c_str());
    REQUIRE(res);
    CHECK(res->status == 200);
    const auto titles = json_of(res).at("titles");
    CHECK(std::find(titles.begin(), titles.end(), row.title) != titles.end());
  }
}

TEST_CASE("search: a misspelt word shows the article it means") {
  TestServer srv({}, kWithSearch);
  struct Row {
    std::string lang, query, url_title, meant;
  };
  for (const Row& row : std::vector<Row>{{"fr", "elefant", "%C3%89l%C3%A9phant", "éléphant"},
                                         {"en", "elefant", "Elephant", "elephant"}}) {
    CAPTURE(row.lang);
    auto res = search_page(srv, row.lang, row.query);
    REQUIRE(res);
    CHECK(res->status == 200);
    // Either corrected results, or "Did you mean …?" linking to the search for the right word.
    const bool corrected = has(results_of(res->body), wiki_href(row.lang, row.url_title));
    const bool suggested =
        has(res->body, "href=\"/" + row.lang + "/special/search?q=" + url_encode(row.meant) + "\"");
    CHECK((corrected || suggested));
    check_page_box(res->body, row.lang, row.query);
  }
}

TEST_CASE("search: results from a correction offer the search as typed, which stays as typed") {
  TestServer srv({}, kWithSearch);
  auto res = search_page(srv, "fr", "elefant");
  REQUIRE(res);
  const std::string instead = "/fr/special/search?q=elefant&amp;nocorrect=1";
  REQUIRE(has(res->body, "<strong lang=\"fr\" dir=\"ltr\">éléphant</strong>"));
  CHECK(has(res->body, "href=\"" + instead + "\""));
  CHECK(has(results_of(res->body), wiki_href("fr", "%C3%89l%C3%A9phant")));
  auto typed = srv.client().Get("/fr/special/search?q=elefant&nocorrect=1");
  REQUIRE(typed);
  CHECK(typed->status == 200);
  CHECK_FALSE(has(typed->body, "nocorrect=1\""));
  // The correction is still there, offered as "Did you mean …?".
  CHECK(has(typed->body, "href=\"/fr/special/search?q=%C3%A9l%C3%A9phant\""));
}

TEST_CASE("search: inflected words find the article with the matches highlighted") {
  TestServer srv({}, kWithSearch);
  struct Row {
    std::string lang, query, url_title;
  };
  for (const Row& row :
       std::vector<Row>{{"fr", "les chevaux sauvages", "Cheval"}, {"en", "horses", "Horse"}}) {
    CAPTURE(row.query);
    auto res = search_page(srv, row.lang, row.query);
    REQUIRE(res);
    CHECK(res->status == 200);
    const std::string results = results_of(res->body);
    CHECK(has(results, wiki_href(row.lang, row.url_title)));
    CHECK(has(results, "<p class=\"snippet\">"));
    CHECK(has(results, "<mark>"));
    CHECK(
        has(res->body, "<h1 class=\"page-heading\">" +
                           page_msg(row.lang, "search-page-title-query", {{"query", row.query}})));
  }
}

TEST_CASE("search: an exact title is listed first") {
  TestServer srv({}, kWithSearch);
  auto res = search_page(srv, "fr", "lion");
  REQUIRE(res);
  const std::string results = results_of(res->body);
  REQUIRE_FALSE(results.empty());
  CHECK(between(results, "<a class=\"page-title\" ", ">") == wiki_href("fr", "Lion"));
}

TEST_CASE("search: a snippet of a page that talks about <script> is text, never markup") {
  TestServer srv({}, kWithSearch);
  srv.save(
      "fr", "Balise",
      "Une balise s'écrit `<script>alert(1)</script>` ou `<b onclick=\"x\">` dans une page.\n");
  srv.index_changes();
  auto res = search_page(srv, "fr", "balise alert");
  REQUIRE(res);
  const std::string results = results_of(res->body);
  REQUIRE(has(results, wiki_href("fr", "Balise")));
  CHECK(has(results, "&lt;script&gt;"));
  CHECK_FALSE(has(without_own_script(res->body), "<script"));
  CHECK_FALSE(has(res->body, "<b onclick"));
}

TEST_CASE("search: when nothing is found a child gets help and a link to write the article") {
  TestServer srv({}, kWithSearch);
  struct Row {
    std::string lang, query, create_href;  // "" when the query cannot be a title
  };
  // Real words the demo has no page for are searched as typed, never "corrected" into another
  // article (tiger -> tides, paris -> parks, lapin -> lait): the child can write them.
  for (const Row& row : std::vector<Row>{{"fr", "zorglub", "/fr/wiki/Zorglub?action=edit"},
                                         {"en", "qwxz vbnm", "/en/wiki/Qwxz_vbnm?action=edit"},
                                         {"en", "tiger", "/en/wiki/Tiger?action=edit"},
                                         {"en", "paris", "/en/wiki/Paris?action=edit"},
                                         {"fr", "lapin", "/fr/wiki/Lapin?action=edit"},
                                         {"fr", "zorglub|x", ""}}) {
    CAPTURE(row.query);
    auto res = search_page(srv, row.lang, row.query);
    REQUIRE(res);
    CHECK(res->status == 200);
    const std::string help = between(res->body, "<div class=\"search-help\">", "</div>");
    REQUIRE_FALSE(help.empty());
    CHECK(has(help, html_escaped(row.query)));
    CHECK(has(help, page_msg(row.lang, "search-hint-fewer-words")));
    CHECK(has(help, page_msg(row.lang, "search-hint-spelling")));
    CHECK(has(help, "action=edit") == !row.create_href.empty());
    if (!row.create_href.empty()) CHECK(has(help, "href=\"" + row.create_href + "\""));
    CHECK(results_of(res->body).empty());
    CHECK_FALSE(has(res->body, "<div class=\"message search-spelling\">"));  // no "Results for"
  }
}

TEST_CASE("search: empty and refused queries show the box, with the message when refused") {
  TestServer srv({}, kWithSearch);
  struct Row {
    std::string name, params;
    int status;
    std::string message_id;  // "" when no message is expected
    kidwiki::i18n::MessageArgs args;
  };
  const std::string many_words = [] {
    std::string q;
    for (int i = 0; i < 40; ++i) q += "mot" + std::to_string(i) + "+";
    return q;
  }();
  const std::vector<Row> rows = {
      {"no q", "", 200, "", {}},
      {"empty q", "?q=", 200, "", {}},
      {"blank q", "?q=%20%20%20", 200, "", {}},
      {"too long", "?q=" + std::string(300, 'a'), 400, "search-error-too-long", {{"max", 256}}},
      {"too many words", "?q=" + many_words, 400, "search-error-too-many-words", {{"max", 32}}},
      {"not UTF-8", "?q=%C3", 400, "search-error-encoding", {}},
      {"bad offset", "?q=cheval&offset=abc", 400, "", {}},
      {"offset too deep", "?q=cheval&offset=5000", 400, "", {}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    auto res = srv.client().Get(("/fr/special/search" + row.params).c_str());
    REQUIRE(res);
    CHECK(res->status == row.status);
    CHECK(has(res->body, "<form class=\"search-form page-search\""));
    CHECK(results_of(res->body).empty());
    CHECK_FALSE(has(res->body, "class=\"search-help\""));
    CHECK(has(res->body, "role=\"alert\"") == (row.status == 400));
    if (!row.message_id.empty()) CHECK(has(res->body, page_msg("fr", row.message_id, row.args)));
    if (row.status == 200) {
      CHECK(has(res->body,
                "<h1 class=\"page-heading\">" + page_msg("fr", "search-page-title") + "</h1>"));
    }
  }
}

TEST_CASE("search: results are paged with previous and next links") {
  TestServer srv({}, kWithSearch);
  for (int i = 0; i < 23; ++i) {
    srv.save("en", "Zqvark_" + std::to_string(i),
             "A zqvark with " + std::to_string(i) + " stripes.");
  }
  srv.index_changes();
  auto first = search_page(srv, "en", "zqvark");
  REQUIRE(first);
  CHECK(has(first->body, page_msg("en", "search-results-count", {{"count", 23}})));
  CHECK(has(first->body, "href=\"/en/special/search?q=zqvark&amp;offset=20\" rel=\"next\""));
  CHECK_FALSE(has(first->body, "rel=\"prev\""));
  auto second = search_page(srv, "en", "zqvark", "&offset=20");
  REQUIRE(second);
  CHECK(has(second->body, "href=\"/en/special/search?q=zqvark\" rel=\"prev\""));
  CHECK_FALSE(has(second->body, "rel=\"next\""));
  const std::string results = results_of(second->body);
  std::size_t items = 0;
  for (auto at = results.find("<li>"); at != std::string::npos; at = results.find("<li>", at + 1)) {
    ++items;
  }
  CHECK(items == 3);
}

TEST_CASE("search: a category filter is kept in the box and the links") {
  TestServer srv({}, kWithSearch);
  auto res = search_page(srv, "en", "plants", "&category=Mammals");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(has(res->body, "<input type=\"hidden\" name=\"category\" value=\"Mammals\">"));
  CHECK(has(results_of(res->body), wiki_href("en", "Horse")));
  CHECK_FALSE(has(results_of(res->body), wiki_href("en", "Water")));
}

TEST_CASE("search: every page of an edition has the search box in its header") {
  TestServer srv({}, kWithSearch);
  for (const std::string lang : {"fr", "en"}) {
    for (const std::string path :
         {"/wiki/Lion", "/wiki/Lion?action=history", "/wiki/Nothing_here", "/special/recent",
          "/special/all", "/special/search?q=lion", "/special/unknown"}) {
      CAPTURE(lang + path);
      auto res = srv.client().Get(("/" + lang + path).c_str());
      REQUIRE(res);
      const std::string header = between(res->body, "<header class=\"site-header\">", "</header>");
      const std::string form =
          between(header, "<form class=\"search-form site-search\"", "</form>");
      REQUIRE_FALSE(form.empty());
      CHECK(has(form, "role=\"search\" action=\"/" + lang + "/special/search\" method=\"get\""));
      CHECK(has(form, "<label for=\"search-box\" class=\"visually-hidden\">" +
                          page_msg(lang, "search-box-label") + "</label>"));
      CHECK(has(form, "<input type=\"search\" id=\"search-box\" name=\"q\""));
      CHECK(has(form, "data-suggest=\"/api/v1/" + lang + "/suggest\""));
      CHECK(has(form, "<button type=\"submit\">" + page_msg(lang, "search-button") + "</button>"));
      CHECK_FALSE(has(form, "name=\"uselang\""));
      CHECK(has(res->body, kOwnScript));
    }
  }
}

TEST_CASE("search: the box keeps a chosen interface language, as a hidden field") {
  TestServer srv({}, kWithSearch);
  auto res = srv.client().Get("/fr/wiki/Lion?uselang=en");
  REQUIRE(res);
  const std::string form = between(res->body, "<form class=\"search-form site-search\"", "</form>");
  CHECK(has(form, "<input type=\"hidden\" name=\"uselang\" value=\"en\">"));
  auto found = srv.client().Get("/fr/special/search?q=lion&uselang=en");
  REQUIRE(found);
  CHECK(has(found->body, "<html lang=\"en\""));
  CHECK(has(results_of(found->body), "href=\"/fr/wiki/Lion?uselang=en\""));
}

TEST_CASE("search: in qqx the search page's chrome holds no English") {
  TestServer srv({}, kWithSearch);
  const auto& messages = kidwiki::i18n::Messages::builtin();
  std::set<std::string> english;
  const std::regex placeholder(R"(\{[^{}]*\})");
  const std::regex word("[A-Za-z]{4,}");
  for (const auto& id : messages.ids("en")) {
    if (!id.starts_with("search-") && !id.starts_with("web-")) continue;
    const std::string text = std::regex_replace(messages.pattern("en", id), placeholder, " ");
    for (std::sregex_iterator it(text.begin(), text.end(), word), end; it != end; ++it) {
      english.insert(it->str());
    }
  }
  english.erase("Kidwiki");
  const std::regex user_data(
      R"re(<p class="snippet">[\s\S]*?</p>|<a class="page-title"[^>]*>[^<]*</a>|<strong[^>]*>[^<]*</strong>|<span lang[^>]*>[^<]*</span>|<nav class="interface-languages"[\s\S]*?</nav>)re");
  const std::regex marker(R"(\([a-z]+(?:-[a-z0-9]+)+(?:: [^()]*)?\))");
  for (const std::string& query :
       std::vector<std::string>{"", "elefant", "lion", "zorglub", std::string(300, 'a')}) {
    CAPTURE(query);
    auto res = search_page(srv, "fr", query, "&uselang=qqx");
    REQUIRE(res);
    CHECK(has(res->body, "<html lang=\"qqx\""));
    std::string text = std::regex_replace(res->body, user_data, " ");
    text = std::regex_replace(text, std::regex("<[^>]*>"), " ");
    for (std::string before; before != text;) {
      before = text;
      text = std::regex_replace(text, marker, " ");
    }
    for (std::sregex_iterator it(text.begin(), text.end(), word), end; it != end; ++it) {
      CHECK_MESSAGE(english.count(it->str()) == 0, "hard-coded: " << it->str());
    }
  }
}

TEST_CASE("search: the autocomplete script and its styles are served") {
  TestServer srv;
  auto script = srv.client().Get("/static/search.js");
  REQUIRE(script);
  CHECK(script->status == 200);
  CHECK(script->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  for (const std::string needle :
       {"role\", \"combobox\"", "aria-expanded", "aria-controls", "aria-activedescendant",
        "\"listbox\"", "\"option\"", "ArrowDown", "ArrowUp", "Escape", "Enter", "textContent",
        "data-suggest", "limit=", "DEBOUNCE_MS = 120"}) {
    CAPTURE(needle);
    CHECK(has(script->body, needle));
  }
  CHECK_FALSE(has(script->body, "innerHTML"));
  CHECK_FALSE(has(script->body, "eval("));
  auto css = srv.client().Get("/static/kidwiki.css");
  REQUIRE(css);
  for (const std::string needle : {".search-suggestions {", ".search-suggestions[hidden]",
                                   "[aria-selected=\"true\"]", ".snippet mark", ".site-search"}) {
    CAPTURE(needle);
    CHECK(has(css->body, needle));
  }
}

TEST_CASE("search: a server without search says so on the results page") {
  TestServer srv;
  auto res = srv.client().Get("/fr/special/search?q=lion");
  REQUIRE(res);
  CHECK(res->status == 500);
  CHECK(has(res->body, page_msg("fr", "search-error-unavailable")));
  CHECK(has(res->body, "<form class=\"search-form page-search\""));
}

TEST_CASE("search: random query strings never break the results page" * doctest::timeout(120)) {
  TestServer srv({}, kWithSearch);
  std::mt19937 random(20261201);
  const std::vector<std::string> keys = {"q", "q", "offset", "category", "nocorrect", "uselang"};
  const std::vector<std::string> values = {"cheval",
                                           "%22les+chevaux%22",
                                           "-lion",
                                           "AND+OR+(",
                                           "%C3",
                                           "%00",
                                           "%3Cscript%3E",
                                           "0",
                                           "20",
                                           "-1",
                                           "99999999999999999999",
                                           "1",
                                           "qqx",
                                           "*",
                                           "%C3%A9l%C3%A9",
                                           "",
                                           "Mammif%C3%A8res"};
  for (int i = 0; i < 200; ++i) {
    std::string query;
    for (int n = 1 + static_cast<int>(random() % 4); n > 0; --n) {
      query += (query.empty() ? "?" : "&") + keys[random() % keys.size()] + "=" +
               values[random() % values.size()];
    }
    CAPTURE(query);
    auto res = srv.client().Get(("/fr/special/search" + query).c_str());
    REQUIRE(res);
    CHECK((res->status == 200 || res->status == 400));
    CHECK(has(res->body, "<form class=\"search-form page-search\""));
    CHECK_FALSE(has(without_own_script(res->body), "<script"));
  }
}
