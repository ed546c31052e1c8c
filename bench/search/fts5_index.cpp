#include "fts5_index.h"

#include <sqlite3.h>

#include <cctype>
#include <stdexcept>
#include <system_error>

namespace kidwiki::bench {
namespace {

void check(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
  }
}

void exec(sqlite3* db, const std::string& sql) {
  check(db, sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), sql.c_str());
}

// Multi-byte separators a child's keyboard or a copied text may hold.
constexpr std::string_view kSeparators[] = {"\u2019", "\u00ab", "\u00bb", "\u00a0"};

std::string join(const std::vector<std::string>& words, const char* glue) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : glue) + w;
  return out;
}

}  // namespace

std::vector<std::string> fts5_words(std::string_view text) {
  std::string spaced(text);
  for (std::string_view sep : kSeparators) {
    for (auto at = spaced.find(sep); at != std::string::npos; at = spaced.find(sep, at)) {
      spaced.replace(at, sep.size(), " ");
    }
  }
  std::vector<std::string> words;
  std::string word;
  for (const char c : spaced + " ") {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) {
      word += c;
    } else if (!word.empty()) {
      words.push_back('"' + word + '"');
      word.clear();
    }
  }
  return words;
}

Fts5Index::Fts5Index(const std::filesystem::path& path, double title_weight)
    : path_(path), title_weight_(title_weight) {
  std::filesystem::remove(path);
  check(db_, sqlite3_open(path.c_str(), &db_), "open");
  exec(db_,
       "CREATE VIRTUAL TABLE docs USING fts5(title, body, "
       "tokenize = 'unicode61 remove_diacritics 2')");
}

Fts5Index::~Fts5Index() { sqlite3_close(db_); }

void Fts5Index::add_all(const std::vector<std::pair<std::string, std::string>>& documents) {
  exec(db_, "BEGIN");
  sqlite3_stmt* insert = nullptr;
  check(db_, sqlite3_prepare_v2(db_, "INSERT INTO docs(title, body) VALUES (?, ?)", -1, &insert,
                                nullptr),
        "prepare insert");
  for (const auto& [title, text] : documents) {
    sqlite3_bind_text(insert, 1, title.data(), static_cast<int>(title.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    check(db_, sqlite3_step(insert), "insert");
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  exec(db_, "COMMIT");
}

std::vector<std::string> Fts5Index::run(const std::string& match, const char* sql, int limit) {
  sqlite3_stmt* stmt = nullptr;
  check(db_, sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr), sql);
  sqlite3_bind_text(stmt, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
  sqlite3_bind_double(stmt, 2, title_weight_);
  sqlite3_bind_int(stmt, 3, limit);
  std::vector<std::string> titles;
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    titles.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
  }
  sqlite3_finalize(stmt);
  check(db_, rc, match.c_str());
  return titles;
}

std::vector<std::string> Fts5Index::query(std::string_view query, int limit) {
  static constexpr const char* kSql =
      "SELECT title, snippet(docs, 1, '<mark>', '</mark>', '…', 28) FROM docs "
      "WHERE docs MATCH ?1 ORDER BY bm25(docs, ?2, 1.0) LIMIT ?3";
  const std::vector<std::string> words = fts5_words(query);
  if (words.empty()) return {};
  auto titles = run(join(words, " AND "), kSql, limit);
  if (titles.empty() && words.size() > 1) titles = run(join(words, " OR "), kSql, limit);
  return titles;
}

std::vector<std::string> Fts5Index::complete(std::string_view prefix, int limit) {
  static constexpr const char* kSql =
      "SELECT title FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs, ?2, 1.0) LIMIT ?3";
  std::vector<std::string> words = fts5_words(prefix);
  if (words.empty()) return {};
  std::string phrase;
  for (const auto& w : words) phrase += (phrase.empty() ? "" : " ") + w.substr(1, w.size() - 2);
  const bool last_is_prefix = !std::isspace(static_cast<unsigned char>(prefix.back()));
  return run("title : ^ \"" + phrase + "\"" + (last_is_prefix ? " *" : ""), kSql, limit);
}

std::uintmax_t Fts5Index::size_on_disk() const {
  std::uintmax_t total = std::filesystem::file_size(path_);
  std::error_code none;
  for (const char* suffix : {"-journal", "-wal"}) {
    const auto extra = std::filesystem::file_size(path_.string() + suffix, none);
    if (!none) total += extra;
  }
  return total;
}

}  // namespace kidwiki::bench
