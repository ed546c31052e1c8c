// The content filters on the save path: only what an edit adds is checked; a refusal writes
// nothing and says why; a hold makes the revision wait for review.
#include <doctest/doctest.h>

#include "../../engine/src/filter/added_text.h"
#include "../../engine/src/filter/filter_findings.h"
#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

TEST_CASE("added_lines keeps the lines an edit brings in") {
  struct Row {
    const char* before;
    const char* after;
    const char* added;
  };
  const Row rows[] = {
      {"", "", ""},
      {"", "a\nb", "a\nb"},
      {"a\nb", "a\nb", ""},
      {"a\nb", "b\na", ""},                 // moved lines add nothing
      {"a\nb", "a\nB", "B"},                // a changed line counts whole
      {"a", "a\na", "a"},                   // a copy of a line is added once
      {"a\r\nb", "a\nb\nc", "c"},           // line ends do not matter
      {"x\ny\nz", "", ""},                  // deleting adds nothing
      {"a\n\nb", "a\n\n\nb", ""},           // an empty line joins as empty
  };
  for (const auto& row : rows) {
    CAPTURE(row.before);
    CAPTURE(row.after);
    CHECK(added_lines(row.before, row.after).text == row.added);
  }
}

TEST_CASE("an offset in the added lines points back into the edited text") {
  struct Row {
    const char* before;
    const char* after;
    std::size_t in_added;  // an offset in added_lines(before, after).text
    std::size_t in_edit;   // the same byte in `after`
  };
  const Row rows[] = {
      {"", "abc", 1, 1},
      {"a\nb", "a\nb\ncd", 1, 5},        // the only added line starts at byte 4
      {"a\nb", "a\nxy\nb\nzw", 3, 7},  // 'x','y','\n','z': the second added line
      {"a\nb", "a\nxy\nb\nzw", 2, 4},  // the end of the first added line ends it in the edit
      {"a", "a\r\nnew", 0, 3},           // line ends of the edit are counted as they are
      {"same", "same", 0, 0},              // nothing added: nothing to point at
  };
  for (const auto& row : rows) {
    CAPTURE(row.after);
    CAPTURE(row.in_added);
    CHECK(added_lines(row.before, row.after).position_in_edit(row.in_added) == row.in_edit);
  }
}

TEST_CASE("a finding stays within one added line and follows the writer's own text") {
  // Two added lines that stand apart in the edit: a match over the '\n' joining them would
  // otherwise cover the unchanged line between them.
  const std::string after = "x 06\na\n12 y\nb";
  const AddedText added = added_lines("a\nb", after);
  REQUIRE(added.text == "x 06\n12 y");
  const FilterResult found{{{"phone", FilterAction::refuse, "filter-phone", 2, 5}}};
  const auto findings = findings_of(found, FilterAction::refuse, "text", after, &added);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].excerpt == "06");
  CHECK(findings[0].start == 2);
  CHECK(findings[0].length == 2);
  CHECK(findings_of(found, FilterAction::hold, "text", after, &added).empty());

  // Found in a merge of the writer's text: pointed at where the writer has it.
  FilterFinding moved{"phone", "filter-phone", "text", 40, 14, "06 12 34 56 78"};
  relocate(moved, "Le téléphone : 06 12 34 56 78.");
  CHECK(moved.start == 15);
  FilterFinding absent{"phone", "filter-phone", "text", 40, 14, "06 12 34 56 78"};
  relocate(absent, "Rien ici.");
  CHECK(absent.start == 40);
}

TEST_CASE("a save that adds a phone number is refused and writes nothing") {
  WikiFixture f;
  auto first = f.save(f.en, "Tiger", "Tigers are big cats.");
  REQUIRE(first.ok());
  auto refused = f.save(f.en, "Tiger", "Tigers are big cats.\nCall me at 06 12 34 56 78.",
                        first->revision_id);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == ErrorCode::unprocessable);
  CHECK(refused.error().message_id == "filter-phone");
  // Where: the editor selects these characters for the writer (docs/api.md, "refused").
  const auto arg = [&](const char* name) {
    for (const auto& [key, value] : refused.error().args) {
      if (key == name) return value;
    }
    FAIL("no argument " << name);
    return std::variant<std::string, std::int64_t>{};
  };
  CHECK(std::get<std::string>(arg("field")) == "text");
  CHECK(std::get<std::int64_t>(arg("start")) == 32);
  CHECK(std::get<std::int64_t>(arg("length")) == 14);
  CHECK(std::get<std::string>(arg("excerpt")) == "06 12 34 56 78");
  auto view = f.wiki->read_own(f.console(), f.en, f.title(f.en, "Tiger"));
  REQUIRE(view.ok());
  CHECK(view->revision.id == first->revision_id);
}

TEST_CASE("the summary is checked like the text") {
  WikiFixture f;
  auto refused = f.save(f.fr, "Tigre", "Le tigre est un félin.", std::nullopt,
                        "écris-moi à lea@example.com");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message_id == "filter-email");
  // Positions count characters, not bytes: "é" is one.
  bool pointed = false;
  for (const auto& [key, value] : refused.error().args) {
    if (key == "field") CHECK(std::get<std::string>(value) == "summary");
    if (key == "start") {
      CHECK(std::get<std::int64_t>(value) == 12);  // "écris-moi à "
      pointed = true;
    }
  }
  CHECK(pointed);
}

TEST_CASE("a held word makes the revision pending; readers keep the approved text") {
  WikiFixture f;
  auto first = f.save(f.en, "Tiger", "Tigers are big cats.");
  REQUIRE(first.ok());
  auto held = f.save(f.en, "Tiger", "Tigers are big cats.\nThey live at 12 Rose Street.",
                     first->revision_id);
  REQUIRE(held.ok());
  CHECK(held->review == ReviewState::pending);
  auto seen = f.wiki->read(f.reader(), f.en, f.title(f.en, "Tiger"), false);
  REQUIRE(seen.ok());
  CHECK(seen->revision.id == first->revision_id);
  // Which words wait, where the writer typed them.
  auto words = f.wiki->held_words(f.console(), f.en, held->revision_id);
  REQUIRE(words.ok());
  REQUIRE(words->size() == 1);
  CHECK(words->front().rule == "address");
  CHECK(words->front().field == "text");
  CHECK(words->front().excerpt == "12 Rose Street");
  CHECK(words->front().start == 34);  // "Tigers are big cats.\nThey live at " is 34 characters
  CHECK(words->front().length == 14);
  // A published revision waits for nothing.
  auto none = f.wiki->held_words(f.console(), f.en, first->revision_id);
  REQUIRE(none.ok());
  CHECK(none->empty());
}

TEST_CASE("text readers already see does not trip the filter again") {
  WikiFixture f(false, 0, true);
  const std::string text = "Tigers are big cats.\nThey live at 12 Rose Street.";
  auto first = f.save(f.en, "Tiger", text);
  REQUIRE(first.ok());
  REQUIRE(first->review == ReviewState::pending);
  // A revision with no author's account is a moderator's to review.
  const auto moderator = f.make_user("Ms Grey", Role::moderator);
  REQUIRE(f.wiki->approve(f.actor(moderator), f.en, first->revision_id).ok());
  auto second = f.save(f.en, "Tiger", text + "\nThey hunt at night.", first->revision_id);
  REQUIRE(second.ok());
  CHECK(second->review == ReviewState::approved);
}

// The author's own line stacks on their held revision; every save of it is measured from the
// published text.
TEST_CASE("held text stays held under a later harmless save") {
  WikiFixture f(false, 0, /*fast_passwords=*/true);
  const auto teacher = f.actor(f.make_user("Ms Grey", Role::teacher));
  auto first = f.save(f.en, "Tiger", "Tigers are big cats.");
  REQUIRE(first.ok());
  auto held = f.save_as(teacher, f.en, "Tiger", "Tigers are big cats.\nThey live at 12 Rose Street.",
                        first->revision_id);
  REQUIRE(held.ok());
  REQUIRE(held->review == ReviewState::pending);
  auto stacked = f.save_as(teacher, f.en, "Tiger",
                           "Tigers are big cats.\nThey live at 12 Rose Street.\nThey swim.",
                           held->revision_id);
  REQUIRE(stacked.ok());
  CHECK(stacked->review == ReviewState::pending);
  auto seen = f.wiki->read(f.reader(), f.en, f.title(f.en, "Tiger"), false);
  REQUIRE(seen.ok());
  CHECK(seen->revision.id == first->revision_id);
}
