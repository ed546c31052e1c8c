// The view cache's flights: concurrent misses of one view are built once, and a leader that
// leaves without a view never leaves its followers waiting.
#include <doctest/doctest.h>

#include <atomic>
#include <optional>
#include <thread>
#include <vector>

#include "http/view_cache.h"

namespace kidwiki::web {
namespace {

ViewCache::View view_of(const std::string& body) { return {body, "text/html", "fr", "\"x\""}; }

TEST_CASE("view cache: the first miss leads, the others wait for what it lands") {
  ViewCache cache;
  ViewCache::Flight leader = cache.board("fr\x1f" "Chat", 7);
  ViewCache::Flight follower = cache.board("fr\x1f" "Chat", 7);
  ViewCache::Flight other_generation = cache.board("fr\x1f" "Chat", 8);
  CHECK(leader.leads());
  CHECK_FALSE(follower.leads());
  CHECK(other_generation.leads());  // another generation is another view
  leader.land(cache.store("fr\x1f" "Chat", 7, view_of("<p>chat</p>")));
  REQUIRE(follower.wait());
  CHECK(follower.wait()->body == "<p>chat</p>");
  CHECK(cache.board("fr\x1f" "Chat", 7).leads());  // landed: the next miss leads again
}

TEST_CASE("view cache: a leader that leaves without a view lands nothing, and nobody hangs") {
  ViewCache cache;
  std::optional<ViewCache::Flight> leader(cache.board("k", 1));
  ViewCache::Flight follower = cache.board("k", 1);
  leader.reset();  // an error page, an exception: no view to share
  CHECK(follower.wait() == nullptr);
}

TEST_CASE("view cache: of many concurrent misses exactly one leads" * doctest::timeout(30)) {
  ViewCache cache;
  std::atomic<int> leaders{0}, served{0}, boarded{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&] {
      ViewCache::Flight flight = cache.board("k", 3);
      ++boarded;
      if (flight.leads()) {
        ++leaders;
        while (boarded.load() < 16) std::this_thread::yield();  // all miss before it lands
        flight.land(cache.store("k", 3, view_of("built once")));
      } else if (auto view = flight.wait()) {
        if (view->body == "built once") ++served;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(leaders.load() == 1);
  CHECK(served.load() == 15);
}

}  // namespace
}  // namespace kidwiki::web
