// Whole HTML responses of article views, kept while the wiki has not changed.
//
// Why: a page view assembles links, formats messages and fills templates; the same bytes are
// then sent to every reader until the page changes. Each entry is kept with the engine's view
// generation of its page (Wiki::view_generation), which moves only when that view changes: a
// save stales the page, its redirects and categories, and the pages whose links it turns blue or
// red, not the whole cache. Only anonymous views may be cached: a logged-in user's page shows
// their own state.
#pragma once

#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace kidwiki::web {

class ViewCache {
 public:
  struct View {
    std::string body;
    std::string content_type;
    std::string content_language;
    std::string etag;  // entity_tag(body)
  };

  // Largest total of bodies kept; past it the cache starts again empty.
  static constexpr std::size_t kMaxBytes = 64 * 1024 * 1024;

  // The view stored under `key` for `generation`, or null. Thread-safe.
  std::shared_ptr<const View> find(const std::string& key, std::uint64_t generation) const;
  // Keeps `view` for `generation` (the change count read before it was built). Thread-safe.
  void store(const std::string& key, std::uint64_t generation, View view);

 private:
  struct Slot {
    std::uint64_t generation;
    std::shared_ptr<const View> view;
  };
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Slot> slots_;
  std::size_t bytes_ = 0;
};

}  // namespace kidwiki::web
