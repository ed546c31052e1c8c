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
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <utility>

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
  // Keeps `view` for `generation` (the view generation read before it was built). Thread-safe.
  // Returns what it keeps.
  std::shared_ptr<const View> store(const std::string& key, std::uint64_t generation, View view);

  // Concurrent misses of one view build it once: the first to board() leads and builds, the
  // others wait for what it lands (null when its answer could not be cached: they build their
  // own). A leader that leaves without landing lands null.
  class Flight {
   public:
    Flight(Flight&& other) noexcept
        : cache_(other.cache_), key_(std::move(other.key_)), generation_(other.generation_),
          leads_(other.leads_), landed_yet_(other.landed_yet_),
          promise_(std::move(other.promise_)), landed_(std::move(other.landed_)) {
      other.leads_ = false;  // the moved-from ticket lands nothing
    }
    Flight& operator=(Flight&&) = delete;
    ~Flight();
    bool leads() const { return leads_; }
    std::shared_ptr<const View> wait() const { return landed_.get(); }
    void land(std::shared_ptr<const View> view);

   private:
    friend class ViewCache;
    Flight(ViewCache* cache, std::string key, std::uint64_t generation, bool leads,
           std::shared_future<std::shared_ptr<const View>> landed)
        : cache_(cache), key_(std::move(key)), generation_(generation), leads_(leads),
          landed_(std::move(landed)) {}
    ViewCache* cache_;
    std::string key_;
    std::uint64_t generation_;
    bool leads_;
    bool landed_yet_ = false;
    std::promise<std::shared_ptr<const View>> promise_;  // the leader's
    std::shared_future<std::shared_ptr<const View>> landed_;
  };
  Flight board(const std::string& key, std::uint64_t generation);

 private:
  struct Slot {
    std::uint64_t generation;
    std::shared_ptr<const View> view;
  };
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Slot> slots_;
  std::size_t bytes_ = 0;
  std::mutex flights_mutex_;
  std::map<std::pair<std::string, std::uint64_t>, std::shared_future<std::shared_ptr<const View>>>
      flights_;
};

}  // namespace kidwiki::web
