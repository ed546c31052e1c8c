// Snippets (search/src/snippets.cpp), table-driven: which window is shown, what is marked, where
// "…" goes. The scan stops at the first window holding every query term; these rows pin that it
// is the window a scan of the whole text would choose.
#include <doctest/doctest.h>

#include <string>

#include "snippets.h"

namespace kidwiki::search {
namespace {

struct SnippetRow {
  const char* name;
  std::vector<std::string> words;  // the query's folded words
  const char* text;
  int width;
  const char* expected;
};

HighlightTerms terms_of(const std::vector<std::string>& words, const Xapian::Stem& stemmer) {
  HighlightTerms terms;
  for (const std::string& w : words) {
    terms.words.insert(w);
    terms.stems.insert(stemmer(w));
  }
  return terms;
}

TEST_CASE("snippets: the first window with the most query words, marked and escaped") {
  const Xapian::Stem french("fr");
  const SnippetRow rows[] = {
      {"a match at the start", {"chat"}, "Le chat dort sur le lit de la maison.", 5,
       "Le <mark>chat</mark> dort sur le …"},
      {"four words of context before a later match", {"lit"},
       "un deux trois quatre cinq six lit sept huit neuf", 6,
       "… trois quatre cinq six <mark>lit</mark> sept …"},
      {"the window holding both words, not the first of one", {"chat", "chien"},
       "chat a b c d e f g h i j k chien l m chat n o p", 10,
       "… h i j k <mark>chien</mark> l m <mark>chat</mark> n o …"},
      {"a stem matches another form", {"chevaux"}, "Le cheval galope vite.", 10,
       "Le <mark>cheval</mark> galope vite"},
      {"accents and case folded", {"elephant"}, "Un Éléphant d'Afrique.", 10,
       "Un <mark>Éléphant</mark> d&#39;Afrique"},
      {"no match: the text's start", {"zebre"}, "un deux trois quatre cinq", 3, "un deux trois …"},
      {"the text ends inside the window", {"fin"}, "a b c fin", 10, "a b c <mark>fin</mark>"},
      {"escaped", {"balise"}, "la balise <script> est du texte", 10,
       "la <mark>balise</mark> &lt;script&gt; est du texte"},
      {"every occurrence in the window marked", {"chat"}, "chat et chat et chat", 10,
       "<mark>chat</mark> et <mark>chat</mark> et <mark>chat</mark>"},
      {"the word as typed and another form together beat one form alone", {"chevaux"},
       "cheval a b c d e f g chevaux cheval h", 6,
       "… d e f g <mark>chevaux</mark> <mark>cheval</mark> …"},
  };
  for (const SnippetRow& row : rows) {
    CAPTURE(std::string(row.name));
    CHECK(make_snippet(row.text, terms_of(row.words, french), french, row.width) == row.expected);
  }
}

TEST_CASE("snippets: a long text with the match near its start is cut around it") {
  const Xapian::Stem french("fr");
  std::string text = "Le tigre vit en Asie.";
  for (int i = 0; i < 20000; ++i) text += " mot";
  const std::string snippet = make_snippet(text, terms_of({"tigre"}, french), french, 8);
  CHECK(snippet == "Le <mark>tigre</mark> vit en Asie. mot mot mot …");
}

// The scan keeps only a window's worth of words (snippets.cpp): the window chosen far into a long
// text must still come with its words of context, and a better window found late must replace
// the first one.
TEST_CASE("snippets: a window found far into a long text keeps its context") {
  const Xapian::Stem french("fr");
  std::string filler;
  for (int i = 0; i < 5000; ++i) filler += " mot";
  // "zebre" is nowhere: the whole text is read.
  CHECK(make_snippet("Début" + filler + " Le tigre vit en Asie" + filler,
                     terms_of({"tigre", "zebre"}, french), french, 8) ==
        "… mot mot mot Le <mark>tigre</mark> vit en Asie …");
  CHECK(make_snippet("chat" + filler + " chien x chat" + filler,
                     terms_of({"chat", "chien"}, french), french, 8) ==
        "… mot mot mot mot <mark>chien</mark> x <mark>chat</mark> mot …");
  // The window ends with the text.
  CHECK(make_snippet("chat" + filler + " chien x chat", terms_of({"chat", "chien"}, french),
                     french, 8) == "… mot mot mot mot <mark>chien</mark> x <mark>chat</mark>");
}

// What the page holds of the query (query_runner.cpp's held_words) ends the scan at the first
// window holding it, even when a later window would hold more forms of the words.
TEST_CASE("snippets: the first window holding the words the page has is enough") {
  const Xapian::Stem french("fr");
  const std::string text = "La fusée part. a b c d e f g h i j k l m n o La fusée et les fusées";
  const HighlightTerms terms = terms_of({"fusee", "apollo"}, french);
  CHECK(make_snippet(text, terms, french, 8) ==
        "… m n o La <mark>fusée</mark> et les <mark>fusées</mark>");
  CHECK(make_snippet(text, terms, french, 8, {"fusee"}) ==
        "La <mark>fusée</mark> part. a b c d e …");
  // Held by its stem only: "fusées" is the first form of it.
  CHECK(make_snippet("a b fusées c d e f", terms, french, 4, {french("fusee")}) ==
        "a b <mark>fusées</mark> c …");
  // Words the stored text does not have (past its first 64 KB, or in the title): read to the end.
  CHECK(make_snippet(text, terms, french, 8, {"fusee", "apollo"}) ==
        "… m n o La <mark>fusée</mark> et les <mark>fusées</mark>");
}

}  // namespace
}  // namespace kidwiki::search
