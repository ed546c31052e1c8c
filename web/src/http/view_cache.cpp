#include "http/view_cache.h"

#include <mutex>

namespace kidwiki::web {

std::shared_ptr<const ViewCache::View> ViewCache::find(const std::string& key,
                                                       std::uint64_t generation) const {
  std::shared_lock lock(mutex_);
  auto it = slots_.find(key);
  if (it == slots_.end() || it->second.generation != generation) return nullptr;
  return it->second.view;
}

std::shared_ptr<const ViewCache::View> ViewCache::store(const std::string& key,
                                                        std::uint64_t generation, View view) {
  auto shared = std::make_shared<const View>(std::move(view));
  std::unique_lock lock(mutex_);
  if (bytes_ + shared->body.size() > kMaxBytes) {
    slots_.clear();
    bytes_ = 0;
  }
  auto& slot = slots_[key];
  if (slot.view && slot.generation > generation) return shared;  // a newer one is already there
  if (slot.view) bytes_ -= slot.view->body.size();
  slot = Slot{generation, shared};
  bytes_ += shared->body.size();
  return shared;
}

ViewCache::Flight ViewCache::board(const std::string& key, std::uint64_t generation) {
  std::lock_guard lock(flights_mutex_);
  auto found = flights_.find({key, generation});
  if (found != flights_.end()) return Flight(this, key, generation, false, found->second);
  Flight leader(this, key, generation, true, {});
  leader.landed_ = leader.promise_.get_future().share();
  flights_.emplace(std::make_pair(key, generation), leader.landed_);
  return leader;
}

void ViewCache::Flight::land(std::shared_ptr<const View> view) {
  if (!leads_ || landed_yet_) return;
  landed_yet_ = true;
  {
    std::lock_guard lock(cache_->flights_mutex_);
    cache_->flights_.erase({key_, generation_});
  }
  promise_.set_value(std::move(view));
}

ViewCache::Flight::~Flight() { land(nullptr); }

}  // namespace kidwiki::web
