// The writing help: advice on long sentences, rare words and missing sources, from the rendered
// text (markup, link targets and categories are not words the reader reads).
#include <doctest/doctest.h>

#include <string>

#include "engine/render.h"
#include "engine/writing_help.h"

using namespace kidwiki::engine;

namespace {

RenderContext context(const char* lang) {
  return {lang, NamespaceNames{"Discussion", "Catégorie"}, {"en", "fr"}};
}

WritingAdvice advice(std::string_view markdown, const char* lang = "fr") {
  auto rendered = render_markdown(markdown, context(lang));
  REQUIRE(rendered.ok());
  return writing_advice(rendered.value(), lang);
}

std::string words(int n, const char* word = "chat") {
  std::string out;
  for (int i = 0; i < n; ++i) out += (i ? " " : "") + std::string(word);
  return out;
}

}  // namespace

TEST_CASE("a sentence over the limit is named by its first words") {
  const std::string shorter = "Le " + words(kLongSentenceWords - 1) + ".";  // 25 words: fine
  const std::string longer = "Le " + words(kLongSentenceWords) + ".";       // 26 words
  auto a = advice(shorter + " " + longer);
  CHECK(a.sentences == 2);
  CHECK(a.words == 2 * kLongSentenceWords + 1);
  CHECK(a.long_sentence_count == 1);
  REQUIRE(a.long_sentences.size() == 1);
  CHECK(a.long_sentences[0].words == kLongSentenceWords + 1);
  CHECK(a.long_sentences[0].start == "Le " + words(7) + "\u2026");
}

TEST_CASE("only the first long sentences are named, all are counted") {
  std::string text;
  for (int i = 0; i < 8; ++i) text += "Le " + words(29) + ". ";  // a capital starts each
  auto a = advice(text);
  CHECK(a.long_sentence_count == 8);
  CHECK(a.long_sentences.size() == kMostAdvice);
}

TEST_CASE("rare words: not among the common words, not names, not short, not numbers") {
  struct Row {
    const char* name;
    const char* markdown;
    std::vector<std::string> rare;
  };
  const std::vector<Row> rows = {
      {"common words only", "Le chat est un animal de la famille des félins.", {}},
      {"a rare word", "Le chat est un carnivore ectotherme.", {"ectotherme"}},
      {"after an elision", "L'ornithorynque pond des œufs.", {"ornithorynque"}},
      {"names are not rare", "Zanzibar est une île.", {}},
      {"short words and numbers are not", "Il a 1234 ans et un zzz.", {}},
      {"once each, as first written", "Ectotherme, ectotherme ! Ectotherme.", {"ectotherme"}},
      {"a link's label is read, its target not",
       "Un [[Xylophagie|insecte]] et un [[Ornithorynque]].", {}},
      {"categories are not text", "Le chat.\n\n[[Catégorie:Ectothermie]]", {}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    auto a = advice(row.markdown);
    CHECK(a.rare_words_checked);
    CHECK(a.rare_words == row.rare);
  }
}

TEST_CASE("English has its list of common words too") {
  auto a = advice("The ectotherm platypus lays eggs.", "en");
  CHECK(a.rare_words_checked);
  CHECK(a.rare_words == std::vector<std::string>{"ectotherm", "platypus", "lays"});
}

TEST_CASE("each language of the interface has its common words and its sources headings") {
  struct Row {
    const char* lang;
    std::string_view text;  // common words, then one rare word
    std::string rare;
    std::string_view sources;  // a text with the language's heading of sources
  };
  const Row rows[] = {
      {"es", "El perro de mi casa es muy grande y el ornitorrinco", "ornitorrinco",
       "El gato duerme.\n\n## Referencias\n\n- Un libro"},
      {"it", "Il cane della mia casa è molto grande e l ornitorinco", "ornitorinco",
       "Il gatto dorme.\n\n## Note\n\n- Un libro"},
      // German nouns are capitalised, and capitalised words count as names: an adjective here.
      {"de", "Der Hund in meinem Haus ist sehr groß und eierlegend", "eierlegend",
       "Die Katze schläft.\n\n## Einzelnachweise\n\n- Ein Buch"},
      {"pt", "O cão da minha casa é muito grande e o ornitorrinco", "ornitorrinco",
       "O gato dorme.\n\n## Referências\n\n- Um livro"},
      {"ca", "El gos de casa meva és molt gran i l ornitorinc", "ornitorinc",
       "El gat dorm.\n\n## Referències\n\n- Un llibre"},
      {"ru", "Собака в моём доме очень большая и утконос", "утконос",
       "Кошка спит.\n\n## Примечания\n\n- Книга"},
      {"ar", "الكلب في بيتي كبير جدا و خلدالماء", "خلدالماء", "القطة تنام.\n\n## المراجع\n\n- كتاب"},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.lang));
    const auto a = advice(row.text, row.lang);
    std::string found;
    for (const auto& word : a.rare_words) found += word + " ";
    CAPTURE(found);
    CHECK(a.rare_words_checked);
    CHECK(a.rare_words == std::vector<std::string>{row.rare});
    CHECK(advice("x y z.", row.lang).sources_missing);
    CHECK_FALSE(advice(row.sources, row.lang).sources_missing);
  }
}

TEST_CASE("a language without a list of common words gets no rare-word advice") {
  auto a = advice("Ang ornitorinko ay nangingitlog.", "tl");
  CHECK_FALSE(a.rare_words_checked);
  CHECK(a.rare_words.empty());
  CHECK(a.words == 4);
}

TEST_CASE("sources: a Sources heading or a link to another site") {
  CHECK(advice("Le chat dort.").sources_missing);
  CHECK_FALSE(advice("Le chat dort.\n\n## Sources\n\n- Un livre").sources_missing);
  CHECK_FALSE(advice("Le chat dort.\n\n## Références\n\n- Un livre").sources_missing);
  CHECK_FALSE(advice("Le chat dort.\n\n## REFERENCES\n\n- Un livre").sources_missing);
  CHECK_FALSE(advice("Le chat [dort](https://example.org/chat).").sources_missing);
  CHECK_FALSE(advice("The cat sleeps.\n\n## Further reading\n\nA book.", "en").sources_missing);
  // An empty text needs nothing yet.
  CHECK_FALSE(advice("").sources_missing);
}
