// The HTML interface's pages in French and English: status, content, red links, the 404 pages,
// canonical addresses, the root redirect, categories in collated order and the style sheet.
#include <doctest/doctest.h>

#include "html_test_util.h"
#include "test_server.h"

using namespace kidwiki::web::testing;

namespace {

// Two small articles that link to each other across editions and to a missing page.
void seed_cats(TestServer& srv) {
  srv.save("fr", "Chat", "Le **chat** chasse la [[Souris]].\n\n[[Catégorie:Félins domestiques]]\n[[en:Cat]]\n");
  srv.save("en", "Cat", "The **cat** chases the [[Mouse]].\n\n[[Category:Pet cats]]\n[[fr:Chat]]\n");
}

}  // namespace

TEST_CASE("every page renders in French and in English") {
  TestServer srv;
  seed_cats(srv);
  struct Row {
    std::string lang, path;
    int status;
    std::string message_id;  // a message of the page's own, in the edition's language
    std::string content;     // text the page shows besides its messages
  };
  const std::vector<Row> rows = {
      {"fr", "/fr/wiki/Chat", 200, "web-tab-history", "<strong>chat</strong>"},
      {"fr", "/fr/wiki/Chat?action=edit", 200, "web-edit-save", "Le **chat** chasse"},
      {"fr", "/fr/wiki/Chat?action=history", 200, "web-history-current", "/fr/wiki/Chat?oldid="},
      {"fr", "/fr/wiki/Chat?action=move", 200, "web-move-submit", "name=\"wpNewTitle\""},
      {"fr", "/fr/special/recent", 200, "web-recent-help", "/fr/wiki/Chat"},
      {"fr", "/fr/special/all", 200, "web-nav-all-pages", ">Chat</a>"},
      {"fr", "/fr/special/links/Souris", 200, "web-tab-links", ">Chat</a>"},
      {"fr", "/fr/wiki/Cat%C3%A9gorie:F%C3%A9lins_domestiques", 200, "web-category-members-heading", ">Chat</a>"},
      {"en", "/en/wiki/Cat", 200, "web-tab-history", "<strong>cat</strong>"},
      {"en", "/en/wiki/Cat?action=edit", 200, "web-edit-save", "The **cat** chases"},
      {"en", "/en/wiki/Cat?action=history", 200, "web-history-current", "/en/wiki/Cat?oldid="},
      {"en", "/en/wiki/Cat?action=move", 200, "web-move-submit", "name=\"wpNewTitle\""},
      {"en", "/en/special/recent", 200, "web-recent-help", "/en/wiki/Cat"},
      {"en", "/en/special/all", 200, "web-nav-all-pages", ">Cat</a>"},
      {"en", "/en/special/links/Mouse", 200, "web-tab-links", ">Cat</a>"},
      {"en", "/en/wiki/Category:Pet_cats", 200, "web-category-members-heading", ">Cat</a>"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    auto res = srv.client().Get(row.path.c_str());
    REQUIRE(res);
    CHECK(res->status == row.status);
    CHECK(has(res->get_header_value("Content-Type"), "text/html"));
    CHECK(has(res->body, "<html lang=\"" + row.lang + "\" dir=\"ltr\">"));
    CHECK(has(res->body, page_msg(row.lang, row.message_id)));
    CHECK(has(res->body, page_msg(row.lang, "web-nav-recent-changes")));
    CHECK(has(res->body, row.content));
  }
}

TEST_CASE("an article links to its other languages and its categories") {
  TestServer srv;
  seed_cats(srv);
  auto res = srv.client().Get("/fr/wiki/Chat");
  REQUIRE(res);
  CHECK(has(res->body, "<div class=\"content\" lang=\"fr\" dir=\"ltr\">"));
  CHECK(has(res->body, page_msg("fr", "web-other-languages-heading")));
  CHECK(has(res->body, "href=\"/en/wiki/Cat\" hreflang=\"en\""));
  CHECK(has(res->body, page_msg("fr", "web-categories-heading")));
  // The category page does not exist yet (only members), so its link is red.
  CHECK(has(res->body,
            "href=\"/fr/wiki/Cat%C3%A9gorie:F%C3%A9lins_domestiques\" class=\"new\" lang=\"fr\" dir=\"ltr\">Félins domestiques</a>"));
}

TEST_CASE("missing pages are red links, in the text and in the tabs") {
  TestServer srv;
  seed_cats(srv);
  auto res = srv.client().Get("/fr/wiki/Chat");
  REQUIRE(res);
  const std::string souris = between(res->body, "la <a", "</a>");
  CHECK(has(souris, "class=\"new\""));
  CHECK(has(res->body, "class=\"new\">" + page_msg("fr", "web-tab-talk") + "</a>"));
  srv.save("fr", "Discussion:Chat", "On en parle.");
  res = srv.client().Get("/fr/wiki/Chat");
  REQUIRE(res);
  CHECK_FALSE(has(res->body, "class=\"new\">" + page_msg("fr", "web-tab-talk") + "</a>"));
  CHECK(has(res->body, ">" + page_msg("fr", "web-tab-talk") + "</a>"));
}

TEST_CASE("a missing page answers 404 and offers to create it") {
  TestServer srv;
  for (const std::string lang : {"fr", "en"}) {
    auto res = srv.client().Get(("/" + lang + "/wiki/Nothing_here_yet").c_str());
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(has(res->body, page_msg(lang, "web-missing-create")));
    CHECK(has(res->body, "href=\"/" + lang + "/wiki/Nothing_here_yet?action=edit\""));
    CHECK(has(res->body, "<strong lang=\"" + lang + "\" dir=\"ltr\">Nothing here yet</strong>"));
  }
}

TEST_CASE("unknown addresses, editions and special pages answer a 404 page") {
  TestServer srv;
  struct Row {
    std::string path;
    std::string message_id;
    std::string lang;  // Accept-Language (fr) without an edition, else the edition's language
  };
  const std::vector<Row> rows = {
      {"/nowhere", "web-not-found-heading", "fr"},
      {"/xx/wiki/Chat", "web-not-found-heading", "fr"},
      {"/fr/special/nothing", "web-special-unknown-heading", "fr"},
      {"/en/special/links", "web-special-unknown-heading", "en"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    auto res = srv.client().Get(row.path.c_str(), {{"Accept-Language", "fr"}});
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(has(res->body, page_msg(row.lang, row.message_id)));
  }
  auto res = srv.client().Get("/nowhere");
  REQUIRE(res);
  CHECK(has(res->body, "href=\"/fr/wiki/Accueil\""));
  CHECK(has(res->body, "href=\"/en/wiki/Main_Page\""));
}

TEST_CASE("a title that is not spelled canonically is redirected with 301") {
  TestServer srv;
  struct Row {
    std::string path, location;
  };
  const std::vector<Row> rows = {
      {"/fr/wiki/chat", "/fr/wiki/Chat"},
      {"/fr/wiki/Le%20chat%20noir", "/fr/wiki/Le_chat_noir"},
      {"/fr/wiki/Le__chat", "/fr/wiki/Le_chat"},
      {"/fr/wiki/cat%C3%A9gorie:animaux", "/fr/wiki/Cat%C3%A9gorie:Animaux"},
      {"/en/wiki/talk:cat?action=history", "/en/wiki/Talk:Cat?action=history"},
      {"/fr/wiki/%C3%A9l%C3%A9phant", "/fr/wiki/%C3%89l%C3%A9phant"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    auto res = srv.client().Get(row.path.c_str());
    REQUIRE(res);
    CHECK(res->status == 301);
    CHECK(url_decoded(res->get_header_value("Location")) == url_decoded(row.location));
  }
  auto bad = srv.client().Get("/fr/wiki/A%7Cb");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(has(bad->body, page_msg("fr", "web-error-heading")));
}

TEST_CASE("the root sends readers to the main page in their language") {
  TestServer srv;
  struct Row {
    std::string accept_language, location;
  };
  const std::vector<Row> rows = {
      {"fr-CH, fr;q=0.9, en;q=0.8", "/fr/wiki/Accueil"},
      {"en-GB,en;q=0.9", "/en/wiki/Main_Page"},
      {"fr;q=0.2, en-AU", "/en/wiki/Main_Page"},
      // No edition in the browser's languages: the configured fallback (English by default)...
      {"ja", "/en/wiki/Main_Page"},
      {"", "/en/wiki/Main_Page"},
      // ...in the browser's language when kidwiki speaks it: the choice stays in the address.
      {"de-DE,de;q=0.9", "/en/wiki/Main_Page?uselang=de"},
      {"es-MX, ja;q=0.5", "/en/wiki/Main_Page?uselang=es"},
      {"ar, fr;q=0.5", "/fr/wiki/Accueil?uselang=ar"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.accept_language);
    auto res = srv.client().Get("/", {{"Accept-Language", row.accept_language}});
    REQUIRE(res);
    CHECK(res->status == 302);
    CHECK(res->get_header_value("Location") == row.location);
    CHECK(res->get_header_value("Vary") == "Accept-Language");
  }
}

TEST_CASE("the root's fallback languages are the operator's choice, never an arbitrary edition") {
  struct Row {
    std::vector<std::string> fallbacks;
    std::string location;
  };
  const std::vector<Row> rows = {
      {{"fr"}, "/fr/wiki/Accueil"},
      {{"ja", "fr-BE"}, "/fr/wiki/Accueil"},
      {{"en", "fr"}, "/en/wiki/Main_Page"},
      {{"ja"}, "/fr/wiki/Accueil"},  // none has an edition: the oldest edition, French
      {{}, "/fr/wiki/Accueil"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.location);
    kidwiki::web::ServerOptions options;
    options.fallback_languages = row.fallbacks;
    TestServer srv(options);
    auto res = srv.client().Get("/", {{"Accept-Language", "ja"}});
    REQUIRE(res);
    CHECK(res->get_header_value("Location") == row.location);
  }
}

TEST_CASE("a category lists its members in the edition's collated order") {
  TestServer srv;
  for (const std::string title : {"Zèbre test", "Éléphant test", "Âne test", "Chien test",
                                  "Eider test"}) {
    srv.save("fr", url_encode(title), "Un animal.\n\n[[Catégorie:Animaux de test]]\n");
  }
  srv.save("fr", url_encode("Catégorie:Animaux de test"), "Les **animaux** de nos tests.");
  auto res = srv.client().Get(("/fr/wiki/" + url_encode("Catégorie:Animaux_de_test")).c_str());
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(has(res->body, "<strong>animaux</strong>"));
  CHECK(has(res->body, page_msg("fr", "web-category-count", {{"count", std::int64_t{5}}})));
  const std::vector<std::string> order = {">Âne test<", ">Chien test<", ">Eider test<",
                                          ">Éléphant test<", ">Zèbre test<"};
  std::size_t last = 0;
  for (const auto& item : order) {
    CAPTURE(item);
    const auto at = res->body.find(item);
    REQUIRE(at != std::string::npos);
    CHECK(at > last);
    last = at;
  }
}

TEST_CASE("the style sheet is served with its type, an ETag and caching") {
  TestServer srv;
  auto res = srv.client().Get("/static/kidwiki.css");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(has(res->get_header_value("Content-Type"), "text/css"));
  CHECK(has(res->body, "a.new"));
  CHECK(has(res->body, "nav.toc"));
  const std::string etag = res->get_header_value("ETag");
  CHECK(etag.size() > 2);
  CHECK(has(res->get_header_value("Cache-Control"), "max-age="));
  auto again = srv.client().Get("/static/kidwiki.css", {{"If-None-Match", etag}});
  REQUIRE(again);
  CHECK(again->status == 304);
  CHECK(again->body.empty());
  auto missing = srv.client().Get("/static/nothing.css");
  REQUIRE(missing);
  CHECK(missing->status == 404);
}

TEST_CASE("every page links the style sheet and no outside resource") {
  TestServer srv;
  seed_cats(srv);
  for (const std::string path : {"/fr/wiki/Chat", "/en/special/recent", "/nowhere"}) {
    CAPTURE(path);
    auto res = srv.client().Get(path.c_str());
    REQUIRE(res);
    CHECK(has(res->body, "<link rel=\"stylesheet\" href=\"/static/kidwiki.css\">"));
    CHECK_FALSE(has(without_own_script(res->body), "<script"));
    CHECK_FALSE(has(res->body, "style="));
    CHECK_FALSE(has(res->body, "src=\"http"));
  }
}

TEST_CASE("the interface language can be switched and stays chosen in links") {
  TestServer srv;
  seed_cats(srv);
  auto res = srv.client().Get("/fr/wiki/Chat");
  REQUIRE(res);
  CHECK(has(res->body, "href=\"/fr/wiki/Chat?uselang=en\" lang=\"en\""));
  res = srv.client().Get("/fr/wiki/Chat?uselang=en");
  REQUIRE(res);
  CHECK(has(res->body, "<html lang=\"en\" dir=\"ltr\">"));
  CHECK(has(res->body, "<div class=\"content\" lang=\"fr\" dir=\"ltr\">"));
  CHECK(has(res->body, page_msg("en", "web-nav-recent-changes")));
  CHECK(has(res->body, "href=\"/fr/wiki/Chat?action=history&amp;uselang=en\""));
  res = srv.client().Get("/fr/wiki/Chat?uselang=%22%3E%3Cb%3E");
  REQUIRE(res);
  CHECK(has(res->body, "<html lang=\"fr\""));
  CHECK_FALSE(has(res->body, "uselang=%22"));
  CHECK_FALSE(has(res->body, "\"><b>"));
}

TEST_CASE("the language links of a page at a strange path stay on the site") {
  TestServer srv;
  auto res = srv.client().Get("//example.org/x");
  REQUIRE(res);
  CHECK(res->status == 404);
  CHECK_FALSE(has(res->body, "href=\"//"));
}
