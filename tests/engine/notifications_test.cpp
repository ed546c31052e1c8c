// Notifications and watchlists: who is told of what, gathered while unread, and never of text
// the reader may not see.
#include <doctest/doctest.h>

#include <algorithm>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

// A teacher's class (edits need review) with two pupils, a moderator and an adult editor.
struct NotifyFixture : WikiFixture {
  std::int64_t teacher = 0, moderator = 0, editor = 0, class_id = 0, pupil = 0, other_pupil = 0;
  NotifyFixture() : WikiFixture(false, 0, /*fast_passwords=*/true) {
    teacher = make_user("Mme Martin", Role::teacher);
    moderator = make_user("Modo", Role::moderator);
    editor = make_user("M Petit", Role::teacher);
    class_id = wiki->classes().create_class(actor(teacher), "CM1", "fr", true).value().id;
    pupil = make_user("Léa", Role::pupil, class_id);
    other_pupil = make_user("Noah", Role::pupil, class_id);
  }
  std::vector<Notification> of(std::int64_t user) {
    auto listed = wiki->notifications().list(actor(user), 50, std::nullopt);
    REQUIRE(listed.ok());
    return listed.value();
  }
  int unread(std::int64_t user) { return wiki->notifications().unread_count(actor(user)); }
  std::int64_t save_by(std::int64_t user, const std::string& title, const std::string& text,
                       std::optional<std::int64_t> base = std::nullopt) {
    auto saved = save_as(actor(user), fr, title, text, base, "modif");
    REQUIRE(saved.ok());
    return saved->revision_id;
  }
};

}  // namespace

TEST_CASE("a pupil's save waits: their teacher is told, the pupil learns the decision") {
  NotifyFixture f;
  const auto base = f.save(f.fr, "Chat", "Le chat dort.").value().revision_id;
  const auto rev = f.save_by(f.pupil, "Chat", "Le chat dort beaucoup.", base);
  auto teacher_sees = f.of(f.teacher);
  REQUIRE(teacher_sees.size() == 1);
  CHECK(teacher_sees[0].kind == NotificationKind::review_waiting);
  CHECK(teacher_sees[0].agent == "Léa");
  CHECK(teacher_sees[0].title.text == "Chat");
  CHECK(f.unread(f.teacher) == 1);
  // A second save of the same page gathers into the same notification.
  const auto again = f.save_by(f.pupil, "Chat", "Le chat dort beaucoup, le jour.", rev);
  teacher_sees = f.of(f.teacher);
  REQUIRE(teacher_sees.size() == 1);
  CHECK(teacher_sees[0].count == 2);
  CHECK(teacher_sees[0].revision_id == again);
  // Nobody watching the page sees the pending text: the other pupil watches it too.
  REQUIRE(f.wiki->notifications().set_watched(f.actor(f.other_pupil), f.fr, f.title(f.fr, "Chat"),
                                              true).ok());
  CHECK(f.of(f.other_pupil).empty());
  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, again).ok());
  // The decision settles the teacher's notification and tells the pupil and the watcher.
  CHECK(f.unread(f.teacher) == 0);
  auto pupil_sees = f.of(f.pupil);
  REQUIRE(pupil_sees.size() == 1);
  CHECK(pupil_sees[0].kind == NotificationKind::approved);
  CHECK(pupil_sees[0].agent == "Mme Martin");
  CHECK_FALSE(pupil_sees[0].read);
  auto watcher_sees = f.of(f.other_pupil);
  REQUIRE(watcher_sees.size() == 1);
  CHECK(watcher_sees[0].kind == NotificationKind::page_edited);
  CHECK(watcher_sees[0].agent == "Léa");
}

TEST_CASE("sending back tells the pupil with the teacher's message") {
  NotifyFixture f;
  const auto rev = f.save_by(f.pupil, "Loup", "Un loup.");
  REQUIRE(f.wiki->reject(f.actor(f.teacher), f.fr, rev, "Ajoute une source.").ok());
  auto seen = f.of(f.pupil);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].kind == NotificationKind::sent_back);
  CHECK(seen[0].message == "Ajoute une source.");
  CHECK(seen[0].revision_id == rev);
}

TEST_CASE("pages one saved are watched; published changes tell the watchers but not their author") {
  NotifyFixture f;
  const auto first = f.save_by(f.editor, "Tigre", "Le tigre.");
  CHECK(f.wiki->notifications().is_watched(f.actor(f.editor), f.fr, f.title(f.fr, "Tigre")));
  CHECK(f.of(f.editor).empty());
  const auto second = f.save_by(f.moderator, "Tigre", "Le tigre est rayé.", first);
  auto seen = f.of(f.editor);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].kind == NotificationKind::page_edited);
  CHECK(seen[0].agent == "Modo");
  CHECK(f.of(f.moderator).empty());
  // Unstarred, the page tells nothing more.
  REQUIRE(f.wiki->notifications().set_watched(f.actor(f.editor), f.fr, f.title(f.fr, "Tigre"),
                                              false).ok());
  f.save_by(f.moderator, "Tigre", "Le tigre est rayé de noir.", second);
  CHECK(f.of(f.editor).size() == 1);
}

TEST_CASE("a hidden revision and a deleted page drop out of notifications") {
  NotifyFixture f;
  const auto first = f.save_by(f.editor, "Ours", "L’ours.");
  const auto second = f.save_by(f.moderator, "Ours", "L’ours brun.", first);
  REQUIRE(f.of(f.editor).size() == 1);
  REQUIRE(f.wiki->moderation().set_revision_hidden(f.actor(f.moderator), f.fr, second, true, "vie privée").ok());
  CHECK(f.of(f.editor).empty());
  CHECK(f.unread(f.editor) == 0);
  // A moderator, who sees hidden revisions, would still be told: the rule is the reader's right.
  const auto third = f.save_by(f.editor, "Ours", "L’ours est grand.", first);
  (void)third;
  REQUIRE(f.of(f.moderator).size() == 1);
  REQUIRE(f.wiki->moderation().delete_page(f.actor(f.moderator), f.fr, f.title(f.fr, "Ours"),
                                           "doublon").ok());
  CHECK(f.of(f.moderator).empty());
}

TEST_CASE("a report on a page tells the teachers of the pupils who wrote on it, not who reported") {
  NotifyFixture f;
  const auto rev = f.save_by(f.pupil, "Volcan", "Un volcan.");
  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, rev).ok());
  REQUIRE(f.wiki->moderation().report(f.actor(f.other_pupil), f.fr, f.title(f.fr, "Volcan"),
                                      "un gros mot").ok());
  std::vector<Notification> reports;
  for (const auto& n : f.of(f.teacher)) {
    if (n.kind == NotificationKind::report) reports.push_back(n);
  }
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].message == "un gros mot");
  CHECK(reports[0].agent.empty());
  CHECK(f.of(f.editor).empty());
}

TEST_CASE("marking read: some, all, and never another's") {
  NotifyFixture f;
  const auto a = f.save_by(f.pupil, "A", "a");
  const auto b = f.save_by(f.pupil, "B", "b");
  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, a).ok());
  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, b).ok());
  auto seen = f.of(f.pupil);
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].id > seen[1].id);  // newest first
  // The teacher cannot mark the pupil's notifications read.
  REQUIRE(f.wiki->notifications().mark_read(f.actor(f.teacher), {seen[0].id}).ok());
  CHECK(f.unread(f.pupil) == 2);
  REQUIRE(f.wiki->notifications().mark_read(f.actor(f.pupil), {seen[0].id}).ok());
  CHECK(f.unread(f.pupil) == 1);
  REQUIRE(f.wiki->notifications().mark_read(f.actor(f.pupil), {}).ok());
  CHECK(f.unread(f.pupil) == 0);
  CHECK(f.of(f.pupil).size() == 2);
}

TEST_CASE("readers have no notifications and no watchlist") {
  NotifyFixture f;
  f.save(f.fr, "Chat", "Le chat.");
  auto& n = f.wiki->notifications();
  CHECK(n.list(WikiFixture::reader(), 10, std::nullopt).error().code == ErrorCode::not_logged_in);
  CHECK(n.unread_count(WikiFixture::reader()) == 0);
  CHECK(n.set_watched(WikiFixture::reader(), f.fr, f.title(f.fr, "Chat"), true).error().code ==
        ErrorCode::not_logged_in);
  CHECK(n.watchlist(WikiFixture::reader(), nullptr).error().code == ErrorCode::not_logged_in);
  // A page that does not exist cannot be starred; another pupil's pending page does not exist.
  CHECK(n.set_watched(f.actor(f.pupil), f.fr, f.title(f.fr, "Nulle part"), true).error().code ==
        ErrorCode::not_found);
  f.save_by(f.other_pupil, "Brouillon", "mon brouillon");
  CHECK(n.set_watched(f.actor(f.pupil), f.fr, f.title(f.fr, "Brouillon"), true).error().code ==
        ErrorCode::not_found);
  auto list = n.watchlist(f.actor(f.other_pupil), &f.fr);
  REQUIRE(list.ok());
  REQUIRE(list->size() == 1);
  CHECK(list->at(0).title.text == "Brouillon");
}
