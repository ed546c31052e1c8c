// An edition's one runtime setting: anonymous editing, off by default, kept across restarts.
#include <doctest/doctest.h>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

TEST_CASE("anonymous editing is off by default, and an admin's choice survives a restart") {
  WikiFixture f;
  CHECK_FALSE(f.fr.anonymous_editing);
  CHECK_FALSE(f.en.anonymous_editing);
  REQUIRE(f.wiki->set_anonymous_editing(std::nullopt, f.fr, true).ok());
  CHECK(f.wiki->edition("fr")->anonymous_editing);  // at once, without a restart
  CHECK_FALSE(f.wiki->edition("en")->anonymous_editing);
  f.reopen();
  CHECK(f.fr.anonymous_editing);
  CHECK_FALSE(f.en.anonymous_editing);
  for (const auto& ed : f.wiki->editions()) CHECK(ed.anonymous_editing == (ed.lang == "fr"));
  REQUIRE(f.wiki->set_anonymous_editing(std::nullopt, f.fr, false).ok());
  f.reopen();
  CHECK_FALSE(f.fr.anonymous_editing);
}

TEST_CASE("turning anonymous editing on or off is in the audit log") {
  WikiFixture f;
  REQUIRE(f.wiki->set_anonymous_editing(std::nullopt, f.en, true).ok());
  auto log = f.wiki->moderation().audit_log(AuditQuery{});
  REQUIRE_FALSE(log.empty());
  CHECK(log.front().action == "anonymous-editing-on");
  CHECK(log.front().target_label == "en");
}
