// The pseudo-language qqx shows every interface message as "(message-id)": any English word left
// in a page's chrome in qqx is a string that bypassed the catalogs.
#include <doctest/doctest.h>

#include <cctype>
#include <regex>
#include <set>

#include "html_test_util.h"
#include "test_server.h"

using namespace kidwiki::web::testing;

namespace {

// "(web-tab-read)", or with the message's arguments "(web-head-title: Tigre)".
constexpr const char* kMarker = R"(\([a-z]+(?:-[a-z0-9]+)+(?:: [^()]*)?\))";

// Every word of four letters or more in the English web catalog, placeholders left out.
std::set<std::string> english_words() {
  const auto& messages = kidwiki::i18n::Messages::builtin();
  const std::regex placeholder(R"(\{\s*\w+\s*(,\s*\w+\s*,?)?)");
  const std::regex word("[A-Za-z]{4,}");
  std::set<std::string> words;
  for (const auto& id : messages.ids("en")) {
    if (!id.starts_with("web-")) continue;
    const std::string text = std::regex_replace(messages.pattern("en", id), placeholder, " ");
    for (std::sregex_iterator it(text.begin(), text.end(), word), end; it != end; ++it) {
      std::string w = it->str();
      for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      // "Kidwiki" is also data: the demo's author and the editions' names.
      if (w != "other" && w != "kidwiki") words.insert(w);
    }
  }
  return words;
}

// `html` without the elements that hold wiki content rather than interface: the article's
// <div class="content">, text areas, titles, authors and summaries, and the autonyms of the
// language lists.
std::string without_content(std::string html) {
  for (const std::string open : {"<div class=\"content\"", "<textarea", "<ul class=\"page-list",
                                 "<nav class=\"interface-languages\"", "<nav class=\"other-languages\"",
                                 "<ul class=\"edition-list\"", "<table class=\"diff\"",
                                 "<span class=\"summary\"", "<p class=\"summary\"",
                                 "<bdi", "<a class=\"page-title\""}) {
    const std::string tag = open.substr(1, open.find(' ') - 1);
    for (auto at = html.find(open); at != std::string::npos; at = html.find(open)) {
      int depth = 0;
      std::size_t pos = at;
      do {
        const auto next_open = html.find("<" + tag, pos + 1);
        const auto next_close = html.find("</" + tag + ">", pos + 1);
        if (next_close == std::string::npos) return html.substr(0, at);
        if (next_open < next_close) {
          ++depth;
          pos = next_open;
        } else {
          --depth;
          pos = next_close;
        }
      } while (depth >= 0);
      html.erase(at, pos + tag.size() + 3 - at);
    }
  }
  return html;
}

// `text` with every marker removed, innermost first: a message's argument may itself be a
// message ("(web-head-title: (web-edit-heading: Tigre))").
std::string without_markers(std::string text) {
  const std::regex marker(kMarker);
  for (std::string before; before != text;) {
    before = text;
    text = std::regex_replace(text, marker, " ");
  }
  return text;
}

bool only_markers(const std::string& text) {
  return without_markers(text).find_first_not_of(" \t\n") == std::string::npos;
}

// The English words a reader sees in `html` outside markers, and the accessible names
// (aria-label) that are not made of markers.
std::vector<std::string> stray_words(const std::string& html, const std::set<std::string>& english) {
  const std::string text =
      without_markers(std::regex_replace(without_content(html), std::regex("<[^>]*>"), " "));
  std::vector<std::string> stray;
  const std::regex word("[A-Za-z]{4,}");
  for (std::sregex_iterator it(text.begin(), text.end(), word), end; it != end; ++it) {
    std::string w = it->str();
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (english.count(w)) stray.push_back(it->str());
  }
  const std::regex label(R"re(aria-label="([^"]*)")re");
  for (std::sregex_iterator it(html.begin(), html.end(), label), end; it != end; ++it) {
    if (!only_markers((*it)[1].str())) stray.push_back((*it)[1].str());
  }
  return stray;
}

}  // namespace

TEST_CASE("in qqx every page's interface consists of message markers only") {
  TestServer srv;
  const auto first = srv.save("fr", "Tigre", "Le **tigre** est rayé.\n[[Catégorie:Félins]]\n[[en:Tiger]]\n");
  const auto second = srv.save("fr", "Tigre", "Le **tigre** est très rayé.\n[[Catégorie:Félins]]\n", first);
  srv.save("en", "Tiger", "A [[big cat]].\n[[fr:Tigre]]\n");
  const std::string f = std::to_string(first), s = std::to_string(second);
  const auto school_class =
      srv.wiki().classes().create_class(srv.actor(srv.editor().user.id), "CM1", "fr", true);
  REQUIRE(school_class.ok());
  const std::string c = std::to_string(school_class->id);
  const std::vector<std::string> paths = {
      "/fr/wiki/Tigre",
      "/fr/wiki/Tigre?action=edit",
      "/fr/wiki/Tigre?action=history",
      "/fr/wiki/Tigre?oldid=" + f,
      "/fr/wiki/Tigre?oldid=" + s,
      "/fr/wiki/Tigre?diff=" + s + "&oldid=" + f,
      "/fr/wiki/Tigre?diff=" + f,
      "/fr/wiki/Tigre?action=revert&oldid=" + f,
      "/fr/wiki/Tigre?action=move",
      "/fr/wiki/Cat%C3%A9gorie:F%C3%A9lins",
      "/fr/wiki/Rien",
      "/fr/wiki/Rien?action=edit",
      "/fr/wiki/Tigre?action=nothing",
      "/fr/wiki/Tigre?oldid=nothing",
      "/fr/wiki/A%7Cb",
      "/fr/special/recent",
      "/fr/special/all",
      "/fr/special/links/Tigre",
      "/fr/special/contributions/Editor",
      "/fr/special/contributions/Editor?before=" + s,
      "/fr/special/class/" + c + "/contributions",
      "/fr/special/notifications",
      "/fr/special/watchlist",
      "/fr/wiki/Discussion:Tigre",
      "/fr/special/nothing",
      "/en/wiki/Tiger",
      "/en/wiki/Big_cat?action=history",
      "/nowhere",
      "/xx/wiki/Tigre",
  };
  const auto english = english_words();
  REQUIRE(english.count("history"));
  for (const auto& path : paths) {
    CAPTURE(path);
    const std::string sep = path.find('?') == std::string::npos ? "?" : "&";
    auto res = srv.client().Get((path + sep + "uselang=qqx").c_str(), {{"Accept-Language", "en"}});
    REQUIRE(res);
    CHECK(has(res->body, "<html lang=\"qqx\""));
    CHECK(has(res->body, "(web-footer-about)"));
    const auto stray = stray_words(res->body, english);
    CHECK_MESSAGE(stray.empty(), "hard-coded: " << (stray.empty() ? "" : stray.front()));
  }
}

TEST_CASE("in qqx the header, tabs and footer are made of markers") {
  TestServer srv;
  srv.save("en", "Tiger", "A tiger.");
  auto res = srv.client().Get("/en/wiki/Tiger?uselang=qqx");
  REQUIRE(res);
  for (const auto& [open, close] : std::vector<std::pair<std::string, std::string>>{
           {"<header class=\"site-header\">", "</header>"},
           {"<nav class=\"page-tabs\"", "</nav>"},
           {"<footer class=\"site-footer\">", "<ul>"}}) {
    CAPTURE(open);
    const std::string part = between(res->body, open, close);
    REQUIRE_FALSE(part.empty());
    const std::string text = std::regex_replace(part.substr(part.find('>') + 1),
                                                std::regex("<[^>]*>"), " ");
    CHECK(only_markers(text));
  }
  // Links made in qqx keep the language, so a tester can browse the whole interface in it.
  CHECK(has(res->body, "href=\"/en/wiki/Tiger?action=edit&amp;uselang=qqx\""));
}

TEST_CASE("a form posted in qqx answers in qqx") {
  TestServer srv;
  auto res = post_form(srv.client(), "/fr/wiki/Essai?uselang=qqx",
                       {{"action", "submit"}, {"wpTextbox", "Un essai."}, {"wpPreview", "1"}});
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(has(res->body, "(web-preview-heading)"));
  CHECK(stray_words(res->body, english_words()).empty());
  auto saved = post_form(srv.client(), "/fr/wiki/Essai?uselang=qqx",
                         {{"action", "submit"}, {"wpTextbox", "Un essai."}, {"wpSave", "1"}});
  REQUIRE(saved);
  CHECK(saved->status == 303);
  CHECK(saved->get_header_value("Location") == "/fr/wiki/Essai?uselang=qqx");
}
