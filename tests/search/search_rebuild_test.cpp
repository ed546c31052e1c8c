// A rebuild (Search::reindex, and the one a start with an empty index asks for) builds a new index
// beside the live one and then swaps them: it must write what indexing page by page writes,
// spelling counts included, while queries go on answering from the old index until the swap.
// These tests read the index files with Xapian itself, as the search module's own tests may.
#include <doctest/doctest.h>

#include <xapian.h>

#include <atomic>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "../forwarding_wiki.h"
#include "search_fixture.h"

namespace kidwiki::search::testing {
namespace {

namespace fs = std::filesystem;

struct IndexContents {
  std::map<std::string, Xapian::termcount> spelling;            // word → frequency
  std::set<std::pair<std::string, std::string>> synonyms;       // key, word
  std::map<std::string, std::map<std::string, std::string>> documents;  // Q term → term → wdf:positions
  std::map<std::string, std::string> data;                      // Q term → document data
};

IndexContents read_index(const fs::path& dir) {
  Xapian::Database db(dir.string());
  IndexContents c;
  for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w) c.spelling[*w] = w.get_termfreq();
  for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) {
    for (auto s = db.synonyms_begin(*k); s != db.synonyms_end(*k); ++s) c.synonyms.insert({*k, *s});
  }
  for (auto q = db.allterms_begin("Q"); q != db.allterms_end("Q"); ++q) {
    const Xapian::Document doc = db.get_document(*db.postlist_begin(*q));
    auto& terms = c.documents[*q];
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      std::string positions = std::to_string(t.get_wdf()) + ":";
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
        positions += std::to_string(*p) + ",";
      }
      terms[*t] = positions;
    }
    c.data[*q] = doc.get_data();
  }
  return c;
}

TEST_CASE("rebuild: the same documents and spelling counts as indexing page by page") {
  TempDir dir;
  auto wiki = open_wiki(dir.path());
  auto search = open_search(*wiki, dir.path());  // before the saves: they go through the outbox
  save_test_pages(*wiki);
  save_page(*wiki, "fr", "Loup", "Le loup hurle. Le loup vit en meute dans la forêt.");
  save_page(*wiki, "fr", "Renard", "Le renard roux chasse le lapin.");
  save_page(*wiki, "fr", "Loup", "Le loup vit en meute. Les louveteaux jouent.");  // an edit
  REQUIRE(search->drain().ok());
  const fs::path index = dir.path() / "search" / "fr";
  const IndexContents by_page = read_index(index);

  REQUIRE(search->reindex("fr").ok());
  const IndexContents rebuilt = read_index(index);
  CHECK(rebuilt.documents == by_page.documents);
  CHECK(rebuilt.data == by_page.data);
  // The edit's "hurle" and "foret" left the spelling data in both, counted exactly.
  CHECK(rebuilt.spelling == by_page.spelling);
  CHECK(by_page.spelling.count("loup") == 1);
  CHECK_FALSE(by_page.spelling.count("hurle"));
  // Synonyms are never removed page by page (vocabulary.h): the rebuild keeps only today's.
  CHECK(std::includes(by_page.synonyms.begin(), by_page.synonyms.end(), rebuilt.synonyms.begin(),
                      rebuilt.synonyms.end()));
  CHECK_FALSE(rebuilt.synonyms.empty());
  CHECK(titles_of(*search, "fr", "louveteaux") == std::vector<std::string>{"Loup"});
}

TEST_CASE("rebuild: queries answer from the old index until the new one replaces it") {
  TempDir dir;
  auto wiki = open_wiki(dir.path());
  auto search = open_search(*wiki, dir.path());
  save_page(*wiki, "fr", "Renard", "Le renard roux chasse le lapin.");
  save_page(*wiki, "fr", "Loup", "Le loup vit en meute.");
  REQUIRE(search->drain().ok());
  bool asked = false;
  REQUIRE(search->reindex("fr", [&](std::size_t done, std::size_t) {
    if (done != 1) return;
    asked = true;  // the new index is half built: the old one still answers, whole
    CHECK(titles_of(*search, "fr", "renard") == std::vector<std::string>{"Renard"});
    CHECK(titles_of(*search, "fr", "loup") == std::vector<std::string>{"Loup"});
  }).ok());
  CHECK(asked);
  CHECK(titles_of(*search, "fr", "renard") == std::vector<std::string>{"Renard"});
  CHECK_FALSE(fs::exists(dir.path() / "search" / "fr.building"));
  CHECK_FALSE(fs::exists(dir.path() / "search" / "fr.old"));
}

TEST_CASE("rebuild: readers busy during the swap never answer from the old index afterwards") {
  TempDir dir;
  auto wiki = open_wiki(dir.path());
  auto search = open_search(*wiki, dir.path());
  save_page(*wiki, "fr", "Renard", "Le renard roux chasse le lapin.");
  REQUIRE(search->drain().ok());
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::vector<std::thread> readers;
  SearchRequest renard;
  renard.query = "renard";
  for (int r = 0; r < 4; ++r) {
    readers.emplace_back([&] {
      while (!stop) {
        if (!search->query("fr", renard).ok()) ++failures;
      }
    });
  }
  for (const std::string word : {"ornithorynque", "wombat", "kookaburra", "quokka", "axolotl"}) {
    save_page(*wiki, "fr", "Renard", "Le renard roux chasse le " + word + ".");
    REQUIRE(wiki->outbox_peek(1000).size() > 0);
    wiki->outbox_ack(wiki->outbox_peek(1000).back().id);  // only the rebuild brings the change
    REQUIRE(search->reindex("fr").ok());
    for (int i = 0; i < 20; ++i) {  // as many readers as the pool holds, each asked again
      CHECK(titles_of(*search, "fr", word) == std::vector<std::string>{"Renard"});
    }
  }
  stop = true;
  for (auto& t : readers) t.join();
  CHECK(failures == 0);
}

TEST_CASE("rebuild: what an interrupted rebuild left is cleared at the next start") {
  TempDir dir;
  {
    auto wiki = open_wiki(dir.path());
    auto search = open_search(*wiki, dir.path());
    save_page(*wiki, "fr", "Renard", "Le renard roux chasse le lapin.");
    REQUIRE(search->drain().ok());
  }
  for (const char* left : {"fr.building", "fr.old"}) {
    fs::create_directories(dir.path() / "search" / left);
    std::ofstream(dir.path() / "search" / left / "postlist.glass") << "half written";
  }
  auto wiki = open_wiki(dir.path());
  auto search = open_search(*wiki, dir.path());
  CHECK(titles_of(*search, "fr", "renard") == std::vector<std::string>{"Renard"});
  CHECK_FALSE(fs::exists(dir.path() / "search" / "fr.building"));
  CHECK_FALSE(fs::exists(dir.path() / "search" / "fr.old"));
}

TEST_CASE("rebuild: a crash between the swap's two renames is finished at the next start") {
  TempDir dir;
  const fs::path search = dir.path() / "search";
  {
    auto wiki = open_wiki(dir.path());
    auto index = open_search(*wiki, dir.path());
    save_page(*wiki, "fr", "Loup", "Le loup vit en meute.");
    REQUIRE(index->drain().ok());
  }
  fs::copy(search / "fr", dir.path() / "old index", fs::copy_options::recursive);
  {
    auto wiki = open_wiki(dir.path());
    auto index = open_search(*wiki, dir.path());
    save_page(*wiki, "fr", "Renard", "Le renard roux chasse le lapin.");
    REQUIRE(index->drain().ok());
  }
  SUBCASE("the new index was built: it takes its place") {
    fs::rename(search / "fr", search / "fr.building");
    fs::rename(dir.path() / "old index", search / "fr.old");
    auto wiki = open_wiki(dir.path());
    auto index = open_search(*wiki, dir.path());
    CHECK(titles_of(*index, "fr", "renard") == std::vector<std::string>{"Renard"});
  }
  SUBCASE("only the old index is left: it comes back") {
    fs::remove_all(search / "fr");
    fs::rename(dir.path() / "old index", search / "fr.old");
    auto wiki = open_wiki(dir.path());
    auto index = open_search(*wiki, dir.path());
    CHECK(titles_of(*index, "fr", "loup") == std::vector<std::string>{"Loup"});
  }
  CHECK_FALSE(fs::exists(search / "fr.building"));
  CHECK_FALSE(fs::exists(search / "fr.old"));
}

// A Wiki that saves one more page the first time a rebuild lists its pages, once armed: a pupil
// saving while `kidwiki reindex` runs.
class SaveDuringRebuild : public kidwiki::testing::ForwardingWiki {
 public:
  explicit SaveDuringRebuild(engine::Wiki& inner) : ForwardingWiki(inner) {}
  bool armed = false;
  std::vector<std::int64_t> page_ids(const engine::Edition& ed) override {
    if (armed) {
      armed = false;
      save_page(inner_, "fr", "Ours", "L'ours brun dort tout l'hiver.");
    }
    return inner_.page_ids(ed);
  }
};

std::set<std::int64_t> queued_pages(engine::Wiki& wiki) {
  std::set<std::int64_t> out;
  for (const engine::OutboxEntry& e : wiki.outbox_peek(1000)) out.insert(e.page_id);
  return out;
}

TEST_CASE("rebuild: removes from the outbox what it read, and only that edition's") {
  TempDir dir;
  auto wiki = open_wiki(dir.path());
  SaveDuringRebuild saving(*wiki);
  auto search = open_search(saving, dir.path());
  save_page(*wiki, "fr", "Loup", "Le loup vit en meute.");
  save_page(*wiki, "en", "Horse", "The horse eats grass.");
  REQUIRE(search->drain().ok());
  // The outbox is now empty: the ids given next must still be above every earlier one, or the
  // save during the rebuild would look covered by it and never reach the index.
  REQUIRE(wiki->outbox_peek(10).empty());
  const std::int64_t before = wiki->outbox_mark();
  CHECK(before > 0);
  save_page(*wiki, "fr", "Renard", "Le renard roux chasse le lapin.");
  save_page(*wiki, "en", "Fox", "The red fox hunts rabbits.");
  CHECK(wiki->outbox_mark() > before);

  saving.armed = true;
  REQUIRE(search->reindex("fr").ok());
  CHECK_FALSE(saving.armed);
  // Renard is in the new index and left the outbox; the English save waits for its drain, and
  // so does Ours, saved after the rebuild took its mark (its text may or may not be in the new
  // index: applying it again is harmless).
  CHECK(titles_of(*search, "fr", "renard") == std::vector<std::string>{"Renard"});
  CHECK(queued_pages(*wiki) == std::set<std::int64_t>{page_id_of(*wiki, "en", "Fox"),
                                                      page_id_of(*wiki, "fr", "Ours")});
  REQUIRE(search->drain().ok());
  CHECK(titles_of(*search, "fr", "ours") == std::vector<std::string>{"Ours"});
  CHECK(titles_of(*search, "en", "fox") == std::vector<std::string>{"Fox"});
  CHECK(wiki->outbox_peek(10).empty());
}

}  // namespace
}  // namespace kidwiki::search::testing
