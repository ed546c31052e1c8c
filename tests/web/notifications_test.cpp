// Notifications and the watchlist over HTTP: the JSON API, Special:Notifications and its count in
// the header, the star beside a page's tabs, Special:Watchlist.
#include <doctest/doctest.h>

#include "html_test_util.h"
#include "review_fixture.h"

namespace {

using kidwiki::web::testing::between;
using kidwiki::web::testing::has;
using kidwiki::web::testing::json_of;
using kidwiki::web::testing::page_msg;
using kidwiki::web::testing::post_form;
using kidwiki::web::testing::ReviewFixture;

}  // namespace

TEST_CASE("notifications API: the teacher is told an edit waits, the pupil that it was approved") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Tortue verte", "Une tortue.");
  const auto lea = f.pending("Tortue verte", "Une tortue verte.", base, f.pupil);
  auto teacher = json_of(f.as_teacher->Get("/api/v1/notifications"));
  REQUIRE(teacher["notifications"].size() == 1);
  CHECK(teacher["notifications"][0]["kind"] == "review-waiting");
  CHECK(teacher["notifications"][0]["agent"] == "Léa");
  CHECK(teacher["notifications"][0]["title"] == "Tortue verte");
  CHECK(teacher["unread"] == 1);
  // Another class's teacher hears nothing of Léa.
  CHECK(json_of(f.as_other_teacher->Get("/api/v1/notifications"))["notifications"].empty());
  REQUIRE(f.as_teacher->Post(("/api/v1/revisions/" + std::to_string(lea) + "/approve").c_str())
              ->status == 200);
  CHECK(json_of(f.as_teacher->Get("/api/v1/notifications"))["unread"] == 0);
  auto pupil = json_of(f.as_pupil->Get("/api/v1/notifications"));
  REQUIRE(pupil["notifications"].size() == 1);
  CHECK(pupil["notifications"][0]["kind"] == "approved");
  CHECK(pupil["notifications"][0]["agent"] == "Madame Martin");
  CHECK(pupil["notifications"][0]["read"] == false);
  CHECK(pupil["next_before"].is_null());
  // Marked read, by id or all at once; bad ids are refused.
  CHECK(f.as_pupil->Post("/api/v1/notifications/read", R"({"ids": "all"})", "application/json")
            ->status == 400);
  CHECK(f.as_pupil->Post("/api/v1/notifications/read", R"({"ids": [0]})", "application/json")
            ->status == 400);
  auto read = f.as_pupil->Post("/api/v1/notifications/read", "{}", "application/json");
  REQUIRE(read->status == 200);
  CHECK(json_of(read)["unread"] == 0);
  CHECK(json_of(f.as_pupil->Get("/api/v1/notifications"))["notifications"][0]["read"] == true);
  CHECK(f.as_pupil->Get("/api/v1/notifications?limit=0")->status == 400);
  CHECK(f.server.anonymous().Get("/api/v1/notifications")->status == 401);
}

TEST_CASE("Special:Notifications tells in words, then marks read; the header counts unread") {
  ReviewFixture f;
  const auto lea = f.pending("Loup gris", "Un loup.", std::nullopt, f.pupil);
  REQUIRE(f.server.wiki().reject(f.server.actor(f.teacher.user.id), *f.server.wiki().edition("fr"),
                                 lea, "Dis où vit le <loup>.").ok());
  auto pupil = f.browser(f.pupil);
  auto article = pupil->Get("/fr/wiki/Accueil");
  const std::string header = between(article->body, "class=\"notifications-link\"", "</a>");
  CHECK(has(header, page_msg("fr", "notifications-link")));
  CHECK(has(header, "<span class=\"count-badge\" aria-hidden=\"true\">1</span>"));
  auto page = pupil->Get("/fr/special/notifications");
  REQUIRE(page->status == 200);
  CHECK(has(page->body, page_msg("fr", "notification-sent-back",
                                 {{"agent", "Madame Martin"}, {"title", "Loup gris"}})));
  CHECK(has(page->body, "Dis où vit le &lt;loup&gt;."));
  CHECK(has(page->body, "href=\"/fr/wiki/Loup_gris?action=edit\""));
  CHECK(has(page->body, page_msg("fr", "notifications-new")));
  // Shown once as new; read afterwards, and gone from the header's count.
  CHECK_FALSE(has(pupil->Get("/fr/special/notifications")->body,
                  "<span class=\"badge\">" + page_msg("fr", "notifications-new")));
  CHECK_FALSE(has(between(pupil->Get("/fr/wiki/Accueil")->body, "class=\"notifications-link\"",
                          "</a>"),
                  "count-badge"));
  CHECK(f.server.anonymous().Get("/fr/special/notifications")->status == 303);
}

TEST_CASE("the star watches a page; its watchers hear of the next published change") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Chat", "Le chat dort.");
  auto pupil = f.browser(f.pupil);
  auto before = pupil->Get("/fr/wiki/Chat");
  CHECK(has(before->body, "aria-pressed=\"false\""));
  CHECK(has(before->body, "name=\"wpWatch\" value=\"1\""));
  CHECK(post_form(*pupil, "/fr/wiki/Chat?action=watch", {{"wpCsrf", f.pupil.csrf_token}})
            ->status == 400);
  auto starred = post_form(*pupil, "/fr/wiki/Chat?action=watch",
                           {{"wpCsrf", f.pupil.csrf_token}, {"wpWatch", "1"}});
  REQUIRE(starred->status == 303);
  CHECK(starred->get_header_value("Location") == "/fr/wiki/Chat");
  CHECK(has(pupil->Get("/fr/wiki/Chat")->body, "aria-pressed=\"true\""));
  auto list = pupil->Get("/fr/special/watchlist");
  CHECK(has(list->body, ">Chat</bdi>"));
  // Readers get no star; a page that does not exist cannot be watched.
  CHECK_FALSE(has(f.server.anonymous().Get("/fr/wiki/Chat")->body, "watch-form"));
  CHECK(post_form(*pupil, "/fr/wiki/Nulle_part?action=watch",
                  {{"wpCsrf", f.pupil.csrf_token}, {"wpWatch", "1"}})
            ->status == 404);
  f.server.save("fr", "Chat", "Le chat dort beaucoup.", base);
  auto told = json_of(f.as_pupil->Get("/api/v1/notifications"));
  REQUIRE(told["notifications"].size() == 1);
  CHECK(told["notifications"][0]["kind"] == "page-edited");
  // The API's star, and the watchlist.
  auto off = f.as_pupil->Delete("/api/v1/fr/pages/Chat/watch");
  REQUIRE(off->status == 200);
  CHECK(json_of(off)["watched"] == false);
  CHECK(json_of(f.as_pupil->Get("/api/v1/watchlist"))["pages"].empty());
  REQUIRE(f.as_pupil->Put("/api/v1/fr/pages/Chat/watch", "", "application/json")->status == 200);
  auto watched = json_of(f.as_pupil->Get("/api/v1/watchlist?lang=fr"));
  REQUIRE(watched["pages"].size() == 1);
  CHECK(watched["pages"][0]["title"] == "Chat");
  CHECK(f.as_pupil->Get("/api/v1/watchlist?lang=xx")->status == 404);
  CHECK(f.as_pupil->Put("/api/v1/fr/pages/Nulle_part/watch", "", "application/json")->status == 404);
}
