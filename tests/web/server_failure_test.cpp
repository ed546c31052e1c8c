// The server's failure paths: a storage error is a JSON 500, and a handler that throws (a bug)
// is caught once per request, logged, answered with a plain 500, and the server carries on.
#include <doctest/doctest.h>

#include <thread>

#include "faulty_wiki.h"
#include "test_server.h"

using kidwiki::web::testing::error_code_of;
using kidwiki::web::testing::FaultyWiki;
using kidwiki::web::testing::TempDir;

namespace {

// A server over a FaultyWiki, on a loopback ephemeral port.
struct FaultyServer {
  FaultyServer() {
    kidwiki::engine::Options options;
    options.data_dir = dir.path();
    options.password_ops = 1;  // argon2id at its cheapest: only the session matters here
    options.password_memory_bytes = 8192;
    auto opened = kidwiki::engine::Wiki::open(options);
    REQUIRE(opened);
    real = std::move(opened.value());
    faulty = std::make_unique<FaultyWiki>(*real);
    kidwiki::web::ServerOptions server_options;
    server_options.port = 0;
    server = std::make_unique<kidwiki::web::Server>(*faulty, server_options);
    int port = server->bind();
    REQUIRE(port > 0);
    thread = std::thread([this] { server->listen(); });
    client = std::make_unique<httplib::Client>("127.0.0.1", port);
    // Saves need an account: an admin's, published at once.
    auto admin = real->accounts().create_user(kidwiki::engine::Actor::console(), "Admin",
                                              "a test password", kidwiki::engine::Role::admin);
    REQUIRE(admin);
    auto session = real->accounts().start_session(admin.value());
    REQUIRE(session);
    client->set_default_headers({{"Cookie", "kidwiki_session=" + session->token},
                                 {"X-CSRF-Token", session->csrf_token}});
  }
  ~FaultyServer() {
    server->stop();
    thread.join();
  }

  TempDir dir;
  std::unique_ptr<kidwiki::engine::Wiki> real;
  std::unique_ptr<FaultyWiki> faulty;
  std::unique_ptr<kidwiki::web::Server> server;
  std::thread thread;
  std::unique_ptr<httplib::Client> client;
};

}  // namespace

TEST_CASE("a storage failure is a JSON 500 with code storage") {
  FaultyServer s;
  s.faulty->fail_saves = true;
  auto res = s.client->Put("/api/v1/fr/pages/Chat", R"({"markdown":"Miaou"})", "application/json");
  REQUIRE(res);
  CHECK(res->status == 500);
  CHECK(error_code_of(res) == "storage");
}

TEST_CASE("an exception in a handler is answered 500 once and the server carries on") {
  FaultyServer s;
  s.faulty->throw_on_recent = true;
  auto api = s.client->Get("/api/v1/fr/recent");
  REQUIRE(api);
  CHECK(api->status == 500);
  CHECK(error_code_of(api) == "internal");
  CHECK(api->get_header_value("X-Frame-Options") == "DENY");
  CHECK(api->get_header_value("Content-Security-Policy").starts_with("default-src 'self'"));

  auto page = s.client->Get("/fr/special/recent");
  REQUIRE(page);
  CHECK(page->status == 500);
  CHECK(page->get_header_value("Content-Type").starts_with("text/plain"));
  CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");

  auto health = s.client->Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
}
