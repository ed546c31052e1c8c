#include "wiki/view_generations.h"

#include <algorithm>
#include <mutex>

namespace kidwiki::engine {

std::string ViewGenerations::key(std::int64_t edition_id, const Title& title) {
  return std::to_string(edition_id) + '\x1f' + std::to_string(static_cast<int>(title.ns)) + '\x1f' +
         title.text;
}

std::uint64_t ViewGenerations::of(std::int64_t edition_id, const Title& title) const {
  const std::uint64_t floor = floor_.load(std::memory_order_acquire);
  std::shared_lock lock(mutex_);
  auto it = touched_.find(key(edition_id, title));
  return it == touched_.end() ? floor : std::max(floor, it->second);
}

void ViewGenerations::touch(std::int64_t edition_id, const std::vector<Title>& titles) {
  std::unique_lock lock(mutex_);
  const std::uint64_t now = clock_.fetch_add(1, std::memory_order_acq_rel) + 1;
  for (const Title& title : titles) touched_[key(edition_id, title)] = now;
}

void ViewGenerations::touch_all() {
  std::unique_lock lock(mutex_);
  const std::uint64_t now = clock_.fetch_add(1, std::memory_order_acq_rel) + 1;
  floor_.store(now, std::memory_order_release);
  touched_.clear();  // all below the floor now
}

}  // namespace kidwiki::engine
