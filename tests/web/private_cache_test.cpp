// Answers to a request with a session are never stored by a cache, unless their handler chose a
// Cache-Control of its own: they may hold pupils' names or text waiting for review.
#include <doctest/doctest.h>

#include "test_server.h"

using namespace kidwiki::web::testing;

TEST_CASE("answers to a session carry Cache-Control: no-store") {
  TestServer server;
  server.save("en", "Tiger", "Tigers are big cats.");
  for (const char* path : {"/api/v1/classes", "/api/v1/review", "/api/v1/en/pages/Tiger",
                           "/api/v1/no-such-route"}) {
    CAPTURE(path);
    auto res = server.client().Get(path);
    REQUIRE(res);
    CHECK(res->get_header_value("Cache-Control") == "no-store");
  }
}

TEST_CASE("a reader's answers keep their own caching, and static files theirs") {
  TestServer server;
  server.save("en", "Tiger", "Tigers are big cats.");
  auto page = server.anonymous().Get("/api/v1/en/pages/Tiger");
  REQUIRE(page);
  CHECK(page->get_header_value("Cache-Control") != "no-store");
  auto css = server.client().Get("/static/kidwiki.css");
  REQUIRE(css);
  CHECK(css->get_header_value("Cache-Control") == "public, max-age=3600");
}
