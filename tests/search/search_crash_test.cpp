// kill -9 at any moment of indexing: once reopened and drained, the index holds exactly what
// readers see (every visible page at its visible revision, nothing else).
#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <thread>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "search_fixture.h"

namespace kidwiki::search::testing {
namespace {

constexpr int kPages = 40;

std::string page_title(int i) { return "Page " + std::to_string(i); }

std::string page_text(int i, int round) {
  return "Texte de la page " + std::to_string(i) + ", version " + std::to_string(round) +
         " : mot" + std::to_string(i) + "x" + std::to_string(round) + ".";
}

// The child: indexes while it edits pages, until killed.
[[noreturn]] void index_until_killed(const std::filesystem::path& dir, int round) {
  auto wiki = open_wiki(dir);
  auto search = Search::open(*wiki, search_options(dir));
  if (!search.ok()) _exit(3);
  for (int i = 0;; ++i) {
    save_page(*wiki, "fr", page_title(i % kPages), page_text(i % kPages, round * 1000 + i));
    if (!search.value()->drain().ok()) _exit(4);
  }
}

// Xapian's lock is released by a helper process that notices its parent died: wait for it.
std::unique_ptr<Search> reopen_after_crash(engine::Wiki& wiki, const std::filesystem::path& dir) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto search = Search::open(wiki, search_options(dir));
    if (search.ok()) return std::move(search).value();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  FAIL("the index stayed locked after the writer was killed");
  return nullptr;
}

void check_converged(engine::Wiki& wiki, Search& search) {
  const engine::Edition fr = *wiki.edition("fr");
  std::vector<IndexedDocument> expected;
  for (std::int64_t id : wiki.page_ids(fr)) {
    if (auto page = wiki.indexable_page(id)) {
      expected.push_back({id, page->revision_id, page->full_title});
    }
  }
  const auto indexed = search.documents("fr");
  REQUIRE(indexed.ok());
  REQUIRE(indexed->size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(indexed.value()[i].page_id == expected[i].page_id);
    CHECK(indexed.value()[i].revision_id == expected[i].revision_id);
    CHECK(indexed.value()[i].full_title == expected[i].full_title);
  }
}

TEST_CASE("crash: killing the indexer at random moments, then reopening, converges" *
          doctest::timeout(120)) {
  TempDir dir;
  {
    auto wiki = open_wiki(dir.path());
    for (int i = 0; i < kPages; ++i) save_page(*wiki, "fr", page_title(i), page_text(i, 0));
  }
  std::mt19937 random(20261129);
  for (int round = 1; round <= 5; ++round) {
    CAPTURE(round);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) index_until_killed(dir.path(), round);
    std::this_thread::sleep_for(std::chrono::milliseconds(50 + random() % 700));
    REQUIRE(kill(child, SIGKILL) == 0);
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));  // it was killed mid-work, not finished or failed
    auto wiki = open_wiki(dir.path());
    auto search = reopen_after_crash(*wiki, dir.path());
    REQUIRE(search->drain().ok());
    check_converged(*wiki, *search);
    // The word of Page 0's newest text, whichever save the kill came after (the child may not
    // have saved at all this round on a busy machine): the index must have that text.
    const engine::Edition fr = *wiki->edition("fr");
    const engine::Title page0_title = wiki->parse_title(fr, "Page 0").value();
    const auto page0 = wiki->read(engine::Actor::reader(), fr, page0_title, false);
    REQUIRE(page0.ok());
    const std::string& text = page0->markdown;
    const std::size_t at = text.find("mot0x");
    REQUIRE(at != std::string::npos);
    const std::string last_word = text.substr(at, text.find('.', at) - at);
    CHECK(titles_of(*search, "fr", last_word) == std::vector<std::string>{"Page 0"});
  }
}

}  // namespace
}  // namespace kidwiki::search::testing
