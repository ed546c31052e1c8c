// Cached article views never outlive a change: every save, move or creation shows at once.
#include <doctest/doctest.h>

#include "html_test_util.h"
#include "test_server.h"

using namespace kidwiki::web::testing;

namespace {

std::string get(TestServer& server, const std::string& path) {
  auto res = server.client().Get(path.c_str());
  REQUIRE(res);
  CHECK(res->status == 200);
  return res->body;
}

}  // namespace

TEST_CASE("a cached article view is replaced as soon as the page changes") {
  TestServer server;
  auto rev = server.save("en", "Cache_test", "First text with a [[Not yet written]] link.");
  auto first = get(server, "/en/wiki/Cache_test");
  CHECK(get(server, "/en/wiki/Cache_test") == first);
  CHECK(first.find("First text") != std::string::npos);
  CHECK(first.find("href=\"/en/wiki/Not_yet_written?action=edit&amp;redlink=1\" class=\"new\"") !=
        std::string::npos);

  server.save("en", "Cache_test", "Second text with a [[Not yet written]] link.", rev);
  auto second = get(server, "/en/wiki/Cache_test");
  CHECK(second.find("Second text") != std::string::npos);
  CHECK(second.find("First text") == std::string::npos);

  // Creating the linked page turns the link blue in the cached page too.
  server.save("en", "Not_yet_written", "Now it exists.");
  auto third = get(server, "/en/wiki/Cache_test");
  CHECK(third.find("href=\"/en/wiki/Not_yet_written\"") != std::string::npos);
  CHECK(third.find("Not_yet_written?action=edit") == std::string::npos);
}

TEST_CASE("cached views are kept apart by interface language and redirect choice") {
  TestServer server;
  server.save("en", "Kitty", "#REDIRECT [[Horse]]");
  auto english = get(server, "/en/wiki/Horse");
  auto pseudo = get(server, "/en/wiki/Horse?uselang=qqx");
  CHECK(english != pseudo);
  CHECK(pseudo.find("(web-") != std::string::npos);
  CHECK(get(server, "/en/wiki/Horse") == english);
  auto followed = get(server, "/en/wiki/Kitty");
  auto itself = get(server, "/en/wiki/Kitty?redirect=no");
  CHECK(followed != itself);
  CHECK(followed.find("Kitty") != std::string::npos);
}
