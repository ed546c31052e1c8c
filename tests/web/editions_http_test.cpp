// Editions created from the browser and the API (docs/i18n.md, "Editions"): the admins' page,
// PUT /api/v1/editions/{code}, and the new edition served at once by the running server.
#include <doctest/doctest.h>

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
