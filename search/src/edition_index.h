// One edition's index: a single writer (held as long as the index is open) and a pool of
// readers for concurrent queries. Xapian errors propagate out of these methods; search.cpp turns
// them into Results at the module's edge.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include <xapian.h>

#include "engine/wiki.h"
#include "language_analysis.h"
#include "vocabulary.h"
#include "search/options.h"

namespace kidwiki::search {

class EditionIndex {
 public:
  // Opens or creates the index in `dir`; throws Xapian::DatabaseLockError when another process
  // writes it. An index of an older format is emptied (the caller then rebuilds it).
  EditionIndex(const std::filesystem::path& dir, std::string lang, const SearchOptions& options);

  const std::string& lang() const { return lang_; }

  // Writes. Idempotent; visible to readers after commit(). One writer at a time (locked inside).
  void put(const engine::IndexablePage& page);
  void remove(std::int64_t page_id);
  void commit();
  Xapian::doccount document_count();
  // Where a rebuild writes the new index (index_builder.h), beside this one.
  std::filesystem::path building_dir() const;
  // Puts the index built in building_dir() in this one's place, once the queries under way are
  // done. A crash in between is finished at the next start (open_writer in edition_index.cpp).
  void replace_with_built();

  // Runs fn(const Xapian::Database&) on a pooled reader brought to the latest commit, reopening
  // and retrying when a commit overtakes it (DatabaseModifiedError).
  template <class Fn>
  auto with_reader(Fn fn) {
    std::shared_lock no_swap(swap_mutex_);
    Lease lease(*this);
    for (int attempt = 0;; ++attempt) {
      try {
        lease.db->reopen();
        return fn(static_cast<const Xapian::Database&>(*lease.db));
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == 3) throw;
      }
    }
  }

 private:
  struct Lease {
    explicit Lease(EditionIndex& index);
    ~Lease();
    EditionIndex& index;
    std::unique_ptr<Xapian::Database> db;
  };
  void forget(const std::string& id_term);

  std::filesystem::path dir_;
  std::string lang_;
  const SearchOptions& options_;
  LanguageAnalysis analysis_;  // the writer's only: a query makes its own (see Search::query)
  std::mutex write_mutex_;
  Xapian::WritableDatabase writer_;
  KnownSynonyms known_synonyms_;  // guarded by write_mutex_, like writer_
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<Xapian::Database>> pool_;
  // Shared by every query, exclusive while a rebuilt index takes the old one's place: no reader
  // opens the index while its directory is being renamed, and none keeps the old one afterwards.
  std::shared_mutex swap_mutex_;
};

}  // namespace kidwiki::search
