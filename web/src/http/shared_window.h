// A KeyedWindow behind a lock, for a rate limit that many request threads count against at
// once: reports, previews. In memory only, forgotten when the server stops.
#pragma once

#include <chrono>
#include <mutex>
#include <string>

#include "http/keyed_window.h"

namespace kidwiki::web {

class SharedWindow {
 public:
  SharedWindow(std::size_t limit, std::chrono::seconds window) : window_(limit, window) {}

  // Zero and counted when one more event for `key` may go on; else how long to wait.
  // Thread-safe.
  std::chrono::seconds try_take(const std::string& key);

 private:
  std::mutex mutex_;
  KeyedWindow window_;
  std::size_t since_prune_ = 0;
};

}  // namespace kidwiki::web
