#include "i18n/language.h"

#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

using namespace kidwiki::i18n;

TEST_CASE("best_accept_language honours q-values, wildcards and ICU's distances between languages") {
  const std::vector<std::string> en_fr = {"en", "fr"};
  struct Row {
    std::string_view header;
    std::vector<std::string> available;
    std::optional<std::string> expected;
  };
  const Row rows[] = {
      {"", en_fr, std::nullopt},
      {"fr", en_fr, "fr"},
      {"FR", en_fr, "fr"},
      {"fr-CH, fr;q=0.9, en;q=0.8", en_fr, "fr"},
      {"de-DE, de;q=0.9, fr;q=0.5, en;q=0.4", en_fr, "fr"},
      {"en;q=0.5, fr;q=0.8", en_fr, "fr"},
      {"en, fr", en_fr, "en"},
      {"fr;q=0.5, en;q=0.5", en_fr, "fr"},  // equal weight: first listed
      {"en-US,en;q=0.9", en_fr, "en"},
      {"zh-Hant-TW", {"en", "zh-Hant"}, "zh-Hant"},
      // ICU's LocaleMatcher: a Traditional Chinese reader is not sent to Simplified Chinese...
      {"zh-Hant-TW", {"en", "zh"}, std::nullopt},
      {"zh-CN", {"en", "zh"}, "zh"},
      // ...while the regions of a language find it.
      {"de-AT", {"en", "de"}, "de"},
      {"pt-PT", {"es", "pt"}, "pt"},
      {"es-419, en;q=0.5", {"en", "es"}, "es"},
      {"ar-MA", {"fr", "ar"}, "ar"},
      {"en-US", {"fr", "en-GB"}, "en-GB"},
      {"ca, es;q=0.8", {"es", "ca"}, "ca"},
      {"de", en_fr, std::nullopt},
      {"*", en_fr, "en"},
      {"en;q=0.1, *", en_fr, "fr"},  // "*" means the others
      {"*, fr", en_fr, "fr"},        // a named language beats "*"
      {"fr;q=0, *", en_fr, "en"},
      {"fr;q=0", en_fr, std::nullopt},
      {"fr-CH, fr;q=0", en_fr, std::nullopt},  // refused outright
      {"fr;q=0.000, en;q=0.001", en_fr, "en"},
      {"fr;q=1.000", en_fr, "fr"},
      {" fr ; q = 0.7 , en ; q=0.6 ", en_fr, "fr"},
      {"fr;Q=0.7,en;q=0.6", en_fr, "fr"},
      {"fr;level=1;q=0.7, en;q=0.6", en_fr, "fr"},  // unknown parameter ignored
      {"fr;q=1.5, en;q=0.2", en_fr, "en"},          // malformed weight drops its range
      {"fr;q=0.1234, en;q=0.2", en_fr, "en"},
      {"fr;q=abc, en", en_fr, "en"},
      {"fr;q=, en", en_fr, "en"},
      {"fr;q, en", en_fr, "en"},
      {"f r, en;q=0.1", en_fr, "en"},
      {"fr_CH, en;q=0.1", en_fr, "en"},
      {"123, en;q=0.1", en_fr, "en"},
      {"fr-, en;q=0.1", en_fr, "en"},
      {"toolonglang, en;q=0.1", en_fr, "en"},
      {"fr-abcdefghi, en;q=0.1", en_fr, "en"},
      {"fr-1996", en_fr, "fr"},
      {",,,;;;===", en_fr, std::nullopt},
      {"fr\xC3\xA9, en;q=0.3", en_fr, "en"},
      {"fr", {}, std::nullopt},
  };
  for (const auto& row : rows) {
    CAPTURE(row.header);
    CHECK(best_accept_language(row.header, row.available) == row.expected);
  }
}

TEST_CASE("best_accept_language reads only the first 4 KB of a header") {
  std::string header(4100, ' ');
  header += ", fr";  // past the limit: cut mid-range, then dropped
  CHECK(best_accept_language(header, {"en", "fr"}) == std::nullopt);
  CHECK(best_accept_language("de, en;q=0.5," + header, {"en", "fr"}) == "en");
}

TEST_CASE("best_language prefers the first wanted language ICU finds close enough") {
  struct Row {
    std::vector<std::string> wanted, available;
    std::optional<std::string> expected;
  };
  const Row rows[] = {
      {{"es"}, {"fr", "en", "es"}, "es"},
      {{"es-MX"}, {"fr", "es"}, "es"},
      {{"ja", "en"}, {"fr", "en"}, "en"},
      {{"ja"}, {"fr", "en"}, std::nullopt},
      {{"fr", "en"}, {"en", "fr"}, "fr"},
      {{"not a tag"}, {"en"}, std::nullopt},
      {{}, {"en"}, std::nullopt},
      {{"en"}, {}, std::nullopt},
  };
  for (const auto& row : rows) {
    CAPTURE(row.wanted.empty() ? "" : row.wanted.front());
    CHECK(best_language(row.wanted, row.available) == row.expected);
  }
}

TEST_CASE("choose_interface_language follows uselang, preference, header, edition, English") {
  struct Row {
    std::string_view name;
    LanguageChoice choice;
    std::string expected;
  };
  const Row rows[] = {
      {"uselang first", {"fr", "en", "en", "en"}, "fr"},
      {"uselang qqx", {"qqx", "fr", "fr", "fr"}, "qqx"},
      {"uselang region", {"fr-CA", std::nullopt, "", "en"}, "fr"},
      {"unknown uselang ignored", {"ja", "fr", "en", "en"}, "fr"},
      {"preference", {std::nullopt, "fr", "en", "en"}, "fr"},
      {"qqx only through uselang", {std::nullopt, "qqx", "", "fr"}, "fr"},
      {"qqx not from the header", {std::nullopt, std::nullopt, "qqx", "fr"}, "fr"},
      {"header", {std::nullopt, std::nullopt, "fr-CH, en;q=0.5", "en"}, "fr"},
      {"edition", {std::nullopt, std::nullopt, "ja", "fr"}, "fr"},
      {"english last", {std::nullopt, std::nullopt, "", "ja"}, "en"},
      {"nothing at all", {std::nullopt, std::nullopt, "", ""}, "en"},
      {"empty uselang", {"", std::nullopt, "", "fr"}, "fr"},
      {"a German browser", {std::nullopt, std::nullopt, "de-DE,de;q=0.9,en;q=0.5", "fr"}, "de"},
      {"a Mexican browser", {std::nullopt, std::nullopt, "es-MX", "en"}, "es"},
      {"Brazilian uselang", {"pt-BR", std::nullopt, "", "en"}, "pt"},
      {"Moroccan Arabic edition", {std::nullopt, std::nullopt, "", "ar-MA"}, "ar"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(choose_interface_language(row.choice) == row.expected);
  }
}

TEST_CASE("a megabyte of Accept-Language is read in linear time" * doctest::timeout(60)) {
  std::string header;
  while (header.size() < (1 << 20)) header += "fr-CH-x-abcdefgh-a-b-c;q=0.5,";
  CHECK(best_accept_language(header, {"en", "fr"}) == "fr");
  std::string dashes(1 << 20, '-');
  CHECK(best_accept_language(dashes, {"en"}) == std::nullopt);
  LanguageChoice choice{std::string(1 << 20, 'a') + "-fr", std::nullopt, header, "en"};
  CHECK(choose_interface_language(choice) == "fr");
}

TEST_CASE("random headers never crash and only ever give an available language" *
          doctest::timeout(60)) {
  std::mt19937 random(4242);
  const std::string alphabet = "enfrENFR-*;q=0.19 ,\t\xC3\xA9";
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1), length(0, 60);
  std::uniform_int_distribution<int> byte(0, 255);
  const std::vector<std::string> available = {"en", "fr"};
  for (int i = 0; i < 5000; ++i) {
    std::string header;
    for (size_t n = length(random); n > 0; --n) {
      header.push_back(i % 2 ? alphabet[pick(random)] : static_cast<char>(byte(random)));
    }
    auto chosen = best_accept_language(header, available);
    CHECK((!chosen || *chosen == "en" || *chosen == "fr"));
  }
}
