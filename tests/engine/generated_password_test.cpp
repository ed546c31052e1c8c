// Generated passwords in the class's language (i18n/password-words/<lang>.txt).
#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <string>

#include "engine/accounts.h"
#include "i18n/text.h"

using namespace kidwiki;

namespace {

// Whether every code point of `word` is in [low, high].
bool all_in(const std::string& word, char32_t low, char32_t high) {
  for (char32_t c : i18n::to_utf32(word)) {
    if (c < low || c > high) return false;
  }
  return true;
}

std::vector<std::string> words_of(const std::string& password) {
  std::vector<std::string> parts;
  std::istringstream in(password);
  for (std::string part; std::getline(in, part, '-');) parts.push_back(part);
  return parts;
}

}  // namespace

TEST_CASE("every language's password words are 256 or more, short, distinct and easy to type") {
  struct Row {
    std::string lang;
    char32_t low, high;  // the letters allowed
  };
  const Row rows[] = {
      {"en", U'a', U'z'},      {"fr", U'a', U'z'},      {"es", U'a', U'z'},
      {"it", U'a', U'z'},      {"de", U'a', U'z'},      {"pt", U'a', U'z'},
      {"ca", U'a', U'z'},      {"ru", U'\u0430', U'\u044F'},  // а-я, never ё
      {"ar", U'\u0621', U'\u064A'},                      // letters, no vowel marks or tatweel
  };
  for (const auto& row : rows) {
    CAPTURE(row.lang);
    const auto words = engine::password_words(row.lang);
    CHECK(words.size() >= 256);
    std::set<std::string> distinct;
    for (const auto& word : words) {
      CAPTURE(word);
      const auto length = i18n::code_point_count(word);
      CHECK((length >= 3 && length <= 10));
      CHECK(all_in(word, row.low, row.high));
      distinct.insert(i18n::fold_case(word));
    }
    CHECK(distinct.size() == words.size());
  }
}

TEST_CASE("a password is three words of the class's language and a number") {
  for (const std::string lang : {"es", "ru", "ar", "fr", "pt-BR"}) {
    CAPTURE(lang);
    const auto list = engine::password_words(lang);
    const std::set<std::string> words(list.begin(), list.end());
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
      const std::string password = engine::generate_password(lang);
      CAPTURE(password);
      const auto parts = words_of(password);
      REQUIRE(parts.size() == 4);
      CHECK(words.count(parts[0]) == 1);
      CHECK(words.count(parts[1]) == 1);
      CHECK((parts[2].size() == 2 && parts[2][0] >= '1' && parts[2][0] <= '9'));
      CHECK(words.count(parts[3]) == 1);
      seen.insert(password);
    }
    CHECK(seen.size() >= 95);
  }
  // A language without a list of its own gets English words.
  CHECK(engine::password_words("ja") == engine::password_words("en"));
  CHECK(engine::password_words("pt-BR") == engine::password_words("pt"));
  CHECK(engine::password_words("fr") != engine::password_words("en"));
}
