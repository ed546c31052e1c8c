// Issue 12, "a child's interface": pupils see only what they may use, and the small things a
// child trips over are fixed.
#include <doctest/doctest.h>

#include <ctime>

#include "html_test_util.h"
#include "i18n/relative_time.h"
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

TEST_CASE("a pupil's held edit says which words wait for a teacher, in the API and on the page") {
  ReviewFixture f;
  const std::string text = "Le tigre vit en Asie.\nJ'habite au 12 rue des Lilas.";
  auto put = f.as_pupil->Put("/api/v1/fr/pages/Tigre",
                             nlohmann::json{{"markdown", text}, {"summary", "ajout"}}.dump(),
                             "application/json");
  REQUIRE(put);
  CHECK(put->status == 201);
  const auto answer = json_of(put);
  CHECK(answer["review"] == "pending");
  REQUIRE(answer["held"].size() == 1);
  CHECK(answer["held"][0]["rule"] == "address");
  CHECK(answer["held"][0]["field"] == "text");
  CHECK(answer["held"][0]["excerpt"] == "12 rue des Lilas");
  CHECK(answer["held"][0]["start"] == 34);  // "Le tigre vit en Asie.\nJ'habite au " in characters

  auto page = f.as_pupil->Get("/fr/wiki/Tigre");
  REQUIRE(page);
  const std::string banner = between(page->body, "class=\"message pending-banner\"", "</div>");
  CHECK(has(banner, page_msg("fr", "review-banner-held")));
  CHECK(has(banner, "<mark>12 rue des Lilas</mark>"));
  CHECK(has(banner, page_msg("fr", "filter-address")));
  // Readers see neither the text nor the words.
  auto reader = f.server.anonymous().Get("/fr/wiki/Tigre");
  REQUIRE(reader);
  CHECK_FALSE(has(reader->body, "12 rue des Lilas"));
}

TEST_CASE("a send-back notice links to the page; 'My edits' shows it under the sent-back edit only") {
  ReviewFixture f;
  auto& wiki = f.server.wiki();
  const auto fr = *wiki.edition("fr");
  const auto teacher = f.server.actor(f.teacher.user.id);
  // One edit published, one sent back with a message.
  const auto published = f.pending("Lynx", "Le lynx rugit.", std::nullopt, f.pupil);
  REQUIRE(wiki.approve(teacher, fr, published).ok());
  const auto returned = f.pending("Tigre", "Le tigre nage.", std::nullopt, f.pupil);
  REQUIRE(wiki.reject(teacher, fr, returned, "Où vit-il ?").ok());

  auto mine = f.as_pupil->Get("/fr/special/my-edits");
  REQUIRE(mine);
  const std::string notice = between(mine->body, "class=\"message sent-back-notice\"", "</div>");
  CHECK(has(notice, "<a href=\"/fr/wiki/Tigre?action=edit\">Tigre</a>"));
  CHECK(has(notice, "Où vit-il ?"));
  // Under the published Lynx: no message box, no "edit again".
  const std::string lynx = between(mine->body, "state-approved", "</li>");
  REQUIRE_FALSE(lynx.empty());
  CHECK_FALSE(has(lynx, "review-message"));
  CHECK_FALSE(has(lynx, page_msg("fr", "review-my-edits-edit-again")));
  const std::string tigre = between(mine->body, "state-rejected", "</li>");
  CHECK(has(tigre, "<blockquote>Où vit-il ?</blockquote>"));
}

TEST_CASE("dates read as people write them, in the wiki's time zone; sizes and durations in words") {
  ReviewFixture f;
  f.server.save("fr", "Tigre", "Le tigre est un félin.");
  auto history = f.as_pupil->Get("/fr/wiki/Tigre?action=history");
  REQUIRE(history);
  const std::string line = between(history->body, "<time datetime=\"", "</time>");
  // A moment ago: "maintenant" or "il y a 1 minute", as people say it.
  const std::string stamp = line.substr(0, line.find('"'));
  const std::string shown = line.substr(line.find('>') + 1);
  const auto said = kidwiki::i18n::relative_time("fr", stamp, std::time(nullptr));
  const auto said_before = kidwiki::i18n::relative_time("fr", stamp, std::time(nullptr) - 60);
  CHECK((shown == said || shown == said_before));
  // Under the article: the date and time as French writes them, no ISO stamp, no "UTC".
  auto article = f.as_pupil->Get("/fr/wiki/Tigre");
  REQUIRE(article);
  CHECK(has(article->body, page_msg("fr", "web-last-edited", {{"time", stamp}})));
  CHECK_FALSE(has(article->body, "UTC"));
  CHECK(has(history->body, page_msg("fr", "web-size-class", {{"size", "tiny"}})));
  CHECK_FALSE(has(between(history->body, "<span class=\"size\"", "</span>"), ">22 octets"));

  auto blocks = f.as_moderator->Get("/fr/special/blocks");
  REQUIRE(blocks);
  CHECK(has(blocks->body, ">" + page_msg("fr", "moderation-blocks-weeks", {{"weeks", std::int64_t{1}}}) + "<"));
  CHECK(has(blocks->body, ">" + page_msg("fr", "moderation-blocks-days", {{"days", std::int64_t{30}}}) + "<"));
  CHECK_FALSE(has(blocks->body, page_msg("fr", "moderation-blocks-hours", {{"hours", std::int64_t{168}}})));
}

TEST_CASE("a pupil who opens a page move reads 'Not allowed', not 'Something went wrong'") {
  ReviewFixture f;
  f.server.save("fr", "Tigre", "Le tigre est un félin.");
  auto move = f.as_pupil->Get("/fr/wiki/Tigre?action=move");
  REQUIRE(move);
  CHECK(move->status == 403);
  CHECK(has(between(move->body, "<h1 class=\"page-heading\">", "</h1>"), page_msg("fr", "access-heading")));
  CHECK_FALSE(has(move->body, page_msg("fr", "web-error-heading")));
}
