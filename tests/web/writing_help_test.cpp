// The writing help through the API: POST /api/v1/render with "advice": true answers the advice
// with messages in the interface language; without it, the answer is as before.
#include <doctest/doctest.h>

#include "html_test_util.h"
#include "test_server.h"

using namespace kidwiki::web::testing;

TEST_CASE("the render API gives the writing help when asked, in the reader's language") {
  TestServer srv;
  std::string long_sentence = "Le tigre";
  for (int i = 0; i < 30; ++i) long_sentence += " court";
  const nlohmann::json body = {{"lang", "fr"},
                               {"markdown", long_sentence + ". C'est un ectotherme."},
                               {"advice", true}};
  auto res = srv.client().Post("/api/v1/render", body.dump(), "application/json");
  REQUIRE(res);
  CHECK(res->status == 200);
  const auto advice = json_of(res)["advice"];
  CHECK(advice["sentences"] == 2);
  CHECK(advice["rare_words_checked"] == true);
  CHECK(advice["summary"] == kidwiki::i18n::Messages::builtin().format(
                                 "fr", "writing-help-counts",
                                 {{"words", std::int64_t{35}}, {"sentences", std::int64_t{2}}}));
  std::vector<std::string> kinds;
  for (const auto& item : advice["items"]) kinds.push_back(item["kind"]);
  CHECK(kinds == std::vector<std::string>{"long_sentences", "rare_words", "sources_missing"});
  CHECK(advice["items"][0]["sentences"][0]["words"] == 32);
  CHECK(advice["items"][1]["words"] == nlohmann::json::array({"ectotherme"}));
  CHECK(advice["items"][2]["message"] ==
        kidwiki::i18n::Messages::builtin().format("fr", "writing-help-sources"));

  // Not asked: no advice.
  auto plain = srv.client().Post("/api/v1/render",
                                 nlohmann::json{{"lang", "fr"}, {"markdown", "Le chat."}}.dump(),
                                 "application/json");
  REQUIRE(plain);
  CHECK_FALSE(json_of(plain).contains("advice"));
}

TEST_CASE("a clear text with sources is praised") {
  TestServer srv;
  const nlohmann::json body = {{"lang", "fr"},
                               {"markdown", "Le chat mange.\n\n## Sources\n\n- Un livre"},
                               {"advice", true}};
  auto res = srv.client().Post("/api/v1/render", body.dump(), "application/json");
  REQUIRE(res);
  const auto items = json_of(res)["advice"]["items"];
  REQUIRE(items.size() == 1);
  CHECK(items[0]["kind"] == "all_good");
}
