// The JSON API's page routes against a real server: read, save, conflicts, merges, redirects,
// backlinks, revert and move.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "test_server.h"

using kidwiki::web::testing::error_code_of;
using kidwiki::web::testing::json_of;
using kidwiki::web::testing::TestServer;
using kidwiki::web::testing::url_encode;

TEST_CASE("editions lists fr and en with their main pages") {
  TestServer server;
  auto res = server.client().Get("/api/v1/editions");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type").starts_with("application/json"));
  auto editions = json_of(res)["editions"];
  REQUIRE(editions.is_array());
  std::set<std::string> langs;
  for (const auto& edition : editions) {
    langs.insert(edition["lang"].get<std::string>());
    CHECK_FALSE(edition["name"].get<std::string>().empty());
    CHECK((edition["dir"] == "ltr" || edition["dir"] == "rtl"));
    CHECK_FALSE(edition["main_page"].get<std::string>().empty());
  }
  CHECK(langs.count("fr") == 1);
  CHECK(langs.count("en") == 1);
}

TEST_CASE("a page is created, read back and saved again") {
  TestServer server;
  auto created = server.put_page("fr", "Petit_chat", "Le **chat** mange. [[Souris]]", {});
  REQUIRE(created);
  CHECK(created->status == 201);
  auto outcome = json_of(created);
  CHECK(outcome["status"] == "created");
  auto first = outcome["revision_id"].get<std::int64_t>();

  auto read = server.client().Get("/api/v1/fr/pages/Petit_chat");
  REQUIRE(read);
  CHECK(read->status == 200);
  auto page = json_of(read);
  CHECK(page["title"] == "Petit chat");
  CHECK(page["revision_id"] == first);
  CHECK(page["markdown"] == "Le **chat** mange. [[Souris]]");
  CHECK(page["html"].get<std::string>().find("<strong>chat</strong>") != std::string::npos);
  CHECK(page["categories"].is_array());
  CHECK(page["langlinks"].is_array());
  CHECK_FALSE(page.contains("redirected_from"));

  auto saved = server.put_page("fr", "Petit%20chat", "Le chat dort.\n", first);
  REQUIRE(saved);
  CHECK(saved->status == 200);
  CHECK(json_of(saved)["status"] == "saved");
  auto second = json_of(saved)["revision_id"].get<std::int64_t>();
  CHECK(second != first);

  auto same = server.put_page("fr", "Petit_chat", "Le chat dort.\n", second);
  REQUIRE(same);
  CHECK(same->status == 200);
  CHECK(json_of(same)["status"] == "null_edit");
  CHECK(json_of(same)["revision_id"] == second);
}

TEST_CASE("categories and interlanguage links come back with the page") {
  TestServer server;
  server.save("fr", "Tigre", "Un félin.\n\n[[Catégorie:Animaux]]\n[[en:Tiger]]\n");
  auto page = json_of(server.client().Get("/api/v1/fr/pages/Tigre"));
  CHECK(page["categories"] == nlohmann::json::array({"Animaux"}));
  REQUIRE(page["langlinks"].size() == 1);
  CHECK(page["langlinks"][0]["lang"] == "en");
  CHECK(page["langlinks"][0]["title"] == "Tiger");
}

TEST_CASE("a missing page is 404") {
  TestServer server;
  auto res = server.client().Get("/api/v1/fr/pages/Page_qui_n%27existe_pas");
  REQUIRE(res);
  CHECK(res->status == 404);
  CHECK(error_code_of(res) == "not_found");
}

TEST_CASE("a stale base that overlaps a newer edit is a conflict; one that does not is merged") {
  TestServer server;
  auto base = server.save("fr", "Gazelle", "un\ndeux\ntrois\nquatre\ncinq\n");
  auto theirs = server.save("fr", "Gazelle", "UN\ndeux\ntrois\nquatre\ncinq\n", base);

  auto conflict = server.put_page("fr", "Gazelle", "Un !\ndeux\ntrois\nquatre\ncinq\n", base);
  REQUIRE(conflict);
  CHECK(conflict->status == 409);
  CHECK(error_code_of(conflict) == "conflict");
  CHECK(json_of(conflict)["error"]["current_revision_id"] == theirs);

  auto merged = server.put_page("fr", "Gazelle", "un\ndeux\ntrois\nquatre\nCINQ\n", base);
  REQUIRE(merged);
  CHECK(merged->status == 200);
  CHECK(json_of(merged)["status"] == "merged");
  auto page = json_of(server.client().Get("/api/v1/fr/pages/Gazelle"));
  CHECK(page["markdown"] == "UN\ndeux\ntrois\nquatre\nCINQ");
}

TEST_CASE("creating a page that exists with another text is refused") {
  TestServer server;
  server.save("fr", "Zèbre", "Rayé.\n");
  auto res = server.put_page("fr", url_encode("Zèbre"), "Autre texte.\n", {});
  REQUIRE(res);
  CHECK(res->status == 409);
  CHECK(error_code_of(res) == "exists");
}

TEST_CASE("redirects are followed unless ?redirect=no") {
  TestServer server;
  server.save("fr", "Chat", "Un animal.\n");
  server.save("fr", "Minou", "#REDIRECT [[Chat]]\n");
  auto followed = json_of(server.client().Get("/api/v1/fr/pages/Minou"));
  CHECK(followed["title"] == "Chat");
  CHECK(followed["redirected_from"] == "Minou");
  auto kept = json_of(server.client().Get("/api/v1/fr/pages/Minou?redirect=no"));
  CHECK(kept["title"] == "Minou");
  CHECK_FALSE(kept.contains("redirected_from"));
}

TEST_CASE("titles are decoded once from the path") {
  TestServer server;
  server.save("fr", url_encode("Éléphant d'Afrique"), "Grand.\n");
  server.save("fr", "100%25_jus", "Du jus.\n");
  server.save("fr", "AC%2FDC", "Un groupe.\n");
  struct Row {
    std::string path;
    int status;
    std::string title;
  };
  const std::vector<Row> rows = {
      {"/api/v1/fr/pages/%C3%89l%C3%A9phant_d%27Afrique", 200, "Éléphant d'Afrique"},
      {"/api/v1/fr/pages/%C3%89l%C3%A9phant%20d'Afrique", 200, "Éléphant d'Afrique"},
      {"/api/v1/fr/pages/100%25_jus", 200, "100% jus"},
      {"/api/v1/fr/pages/100%2525_jus", 400, ""},  // "100%25 jus" (refused): not decoded twice
      {"/api/v1/fr/pages/AC%2FDC", 200, "AC/DC"},
      {"/api/v1/fr/pages/AC/DC", 200, "AC/DC"},
      {"/api/v1/fr/pages/%C3", 400, ""},
      {"/api/v1/fr/pages/%ED%A0%80", 400, ""},  // a UTF-16 surrogate
      {"/api/v1/fr/pages/%C0%AF", 400, ""},     // an overlong '/'
      {"/api/v1/fr/pages/%ZZ", 400, ""},
      {"/api/v1/fr/pages/abc%", 400, ""},
      {"/api/v1/fr/pages/abc%4", 400, ""},
      {"/api/v1/fr/pages/A%5BB", 400, ""},
      {"/api/v1/fr/pages/%7C", 400, ""},
      {"/api/v1/fr/pages/%00", 400, ""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    auto res = server.client().Get(row.path.c_str());
    REQUIRE(res);
    CHECK(res->status == row.status);
    if (row.status == 200) CHECK(json_of(res)["title"] == row.title);
    if (row.status != 200) CHECK_FALSE(error_code_of(res).empty());
  }
}

TEST_CASE("backlinks list the pages that link here") {
  TestServer server;
  server.save("fr", "Souris", "Petite.\n");
  server.save("fr", "Chat", "Il chasse la [[souris]].\n");
  server.save("fr", "Mulot", "#REDIRECT [[Souris]]\n");
  auto res = server.client().Get("/api/v1/fr/pages/Souris/backlinks");
  REQUIRE(res);
  CHECK(res->status == 200);
  auto pages = json_of(res)["pages"];
  REQUIRE(pages.is_array());
  std::map<std::string, bool> found;
  for (const auto& page : pages) found[page["title"]] = page["redirect"].get<bool>();
  CHECK(found.count("Chat") == 1);
  CHECK(found["Chat"] == false);
  CHECK(found.count("Mulot") == 1);
  CHECK(found["Mulot"] == true);
}

TEST_CASE("revert restores an old text; a revision of another page is refused") {
  TestServer server;
  auto first = server.save("fr", "Hibou", "Nocturne.\n");
  auto second = server.save("fr", "Hibou", "Vandalisme\n", first);
  auto other = server.save("fr", "Chouette", "Aussi nocturne.\n");

  auto res = server.post_json("/api/v1/fr/pages/Hibou/revert",
                              {{"revision_id", first}, {"summary", "annule"}});
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(json_of(res)["revision_id"].get<std::int64_t>() > second);
  CHECK_FALSE(json_of(res)["status"].get<std::string>().empty());
  CHECK(json_of(server.client().Get("/api/v1/fr/pages/Hibou"))["markdown"] == "Nocturne.");

  auto wrong = server.post_json("/api/v1/fr/pages/Hibou/revert", {{"revision_id", other}});
  REQUIRE(wrong);
  CHECK(wrong->status == 400);
  CHECK(error_code_of(wrong) == "wrong_page");
}

TEST_CASE("move renames a page; onto an existing page it is refused") {
  TestServer server;
  server.save("fr", "Chaton", "Jeune chat.\n");
  server.save("fr", "Chien", "Un autre animal.\n");
  auto moved = server.post_json("/api/v1/fr/pages/Chaton/move",
                                {{"new_title", "jeune chat"}, {"leave_redirect", true},
                                 {"reason", "plus clair"}});
  REQUIRE(moved);
  CHECK(moved->status == 200);
  CHECK(json_of(moved)["title"] == "Jeune chat");
  auto followed = json_of(server.client().Get("/api/v1/fr/pages/Chaton"));
  CHECK(followed["title"] == "Jeune chat");

  auto onto = server.post_json("/api/v1/fr/pages/Jeune_chat/move", {{"new_title", "Chien"}});
  REQUIRE(onto);
  CHECK(onto->status == 409);
  CHECK(error_code_of(onto) == "exists");
}

TEST_CASE("a text over 2 MiB is refused with 413; exactly 2 MiB is accepted" *
          doctest::timeout(120)) {
  TestServer server;
  std::string line(63, 'a');
  line += '\n';
  std::string limit_text;
  while (limit_text.size() < 2 * 1024 * 1024) limit_text += line;
  REQUIRE(limit_text.size() == 2 * 1024 * 1024);
  auto over = server.put_page("fr", "Grand", limit_text + "b", {});
  REQUIRE(over);
  CHECK(over->status == 413);
  CHECK(error_code_of(over) == "too_large");
  auto at_limit = server.put_page("fr", "Grand", limit_text, {});
  REQUIRE(at_limit);
  CHECK(at_limit->status == 201);
}
