// The safety tools' JSON API: each route's success, 401 for a reader, 403 for a role without the
// right, 400 for a bad body and 404 for what does not exist; then what each action changes for
// readers.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "test_server.h"

using kidwiki::web::testing::error_code_of;
using kidwiki::web::testing::json_of;
using kidwiki::web::testing::TestLogin;
using kidwiki::web::testing::TestServer;
namespace engine = kidwiki::engine;

namespace {

// A server with a page, a pupil, a teacher and a moderator, each with their own client.
struct ModServer {
  TestServer server;
  TestLogin pupil = server.login_as("Léa", engine::Role::pupil);
  TestLogin teacher = server.login_as("Mme Martin", engine::Role::teacher);
  TestLogin moderator = server.login_as("Modo", engine::Role::moderator);
  std::unique_ptr<httplib::Client> as_pupil = server.client_for(pupil);
  std::unique_ptr<httplib::Client> as_teacher = server.client_for(teacher);
  std::unique_ptr<httplib::Client> as_moderator = server.client_for(moderator);
  std::int64_t first = server.save("fr", "Chat", "Le chat dort.\n");
  std::int64_t second = server.save("fr", "Chat", "Le chat dort. Léa habite rue X.\n", first);

  httplib::Result send(httplib::Client& c, const std::string& method, const std::string& path,
                       const std::string& body = "") {
    if (method == "GET") return c.Get(path.c_str());
    if (method == "PUT") return c.Put(path.c_str(), body, "application/json");
    if (method == "DELETE") return c.Delete(path.c_str(), body, "application/json");
    return c.Post(path.c_str(), body, "application/json");
  }
  std::string pupil_block() { return "/api/v1/users/" + std::to_string(pupil.user.id) + "/block"; }
  std::string hide_second() { return "/api/v1/fr/revisions/" + std::to_string(second) + "/hide"; }
};

struct Route {
  std::string method;
  std::string path;  // "{pupil_block}" and "{hide}" are filled in per server
  std::string body;
  bool teacher_refused;    // teachers get 403 (false: a route teachers may use)
  bool moderator_refused;  // admins only
};

const std::vector<Route> kModeratorRoutes = {
    {"POST", "{pupil_block}", R"({"reason":"insultes"})", true, false},
    {"DELETE", "{pupil_block}", R"({"reason":"fini"})", true, false},
    {"GET", "/api/v1/blocks", "", true, false},
    {"POST", "/api/v1/fr/pages/Chat/protect", R"({"level":"trusted","reason":"vandalisme"})", true,
     false},
    {"POST", "{hide}", R"({"hidden":true,"reason":"adresse"})", true, false},
    {"POST", "/api/v1/fr/pages/Chat/delete", R"({"reason":"copie"})", true, false},
    {"POST", "/api/v1/fr/pages/Chat/restore", R"({"reason":"erreur"})", true, false},
    {"GET", "/api/v1/reports", "", true, false},
    {"POST", "/api/v1/reports/1/resolve", R"({"note":"vu"})", true, false},
    {"GET", "/api/v1/fr/filters", "", true, true},
    {"PUT", "/api/v1/fr/filters", R"({"text":"brocoli refuse\n"})", true, true},
    {"GET", "/api/v1/audit", "", false, false},
};

std::string path_of(ModServer& s, const Route& r) {
  if (r.path == "{pupil_block}") return s.pupil_block();
  if (r.path == "{hide}") return s.hide_second();
  return r.path;
}

}  // namespace

TEST_CASE("moderation routes refuse readers (401) and roles without the right (403)") {
  ModServer s;
  for (const auto& route : kModeratorRoutes) {
    CAPTURE(route.method);
    CAPTURE(route.path);
    const std::string path = path_of(s, route);
    auto reader = s.send(s.server.anonymous(), route.method, path, route.body);
    REQUIRE(reader);
    CHECK(reader->status == 401);
    CHECK(error_code_of(reader) == "not_logged_in");
    auto pupil = s.send(*s.as_pupil, route.method, path, route.body);
    CHECK(pupil->status == 403);
    if (route.teacher_refused)
      CHECK(s.send(*s.as_teacher, route.method, path, route.body)->status == 403);
    if (route.moderator_refused) {
      CHECK(s.send(*s.as_moderator, route.method, path, route.body)->status == 403);
    }
  }
  // Only the test's accounts are logged (create-user): no refused action left a trace.
  const auto audit = s.server.wiki().moderation().audit_log(TestServer::console(), {});
  REQUIRE(audit.ok());
  for (const auto& entry : audit.value()) {
    CHECK(entry.action == "create-user");
  }
  CHECK_FALSE(s.server.wiki().moderation().active_block(TestServer::console(), s.pupil.user.id));
}

TEST_CASE("moderation routes answer 400 for a bad body") {
  ModServer s;
  const std::vector<Route> rows = {
      {"POST", "{pupil_block}", "not json", true, false},
      {"POST", "{pupil_block}", R"({"reason":""})", true, false},
      {"POST", "{pupil_block}", R"({"reason":"x","hours":-3})", true, false},
      {"POST", "{pupil_block}", R"({"reason":"x","expires_at":"tomorrow"})", true, false},
      {"POST", "/api/v1/fr/pages/Chat/protect", R"({"level":"everyone","reason":"x"})", true,
       false},
      {"POST", "/api/v1/fr/pages/Chat/protect", R"({"level":"trusted"})", true, false},
      {"POST", "{hide}", R"({"hidden":"yes","reason":"x"})", true, false},
      {"POST", "/api/v1/fr/pages/Chat/delete", R"({})", true, false},
      {"POST", "/api/v1/fr/pages/Chat/report", R"({"reason":""})", true, false},
      {"POST", "/api/v1/fr/pages/Chat/report", R"([1])", true, false},
      {"PUT", "/api/v1/fr/filters", R"({"text":7})", true, false},
      {"GET", "/api/v1/audit?limit=abc", "", true, false},
      {"POST", "/api/v1/users/abc/block", R"({"reason":"x"})", true, false},
  };
  for (const auto& route : rows) {
    CAPTURE(route.path);
    CAPTURE(route.body);
    auto res = s.send(s.server.client(), route.method, path_of(s, route), route.body);
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(error_code_of(res) == "invalid_input");
  }
}

TEST_CASE("moderation routes answer 404 for what does not exist") {
  ModServer s;
  const std::vector<Route> rows = {
      {"POST", "/api/v1/users/9999/block", R"({"reason":"x"})", true, false},
      {"DELETE", "{pupil_block}", R"({"reason":"x"})", true, false},  // not blocked
      {"POST", "/api/v1/fr/pages/Rien/protect", R"({"level":"trusted","reason":"x"})", true, false},
      {"POST", "/api/v1/fr/revisions/99999/hide", R"({"hidden":true,"reason":"x"})", true, false},
      {"POST", "/api/v1/fr/pages/Rien/delete", R"({"reason":"x"})", true, false},
      {"POST", "/api/v1/fr/pages/Chat/restore", R"({"reason":"x"})", true, false},
      {"POST", "/api/v1/fr/pages/Rien/report", R"({"reason":"x"})", true, false},
      {"POST", "/api/v1/reports/999/resolve", R"({"note":"x"})", true, false},
      {"GET", "/api/v1/xx/filters", "", true, false},
  };
  for (const auto& route : rows) {
    CAPTURE(route.path);
    auto res = s.send(s.server.client(), route.method, path_of(s, route), route.body);
    REQUIRE(res);
    CHECK(res->status == 404);
  }
}

TEST_CASE("blocks: a moderator blocks a pupil for some hours, lists and lifts the block") {
  ModServer s;
  auto res =
      s.send(*s.as_moderator, "POST", s.pupil_block(), R"({"reason":"insultes","hours":24})");
  REQUIRE(res);
  CHECK(res->status == 201);
  auto block = json_of(res)["block"];
  CHECK(block["user_name"] == "Léa");
  CHECK(block["blocked_by_name"] == "Modo");
  CHECK(block["expires_at"].is_string());
  auto list = json_of(s.send(*s.as_moderator, "GET", "/api/v1/blocks"));
  REQUIRE(list["blocks"].size() == 1);
  CHECK(list["blocks"][0]["reason"] == "insultes");
  // A blocked pupil keeps reading.
  CHECK(s.as_pupil->Get("/api/v1/fr/pages/Chat")->status == 200);
  CHECK(s.send(*s.as_moderator, "DELETE", s.pupil_block(), R"({"reason":"excuses"})")->status ==
        200);
  CHECK(json_of(s.send(*s.as_moderator, "GET", "/api/v1/blocks"))["blocks"].empty());
}

TEST_CASE("blocks refuse an admin and oneself with 403") {
  ModServer s;
  auto admin = "/api/v1/users/" + std::to_string(s.server.editor().user.id) + "/block";
  CHECK(s.send(*s.as_moderator, "POST", admin, R"({"reason":"x"})")->status == 403);
  auto self = "/api/v1/users/" + std::to_string(s.moderator.user.id) + "/block";
  CHECK(s.send(*s.as_moderator, "POST", self, R"({"reason":"x"})")->status == 403);
}

TEST_CASE("a blocked moderator and a blocked teacher keep reading and lose every other power") {
  ModServer s;
  auto& classes = s.server.wiki().classes();
  auto cm2 = classes.create_class(s.server.actor(s.teacher.user.id), "CM2 A", "fr", true);
  REQUIRE(cm2.ok());
  const auto block_path = [](const TestLogin& who) {
    return "/api/v1/users/" + std::to_string(who.user.id) + "/block";
  };
  for (const TestLogin* who : {&s.moderator, &s.teacher}) {
    CAPTURE(who->user.name);
    REQUIRE(s.send(s.server.client(), "POST", block_path(*who), R"({"reason":"pause"})")->status ==
            201);
  }
  // Reading and their own edits stay.
  for (auto* client : {s.as_moderator.get(), s.as_teacher.get()}) {
    CHECK(client->Get("/api/v1/fr/pages/Chat")->status == 200);
    CHECK(client->Get("/fr/special/my-edits")->status == 200);
  }
  struct Row {
    const char* what;
    httplib::Client* client;
    std::string method, path, body;
  };
  const Row rows[] = {
      {"edit", s.as_moderator.get(), "PUT", "/api/v1/fr/pages/Chat",
       R"({"markdown":"Le chat joue.","summary":""})"},
      {"delete", s.as_moderator.get(), "POST", "/api/v1/fr/pages/Chat/delete", R"({"reason":"x"})"},
      {"block", s.as_moderator.get(), "POST", s.pupil_block(), R"({"reason":"x"})"},
      {"protect", s.as_moderator.get(), "POST", "/api/v1/fr/pages/Chat/protect",
       R"({"level":"trusted","reason":"x"})"},
      {"reports", s.as_moderator.get(), "GET", "/api/v1/reports", ""},
      {"review", s.as_moderator.get(), "GET", "/api/v1/review", ""},
      {"unblock oneself", s.as_moderator.get(), "DELETE", block_path(s.moderator),
       R"({"reason":"x"})"},
      {"teacher's review", s.as_teacher.get(), "GET",
       "/api/v1/review?class=" + std::to_string(cm2->id), ""},
      {"class management", s.as_teacher.get(), "POST",
       "/api/v1/classes/" + std::to_string(cm2->id) + "/archive", R"({"archived":true})"},
      {"new class", s.as_teacher.get(), "POST", "/api/v1/classes",
       R"({"name":"CM1","lang":"fr","review_required":true})"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.what);
    auto res = s.send(*row.client, row.method, row.path, row.body);
    REQUIRE(res);
    CHECK(res->status == 403);
    CHECK(error_code_of(res) == "forbidden");
  }
  CHECK(s.server.anonymous().Get("/api/v1/fr/pages/Chat")->status == 200);
  CHECK_FALSE(s.server.wiki().classes().get(TestServer::console(), cm2->id)->archived);
  CHECK(s.server.wiki().moderation().active_block(TestServer::console(), s.moderator.user.id));
}

TEST_CASE("protect, hide, delete and restore change what readers get") {
  ModServer s;
  auto& reader = s.server.anonymous();
  auto protect = s.send(*s.as_moderator, "POST", "/api/v1/fr/pages/Chat/protect",
                        R"({"level":"moderators","reason":"vandalisme"})");
  CHECK(protect->status == 200);
  CHECK(json_of(protect)["protection"] == "moderators");

  CHECK(s.send(*s.as_moderator, "POST", s.hide_second(), R"({"hidden":true,"reason":"adresse"})")
            ->status == 200);
  CHECK(json_of(reader.Get("/api/v1/fr/pages/Chat"))["markdown"] == "Le chat dort.");
  const std::string second = "/api/v1/fr/revisions/" + std::to_string(s.second);
  CHECK(reader.Get(second.c_str())->status == 403);
  CHECK(s.as_pupil->Get(second.c_str())->status == 403);
  CHECK(s.as_moderator->Get(second.c_str())->status == 200);
  const std::string diff =
      "/api/v1/fr/diff?from=" + std::to_string(s.first) + "&to=" + std::to_string(s.second);
  CHECK(reader.Get(diff.c_str())->status == 403);
  auto history = json_of(reader.Get("/api/v1/fr/pages/Chat/history"));
  CHECK(history["revisions"][0]["hidden"] == true);

  CHECK(s.send(*s.as_moderator, "POST", "/api/v1/fr/pages/Chat/delete", R"({"reason":"copie"})")
            ->status == 200);
  CHECK(reader.Get("/api/v1/fr/pages/Chat")->status == 404);
  CHECK(s.send(*s.as_moderator, "POST", "/api/v1/fr/pages/Chat/restore", R"({"reason":"erreur"})")
            ->status == 200);
  CHECK(reader.Get("/api/v1/fr/pages/Chat")->status == 200);

  auto audit = json_of(s.send(*s.as_moderator, "GET", "/api/v1/audit?limit=2"));
  REQUIRE(audit["entries"].size() == 2);
  CHECK(audit["entries"][0]["action"] == "restore-page");
  CHECK(audit["entries"][0]["actor_name"] == "Modo");
  CHECK(audit["entries"][1]["action"] == "delete-page");
  auto older = json_of(s.send(*s.as_moderator, "GET",
                              "/api/v1/audit?limit=2&before=" + audit["next_before"].dump()));
  REQUIRE(older["entries"].size() == 2);
  CHECK(older["entries"][0]["action"] == "hide-revision");
  CHECK(older["entries"][1]["action"] == "protect");
}

TEST_CASE("reports: readers and pupils report, moderators see the queue and resolve") {
  ModServer s;
  auto res = s.server.anonymous().Post("/api/v1/fr/pages/Chat/report",
                                       R"({"reason":"un gros mot <b>"})", "application/json");
  REQUIRE(res);
  CHECK(res->status == 201);
  auto id = json_of(res)["report"]["id"].get<std::int64_t>();
  CHECK(
      s.send(*s.as_pupil, "POST", "/api/v1/fr/pages/Chat/report", R"({"reason":"faux"})")->status ==
      201);
  auto queue = json_of(s.send(*s.as_moderator, "GET", "/api/v1/reports"));
  REQUIRE(queue["reports"].size() == 2);
  CHECK(queue["reports"][0]["reason"] == "un gros mot <b>");
  CHECK(queue["reports"][0]["reporter_name"].is_null());
  CHECK(queue["reports"][1]["reporter_name"] == "Léa");
  auto resolve = "/api/v1/reports/" + std::to_string(id) + "/resolve";
  CHECK(s.send(*s.as_moderator, "POST", resolve, R"({"note":"corrigé"})")->status == 200);
  CHECK(json_of(s.send(*s.as_moderator, "GET", "/api/v1/reports"))["reports"].size() == 1);
  CHECK(s.send(*s.as_moderator, "POST", resolve, R"({"note":"encore"})")->status == 404);
}

TEST_CASE("a flood of reports from one address is stopped with 429") {
  ModServer s;
  int accepted = 0, limited = 0;
  for (int i = 0; i < 8; ++i) {
    auto res = s.server.anonymous().Post("/api/v1/fr/pages/Chat/report", R"({"reason":"spam"})",
                                         "application/json");
    REQUIRE(res);
    if (res->status == 201) ++accepted;
    if (res->status == 429) {
      ++limited;
      CHECK(res->has_header("Retry-After"));
      CHECK(error_code_of(res) == "rate_limited");
    }
  }
  CHECK(accepted == 5);
  CHECK(limited == 3);
  // Another reporter (an account) is counted on its own.
  CHECK(
      s.send(*s.as_pupil, "POST", "/api/v1/fr/pages/Chat/report", R"({"reason":"vrai"})")->status ==
      201);
}

TEST_CASE("filters: an admin reads and replaces the edition's word list") {
  ModServer s;
  auto before = json_of(s.server.client().Get("/api/v1/fr/filters"));
  CHECK(before["lang"] == "fr");
  CHECK(before["text"].get<std::string>().find("connard") != std::string::npos);
  auto put = s.send(s.server.client(), "PUT", "/api/v1/fr/filters",
                    R"({"text":"# liste\nbrocoli refuse\nchou hold\n"})");
  REQUIRE(put);
  CHECK(put->status == 200);
  CHECK(json_of(put)["rules"] == 2);
  CHECK(json_of(s.server.client().Get("/api/v1/fr/filters"))["text"] ==
        "# liste\nbrocoli refuse\nchou hold\n");
  CHECK(s.server.wiki()
            .moderation()
            .content_filter(*s.server.wiki().edition("fr"))
            ->check_text("un brocoli")
            .refused());
}

TEST_CASE("audit: a teacher reads only the log of their own classes") {
  ModServer s;
  auto& classes = s.server.wiki().classes();
  auto mine = classes.create_class(s.server.actor(s.teacher.user.id), "CM2 A", "fr", true);
  REQUIRE(mine.ok());
  auto other = classes.create_class(s.server.actor(s.server.editor().user.id), "CM1 B", "fr", true);
  REQUIRE(other.ok());
  CHECK(s.send(*s.as_teacher, "GET", "/api/v1/audit")->status == 403);
  auto own = s.send(*s.as_teacher, "GET", "/api/v1/audit?class=" + std::to_string(mine->id));
  REQUIRE(own);
  CHECK(own->status == 200);
  const auto entries = json_of(own)["entries"];
  REQUIRE_FALSE(entries.empty());  // the class's creation
  for (const auto& e : entries) CHECK(e["class_id"] == mine->id);
  CHECK(s.send(*s.as_teacher, "GET", "/api/v1/audit?class=" + std::to_string(other->id))->status ==
        403);
  CHECK(
      s.send(*s.as_moderator, "GET", "/api/v1/audit?class=" + std::to_string(other->id))->status ==
      200);
}

TEST_CASE("a deleted page is not written over: saves to its title are refused with 403") {
  ModServer s;
  CHECK(s.send(*s.as_moderator, "POST", "/api/v1/fr/pages/Chat/delete", R"({"reason":"copie"})")
            ->status == 200);
  for (auto* client : {s.as_pupil.get(), s.as_moderator.get(), &s.server.client()}) {
    auto res = client->Put("/api/v1/fr/pages/Chat", R"({"markdown":"Nouveau chat.","summary":""})",
                           "application/json");
    REQUIRE(res);
    CHECK(res->status == 403);
    CHECK(json_of(res)["error"]["message"].get<std::string>().find("supprimée") !=
          std::string::npos);
  }
  CHECK(s.server.anonymous().Get("/api/v1/fr/pages/Chat")->status == 404);
}
