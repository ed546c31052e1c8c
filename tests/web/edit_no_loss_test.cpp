// Issue 12: no word is lost through the edit form. A refusal says where the refused words are; a
// session that ended while the writer wrote asks for the name and password beside the text and
// then saves; a stale form token gives the text back with a fresh token; sessions are renewed
// while the writer types.
#include <doctest/doctest.h>

#include "html_test_util.h"
#include "test_server.h"

using namespace kidwiki::web::testing;
using kidwiki::engine::Role;

namespace {

std::string csrf_of(const std::string& body) {
  return between(between(body, "<form class=\"edit-form\"", "</form>"),
                 "name=\"wpCsrf\" value=\"", "\"");
}

httplib::MultipartFormDataItems edit_items(const std::string& text, const std::string& csrf,
                                           const FormFields& more = {}) {
  httplib::MultipartFormDataItems items = {{"action", "submit", "", ""},
                                           {"wpTextbox", text, "", ""},
                                           {"wpSummary", "", "", ""},
                                           {"wpSave", "1", "", ""},
                                           {"wpCsrf", csrf, "", ""}};
  for (const auto& [name, value] : more) items.push_back({name, value, "", ""});
  return items;
}

httplib::Headers cookie_of(const TestLogin& login) {
  return {{"Cookie", "kidwiki_session=" + login.token}};
}

std::string markdown_of(TestServer& srv, const std::string& path) {
  auto res = srv.anonymous().Get(path.c_str());
  return res && res->status == 200 ? json_of(res)["markdown"].get<std::string>() : "";
}

}  // namespace

TEST_CASE("a refused phone number is named in the form and marked for the editor to select") {
  TestServer srv;
  const std::string text = "Le tigre est un félin.\nAppelle-moi au 06 12 34 56 78 !";
  auto res = srv.client().Post("/fr/wiki/Tigre", edit_items(text, srv.editor().csrf_token));
  REQUIRE(res);
  CHECK(res->status == 422);
  CHECK(textbox_of(res->body) == html_escaped(text));
  CHECK(has(res->body, page_msg("fr", "web-edit-refused-where", {{"excerpt", "06 12 34 56 78"}})));
  CHECK(has(res->body, "data-refused-field=\"text\""));
  // "Le tigre est un félin.\n" is 23 characters (é is one), "Appelle-moi au " 15 more.
  CHECK(has(res->body, "data-refused-start=\"38\""));
  CHECK(has(res->body, "data-refused-length=\"14\""));
  CHECK(has(res->body, "data-unsaved"));
}

TEST_CASE("the API's 422 says which part of which field was refused") {
  TestServer srv;
  auto res = srv.put_page("en", "Tiger", "Tigers are big cats.", std::nullopt);
  REQUIRE(res);
  const auto first = json_of(res)["revision_id"].get<std::int64_t>();
  res = srv.client().Put("/api/v1/en/pages/Tiger",
                         nlohmann::json{{"markdown", "Tigers are big cats.\nThey swim."},
                                        {"summary", "mail me at lea@example.com"},
                                        {"base_revision_id", first}}
                             .dump(),
                         "application/json");
  REQUIRE(res);
  CHECK(res->status == 422);
  const auto refused = json_of(res)["error"]["refused"];
  CHECK(refused["field"] == "summary");
  CHECK(refused["start"] == 11);
  CHECK(refused["length"] == 15);
  CHECK(refused["excerpt"] == "lea@example.com");
  CHECK(refused["rule"] == "email");
}

TEST_CASE("a save whose session ended asks to log in beside the text, then saves it") {
  TestServer srv;
  const TestLogin teacher = srv.login_as("Ms Grey", Role::teacher);
  srv.wiki().accounts().end_session(teacher.token);
  const std::string text = "Tigers sleep all day.";
  auto res = srv.anonymous().Post("/en/wiki/Tiger", cookie_of(teacher),
                                  edit_items(text, teacher.csrf_token));
  REQUIRE(res);
  CHECK(res->status == 401);
  CHECK(textbox_of(res->body) == text);
  CHECK(has(res->body, "name=\"wpLoginName\""));
  CHECK(has(res->body, "name=\"wpLoginPassword\""));
  CHECK(markdown_of(srv, "/api/v1/en/pages/Tiger").empty());

  SUBCASE("a wrong password shows the form again, the text and the name kept") {
    res = srv.anonymous().Post("/en/wiki/Tiger", cookie_of(teacher),
                               edit_items(text, "", {{"wpLoginName", "Ms Grey"},
                                                     {"wpLoginPassword", "not it"}}));
    REQUIRE(res);
    CHECK(res->status == 401);
    CHECK(textbox_of(res->body) == text);
    CHECK(has(res->body, page_msg("en", "error-login-failed")));
    CHECK(has(res->body, "name=\"wpLoginName\" value=\"Ms Grey\""));
    CHECK(markdown_of(srv, "/api/v1/en/pages/Tiger").empty());
  }
  SUBCASE("the right password logs in and saves") {
    res = srv.anonymous().Post("/en/wiki/Tiger", cookie_of(teacher),
                               edit_items(text, "", {{"wpLoginName", "Ms Grey"},
                                                     {"wpLoginPassword", "a test password"}}));
    REQUIRE(res);
    CHECK(res->status == 303);
    CHECK(has(res->get_header_value("Set-Cookie"), "kidwiki_session="));
    CHECK(markdown_of(srv, "/api/v1/en/pages/Tiger") == text);
  }
  SUBCASE("a login from another site is refused, and nothing is saved") {
    httplib::Headers headers = cookie_of(teacher);
    headers.emplace("Origin", "http://elsewhere.example");
    res = srv.anonymous().Post("/en/wiki/Tiger", headers,
                               edit_items(text, "", {{"wpLoginName", "Ms Grey"},
                                                     {"wpLoginPassword", "a test password"}}));
    REQUIRE(res);
    CHECK(res->status == 403);
    CHECK_FALSE(res->has_header("Set-Cookie"));
    CHECK_FALSE(has(res->body, text));
    CHECK(markdown_of(srv, "/api/v1/en/pages/Tiger").empty());
  }
  SUBCASE("the draft keeps the key it was written under") {
    const std::string owner = "user-" + std::to_string(teacher.user.id);
    res = srv.anonymous().Post("/en/wiki/Tiger", cookie_of(teacher),
                               edit_items(text, "", {{"wpDraftOwner", owner}}));
    REQUIRE(res);
    CHECK(has(res->body, "data-draft-owner=\"" + owner + "\""));
    // Only an account's key: anything else is a reader's.
    res = srv.anonymous().Post("/en/wiki/Tiger", cookie_of(teacher),
                               edit_items(text, "", {{"wpDraftOwner", "user-1\" onload=\"x"}}));
    REQUIRE(res);
    CHECK(has(res->body, "data-draft-owner=\"reader\""));
  }
}

TEST_CASE("a stale form token gives the text back with a fresh token, and saves nothing") {
  TestServer srv;
  const TestLogin first = srv.login_as("Ms Grey", Role::teacher);
  // The writer logged in again in another tab: a new session, a new token.
  auto again = srv.wiki().accounts().start_session(first.user);
  REQUIRE(again.ok());
  const TestLogin second{first.user, again->token, again->csrf_token};
  const std::string text = "Tigers swim well.";
  auto res = srv.anonymous().Post("/en/wiki/Tiger", cookie_of(second),
                                  edit_items(text, first.csrf_token));
  REQUIRE(res);
  CHECK(res->status == 403);
  CHECK(textbox_of(res->body) == text);
  CHECK(has(res->body, page_msg("en", "web-edit-stale-token", {{"name", "Ms Grey"}})));
  CHECK(csrf_of(res->body) == second.csrf_token);
  CHECK(markdown_of(srv, "/api/v1/en/pages/Tiger").empty());

  // Save again, as the message asks: it works.
  res = srv.anonymous().Post("/en/wiki/Tiger", cookie_of(second),
                             edit_items(text, csrf_of(res->body)));
  REQUIRE(res);
  CHECK(res->status == 303);
  CHECK(markdown_of(srv, "/api/v1/en/pages/Tiger") == text);
}

TEST_CASE("another site's post with a stale token gets the plain refusal, without its text") {
  TestServer srv;
  const TestLogin teacher = srv.login_as("Ms Grey", Role::teacher);
  httplib::Headers headers = cookie_of(teacher);
  headers.emplace("Origin", "http://elsewhere.example");
  auto res = srv.anonymous().Post("/en/wiki/Tiger", headers,
                                  edit_items("Injected words.", "not the token"));
  REQUIRE(res);
  CHECK(res->status == 403);
  CHECK(has(res->body, page_msg("en", "access-error-csrf")));
  CHECK_FALSE(has(res->body, "Injected words."));
}

TEST_CASE("another site's edit form never puts its words in front of a child, logged in or not") {
  TestServer srv;
  // Without the session cookie, as a SameSite=Lax cookie stays home on another site's POST: the
  // answer would otherwise be the real edit form holding the other site's words, with login
  // fields beside them.
  auto res = srv.anonymous().Post("/en/wiki/Tiger", {{"Origin", "http://elsewhere.example"}},
                                  edit_items("Words from elsewhere.", ""));
  REQUIRE(res);
  CHECK(res->status == 403);
  CHECK(has(res->body, page_msg("en", "access-error-csrf")));
  CHECK_FALSE(has(res->body, "Words from elsewhere."));
  CHECK_FALSE(has(res->body, "wpLoginPassword"));
}

TEST_CASE("the editor renews its session while the writer types") {
  TestServer srv;
  const TestLogin teacher = srv.login_as("Ms Grey", Role::teacher);
  auto client = srv.client_for(teacher);
  auto res = client->Post("/api/v1/session/renew");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(json_of(res)["expires_at"].is_string());
  CHECK(has(res->get_header_value("Set-Cookie"), "kidwiki_session=" + teacher.token));
  CHECK(res->get_header_value("Cache-Control") == "no-store");

  // Without the session's token: the CSRF gate refuses.
  res = srv.anonymous().Post("/api/v1/session/renew", cookie_of(teacher), "", "application/json");
  REQUIRE(res);
  CHECK(res->status == 403);
  // An ended session is never brought back.
  srv.wiki().accounts().end_session(teacher.token);
  res = client->Post("/api/v1/session/renew");
  REQUIRE(res);
  CHECK(res->status == 401);
  CHECK(error_code_of(res) == "not_logged_in");
}

TEST_CASE("the edit page carries the editor's script and its draft key, per account") {
  TestServer srv;
  const TestLogin teacher = srv.login_as("Ms Grey", Role::teacher);
  auto res = srv.client_for(teacher)->Get("/fr/wiki/Tigre?action=edit");
  REQUIRE(res);
  CHECK(has(res->body, "<script src=\"/static/editor.js\" defer></script>"));
  CHECK(has(res->body, "data-draft-key=\"fr:Tigre\""));
  CHECK(has(res->body, "data-draft-owner=\"user-" + std::to_string(teacher.user.id) + "\""));
  CHECK(has(res->body, "data-renew-url=\"/api/v1/session/renew\""));
  CHECK(has(res->body, "id=\"draft-offer-template\""));
  CHECK_FALSE(has(res->body, "data-unsaved"));
  auto script = srv.anonymous().Get("/static/editor.js");
  REQUIRE(script);
  CHECK(script->status == 200);
  CHECK(has(script->get_header_value("Content-Type"), "text/javascript"));
}
