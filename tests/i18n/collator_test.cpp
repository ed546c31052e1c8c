#include "i18n/collator.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

using kidwiki::i18n::Collator;

namespace {
// doctest cannot print a vector; a joined string shows the whole order when a row fails.
std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += item + " | ";
  return out;
}
}  // namespace

TEST_CASE("collation orders words as a dictionary of the language does") {
  struct Row {
    std::string_view lang;
    std::vector<std::string> input, expected;
  };
  const Row rows[] = {
      {"fr",
       {"Zèbre", "Éléphant", "Éclair", "abeille"},
       {"abeille", "Éclair", "Éléphant", "Zèbre"}},
      // France French weighs accents from the left (Canadian French from the right).
      {"fr", {"côte", "cote", "côté", "coté"}, {"cote", "coté", "côte", "côté"}},
      {"fr", {"Œuf", "oeuf", "Odile"}, {"Odile", "oeuf", "Œuf"}},
      {"en", {"banana", "Apple", "apple", "Cherry"}, {"apple", "Apple", "banana", "Cherry"}},
      {"en", {"zebra", "Éclair", "elephant"}, {"Éclair", "elephant", "zebra"}},
      {"en", {"item 10", "item 9", "item 1"}, {"item 1", "item 10", "item 9"}},
      {"sv", {"öl", "zebra", "apa"}, {"apa", "zebra", "öl"}},  // ö after z in Swedish
      {"de", {"öl", "zebra", "apa"}, {"apa", "öl", "zebra"}},
      {"not a tag!", {"b", "a"}, {"a", "b"}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.lang);
    Collator collator(row.lang);
    std::vector<std::string> items = row.input;
    collator.sort(items);
    CHECK(joined(items) == joined(row.expected));
  }
}

TEST_CASE("less and sort_key agree") {
  Collator collator("fr");
  const std::vector<std::string> words = {"Éléphant", "Éclair", "Zèbre", "zèbre", "", "a", "À"};
  for (const auto& a : words) {
    for (const auto& b : words) {
      CAPTURE(a);
      CAPTURE(b);
      CHECK(collator.less(a, b) == (collator.sort_key(a) < collator.sort_key(b)));
    }
  }
  CHECK(collator.less("Éclair", "Éléphant"));
  CHECK(collator.less("Éléphant", "Zèbre"));
  CHECK_FALSE(collator.less("Zèbre", "Éléphant"));
  CHECK(collator.sort_key("x").find('\0') == std::string::npos);
}

TEST_CASE("sort keeps the input order of items that compare equal") {
  Collator collator("en");
  std::vector<std::string> items = {"b", "e\xCC\x81", "a", "\xC3\xA9"};  // é decomposed, composed
  collator.sort(items);
  CHECK(items == std::vector<std::string>{"a", "b", "e\xCC\x81", "\xC3\xA9"});
}

TEST_CASE("a collator moved from one variable to another keeps its rules") {
  Collator first("sv");
  Collator second = std::move(first);
  CHECK(second.less("zebra", "öl"));
}

TEST_CASE("one collator serves many threads at once" * doctest::timeout(60)) {
  const Collator collator("fr");
  const std::string expected = collator.sort_key("Éléphant");
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        if (!collator.less("Éclair", "Éléphant") || collator.sort_key("Éléphant") != expected) {
          ++failures[t];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(failures == std::vector<int>(4, 0));
}
