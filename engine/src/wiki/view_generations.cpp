#include "wiki/view_generations.h"

#include <mutex>

namespace kidwiki::engine {

std::string ViewGenerations::key(std::int64_t edition_id, const Title& title) {
  return std::to_string(edition_id) + '\x1f' + std::to_string(static_cast<int>(title.ns)) + '\x1f' +
         title.text;
}

std::uint64_t ViewGenerations::of(std::int64_t edition_id, const Title& title) const {
  const std::string k = key(edition_id, title);
  std::shared_lock lock(mutex_);
  auto it = touched_.find(k);
  return it == touched_.end() ? floor_ : it->second;
}

std::uint64_t ViewGenerations::clock() const {
  std::shared_lock lock(mutex_);
  return clock_;
}

void ViewGenerations::touch(std::int64_t edition_id, const std::vector<Title>& titles) {
  std::unique_lock lock(mutex_);
  ++clock_;
  for (const Title& title : titles) touched_[key(edition_id, title)] = clock_;
}

void ViewGenerations::touch_all() {
  std::unique_lock lock(mutex_);
  floor_ = ++clock_;
  touched_.clear();  // every page is at the floor now
}

}  // namespace kidwiki::engine
