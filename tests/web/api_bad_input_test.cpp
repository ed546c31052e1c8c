// Bad input on every API route: each is refused with the right status and error code, and
// nothing a client sends makes the server answer 500.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "test_server.h"

using kidwiki::web::testing::error_code_of;
using kidwiki::web::testing::json_of;
using kidwiki::web::testing::TestServer;

namespace {

struct Call {
  Call(std::string method_, std::string path_, std::string body_ = "",
       std::string content_type_ = "application/json")
      : method(std::move(method_)), path(std::move(path_)), body(std::move(body_)),
        content_type(std::move(content_type_)) {}
  std::string method;  // GET, PUT or POST
  std::string path;
  std::string body;
  std::string content_type;
};

httplib::Result send(httplib::Client& client, const Call& call) {
  if (call.method == "GET") return client.Get(call.path.c_str());
  if (call.method == "PUT") {
    return client.Put(call.path.c_str(), call.body, call.content_type.c_str());
  }
  return client.Post(call.path.c_str(), call.body, call.content_type.c_str());
}

struct Row {
  Call call;
  int status;
  std::string code;
};

}  // namespace

TEST_CASE("bad input is refused with its status and code") {
  TestServer server;
  auto first = server.save("fr", "Chat", "Miaou.\n");
  auto other = server.save("fr", "Chien", "Ouaf.\n");
  auto id = [](std::int64_t n) { return std::to_string(n); };
  const std::string page = "/api/v1/fr/pages/Chat";
  const std::vector<Row> rows = {
      // PUT bodies
      {{"PUT", page, "{"}, 400, "invalid_input"},
      {{"PUT", page, ""}, 400, "invalid_input"},
      {{"PUT", page, "[]"}, 400, "invalid_input"},
      {{"PUT", page, "\"Miaou\""}, 400, "invalid_input"},
      {{"PUT", page, "null"}, 400, "invalid_input"},
      {{"PUT", page, R"({"markdown":"x"} trailing)"}, 400, "invalid_input"},
      {{"PUT", page, R"({"markdown":"x"})", "text/plain"}, 400, "invalid_input"},
      {{"PUT", page, R"({"markdown":"x"})", "application/x-www-form-urlencoded"}, 400, "invalid_input"},
      {{"PUT", page, "{}"}, 400, "invalid_input"},
      {{"PUT", page, R"({"summary":"s"})"}, 400, "invalid_input"},
      {{"PUT", page, R"({"markdown":5})"}, 400, "invalid_input"},
      {{"PUT", page, R"({"markdown":null})"}, 400, "invalid_input"},
      {{"PUT", page, R"({"markdown":["x"]})"}, 400, "invalid_input"},
      {{"PUT", page, R"({"markdown":"x","summary":3})"}, 400, "invalid_input"},
      {{"PUT", page, R"({"markdown":"x","base_revision_id":"1"})"}, 400, "invalid_input"},
      {{"PUT", page, R"({"markdown":"x","base_revision_id":1.5})"}, 400, "invalid_input"},
      {{"PUT", page, R"({"markdown":"x","base_revision_id":true})"}, 400, "invalid_input"},
      {{"PUT", page, R"({"markdown":"x","base_revision_id":99999999999999999999})"}, 400, "invalid_input"},
      {{"PUT", page, "{\"markdown\":\"\xff\xfe\"}"}, 400, "invalid_input"},
      {{"PUT", page, "{\"markdown\":\"\xc0\xaf\"}"}, 400, "invalid_input"},
      {{"PUT", page, R"({"markdown":"\ud800"})"}, 400, "invalid_input"},
      {{"PUT", page, R"({"markdown":"x","base_revision_id":999999999})"}, 404, "not_found"},
      {{"PUT", "/api/v1/fr/pages/A%5BB", R"({"markdown":"x"})"}, 400, "invalid_title"},
      {{"PUT", "/api/v1/fr/pages/%20", R"({"markdown":"x"})"}, 400, "invalid_title"},
      {{"PUT", "/api/v1/fr/pages/..", R"({"markdown":"x"})"}, 400, "invalid_title"},
      {{"PUT", "/api/v1/fr/pages/%E2%80%AE", R"({"markdown":"x"})"}, 400, "invalid_title"},
      {{"PUT", "/api/v1/fr/pages/%FF", R"({"markdown":"x"})"}, 400, "invalid_input"},
      {{"PUT", "/api/v1/zz/pages/Chat", R"({"markdown":"x"})"}, 404, "not_found"},
      // GET routes
      {{"GET", "/api/v1/zz/pages/Chat"}, 404, "not_found"},
      {{"GET", "/api/v1/fr/pages/Licorne"}, 404, "not_found"},
      {{"GET", "/api/v1/fr/revisions/999999999"}, 404, "not_found"},
      {{"GET", "/api/v1/en/revisions/" + id(first)}, 404, "not_found"},
      {{"GET", "/api/v1/fr/revisions/abc"}, 400, "invalid_input"},
      {{"GET", "/api/v1/fr/revisions/-1"}, 400, "invalid_input"},
      {{"GET", "/api/v1/fr/revisions/99999999999999999999"}, 400, "invalid_input"},
      {{"GET", "/api/v1/fr/pages/Chat/history?limit=abc"}, 400, "invalid_input"},
      {{"GET", "/api/v1/fr/pages/Chat/history?limit=-1"}, 400, "invalid_input"},
      {{"GET", "/api/v1/fr/pages/Chat/history?limit=1.5"}, 400, "invalid_input"},
      {{"GET", "/api/v1/fr/pages/Chat/history?limit=99999999999999999999"}, 400, "invalid_input"},
      {{"GET", "/api/v1/fr/pages/Chat/history?limit="}, 400, "invalid_input"},
      {{"GET", "/api/v1/fr/pages/Chat/history?before=0"}, 400, "invalid_input"},
      {{"GET", "/api/v1/fr/pages/Chat/history?before=x"}, 400, "invalid_input"},
      {{"GET", "/api/v1/fr/pages/Licorne/history"}, 404, "not_found"},
      {{"GET", "/api/v1/fr/recent?limit=%2B5"}, 400, "invalid_input"},
      {{"GET", "/api/v1/fr/recent?before=-3"}, 400, "invalid_input"},
      {{"GET", "/api/v1/zz/recent"}, 404, "not_found"},
      {{"GET", "/api/v1/fr/diff"}, 400, "invalid_input"},
      {{"GET", "/api/v1/fr/diff?from=" + id(first)}, 400, "invalid_input"},
      {{"GET", "/api/v1/fr/diff?from=abc&to=" + id(first)}, 400, "invalid_input"},
      {{"GET", "/api/v1/fr/diff?from=" + id(first) + "&to=999999999"}, 404, "not_found"},
      {{"GET", "/api/v1/fr/pages/A%7BB/backlinks"}, 400, "invalid_title"},
      // POST actions
      {{"POST", page + "/revert", "{"}, 400, "invalid_input"},
      {{"POST", page + "/revert", "{}"}, 400, "invalid_input"},
      {{"POST", page + "/revert", R"({"revision_id":"1"})"}, 400, "invalid_input"},
      {{"POST", page + "/revert", R"({"revision_id":1,"summary":false})"}, 400, "invalid_input"},
      {{"POST", page + "/revert", R"({"revision_id":999999999})"}, 404, "not_found"},
      {{"POST", page + "/revert", R"({"revision_id":)" + id(other) + "}"}, 400, "wrong_page"},
      {{"POST", "/api/v1/fr/pages/Licorne/revert", R"({"revision_id":)" + id(first) + "}"}, 404, "not_found"},
      {{"POST", page + "/move", "{}"}, 400, "invalid_input"},
      {{"POST", page + "/move", R"({"new_title":7})"}, 400, "invalid_input"},
      {{"POST", page + "/move", R"({"new_title":"Félin","leave_redirect":"yes"})"}, 400, "invalid_input"},
      {{"POST", page + "/move", R"({"new_title":"A|B"})"}, 400, "invalid_title"},
      {{"POST", page + "/move", R"({"new_title":"Chien"})"}, 409, "exists"},
      {{"POST", "/api/v1/fr/pages/Licorne/move", R"({"new_title":"Poney"})"}, 404, "not_found"},
      {{"POST", "/api/v1/render", "{"}, 400, "invalid_input"},
      {{"POST", "/api/v1/render", R"({"markdown":"x"})"}, 400, "invalid_input"},
      {{"POST", "/api/v1/render", R"({"lang":"fr"})"}, 400, "invalid_input"},
      {{"POST", "/api/v1/render", R"({"lang":"fr","markdown":1})"}, 400, "invalid_input"},
      {{"POST", "/api/v1/render", R"({"lang":"zz","markdown":"x"})"}, 404, "not_found"},
      {{"POST", "/api/v1/render", R"({"lang":"fr","markdown":"x"})", ""}, 400, "invalid_input"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.call.method);
    CAPTURE(row.call.path);
    CAPTURE(row.call.body);
    auto res = send(server.client(), row.call);
    REQUIRE(res);
    CHECK(res->status == row.status);
    CHECK(error_code_of(res) == row.code);
    auto message = json_of(res)["error"]["message"];
    CHECK((message.is_string() && !message.get<std::string>().empty()));
  }
  // Nothing was changed by any of them.
  CHECK(json_of(server.client().Get(page.c_str()))["revision_id"] == first);
}

TEST_CASE("deeply nested JSON is refused quickly" * doctest::timeout(30)) {
  TestServer server;
  std::string body = std::string(100000, '[') + std::string(100000, ']');
  auto res = server.client().Put("/api/v1/fr/pages/Chat", body, "application/json");
  REQUIRE(res);
  CHECK(res->status == 400);
  auto nested = R"({"markdown":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
  res = server.client().Put("/api/v1/fr/pages/Chat", nested, "application/json");
  REQUIRE(res);
  CHECK(res->status == 400);
}

TEST_CASE("random paths and bodies never make the server fail" * doctest::timeout(120)) {
  TestServer server;
  server.save("fr", "Chat", "Miaou.\n");
  std::mt19937 random(20261129);
  const std::string alphabet = "aZé_%/.:#?&=+ [|]{}\\\x01\x7f\xff\xc3";
  auto random_text = [&](std::size_t max) {
    std::string out;
    std::size_t n = random() % max;
    for (std::size_t i = 0; i < n; ++i) out += alphabet[random() % alphabet.size()];
    return out;
  };
  const std::vector<std::string> prefixes = {"/api/v1/fr/pages/", "/api/v1/fr/revisions/",
                                             "/api/v1/", "/api/v1/fr/diff?from="};
  for (int i = 0; i < 300; ++i) {
    std::string raw = random_text(40);
    std::string path = prefixes[random() % prefixes.size()] +
                       kidwiki::web::testing::url_encode(raw).substr(0, random() % 120);
    if (random() % 2) path += "%" + random_text(3);
    CAPTURE(path);
    auto res = server.client().Get(path.c_str());
    REQUIRE(res);
    CHECK(res->status < 500);
    std::string body = R"({"markdown":")" + random_text(60) + R"(","base_revision_id":)" +
                       (random() % 2 ? "null" : std::to_string(random() % 100)) + "}";
    CAPTURE(body);
    res = server.client().Put("/api/v1/fr/pages/Fuzz", body, "application/json");
    REQUIRE(res);
    CHECK(res->status < 500);
  }
}
