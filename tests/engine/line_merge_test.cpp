// Merges never fold in text the actor may not see (issue 9): each author edits their own line (their
// unpublished revision, else the published text), and a line is merged with what was published
// since it started when it is published. Tried as a hostile pupil would.
#include <doctest/doctest.h>

#include <string>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

const std::string kPublished = "Ligne un.\n\nLigne deux.\n\nLigne trois.\n\nLigne quatre.\n\nLigne cinq.";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A diff row's side as text: its segments joined.
std::string joined(const std::vector<DiffSegment>& segments) {
  std::string text;
  for (const auto& s : segments) text += s.text;
  return text;
}

// Two classes, a pupil in each, their teachers, and a published page.
struct TwoClasses : WikiFixture {
  std::int64_t teacher_a = 0, teacher_b = 0, pupil_a = 0, pupil_b = 0;
  Title page;
  std::int64_t published = 0;

  TwoClasses() : WikiFixture(false, 0, /*fast_passwords=*/true) {
    const Actor console = Actor::console();
    auto& accounts = wiki->accounts();
    teacher_a = accounts.create_user(console, "Mme Martin", "password-1", Role::teacher)->id;
    teacher_b = accounts.create_user(console, "M Durand", "password-1", Role::teacher)->id;
    auto class_a = wiki->classes().create_class(actor(teacher_a), "CM1 A", "fr", true).value();
    auto class_b = wiki->classes().create_class(actor(teacher_b), "CM1 B", "fr", true).value();
    pupil_a = accounts.create_user(console, "Léa", "password-1", Role::pupil, class_a.id)->id;
    pupil_b = accounts.create_user(console, "Tom", "password-1", Role::pupil, class_b.id)->id;
    page = title(fr, "Chat");
    published = wiki->save(console, fr, page, {kPublished, "", {}})->revision_id;
  }
  Actor actor(std::int64_t id) { return wiki->accounts().actor(id).value(); }
  std::string readers_text() { return wiki->read(Actor::reader(), fr, page, false)->markdown; }
  Result<SaveOutcome> edit(std::int64_t who, const std::string& text, std::int64_t base) {
    return wiki->save(actor(who), fr, page, {text, "", base});
  }
};

}  // namespace

TEST_CASE("line merge: another pupil's pending text never reaches a pupil of another class") {
  TwoClasses f;
  // Léa's line holds a home address: the filter holds it for her teacher.
  const std::string address = "Ligne un, j'habite 12 rue des Lilas.";
  auto held = f.edit(f.pupil_a, replaced(kPublished, "Ligne un.", address), f.published);
  REQUIRE(held);
  CHECK(held->review == ReviewState::pending);
  // Tom edits line 3 from the published text: nothing to merge with, for him.
  auto tom = f.edit(f.pupil_b, replaced(kPublished, "Ligne trois.", "Ligne trois, par Tom."),
                    f.published);
  REQUIRE(tom);
  CHECK(tom->status == SaveStatus::saved);
  CHECK(tom->review == ReviewState::pending);
  // Nothing of Léa's text in Tom's revision, for Tom, his teacher, or anyone.
  for (std::int64_t who : {f.pupil_b, f.teacher_b}) {
    CAPTURE(who);
    const Actor actor = f.actor(who);
    auto revision = f.wiki->revision(actor, f.fr, tom->revision_id);
    REQUIRE(revision);
    CHECK_FALSE(has(revision->markdown, "Lilas"));
    CHECK_FALSE(has(f.wiki->read_own(actor, f.fr, f.page)->markdown, "Lilas"));
    CHECK(f.wiki->revision(actor, f.fr, held->revision_id).error().code == ErrorCode::not_found);
  }
  auto detail = f.wiki->review_detail(f.actor(f.teacher_b), tom->revision_id);
  REQUIRE(detail);
  for (const auto& row : detail->diff.rows) {
    CHECK_FALSE(has(joined(row.left) + joined(row.right), "Lilas"));
  }
  auto queue_b = f.wiki->review_queue(f.actor(f.teacher_b), &f.fr, std::nullopt, 10);
  REQUIRE(queue_b);
  REQUIRE(queue_b->size() == 1);
  CHECK(queue_b->front().latest.id == tom->revision_id);
  // Léa still works on her own line.
  CHECK(has(f.wiki->read_own(f.actor(f.pupil_a), f.fr, f.page)->markdown, "Lilas"));
  CHECK_FALSE(has(f.readers_text(), "Lilas"));
}

TEST_CASE("line merge: both pupils' work survives their reviews, in either order") {
  for (bool tom_first : {false, true}) {
    CAPTURE(tom_first);
    TwoClasses f;
    auto lea = f.edit(f.pupil_a, replaced(kPublished, "Ligne un.", "Ligne un, par Léa."), f.published);
    auto tom = f.edit(f.pupil_b, replaced(kPublished, "Ligne trois.", "Ligne trois, par Tom."),
                      f.published);
    REQUIRE(lea);
    REQUIRE(tom);
    auto approve = [&](std::int64_t teacher, std::int64_t revision) {
      REQUIRE(f.wiki->approve(f.actor(teacher), f.fr, revision));
    };
    if (tom_first) {
      approve(f.teacher_b, tom->revision_id);
      approve(f.teacher_a, lea->revision_id);
    } else {
      approve(f.teacher_a, lea->revision_id);
      approve(f.teacher_b, tom->revision_id);
    }
    const std::string now = f.readers_text();
    CHECK(has(now, "Ligne un, par Léa."));
    CHECK(has(now, "Ligne trois, par Tom."));
    CHECK(has(now, "Ligne cinq."));
    // The second approval wrote a merged revision in the name of its pupil.
    auto newest = f.wiki->history(Actor::reader(), f.fr, f.page, 1, std::nullopt);
    REQUIRE(newest);
    CHECK(newest->items.front().author == (tom_first ? "Léa" : "Tom"));
    CHECK(newest->items.front().review == ReviewState::approved);
  }
}

TEST_CASE("line merge: an overlap is refused at review, sent back, and redone on the new text") {
  TwoClasses f;
  auto lea = f.edit(f.pupil_a, replaced(kPublished, "Ligne deux.", "Ligne deux, version Léa."),
                    f.published);
  auto tom = f.edit(f.pupil_b, replaced(kPublished, "Ligne deux.", "Ligne deux, version Tom."),
                    f.published);
  REQUIRE(lea);
  REQUIRE(tom);
  REQUIRE(f.wiki->approve(f.actor(f.teacher_a), f.fr, lea->revision_id));
  auto detail = f.wiki->review_detail(f.actor(f.teacher_b), tom->revision_id);
  REQUIRE(detail);
  CHECK(detail->overlaps);
  auto refused = f.wiki->approve(f.actor(f.teacher_b), f.fr, tom->revision_id);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == ErrorCode::conflict);
  CHECK(refused.error().message_id == "review-error-overlap");
  CHECK(has(f.readers_text(), "version Léa"));  // nothing changed
  REQUIRE(f.wiki->reject(f.actor(f.teacher_b), f.fr, tom->revision_id, "Quelqu'un a changé la ligne deux."));
  // Tom opens his sent-back text; saving it again meets the published text, which he may see.
  auto own = f.wiki->read_own(f.actor(f.pupil_b), f.fr, f.page);
  REQUIRE(own);
  CHECK(own->revision.id == tom->revision_id);
  const std::string retry = replaced(kPublished, "Ligne deux.", "Ligne deux, version Tom bis.");
  auto conflict = f.edit(f.pupil_b, retry, tom->revision_id);
  REQUIRE_FALSE(conflict);
  CHECK(conflict.error().code == ErrorCode::conflict);
  const auto current = std::get<std::int64_t>(conflict.error().args.at(0).second);
  auto shown = f.wiki->revision(f.actor(f.pupil_b), f.fr, current);
  REQUIRE(shown);
  CHECK(has(shown->markdown, "version Léa"));
  // He writes both into one line, from the published text, and his teacher publishes it.
  const std::string both = replaced(kPublished, "Ligne deux.", "Ligne deux, versions Léa et Tom.");
  auto redone = f.edit(f.pupil_b, both, current);
  REQUIRE(redone);
  REQUIRE(f.wiki->approve(f.actor(f.teacher_b), f.fr, redone->revision_id));
  CHECK(has(f.readers_text(), "versions Léa et Tom"));
}

TEST_CASE("line merge: a teacher's save publishes only the teacher's own text") {
  TwoClasses f;
  auto lea = f.edit(f.pupil_a, replaced(kPublished, "Ligne un.", "Ligne un, par Léa."), f.published);
  REQUIRE(lea);
  auto teacher = f.edit(f.teacher_b, replaced(kPublished, "Ligne cinq.", "Ligne cinq, corrigée."),
                        f.published);
  REQUIRE(teacher);
  CHECK(teacher->review == ReviewState::approved);
  CHECK(has(f.readers_text(), "Ligne cinq, corrigée."));
  CHECK_FALSE(has(f.readers_text(), "par Léa"));
  // Léa's edit still waits, and is merged with the teacher's when approved.
  auto queue = f.wiki->review_queue(f.actor(f.teacher_a), &f.fr, std::nullopt, 10);
  REQUIRE(queue);
  REQUIRE(queue->size() == 1);
  REQUIRE(f.wiki->approve(f.actor(f.teacher_a), f.fr, lea->revision_id));
  CHECK(has(f.readers_text(), "Ligne un, par Léa."));
  CHECK(has(f.readers_text(), "Ligne cinq, corrigée."));
}

TEST_CASE("line merge: a pupil's stacked edits are reviewed as one; the older ones stay unpublished") {
  TwoClasses f;
  // Her profile name is held for her teacher.
  auto first = f.edit(f.pupil_a, replaced(kPublished, "Ligne un.", "Ligne un, suivez @lea_2014."),
                      f.published);
  REQUIRE(first);
  // She takes it out again before her teacher looks.
  auto second = f.edit(f.pupil_a, replaced(kPublished, "Ligne un.", "Ligne un, corrigée."),
                       first->revision_id);
  REQUIRE(second);
  CHECK(second->status == SaveStatus::saved);
  auto queue = f.wiki->review_queue(f.actor(f.teacher_a), &f.fr, std::nullopt, 10);
  REQUIRE(queue);
  REQUIRE(queue->size() == 1);
  CHECK(queue->front().latest.id == second->revision_id);
  auto detail = f.wiki->review_detail(f.actor(f.teacher_a), second->revision_id);
  REQUIRE(detail);
  CHECK(detail->summaries.size() == 2);
  REQUIRE(f.wiki->approve(f.actor(f.teacher_a), f.fr, second->revision_id));
  // The first revision, with her profile name, never becomes readable.
  auto old = f.wiki->revision(Actor::reader(), f.fr, first->revision_id);
  REQUIRE_FALSE(old);
  CHECK(old.error().code == ErrorCode::not_found);
  auto mine = f.wiki->revision(f.actor(f.pupil_a), f.fr, first->revision_id);
  REQUIRE(mine);
  CHECK(mine->info.superseded);
  CHECK(f.wiki->review_queue(f.actor(f.teacher_a), &f.fr, std::nullopt, 10)->empty());
  // A second decision on what is already decided names who decided.
  auto again = f.wiki->approve(Actor::console(), f.fr, second->revision_id);
  REQUIRE_FALSE(again);
  CHECK(again.error().message_id == "review-error-already-reviewed");
}

TEST_CASE("line merge: a base the actor may not see is no base") {
  TwoClasses f;
  auto lea = f.edit(f.pupil_a, replaced(kPublished, "Ligne un.", "Ligne un, par Léa."), f.published);
  REQUIRE(lea);
  // Tom names Léa's pending revision as his base, hoping to merge with it.
  auto tom = f.edit(f.pupil_b, replaced(kPublished, "Ligne trois.", "Ligne trois, par Tom."),
                    lea->revision_id);
  REQUIRE_FALSE(tom);
  CHECK(tom.error().code == ErrorCode::not_found);
  CHECK(tom.error().message_id == "error-base-not-found");
}
