// The CSRF gate's edges: only the two real login routes pass without a token, and the token is
// read from the request body alone, never from the URL (where Referer headers and logs keep it).
#include <doctest/doctest.h>

#include "html_test_util.h"
#include "test_server.h"

using namespace kidwiki::web::testing;

namespace {

httplib::MultipartFormDataItems edit_form(const std::string& text) {
  return {{"action", "submit", "", ""}, {"wpTextbox", text, "", ""}};
}

}  // namespace

TEST_CASE("a page whose path ends in /special/login is no login route: the gate holds") {
  TestServer server;
  // As a forged form sends it: from another site (an edit form of the site's own keeps its text
  // through a stale token, edit_no_loss_test.cpp).
  const httplib::Headers cookie = {{"Cookie", "kidwiki_session=" + server.editor().token},
                                   {"Origin", "http://elsewhere.example"}};
  for (const char* path : {"/fr/wiki/Essai/special/login", "/fr/wiki/Essai%2Fspecial%2Flogin",
                           "/fr%2Fwiki%2FEssai/special/login", "/fr/special/login/special/login"}) {
    CAPTURE(path);
    auto res = server.anonymous().Post(path, cookie, edit_form("Forgé."));
    REQUIRE(res);
    CHECK(res->status == 403);
    CHECK(has(res->body, page_msg("fr", "access-error-csrf")));
  }
  auto essai = server.anonymous().Get("/api/v1/fr/pages/Essai%2Fspecial%2Flogin");
  REQUIRE(essai);
  CHECK(essai->status == 404);
}

TEST_CASE("the two login routes still pass the gate with a stale session and no token") {
  TestServer server;
  const httplib::Headers cookie = {{"Cookie", "kidwiki_session=" + server.editor().token}};
  auto html = server.anonymous().Post("/fr/special/login", cookie,
                                      httplib::MultipartFormDataItems{
                                          {"wpName", "Personne", "", ""},
                                          {"wpPassword", "mauvais", "", ""}});
  REQUIRE(html);
  CHECK(html->status == 401);
  auto api = server.anonymous().Post("/api/v1/session", cookie,
                                     R"({"username":"Personne","password":"mauvais"})",
                                     "application/json");
  REQUIRE(api);
  CHECK(api->status == 401);
  CHECK(error_code_of(api) == "login_failed");
}

TEST_CASE("the gate reads wpCsrf from the body only, never from the URL") {
  TestServer server;
  const auto base = server.save("en", "Tiger", "Tigers are big cats.");
  const std::string token = server.editor().csrf_token;
  const httplib::Headers cookie = {{"Cookie", "kidwiki_session=" + server.editor().token}};
  const std::string in_url = "/en/wiki/Tiger?wpCsrf=" + url_encode(token);
  auto multipart = server.anonymous().Post(in_url.c_str(), cookie, edit_form("Tigers, by URL."));
  REQUIRE(multipart);
  CHECK(multipart->status == 403);
  const httplib::Params fields = {{"action", "submit"},
                                  {"wpTextbox", "Tigers, by URL too."},
                                  {"wpBaseRevId", std::to_string(base)}};
  auto urlencoded = server.anonymous().Post(in_url.c_str(), cookie, fields);
  REQUIRE(urlencoded);
  CHECK(urlencoded->status == 403);
  auto read = server.anonymous().Get("/api/v1/en/pages/Tiger");
  CHECK(json_of(read)["markdown"] == "Tigers are big cats.");

  httplib::Params with_token = fields;
  with_token.emplace("wpCsrf", token);
  auto in_body = server.anonymous().Post("/en/wiki/Tiger", cookie, with_token);
  REQUIRE(in_body);
  CHECK(in_body->status == 303);
}
