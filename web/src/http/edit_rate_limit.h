// How many saves the server accepts in a short time, so that one pupil (or a whole class in a
// game of "who saves most") cannot flood the wiki and the review queue. Counted per account and
// per class, never per address alone: a whole school shares one address. Readers' edits (only
// where an edition allows them) are counted per address, the one thing known about them.
// In memory only, forgotten when the server stops.
//
// Thread-safety: every method may be called from many threads at once.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "http/keyed_window.h"
#include "web/server.h"

namespace kidwiki::web {


struct EditCounter {
  enum class Kind { pupil, staff, reader } kind;
  std::string key;                      // the account id, or the address for a reader
  std::optional<std::int64_t> class_id;  // a pupil's class
};

class EditRateLimit {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  explicit EditRateLimit(EditLimits limits = {}, Clock clock = std::chrono::steady_clock::now);

  // Zero and counted when the save may go on; else how long to wait (nothing counted).
  std::chrono::seconds try_save(const EditCounter& who);

 private:
  // Precondition for both: mutex_ held.
  KeyedWindow& window_for(EditCounter::Kind kind);
  std::chrono::seconds wait(const EditCounter& who, KeyedWindow::TimePoint now);

  Clock clock_;
  std::mutex mutex_;
  KeyedWindow pupils_, staff_, classes_, readers_;
  std::size_t since_prune_ = 0;
};

}  // namespace kidwiki::web
