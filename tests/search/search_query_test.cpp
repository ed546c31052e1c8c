// Queries over the Vikidia corpus and the test pages, in French and English: one row per case.
#include <doctest/doctest.h>

#include <algorithm>

#include "search_fixture.h"

namespace kidwiki::search::testing {
namespace {

bool contains(const std::vector<std::string>& titles, const std::string& title) {
  return std::find(titles.begin(), titles.end(), title) != titles.end();
}

struct FirstRow {
  const char* name;
  const char* lang;
  const char* query;
  const char* first;  // the title expected first
};

constexpr FirstRow kFirst[] = {
    {"stemming: chevaux finds Cheval", "fr", "chevaux", "Cheval"},
    {"the issue's query", "fr", "les chevaux sauvages", "Cheval"},
    {"some words unknown: relaxed to any word", "fr", "chevaux zorglubesque", "Cheval"},
    {"accents and case: folded", "fr", "elephant", "Éléphant"},
    {"accents and case: upper case plural", "fr", "ELEPHANTS", "Éléphant"},
    {"accents and case: as written", "fr", "Éléphant", "Éléphant"},
    {"exact title first over a longer title", "fr", "chat", "Chat"},
    {"exact title first, two words", "fr", "chat des sables", "Chat des sables"},
    {"exact title without accents", "fr", "bete du gevaudan", "Bête du Gévaudan"},
    {"phrase", "fr", "\"chat des sables\"", "Chat des sables"},
    {"close titles: the one named", "fr", "boeing 747", "Boeing 747"},
    {"english stemming", "en", "horses", "Horse"},
    {"english case", "en", "ELEPHANTS", "Elephant"},
};

TEST_CASE("search: the expected article comes first") {
  CorpusWiki& c = corpus_wiki();
  for (const FirstRow& row : kFirst) {
    CAPTURE(std::string(row.name));
    const auto titles = titles_of(*c.search, row.lang, row.query);
    REQUIRE_FALSE(titles.empty());
    CHECK(titles.front() == row.first);
  }
}

// Exact titles, articles and other pages are three rankings paged as one list (query_runner.cpp):
// pages of any size, one after the other, give that list with nothing twice and nothing missing.
TEST_CASE("search: pages of results follow one another across exact titles, articles and pictures") {
  CorpusWiki& c = corpus_wiki();
  for (const char* query : {"elephant afrique savane", "chat", "elephant"}) {
    CAPTURE(std::string(query));
    SearchRequest all_request;
    all_request.query = query;
    all_request.limit = 50;
    const auto all = c.search->query("fr", all_request);
    REQUIRE(all.ok());
    std::vector<std::string> whole;
    for (const SearchHit& hit : all->results) whole.push_back(hit.title);
    REQUIRE(whole.size() >= 3);
    for (int size : {1, 2, 3, 7}) {
      CAPTURE(size);
      std::vector<std::string> paged;
      for (int offset = 0; offset < static_cast<int>(whole.size()); offset += size) {
        SearchRequest request = all_request;
        request.limit = size;
        request.offset = offset;
        const auto page = c.search->query("fr", request);
        REQUIRE(page.ok());
        // Counted exactly up to 100 matches, whatever the page asked for.
        CHECK(page->total_estimate == all->total_estimate);
        for (const SearchHit& hit : page->results) paged.push_back(hit.title);
      }
      paged.resize(std::min(paged.size(), whole.size()));
      CHECK(paged == whole);
    }
  }
}

TEST_CASE("search: pictures are found, after the articles that share their words") {
  CorpusWiki& c = corpus_wiki();
  const auto titles = titles_of(*c.search, "fr", "elephant afrique savane");
  REQUIRE_FALSE(titles.empty());
  CHECK(titles.front().rfind("Fichier:", 0) == std::string::npos);
  CHECK(contains(titles, "Fichier:Éléphant d'Afrique.png"));
  bool picture_seen = false;
  for (const std::string& title : titles) {
    const bool picture = title.rfind("Fichier:", 0) == 0;
    CHECK_FALSE((picture_seen && !picture));  // no article after a picture
    picture_seen = picture_seen || picture;
  }
}

struct ExcludeRow {
  const char* name;
  const char* lang;
  const char* query;
  const char* category;
  const char* present;
  const char* absent;
};

constexpr ExcludeRow kExclude[] = {
    {"exclusion", "fr", "chat -sables", "", "Chat", "Chat des sables"},
    {"phrase keeps word order", "fr", "\"sables des chat\"", "", "", "Chat des sables"},
    {"category filter keeps the category", "fr", "cheval", "Mammifère", "Cheval", "Caracal"},
    {"category filter drops the others", "en", "plains", "Mammals", "Horse", "Elegant"},
    {"unknown category finds nothing", "fr", "cheval", "Nulle part", "", "Cheval"},
};

TEST_CASE("search: exclusion, phrase and category filter") {
  CorpusWiki& c = corpus_wiki();
  for (const ExcludeRow& row : kExclude) {
    CAPTURE(std::string(row.name));
    const auto titles = titles_of(*c.search, row.lang, row.query, row.category);
    if (*row.present) CHECK(contains(titles, row.present));
    CHECK_FALSE(contains(titles, row.absent));
  }
}

struct SpellingRow {
  const char* lang;
  const char* query;
  const char* corrected;   // expected corrected query, or "" for none
  const char* suggestion;  // expected suggestion, or "" for none
  const char* first;
};

constexpr SpellingRow kSpelling[] = {
    {"fr", "elefant", "éléphant", "", "Éléphant"},
    {"fr", "éléfant", "éléphant", "", "Éléphant"},
    {"fr", "cheavl", "cheval", "", "Cheval"},
    {"en", "elefant", "elephant", "", "Elephant"},
    {"fr", "éléphant", "", "", "Éléphant"},
};

TEST_CASE("search: misspellings are corrected by frequency and sound, not edit distance alone") {
  CorpusWiki& c = corpus_wiki();
  for (const SpellingRow& row : kSpelling) {
    CAPTURE(std::string(row.query));
    const auto found = c.search->query(row.lang, {row.query, 10, 0, ""});
    REQUIRE(found.ok());
    CHECK(found->corrected.value_or("") == row.corrected);
    CHECK(found->suggestion.value_or("") == row.suggestion);
    REQUIRE_FALSE(found->results.empty());
    CHECK(found->results.front().title == row.first);
  }
}

TEST_CASE("search: a word with results but a likelier spelling gets a suggestion") {
  CorpusWiki& c = corpus_wiki();
  // "elegant" exists (page Élégant), so it is searched as typed; nothing to correct.
  const auto found = c.search->query("fr", {"élégant", 10, 0, ""});
  REQUIRE(found.ok());
  CHECK_FALSE(found->corrected);
  CHECK(found->results.front().title == "Élégant");
}

TEST_CASE("search: snippets are escaped text with the matches marked") {
  CorpusWiki& c = corpus_wiki();
  const auto balise = c.search->query("fr", {"balise script", 10, 0, ""});
  REQUIRE(balise.ok());
  REQUIRE_FALSE(balise->results.empty());
  const std::string& html = balise->results.front().snippet_html;
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;<mark>script</mark>&gt;") != std::string::npos);
  const auto chevaux = c.search->query("fr", {"les chevaux sauvages", 10, 0, ""});
  REQUIRE(chevaux.ok());
  const std::string& cheval = chevaux->results.front().snippet_html;
  CHECK(cheval.find("<mark>chevaux</mark> <mark>sauvages</mark>") != std::string::npos);
  const auto elephant = c.search->query("fr", {"elephant", 10, 0, ""});
  CHECK(elephant->results.front().snippet_html.find("<mark>") != std::string::npos);
}

TEST_CASE("search: results are paged with a total estimate") {
  CorpusWiki& c = corpus_wiki();
  const auto all = c.search->query("fr", {"france", 20, 0, ""});
  REQUIRE(all.ok());
  REQUIRE(all->results.size() == 20);
  CHECK(all->total_estimate >= 20);
  const auto second = c.search->query("fr", {"france", 5, 5, ""});
  REQUIRE(second.ok());
  REQUIRE(second->results.size() == 5);
  for (int i = 0; i < 5; ++i) CHECK(second->results[i].title == all->results[5 + i].title);
  const auto exact = c.search->query("fr", {"chat", 3, 1, ""});
  REQUIRE(exact.ok());
  CHECK(exact->results.front().title != "Chat");  // the exact title was on the first page only
}

struct CompleteRow {
  const char* lang;
  const char* prefix;
  const char* expected;
};

constexpr CompleteRow kComplete[] = {
    {"fr", "ele", "Éléphant"}, {"fr", "ÉLÉ", "Éléphant"},   {"fr", "chat d", "Chat des sables"},
    {"fr", "bete", "Bête du Gévaudan"}, {"en", "hor", "Horse"}, {"fr", "Boeing 7", "Boeing 747"},
};

TEST_CASE("suggest: titles by prefix, ignoring case and accents") {
  CorpusWiki& c = corpus_wiki();
  for (const CompleteRow& row : kComplete) {
    CAPTURE(std::string(row.prefix));
    const auto titles = c.search->suggest(row.lang, row.prefix, 10);
    REQUIRE(titles.ok());
    CHECK(contains(titles.value(), row.expected));
  }
  const auto none = c.search->suggest("fr", "zzzz", 10);
  REQUIRE(none.ok());
  CHECK(none->empty());
  CHECK(c.search->suggest("fr", "c", 3)->size() == 3);
}

TEST_CASE("search: an edition that does not exist") {
  CorpusWiki& c = corpus_wiki();
  const auto found = c.search->query("xx", {"chat", 10, 0, ""});
  REQUIRE_FALSE(found.ok());
  CHECK(found.error().code == engine::ErrorCode::not_found);
  CHECK(c.search->suggest("xx", "ch", 5).error().message_id == "search-error-no-edition");
}

}  // namespace
}  // namespace kidwiki::search::testing
