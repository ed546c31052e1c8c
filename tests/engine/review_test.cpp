// Pending changes: readers and search see the last approved revision; authors and reviewers see
// the newest; approving publishes, sending back keeps the page as it was.
#include <doctest/doctest.h>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

// A fixture with real accounts: revisions refer to their author's account.
struct ReviewFixture : WikiFixture {
  std::int64_t pupil = 0, other_pupil = 0, teacher = 0;
  ReviewFixture() : WikiFixture(false, 0, /*fast_passwords=*/true) {
    pupil = wiki->accounts().create_user("Léa", "password-1", Role::pupil, std::nullopt)->id;
    other_pupil = wiki->accounts().create_user("Noah", "password-2", Role::pupil, std::nullopt)->id;
    teacher = wiki->accounts().create_user("Mme Martin", "password-3", Role::teacher, std::nullopt)->id;
  }
};

Result<SaveOutcome> pupil_save(ReviewFixture& f, const std::string& title, const std::string& text,
                               std::optional<std::int64_t> base, std::int64_t pupil_id = 0) {
  if (pupil_id == 0) pupil_id = f.pupil;
  SaveRequest r{text, "pupil edit", base, "Léa"};
  r.author_id = pupil_id;
  r.needs_review = true;
  return f.wiki->save(f.fr, f.title(f.fr, title), r);
}

bool outbox_has(ReviewFixture& f, const std::string& full_title) {
  for (const auto& e : f.wiki->outbox_peek(1000)) {
    auto p = f.wiki->indexable_page(e.page_id);
    if (p && p->full_title == full_title) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a pending edit is invisible to readers until it is approved") {
  ReviewFixture f;
  auto approved = f.save(f.fr, "Chat", "Le chat dort.");
  f.wiki->outbox_ack(f.wiki->outbox_peek(1000).back().id);
  auto pending = pupil_save(f, "Chat", "Le chat dort beaucoup. Voir [[Souris]].", approved->revision_id);
  REQUIRE(pending.ok());
  CHECK(pending->review == ReviewState::pending);
  CHECK(f.wiki->read(f.fr, f.title(f.fr, "Chat"), true)->markdown == "Le chat dort.");
  CHECK(f.wiki->read_latest(f.fr, f.title(f.fr, "Chat"))->markdown ==
        "Le chat dort beaucoup. Voir [[Souris]].");
  CHECK(f.wiki->backlinks(f.fr, f.title(f.fr, "Souris")).empty());
  CHECK(f.wiki->outbox_peek(1000).empty());

  auto queue = f.wiki->review_queue(&f.fr, {}, 50);
  REQUIRE(queue.size() == 1);
  CHECK(queue[0].latest.id == pending->revision_id);
  CHECK(queue[0].approved_revision_id == approved->revision_id);
  CHECK(queue[0].author_id == f.pupil);

  REQUIRE(f.wiki->approve(f.fr, pending->revision_id, f.teacher).ok());
  CHECK(f.wiki->read(f.fr, f.title(f.fr, "Chat"), true)->markdown ==
        "Le chat dort beaucoup. Voir [[Souris]].");
  CHECK(f.wiki->backlinks(f.fr, f.title(f.fr, "Souris")).size() == 1);
  CHECK(outbox_has(f, "Chat"));
  CHECK(f.wiki->review_queue(&f.fr, {}, 50).empty());
  auto again = f.wiki->approve(f.fr, pending->revision_id, f.teacher);
  CHECK(again.error().message_id == "error-review-not-pending");
}

TEST_CASE("a page whose first revision is pending does not exist for readers") {
  ReviewFixture f;
  auto first = pupil_save(f, "Tortue", "Une tortue.", std::nullopt);
  REQUIRE(first.ok());
  CHECK_FALSE(f.wiki->exists(f.fr, f.title(f.fr, "Tortue")));
  CHECK(f.wiki->read(f.fr, f.title(f.fr, "Tortue"), true).error().code == ErrorCode::not_found);
  CHECK(f.wiki->all_pages(f.fr, Namespace::article).empty());
  CHECK(f.wiki->read_latest(f.fr, f.title(f.fr, "Tortue")).ok());
  auto queue = f.wiki->review_queue(nullptr, {}, 50);
  REQUIRE(queue.size() == 1);
  CHECK_FALSE(queue[0].approved_revision_id.has_value());
  REQUIRE(f.wiki->approve(f.fr, first->revision_id, f.teacher).ok());
  CHECK(f.wiki->exists(f.fr, f.title(f.fr, "Tortue")));
}

TEST_CASE("edits stack on pending ones; sending back keeps the approved text") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Lion", "Le lion rugit.");
  auto one = pupil_save(f, "Lion", "Le lion rugit fort.", base->revision_id);
  auto two = pupil_save(f, "Lion", "Le lion rugit très fort.", one->revision_id);
  REQUIRE(two.ok());
  REQUIRE(f.wiki->reject(f.fr, two->revision_id, f.teacher, "Explique pourquoi il rugit.").ok());
  CHECK(f.wiki->read(f.fr, f.title(f.fr, "Lion"), true)->markdown == "Le lion rugit.");
  auto history = f.wiki->history(f.fr, f.title(f.fr, "Lion"), 10, std::nullopt);
  CHECK(history->items[0].review == ReviewState::rejected);
  CHECK(history->items[1].review == ReviewState::rejected);
  CHECK(f.wiki->review_queue(&f.fr, {}, 50).empty());
  // The pupil edits again on top of the sent-back text; that waits for review once more.
  auto three = pupil_save(f, "Lion", "Le lion rugit pour marquer son territoire.", two->revision_id);
  REQUIRE(three.ok());
  CHECK(f.wiki->review_queue(&f.fr, {}, 50).size() == 1);
  CHECK(f.wiki->reject(f.fr, three->revision_id, f.teacher, std::string(5000, 'x')).error().code ==
        ErrorCode::invalid_input);
}

TEST_CASE("the queue can be kept to a class's pupils, oldest first") {
  ReviewFixture f;
  pupil_save(f, "Ours", "Un ours.", std::nullopt, f.pupil);
  pupil_save(f, "Loup", "Un loup.", std::nullopt, f.other_pupil);
  pupil_save(f, "Renard", "Un renard.", std::nullopt, f.pupil);
  auto all = f.wiki->review_queue(&f.fr, {}, 50);
  REQUIRE(all.size() == 3);
  CHECK(all[0].latest.title.text == "Ours");
  CHECK(all[2].latest.title.text == "Renard");
  auto class_of_11 = f.wiki->review_queue(&f.fr, {f.pupil}, 50);
  REQUIRE(class_of_11.size() == 2);
  CHECK(class_of_11[1].latest.title.text == "Renard");
  CHECK(f.wiki->review_queue(&f.en, {}, 50).empty());
  CHECK(f.wiki->review_queue(&f.fr, {}, 1).size() == 1);
}

TEST_CASE("a trusted save on top of pending edits publishes them with it") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Aigle", "L'aigle vole.");
  auto pending = pupil_save(f, "Aigle", "L'aigle vole haut.", base->revision_id);
  SaveRequest teacher{"L'aigle vole très haut.", "précision", pending->revision_id, "Mme Martin"};
  teacher.author_id = f.teacher;
  REQUIRE(f.wiki->save(f.fr, f.title(f.fr, "Aigle"), teacher).ok());
  CHECK(f.wiki->read(f.fr, f.title(f.fr, "Aigle"), true)->markdown == "L'aigle vole très haut.");
  CHECK(f.wiki->review_queue(&f.fr, {}, 50).empty());
  auto history = f.wiki->history(f.fr, f.title(f.fr, "Aigle"), 10, std::nullopt);
  CHECK(history->items[1].review == ReviewState::approved);
}
