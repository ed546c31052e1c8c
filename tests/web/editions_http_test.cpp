// Editions created from the browser and the API (docs/i18n.md, "Editions"): the admins' page,
// PUT /api/v1/editions/{code}, and the new edition served at once by the running server.
#include <doctest/doctest.h>

#include <algorithm>

#include "engine/accounts.h"

#include "html_test_util.h"
#include "test_server.h"

using namespace kidwiki::web::testing;
using kidwiki::engine::Role;

TEST_CASE("an admin creates Spanish and Arabic editions from the browser; they are served at once") {
  TestServer server;
  CHECK(server.anonymous().Get("/en/special/editions")->status == 303);  // to the login page
  auto teacher = server.client_for(server.login_as("Teacher", Role::teacher));
  CHECK(teacher->Get("/en/special/editions")->status == 403);
  CHECK_FALSE(has(teacher->Get("/en/wiki/Main_Page")->body, "/en/special/editions"));

  auto page = server.client().Get("/en/special/editions");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(has(page->body, page_msg("en", "edition-page-create-heading")));
  CHECK(has(page->body, "Kidwiki en français"));
  CHECK(has(server.client().Get("/en/wiki/Main_Page")->body, "href=\"/en/special/editions\""));

  auto es = post_form(server.client(), "/en/special/editions", {{"wpLang", "es"}});
  REQUIRE(es);
  CHECK(es->status == 303);
  CHECK(es->get_header_value("Location") == "/es/wiki/Portada");
  auto portada = server.anonymous().Get("/es/wiki/Portada");
  REQUIRE(portada);
  CHECK(portada->status == 200);
  CHECK(has(portada->body, "lang=\"es\""));
  CHECK(has(portada->body, "Kidwiki en español"));

  auto ar = post_form(server.client(), "/en/special/editions", {{"wpLang", "ar"}});
  REQUIRE(ar);
  CHECK(ar->status == 303);
  auto arabic = server.anonymous().Get(ar->get_header_value("Location"));
  REQUIRE(arabic);
  CHECK(arabic->status == 200);
  CHECK(has(arabic->body, "dir=\"rtl\""));

  // Pages can be written in the new edition at once.
  nlohmann::json body = {{"markdown", "El **gato** maúlla."}, {"summary", ""}, {"base_revision_id", nullptr}};
  auto saved = server.client().Put("/api/v1/es/pages/Gato", body.dump(), "application/json");
  REQUIRE(saved);
  CHECK(saved->status == 201);
  CHECK(server.anonymous().Get("/es/wiki/Gato")->status == 200);
}

TEST_CASE("the editions form keeps what was typed and answers the engine's status") {
  TestServer server;
  struct Row {
    std::string lang, main_page;
    int status;
    std::string message_id;
  };
  const std::vector<Row> rows = {
      {"xx", "", 400, "edition-error-lang"},
      {"fr", "", 409, "edition-error-exists"},
      {"it", "Categoria:Casa", 400, "edition-error-main-page"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.lang);
    auto res = post_form(server.client(), "/en/special/editions",
                         {{"wpLang", row.lang}, {"wpMainPage", row.main_page}});
    REQUIRE(res);
    CHECK(res->status == row.status);
    CHECK(has(res->body, "value=\"" + html_escaped(row.lang) + "\""));
    CHECK(has(res->body, "role=\"alert\""));
  }
  CHECK(server.wiki().editions().size() == 2);
}

TEST_CASE("PUT /api/v1/editions/{code} creates an edition; errors have their statuses") {
  TestServer server;
  auto teacher = server.client_for(server.login_as("Teacher", Role::teacher));
  CHECK(server.anonymous().Put("/api/v1/editions/de", "{}", "application/json")->status == 401);
  CHECK(teacher->Put("/api/v1/editions/de", "{}", "application/json")->status == 403);
  CHECK(server.client().Put("/api/v1/editions/de", "[]", "application/json")->status == 400);
  CHECK(server.client().Put("/api/v1/editions/xx", "{}", "application/json")->status == 400);
  CHECK(server.client().Put("/api/v1/editions/en", "{}", "application/json")->status == 409);
  nlohmann::json named = {{"name", 3}};
  CHECK(server.client().Put("/api/v1/editions/de", named.dump(), "application/json")->status == 400);

  auto de = server.client().Put("/api/v1/editions/de", "{}", "application/json");
  REQUIRE(de);
  CHECK(de->status == 201);
  const auto edition = json_of(de)["edition"];
  CHECK(edition["lang"] == "de");
  CHECK(edition["dir"] == "ltr");
  CHECK(edition["main_page"] == "Hauptseite");
  CHECK(edition["namespaces"]["category"] == "Kategorie");
  auto listed = json_of(server.anonymous().Get("/api/v1/editions"))["editions"];
  CHECK(listed.size() == 3);
  CHECK(listed[2]["lang"] == "de");
  CHECK(server.anonymous().Get("/api/v1/de/pages/Hauptseite")->status == 200);
}

TEST_CASE("a Spanish pupil's browser lands on the new Spanish edition, and gatos finds Gato") {
  TestServer server({}, /*with_search=*/true);
  const auto before = server.anonymous().Get("/", {{"Accept-Language", "es-ES,es;q=0.9"}});
  REQUIRE(before);
  CHECK(before->get_header_value("Location") == "/en/wiki/Main_Page?uselang=es");

  REQUIRE(server.client().Put("/api/v1/editions/es", "{}", "application/json")->status == 201);
  auto root = server.anonymous().Get("/", {{"Accept-Language", "es-ES,es;q=0.9,en;q=0.5"}});
  REQUIRE(root);
  CHECK(root->status == 302);
  CHECK(root->get_header_value("Location") == "/es/wiki/Portada");
  auto portada = server.anonymous().Get("/es/wiki/Portada");
  REQUIRE(portada);
  CHECK(portada->status == 200);
  CHECK(has(portada->body, "<html lang=\"es\" dir=\"ltr\""));
  CHECK(has(portada->body, page_msg("es", "search-box-placeholder")));

  server.save("es", "Gato", "El **gato** es un animal doméstico que maúlla.");
  server.save("es", "Perro", "El perro ladra.");
  server.index_changes();
  auto found = server.anonymous().Get("/es/special/search?q=gatos");
  REQUIRE(found);
  CHECK(found->status == 200);
  CHECK(has(found->body, "href=\"/es/wiki/Gato\""));
  CHECK_FALSE(has(found->body, "href=\"/es/wiki/Perro\""));
  auto api = json_of(server.anonymous().Get("/api/v1/es/search?q=gatos"));
  REQUIRE(api["results"].size() == 1);
  CHECK(api["results"][0]["title"] == "Gato");
}

TEST_CASE("an Arabic edition is right-to-left, and mixed-direction names and titles are isolated") {
  TestServer server;
  REQUIRE(server.client().Put("/api/v1/editions/ar", "{}", "application/json")->status == 201);
  const std::string title = "قطة";  // "cat"
  nlohmann::json body = {{"markdown", "**القطة** حيوان أليف."}, {"summary", "مقالة جديدة"},
                         {"base_revision_id", nullptr}};
  REQUIRE(server.client().Put(("/api/v1/ar/pages/" + url_encode(title)).c_str(), body.dump(),
                              "application/json")->status == 201);

  auto article = server.anonymous().Get(("/ar/wiki/" + url_encode(title)).c_str());
  REQUIRE(article);
  CHECK(has(article->body, "<html lang=\"ar\" dir=\"rtl\">"));
  CHECK(has(article->body, "<div class=\"content\" lang=\"ar\" dir=\"rtl\">"));
  CHECK(has(article->body, page_msg("ar", "search-box-placeholder")));

  // An English interface on the Arabic edition: the page is left-to-right, the Latin-named
  // author and the Arabic title and summary each keep their own direction.
  auto history =
      server.client().Get(("/ar/wiki/" + url_encode(title) + "?action=history&uselang=en").c_str());
  REQUIRE(history);
  CHECK(has(history->body, "<html lang=\"en\" dir=\"ltr\">"));
  CHECK(has(history->body, heading_html("en", "web-history-heading", "title", title)));
  CHECK(has(history->body, "<bdi class=\"author\">Editor</bdi>"));
  CHECK(has(history->body, "<span class=\"summary\" lang=\"ar\" dir=\"rtl\">مقالة جديدة</span>"));
}

TEST_CASE("the pupils of a class in the new Spanish edition get passwords of Spanish words") {
  TestServer server;
  REQUIRE(server.client().Put("/api/v1/editions/es", "{}", "application/json")->status == 201);
  auto teacher = server.client_for(server.login_as("Maestra", Role::teacher));
  nlohmann::json klass = {{"name", "Cuarto B"}, {"lang", "es"}};
  auto made = teacher->Post("/api/v1/classes", klass.dump(), "application/json");
  REQUIRE(made);
  REQUIRE(made->status == 201);
  const auto id = json_of(made)["id"].get<std::int64_t>();
  nlohmann::json count = {{"count", 5}};
  auto pupils = teacher->Post(("/api/v1/classes/" + std::to_string(id) + "/pupils").c_str(),
                              count.dump(), "application/json");
  REQUIRE(pupils);
  REQUIRE(pupils->status == 201);
  const auto spanish = kidwiki::engine::password_words("es");
  for (const auto& pupil : json_of(pupils)["pupils"]) {
    const std::string password = pupil["password"];
    CAPTURE(password);
    const std::string first = password.substr(0, password.find('-'));
    CHECK(std::find(spanish.begin(), spanish.end(), first) != spanish.end());
  }
}
