// Who may change a page, through the HTTP server: accounts, review, blocks, protection, rate
// limits, content filters and CSRF. Whatever is refused writes nothing, and a form keeps the text.
#include <doctest/doctest.h>

#include "html_test_util.h"
#include "test_server.h"

using namespace kidwiki::web::testing;
using kidwiki::engine::Role;

namespace {

const std::string kPage = "/api/v1/en/pages/Tiger";

httplib::Result put(httplib::Client& client, const std::string& markdown,
                    std::optional<std::int64_t> base = std::nullopt) {
  nlohmann::json body = {{"markdown", markdown},
                         {"base_revision_id", base ? nlohmann::json(*base) : nlohmann::json()}};
  return client.Put(kPage.c_str(), body.dump(), "application/json");
}

// What a reader sees of Tiger: its text, or "" when it does not exist for readers.
std::string reader_text(TestServer& server) {
  auto res = server.anonymous().Get(kPage.c_str());
  if (!res || res->status != 200) return "";
  return json_of(res)["markdown"].get<std::string>();
}

struct School {
  TestServer& server;
  TestLogin teacher = server.login_as("Ms Grey", Role::teacher);
  std::int64_t class_id(bool review_required) {
    auto made = server.wiki().classes().create_class(server.actor(teacher.user.id), "CM2 B", "en",
                                                     review_required);
    REQUIRE(made);
    return made->id;
  }
};

}  // namespace

TEST_CASE("a reader may not edit where anonymous editing is off (the default)") {
  TestServer server;
  auto res = put(server.anonymous(), "Tigers are big cats.");
  REQUIRE(res);
  CHECK(res->status == 401);
  CHECK(error_code_of(res) == "not_logged_in");
  CHECK(reader_text(server).empty());
  auto form = server.anonymous().Get("/en/wiki/Tiger?action=edit");
  REQUIRE(form);
  CHECK(form->status == 303);
  // httplib's client hands back the Location header percent-decoded.
  CHECK(form->get_header_value("Location") == "/en/special/login?returnto=/en/wiki/Tiger?action=edit");
}

TEST_CASE("who is reviewed: pupils of a reviewing class wait, trusted pupils and staff do not") {
  TestServer server;
  School school{server};
  const auto reviewing = school.class_id(true);
  const auto free = school.class_id(false);
  struct Row {
    const char* name;
    Role role;
    std::optional<std::int64_t> class_id;
    bool trusted;
    const char* status;
  };
  const Row rows[] = {
      {"Léa", Role::pupil, reviewing, false, "pending"},
      {"Tom", Role::pupil, std::nullopt, false, "pending"},  // no class: reviewed
      {"Zoé", Role::pupil, reviewing, true, "saved"},
      {"Max", Role::pupil, free, false, "saved"},
      {"Mr Blue", Role::teacher, std::nullopt, false, "saved"},
      {"Mod", Role::moderator, std::nullopt, false, "saved"},
  };
  // Each on a page of its own: a save on top of someone else's pending text would stay pending.
  for (const auto& row : rows) {
    CAPTURE(row.name);
    const std::string url_title = std::string("Tiger_") + row.name;
    const auto base = server.save("en", url_encode(url_title), "Tigers are big cats.");
    auto client = server.client_for(server.login_as(row.name, row.role, row.class_id, row.trusted));
    const std::string text = std::string("Tigers are big cats. Written by ") + row.name + ".";
    nlohmann::json body = {{"markdown", text}, {"base_revision_id", base}};
    const std::string path = "/api/v1/en/pages/" + url_encode(url_title);
    auto res = client->Put(path.c_str(), body.dump(), "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(json_of(res)["status"] == row.status);
    const bool published = std::string(row.status) != "pending";
    auto seen = server.anonymous().Get(path.c_str());
    CHECK((json_of(seen)["markdown"] == text) == published);
  }
}

TEST_CASE("a pupil's first version of a new page does not exist for readers") {
  TestServer server;
  School school{server};
  auto pupil = server.client_for(server.login_as("Léa", Role::pupil, school.class_id(true)));
  auto res = put(*pupil, "Tigers are big cats.");
  REQUIRE(res);
  CHECK(res->status == 201);
  CHECK(json_of(res)["status"] == "pending");
  CHECK(server.anonymous().Get(kPage.c_str())->status == 404);
  CHECK(server.anonymous().Get("/en/wiki/Tiger")->status == 404);
}

TEST_CASE("a blocked account, a protected page: refused, and the form keeps the text") {
  TestServer server;
  School school{server};
  const auto base = server.save("en", "Tiger", "Tigers are big cats.");
  const TestLogin lea = server.login_as("Léa", Role::pupil, school.class_id(false));
  auto client = server.client_for(lea);
  auto& moderation = server.wiki().moderation();
  REQUIRE(moderation.block(server.actor(server.editor().user.id), lea.user.id, "rude words",
                           std::nullopt));
  auto res = put(*client, "Tigers are big cats. Blocked.", base);
  REQUIRE(res);
  CHECK(res->status == 403);
  CHECK(has(json_of(res)["error"]["message"].get<std::string>(), "rude words"));
  const std::string typed = "Tigers <3 are big & strong.";
  auto form = post_form(*client, "/en/wiki/Tiger",
                        {{"action", "submit"}, {"wpTextbox", typed},
                         {"wpBaseRevId", std::to_string(base)}});
  REQUIRE(form);
  CHECK(form->status == 403);
  CHECK(has(form->body, html_escaped(typed)));
  REQUIRE(moderation.unblock(server.actor(server.editor().user.id), lea.user.id, "sorry"));

  const auto en = *server.wiki().edition("en");
  const auto title = server.wiki().parse_title(en, "Tiger").value();
  REQUIRE(moderation.protect(server.actor(server.editor().user.id), en, title,
                             kidwiki::engine::Protection::trusted, "vandalism"));
  res = put(*client, "Tigers are big cats. Protected.", base);
  REQUIRE(res);
  CHECK(res->status == 403);
  auto trusted = server.client_for(server.login_as("Zoé", Role::pupil, std::nullopt, true));
  res = put(*trusted, "Tigers are big cats. Trusted.", base);
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(reader_text(server) == "Tigers are big cats. Trusted.");
}

TEST_CASE("saves are rate-limited per account, with Retry-After, and the form keeps the text") {
  kidwiki::web::ServerOptions options;
  options.edit_limits.pupil_saves = 2;
  TestServer server(options);
  School school{server};
  auto lea = server.client_for(server.login_as("Léa", Role::pupil, school.class_id(false)));
  auto tom = server.client_for(server.login_as("Tom", Role::pupil, school.class_id(false)));
  std::optional<std::int64_t> base;
  for (int i = 0; i < 2; ++i) {
    auto res = put(*lea, "Tigers, version " + std::to_string(i) + ".", base);
    REQUIRE(res);
    REQUIRE(res->status / 100 == 2);
    base = json_of(res)["revision_id"].get<std::int64_t>();
  }
  auto refused = put(*lea, "Tigers, version 2.", base);
  REQUIRE(refused);
  CHECK(refused->status == 429);
  CHECK(error_code_of(refused) == "rate_limited");
  CHECK(std::stoi(refused->get_header_value("Retry-After")) > 0);
  const std::string typed = "Tigers, a text I must not lose.";
  auto form = post_form(*lea, "/en/wiki/Tiger",
                        {{"action", "submit"}, {"wpTextbox", typed},
                         {"wpBaseRevId", std::to_string(*base)}});
  REQUIRE(form);
  CHECK(form->status == 429);
  CHECK(has(form->body, typed));
  // Another pupil of the same class, on the same address, is not held back by Léa.
  auto other = put(*tom, "Tigers, by Tom.", base);
  REQUIRE(other);
  CHECK(other->status == 200);
}

TEST_CASE("a phone number is refused with a kind message; the form keeps the text") {
  TestServer server;
  School school{server};
  const auto base = server.save("en", "Tiger", "Tigers are big cats.");
  auto pupil = server.client_for(server.login_as("Léa", Role::pupil, school.class_id(true)));
  const std::string typed = "Tigers are big cats.\n\nCall me: 06 12 34 56 78";
  auto res = put(*pupil, typed, base);
  REQUIRE(res);
  CHECK(res->status == 422);
  CHECK(json_of(res)["error"]["message"] ==
        kidwiki::i18n::Messages::builtin().format("en", "filter-phone"));
  auto form = post_form(*pupil, "/en/wiki/Tiger",
                        {{"action", "submit"}, {"wpTextbox", typed},
                         {"wpBaseRevId", std::to_string(base)}});
  REQUIRE(form);
  CHECK(form->status == 422);
  CHECK(has(form->body, page_msg("en", "filter-phone")));
  CHECK(has(form->body, "Call me: 06 12 34 56 78"));
  CHECK(reader_text(server) == "Tigers are big cats.");
}

TEST_CASE("a state-changing request of a session needs its CSRF token") {
  TestServer server;
  auto base = server.save("en", "Tiger", "Tigers are big cats.");
  const std::string cookie = "kidwiki_session=" + server.editor().token;
  struct Row {
    const char* case_name;
    httplib::Headers headers;
    int status;
  };
  const Row rows[] = {
      {"no token", {{"Cookie", cookie}}, 403},
      {"wrong token", {{"Cookie", cookie}, {"X-CSRF-Token", "forged"}}, 403},
      {"the session's token", {{"Cookie", cookie}, {"X-CSRF-Token", server.editor().csrf_token}}, 200},
  };
  for (const auto& row : rows) {
    CAPTURE(row.case_name);
    nlohmann::json body = {{"markdown", std::string("Tigers: ") + row.case_name},
                           {"base_revision_id", base}};
    auto res = server.anonymous().Put(kPage.c_str(), row.headers, body.dump(), "application/json");
    REQUIRE(res);
    CHECK(res->status == row.status);
    if (row.status == 403) CHECK(error_code_of(res) == "csrf");
    if (row.status == 200) base = json_of(res)["revision_id"].get<std::int64_t>();
  }
  httplib::MultipartFormDataItems items = {{"action", "submit", "", ""},
                                           {"wpTextbox", "Tigers by form.", "", ""},
                                           {"wpBaseRevId", std::to_string(base), "", ""}};
  // Forged: sent from another site's page (the site's own form with a stale token gets its text
  // back instead, edit_no_loss_test.cpp).
  auto forged = server.anonymous().Post(
      "/en/wiki/Tiger", {{"Cookie", cookie}, {"Origin", "http://elsewhere.example"}}, items);
  REQUIRE(forged);
  CHECK(forged->status == 403);
  CHECK(has(forged->body, page_msg("en", "access-error-csrf")));
  items.push_back({"wpCsrf", server.editor().csrf_token, "", ""});
  auto real = server.anonymous().Post("/en/wiki/Tiger", {{"Cookie", cookie}}, items);
  REQUIRE(real);
  CHECK(real->status == 303);
}

TEST_CASE("an admin turns anonymous editing on; readers' edits then wait for review") {
  TestServer server;
  const auto base = server.save("en", "Tiger", "Tigers are big cats.");
  auto pupil = server.client_for(server.login_as("Léa", Role::pupil));
  nlohmann::json on = {{"anonymous_editing", true}};
  CHECK(server.anonymous().Put("/api/v1/en/settings", on.dump(), "application/json")->status == 401);
  CHECK(pupil->Put("/api/v1/en/settings", on.dump(), "application/json")->status == 403);
  auto bad = server.client().Put("/api/v1/en/settings", "{}", "application/json");
  CHECK(bad->status == 400);
  auto set = server.client().Put("/api/v1/en/settings", on.dump(), "application/json");
  REQUIRE(set);
  CHECK(set->status == 200);
  CHECK(json_of(set)["anonymous_editing"] == true);
  auto res = put(server.anonymous(), "Tigers are big cats, says a reader.", base);
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(json_of(res)["status"] == "pending");
  CHECK(reader_text(server) == "Tigers are big cats.");
  CHECK(json_of(server.anonymous().Get("/api/v1/fr/settings"))["anonymous_editing"] == false);
}

TEST_CASE("the settings page: admins only, and it saves") {
  TestServer server;
  CHECK(server.anonymous().Get("/en/special/settings")->status == 303);  // to the login page
  auto pupil = server.client_for(server.login_as("Léa", Role::pupil));
  CHECK(pupil->Get("/en/special/settings")->status == 403);
  auto page = server.client().Get("/en/special/settings");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(has(page->body, page_msg("en", "access-settings-anonymous-on")));
  auto saved = post_form(server.client(), "/en/special/settings", {{"wpAnonymousEditing", "on"}});
  REQUIRE(saved);
  CHECK(saved->status == 303);
  CHECK(server.wiki().edition("en")->anonymous_editing);
}

TEST_CASE("the forms that change a page carry the session's CSRF token") {
  TestServer server;
  const auto first = server.save("en", "Tiger", "Tigers are big cats.");
  server.save("en", "Tiger", "Tigers are big striped cats.", first);
  const std::string field =
      R"(<input type="hidden" name="wpCsrf" value=")" + server.editor().csrf_token + "\">";
  const std::vector<std::string> paths = {
      "/en/wiki/Tiger?action=edit", "/en/wiki/Tiger?action=move",
      "/en/wiki/Tiger?action=revert&oldid=" + std::to_string(first)};
  for (const auto& path : paths) {
    CAPTURE(path);
    auto res = server.client().Get(path.c_str());
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(has(res->body, field));
  }
}
