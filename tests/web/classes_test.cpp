// The JSON API of classes and staff accounts: each route's success, 401 for a reader, 403 for a
// pupil and for another teacher's class, 400 for a bad body, 404 for an unknown id; and CSRF.
#include <doctest/doctest.h>

#include <set>

#include "i18n/messages.h"
#include "test_server.h"

namespace {

using kidwiki::web::testing::error_code_of;
using kidwiki::web::testing::json_of;
using kidwiki::web::testing::TestLogin;
using kidwiki::web::testing::TestServer;
using nlohmann::json;
namespace engine = kidwiki::engine;

// A teacher with a class of two pupils, another teacher, a pupil, and their clients.
struct ClassesServer {
  TestServer server;
  TestLogin teacher_login = server.login_as("Mme Martin", engine::Role::teacher);
  TestLogin other_login = server.login_as("M Durand", engine::Role::teacher);
  std::unique_ptr<httplib::Client> teacher = server.client_for(teacher_login);
  std::unique_ptr<httplib::Client> other = server.client_for(other_login);
  engine::SchoolClass cm1 =
      server.wiki()
          .classes()
          .create_class(server.actor(teacher_login.user.id), "CM1", "fr", true)
          .value();
  std::vector<engine::Credentials> pupils =
      server.wiki()
          .classes()
          .add_pupils(server.actor(teacher_login.user.id), cm1.id, {"Léa", "Tom"})
          .value();
  TestLogin pupil_login = login_pupil();
  std::unique_ptr<httplib::Client> pupil = server.client_for(pupil_login);

  TestLogin login_pupil() {
    auto session = server.wiki().accounts().start_session(pupils.front().user).value();
    return TestLogin{pupils.front().user, session.token, session.csrf_token};
  }
  std::string class_path(const std::string& suffix = "") {
    return "/api/v1/classes/" + std::to_string(cm1.id) + suffix;
  }
  std::string pupil_path(const std::string& suffix) {
    return "/api/v1/pupils/" + std::to_string(pupils.front().user.id) + suffix;
  }
};

httplib::Result post(httplib::Client& client, const std::string& path, const json& body) {
  return client.Post(path, body.dump(), "application/json");
}

httplib::Result post_raw(httplib::Client& client, const std::string& path, const std::string& body) {
  return client.Post(path, body, "application/json");
}

}  // namespace

TEST_CASE("a teacher creates a class and lists their own; an admin sees every class") {
  ClassesServer s;
  auto made = post(*s.teacher, "/api/v1/classes",
                   {{"name", "CE2 <b>"}, {"lang", "en"}, {"review_required", false}});
  REQUIRE(made->status == 201);
  auto c = json_of(made);
  CHECK(c["name"] == "CE2 <b>");
  CHECK(c["lang"] == "en");
  CHECK(c["review_required"] == false);
  CHECK(c["archived"] == false);
  CHECK(c["teacher"]["username"] == "Mme Martin");
  CHECK(c["id"].get<std::int64_t>() > s.cm1.id);

  auto mine = json_of(s.teacher->Get("/api/v1/classes"));
  CHECK(mine["classes"].size() == 2);
  REQUIRE(post(*s.other, "/api/v1/classes", {{"name", "6e"}, {"lang", "fr"}})->status == 201);
  CHECK(json_of(s.other->Get("/api/v1/classes"))["classes"].size() == 1);
  CHECK(json_of(s.server.client().Get("/api/v1/classes"))["classes"].size() == 3);
}

TEST_CASE("a class shows its pupils with their state") {
  ClassesServer s;
  REQUIRE(s.server.wiki()
              .classes()
              .set_trusted(s.server.actor(s.teacher_login.user.id), s.pupils.back().user.id, true)
              .ok());
  auto res = s.teacher->Get(s.class_path());
  REQUIRE(res->status == 200);
  auto body = json_of(res);
  CHECK(body["class"]["name"] == "CM1");
  REQUIRE(body["pupils"].size() == 2);
  CHECK(body["pupils"][0]["username"] == "Léa");
  CHECK(body["pupils"][0]["trusted"] == false);
  CHECK(body["pupils"][0]["disabled"] == false);
  CHECK(body["pupils"][1]["trusted"] == true);
  CHECK_FALSE(body["pupils"][0].contains("password"));
}

TEST_CASE("pupils are added from names or as pseudonyms, with passwords shown once") {
  ClassesServer s;
  auto named = post(*s.teacher, s.class_path("/pupils"), {{"names", {"Inès", "Léa"}}});
  REQUIRE(named->status == 201);
  CHECK(named->get_header_value("Cache-Control") == "no-store");
  auto list = json_of(named)["pupils"];
  REQUIRE(list.size() == 2);
  CHECK(list[0]["username"] == "Inès");
  CHECK(list[1]["username"] == "Léa 2");
  auto login = post(s.server.anonymous(), "/api/v1/session",
                    {{"username", "Léa 2"}, {"password", list[1]["password"]}});
  CHECK(login->status == 200);

  auto generated = post(*s.teacher, s.class_path("/pupils"), {{"count", 25}});
  REQUIRE(generated->status == 201);
  std::set<std::string> names;
  const json created = json_of(generated);
  for (const auto& p : created["pupils"]) names.insert(p["username"].get<std::string>());
  CHECK(names.size() == 25);
  CHECK(s.server.wiki().classes().pupils(TestServer::console(), s.cm1.id)->size() == 29);
}

TEST_CASE("a refused name refuses the whole list and names it") {
  ClassesServer s;
  auto res = post(*s.teacher, s.class_path("/pupils"), {{"names", {"Inès", "Zoé@ecole"}}});
  REQUIRE(res->status == 400);
  CHECK(error_code_of(res) == "invalid_input");
  const std::string message = json_of(res)["error"]["message"];
  CHECK(message.find("Zoé@ecole") != std::string::npos);
  CHECK(s.server.wiki().classes().pupils(TestServer::console(), s.cm1.id)->size() == 2);
}

TEST_CASE("a pupil's password, trust and account are changed by their teacher") {
  ClassesServer s;
  auto reset = s.teacher->Post(s.pupil_path("/password"));
  REQUIRE(reset->status == 200);
  CHECK(reset->get_header_value("Cache-Control") == "no-store");
  auto creds = json_of(reset);
  CHECK(creds["username"] == "Léa");
  CHECK(creds["password"] != s.pupils.front().password);
  // The pupil's session ended with the old password.
  CHECK(s.pupil->Get("/api/v1/me")->status == 401);

  auto trusted = post(*s.teacher, s.pupil_path("/trusted"), {{"trusted", true}});
  REQUIRE(trusted->status == 200);
  CHECK(json_of(trusted)["trusted"] == true);
  auto disabled = post(*s.teacher, s.pupil_path("/disabled"), {{"disabled", true}});
  REQUIRE(disabled->status == 200);
  CHECK(json_of(disabled)["disabled"] == true);
  auto login = post(s.server.anonymous(), "/api/v1/session",
                    {{"username", "Léa"}, {"password", creds["password"]}});
  CHECK(login->status != 200);
  REQUIRE(post(*s.teacher, s.pupil_path("/disabled"), {{"disabled", false}})->status == 200);
}

TEST_CASE("an archived class's pupils cannot log in") {
  ClassesServer s;
  auto archived = post(*s.teacher, s.class_path("/archive"), {{"archived", true}});
  REQUIRE(archived->status == 200);
  CHECK(json_of(archived)["archived"] == true);
  CHECK(s.pupil->Get("/api/v1/me")->status == 401);
  auto login = post(s.server.anonymous(), "/api/v1/session",
                    {{"username", "Tom"}, {"password", s.pupils.back().password}});
  CHECK(login->status == 403);
  CHECK(json_of(login)["error"]["message"] ==
        kidwiki::i18n::Messages::builtin().format("en", "error-class-archived"));
  REQUIRE(post(*s.teacher, s.class_path("/archive"), {{"archived", false}})->status == 200);
  CHECK(s.pupil->Get("/api/v1/me")->status == 200);
}

TEST_CASE("who may call each route of classes") {
  ClassesServer s;
  struct Route {
    const char* method;
    std::string path;
    json body;
  };
  const std::vector<Route> routes = {
      {"POST", "/api/v1/classes", {{"name", "X"}, {"lang", "fr"}}},
      {"GET", "/api/v1/classes", nullptr},
      {"GET", s.class_path(), nullptr},
      {"POST", s.class_path("/pupils"), {{"count", 1}}},
      {"POST", s.class_path("/archive"), {{"archived", true}}},
      {"POST", s.pupil_path("/password"), json::object()},
      {"POST", s.pupil_path("/trusted"), {{"trusted", true}}},
      {"POST", s.pupil_path("/disabled"), {{"disabled", true}}},
  };
  auto send = [](httplib::Client& client, const Route& r) {
    return std::string(r.method) == "GET" ? client.Get(r.path) : post(client, r.path, r.body);
  };
  for (const auto& r : routes) {
    CAPTURE(r.path);
    auto reader = send(s.server.anonymous(), r);
    CHECK(reader->status == 401);
    CHECK(error_code_of(reader) == "not_logged_in");
    CHECK(send(*s.pupil, r)->status == 403);
  }
  // Another teacher: every route that names this class or its pupil.
  for (std::size_t i = 2; i < routes.size(); ++i) {
    CAPTURE(routes[i].path);
    auto res = send(*s.other, routes[i]);
    CHECK(res->status == 403);
    CHECK(error_code_of(res) == "forbidden");
  }
  CHECK(s.server.wiki().classes().pupils(TestServer::console(), s.cm1.id)->size() == 2);
  CHECK_FALSE(s.server.wiki().classes().get(TestServer::console(), s.cm1.id)->archived);
}

TEST_CASE("bad bodies and unknown ids of classes") {
  ClassesServer s;
  struct Row {
    std::string path;
    std::string body;
    int status;
  };
  const std::string pupils = s.class_path("/pupils");
  const std::vector<Row> rows = {
      {"/api/v1/classes", "not json", 400},
      {"/api/v1/classes", R"({"lang":"fr"})", 400},
      {"/api/v1/classes", R"({"name":"","lang":"fr"})", 400},
      {"/api/v1/classes", R"({"name":"X","lang":"xx"})", 404},
      {"/api/v1/classes", R"({"name":"X","lang":"fr","review_required":"yes"})", 400},
      {pupils, R"({})", 400},
      {pupils, R"({"names":["A1"],"count":2})", 400},
      {pupils, R"({"names":"Léa"})", 400},
      {pupils, R"({"names":[1,2]})", 400},
      {pupils, R"({"count":0})", 400},
      {pupils, R"({"count":1000000000000})", 400},
      {pupils, R"({"count":"3"})", 400},
      {s.class_path("/archive"), R"({})", 400},
      {s.class_path("/archive"), R"({"archived":1})", 400},
      {s.pupil_path("/trusted"), R"({"trusted":"yes"})", 400},
      {s.pupil_path("/disabled"), R"([])", 400},
      {"/api/v1/classes/abc/pupils", R"({"count":1})", 400},
      {"/api/v1/classes/0/archive", R"({"archived":true})", 400},
      {"/api/v1/classes/9999/pupils", R"({"count":1})", 404},
      {"/api/v1/classes/9999/archive", R"({"archived":true})", 404},
      {"/api/v1/pupils/9999/password", R"({})", 404},
      {"/api/v1/pupils/9999/trusted", R"({"trusted":true})", 404},
      {"/api/v1/pupils/" + std::to_string(s.teacher_login.user.id) + "/disabled",
       R"({"disabled":true})", 404},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    CAPTURE(row.body);
    auto res = post_raw(*s.teacher, row.path, row.body);
    CHECK(res->status == row.status);
    CHECK_FALSE(json_of(res)["error"]["message"].get<std::string>().empty());
  }
  CHECK(s.teacher->Get("/api/v1/classes/9999")->status == 404);
  CHECK(s.teacher->Get("/api/v1/classes/x")->status == 400);
}

TEST_CASE("a change to a class without its CSRF token is refused") {
  ClassesServer s;
  httplib::Client bare("127.0.0.1", s.server.port());
  bare.set_default_headers({{"Cookie", "kidwiki_session=" + s.teacher_login.token}});
  auto res = post(bare, s.class_path("/archive"), {{"archived", true}});
  CHECK(res->status == 403);
  CHECK(error_code_of(res) == "csrf");
  CHECK_FALSE(s.server.wiki().classes().get(TestServer::console(), s.cm1.id)->archived);
}

TEST_CASE("an admin creates staff accounts") {
  ClassesServer s;
  auto made = post(s.server.client(), "/api/v1/users", {{"username", "M Petit"}, {"role", "teacher"}});
  REQUIRE(made->status == 201);
  CHECK(made->get_header_value("Cache-Control") == "no-store");
  auto body = json_of(made);
  CHECK(body["username"] == "M Petit");
  CHECK(body["role"] == "teacher");
  auto login = post(s.server.anonymous(), "/api/v1/session",
                    {{"username", "M Petit"}, {"password", body["password"]}});
  CHECK(login->status == 200);
  auto chosen = post(s.server.client(), "/api/v1/users",
                     {{"username", "Modo"}, {"role", "moderator"}, {"password", "a-long-password"}});
  REQUIRE(chosen->status == 201);
  CHECK_FALSE(json_of(chosen).contains("password"));

  struct Row {
    json body;
    int status;
  };
  const Row rows[] = {
      {{{"role", "teacher"}}, 400},
      {{{"username", "Zed"}, {"role", "pupil"}}, 400},
      {{{"username", "Zed"}, {"role", "king"}}, 400},
      {{{"username", "Zed"}, {"role", "teacher"}, {"password", "short"}}, 400},
      {{{"username", "Zed"}, {"role", "teacher"}, {"password", 12345678}}, 400},
      {{{"username", "m petit"}, {"role", "teacher"}}, 409},
  };
  for (const auto& row : rows) {
    CAPTURE(row.body.dump());
    CHECK(post(s.server.client(), "/api/v1/users", row.body)->status == row.status);
  }
  const json teacher_body = {{"username", "Zed"}, {"role", "teacher"}};
  CHECK(post(s.server.anonymous(), "/api/v1/users", teacher_body)->status == 401);
  CHECK(post(*s.pupil, "/api/v1/users", teacher_body)->status == 403);
  CHECK(post(*s.teacher, "/api/v1/users", teacher_body)->status == 403);
}

TEST_CASE("an admin lists staff accounts and disables, re-roles and resets them") {
  ClassesServer s;
  const std::string user_path = "/api/v1/users/" + std::to_string(s.teacher_login.user.id);
  auto list = s.server.client().Get("/api/v1/users");
  REQUIRE(list->status == 200);
  CHECK(list->get_header_value("Cache-Control") == "no-store");
  std::set<std::string> names;
  const auto users = json_of(list);
  for (const auto& u : users["users"]) names.insert(u["username"].get<std::string>());
  CHECK(names == std::set<std::string>{"Editor", "M Durand", "Mme Martin"});  // no pupils

  auto disabled = post(s.server.client(), user_path + "/disabled", {{"disabled", true}});
  REQUIRE(disabled->status == 200);
  CHECK(json_of(disabled)["disabled"] == true);
  CHECK(s.teacher->Get("/api/v1/me")->status == 401);  // every session ended
  CHECK(post(s.server.client(), user_path + "/disabled", {{"disabled", false}})->status == 200);

  auto role = post(s.server.client(), user_path + "/role", {{"role", "moderator"}});
  REQUIRE(role->status == 200);
  CHECK(json_of(role)["role"] == "moderator");
  CHECK(post(s.server.client(), user_path + "/role", {{"role", "pupil"}})->status == 400);

  auto reset = post(s.server.client(), user_path + "/password", json::object());
  REQUIRE(reset->status == 200);
  CHECK(reset->get_header_value("Cache-Control") == "no-store");
  const std::string password = json_of(reset)["password"];
  CHECK(password.size() >= engine::kMinPasswordLength);
  CHECK(post(s.server.anonymous(), "/api/v1/session",
             {{"username", "Mme Martin"}, {"password", password}})
            ->status == 200);

  // Not oneself, not a pupil, and admins only.
  const std::string own = "/api/v1/users/" + std::to_string(s.server.editor().user.id);
  CHECK(post(s.server.client(), own + "/disabled", {{"disabled", true}})->status == 403);
  const std::string pupil = "/api/v1/users/" + std::to_string(s.pupils.front().user.id);
  CHECK(post(s.server.client(), pupil + "/disabled", {{"disabled", true}})->status == 404);
  CHECK(post(s.server.client(), user_path + "/disabled", json::object())->status == 400);
  CHECK(s.server.anonymous().Get("/api/v1/users")->status == 401);
  CHECK(s.other->Get("/api/v1/users")->status == 403);
  CHECK(post(*s.other, user_path + "/disabled", {{"disabled", true}})->status == 403);
  CHECK(post(*s.other, user_path + "/password", json::object())->status == 403);
}
