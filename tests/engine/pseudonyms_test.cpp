// Generated pupil names in the class's language (i18n/pseudonyms/<lang>.txt): every pair of every
// list is a name the wiki accepts, typed on the keyboards of its language, and agrees in gender.
#include "accounts/pseudonyms.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "engine/filter.h"
#include "i18n/text.h"
#include "i18n/username.h"

using namespace kidwiki;

namespace {

const char* const kLanguages[] = {"fr", "en", "es", "it", "de", "pt", "ca", "ru", "ar"};

bool letters_in(const std::string& name, char32_t low, char32_t high) {
  for (char32_t c : i18n::to_utf32(name)) {
    if (c != U' ' && (c < low || c > high)) return false;
  }
  return true;
}

bool ascii_letters(const std::string& name) {
  for (char32_t c : i18n::to_utf32(name)) {
    const bool letter = (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
    if (c != U' ' && !letter) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("every generated name of every language is accepted by every edition's filters") {
  std::vector<engine::ContentFilter> filters;
  for (const char* lang : kLanguages) filters.push_back(engine::ContentFilter::for_edition(lang, 2026));
  for (const char* lang : kLanguages) {
    CAPTURE(std::string(lang));
    const auto pairs = engine::pseudonym_pairs(lang);
    CHECK(pairs.size() >= 600);
    std::set<std::string> distinct;
    for (const auto& pair : pairs) {
      CAPTURE(pair);
      const std::string name = pair + " 12";
      const auto check = i18n::check_username(name);
      CHECK(check.problem.empty());
      for (const auto& filter : filters) CHECK(filter.check_username(check.name).matches.empty());
      const std::string_view base(lang);
      if (base == "ru") {
        CHECK(letters_in(pair, U'\u0410', U'\u044F'));  // А-я, never Ё
      } else if (base == "ar") {
        CHECK(letters_in(pair, U'\u0621', U'\u064A'));
      } else {
        CHECK(ascii_letters(pair));  // no accent: login does not ignore them
      }
      distinct.insert(i18n::fold_case(pair));
    }
    CHECK(distinct.size() == pairs.size());
  }
}

TEST_CASE("a generated name is a pair of its language and a number from 2 to 99") {
  for (const char* lang : {"es", "de", "ru", "ar", "fr", "en", "ja"}) {
    CAPTURE(std::string(lang));
    const auto list = engine::pseudonym_pairs(lang);
    const std::set<std::string> pairs(list.begin(), list.end());
    for (int i = 0; i < 50; ++i) {
      const std::string name = engine::random_pseudonym(lang);
      CAPTURE(name);
      const auto space = name.rfind(' ');
      REQUIRE(space != std::string::npos);
      CHECK(pairs.count(name.substr(0, space)) == 1);
      const int number = std::stoi(name.substr(space + 1));
      CHECK((number >= 2 && number <= 99));
    }
  }
  CHECK(engine::pseudonym_pairs("ja") == engine::pseudonym_pairs("en"));
  CHECK(engine::pseudonym_pairs("fr") != engine::pseudonym_pairs("en"));
}

TEST_CASE("the adjective agrees with the animal's gender, in the language's order") {
  struct Row {
    const char* lang;
    std::string agrees, disagrees;
  };
  const Row rows[] = {
      {"de", "Kluge Eule", "Kluger Eule"},
      {"de", "Kluges Kaninchen", "Kluger Kaninchen"},
      {"ru", "Мудрая Сова", "Мудрый Сова"},
      {"ru", "Мудрый Сокол", "Мудрая Сокол"},
      {"ar", "نحلة سريعة", "نحلة سريع"},
      {"ar", "صقر سريع", "صقر سريعة"},
      {"es", "Tortuga Lista", "Tortuga Listo"},
      {"es", "Zorro Listo", "Listo Zorro"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.agrees);
    const auto pairs = engine::pseudonym_pairs(row.lang);
    CHECK(std::count(pairs.begin(), pairs.end(), row.agrees) == 1);
    CHECK(std::count(pairs.begin(), pairs.end(), row.disagrees) == 0);
  }
}
