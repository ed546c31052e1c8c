// Full-text search over what readers see, one Xapian index per edition, derived from SQLite.
//
// The index is fed by the engine's outbox (engine::Wiki::outbox_peek/outbox_ack): drain() applies
// queued changes, start_draining() does it on a background thread. Queries answer from the index as
// of the last commit. Every method returns a Result: no exception (Xapian's included) leaves here.
//
// Thread-safety: query(), suggest() and drain() may be called from many threads at once. One
// process at a time may hold an edition's index for writing; a second open() fails with storage.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/result.h"
#include "engine/wiki.h"
#include "search/options.h"

namespace kidwiki::search {

struct SearchRequest {
  std::string query;     // as typed; refused (invalid_input) when empty, over max_query_bytes or
                         // max_query_terms, or not UTF-8
  int limit = 10;        // clamped to 1..max_limit
  int offset = 0;        // clamped to 0..max_offset
  std::string category;  // empty: every category; else only pages of this category (no prefix)
  bool correct = true;   // false: run the query as typed, offering any correction as suggestion
};

struct SearchHit {
  std::string title;         // full title of the page
  std::string snippet_html;  // escaped text with the matches in <mark>: safe to insert as HTML
  double score = 0;
};

struct SearchResults {
  std::int64_t total_estimate = 0;
  std::vector<SearchHit> results;
  std::optional<std::string> suggestion;  // "Did you mean …?" when the query has results
  std::optional<std::string> corrected;   // the query run instead of the one typed, if any
  bool index_incomplete = false;  // the edition's index is being rebuilt: results may be missing
};

// What the index holds for a page (for checks and the reindex command).
struct IndexedDocument {
  std::int64_t page_id = 0;
  std::int64_t revision_id = 0;
  std::string full_title;
};

// Progress of a rebuild: pages done of pages in the edition.
using ReindexProgress = std::function<void(std::size_t done, std::size_t total)>;

class Search {
 public:
  // Opens (creating) the index of every edition of `wiki`, in well under a second whatever its
  // size. An edition whose index is empty while the wiki has pages is rebuilt by the next drain
  // (the draining thread, or a call to drain()); until it is done, its results say
  // index_incomplete. The titles autocomplete offers are read from an existing index by a
  // thread after open() returns (a second at 100,000 pages); suggest() waits for them.
  // `wiki` must outlive the Search.
  static engine::Result<std::unique_ptr<Search>> open(engine::Wiki& wiki,
                                                      const SearchOptions& options);
  ~Search();
  Search(const Search&) = delete;
  Search& operator=(const Search&) = delete;

  // not_found for an edition that does not exist; invalid_input for a refused query.
  engine::Result<SearchResults> query(std::string_view lang, const SearchRequest& request);
  // Titles starting with `prefix`, ignoring case and accents, in the edition's order.
  engine::Result<std::vector<std::string>> suggest(std::string_view lang, std::string_view prefix,
                                                   int limit);

  // Every document of the edition's index as of its last commit, by page id.
  engine::Result<std::vector<IndexedDocument>> documents(std::string_view lang);

  // Rebuilds what open() found empty, then indexes everything queued in the outbox, committing
  // then acknowledging each batch. Returns the number of outbox entries applied. Safe to interrupt at any point: entries are acknowledged only
  // once committed, and indexing one twice changes nothing.
  engine::Result<std::size_t> drain();
  // Starts (once) a thread that drains the outbox until the Search is destroyed.
  void start_draining();
  // Rebuilds one edition's index from SQLite, calling `progress` as pages are indexed.
  engine::Status reindex(std::string_view lang, const ReindexProgress& progress = {});

 private:
  struct Impl;
  explicit Search(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kidwiki::search
