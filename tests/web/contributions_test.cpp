// Contributions over HTTP: Special:Contributions and GET /api/v1/users/{user}/contributions for
// every account with the revision visibility rules, and a class's "who wrote what" page and API
// for its teacher (and moderators), refused to another class's teacher.
#include <doctest/doctest.h>

#include "html_test_util.h"
#include "review_fixture.h"

namespace {

using kidwiki::web::testing::has;
using kidwiki::web::testing::html_escaped;
using kidwiki::web::testing::page_msg;
using kidwiki::web::testing::ReviewFixture;
using nlohmann::json;

// Léa (pupil of the teacher's class) wrote "Tortue verte", approved, then saved again (pending);
// the admin "Editor" added a sentence to the page.
struct ContributionsFixture : ReviewFixture {
  std::int64_t published = 0, waiting = 0;
  ContributionsFixture() {
    const auto first = pending("Tortue verte", "Une tortue nage dans la mer.", std::nullopt, pupil);
    approve(first);
    published = first;
    const auto adult = server.save("fr", "Tortue_verte",
                                   "Une tortue nage dans la mer.\n\nElle pond sur la plage.", first);
    waiting = pending("Tortue verte",
                      "Une tortue verte nage dans la mer.\n\nElle pond sur la plage.", adult, pupil);
  }
  void approve(std::int64_t revision) {
    auto& wiki = server.wiki();
    REQUIRE(wiki.approve(server.actor(teacher.user.id), *wiki.edition("fr"), revision).ok());
  }
  std::string lea_path() const { return "/fr/special/contributions/L%C3%A9a"; }
};

json body_of(const httplib::Result& res) {
  REQUIRE(res);
  return json::parse(res->body);
}

std::vector<std::int64_t> ids_of(const json& body) {
  std::vector<std::int64_t> ids;
  for (const auto& c : body.at("contributions")) ids.push_back(c.at("id").get<std::int64_t>());
  return ids;
}

}  // namespace

TEST_CASE("contributions API: what each caller may see of a pupil's revisions") {
  ContributionsFixture f;
  const std::string path = "/api/v1/users/" + std::to_string(f.pupil.user.id) + "/contributions";
  auto reader = body_of(f.server.anonymous().Get(path.c_str()));
  CHECK(reader.at("user").at("username") == "Léa");
  CHECK(ids_of(reader) == std::vector<std::int64_t>{f.published});
  CHECK(reader.at("contributions")[0].at("page_title") == "Tortue verte");
  CHECK(reader.at("contributions")[0].at("lang") == "fr");
  CHECK(reader.at("contributions")[0].at("current") == false);  // the adult's text is current
  CHECK(reader.at("contributions")[0].at("review") == "approved");
  CHECK(reader.at("next_before").is_null());
  CHECK(ids_of(body_of(f.as_other_teacher->Get(path.c_str()))) ==
        std::vector<std::int64_t>{f.published});
  CHECK(ids_of(body_of(f.as_other_pupil->Get(path.c_str()))) ==
        std::vector<std::int64_t>{f.published});
  const std::vector<std::int64_t> both = {f.waiting, f.published};
  CHECK(ids_of(body_of(f.as_pupil->Get(path.c_str()))) == both);
  CHECK(ids_of(body_of(f.as_teacher->Get(path.c_str()))) == both);
  auto teacher = body_of(f.as_teacher->Get(path.c_str()));
  CHECK(teacher.at("contributions")[0].at("review") == "pending");

  // By name (percent-encoded, or with "_" for a space), with paging.
  auto by_name = body_of(f.as_teacher->Get("/api/v1/users/L%C3%A9a/contributions?limit=1"));
  CHECK(ids_of(by_name) == std::vector<std::int64_t>{f.waiting});
  REQUIRE(by_name.at("next_before").is_number());
  const std::string older = "/api/v1/users/L%C3%A9a/contributions?limit=1&before=" +
                            std::to_string(by_name.at("next_before").get<std::int64_t>());
  CHECK(ids_of(body_of(f.as_teacher->Get(older.c_str()))) ==
        std::vector<std::int64_t>{f.published});
  auto spaced = f.server.anonymous().Get("/api/v1/users/Madame_Martin/contributions");
  REQUIRE(spaced);
  CHECK(spaced->status == 200);
  CHECK(body_of(spaced).at("user").at("username") == "Madame Martin");
}

TEST_CASE("contributions API: bad input is a 4xx with a message") {
  ContributionsFixture f;
  struct Row {
    const char* path;
    int status;
  };
  const Row rows[] = {
      {"/api/v1/users/Personne/contributions", 404},
      {"/api/v1/users/999999/contributions", 404},
      {"/api/v1/users/L%C3%A9a/contributions?limit=abc", 400},
      {"/api/v1/users/L%C3%A9a/contributions?before=-3", 400},
      {"/api/v1/users/L%C3%A9a/contributions?before=0", 400},
      {"/api/v1/users/%FF%FE/contributions", 400},
      {"/api/v1/classes/abc/contributions", 400},
      {"/api/v1/classes/999999/contributions", 404},
  };
  for (const Row& row : rows) {
    CAPTURE(row.path);
    auto res = f.as_teacher->Get(row.path);
    REQUIRE(res);
    CHECK(res->status == row.status);
    CHECK(json::parse(res->body).at("error").at("message").get<std::string>() != "");
  }
}

TEST_CASE("class contributions API: pages, edits and surviving words, for the class's teacher") {
  ContributionsFixture f;
  const std::string path = "/api/v1/classes/" + std::to_string(f.class_id) + "/contributions";
  auto res = f.as_teacher->Get(path.c_str());
  REQUIRE(res);
  REQUIRE(res->status == 200);
  auto body = json::parse(res->body);
  CHECK(body.at("class").at("name") == "CM1 A");
  REQUIRE(body.at("pupils").size() == 1);
  const auto& lea = body.at("pupils")[0];
  CHECK(lea.at("username") == "Léa");
  CHECK(lea.at("edits") == 2);
  CHECK(lea.at("words") == 6);  // "Une tortue nage dans la mer"; the pending edit adds none
  REQUIRE(lea.at("pages").size() == 1);
  CHECK(lea.at("pages")[0].at("title") == "Tortue verte");
  CHECK(lea.at("pages")[0].at("total_words") == 11);
  REQUIRE(body.at("pages").size() == 1);
  const auto& page = body.at("pages")[0];
  CHECK(page.at("total_words") == 11);
  CHECK(page.at("other_words") == 5);  // the adult's sentence
  CHECK(page.at("complete") == true);
  CHECK(page.at("pupils")[0].at("words") == 6);
  CHECK(body.at("pages_left_out") == false);

  CHECK(f.as_moderator->Get(path.c_str())->status == 200);
  CHECK(f.as_other_teacher->Get(path.c_str())->status == 403);
  CHECK(f.as_pupil->Get(path.c_str())->status == 403);
  CHECK(f.server.anonymous().Get(path.c_str())->status == 401);
}

TEST_CASE("Special:Contributions: the list with its links, as each caller may see it") {
  ContributionsFixture f;
  auto reader = f.server.anonymous().Get(f.lea_path().c_str());
  REQUIRE(reader);
  REQUIRE(reader->status == 200);
  CHECK(has(reader->body, "Léa"));
  CHECK(has(reader->body, "/fr/wiki/Tortue_verte?oldid=" + std::to_string(f.published)));
  CHECK(has(reader->body, "/fr/wiki/Tortue_verte?action=history"));
  CHECK_FALSE(has(reader->body, "oldid=" + std::to_string(f.waiting)));
  CHECK_FALSE(has(reader->body, page_msg("fr", "review-state-pending")));

  auto teacher = f.as_teacher->Get(f.lea_path().c_str());
  REQUIRE(teacher->status == 200);
  CHECK(has(teacher->body, "oldid=" + std::to_string(f.waiting)));
  CHECK(has(teacher->body, "diff=" + std::to_string(f.waiting)));
  CHECK(has(teacher->body, page_msg("fr", "review-state-pending")));
  CHECK(has(teacher->body, page_msg("fr", "contributions-new-page")));

  // A summary is text, never markup.
  auto& wiki = f.server.wiki();
  const auto ed = *wiki.edition("fr");
  auto current = wiki.read(f.server.actor(f.pupil.user.id), ed,
                           wiki.parse_title(ed, "Tortue verte").value(), false);
  REQUIRE(current.ok());
  auto saved = wiki.save(f.server.actor(f.teacher.user.id), ed,
                         wiki.parse_title(ed, "Tortue verte").value(),
                         kidwiki::engine::SaveRequest{"Une tortue.", "<script>alert(1)</script>",
                                             current->revision.id});
  REQUIRE(saved.ok());
  auto mine = f.server.anonymous().Get("/fr/special/contributions/Madame%20Martin");
  REQUIRE(mine->status == 200);
  CHECK(has(mine->body, html_escaped("<script>alert(1)</script>")));
  CHECK_FALSE(has(mine->body, "<script>alert(1)"));
  CHECK(has(mine->body, page_msg("fr", "contributions-current")));

  // A history's author names lead here.
  auto history = f.server.anonymous().Get("/fr/wiki/Tortue_verte?action=history");
  CHECK(has(history->body, "href=\"/fr/special/contributions/L%C3%A9a\""));
  CHECK(has(history->body, "href=\"/fr/special/contributions/Madame%20Martin\""));
}

TEST_CASE("Special:Contributions: unknown accounts, bad paging and an empty list") {
  ContributionsFixture f;
  CHECK(f.server.anonymous().Get("/fr/special/contributions/Personne")->status == 404);
  CHECK(f.server.anonymous().Get((f.lea_path() + "?before=abc").c_str())->status == 400);
  auto empty = f.server.anonymous().Get("/fr/special/contributions/Modo");
  REQUIRE(empty->status == 200);
  CHECK(has(empty->body, page_msg("fr", "contributions-none", {{"name", "Modo"}})));
}

TEST_CASE("class contributions page: the teacher's table, links, sorting and refusals") {
  ContributionsFixture f;
  const std::string path =
      "/fr/special/class/" + std::to_string(f.class_id) + "/contributions";
  auto page = f.as_teacher->Get(path.c_str());
  REQUIRE(page);
  REQUIRE(page->status == 200);
  CHECK(has(page->body, "<bdi class=\"pupil-name\">Léa</bdi>"));
  CHECK(has(page->body, "<td class=\"number pupil-words\">6</td>"));
  CHECK(has(page->body, "<td class=\"number pupil-edits\">2</td>"));
  CHECK(has(page->body, "href=\"/fr/special/contributions/L%C3%A9a\""));
  CHECK(has(page->body, page_msg("fr", "contributions-page-words", {{"count", std::int64_t{11}}})));
  CHECK(has(page->body, page_msg("fr", "contributions-others")));
  CHECK(has(page->body, page_msg("fr", "contributions-share", {{"percent", std::int64_t{55}}})));
  CHECK(f.as_teacher->Get((path + "?sort=words").c_str())->status == 200);
  auto bad_sort = f.as_teacher->Get((path + "?sort=%3Cx%3E").c_str());
  CHECK(bad_sort->status == 400);
  CHECK(has(bad_sort->body, page_msg("fr", "contributions-error-sort")));

  // The class dashboard links to it and to each pupil's contributions.
  auto dashboard = f.as_teacher->Get(("/fr/special/class/" + std::to_string(f.class_id)).c_str());
  CHECK(has(dashboard->body, "href=\"" + path + "\""));
  CHECK(has(dashboard->body, "href=\"/fr/special/contributions/L%C3%A9a\""));

  CHECK(f.as_moderator->Get(path.c_str())->status == 200);
  CHECK(f.as_other_teacher->Get(path.c_str())->status == 403);
  CHECK(f.as_pupil->Get(path.c_str())->status == 403);
  auto reader = f.server.anonymous().Get(path.c_str());
  CHECK(reader->status == 303);
  CHECK(f.as_teacher->Get("/fr/special/class/abc/contributions")->status == 400);
  CHECK(f.as_teacher->Get("/fr/special/class/999999/contributions")->status == 404);
}
