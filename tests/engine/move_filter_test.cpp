// A move is published at once, so the filter's hold rules refuse it: nothing a save would hold
// for review may reach readers through a new title or a move's reason.
#include <doctest/doctest.h>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

TEST_CASE("a move whose new title or reason the filter would refuse or hold is refused") {
  WikiFixture f;
  REQUIRE(f.save(f.en, "Kitten", "A young cat.").ok());
  struct Row {
    std::string new_title, reason, message_id;
  };
  const Row rows[] = {
      {"Call 06 12 34 56 78", "", "filter-phone"},   // the filter refuses a phone number
      {"Crap facts", "", ""},                          // "crap" is held in i18n/filters/en.txt
      {"Young cat", "what a crap name", ""},           // the reason too
  };
  for (const auto& row : rows) {
    CAPTURE(row.new_title);
    CAPTURE(row.reason);
    auto moved = f.wiki->move(f.console(), f.en, f.title(f.en, "Kitten"), MoveRequest{row.new_title, true, row.reason});
    REQUIRE_FALSE(moved.ok());
    CHECK(moved.error().code == ErrorCode::unprocessable);
    if (!row.message_id.empty()) CHECK(moved.error().message_id == row.message_id);
    CHECK(moved.error().message_id.starts_with("filter-"));
    CHECK(f.wiki->read(f.reader(), f.en, f.title(f.en, "Kitten"), false).ok());
  }
  CHECK(f.wiki->move(f.console(), f.en, f.title(f.en, "Kitten"), MoveRequest{"Young cat", true, "nicer"}).ok());
}
