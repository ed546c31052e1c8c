// The index follows what readers see, through the outbox: new pages, edits, renames, pages
// readers cannot see (pending, hidden, deleted), rebuilds, and the background drainer.
#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

#include "hiding_wiki.h"
#include "search_fixture.h"

namespace kidwiki::search::testing {
namespace {

bool finds(Search& search, const std::string& lang, const std::string& query,
           const std::string& title) {
  const auto titles = titles_of(search, lang, query);
  return std::find(titles.begin(), titles.end(), title) != titles.end();
}

TEST_CASE("feed: a saved page is found once the outbox is drained, edits replace it") {
  TempDir dir;
  auto wiki = open_wiki(dir.path());
  auto search = open_search(*wiki, dir.path());
  save_page(*wiki, "fr", "Okapi", "L'okapi a un long cou tacheté.");
  CHECK_FALSE(finds(*search, "fr", "okapi", "Okapi"));
  REQUIRE(search->drain().ok());
  CHECK(finds(*search, "fr", "okapi", "Okapi"));
  save_page(*wiki, "fr", "Okapi", "L'okapi mange des feuilles d'acacia.");
  REQUIRE(search->drain().ok());
  CHECK(finds(*search, "fr", "acacia", "Okapi"));
  CHECK_FALSE(finds(*search, "fr", "tacheté", "Okapi"));
  CHECK(search->drain().value() == 0);  // acknowledged: nothing left
}

TEST_CASE("feed: a pupil's pending edit is not found until it is approved, and found right after") {
  TempDir dir;
  auto wiki = open_wiki(dir.path());
  auto search = open_search(*wiki, dir.path());
  auto& accounts = wiki->accounts();
  const auto console = engine::Actor::console();
  auto teacher = accounts.create_user(console, "Mme Martin", "classe-cm2-b", engine::Role::teacher);
  REQUIRE(teacher.ok());
  const auto teacher_actor = accounts.actor(teacher->id).value();
  auto cls = wiki->classes().create_class(teacher_actor, "CM2", "fr", /*review_required=*/true);
  REQUIRE(cls.ok());
  auto pupil = accounts.create_user(console, "Léa", "tigre-lampe-42", engine::Role::pupil, cls->id);
  REQUIRE(pupil.ok());
  save_page(*wiki, "fr", "Okapi", "L'okapi vit dans la forêt.");
  REQUIRE(search->drain().ok());
  const engine::Edition fr = *wiki->edition("fr");
  const engine::Title okapi = wiki->parse_title(fr, "Okapi").value();
  const auto pupil_actor = accounts.actor(pupil->id).value();
  engine::SaveRequest edit{"L'okapi vit dans la forêt et mange des feuilles de kapokier.", "ajout",
                           wiki->read_own(pupil_actor, fr, okapi)->revision.id};
  auto pending = wiki->save(pupil_actor, fr, okapi, edit);
  REQUIRE(pending.ok());
  REQUIRE(pending->review == engine::ReviewState::pending);
  REQUIRE(search->drain().ok());
  CHECK_FALSE(finds(*search, "fr", "kapokier", "Okapi"));
  CHECK(finds(*search, "fr", "okapi", "Okapi"));
  REQUIRE(wiki->approve(teacher_actor, fr, pending->revision_id).ok());
  REQUIRE(search->drain().ok());
  CHECK(finds(*search, "fr", "kapokier", "Okapi"));
}

TEST_CASE("feed: a renamed page is found under its new title, the old one only as a redirect") {
  TempDir dir;
  auto wiki = open_wiki(dir.path());
  auto search = open_search(*wiki, dir.path());
  save_page(*wiki, "fr", "Hipopotame", "L'hippopotame vit dans les fleuves d'Afrique.");
  const engine::Edition fr = *wiki->edition("fr");
  engine::MoveRequest move{"Hippopotame", true, "orthographe"};
  REQUIRE(wiki->move(engine::Actor::console(), fr, wiki->parse_title(fr, "Hipopotame").value(), move)
              .ok());
  REQUIRE(search->drain().ok());
  const auto titles = titles_of(*search, "fr", "hipopotame");
  REQUIRE(titles.size() == 1);
  CHECK(titles.front() == "Hippopotame");  // the redirect's title leads to the page itself
  CHECK(titles_of(*search, "fr", "Hippopotame").front() == "Hippopotame");
  const auto docs = search->documents("fr").value();
  CHECK(std::none_of(docs.begin(), docs.end(),
                     [](const IndexedDocument& d) { return d.full_title == "Hipopotame"; }));
  CHECK(search->suggest("fr", "hip", 5).value() == std::vector<std::string>{"Hippopotame"});
}

// open() leaves the titles of an existing index to a thread, so that a large wiki's server answers
// at once (issue 11); autocomplete right after it must still offer every title.
TEST_CASE("feed: after a restart, autocomplete offers every title, and drains keep them") {
  TempDir dir;
  auto wiki = open_wiki(dir.path());
  {
    auto search = open_search(*wiki, dir.path());
    save_page(*wiki, "fr", "Hippopotame", "L'hippopotame vit dans les fleuves d'Afrique.");
    save_page(*wiki, "fr", "Hibou", "Le hibou chasse la nuit.");
    REQUIRE(search->drain().ok());
  }
  auto search = open_search(*wiki, dir.path());
  CHECK(search->suggest("fr", "hi", 5).value() == std::vector<std::string>{"Hibou", "Hippopotame"});
  save_page(*wiki, "fr", "Hirondelle", "L'hirondelle revient au printemps.");
  REQUIRE(search->drain().ok());
  CHECK(search->suggest("fr", "hi", 5).value() ==
        std::vector<std::string>{"Hibou", "Hippopotame", "Hirondelle"});
}

TEST_CASE("feed: pages readers cannot see are not found, and are found once visible") {
  TempDir dir;
  auto real = open_wiki(dir.path());
  HidingWiki wiki(*real);
  auto search = open_search(wiki, dir.path());
  save_page(wiki, "fr", "Zèbre", "Le zèbre a des rayures noires et blanches.");
  const std::int64_t id = page_id_of(wiki, "fr", "Zèbre");
  // Pending until approved: the engine queues the page, but it has nothing readers see.
  wiki.hide(id);
  REQUIRE(search->drain().ok());
  CHECK_FALSE(finds(*search, "fr", "zebre", "Zèbre"));
  // Approved: the page is queued again and becomes visible.
  wiki.show(id);
  save_page(wiki, "fr", "Zèbre", "Le zèbre a des rayures noires et blanches. Il vit en Afrique.");
  REQUIRE(search->drain().ok());
  CHECK(finds(*search, "fr", "zebre", "Zèbre"));
  // Hidden or deleted later: gone from the index at the next change, and from a rebuild.
  wiki.hide(id);
  save_page(wiki, "fr", "Zèbre", "Le zèbre court vite.");
  REQUIRE(search->drain().ok());
  CHECK_FALSE(finds(*search, "fr", "zebre", "Zèbre"));
  const auto docs = search->documents("fr").value();
  CHECK(std::none_of(docs.begin(), docs.end(),
                     [&](const IndexedDocument& d) { return d.page_id == id; }));
}

TEST_CASE("feed: reindex rebuilds an edition from SQLite, with progress") {
  TempDir dir;
  auto real = open_wiki(dir.path());
  HidingWiki wiki(*real);
  save_page(wiki, "fr", "Loup", "Le loup vit en meute.");
  save_page(wiki, "fr", "Renard", "Le renard est roux.");
  const std::size_t pages = wiki.page_ids(*wiki.edition("fr")).size();
  auto search = open_search(wiki, dir.path());
  // An empty index is not rebuilt by open(), which must return at once whatever the wiki's size,
  // but by the next drain; until then the results say they may be incomplete.
  auto before = search->query("fr", SearchRequest{"loup"});
  REQUIRE(before.ok());
  CHECK(before->index_incomplete);
  CHECK(before->results.empty());
  REQUIRE(search->drain().ok());
  auto after = search->query("fr", SearchRequest{"loup"});
  REQUIRE(after.ok());
  CHECK_FALSE(after->index_incomplete);
  CHECK(finds(*search, "fr", "loup", "Loup"));
  wiki.hide(page_id_of(wiki, "fr", "Loup"));
  std::size_t calls = 0;
  REQUIRE(search->reindex("fr", [&](std::size_t done, std::size_t total) {
    CHECK(total == pages);
    CHECK(done == ++calls);
  }).ok());
  CHECK(calls == pages);
  CHECK_FALSE(finds(*search, "fr", "loup", "Loup"));
  CHECK(finds(*search, "fr", "renard", "Renard"));
  CHECK(search->reindex("xx").error().code == engine::ErrorCode::not_found);
}

TEST_CASE("feed: the background drainer indexes new pages by itself") {
  TempDir dir;
  auto wiki = open_wiki(dir.path());
  auto search = open_search(*wiki, dir.path());
  search->start_draining();
  save_page(*wiki, "en", "Giraffe", "The giraffe has a long neck.");
  bool found = false;
  for (int i = 0; i < 200 && !found; ++i) {
    found = finds(*search, "en", "giraffe", "Giraffe");
    if (!found) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(found);
}

TEST_CASE("feed: a second process cannot write the same index") {
  TempDir dir;
  auto wiki = open_wiki(dir.path());
  auto first = open_search(*wiki, dir.path());
  const auto second = Search::open(*wiki, search_options(dir.path()));
  REQUIRE_FALSE(second.ok());
  CHECK(second.error().message_id == "search-error-locked");
}

}  // namespace
}  // namespace kidwiki::search::testing
