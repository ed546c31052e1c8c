// Who wrote each page's current text, remembered by the revision readers see: attributing a page
// walks up to kMaxAttributionVersions versions, so a class summary reads the answer again as long
// as the page did not change. Thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string_view>
#include <unordered_map>

#include "contributions/word_attribution.h"
#include "store/database.h"

namespace kidwiki::engine {

// Pages remembered at once (a few kilobytes each); the oldest remembered is forgotten first.
inline constexpr std::size_t kMaxRememberedBlames = 4000;

struct PageBlame {
  WordAttribution words;
  bool complete = true;  // false: older versions than the walk's were left out (kNoAuthor's)
};

class PageBlames {
 public:
  // The attribution of the page's text at `visible_revision_id` (its published revision now),
  // over at most kMaxAttributionVersions published versions up to it; `lang` segments its words.
  std::shared_ptr<const PageBlame> of(db::Connection& c, std::int64_t page_id,
                                      std::int64_t visible_revision_id, std::string_view lang);

 private:
  struct Entry {
    std::int64_t revision_id = 0;
    std::shared_ptr<const PageBlame> blame;
  };
  std::mutex mutex_;
  std::unordered_map<std::int64_t, Entry> by_page_;
  std::deque<std::int64_t> remembered_;  // page ids, oldest first
};

}  // namespace kidwiki::engine
