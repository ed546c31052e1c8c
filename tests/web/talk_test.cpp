// Discussions on talk pages over HTTP: the New topic form, the reply POST a Reply button sends,
// the signed comments rendered safely, and refusals that keep every word typed.
#include <doctest/doctest.h>

#include "html_test_util.h"
#include "review_fixture.h"

namespace {

using kidwiki::web::testing::between;
using kidwiki::web::testing::has;
using kidwiki::web::testing::page_msg;
using kidwiki::web::testing::post_form;
using kidwiki::web::testing::ReviewFixture;

const char* kTalk = "/fr/wiki/Discussion:Volcan?action=comment";

// The id of the only comment by `author` the talk page shows: what talk.js reads from the page.
std::string comment_id(ReviewFixture& f, const std::string& author) {
  auto& wiki = f.server.wiki();
  const auto ed = *wiki.edition("fr");
  auto page = wiki.read(kidwiki::engine::Actor::reader(), ed, wiki.parse_title(ed, "Discussion:Volcan").value(), false);
  REQUIRE(page.ok());
  const std::string open = " — **" + author + "**, ";
  const auto at = page->markdown.find(open);
  REQUIRE(at != std::string::npos);
  const auto end = page->markdown.find('\n', at);
  return author + "\n" + page->markdown.substr(at + open.size(), end - at - open.size());
}

void approve_all(ReviewFixture& f) {
  auto& wiki = f.server.wiki();
  const auto teacher = f.server.actor(f.teacher.user.id);
  auto queue = wiki.review_queue(teacher, nullptr, std::nullopt, 50);
  REQUIRE(queue.ok());
  for (const auto& item : queue.value()) {
    REQUIRE(wiki.approve(teacher, *wiki.edition("fr"), item.latest.id).ok());
  }
}

}  // namespace

TEST_CASE("talk page: a new topic and a reply, signed by the server and shown as a thread") {
  ReviewFixture f;
  f.server.save("fr", "Volcan", "Un volcan.");
  auto lea = f.browser(f.pupil);
  auto missing = lea->Get("/fr/wiki/Discussion:Volcan");
  CHECK(missing->status == 404);
  CHECK(has(missing->body, "action=\"/fr/wiki/Discussion:Volcan?action=comment\""));
  CHECK(has(missing->body, page_msg("fr", "talk-new-topic-heading")));
  CHECK(has(missing->body, "<script src=\"/static/talk.js\" defer></script>"));
  CHECK_FALSE(has(f.server.anonymous().Get("/fr/wiki/Discussion:Volcan")->body, "talk-new-topic"));
  auto topic = post_form(*lea, kTalk,
                         {{"wpCsrf", f.pupil.csrf_token},
                          {"wpSubject", "L’Etna"},
                          {"wpText", "Où est <b>l’Etna</b> ? ~~~~"}});
  REQUIRE(topic->status == 303);
  approve_all(f);
  auto noah_pupil = f.server.login_as("Tom", kidwiki::engine::Role::pupil, f.class_id);
  auto tom = f.browser(noah_pupil);
  auto reply = post_form(*tom, kTalk,
                         {{"wpCsrf", noah_pupil.csrf_token},
                          {"wpReplyTo", comment_id(f, "Léa")},
                          {"wpText", "En Sicile !"}});
  REQUIRE(reply->status == 303);
  approve_all(f);
  auto page = f.server.anonymous().Get("/fr/wiki/Discussion:Volcan");
  REQUIRE(page->status == 200);
  const std::string content = between(page->body, "<div class=\"content", "</div>");
  CHECK(has(content, "<h2"));
  CHECK(has(content, "L’Etna"));
  CHECK_FALSE(has(content, "<b>"));  // typed HTML never reaches the page (safe mode)
  CHECK(has(content, "l’Etna"));
  CHECK_FALSE(has(content, "~~~~"));  // a typed signature is the server's to write
  CHECK(has(content, " — <strong>Léa</strong>, "));
  CHECK(has(content, "<li>En Sicile ! — <strong>Tom</strong>, "));
  // The history says what happened.
  CHECK(has(f.server.anonymous().Get("/fr/wiki/Discussion:Volcan?action=history")->body,
            page_msg("fr", "talk-summary-reply", {{"name", "Léa"}})));
}

TEST_CASE("talk page: a refused comment comes back with every word typed") {
  ReviewFixture f;
  f.server.save("fr", "Volcan", "Un volcan.");
  auto lea = f.browser(f.pupil);
  auto no_subject = post_form(*lea, kTalk, {{"wpCsrf", f.pupil.csrf_token}, {"wpText", "Mon long texte"}});
  CHECK(no_subject->status == 400);
  CHECK(has(no_subject->body, page_msg("fr", "talk-error-subject", {{"limit", std::int64_t{200}}})));
  CHECK(has(no_subject->body, ">Mon long texte</textarea>"));
  auto gone = post_form(*lea, kTalk,
                        {{"wpCsrf", f.pupil.csrf_token},
                         {"wpReplyTo", "Personne\nhier"},
                         {"wpText", "Ma réponse"}});
  CHECK(gone->status == 409);
  CHECK(has(gone->body, page_msg("fr", "talk-error-comment-gone")));
  CHECK(has(gone->body, ">Ma réponse</textarea>"));
  auto phone = post_form(*lea, kTalk,
                         {{"wpCsrf", f.pupil.csrf_token},
                          {"wpSubject", "Appel"},
                          {"wpText", "Appelle-moi au 06 12 34 56 78"}});
  CHECK(phone->status == 422);
  CHECK(has(phone->body, "value=\"Appel\""));
  CHECK(has(phone->body, "Appelle-moi au 06 12 34 56 78</textarea>"));
  CHECK(post_form(f.server.anonymous(), kTalk, {{"wpSubject", "S"}, {"wpText", "x"}})->status == 401);
  CHECK(post_form(*lea, "/fr/wiki/Volcan?action=comment",
                  {{"wpCsrf", f.pupil.csrf_token}, {"wpSubject", "S"}, {"wpText", "x"}})
            ->status == 400);
}
