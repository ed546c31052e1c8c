// A correctly spelled word is never replaced by a correction, even when no page uses it: the
// child searching "tiger" gets no "Results for tides", and can write the article instead.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "real_words.h"
#include "search_fixture.h"

using namespace kidwiki::search;
using namespace kidwiki::search::testing;

namespace {

const std::filesystem::path kDebianDictionaries = "/usr/share/hunspell";

struct KnowsRow {
  const char* lang;
  const char* word;
  bool known;
};

const std::string kTooLong(200, 'a');

const KnowsRow kKnows[] = {
    {"en", "tiger", true},
    {"en", "Tiger", true},
    {"en", "paris", true},  // a proper noun typed in small letters
    {"en", "elefant", false},
    {"en", "tidez", false},
    {"fr", "lapin", true},
    {"fr", "éléphant", true},
    {"fr", "elefant", false},
    {"fr", "cheavl", false},
    {"es", "gato", true},
    {"es", "gatos", true},
    {"de", "Katze", true},
    {"it", "gatto", true},
    {"pt", "gato", true},
    {"ru", "кошка", true},
    {"ar", "قطة", true},
    {"ca", "gat", true},
    {"en-GB", "color", true},  // no en_GB installed: the likeliest English, en_US
    {"fr", "", false},
    {"fr", "\xff\xfe", false},
    {"fr", kTooLong.c_str(), false},
};

}  // namespace

TEST_CASE("real words: Debian's dictionary of each language, found by its likeliest region") {
  for (const KnowsRow& row : kKnows) {
    CAPTURE(std::string(row.lang));
    CAPTURE(std::string(row.word));
    const auto words = RealWords::load(kDebianDictionaries, row.lang);
    REQUIRE(words != nullptr);
    CHECK(words->knows(row.word) == row.known);
  }
  CHECK(RealWords::load(kDebianDictionaries, "en")->dictionary().filename() == "en_US.dic");
  CHECK(RealWords::load(kDebianDictionaries, "pt")->dictionary().filename() == "pt_BR.dic");
  CHECK(RealWords::load(kDebianDictionaries, "xx") == nullptr);
  CHECK(RealWords::load(kDebianDictionaries, "en_US") == nullptr);  // not BCP 47
  CHECK(RealWords::load("/nonexistent", "fr") == nullptr);
}

namespace {

// Correctly spelled words a child may search for, none the title of a page of the test wiki.
const std::vector<std::string> kEnglishWords = {
    "tiger",     "paris",    "rabbit",    "volcano",  "dinosaur", "pyramid",  "castle",
    "penguin",   "dolphin",  "rainbow",   "planet",   "football", "guitar",   "pizza",
    "robot",     "dragon",   "forest",    "desert",   "island",   "mountain", "ocean",
    "bicycle",   "library",  "school",    "teacher",  "chocolate", "butterfly", "spider",
    "shark",     "whale",    "eagle",     "owl",      "frog",     "turtle",   "snake",
    "monkey",    "zebra",    "kangaroo",  "panda",    "wolf",     "fox",      "bear",
    "storm",     "winter",   "music",     "painting", "computer", "airplane", "train",
    "london",    "egypt",    "tides",     "parks",    "knight",   "pirate",   "wizard"};

const std::vector<std::string> kFrenchWords = {
    "lapin",      "tigre",      "paris",      "volcan",    "dinosaure",  "pyramide",
    "château",    "pingouin",   "dauphin",    "planète",   "football",   "guitare",
    "pizza",      "robot",      "dragon",     "forêt",     "désert",     "rivière",
    "montagne",   "océan",      "vélo",       "bibliothèque", "école",   "maîtresse",
    "chocolat",   "papillon",   "araignée",   "requin",    "baleine",    "aigle",
    "hibou",      "grenouille", "tortue",     "serpent",   "singe",      "zèbre",
    "kangourou",  "panda",      "loup",       "renard",    "ours",       "orage",
    "hiver",      "musique",    "peinture",   "ordinateur", "avion",     "train",
    "chevalier",  "pirate",     "sorcier",    "lait",      "cartable",   "goûter"};

int replaced(Search& search, const std::string& lang, const std::vector<std::string>& words) {
  int count = 0;
  for (const std::string& word : words) {
    CAPTURE(word);
    const auto found = search.query(lang, {word, 10, 0, ""});
    REQUIRE(found.ok());
    if (found->corrected) {
      MESSAGE(lang << ": " << word << " -> " << *found->corrected);
      ++count;
    }
  }
  return count;
}

}  // namespace

TEST_CASE("real words: a correctly spelled word is searched as typed, never replaced") {
  REQUIRE(kEnglishWords.size() >= 40);
  REQUIRE(kFrenchWords.size() >= 40);
  CorpusWiki& c = corpus_wiki();
  CHECK(replaced(*c.search, "en", kEnglishWords) == 0);
  CHECK(replaced(*c.search, "fr", kFrenchWords) == 0);

  // The same words on the same wiki without a dictionary: the index alone replaces some of them,
  // so the dictionary is what keeps them ("tiger" -> "tides" was the bug).
  TempDir dir;
  auto wiki = open_wiki(dir.path());
  save_test_pages(*wiki);
  load_vikidia(*wiki);
  SearchOptions options = search_options(dir.path());
  options.dictionaries_dir = dir.path() / "no-dictionaries";
  auto opened = Search::open(*wiki, options);
  REQUIRE(opened.ok());
  Search& search = *opened.value();
  REQUIRE(search.drain().ok());
  CHECK(replaced(search, "en", kEnglishWords) + replaced(search, "fr", kFrenchWords) >= 5);
}

TEST_CASE("real words: a real word gets at most a suggestion; a misspelling is still corrected") {
  CorpusWiki& c = corpus_wiki();
  const auto tiger = c.search->query("en", {"tiger", 10, 0, ""});
  REQUIRE(tiger.ok());
  CHECK_FALSE(tiger->corrected);
  CHECK(tiger->results.empty());
  const auto lapin = c.search->query("fr", {"lapin", 10, 0, ""});
  REQUIRE(lapin.ok());
  CHECK_FALSE(lapin->corrected);
  // What the index alone would have run instead is only offered, below the (empty) results.
  CHECK(tiger->suggestion.value_or("") == "tides");
  // A word no dictionary knows is still put right: "elefant" (kSpelling in
  // search_query_test.cpp checks the same on this wiki, with the dictionaries).
  const auto elefant = c.search->query("en", {"elefant", 10, 0, ""});
  REQUIRE(elefant.ok());
  CHECK(elefant->corrected.value_or("") == "elephant");
}
