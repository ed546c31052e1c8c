// Whatever a reader types: refused when empty or too long, never slow, never an exception.
#include <doctest/doctest.h>

#include <random>

#include "search_fixture.h"

namespace kidwiki::search::testing {
namespace {

struct RefusedRow {
  const char* name;
  std::string query;
  const char* message_id;
};

const RefusedRow kRefused[] = {
    {"empty", "", "search-error-empty"},
    {"only spaces and punctuation", "  -- \"\" ", "search-error-empty"},
    {"over 256 bytes", std::string(257, 'a'), "search-error-too-long"},
    {"48 KB", std::string(48 * 1024, 'a') + " \"(", "search-error-too-long"},
    {"33 words", [] {
       std::string q;
       for (int i = 0; i < 33; ++i) q += "mot ";
       return q;
     }(), "search-error-too-many-words"},
    {"invalid UTF-8", "chat \xC3\x28", "search-error-encoding"},
};

TEST_CASE("input: refused queries say why" * doctest::timeout(120)) {
  CorpusWiki& c = corpus_wiki();
  for (const RefusedRow& row : kRefused) {
    CAPTURE(std::string(row.name));
    const auto found = c.search->query("fr", {row.query, 10, 0, ""});
    REQUIRE_FALSE(found.ok());
    CHECK(found.error().code == engine::ErrorCode::invalid_input);
    CHECK(found.error().message_id == row.message_id);
    const auto titles = c.search->suggest("fr", row.query, 10);
    CHECK_FALSE(titles.ok());
  }
}

struct AcceptedRow {
  const char* name;
  const char* query;
};

constexpr AcceptedRow kAccepted[] = {
    {"parser error retried as words", "AND OR ( \""},
    {"unbalanced quote", "\"chat des"},
    {"wildcard is a plain word", "ch*"},
    {"only stop words", "les des"},
    {"only an exclusion", "-chat"},
    {"field-like syntax", "title:chat category:animaux"},
    {"32 words", "a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff"},
    {"nested brackets", "((((((((((chat))))))))))"},
    {"emoji and symbols", "🐘 ★ ∞ chat"},
};

TEST_CASE("input: odd queries answer, never throw" * doctest::timeout(60)) {
  CorpusWiki& c = corpus_wiki();
  for (const AcceptedRow& row : kAccepted) {
    CAPTURE(std::string(row.name));
    const auto found = c.search->query("fr", {row.query, 10, 0, ""});
    CHECK(found.ok());
  }
}

TEST_CASE("input: limit, offset and long prefixes are clamped" * doctest::timeout(60)) {
  CorpusWiki& c = corpus_wiki();
  const auto big = c.search->query("fr", {"france", 100000, 0, ""});
  REQUIRE(big.ok());
  CHECK(big->results.size() <= 50);
  CHECK(c.search->query("fr", {"france", -5, -5, ""}).ok());
  CHECK(c.search->query("fr", {"france", 10, 1 << 30, ""})->results.empty());
}

std::string random_bytes(std::mt19937& random, std::size_t size) {
  std::string s(size, '\0');
  for (char& ch : s) ch = static_cast<char>(random() & 0xFF);
  return s;
}

std::string random_syntax(std::mt19937& random, std::size_t pieces) {
  static const char* kPieces[] = {"\"", "-", "+", "(", ")", "*", " AND ", " OR ", " NOT ",
                                  "chat", "é", " ", ":", "title:", "~", "NEAR", "'", "..", "^"};
  std::string s;
  for (std::size_t i = 0; i < pieces; ++i) s += kPieces[random() % std::size(kPieces)];
  return s;
}

TEST_CASE("input: random queries never crash or throw" * doctest::timeout(60)) {
  CorpusWiki& c = corpus_wiki();
  std::mt19937 random(4);
  for (int i = 0; i < 1500; ++i) {
    const std::string q = i % 2 ? random_bytes(random, random() % 300)
                                : random_syntax(random, random() % 40);
    CAPTURE(i);
    const auto found = c.search->query("fr", {q, 10, 0, ""});
    if (!found.ok()) CHECK(found.error().code == engine::ErrorCode::invalid_input);
    const auto titles = c.search->suggest("fr", q, 5);
    if (!titles.ok()) CHECK(titles.error().code == engine::ErrorCode::invalid_input);
  }
}

}  // namespace
}  // namespace kidwiki::search::testing
