// The index follows the safety tools through the outbox: a deleted page leaves the index and
// comes back when restored; a hidden revision's words leave it with the revision.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "search_fixture.h"

namespace kidwiki::search::testing {
namespace {

bool finds(Search& search, const std::string& query, const std::string& title) {
  const auto titles = titles_of(search, "fr", query);
  return std::find(titles.begin(), titles.end(), title) != titles.end();
}

struct ModeratedWiki {
  TempDir dir;
  std::unique_ptr<engine::Wiki> wiki = open_wiki(dir.path());
  std::unique_ptr<Search> search = open_search(*wiki, dir.path());
  engine::Edition fr = *wiki->edition("fr");
  std::int64_t moderator_id = wiki->accounts()
                                  .create_user(engine::Actor::console(), "Modo", "modo-password-1",
                                               engine::Role::moderator)
                                  ->id;
  engine::Actor moderator = wiki->accounts().actor(moderator_id).value();
  engine::Title okapi = wiki->parse_title(fr, "Okapi").value();
};

TEST_CASE("moderation feed: a deleted page is dropped from the index and back once restored") {
  ModeratedWiki m;
  save_page(*m.wiki, "fr", "Okapi", "L'okapi a un long cou tacheté.");
  REQUIRE(m.search->drain().ok());
  REQUIRE(finds(*m.search, "okapi", "Okapi"));
  CHECK(m.search->suggest("fr", "oka", 5).value() == std::vector<std::string>{"Okapi"});
  REQUIRE(m.wiki->moderation().delete_page(m.moderator, m.fr, m.okapi, "copie").ok());
  REQUIRE(m.search->drain().ok());
  CHECK_FALSE(finds(*m.search, "okapi", "Okapi"));
  CHECK(m.search->suggest("fr", "oka", 5).value().empty());  // the completer follows the index
  REQUIRE(m.wiki->moderation().restore_page(m.moderator, m.fr, m.okapi, "").ok());
  REQUIRE(m.search->drain().ok());
  CHECK(finds(*m.search, "okapi", "Okapi"));
  CHECK(m.search->suggest("fr", "oka", 5).value() == std::vector<std::string>{"Okapi"});
}

TEST_CASE("moderation feed: a hidden revision's words leave the index") {
  ModeratedWiki m;
  save_page(*m.wiki, "fr", "Okapi", "L'okapi a un long cou.");
  const auto leaked =
      save_page(*m.wiki, "fr", "Okapi", "L'okapi a un long cou. Zébulon habite ici.");
  REQUIRE(m.search->drain().ok());
  REQUIRE(finds(*m.search, "zébulon", "Okapi"));
  REQUIRE(
      m.wiki->moderation().set_revision_hidden(m.moderator, m.fr, leaked, true, "adresse").ok());
  REQUIRE(m.search->drain().ok());
  CHECK_FALSE(finds(*m.search, "zébulon", "Okapi"));
  CHECK(finds(*m.search, "okapi", "Okapi"));
}

}  // namespace
}  // namespace kidwiki::search::testing
