// The review API: the queue per class and site-wide, one pending revision with its diff, and the
// decisions, with the scope of each role (a teacher reviews their own classes' pupils only; any
// other pupil's pending edit does not exist for them). Each author's work on a page is a line of
// its own, published merged with what was published since it started.
#include <doctest/doctest.h>

#include "i18n/messages.h"
#include "review_fixture.h"

namespace {

using kidwiki::web::testing::error_code_of;
using kidwiki::web::testing::json_of;
using kidwiki::web::testing::ReviewFixture;
using kidwiki::web::testing::TestServer;

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

// Whether the error of `res` is message `id` (in either demo edition's language).
bool says(const httplib::Result& res, const std::string& id,
          const kidwiki::i18n::MessageArgs& args = {}) {
  const auto body = json_of(res);
  if (!body.is_object() || !body.contains("error")) return false;
  const std::string message = body["error"].value("message", "");
  for (const char* lang : {"fr", "en"}) {
    if (message == kidwiki::i18n::Messages::builtin().format(lang, id, args)) return true;
  }
  return false;
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
      // Without a class, a teacher's queue holds their own pupils' edits, from every class.
      {"teacher, site-wide", f.as_teacher.get(), "/api/v1/review", 200, {"Tortue verte"}},
      {"other teacher, site-wide", f.as_other_teacher.get(), "/api/v1/review", 200, {"Loup gris"}},
      {"teacher, other class", f.as_other_teacher.get(), own, 403, {}},
      {"teacher, unknown class", f.as_teacher.get(), "/api/v1/review?class=999", 404, {}},
      {"teacher, bad class", f.as_teacher.get(), "/api/v1/review?class=x", 400, {}},
      {"moderator, site-wide",
       f.as_moderator.get(),
       "/api/v1/review",
       200,
       {"Tortue verte", "Loup gris"}},
      {"moderator, one class", f.as_moderator.get(), own, 200, {"Tortue verte"}},
      {"admin, site-wide, limit",
       &f.server.client(),
       "/api/v1/review?limit=1",
       200,
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
  CHECK(body["summaries"] == nlohmann::json::array({"ajout"}));
  CHECK(body["overlaps"] == false);
  auto created = json_of(f.as_teacher->Get(("/api/v1/review/" + std::to_string(fresh)).c_str()));
  CHECK(created["approved_revision_id"].is_null());
  CHECK(created["diff"]["from"].is_null());
  CHECK(created["diff"]["lines_added"] == 1);
  // Léa's pending edit does not exist for another class's teacher.
  auto other = f.as_other_teacher->Get(("/api/v1/review/" + std::to_string(lea)).c_str());
  CHECK(other->status == 404);
  CHECK(other->body.find("tortue verte") == std::string::npos);
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
  // A second decision on a decided revision: 409, naming who decided first.
  for (auto* client : {f.as_teacher.get(), f.as_moderator.get()}) {
    auto again = post(*client, approve_path(lea));
    CHECK(again->status == 409);
    CHECK(says(again, "review-error-already-reviewed", {{"reviewer", "Madame Martin"}}));
    CHECK(post(*client, reject_path(lea), {{"message", "Non."}})->status == 409);
  }
  CHECK(reader_json() == "Une tortue **verte**.");
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
  auto approve = post(*f.as_teacher, approve_path(lea));
  CHECK(approve->status == 409);
  CHECK(says(approve, "review-error-already-reviewed", {{"reviewer", "Madame Martin"}}));
  CHECK(json_of(f.server.anonymous().Get("/api/v1/fr/pages/Tortue%20verte"))["markdown"] ==
        "Une tortue.");
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
      // Noah's pending edit does not exist for Léa's teacher.
      {"teacher of another class", f.as_teacher.get(), approve_path(noah), 404, "not_found"},
      {"pupil", f.as_pupil.get(), approve_path(lea), 403, "forbidden"},
      {"reader", &f.server.anonymous(), approve_path(lea), 401, "not_logged_in"},
      {"unknown revision", f.as_teacher.get(), approve_path(999999), 404, "not_found"},
      {"bad id", f.as_teacher.get(), "/api/v1/revisions/abc/approve", 400, "invalid_input"},
      {"moderator, any class", f.as_moderator.get(), approve_path(noah), 200, ""},
      {"teacher, own pupil", f.as_teacher.get(), approve_path(lea), 200, ""},
  };
  auto sent_back = post(*f.as_teacher, reject_path(noah), {{"message", "Non."}});
  CHECK(sent_back->status == 404);
  CHECK(error_code_of(sent_back) == "not_found");
  for (const auto& row : rows) {
    const std::string who = row.who;
    CAPTURE(who);
    auto res = post(*row.client, row.path);
    REQUIRE(res);
    CHECK(res->status == row.status);
    CHECK(error_code_of(res) == row.code);
  }
}

TEST_CASE(
    "review API: a pupil's stacked edits are one item; approving the newest supersedes them") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Tortue verte", "Une tortue.");
  const auto one = f.pending("Tortue verte", "Une tortue verte.", base, f.pupil);
  const auto two = f.pending("Tortue verte", "Une tortue verte qui nage.", one, f.pupil);
  const std::string own = "/api/v1/review?class=" + std::to_string(f.class_id);
  auto queue = json_of(f.as_teacher->Get(own.c_str()));
  REQUIRE(queue["pages"].size() == 1);
  CHECK(queue["pages"][0]["revision_id"] == two);
  auto detail = json_of(f.as_teacher->Get(("/api/v1/review/" + std::to_string(two)).c_str()));
  CHECK(detail["summaries"] == nlohmann::json::array({"ajout", "ajout"}));
  CHECK(detail["diff"]["from"] == base);
  REQUIRE(post(*f.as_teacher, approve_path(two))->status == 200);
  CHECK(json_of(f.server.anonymous().Get("/api/v1/fr/pages/Tortue%20verte"))["markdown"] ==
        "Une tortue verte qui nage.");
  CHECK(json_of(f.as_teacher->Get(own.c_str()))["pages"].empty());
  auto revision = [&](std::int64_t id) {
    return json_of(f.as_teacher->Get(("/api/v1/fr/revisions/" + std::to_string(id)).c_str()));
  };
  CHECK(revision(two)["review"] == "approved");
  // The older revision was reviewed with the newer one: never published, never decided again.
  CHECK(revision(one)["review"] == "pending");
  auto again = post(*f.as_moderator, approve_path(one));
  CHECK((again->status == 400 || again->status == 409));
  CHECK(json_of(f.server.anonymous().Get("/api/v1/fr/pages/Tortue%20verte"))["markdown"] ==
        "Une tortue verte qui nage.");
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
  REQUIRE(f.server.wiki()
              .moderation()
              .set_revision_hidden(f.server.actor(f.moderator.user.id), ed, two, true, "adresse")
              .ok());
  struct Row {
    const char* who;
    httplib::Client* client;
    std::string method, path, body;
    int status;
  };
  const Row rows[] = {
      {"teacher reads", f.as_teacher.get(), "GET", item_path(two), "", 403},
      {"teacher approves", f.as_teacher.get(), "POST", approve_path(two), "{}", 403},
      {"teacher sends back", f.as_teacher.get(), "POST", reject_path(two), R"({"message":"Non."})",
       403},
      {"teacher's form", f.as_teacher.get(), "FORM", "", "action=approve", 403},
      {"moderator reads", f.as_moderator.get(), "GET",
       "/api/v1/fr/revisions/" + std::to_string(two), "", 200},
      // Hidden text is never reviewed: a review would publish it or send it to its author.
      {"moderator's review", f.as_moderator.get(), "GET", item_path(two), "", 409},
      {"moderator approves", f.as_moderator.get(), "POST", approve_path(two), "{}", 409},
      {"moderator sends back", f.as_moderator.get(), "POST", reject_path(two),
       R"({"message":"Non."})", 409},
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

TEST_CASE("review API: two pupils' edits of one page are two lines, each published on its own") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Ours", "Un ours.\n\nIl mange du miel.");
  const auto noah = f.pending("Ours", "Un ours brun.\n\nIl mange du miel.", base, f.other_pupil);
  // Noah's pending text is not Léa's to see, so not hers to build on either.
  const std::string lea_text = "Un ours.\n\nIl mange du miel et des baies.";
  auto on_noah =
      f.as_pupil->Put("/api/v1/fr/pages/Ours",
                      nlohmann::json{{"markdown", lea_text}, {"base_revision_id", noah}}.dump(),
                      "application/json");
  CHECK(on_noah->status == 404);
  // From what readers see, Léa's save is built on the published text: not merged with Noah's.
  auto saved =
      f.as_pupil->Put("/api/v1/fr/pages/Ours",
                      nlohmann::json{{"markdown", lea_text}, {"base_revision_id", base}}.dump(),
                      "application/json");
  REQUIRE(saved->status == 200);
  CHECK(json_of(saved)["status"] == "pending");
  CHECK(json_of(saved)["saved"] == "saved");
  const std::int64_t lea = json_of(saved)["revision_id"];
  auto own = f.as_pupil->Get("/fr/wiki/Ours?action=edit");
  CHECK(own->body.find("et des baies") != std::string::npos);
  CHECK(own->body.find("brun") == std::string::npos);

  // Each teacher's queue holds their own pupil's line; a moderator's holds both.
  auto queue_ids = [](const httplib::Result& res) {
    std::string ids;
    const auto queue = json_of(res);
    for (const auto& page : queue["pages"]) {
      ids += std::to_string(page["revision_id"].get<std::int64_t>()) + " ";
    }
    return ids;
  };
  const std::string lea_id = std::to_string(lea) + " ", noah_id = std::to_string(noah) + " ";
  CHECK(queue_ids(f.as_teacher->Get("/api/v1/review")) == lea_id);
  CHECK(queue_ids(f.as_other_teacher->Get("/api/v1/review")) == noah_id);
  CHECK(queue_ids(f.as_moderator->Get("/api/v1/review")) == noah_id + lea_id);
  // Léa's teacher can neither read nor decide on Noah's line.
  CHECK(f.as_teacher->Get(item_path(noah).c_str())->status == 404);
  CHECK(post(*f.as_teacher, approve_path(noah))->status == 404);
  CHECK(f.server.wiki().find_edit(TestServer::console(), noah)->info.review ==
        kidwiki::engine::ReviewState::pending);

  REQUIRE(post(*f.as_teacher, approve_path(lea))->status == 200);
  CHECK(reader_markdown(f, "Ours") == lea_text);
  // Noah's line is published merged with what was published since he started.
  auto detail = json_of(f.as_other_teacher->Get(item_path(noah).c_str()));
  CHECK(detail["overlaps"] == false);
  CHECK(detail["diff"]["lines_added"] == 1);
  CHECK(detail["diff"]["lines_removed"] == 1);
  CHECK(post(*f.as_other_teacher, approve_path(noah))->status == 200);
  CHECK(reader_markdown(f, "Ours") == "Un ours brun.\n\nIl mange du miel et des baies.");
}

TEST_CASE("review API: a line that overlaps what was published since is sent back, not approved") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Renard", "Un renard.");
  const auto noah = f.pending("Renard", "Un renard roux.", base, f.other_pupil);
  const auto lea = f.pending("Renard", "Un renard rusé.", base, f.pupil);
  REQUIRE(post(*f.as_teacher, approve_path(lea))->status == 200);
  auto detail = json_of(f.as_other_teacher->Get(item_path(noah).c_str()));
  CHECK(detail["overlaps"] == true);
  auto approve = post(*f.as_other_teacher, approve_path(noah));
  REQUIRE(approve);
  CHECK(approve->status == 409);
  CHECK(error_code_of(approve) == "conflict");
  CHECK(says(approve, "review-error-overlap", {{"id", noah}}));
  CHECK(reader_markdown(f, "Renard") == "Un renard rusé.");
  CHECK(post(*f.as_other_teacher, reject_path(noah), {{"message", "Relis la page."}})->status ==
        200);
  CHECK(reader_markdown(f, "Renard") == "Un renard rusé.");
  // Noah goes on from his own sent-back text.
  auto form = f.as_other_pupil->Get("/fr/wiki/Renard?action=edit");
  CHECK(form->body.find("Un renard roux.") != std::string::npos);
}

TEST_CASE("review API: a deleted page's revision is out of the queue and cannot be reviewed") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Renard", "Un renard.");
  const auto lea = f.pending("Renard", "Un renard roux.", base, f.pupil);
  const auto ed = *f.server.wiki().edition("fr");
  REQUIRE(f.server.wiki()
              .moderation()
              .delete_page(f.server.actor(f.moderator.user.id), ed,
                           f.server.wiki().parse_title(ed, "Renard").value(), "doublon")
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
  // Léa's teacher sees the sent-back text but may not publish it; for another teacher it does not
  // exist.
  auto revert = post(*f.as_teacher, "/api/v1/fr/pages/Loup/revert", {{"revision_id", sent}});
  REQUIRE(revert);
  CHECK(revert->status == 403);
  CHECK(error_code_of(revert) == "forbidden");
  revert = post(*f.as_other_teacher, "/api/v1/fr/pages/Loup/revert", {{"revision_id", sent}});
  REQUIRE(revert);
  CHECK(revert->status == 404);
  CHECK(error_code_of(revert) == "not_found");
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

TEST_CASE("review API: why an edit waits, and the held words marked in the diff") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Tortue verte", "Une tortue.");
  const auto lea =
      f.pending("Tortue verte", "Une tortue.\nMon insta c’est @lea_2014.", base, f.pupil);
  auto body = json_of(f.as_teacher->Get(("/api/v1/review/" + std::to_string(lea)).c_str()));
  REQUIRE(body["held"].size() == 1);
  CHECK(body["held"][0]["rule"] == "social");
  CHECK(body["held"][0]["field"] == "text");
  CHECK(body["held"][0]["excerpt"] == "@lea_2014");
  CHECK(body["held"][0]["start"] == 28);
  int held_segments = 0;
  for (const auto& row : body["diff"]["rows"]) {
    for (const auto& seg : row["right"]) {
      if (seg.value("held", false)) {
        ++held_segments;
        CHECK(seg["text"] == "@lea_2014");
      }
    }
  }
  CHECK(held_segments == 1);
  const auto plain = f.pending("Loup gris", "Un loup.", std::nullopt, f.pupil);
  auto quiet = json_of(f.as_teacher->Get(("/api/v1/review/" + std::to_string(plain)).c_str()));
  CHECK(quiet["held"] == nlohmann::json::array());
}
