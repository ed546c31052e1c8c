#include "i18n/segments.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kidwiki::i18n;

namespace {

std::vector<std::string> texts(std::string_view text, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (const auto& s : spans) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

}  // namespace

TEST_CASE("sentences as a language's readers see them") {
  struct Row {
    const char* name;
    const char* lang;
    std::string_view text;
    std::vector<std::string> sentences;
  };
  const Row rows[] = {
      {"two sentences", "fr", "Le tigre dort. Il rêve !", {"Le tigre dort.", "Il rêve !"}},
      {"an abbreviation ends none", "fr", "M. Dupont a un chat. Il est gris.",
       {"M. Dupont a un chat.", "Il est gris."}},
      {"English abbreviation", "en", "Mr. Smith has a dog. It barks.",
       {"Mr. Smith has a dog.", "It barks."}},
      {"a line break ends one", "fr", "Titre\nLe texte suit", {"Titre", "Le texte suit"}},
      {"blank space is no sentence", "fr", "  \n\n ", {}},
      {"empty", "fr", "", {}},
      {"question and exclamation", "en", "Why? Because!", {"Why?", "Because!"}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(texts(row.text, sentence_spans(row.text, row.lang)) == row.sentences);
  }
}

TEST_CASE("words are letters and numbers, not spaces and punctuation") {
  struct Row {
    const char* name;
    const char* lang;
    std::string_view text;
    std::vector<std::string> words;
  };
  const Row rows[] = {
      {"elision is one word", "fr", "L'éléphant mange 3 pommes.",
       {"L'éléphant", "mange", "3", "pommes"}},
      {"typographic apostrophe", "fr", "l’eau", {"l’eau"}},
      {"hyphenated words", "fr", "arc-en-ciel", {"arc", "en", "ciel"}},
      {"punctuation only", "en", "... !? --", {}},
      {"accented capitals", "fr", "Égypte, Île", {"Égypte", "Île"}},
      {"decimal number", "en", "It weighs 3.5 tons", {"It", "weighs", "3.5", "tons"}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(texts(row.text, word_spans(row.text, row.lang)) == row.words);
  }
}

TEST_CASE("segmenting a long text without breaks stays linear and whole") {
  const std::string text(200000, 'a');
  const auto sentences = sentence_spans(text, "fr");
  REQUIRE(sentences.size() == 1);
  CHECK(sentences.front().end == text.size());
  CHECK(word_spans(text, "fr").size() == 1);
  // Invalid UTF-8 is read as U+FFFD, never past the end.
  const std::string bad = "abc \xff\xfe def.";
  CHECK(word_spans(bad, "fr").back().end <= bad.size());
}
