// The limits of blocks: nobody lifts their own block, and a block ends on a real date between
// now and five years from now.
#include <doctest/doctest.h>

#include <ctime>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

struct BlockFixture : WikiFixture {
  std::int64_t moderator = 0, other = 0, pupil = 0;
  BlockFixture() : WikiFixture(false, 0, /*fast_passwords=*/true) {
    moderator = wiki->accounts().create_user("Modo", "password-1", Role::moderator, std::nullopt)->id;
    other = wiki->accounts().create_user("Autre", "password-2", Role::moderator, std::nullopt)->id;
    pupil = wiki->accounts().create_user("Léa", "password-3", Role::pupil, std::nullopt)->id;
  }
  Moderation& mod() { return wiki->moderation(); }
};

// January 1st of the year `years` from now, at noon UTC.
std::string new_year_in(int years) {
  std::time_t t = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&t, &utc);
  return std::to_string(utc.tm_year + 1900 + years) + "-01-01T12:00:00Z";
}

// February 29th of the first year ahead that has one (`leap`), or of the first that does not.
std::string february_29th(bool leap) {
  for (int years = 1;; ++years) {
    const int year = std::stoi(new_year_in(years).substr(0, 4));
    if ((year % 4 == 0 && year % 100 != 0) == leap || year % 400 == 0) {
      return std::to_string(year) + "-02-29T10:00:00Z";
    }
  }
}

}  // namespace

TEST_CASE("a blocked moderator cannot lift their own block; another moderator can") {
  BlockFixture f;
  REQUIRE(f.mod().block(f.other, f.moderator, "abus", std::nullopt).ok());
  auto own = f.mod().unblock(f.moderator, f.moderator, "je me débloque");
  REQUIRE_FALSE(own.ok());
  CHECK(own.error().code == ErrorCode::forbidden);
  CHECK(own.error().message_id == "moderation-error-unblock-self");
  CHECK(f.mod().active_block(f.moderator));
  REQUIRE(f.mod().unblock(f.other, f.moderator, "c'est réglé").ok());
  CHECK_FALSE(f.mod().active_block(f.moderator));
}

TEST_CASE("a block's end must be a real date, in the future, at most five years away") {
  BlockFixture f;
  struct Row {
    std::string expires_at;
    bool accepted;
  };
  const Row rows[] = {
      {new_year_in(1), true},
      {new_year_in(5), true},
      {new_year_in(6), false},
      {"2999-01-01T00:00:00Z", false},
      {"9999-99-99T99:99:99Z", false},
      {new_year_in(1).replace(5, 2, "00"), false},       // month 0
      {new_year_in(1).replace(5, 2, "13"), false},       // month 13
      {new_year_in(1).replace(5, 5, "02-30"), false},    // February 30th
      {new_year_in(1).replace(5, 5, "04-31"), false},    // April 31st
      {new_year_in(1).replace(8, 2, "00"), false},       // day 0
      {new_year_in(1).replace(11, 2, "24"), false},      // hour 24
      {new_year_in(1).replace(14, 2, "60"), false},      // minute 60
      {new_year_in(1).replace(17, 2, "60"), false},      // second 60
      {"2000-01-01T00:00:00Z", false},                   // in the past
      {february_29th(true), true},
      {february_29th(false), false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.expires_at);
    auto b = f.mod().block(f.moderator, f.pupil, "raison", row.expires_at);
    CHECK(b.ok() == row.accepted);
    if (!b.ok()) {
      CHECK(b.error().code == ErrorCode::invalid_input);
      CHECK(b.error().message_id == "moderation-error-block-expiry");
    }
  }
}

TEST_CASE("a pupil's block and unblock are in their class's audit log") {
  BlockFixture f;
  const auto teacher =
      f.wiki->accounts().create_user("Mme Martin", "password-4", Role::teacher, std::nullopt)->id;
  auto klass = f.wiki->classes().create_class(teacher, "CM2", "fr", true);
  REQUIRE(klass.ok());
  auto pupils = f.wiki->classes().add_pupils(teacher, klass->id, {"Noé"});
  REQUIRE(pupils.ok());
  const auto noe = pupils->front().user.id;
  REQUIRE(f.mod().block(f.moderator, noe, "insultes", std::nullopt).ok());
  REQUIRE(f.mod().unblock(f.moderator, noe, "excuses").ok());
  AuditQuery query;
  query.class_id = klass->id;
  auto log = f.mod().audit_log(query);
  REQUIRE(log.size() >= 2);
  CHECK(log[0].action == "unblock");
  CHECK(log[1].action == "block");
  CHECK(log[1].target_label == "Noé");
}
