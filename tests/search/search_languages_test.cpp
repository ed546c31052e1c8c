// Search in editions created at run time: Xapian's stemmer of each language finds inflected forms,
// and the folding finds words whatever their case, accents or letter variants (docs/i18n.md,
// "Search in each language").
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "search_fixture.h"

using namespace kidwiki;
using namespace kidwiki::search::testing;

namespace {

struct Row {
  const char* lang;
  const char* title;
  const char* text;
  const char* query;  // another form of a word of the text, or the title written another way
};

const Row kRows[] = {
    {"es", "Gato", "El gato es un animal doméstico.", "gatos"},
    {"it", "Gatto", "Il gatto è un animale domestico.", "gatti"},
    {"pt", "Gato", "O gato é um animal doméstico.", "gatos"},
    {"ca", "Gat", "El gat és un animal domèstic.", "gats"},
    {"de", "Katze", "Die Katze ist ein Haustier.", "Katzen"},
    {"de", "Fußball", "Fußball ist ein Spiel mit einem Ball.", "FUSSBALL"},
    {"ru", "Кошка", "Кошка — домашнее животное.", "кошки"},
    {"ru", "Ёжик", "Ёжик живёт в лесу.", "ежик"},
    // The article "al-" is stemmed off (a broken plural, قطط for قطة, is beyond any stemmer).
    {"ar", "المزرعة", "البقرة حيوان مفيد في المزرعة.", "بقرة"},
    {"ar", "كتاب", "الكِتَاب فيه صفحات كثيرة.", "كتــاب"},
    {"el", "Οδυσσέας", "Ο Οδυσσέας ταξίδεψε για δέκα χρόνια.", "ΟΔΥΣΣΕΑΣ"},
    {"tr", "Ilık su", "Ilık su ne sıcak ne soğuktur.", "ılık"},
    {"tr", "İzmir", "İzmir büyük bir şehirdir.", "izmir"},
};

}  // namespace

TEST_CASE("each new edition's search stems and folds in its own language") {
  TempDir dir;
  auto wiki = open_wiki(dir.path());
  for (const char* lang : {"es", "it", "pt", "ca", "de", "ru", "ar", "el", "tr"}) {
    CAPTURE(std::string(lang));
    REQUIRE(wiki->create_edition(engine::Actor::console(), engine::NewEdition{lang}).ok());
  }
  auto search = open_search(*wiki, dir.path());
  for (const Row& row : kRows) save_page(*wiki, row.lang, row.title, row.text);
  REQUIRE(search->drain().ok());
  for (const Row& row : kRows) {
    CAPTURE(std::string(row.lang));
    CAPTURE(std::string(row.query));
    const auto titles = titles_of(*search, row.lang, row.query);
    CHECK(std::find(titles.begin(), titles.end(), row.title) != titles.end());
  }
}
