// Title autocomplete: a sorted list of folded titles per edition, binary-searched. At 10,000
// titles a lookup costs a few microseconds, which no index query could match.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace kidwiki::search {

class TitleCompleter {
 public:
  // Replaces the list with the titles of every document of `db` (call after each commit).
  void rebuild(const Xapian::Database& db);
  // Up to `limit` titles whose folded form starts with the folded `prefix`, in folded order.
  // Thread-safe; never blocks on a rebuild for longer than a pointer copy.
  std::vector<std::string> complete(std::string_view prefix, std::size_t limit) const;

 private:
  struct Entry {
    std::string folded;
    std::string title;
    friend bool operator<(const Entry& a, const Entry& b) {
      return a.folded != b.folded ? a.folded < b.folded : a.title < b.title;
    }
  };
  mutable std::mutex mutex_;
  std::shared_ptr<const std::vector<Entry>> entries_ = std::make_shared<std::vector<Entry>>();
};

}  // namespace kidwiki::search
