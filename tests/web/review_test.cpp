// The review API: the queue per class and site-wide, one pending revision with its diff, and the
// decisions, with the scope of each role (a teacher reviews their own classes' pupils only).
#include <doctest/doctest.h>

#include "review_fixture.h"

namespace {

using kidwiki::web::testing::error_code_of;
using kidwiki::web::testing::json_of;
using kidwiki::web::testing::ReviewFixture;

httplib::Result post(httplib::Client& client, const std::string& path,
                     const nlohmann::json& body = nlohmann::json::object()) {
  return client.Post(path.c_str(), body.dump(), "application/json");
}

std::string approve_path(std::int64_t id) {
  return "/api/v1/revisions/" + std::to_string(id) + "/approve";
}
std::string reject_path(std::int64_t id) {
  return "/api/v1/revisions/" + std::to_string(id) + "/reject";
}

std::vector<std::string> queue_titles(const httplib::Result& res) {
  std::vector<std::string> titles;
  const auto body = json_of(res);
  for (const auto& page : body["pages"]) titles.push_back(page["title"]);
  return titles;
}

}  // namespace

TEST_CASE("review API: the queue per class and site-wide, with each role's answer") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Tortue verte", "Une tortue.");
  const auto lea = f.pending("Tortue verte", "Une tortue verte.", base, f.pupil);
  f.pending("Loup gris", "Un loup.", std::nullopt, f.other_pupil);
  const std::string own = "/api/v1/review?class=" + std::to_string(f.class_id);
  struct Row {
    const char* who;
    httplib::Client* client;
    std::string path;
    int status;
    std::vector<std::string> titles;
  };
  const Row rows[] = {
      {"teacher, own class", f.as_teacher.get(), own, 200, {"Tortue verte"}},
      {"teacher, own class, en", f.as_teacher.get(), own + "&lang=en", 200, {}},
      {"teacher, site-wide", f.as_teacher.get(), "/api/v1/review", 403, {}},
      {"teacher, other class", f.as_other_teacher.get(), own, 403, {}},
      {"teacher, unknown class", f.as_teacher.get(), "/api/v1/review?class=999", 404, {}},
      {"teacher, bad class", f.as_teacher.get(), "/api/v1/review?class=x", 400, {}},
      {"moderator, site-wide", f.as_moderator.get(), "/api/v1/review", 200,
       {"Tortue verte", "Loup gris"}},
      {"moderator, one class", f.as_moderator.get(), own, 200, {"Tortue verte"}},
      {"admin, site-wide, limit", &f.server.client(), "/api/v1/review?limit=1", 200,
       {"Tortue verte"}},
      {"unknown edition", f.as_moderator.get(), "/api/v1/review?lang=xx", 404, {}},
      {"pupil", f.as_pupil.get(), own, 403, {}},
      {"reader", &f.server.anonymous(), own, 401, {}},
  };
  for (const auto& row : rows) {
    const std::string who = row.who;
    CAPTURE(who);
    auto res = row.client->Get(row.path.c_str());
    REQUIRE(res);
    CHECK(res->status == row.status);
    if (row.status == 200) CHECK(nlohmann::json(queue_titles(res)).dump() == nlohmann::json(row.titles).dump());
  }
  auto res = f.as_teacher->Get(own.c_str());
  const auto item = json_of(res)["pages"][0];
  CHECK(item["revision_id"] == lea);
  CHECK(item["lang"] == "fr");
  CHECK(item["author"] == "Léa");
  CHECK(item["summary"] == "ajout");
  CHECK(item["approved_revision_id"] == base);
  CHECK(item["diff_url"] == "/api/v1/review/" + std::to_string(lea));
}

TEST_CASE("review API: a pending revision with its diff from what readers see") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Tortue verte", "Une tortue.");
  const auto lea = f.pending("Tortue verte", "Une tortue verte.", base, f.pupil);
  const auto fresh = f.pending("Loup gris", "Un loup.", std::nullopt, f.pupil);
  auto res = f.as_teacher->Get(("/api/v1/review/" + std::to_string(lea)).c_str());
  REQUIRE(res);
  REQUIRE(res->status == 200);
  auto body = json_of(res);
  CHECK(body["status"] == "pending");
  CHECK(body["title"] == "Tortue verte");
  CHECK(body["diff"]["from"] == base);
  CHECK(body["diff"]["to"] == lea);
  CHECK(body["diff"]["lines_added"] == 1);
  CHECK(body["diff"]["lines_removed"] == 1);
  auto created = json_of(f.as_teacher->Get(("/api/v1/review/" + std::to_string(fresh)).c_str()));
  CHECK(created["approved_revision_id"].is_null());
  CHECK(created["diff"]["from"].is_null());
  CHECK(created["diff"]["lines_added"] == 1);
  CHECK(f.as_other_teacher->Get(("/api/v1/review/" + std::to_string(lea)).c_str())->status == 403);
  CHECK(f.as_teacher->Get("/api/v1/review/999999")->status == 404);
}

TEST_CASE("review API: approving publishes to readers, the page and the JSON alike") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Tortue verte", "Une tortue.");
  const auto lea = f.pending("Tortue verte", "Une tortue **verte**.", base, f.pupil);
  auto reader_page = [&] { return f.server.anonymous().Get("/fr/wiki/Tortue_verte")->body; };
  auto reader_json = [&] {
    return json_of(f.server.anonymous().Get("/api/v1/fr/pages/Tortue%20verte"))["markdown"];
  };
  CHECK(reader_page().find("<strong>verte</strong>") == std::string::npos);
  CHECK(reader_json() == "Une tortue.");
  auto res = post(*f.as_teacher, approve_path(lea));
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(json_of(res) == nlohmann::json({{"revision_id", lea}, {"status", "approved"}}));
  CHECK(reader_page().find("<strong>verte</strong>") != std::string::npos);
  CHECK(reader_json() == "Une tortue **verte**.");
  CHECK(json_of(f.as_teacher->Get(("/api/v1/review?class=" + std::to_string(f.class_id)).c_str()))
            ["pages"].empty());
  auto again = post(*f.as_teacher, approve_path(lea));
  CHECK(again->status == 400);
}

TEST_CASE("review API: sending back keeps the old text for readers and needs a message") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Tortue verte", "Une tortue.");
  const auto lea = f.pending("Tortue verte", "Une tortue verte.", base, f.pupil);
  CHECK(post(*f.as_teacher, reject_path(lea))->status == 400);
  CHECK(post(*f.as_teacher, reject_path(lea), {{"message", ""}})->status == 400);
  CHECK(post(*f.as_teacher, reject_path(lea), {{"message", std::string(501, 'x')}})->status ==
        400);
  auto res = post(*f.as_teacher, reject_path(lea), {{"message", "Dis-nous d'où vient la couleur."}});
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(json_of(res) == nlohmann::json({{"revision_id", lea}, {"status", "rejected"}}));
  CHECK(json_of(f.server.anonymous().Get("/api/v1/fr/pages/Tortue%20verte"))["markdown"] ==
        "Une tortue.");
  CHECK(post(*f.as_teacher, approve_path(lea))->status == 400);
}

TEST_CASE("review API: who may decide on which revision") {
  ReviewFixture f;
  const auto lea = f.pending("Tortue verte", "Une tortue.", std::nullopt, f.pupil);
  const auto noah = f.pending("Loup gris", "Un loup.", std::nullopt, f.other_pupil);
  struct Row {
    const char* who;
    httplib::Client* client;
    std::string path;
    int status;
    std::string code;
  };
  const Row rows[] = {
      {"teacher of another class", f.as_teacher.get(), approve_path(noah), 403, "forbidden"},
      {"pupil", f.as_pupil.get(), approve_path(lea), 403, "forbidden"},
      {"reader", &f.server.anonymous(), approve_path(lea), 401, "not_logged_in"},
      {"unknown revision", f.as_teacher.get(), approve_path(999999), 404, "not_found"},
      {"bad id", f.as_teacher.get(), "/api/v1/revisions/abc/approve", 400, "invalid_input"},
      {"moderator, any class", f.as_moderator.get(), approve_path(noah), 200, ""},
      {"teacher, own pupil", f.as_teacher.get(), approve_path(lea), 200, ""},
  };
  for (const auto& row : rows) {
    const std::string who = row.who;
    CAPTURE(who);
    auto res = post(*row.client, row.path);
    REQUIRE(res);
    CHECK(res->status == row.status);
    CHECK(error_code_of(res) == row.code);
  }
}

TEST_CASE("review API: a decision without the session's CSRF token changes nothing") {
  ReviewFixture f;
  const auto lea = f.pending("Tortue verte", "Une tortue.", std::nullopt, f.pupil);
  httplib::Client bare("127.0.0.1", f.server.port());
  bare.set_default_headers({{"Cookie", "kidwiki_session=" + f.teacher.token}});
  CHECK(post(bare, approve_path(lea))->status == 403);
  CHECK(f.server.anonymous().Get("/api/v1/fr/pages/Tortue%20verte")->status == 404);
}

namespace {

std::string item_path(std::int64_t id) { return "/api/v1/review/" + std::to_string(id); }

std::string reader_markdown(ReviewFixture& f, const std::string& escaped_title) {
  auto res = f.server.anonymous().Get(("/api/v1/fr/pages/" + escaped_title).c_str());
  if (!res || res->status != 200) return "(none)";
  return json_of(res)["markdown"];
}

httplib::Result form_decision(httplib::Client& client, std::int64_t id, const std::string& body) {
  return client.Post(("/fr/special/review/" + std::to_string(id)).c_str(), body,
                     "application/x-www-form-urlencoded");
}

}  // namespace

TEST_CASE("review API: a hidden revision is shown to moderators only and never published") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Tortue verte", "Une tortue.");
  const auto one = f.pending("Tortue verte", "Une tortue verte.", base, f.pupil);
  const auto two = f.pending("Tortue verte", "Une tortue verte. Léa habite rue des Lilas.", one, f.pupil);
  const auto ed = *f.server.wiki().edition("fr");
  REQUIRE(f.server.wiki().moderation().set_revision_hidden(f.moderator.user.id, ed, two, true, "adresse").ok());
  struct Row {
    const char* who;
    httplib::Client* client;
    std::string method, path, body;
    int status;
  };
  const Row rows[] = {
      {"teacher reads", f.as_teacher.get(), "GET", item_path(two), "", 403},
      {"teacher approves", f.as_teacher.get(), "POST", approve_path(two), "{}", 403},
      {"teacher sends back", f.as_teacher.get(), "POST", reject_path(two), R"({"message":"Non."})", 403},
      {"teacher's form", f.as_teacher.get(), "FORM", "", "action=approve", 403},
      {"moderator reads", f.as_moderator.get(), "GET", item_path(two), "", 200},
      {"moderator approves", f.as_moderator.get(), "POST", approve_path(two), "{}", 409},
      {"moderator's form", f.as_moderator.get(), "FORM", "", "action=approve", 409},
  };
  for (const auto& row : rows) {
    const std::string who = row.who;
    CAPTURE(who);
    auto res = row.method == "GET"    ? row.client->Get(row.path.c_str())
               : row.method == "FORM" ? form_decision(*row.client, two, row.body)
                                      : row.client->Post(row.path.c_str(), row.body, "application/json");
    REQUIRE(res);
    CHECK(res->status == row.status);
    // Only a moderator reads the hidden text.
    CHECK((res->body.find("Lilas") != std::string::npos) == (who == "moderator reads"));
  }
  CHECK(reader_markdown(f, "Tortue%20verte") == "Une tortue.");
  CHECK(f.as_teacher->Get(item_path(one).c_str())->status == 200);
}

TEST_CASE("review API: a teacher cannot decide on another class's pupil's edit underneath") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Ours", "Un ours.");
  const auto noah = f.pending("Ours", "Un ours brun.", base, f.other_pupil);
  const auto lea = f.pending("Ours", "Un ours brun qui dort l'hiver.", noah, f.pupil);
  auto approve = post(*f.as_teacher, approve_path(lea));
  REQUIRE(approve);
  CHECK(approve->status == 409);
  CHECK(error_code_of(approve) == "conflict");
  // The message names the edit underneath (review-error-other-class).
  CHECK(json_of(approve)["error"]["message"].get<std::string>().find(std::to_string(noah)) !=
        std::string::npos);
  CHECK(post(*f.as_teacher, reject_path(lea), {{"message", "Non."}})->status == 409);
  CHECK(form_decision(*f.as_teacher, lea, "action=approve")->status == 409);
  CHECK(reader_markdown(f, "Ours") == "Un ours.");
  CHECK(f.server.wiki().find_edit(noah)->info.review == kidwiki::engine::ReviewState::pending);
  // Noah's teacher reviews Noah's edit first; then Léa's teacher may publish Léa's.
  CHECK(post(*f.as_other_teacher, approve_path(noah))->status == 200);
  CHECK(post(*f.as_teacher, approve_path(lea))->status == 200);
  CHECK(reader_markdown(f, "Ours") == "Un ours brun qui dort l'hiver.");
}

TEST_CASE("review API: a deleted page's revision is out of the queue and cannot be reviewed") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Renard", "Un renard.");
  const auto lea = f.pending("Renard", "Un renard roux.", base, f.pupil);
  const auto ed = *f.server.wiki().edition("fr");
  REQUIRE(f.server.wiki().moderation()
              .delete_page(f.moderator.user.id, ed, f.server.wiki().parse_title(ed, "Renard").value(), "doublon")
              .ok());
  CHECK(queue_titles(f.as_moderator->Get("/api/v1/review")).empty());
  CHECK(f.as_teacher->Get(item_path(lea).c_str())->status == 404);
  CHECK(post(*f.as_teacher, approve_path(lea))->status == 404);
  CHECK(post(*f.as_moderator, approve_path(lea))->status == 404);
}

TEST_CASE("revert API: text never approved is not published by someone else's revert") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Loup", "Le loup hurle.");
  const auto sent = f.pending("Loup", "Le loup est méchant.", base, f.pupil);
  REQUIRE(post(*f.as_teacher, reject_path(sent), {{"message", "Pourquoi ?"}})->status == 200);
  auto revert = post(*f.as_other_teacher, "/api/v1/fr/pages/Loup/revert", {{"revision_id", sent}});
  REQUIRE(revert);
  CHECK(revert->status == 403);
  CHECK(error_code_of(revert) == "forbidden");
  CHECK(reader_markdown(f, "Loup") == "Le loup hurle.");
  CHECK(post(*f.as_other_teacher, "/api/v1/fr/pages/Loup/revert", {{"revision_id", base}})->status ==
        200);
}

TEST_CASE("hide API: the only approved revision cannot be hidden, so the page stays published") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Hibou", "Le hibou hulule.");
  f.pending("Hibou", "Le hibou hulule la nuit.", base, f.pupil);
  auto hide = post(*f.as_moderator, "/api/v1/fr/revisions/" + std::to_string(base) + "/hide",
                   {{"hidden", true}, {"reason", "adresse"}});
  REQUIRE(hide);
  CHECK(hide->status == 400);
  CHECK(error_code_of(hide) == "invalid_input");
  CHECK(reader_markdown(f, "Hibou") == "Le hibou hulule.");
}
