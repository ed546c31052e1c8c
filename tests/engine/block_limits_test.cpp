// The limits of blocks: nobody lifts their own block, a block ends on a real date between now and
// five years from now, and a blocked account of any role keeps reading and nothing else.
#include <doctest/doctest.h>

#include <ctime>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

struct BlockFixture : WikiFixture {
  std::int64_t moderator = 0, other = 0, pupil = 0;
  BlockFixture() : WikiFixture(false, 0, /*fast_passwords=*/true) {
    moderator = make_user("Modo", Role::moderator);
    other = make_user("Autre", Role::moderator);
    pupil = make_user("Léa", Role::pupil);
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

// The outcome of a call without its value.
template <class T>
Status status_of(const Result<T>& r) {
  if (r) return Ok{};
  return r.error();
}

}  // namespace

TEST_CASE("a blocked moderator cannot lift their own block; another moderator can") {
  BlockFixture f;
  // Taken before the block: the engine still refuses, whatever the snapshot says.
  const Actor before = f.actor(f.moderator);
  REQUIRE(f.mod().block(f.actor(f.other), f.moderator, "abus", std::nullopt).ok());
  for (const Actor& self : {before, f.actor(f.moderator)}) {
    auto own = f.mod().unblock(self, f.moderator, "je me débloque");
    REQUIRE_FALSE(own.ok());
    CHECK(own.error().code == ErrorCode::forbidden);
    CHECK(own.error().message_id == "moderation-error-unblock-self");
  }
  CHECK(f.mod().active_block(f.actor(f.other), f.moderator));
  // The account itself sees its block.
  CHECK(f.mod().active_block(f.actor(f.moderator), f.moderator));
  REQUIRE(f.mod().unblock(f.actor(f.other), f.moderator, "c'est réglé").ok());
  CHECK_FALSE(f.mod().active_block(f.actor(f.other), f.moderator));
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
    auto b = f.mod().block(f.actor(f.moderator), f.pupil, "raison", row.expires_at);
    CHECK(b.ok() == row.accepted);
    if (!b.ok()) {
      CHECK(b.error().code == ErrorCode::invalid_input);
      CHECK(b.error().message_id == "moderation-error-block-expiry");
    }
  }
}

TEST_CASE("a pupil's block and unblock are in their class's audit log") {
  BlockFixture f;
  const auto teacher = f.make_user("Mme Martin", Role::teacher);
  auto klass = f.wiki->classes().create_class(f.actor(teacher), "CM2", "fr", true);
  REQUIRE(klass.ok());
  auto pupils = f.wiki->classes().add_pupils(f.actor(teacher), klass->id, {"Noé"});
  REQUIRE(pupils.ok());
  const auto noe = pupils->front().user.id;
  REQUIRE(f.mod().block(f.actor(f.moderator), noe, "insultes", std::nullopt).ok());
  REQUIRE(f.mod().unblock(f.actor(f.moderator), noe, "excuses").ok());
  AuditQuery query;
  query.class_id = klass->id;
  auto log = f.mod().audit_log(f.actor(teacher), query).value();
  REQUIRE(log.size() >= 2);
  CHECK(log[0].action == "unblock");
  CHECK(log[1].action == "block");
  CHECK(log[1].target_label == "Noé");
}

// A block takes every power away but reading and one's own edits, whatever the role: a blocked
// moderator cannot moderate, a blocked teacher cannot teach. Each call refuses with the block.
TEST_CASE("a blocked teacher or moderator can only read and see their own edits") {
  BlockFixture f;
  const auto teacher = f.make_user("Mme Martin", Role::teacher);
  auto cls = f.wiki->classes().create_class(f.actor(teacher), "CM2", "fr", true);
  REQUIRE(cls.ok());
  const auto noe = f.make_user("Noé", Role::pupil, cls->id);
  auto chat = f.save(f.fr, "Chat", "Le chat dort.");
  REQUIRE(chat.ok());
  auto pending = f.save_as(f.actor(noe), f.fr, "Chat", "Le chat dort beaucoup.", chat->revision_id);
  REQUIRE(pending.ok());
  auto own = f.save_as(f.actor(teacher), f.fr, "Chien", "Le chien aboie.");
  REQUIRE(own.ok());
  const std::string until = new_year_in(1);
  REQUIRE(f.mod().block(f.actor(f.other), teacher, "abus", std::nullopt).ok());
  REQUIRE(f.mod().block(f.actor(f.other), f.moderator, "abus", until).ok());

  struct Blocked { const char* name; std::int64_t id; const char* message; };
  for (const Blocked who : {Blocked{"teacher", teacher, "edit-error-blocked"},
                            Blocked{"moderator", f.moderator, "edit-error-blocked-until"}}) {
    CAPTURE(who.name);
    const Actor a = f.actor(who.id);
    REQUIRE(a.block());
    const Title chat_title = f.title(f.fr, "Chat");
    // Reading, and one's own edits, still work.
    CHECK(f.wiki->read(a, f.fr, chat_title, true).ok());
    CHECK(f.wiki->history(a, f.fr, chat_title, 10, std::nullopt).ok());
    CHECK(f.wiki->edits_by(a, who.id, 10).ok());
    // Everything else is refused, with the block.
    const Status refused[] = {
        status_of(f.save_as(a, f.fr, "Chat", "Autre.", chat->revision_id)),
        f.wiki->may_edit(a, f.fr, chat_title),
        status_of(f.wiki->move(a, f.fr, chat_title, MoveRequest{"Chat 2", true, ""})),
        status_of(f.wiki->revert(a, f.fr, chat_title, chat->revision_id, "")),
        status_of(f.wiki->review_queue(a, &f.fr, std::nullopt, 10)),
        f.wiki->approve(a, f.fr, pending->revision_id),
        f.wiki->reject(a, f.fr, pending->revision_id, "Non."),
        status_of(f.wiki->class_edits(a, cls->id, 10)),
        f.mod().protect(a, f.fr, chat_title, Protection::trusted, "x"),
        status_of(f.mod().block(a, f.pupil, "x", std::nullopt)),
        status_of(f.mod().active_blocks(a)),
        f.mod().delete_page(a, f.fr, chat_title, "x"),
        status_of(f.mod().report(a, f.fr, chat_title, "x")),
        status_of(f.mod().audit_log(a, AuditQuery{cls->id, std::nullopt, 10})),
        status_of(f.wiki->classes().add_generated_pupils(a, cls->id, 1)),
        status_of(f.wiki->classes().create_class(a, "CM1", "fr", true)),
    };
    for (std::size_t i = 0; i < std::size(refused); ++i) {
      CAPTURE(i);
      REQUIRE_FALSE(refused[i].ok());
      CHECK(refused[i].error().code == ErrorCode::forbidden);
    }
    // The calls that act for the account tell it about its block.
    for (std::size_t i : {0, 1, 2, 3, 4, 5, 6}) {
      CAPTURE(i);
      CHECK(refused[i].error().message_id == who.message);
    }
  }
  CHECK(f.reader_text(f.fr, "Chat") == "Le chat dort.");
  CHECK(f.reader_text(f.fr, "Chat 2") == "(none)");
  CHECK(f.wiki->find_edit(f.console(), pending->revision_id)->info.review == ReviewState::pending);
}
