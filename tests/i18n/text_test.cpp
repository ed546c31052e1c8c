#include "i18n/text.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <string_view>

using namespace kidwiki::i18n;

TEST_CASE("is_valid_utf8 accepts well-formed text and refuses every kind of malformed byte") {
  struct Row {
    std::string_view name;
    std::string input;
    bool valid;
  };
  const Row rows[] = {
      {"empty", "", true},
      {"ascii", "Hello", true},
      {"nul is a character", std::string("a\0b", 3), true},
      {"two bytes", "\xC3\xA9", true},
      {"three bytes", "\xE2\x82\xAC", true},
      {"four bytes", "\xF0\x9F\x90\x98", true},
      {"last code point", "\xF4\x8F\xBF\xBF", true},
      {"lone continuation", "\x80", false},
      {"overlong slash", "\xC0\xAF", false},
      {"overlong C1 lead", "\xC1\xBF", false},
      {"overlong three bytes", "\xE0\x80\xAF", false},
      {"overlong four bytes", "\xF0\x80\x80\xAF", false},
      {"surrogate D800", "\xED\xA0\x80", false},
      {"surrogate DFFF", "\xED\xBF\xBF", false},
      {"above U+10FFFF", "\xF4\x90\x80\x80", false},
      {"lead F5", "\xF5\x80\x80\x80", false},
      {"lead FF", "\xFF", false},
      {"truncated two", "\xC3", false},
      {"truncated three", "\xE2\x82", false},
      {"truncated four", "\xF0\x9F\x90", false},
      {"truncated then ascii",
       "\xE2\x82"
       "a",
       false},
      {"valid then truncated", "abc\xC3", false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(is_valid_utf8(row.input) == row.valid);
  }
}

TEST_CASE("to_nfc composes") {
  struct Row {
    std::string_view input, expected;
  };
  const Row rows[] = {
      {"", ""},
      {"e\xCC\x81l\xC3\xA9phant", "éléphant"},  // e + combining acute
      {"\xE2\x84\xAB", "\xC3\x85"},             // ANGSTROM SIGN -> Å
      {"Cafe\xCC\x81", "Café"},
      {"déjà", "déjà"},
      {"\xEF\xAC\x81", "\xEF\xAC\x81"},  // ligature fi is kept: NFC, not NFKC
  };
  for (const auto& row : rows) {
    CAPTURE(row.input);
    CHECK(to_nfc(row.input) == row.expected);
  }
}

TEST_CASE("upper_first changes only the first code point, with the language's rules") {
  struct Row {
    std::string_view input, lang, expected;
  };
  const Row rows[] = {
      {"", "en", ""},
      {"hello world", "en", "Hello world"},
      {"élan", "fr", "Élan"},
      {"istanbul", "tr", "İstanbul"},
      {"istanbul", "en", "Istanbul"},
      {"ırmak", "tr", "Irmak"},
      {"ißx", "de", "Ißx"},
      {"ßx", "de", "ßx"},          // capital is "SS": two letters, so kept
      {"ǆungla", "hr", "ǅungla"},  // digraph takes its title-case form
      {"άλφα", "el", "Άλφα"},      // the accent of a Greek capital stays
      {"éLAN", "fr", "ÉLAN"},
      {"1er mai", "fr", "1er mai"},
      {"Déjà", "fr", "Déjà"},
      {"ärger", "xx-!!", "Ärger"},  // a tag ICU does not know uses the root rules
      {"\xC3", "en", "\xC3"},       // invalid input comes back unchanged
  };
  for (const auto& row : rows) {
    CAPTURE(row.input);
    CAPTURE(row.lang);
    CHECK(upper_first(row.input, row.lang) == row.expected);
  }
}

TEST_CASE("fold_case gives one key for names that differ by case or compatibility form") {
  struct Row {
    std::string_view input, expected;
  };
  const Row rows[] = {
      {"Léa", "léa"},
      {"LÉA", "léa"},
      {"Le\xCC\x81"
       "a",
       "léa"},  // decomposed input
      {"Straße", "strasse"},
      {"ΣΊΣΥΦΟΣ", "σίσυφοσ"},
      {"\xEF\xAC\x81n", "fin"},  // ligature fi
      {"Ｋｉｄ", "kid"},         // full-width letters
  };
  for (const auto& row : rows) {
    CAPTURE(row.input);
    CHECK(fold_case(row.input) == row.expected);
  }
}

TEST_CASE("fold_for_search drops accents and case") {
  struct Row {
    std::string_view input, expected;
  };
  const Row rows[] = {
      {"", ""},
      {"Éléphants", "elephants"},
      {"ÇA VA", "ca va"},
      {"Noël", "noel"},
      {"İstanbul", "istanbul"},
      {"Straße", "strasse"},
      {"Ångström", "angstrom"},
      {"e\xCC\x81t\xC3\xA9", "ete"},
      {"œuvre", "œuvre"},    // a ligature is a letter, not an accent
      {"Ørsted", "ørsted"},  // the stroke is part of the letter, not a mark
      // Turkish: dotted and dotless i are one letter for search, whatever the case.
      {"ılık", "ilik"},
      {"ILIK", "ilik"},
      {"İzmir", "izmir"},
      // German: ß and capital ẞ are "ss".
      {"STRAẞE", "strasse"},
      {"Fußball", "fussball"},
      // Greek: final sigma, capitals and the tonos accent.
      {"Οδυσσεύς", "οδυσσευσ"},
      {"ΟΔΥΣΣΕΥΣ", "οδυσσευσ"},
      {"Αθήνα", "αθηνα"},
      // Russian: ё is searched as е, as Russians usually write it.
      {"Ёлка", "елка"},
      // Arabic: short vowels, hamza carriers and the stretching tatweel.
      {"كِتَاب", "كتاب"},
      {"كتــاب", "كتاب"},
      {"أسد", "اسد"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.input);
    CHECK(fold_for_search(row.input) == row.expected);
  }
}

TEST_CASE("code_point_count counts code points, not bytes") {
  struct Row {
    std::string_view input;
    std::size_t expected;
  };
  const Row rows[] = {{"", 0}, {"abc", 3}, {"été", 3}, {"🐘", 1}, {"e\xCC\x81", 2}};
  for (const auto& row : rows) {
    CAPTURE(row.input);
    CHECK(code_point_count(row.input) == row.expected);
  }
}

TEST_CASE("to_utf32 and to_utf8 round-trip valid text and replace the rest") {
  struct Row {
    std::string_view name;
    std::string utf8;
    std::u32string utf32;
  };
  const Row rows[] = {
      {"empty", "", U""},
      {"mixed", "aé€🐘", U"aé€🐘"},
      {"ill-formed byte",
       "a\xFF"
       "b",
       U"a\uFFFDb"},
      {"truncated sequence is one replacement",
       "\xE2\x82"
       "b",
       U"\uFFFDb"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(to_utf32(row.utf8) == row.utf32);
  }
  CHECK(to_utf8(U"aé€🐘") == "aé€🐘");
  CHECK(to_utf8(std::u32string{0xD800}) == "\xEF\xBF\xBD");
  CHECK(to_utf8(std::u32string{0x110000}) == "\xEF\xBF\xBD");
}

TEST_CASE("is_white_space follows Unicode's White_Space property") {
  struct Row {
    char32_t c;
    bool expected;
  };
  const Row rows[] = {
      {U' ', true},   {U'\t', true},  {U'\n', true},   {0x85, true},    {0xA0, true},
      {0x1680, true}, {0x2003, true}, {0x2028, true},  {0x202F, true},  {0x3000, true},
      {U'a', false},  {U'_', false},  {0x200B, false}, {0xFEFF, false}, {0x110000, false},
  };
  for (const auto& row : rows) {
    CAPTURE(static_cast<unsigned>(row.c));
    CHECK(is_white_space(row.c) == row.expected);
  }
}

TEST_CASE("text functions accept random bytes without crashing" * doctest::timeout(60)) {
  std::mt19937 random(20261129);
  std::uniform_int_distribution<int> byte(0, 255), length(0, 40);
  for (int i = 0; i < 3000; ++i) {
    std::string input;
    for (int n = length(random); n > 0; --n) input.push_back(static_cast<char>(byte(random)));
    bool valid = is_valid_utf8(input);
    std::string nfc = to_nfc(input);
    CHECK(is_valid_utf8(nfc));
    CHECK(is_valid_utf8(fold_case(input)));
    CHECK(is_valid_utf8(fold_for_search(input)));
    CHECK(upper_first(input, "tr").size() <= input.size() + 4);
    if (valid) CHECK(to_utf8(to_utf32(input)) == input);
  }
}

TEST_CASE("text functions stay linear on a megabyte of input" * doctest::timeout(60)) {
  std::string big;
  for (int i = 0; i < 100000; ++i) big += "e\xCC\x81 Ab ";
  CHECK(is_valid_utf8(big));
  CHECK(code_point_count(to_nfc(big)) == 500000);
  CHECK(fold_for_search(big).size() == 500000);
  CHECK(upper_first(big, "fr").substr(0, 4) == "E\xCC\x81 ");
}

TEST_CASE("a long run of combining marks is normalised in linear time" * doctest::timeout(60)) {
  std::string marks = "e";
  for (int i = 0; i < 200000; ++i) marks += "\u0301\u0323";
  std::string nfc = to_nfc(marks);
  CHECK(nfc.starts_with("\u1EB9\u0323"));  // marks in canonical order, e + dot below composed
  CHECK(nfc.find("\u034F") != std::string::npos);
  CHECK(to_nfc(nfc) == nfc);
  CHECK(fold_for_search(marks) == "e");
  CHECK(fold_case(marks).find("\u034F") != std::string::npos);
}

TEST_CASE("short runs of combining marks get no joiner") {
  std::string thirty = "a";
  for (int i = 0; i < 30; ++i) thirty += "\u0301";
  CHECK(to_nfc(thirty) == "\u00E1" + thirty.substr(3));
  CHECK(to_nfc(thirty + "\u0301").find("\u034F") != std::string::npos);
}
