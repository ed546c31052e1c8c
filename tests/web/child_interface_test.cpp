// Issue 12, "a child's interface": pupils see only what they may use, and the small things a
// child trips over are fixed.
#include <doctest/doctest.h>

#include "html_test_util.h"
#include "review_fixture.h"

using namespace kidwiki::web::testing;

namespace {

std::string tabs_of(const std::string& body) {
  return between(body, "<nav class=\"page-tabs\"", "</nav>");
}

}  // namespace

TEST_CASE("a pupil sees no Move tab; those who may move a page do") {
  ReviewFixture f;
  f.server.save("fr", "Tigre", "Le tigre est un félin.");
  auto as_pupil = f.as_pupil->Get("/fr/wiki/Tigre");
  REQUIRE(as_pupil);
  CHECK(has(tabs_of(as_pupil->body), page_msg("fr", "web-tab-edit")));
  CHECK_FALSE(has(tabs_of(as_pupil->body), page_msg("fr", "web-tab-move")));
  auto as_teacher = f.as_teacher->Get("/fr/wiki/Tigre");
  REQUIRE(as_teacher);
  CHECK(has(tabs_of(as_teacher->body), page_msg("fr", "web-tab-move")));
}

TEST_CASE("'What links here' is a quiet link under the page, a tab only on its own page") {
  ReviewFixture f;
  f.server.save("fr", "Tigre", "Le tigre est un félin.");
  auto article = f.as_pupil->Get("/fr/wiki/Tigre");
  REQUIRE(article);
  CHECK_FALSE(has(tabs_of(article->body), page_msg("fr", "web-tab-links")));
  CHECK(has(between(article->body, "<p class=\"page-tools\">", "</p>"),
            "href=\"/fr/special/links/Tigre\""));
  auto links = f.as_pupil->Get("/fr/special/links/Tigre");
  REQUIRE(links);
  CHECK(has(tabs_of(links->body), page_msg("fr", "web-tab-links")));
  CHECK_FALSE(has(links->body, "<p class=\"page-tools\">"));
}

TEST_CASE("the empty login form puts the cursor in the name box, a refused one in the password") {
  ReviewFixture f;
  auto empty = f.server.anonymous().Get("/fr/special/login");
  REQUIRE(empty);
  CHECK(has(between(empty->body, "id=\"wpName\"", ">"), "autofocus"));
  CHECK_FALSE(has(between(empty->body, "id=\"wpPassword\"", ">"), "autofocus"));
  auto refused = post_form(f.server.anonymous(), "/fr/special/login",
                           {{"wpName", "Léa"}, {"wpPassword", "pas le bon"}});
  REQUIRE(refused);
  CHECK(refused->status == 401);
  CHECK_FALSE(has(between(refused->body, "id=\"wpName\"", ">"), "autofocus"));
  CHECK(has(between(refused->body, "id=\"wpPassword\"", ">"), "autofocus"));
}
