// The baseline: an SQLite FTS5 table over the same titles and plain texts as kidwiki's index,
// with the unicode61 tokenizer removing diacritics, ranked by bm25 with the title weighted like
// kidwiki's (SearchOptions::title_weight).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace kidwiki::bench {

class Fts5Index {
 public:
  // Creates a fresh database file at `path` (removing an old one) holding an empty table.
  Fts5Index(const std::filesystem::path& path, double title_weight);
  ~Fts5Index();
  Fts5Index(const Fts5Index&) = delete;
  Fts5Index& operator=(const Fts5Index&) = delete;

  // Inserts every (title, text) pair in one transaction and commits.
  void add_all(const std::vector<std::pair<std::string, std::string>>& documents);

  // Best `limit` titles for the words of `query` (with a snippet computed, as a results page
  // would): all words first; when that finds nothing, any word, as kidwiki does.
  std::vector<std::string> query(std::string_view query, int limit);
  // Titles that begin with the words of `prefix`, the last one as a prefix.
  std::vector<std::string> complete(std::string_view prefix, int limit);

  // Bytes of the database file (and its journal, if any).
  std::uintmax_t size_on_disk() const;

 private:
  std::vector<std::string> run(const std::string& match, const char* sql, int limit);

  std::filesystem::path path_;
  double title_weight_;
  sqlite3* db_ = nullptr;
};

// The words of `text` as FTS5 quoted strings: split on ASCII punctuation and white space and on
// the typographic apostrophe and guillemets; letters outside ASCII stay inside words.
std::vector<std::string> fts5_words(std::string_view text);

}  // namespace kidwiki::bench
