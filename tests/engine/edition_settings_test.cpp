// An edition's one runtime setting: anonymous editing, off by default, kept across restarts, and
// what it lets readers do.
#include <doctest/doctest.h>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

TEST_CASE("anonymous editing is off by default, and an admin's choice survives a restart") {
  WikiFixture f;
  CHECK_FALSE(f.fr.anonymous_editing);
  CHECK_FALSE(f.en.anonymous_editing);
  REQUIRE(f.wiki->set_anonymous_editing(f.console(), f.fr, true).ok());
  CHECK(f.wiki->edition("fr")->anonymous_editing);  // at once, without a restart
  CHECK_FALSE(f.wiki->edition("en")->anonymous_editing);
  f.reopen();
  CHECK(f.fr.anonymous_editing);
  CHECK_FALSE(f.en.anonymous_editing);
  for (const auto& ed : f.wiki->editions()) CHECK(ed.anonymous_editing == (ed.lang == "fr"));
  REQUIRE(f.wiki->set_anonymous_editing(f.console(), f.fr, false).ok());
  f.reopen();
  CHECK_FALSE(f.fr.anonymous_editing);
}

TEST_CASE("only an admin turns anonymous editing on or off") {
  WikiFixture f(false, 0, /*fast_passwords=*/true);
  const auto admin = f.make_user("Admin", Role::admin);
  const auto moderator = f.make_user("Modo", Role::moderator);
  CHECK(f.wiki->set_anonymous_editing(f.reader(), f.fr, true).error().code ==
        ErrorCode::not_logged_in);
  CHECK(f.wiki->set_anonymous_editing(f.actor(moderator), f.fr, true).error().code ==
        ErrorCode::forbidden);
  CHECK_FALSE(f.wiki->edition("fr")->anonymous_editing);
  REQUIRE(f.wiki->set_anonymous_editing(f.actor(admin), f.fr, true).ok());
  CHECK(f.wiki->edition("fr")->anonymous_editing);
}

TEST_CASE("turning anonymous editing on or off is in the audit log") {
  WikiFixture f;
  REQUIRE(f.wiki->set_anonymous_editing(f.console(), f.en, true).ok());
  auto log = f.wiki->moderation().audit_log(f.console(), AuditQuery{});
  REQUIRE(log.ok());
  REQUIRE_FALSE(log->empty());
  CHECK(log->front().action == "anonymous-editing-on");
  CHECK(log->front().target_label == "en");
}

TEST_CASE("readers edit only where anonymous editing is on, and always wait for review") {
  WikiFixture f;
  auto base = f.save(f.en, "Cat", "Cats purr.");
  REQUIRE(base.ok());
  const auto cat = f.title(f.en, "Cat");
  auto refused = f.save_as(f.reader(), f.en, "Cat", "Cats purr loudly.", base->revision_id);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == ErrorCode::not_logged_in);
  CHECK(f.wiki->may_edit(f.reader(), f.en, cat).error().code == ErrorCode::not_logged_in);

  REQUIRE(f.wiki->set_anonymous_editing(f.console(), f.en, true).ok());
  f.en = *f.wiki->edition("en");
  CHECK(f.wiki->may_edit(f.reader(), f.en, cat).ok());
  // Never a move: a rename is published at once.
  CHECK(f.wiki->may_edit(f.reader(), f.en, cat, /*move=*/true).error().code ==
        ErrorCode::not_logged_in);
  auto saved = f.save_as(f.reader(), f.en, "Cat", "Cats purr loudly.", base->revision_id);
  REQUIRE(saved.ok());
  CHECK(saved->review == ReviewState::pending);
  CHECK(f.reader_text(f.en, "Cat") == "Cats purr.");
  auto pending = f.wiki->find_edit(f.console(), saved->revision_id);
  REQUIRE(pending.ok());
  CHECK(pending->info.author == "anonymous");
  CHECK_FALSE(pending->author_id);
  // A reader has no line of their own: the next reader starts from what readers see.
  CHECK(f.wiki->read_own(f.reader(), f.en, cat)->markdown == "Cats purr.");
  REQUIRE(f.wiki->approve(f.console(), f.en, saved->revision_id).ok());
  CHECK(f.reader_text(f.en, "Cat") == "Cats purr loudly.");
}
