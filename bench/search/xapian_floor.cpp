// What Xapian itself costs on the texts of a large wiki, without anything kidwiki adds: the floor
// under `kidwiki reindex` (issue 11's target is 2,000 articles/s on two cores). Reads a sample of
// the titles and plain texts that bench/reindex.sh gave FTS5, then times on one thread:
//   tokenise: Xapian::TermGenerator with the French stemmer and positions, documents dropped;
//   index:    the same documents added to an on-disk database, committed every 1,000.
// Usage: xapian_floor FTS5_FILE WORK_DIR [EVERY_NTH]   Prints one Markdown table row.
#include <sqlite3.h>
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace {

using Docs = std::vector<std::pair<std::string, std::string>>;

Docs sample(const char* fts5_file, int every_nth) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(fts5_file, &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return {};
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT c0, c1 FROM docs_content WHERE id % ? = 0", -1, &st, nullptr);
  sqlite3_bind_int(st, 1, every_nth);
  Docs docs;
  while (sqlite3_step(st) == SQLITE_ROW) {
    docs.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)),
                      reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return docs;
}

// Documents per second through the TermGenerator, added to `db` when it is given.
double run(const Docs& docs, Xapian::WritableDatabase* db) {
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("fr"));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  const auto start = std::chrono::steady_clock::now();
  std::size_t n = 0;
  for (const auto& [title, body] : docs) {
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(title, 5);
    generator.increase_termpos();
    generator.index_text(body);
    doc.set_data(title + '\n' + body);
    if (db) {
      db->add_document(doc);
      if (++n % 1000 == 0) db->commit();
    }
  }
  if (db) db->commit();
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  return static_cast<double>(docs.size()) / took.count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: xapian_floor FTS5_FILE WORK_DIR [EVERY_NTH]\n");
    return 2;
  }
  const Docs docs = sample(argv[1], argc > 3 ? std::stoi(argv[3]) : 50);
  if (docs.empty()) {
    std::fprintf(stderr, "no texts in %s\n", argv[1]);
    return 1;
  }
  std::size_t bytes = 0;
  for (const auto& d : docs) bytes += d.second.size();
  const double tokenise = run(docs, nullptr);
  const std::filesystem::path dir = std::filesystem::path(argv[2]) / "xapian-floor";
  std::filesystem::remove_all(dir);
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  const double index = run(docs, &db);
  db.close();
  std::filesystem::remove_all(dir);
  std::printf("| %zu texts of %zu bytes on average | %.0f articles/s | %.0f articles/s |\n",
              docs.size(), bytes / docs.size(), tokenise, index);
  return 0;
}
