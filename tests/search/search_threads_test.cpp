// The server answers searches from many threads at once, on one Search object. A Xapian::Stem
// shared by those threads crashed the server under 32 concurrent queries (bench/front/scaling.js);
// this runs the same kind of load and checks that every thread gets the single-thread answer.
#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "search_fixture.h"

namespace kidwiki::search::testing {
namespace {

// Words that go through the stemmer, the stop words and the spelling correction.
const std::vector<std::string> kQueries = {"animaux", "les chats sauvages", "mangent",
                                           "chevaux", "elephant", "oiseaux migrateurs",
                                           "planetes", "chatt"};

TEST_CASE("search from many threads: every answer is the one a single thread gets" *
          doctest::timeout(300)) {
  CorpusWiki& corpus = corpus_wiki();
  std::vector<std::vector<std::string>> expected;
  for (const std::string& q : kQueries) expected.push_back(titles_of(*corpus.search, "fr", q));
  REQUIRE_FALSE(expected.front().empty());

  constexpr int kThreads = 16;
  constexpr int kRounds = 60;
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        const std::size_t i = static_cast<std::size_t>(t + round) % kQueries.size();
        if (titles_of(*corpus.search, "fr", kQueries[i]) != expected[i]) ++mismatches;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(mismatches.load() == 0);
}

}  // namespace
}  // namespace kidwiki::search::testing
