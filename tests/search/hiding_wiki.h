// A Wiki that forwards everything to a real one, except that the pages it is told to hide are
// not indexable: how a pending, sent-back or hidden revision, or a deleted page, looks to search.
#pragma once

#include <set>

#include "../forwarding_wiki.h"

namespace kidwiki::search::testing {

class HidingWiki : public kidwiki::testing::ForwardingWiki {
 public:
  explicit HidingWiki(engine::Wiki& inner) : ForwardingWiki(inner) {}
  void hide(std::int64_t page_id) { hidden_.insert(page_id); }
  void show(std::int64_t page_id) { hidden_.erase(page_id); }

  std::optional<engine::IndexablePage> indexable_page(std::int64_t page_id) override {
    if (hidden_.count(page_id)) return std::nullopt;
    return inner_.indexable_page(page_id);
  }

 private:
  std::set<std::int64_t> hidden_;
};

}  // namespace kidwiki::search::testing
