// The server's behaviour on every response: health, security headers, routing errors.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "test_server.h"

using kidwiki::web::testing::error_code_of;
using kidwiki::web::testing::json_of;
using kidwiki::web::testing::TestServer;

TEST_CASE("healthz answers ok") {
  TestServer server;
  auto res = server.client().Get("/healthz");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body == "ok");
}

TEST_CASE("every response carries the security headers") {
  TestServer server;
  struct Row {
    std::string method;
    std::string path;
    int status;
  };
  const std::vector<Row> rows = {
      {"GET", "/healthz", 200},
      {"GET", "/api/v1/editions", 200},
      {"GET", "/api/v1/nothing-here", 404},
      {"GET", "/api/v1/fr/pages/%FF", 400},
      {"DELETE", "/api/v1/fr/pages/Chat", 405},
      {"PUT", "/api/v1/fr/pages/Chat", 400},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    httplib::Result res = row.method == "GET"      ? server.client().Get(row.path.c_str())
                          : row.method == "DELETE" ? server.client().Delete(row.path.c_str())
                                                   : server.client().Put(row.path.c_str(), "{",
                                                                         "application/json");
    REQUIRE(res);
    CHECK(res->status == row.status);
    CHECK(res->get_header_value("Content-Security-Policy") ==
          "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
          "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(res->get_header_value("Referrer-Policy") == "same-origin");
    CHECK(res->get_header_value("X-Frame-Options") == "DENY");
  }
}

TEST_CASE("a body over the payload limit is refused with 413 before it is read") {
  kidwiki::web::ServerOptions options;
  options.payload_max_bytes = 1024;
  TestServer server(options);
  std::string body = R"({"markdown":")" + std::string(2048, 'a') + R"("})";
  auto res = server.client().Put("/api/v1/fr/pages/Chat", body, "application/json");
  REQUIRE(res);
  CHECK(res->status == 413);
  // The front refuses it from the head, before any route: plain text, and the connection closes
  // (tests/web/front_test.cpp).
  CHECK(res->get_header_value("Content-Type").starts_with("text/plain"));
  CHECK(res->get_header_value("Connection") == "close");
}

TEST_CASE("unknown API paths and methods answer JSON errors") {
  TestServer server;
  struct Row {
    std::string method;
    std::string path;
    int status;
    std::string code;
  };
  const std::vector<Row> rows = {
      {"GET", "/api/v1/nothing-here", 404, "not_found"},
      {"GET", "/api/v2/editions", 404, "not_found"},
      {"GET", "/api/v1/editions/", 404, "not_found"},
      {"DELETE", "/api/v1/fr/pages/Chat", 405, "method_not_allowed"},
      {"POST", "/api/v1/editions", 405, "method_not_allowed"},
      {"PATCH", "/api/v1/fr/pages/Chat", 405, "method_not_allowed"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.method);
    CAPTURE(row.path);
    httplib::Result res = row.method == "GET"      ? server.client().Get(row.path.c_str())
                          : row.method == "DELETE" ? server.client().Delete(row.path.c_str())
                          : row.method == "PATCH"  ? server.client().Patch(row.path.c_str(), "{}", "application/json")
                                                   : server.client().Post(row.path.c_str(), "{}", "application/json");
    REQUIRE(res);
    CHECK(res->status == row.status);
    CHECK(error_code_of(res) == row.code);
    CHECK(res->get_header_value("Content-Type").starts_with("application/json"));
    CHECK_FALSE(json_of(res)["error"]["message"].get<std::string>().empty());
  }
}

TEST_CASE("the longest path httplib accepts is routed without trouble" * doctest::timeout(30)) {
  TestServer server;
  std::string path = "/api/v1/fr/pages/" + std::string(8000, 'a');
  auto res = server.client().Get(path.c_str());
  REQUIRE(res);
  CHECK(res->status == 400);  // the title is over 255 bytes
  CHECK(error_code_of(res) == "invalid_title");
}

TEST_CASE("errors speak the reader's language") {
  TestServer server;
  struct Row {
    std::string path;
    httplib::Headers headers;
    std::string expected_fragment;
  };
  const std::vector<Row> rows = {
      {"/api/v1/zz/recent", {}, "edition"},
      {"/api/v1/zz/recent?uselang=fr", {}, "édition"},
      {"/api/v1/zz/recent", {{"Accept-Language", "fr-CH, fr;q=0.9"}}, "édition"},
      {"/api/v1/zz/recent?uselang=qqx", {}, "(api-error-no-edition"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    auto res = server.client().Get(row.path.c_str(), row.headers);
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(json_of(res)["error"]["message"].get<std::string>().find(row.expected_fragment) !=
          std::string::npos);
  }
}

TEST_CASE("the server stops cleanly even when asked before it listens") {
  kidwiki::web::testing::TempDir dir;
  kidwiki::engine::Options options;
  options.data_dir = dir.path();
  auto wiki = kidwiki::engine::Wiki::open(options);
  REQUIRE(wiki);
  kidwiki::web::ServerOptions server_options;
  server_options.port = 0;
  kidwiki::web::Server server(*wiki.value(), server_options);
  CHECK(server.bind() > 0);
  server.stop();
  server.listen();  // returns at once
  CHECK(server.port() > 0);
}

TEST_CASE("a second server cannot bind a port already in use") {
  TestServer first;
  kidwiki::web::ServerOptions options;
  options.port = first.port();
  kidwiki::web::Server second(first.wiki(), options);
  CHECK(second.bind() == -1);
  CHECK(second.port() == -1);
  auto res = first.client().Get("/healthz");
  REQUIRE(res);
  CHECK(res->status == 200);
}
