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

void ViewCache::store(const std::string& key, std::uint64_t generation, View view) {
  auto shared = std::make_shared<const View>(std::move(view));
  std::unique_lock lock(mutex_);
  if (bytes_ + shared->body.size() > kMaxBytes) {
    slots_.clear();
    bytes_ = 0;
  }
  auto& slot = slots_[key];
  if (slot.view && slot.generation > generation) return;  // a newer view is already there
  if (slot.view) bytes_ -= slot.view->body.size();
  slot = Slot{generation, shared};
  bytes_ += shared->body.size();
}

}  // namespace kidwiki::web
