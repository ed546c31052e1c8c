// A number per page view that moves whenever something that view shows changes, so that a cache
// of views (the web layer's) drops only the views a change touched, not all of them. Pages never
// touched since the process started share the floor, which moves for the rare changes whose
// reach is not worked out page by page (moves, deletions, hiding a revision).
//
// Thread-safety: every method may be called from many threads at once.
#pragma once

#include <cstdint>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/title.h"

namespace kidwiki::engine {

class ViewGenerations {
 public:
  std::uint64_t of(std::int64_t edition_id, const Title& title) const;
  // Moves with every touch, of any page: what depends on many pages at once (the main page's
  // newest articles) is valid while it is unchanged.
  std::uint64_t clock() const;
  void touch(std::int64_t edition_id, const std::vector<Title>& titles);
  void touch_all();

 private:
  static std::string key(std::int64_t edition_id, const Title& title);

  mutable std::shared_mutex mutex_;  // guards all three
  std::uint64_t clock_ = 0;
  std::uint64_t floor_ = 0;          // the generation of every page not in touched_
  std::unordered_map<std::string, std::uint64_t> touched_;  // each above floor_
};

}  // namespace kidwiki::engine
