// Title autocomplete: the folded titles of an edition in an ordered set, searched by prefix. A
// lookup costs a few microseconds at 100,000 titles, which no index query could match. Kept up
// to date page by page as the outbox is drained (put, remove): rebuilding the whole list after
// every batch re-folded and re-sorted every title of the edition for each save.
//
// Thread-safety: every method may be called from many threads at once; complete() waits only
// for an update of one title.
#pragma once

#include <cstdint>
#include <set>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace kidwiki::search {

class TitleCompleter {
 public:
  // Replaces the whole list with the titles of every document of `db` (at start and after a
  // full rebuild of the index).
  void rebuild(const Xapian::Database& db);
  // The page's title is now `full_title` (a new page, or a moved one).
  void put(std::int64_t page_id, const std::string& full_title);
  // The page is no longer in the index.
  void remove(std::int64_t page_id);
  // Up to `limit` titles whose folded form starts with the folded `prefix`, in folded order.
  std::vector<std::string> complete(std::string_view prefix, std::size_t limit) const;

 private:
  struct Entry {
    std::string folded;
    std::string title;
    friend bool operator<(const Entry& a, const Entry& b) {
      return a.folded != b.folded ? a.folded < b.folded : a.title < b.title;
    }
  };
  // Precondition for both: mutex_ held exclusively.
  void put_locked(std::int64_t page_id, const std::string& full_title);
  void remove_locked(std::int64_t page_id);

  mutable std::shared_mutex mutex_;
  std::set<Entry> entries_;
  std::unordered_map<std::int64_t, std::set<Entry>::const_iterator> by_page_;
};

}  // namespace kidwiki::search
