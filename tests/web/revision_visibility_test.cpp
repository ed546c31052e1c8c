// A revision that waits for review, or was sent back, exists only for its author and those who
// review it: every route that shows revisions (old revision, diff, revert form, history, recent
// changes, the JSON API) hides it from everyone else.
#include <doctest/doctest.h>

#include "html_test_util.h"
#include "test_server.h"

using namespace kidwiki::web::testing;
using kidwiki::engine::Role;

namespace {

const std::string kSecret = "SECRET-PENDING-SUMMARY";

struct Scene {
  TestServer server;
  TestLogin teacher = server.login_as("Ms Grey", Role::teacher);
  std::int64_t class_id = make_class();
  TestLogin author = server.login_as("Léa", Role::pupil, class_id);
  TestLogin classmate = server.login_as("Tom", Role::pupil, class_id);
  TestLogin moderator = server.login_as("Mod", Role::moderator);
  TestLogin other_teacher = server.login_as("Mr Blue", Role::teacher);
  std::int64_t approved = server.save("en", "Tiger", "Tigers are big cats.");
  std::int64_t pending = save_pending();

  std::int64_t make_class() {
    auto made =
        server.wiki().classes().create_class(server.actor(teacher.user.id), "CM2", "en", true);
    REQUIRE(made);
    return made->id;
  }
  std::int64_t save_pending() {
    nlohmann::json body = {{"markdown", "Tigers are big cats. Pending words."},
                           {"summary", kSecret},
                           {"base_revision_id", approved}};
    auto res = server.client_for(author)->Put("/api/v1/en/pages/Tiger", body.dump(),
                                              "application/json");
    REQUIRE(res);
    REQUIRE(json_of(res)["status"] == "pending");
    return json_of(res)["revision_id"].get<std::int64_t>();
  }
};

// The paths that show revision `id` of Tiger, and whether they name it in a list instead.
std::vector<std::string> single_paths(std::int64_t id, std::int64_t approved) {
  const std::string n = std::to_string(id);
  return {"/api/v1/en/revisions/" + n,
          "/api/v1/en/diff?from=" + std::to_string(approved) + "&to=" + n,
          "/en/wiki/Tiger?oldid=" + n,
          "/en/wiki/Tiger?diff=" + n,
          "/en/wiki/Tiger?action=revert&oldid=" + n};
}

// A revision that does not exist for the caller: 404; a reader asking for a form that changes a
// page is sent to the login page first.
bool refused(const httplib::Result& res, bool reader) {
  return res->status == 404 || (reader && res->status == 303);
}

const std::vector<std::string> kListPaths = {"/api/v1/en/pages/Tiger/history", "/api/v1/en/recent",
                                             "/en/wiki/Tiger?action=history", "/en/special/recent"};

}  // namespace

TEST_CASE("a pending revision is shown to its author and reviewers, to nobody else") {
  Scene s;
  struct Row {
    const char* who;
    std::unique_ptr<httplib::Client> own;
    bool sees;
  };
  Row rows[] = {{"reader", nullptr, false},
                {"classmate", s.server.client_for(s.classmate), false},
                {"another class's teacher", s.server.client_for(s.other_teacher), false},
                {"author", s.server.client_for(s.author), true},
                {"the class's teacher", s.server.client_for(s.teacher), true},
                {"moderator", s.server.client_for(s.moderator), true}};
  for (auto& row : rows) {
    CAPTURE(row.who);
    httplib::Client& client = row.own ? *row.own : s.server.anonymous();
    for (const auto& path : single_paths(s.pending, s.approved)) {
      CAPTURE(path);
      auto res = client.Get(path.c_str());
      REQUIRE(res);
      CHECK((res->status == 200) == row.sees);
      if (!row.sees) CHECK(refused(res, row.own == nullptr));
      if (!row.sees) CHECK_FALSE(has(res->body, "Pending words"));
    }
    for (const auto& path : kListPaths) {
      CAPTURE(path);
      auto res = client.Get(path.c_str());
      REQUIRE(res);
      CHECK(res->status == 200);
      CHECK(has(res->body, kSecret) == row.sees);
    }
  }
}

TEST_CASE("a sent-back revision disappears for readers, and stays for its author") {
  Scene s;
  REQUIRE(s.server.wiki().reject(s.server.actor(s.teacher.user.id), *s.server.wiki().edition("en"),
                                 s.pending, "Say where you read it."));
  auto author = s.server.client_for(s.author);
  for (const auto& path : single_paths(s.pending, s.approved)) {
    CAPTURE(path);
    CHECK(refused(s.server.anonymous().Get(path.c_str()), true));
    CHECK(author->Get(path.c_str())->status == 200);
  }
  CHECK_FALSE(has(s.server.anonymous().Get("/api/v1/en/recent")->body, kSecret));
  CHECK(has(author->Get("/api/v1/en/recent")->body, kSecret));
}

TEST_CASE("someone else's pending text is neither merged into a save nor shown in a conflict") {
  Scene s;
  auto classmate = s.server.client_for(s.classmate);
  // Tom edits the published text while Léa's edit waits: his save is built on what he sees.
  nlohmann::json body = {{"markdown", "Tigers are huge cats, says Tom."},
                         {"summary", "Tom"},
                         {"base_revision_id", s.approved}};
  auto saved = classmate->Put("/api/v1/en/pages/Tiger", body.dump(), "application/json");
  REQUIRE(saved);
  CHECK(saved->status == 200);
  CHECK(json_of(saved)["status"] == "pending");
  CHECK(json_of(saved)["saved"] == "saved");
  const std::int64_t tom = json_of(saved)["revision_id"];
  auto mine = classmate->Get(("/api/v1/en/revisions/" + std::to_string(tom)).c_str());
  REQUIRE(mine->status == 200);
  CHECK(json_of(mine)["markdown"] == "Tigers are huge cats, says Tom.");
  CHECK(json_of(mine)["review"] == "pending");
  // Their teacher's own save is published at once, and publishes neither pupil's edit.
  auto teacher = s.server.client_for(s.teacher);
  body = {
      {"markdown", "Tigers are striped cats."}, {"summary", ""}, {"base_revision_id", s.approved}};
  auto published = teacher->Put("/api/v1/en/pages/Tiger", body.dump(), "application/json");
  REQUIRE(published->status == 200);
  CHECK(json_of(published)["status"] == "saved");
  CHECK(json_of(published)["review"] == "approved");
  CHECK(json_of(s.server.anonymous().Get("/api/v1/en/pages/Tiger"))["markdown"] ==
        "Tigers are striped cats.");
  for (std::int64_t id : {s.pending, tom}) {
    CAPTURE(id);
    auto still = teacher->Get(("/api/v1/en/revisions/" + std::to_string(id)).c_str());
    CHECK(json_of(still)["review"] == "pending");
  }
  // Tom's old tab (based on the text his own edit started from) is merged with his own pending
  // edit: the same line, so the conflict shows his own text, never Léa's.
  auto form = post_form(*classmate, "/en/wiki/Tiger",
                        {{"action", "submit"},
                         {"wpTextbox", "Tigers are small cats, says Tom."},
                         {"wpBaseRevId", std::to_string(s.approved)}});
  REQUIRE(form);
  CHECK(form->status == 409);
  CHECK(has(form->body, "Tigers are small cats, says Tom."));
  CHECK(has(between(form->body, "id=\"wpCurrentText\"", "</textarea>"),
            "Tigers are huge cats, says Tom."));
  CHECK_FALSE(has(form->body, "Pending words"));
  CHECK_FALSE(has(form->body, kSecret));
  // Going on from his own text meets what the teacher published on the same line: that text,
  // which everyone may see, is shown; never Léa's.
  form = post_form(*classmate, "/en/wiki/Tiger",
                   {{"action", "submit"},
                    {"wpTextbox", "Tigers are small cats, says Tom."},
                    {"wpBaseRevId", std::to_string(tom)}});
  REQUIRE(form);
  CHECK(form->status == 409);
  CHECK(
      has(between(form->body, "id=\"wpCurrentText\"", "</textarea>"), "Tigers are striped cats."));
  CHECK_FALSE(has(form->body, kSecret));
  // Tom's edit form goes on from his own pending text, not Léa's.
  auto edit = classmate->Get("/en/wiki/Tiger?action=edit");
  CHECK(has(edit->body, "Tigers are huge cats, says Tom."));
  CHECK_FALSE(has(edit->body, "Pending words"));
}
