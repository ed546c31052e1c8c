// The JSON API's revision routes: one revision, history with paging, recent changes, diff and
// the render endpoint.
#include <doctest/doctest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "test_server.h"

using kidwiki::web::testing::error_code_of;
using kidwiki::web::testing::json_of;
using kidwiki::web::testing::TestServer;

TEST_CASE("a revision is served with its text, HTML and page title") {
  TestServer server;
  auto first = server.save("fr", "Panda", "Noir et blanc.");
  auto second = server.save("fr", "Panda", "Noir et blanc, il mange du bambou.\n", first);
  auto res = server.client().Get(("/api/v1/fr/revisions/" + std::to_string(first)).c_str());
  REQUIRE(res);
  CHECK(res->status == 200);
  auto revision = json_of(res);
  CHECK(revision["id"] == first);
  CHECK(revision["page_title"] == "Panda");
  CHECK(revision["parent_id"].is_null());
  CHECK(revision["markdown"] == "Noir et blanc.");
  CHECK(revision["html"].get<std::string>().find("Noir et blanc.") != std::string::npos);
  CHECK(revision["size"] == 14);
  CHECK(revision["author"].is_string());
  CHECK(revision["timestamp"].get<std::string>().ends_with("Z"));
  CHECK(revision.contains("summary"));
  auto later = json_of(server.client().Get(("/api/v1/fr/revisions/" + std::to_string(second)).c_str()));
  CHECK(later["parent_id"] == first);
}

TEST_CASE("history pages through revisions newest first") {
  TestServer server;
  std::vector<std::int64_t> ids;
  std::optional<std::int64_t> base;
  for (int i = 0; i < 5; ++i) {
    base = server.save("fr", "Koala", "Version " + std::to_string(i) + "\n", base);
    ids.push_back(*base);
  }
  auto res = server.client().Get("/api/v1/fr/pages/Koala/history?limit=2");
  REQUIRE(res);
  CHECK(res->status == 200);
  auto page = json_of(res);
  REQUIRE(page["revisions"].size() == 2);
  CHECK(page["revisions"][0]["id"] == ids[4]);
  CHECK(page["revisions"][1]["id"] == ids[3]);
  CHECK(page["revisions"][0]["parent_id"] == ids[3]);
  CHECK(page["revisions"][0].contains("size_delta"));
  REQUIRE(page["next_before"].is_number_integer());

  std::vector<std::int64_t> seen = {ids[4], ids[3]};
  auto next = page["next_before"].get<std::int64_t>();
  while (true) {
    auto more = json_of(server.client().Get(
        ("/api/v1/fr/pages/Koala/history?limit=2&before=" + std::to_string(next)).c_str()));
    for (const auto& revision : more["revisions"]) seen.push_back(revision["id"]);
    if (more["next_before"].is_null()) break;
    next = more["next_before"].get<std::int64_t>();
  }
  CHECK(seen == std::vector<std::int64_t>{ids[4], ids[3], ids[2], ids[1], ids[0]});
}

TEST_CASE("list limits are clamped to [1, max_list_limit]") {
  TestServer server;
  auto first = server.save("fr", "Lama", "Un.\n");
  server.save("fr", "Lama", "Deux.\n", first);
  struct Row {
    std::string query;
    std::size_t count;
  };
  const std::vector<Row> rows = {{"limit=0", 1}, {"limit=1", 1}, {"limit=2", 2},
                                 {"limit=100000000", 2}, {"", 2}};
  for (const auto& row : rows) {
    CAPTURE(row.query);
    auto res = server.client().Get(("/api/v1/fr/pages/Lama/history?" + row.query).c_str());
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(json_of(res)["revisions"].size() == row.count);
  }
}

TEST_CASE("recent changes show the newest edits with their titles") {
  TestServer server;
  server.save("fr", "Tortue", "Lente.\n");
  auto last = server.save("fr", "Lièvre", "Rapide.\n");
  auto res = server.client().Get("/api/v1/fr/recent?limit=2");
  REQUIRE(res);
  CHECK(res->status == 200);
  auto changes = json_of(res)["changes"];
  REQUIRE(changes.size() == 2);
  CHECK(changes[0]["id"] == last);
  CHECK(changes[0]["title"] == "Lièvre");
  CHECK(changes[1]["title"] == "Tortue");
  for (const char* field : {"author", "timestamp", "summary", "size", "size_delta"}) {
    CHECK(changes[0].contains(field));
  }
  CHECK(json_of(res).contains("next_before"));
}

TEST_CASE("diff shows what changed between two revisions") {
  TestServer server;
  auto from = server.save("fr", "Ours", "un\ndeux\ntrois\n");
  auto to = server.save("fr", "Ours", "un\ndeux bis\ntrois\nquatre\n", from);
  auto res = server.client().Get(
      ("/api/v1/fr/diff?from=" + std::to_string(from) + "&to=" + std::to_string(to)).c_str());
  REQUIRE(res);
  CHECK(res->status == 200);
  auto diff = json_of(res);
  CHECK(diff["from"] == from);
  CHECK(diff["to"] == to);
  CHECK(diff["lines_added"].get<int>() >= 1);
  CHECK(diff["lines_removed"].get<int>() >= 1);
  std::set<std::string> kinds;
  for (const auto& row : diff["rows"]) {
    kinds.insert(row["kind"].get<std::string>());
    CHECK(row["left"].is_array());
    CHECK(row["right"].is_array());
    CHECK(row.contains("left_line"));
    CHECK(row.contains("right_line"));
  }
  CHECK(kinds.count("changed") + kinds.count("removed") >= 1);
  CHECK(kinds.count("added") + kinds.count("changed") >= 1);
}

TEST_CASE("render turns Markdown into HTML with red and blue links") {
  TestServer server;
  server.save("fr", "Renard", "Roux.\n");
  auto res = server.post_json("/api/v1/render",
                              {{"lang", "fr"}, {"markdown", "*Vite* : [[Renard]] et [[Dragon]]"}});
  REQUIRE(res);
  CHECK(res->status == 200);
  auto html = json_of(res)["html"].get<std::string>();
  CHECK(html.find("<em>Vite</em>") != std::string::npos);
  CHECK(html.find("Renard") != std::string::npos);
  CHECK(html.find("Dragon") != std::string::npos);
  CHECK(html.find("data-wl") == std::string::npos);  // placeholders are all filled in
  CHECK(html.find("<script") == std::string::npos);
  auto unsafe = json_of(server.post_json(
      "/api/v1/render", {{"lang", "en"}, {"markdown", "<script>alert(1)</script>"}}));
  CHECK(unsafe["html"].get<std::string>().find("<script") == std::string::npos);
}

TEST_CASE("render takes Markdown as text/markdown and answers the same HTML alone") {
  TestServer server;
  server.save("fr", "Renard", "Roux.\n");
  const std::string markdown = "*Vite* : [[Renard]] et [[Dragon]] <script>alert(1)</script>";
  auto as_json = server.post_json("/api/v1/render", {{"lang", "fr"}, {"markdown", markdown}});
  REQUIRE(as_json);
  auto raw = server.client().Post("/api/v1/render?lang=fr", markdown, "text/markdown; charset=utf-8");
  REQUIRE(raw);
  CHECK(raw->status == 200);
  CHECK(raw->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(raw->body == json_of(as_json)["html"].get<std::string>());
  CHECK(raw->body.find("<script") == std::string::npos);

  struct Refusal {
    const char* name;
    const char* path;
    std::string body;
    int status;
    const char* code;
  };
  const Refusal refusals[] = {
      {"no edition named", "/api/v1/render", "x", 400, "invalid_input"},
      {"an edition that does not exist", "/api/v1/render?lang=xx", "x", 404, "not_found"},
      {"bytes that are not UTF-8", "/api/v1/render?lang=fr", "caf\xe9", 400, "invalid_input"},
      {"nested too deeply", "/api/v1/render?lang=fr", std::string(200, '>') + " x", 422,
       "unprocessable"},
  };
  for (const Refusal& r : refusals) {
    CAPTURE(std::string(r.name));
    auto res = server.client().Post(r.path, r.body, "text/markdown");
    REQUIRE(res);
    CHECK(res->status == r.status);
    CHECK(error_code_of(res) == r.code);
  }
}

TEST_CASE("render refuses text nested too deeply with 422") {
  TestServer server;
  auto res = server.post_json("/api/v1/render",
                              {{"lang", "fr"}, {"markdown", std::string(200, '>') + " x"}});
  REQUIRE(res);
  CHECK(res->status == 422);
  CHECK(error_code_of(res) == "unprocessable");
}
