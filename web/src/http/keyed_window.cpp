#include "http/keyed_window.h"

#include <algorithm>
#include <iterator>

namespace kidwiki::web {

std::chrono::seconds KeyedWindow::wait(std::string_view key, TimePoint now) const {
  const auto it = events_.find(std::string(key));
  if (it == events_.end() || it->second.size() < limit_) return std::chrono::seconds(0);
  const auto free_at = it->second.front() + window_;
  if (free_at <= now) return std::chrono::seconds(0);
  return std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(free_at - now));
}

void KeyedWindow::add(std::string_view key, TimePoint now) {
  auto& events = events_[std::string(key)];
  events.push_back(now);
  while (events.size() > std::max<std::size_t>(1, limit_)) events.pop_front();
}

void KeyedWindow::prune(TimePoint now) {
  std::erase_if(events_, [&](const auto& entry) { return entry.second.back() + window_ <= now; });
}

}  // namespace kidwiki::web
