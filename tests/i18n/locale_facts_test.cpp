// What ICU's locale data says about a language tag: editions take their direction from it.
#include <doctest/doctest.h>

#include <string>

#include "i18n/locale_facts.h"

using kidwiki::i18n::locale_facts;

namespace {

struct Row {
  const char* tag;
  const char* canonical;  // "" when refused
  const char* script;
  const char* region;
  bool rtl;
  const char* native_name;
  const char* iso639_3;
};

const Row kRows[] = {
    {"fr", "fr", "Latn", "FR", false, "français", "fra"},
    {"en", "en", "Latn", "US", false, "English", "eng"},
    {"es", "es", "Latn", "ES", false, "español", "spa"},
    {"pt", "pt", "Latn", "BR", false, "português", "por"},
    {"ar", "ar", "Arab", "EG", true, "العربية", "ara"},
    {"he", "he", "Hebr", "IL", true, "עברית", "heb"},
    {"fa", "fa", "Arab", "IR", true, "فارسی", "fas"},
    {"ckb", "ckb", "Arab", "IQ", true, "کوردیی ناوەندی", "ckb"},
    {"hy", "hy", "Armn", "AM", false, "հայերեն", "hye"},
    {"el", "el", "Grek", "GR", false, "Ελληνικά", "ell"},
    {"eu", "eu", "Latn", "ES", false, "euskara", "eus"},
    {"ru", "ru", "Cyrl", "RU", false, "русский", "rus"},
    {"de-CH", "de-CH", "Latn", "CH", false, "Deutsch (Schweiz)", "deu"},
    {"FR", "fr", "Latn", "FR", false, "français", "fra"},  // tags are case-insensitive
    // Refused: not BCP 47, or a language CLDR cannot tell a script for.
    {"en_US", "", "", "", false, "", ""},
    {"12", "", "", "", false, "", ""},
    {"fr--", "", "", "", false, "", ""},
    {"", "", "", "", false, "", ""},
    {"xx", "", "", "", false, "", ""},
    {"qaa", "", "", "", false, "", ""},
    {"x-klingon", "", "", "", false, "", ""},
    {"fr<script>", "", "", "", false, "", ""},
};

}  // namespace

TEST_CASE("locale facts: script, region, direction and own name from CLDR; bad tags refused") {
  for (const Row& row : kRows) {
    CAPTURE(std::string(row.tag));
    const auto facts = locale_facts(row.tag);
    if (std::string(row.canonical).empty()) {
      CHECK_FALSE(facts.has_value());
      continue;
    }
    REQUIRE(facts.has_value());
    CHECK(facts->tag == row.canonical);
    CHECK(facts->script == row.script);
    CHECK(facts->region == row.region);
    CHECK(facts->right_to_left == row.rtl);
    CHECK(facts->native_name == row.native_name);
    CHECK(facts->iso639_3 == row.iso639_3);
  }
  CHECK_FALSE(locale_facts(std::string(100, 'a')).has_value());
}
